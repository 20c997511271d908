package org.salesbench.quotes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.quotes.Product;

class ProductServiceTest {

    private final QuoteFixture fx = new QuoteFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aProductIsSavedFoundByCodeAndListedUntilInactive() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "98000", "13");
        fx.product("SVC-DAY", "实施服务（人天）", "2500", "6");

        Product found = fx.products.findByCode("ERP-STD").orElseThrow();
        assertEquals("ERP 标准版", found.getName());
        assertEquals(Money.cny("98000.00"), found.getListPrice());
        assertEquals(0, new BigDecimal("13").compareTo(found.getTaxRate()));
        assertEquals(2, fx.products.list(true).size());

        found.setActive(false);
        fx.products.update(found);
        assertEquals(1, fx.products.list(true).size());
        assertEquals(2, fx.products.list(false).size());
        assertTrue(fx.events.stream().anyMatch(e -> e.entity().equals(Product.ENTITY) && e.id() == erp.getId()));
    }

    @Test
    void theCodeIsUnique() {
        fx.product("ERP-STD", "ERP 标准版", "98000", "13");
        ValidationException e = assertThrows(ValidationException.class, () -> fx.product("ERP-STD", "Another", "1", "13"));
        assertNotNull(e.errorOf("code"), e.getMessage());
        assertTrue(e.errorOf("code").message().contains("ERP-STD"), e.errorOf("code").message());
        assertEquals(1, fx.products.list(false).size(), "nothing saved");
    }

    @Test
    void badFieldsAreRefusedNamingEachField() {
        Product bad = new Product("bad code!", " ", "", Money.cny("-1"), new BigDecimal("120"));
        ValidationException e = assertThrows(ValidationException.class, () -> fx.products.create(bad));
        assertTrue(e.errorOf("code").message().contains("bad code!"), e.errorOf("code").message());
        assertNotNull(e.errorOf("name"));
        assertNotNull(e.errorOf("unit"));
        assertTrue(e.errorOf("listPrice").message().contains("List price"), e.errorOf("listPrice").message());
        assertTrue(e.errorOf("taxRate").message().contains("120"), e.errorOf("taxRate").message());
        assertFalse(fx.products.findByCode("bad code!").isPresent());
    }
}
