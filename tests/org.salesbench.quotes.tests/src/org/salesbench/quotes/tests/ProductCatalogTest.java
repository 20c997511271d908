package org.salesbench.quotes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.ProductCatalog;
import org.salesbench.opportunities.ProductCatalog.CatalogProduct;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.internal.ProductCatalogImpl;

/** The catalogue the quotes module gives opportunities: an opportunity names its main product by id through it. */
class ProductCatalogTest {

    private final QuoteFixture fx = new QuoteFixture();
    private final ProductCatalog catalog = new ProductCatalogImpl(fx.products);

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void theCatalogueOffersTheProductsAndFindsRetiredOnesByIdAndCode() {
        Product sold = fx.product("CAT-A", "数据中台", "120000", "13");
        Product retired = fx.product("CAT-B", "旧版报表", "5000", "6");
        retired.setActive(false);
        fx.products.update(retired);

        assertEquals(List.of("CAT-A"), catalog.list(true).stream().map(CatalogProduct::code).toList());
        assertEquals(List.of("CAT-A", "CAT-B"), catalog.list(false).stream().map(CatalogProduct::code).toList());
        CatalogProduct found = catalog.find(retired.getId()).orElseThrow();
        assertEquals(new CatalogProduct(retired.getId(), "CAT-B", "旧版报表", retired.getListPrice()), found);
        assertEquals(sold.getId(), catalog.findByCode("CAT-A").orElseThrow().id());
        assertTrue(catalog.find(987_654_321L).isEmpty());
    }

    @Test
    void anOpportunityNamesACatalogueProductAndAnUnknownOneIsRefused() {
        Product product = fx.product("CAT-MAIN", "智能制造套件", "300000", "13");
        OpportunityServiceImpl opportunities = new OpportunityServiceImpl(fx.db, fx.security, (entity, change, id) -> { });
        opportunities.setProductCatalog(catalog);

        Opportunity o = opportunities.find(fx.opportunity.getId()).orElseThrow();
        o.setProductId(product.getId());
        opportunities.update(o);
        assertEquals(product.getId(), opportunities.find(o.getId()).orElseThrow().getProductId());

        Opportunity unknown = opportunities.find(o.getId()).orElseThrow();
        unknown.setProductId(987_654_321L);
        ValidationException refused = assertThrows(ValidationException.class, () -> opportunities.update(unknown));
        assertEquals("Product: there is no product 987654321", refused.getErrors().stream()
                .filter(e -> e.field().equals("product")).findFirst().orElseThrow().message());
    }
}
