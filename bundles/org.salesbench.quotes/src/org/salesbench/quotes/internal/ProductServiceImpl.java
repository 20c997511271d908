package org.salesbench.quotes.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.Validator;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.ProductService;
import org.salesbench.persistence.UnitOfWork;

/** The product catalogue: validation (including a unique code), permission checks, events after commit. */
@Component(service = ProductService.class)
public class ProductServiceImpl implements ProductService {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._\\-]+");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;

    @Activate
    public ProductServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security,
            @Reference DomainEventPublisher events) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
    }

    @Override
    public Product create(Product product) {
        security.check(Action.CREATE, Product.ENTITY, null);
        normalise(product);
        validate(product);
        return unitOfWork.write(em -> {
            requireUniqueCode(em, product);
            em.persist(product);
            em.flush();
            unitOfWork.afterCommit(() -> events.publish(Product.ENTITY, Change.CREATED, product.getId()));
            return product;
        });
    }

    @Override
    public Product update(Product product) {
        security.check(Action.UPDATE, Product.ENTITY, product.getOwner());
        normalise(product);
        validate(product);
        return unitOfWork.write(em -> {
            requireUniqueCode(em, product);
            Product merged = em.merge(product);
            em.flush();
            unitOfWork.afterCommit(() -> events.publish(Product.ENTITY, Change.UPDATED, merged.getId()));
            return merged;
        });
    }

    @Override
    public Optional<Product> find(long id) {
        security.check(Action.READ, Product.ENTITY, null);
        return unitOfWork.read(em -> Optional.ofNullable(em.find(Product.class, id)));
    }

    @Override
    public Optional<Product> findByCode(String code) {
        security.check(Action.READ, Product.ENTITY, null);
        if (code == null) {
            return Optional.empty();
        }
        return unitOfWork.read(em -> em.createQuery("SELECT p FROM Product p WHERE p.code = :code", Product.class)
                .setParameter("code", code.trim()).getResultStream().findFirst());
    }

    @Override
    public List<Product> list(boolean activeOnly) {
        security.check(Action.READ, Product.ENTITY, null);
        return unitOfWork.read(em -> em.createQuery(
                "SELECT p FROM Product p" + (activeOnly ? " WHERE p.active = TRUE" : "") + " ORDER BY p.code", Product.class)
                .getResultList());
    }

    @Override
    public void validate(Product product) {
        Validator v = new Validator();
        if (v.required("code", Messages.Product_code, product.getCode())) {
            v.maxLength("code", Messages.Product_code, product.getCode(), 32);
            if (!CODE.matcher(product.getCode()).matches()) {
                v.add("code", Messages.Product_codeFormat, Messages.Product_code, product.getCode());
            }
        }
        if (v.required("name", Messages.Product_name, product.getName())) {
            v.maxLength("name", Messages.Product_name, product.getName(), 200);
        }
        if (v.required("unit", Messages.Product_unit, product.getUnit())) {
            v.maxLength("unit", Messages.Product_unit, product.getUnit(), 16);
        }
        if (v.required("listPrice", Messages.Product_listPrice, product.getListPrice())) {
            v.notNegative("listPrice", Messages.Product_listPrice, product.getListPrice().getAmount());
            v.amount("listPrice", Messages.Product_listPrice, product.getListPrice().getAmount());
        }
        if (v.required("taxRate", Messages.Product_taxRate, product.getTaxRate())) {
            percent(v, "taxRate", Messages.Product_taxRate, product.getTaxRate());
        }
        v.maxLength("description", Messages.Quote_notes, product.getDescription(), 1000);
        v.throwIfInvalid();
    }

    /** Between 0 and 100 inclusive; shared with the quote rules. */
    static void percent(Validator v, String field, String label, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            v.add(field, Messages.Validation_percentRange, label, value.stripTrailingZeros().toPlainString());
        }
    }

    static boolean isCurrency(String code) {
        try {
            return code != null && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void normalise(Product product) {
        if (product.getCode() != null) {
            product.setCode(product.getCode().trim());
        }
        if (product.getName() != null) {
            product.setName(product.getName().trim());
        }
    }

    private static void requireUniqueCode(EntityManager em, Product product) {
        List<Long> others = em.createQuery("SELECT p.id FROM Product p WHERE p.code = :code", Long.class)
                .setParameter("code", product.getCode()).getResultList();
        if (others.stream().anyMatch(id -> !id.equals(product.getId()))) {
            Validator v = new Validator();
            v.add("code", Messages.Product_codeTaken, Messages.Product_code, product.getCode());
            v.throwIfInvalid();
        }
    }
}
