package org.salesbench.quotes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.quotes.internal.ThresholdQuoteApprovalService;
import org.salesbench.testing.PostgresSchema;

/**
 * Quotes on a team database: a draft's stored totals, a discount over the threshold waiting for a
 * decision, and the approval. Runs on the server {@code SALESBENCH_TEST_PG_URL} names, in a schema of
 * its own that it drops afterwards.
 */
@Tag("postgres")
class PostgresQuoteApprovalTest {

    private PostgresSchema schema;
    private QuoteFixture fx;

    @BeforeEach
    void open() {
        schema = PostgresSchema.create("q");
        fx = new QuoteFixture(schema.settings(), new ThresholdQuoteApprovalService(BigDecimal.TEN), new LocalSecurityService("zhang.wei", "张伟"));
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void aDraftKeepsItsTotalsAndADiscountOverTheThresholdIsApprovedByADecision() {
        Quote draft = fx.erpWithServiceDays("10.5");
        assertEquals(1, draft.getVersionNumber());
        assertEquals(QuoteStatus.DRAFT, draft.getStatus());
        // 98000 − 4900 = 93100, tax 12103; 50000 − 5250 = 44750, tax 2685
        QuoteFixture.assertStored(fx.quotes.find(draft.getId()).orElseThrow(), "148000.00", "10150.00", "137850.00", "14788.00", "152638.00",
                "ERP-STD", "SVC-DAY");

        Quote submitted = fx.quotes.submitForApproval(draft.getId());
        assertEquals(QuoteStatus.IN_APPROVAL, submitted.getStatus());
        assertTrue(submitted.getApprovalNote().contains("10.5"), submitted.getApprovalNote());
        assertNull(submitted.getDecidedBy());
        assertThrows(ValidationException.class, () -> fx.quotes.update(submitted), "a quote in approval cannot be edited");

        fx.quotes.recordApprovalDecision(draft.getId(), true, "同意，战略客户");
        Quote approved = fx.quotes.find(draft.getId()).orElseThrow();
        assertEquals(QuoteStatus.APPROVED, approved.getStatus());
        assertEquals("zhang.wei", approved.getDecidedBy());
        assertEquals("同意，战略客户", approved.getApprovalNote());
        assertNotNull(approved.getDecidedAt());
        assertEquals(Money.cny("152638.00"), approved.getGrandTotal());
        assertEquals(1, fx.quotes.countForOpportunity(fx.opportunity.getId()));
    }
}
