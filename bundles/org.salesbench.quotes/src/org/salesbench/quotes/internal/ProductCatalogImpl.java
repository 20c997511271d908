package org.salesbench.quotes.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.opportunities.ProductCatalog;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.ProductService;

/** The catalogue as opportunities see it (their main product), read through the product service and its permission checks. */
@Component(service = ProductCatalog.class)
public class ProductCatalogImpl implements ProductCatalog {

    private final ProductService products;

    @Activate
    public ProductCatalogImpl(@Reference ProductService products) {
        this.products = products;
    }

    @Override
    public List<CatalogProduct> list(boolean activeOnly) {
        return products.list(activeOnly).stream().map(ProductCatalogImpl::entry).toList();
    }

    @Override
    public Optional<CatalogProduct> find(long id) {
        return products.find(id).map(ProductCatalogImpl::entry);
    }

    @Override
    public Optional<CatalogProduct> findByCode(String code) {
        return products.findByCode(code).map(ProductCatalogImpl::entry);
    }

    private static CatalogProduct entry(Product product) {
        return new CatalogProduct(product.getId(), product.getCode(), product.getName(), product.getListPrice());
    }
}
