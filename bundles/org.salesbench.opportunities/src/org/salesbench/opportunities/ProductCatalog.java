package org.salesbench.opportunities;

import java.util.List;
import java.util.Optional;

import org.salesbench.core.model.Money;

/**
 * The products an opportunity may name as its main product, provided as an OSGi service by the module
 * that owns the catalogue (quotes). An opportunity keeps only the product's id, so opportunities do not
 * depend on that module; without a catalogue installed an opportunity names no product.
 */
public interface ProductCatalog {

    /** A catalogue product as opportunities show and match it. */
    record CatalogProduct(long id, String code, String name, Money listPrice) {
    }

    /** The catalogue by code; {@code activeOnly} leaves out products no longer sold. */
    List<CatalogProduct> list(boolean activeOnly);

    Optional<CatalogProduct> find(long id);

    Optional<CatalogProduct> findByCode(String code);
}
