package org.salesbench.quotes;

import java.util.List;
import java.util.Optional;

/**
 * The product catalogue. Every call checks permission; bad input is refused with a
 * {@link org.salesbench.core.validation.ValidationException} naming the field.
 */
public interface ProductService {

    Product create(Product product);

    Product update(Product product);

    Optional<Product> find(long id);

    Optional<Product> findByCode(String code);

    /** The catalogue ordered by code; {@code activeOnly} leaves out products no longer sold. */
    List<Product> list(boolean activeOnly);

    /** Checks the fields without saving; throws a ValidationException listing every problem. */
    void validate(Product product);
}
