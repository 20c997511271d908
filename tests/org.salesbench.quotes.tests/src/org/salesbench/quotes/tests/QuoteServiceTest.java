package org.salesbench.quotes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.quotes.ApprovalOutcome;
import org.salesbench.quotes.ApprovalOutcome.State;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteApprovalRequest;
import org.salesbench.quotes.QuoteApprovalService;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.quotes.internal.ThresholdQuoteApprovalService;

/** Quotes on Derby through the real services: versions, stored totals, bad input, the approval seam, status steps. */
class QuoteServiceTest {

    private QuoteFixture fx = new QuoteFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aDraftIsTheOpportunitysNextVersionWithItsTotalsStored() {
        Quote first = fx.erpWithServiceDays("0");
        assertEquals(1, first.getVersionNumber());
        assertEquals(QuoteStatus.DRAFT, first.getStatus());
        // 98000 − 4900 = 93100, tax 12103; 50000, tax 3000
        QuoteFixture.assertStored(fx.quotes.find(first.getId()).orElseThrow(), "148000.00", "4900.00", "143100.00", "15103.00", "158203.00",
                "ERP-STD", "SVC-DAY");

        Quote second = fx.quotes.newVersion(first.getId());
        assertEquals(2, second.getVersionNumber());
        assertEquals(Money.cny("158203.00"), fx.quotes.find(second.getId()).orElseThrow().getGrandTotal());
        assertEquals(List.of(2, 1), fx.quotes.listForOpportunity(fx.opportunity.getId()).stream().map(Quote::getVersionNumber).toList());
        assertEquals(2, fx.quotes.countForOpportunity(fx.opportunity.getId()));
        assertTrue(fx.events.contains(new QuoteFixture.Posted(Quote.ENTITY, Change.CREATED, second.getId())));
    }

    @Test
    void anEditRecomputesTheStoredTotals() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        Quote quote = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "1", "1000", "0", "13")));
        quote.getLines().get(0).setQuantity(new BigDecimal("3"));
        fx.quotes.update(quote);
        assertEquals(Money.cny("3390.00"), fx.quotes.find(quote.getId()).orElseThrow().getGrandTotal());
    }

    // ---- bad input: each refused naming the field, nothing saved

    private void assertRefused(String field, String expectedInMessage, Product product, String qty, String price, String discount) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> fx.quotes.createDraft(fx.draft(QuoteFixture.line(product, qty, price, discount, "13"))));
        assertNotNull(e.errorOf(field), "error on " + field + ": " + e.getMessage());
        String message = e.errorOf(field).message();
        assertTrue(message.contains("Line 1") && message.contains(expectedInMessage), message);
        assertEquals(0, fx.quotes.countForOpportunity(fx.opportunity.getId()), "nothing saved");
    }

    @Test
    void aDiscountOver100PercentIsRefused() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        assertRefused("lines[0].discountPercent", "discount", erp, "1", "1000", "100.5");
    }

    @Test
    void aNegativeDiscountIsRefused() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        assertRefused("lines[0].discountPercent", "discount", erp, "1", "1000", "-5");
    }

    @Test
    void aNegativeQuantityIsRefused() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        assertRefused("lines[0].quantity", "quantity", erp, "-2", "1000", "0");
    }

    @Test
    void aZeroQuantityIsRefused() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        assertRefused("lines[0].quantity", "quantity", erp, "0", "1000", "0");
    }

    @Test
    void aNegativeUnitPriceIsRefused() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        assertRefused("lines[0].unitPrice", "unit price", erp, "1", "-0.01", "0");
    }

    @Test
    void aLineWithoutAProductIsRefused() {
        assertRefused("lines[0].product", "product", null, "1", "1000", "0");
    }

    @Test
    void aQuoteWithoutAnOpportunityOrValidityDateIsRefused() {
        Quote quote = new Quote(null, null);
        ValidationException e = assertThrows(ValidationException.class, () -> fx.quotes.createDraft(quote));
        assertTrue(e.errorOf("opportunity").message().contains("Opportunity"), e.getMessage());
        assertNotNull(e.errorOf("validUntil"));
    }

    @Test
    void aValidityDateInThePastIsRefused() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        Quote quote = fx.draft(QuoteFixture.line(erp, "1", "1000", "0", "13"));
        quote.setValidUntil(LocalDate.now(Clocks.system()).minusDays(1));
        ValidationException e = assertThrows(ValidationException.class, () -> fx.quotes.createDraft(quote));
        assertTrue(e.errorOf("validUntil").message().contains("Valid until"), e.getMessage());
    }

    @Test
    void decidingOnAnApprovalNeedsItsOwnPermission() {
        fx.close();
        fx = new QuoteFixture(new ThresholdQuoteApprovalService(BigDecimal.TEN), new LocalSecurityService("li.na", "李娜") {
            @Override
            public boolean isPermitted(Action action, String entity, String owner) {
                return action != Action.APPROVE; // a salesperson, not an approver
            }
        });
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        Quote quote = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "1", "1000", "25", "13")));
        fx.quotes.submitForApproval(quote.getId());

        assertFalse(fx.quotes.mayDecideApproval(quote), "the editor does not offer the decision");
        assertThrows(AccessDeniedException.class, () -> fx.quotes.recordApprovalDecision(quote.getId(), true, "self-approved"));
        Quote unchanged = fx.quotes.find(quote.getId()).orElseThrow();
        assertEquals(QuoteStatus.IN_APPROVAL, unchanged.getStatus());
        assertNull(unchanged.getDecidedBy());
    }

    @Test
    void nobodyApprovesTheirOwnRequestOnATeamServer() {
        fx.close();
        SecurityService manager = new LocalSecurityService("wang.qiang") {
            @Override
            public CurrentUser currentUser() {
                return new CurrentUser("wang.qiang", "王强", List.of("sales_manager"), false);
            }
        };
        fx = new QuoteFixture(new ThresholdQuoteApprovalService(BigDecimal.TEN), manager);
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        Quote own = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "1", "1000", "25", "13")));
        fx.quotes.submitForApproval(own.getId());

        assertFalse(fx.quotes.mayDecideApproval(own), "the editor does not offer the decision on one's own quote");
        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> fx.quotes.recordApprovalDecision(own.getId(), true, "self-approved"));
        assertTrue(refused.getMessage().contains("wang.qiang"), refused.getMessage());
        assertEquals(QuoteStatus.IN_APPROVAL, fx.quotes.find(own.getId()).orElseThrow().getStatus());

        Quote reps = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "1", "1000", "25", "13")));
        reps.setOwner("li.na");
        reps = fx.quotes.update(reps);
        fx.quotes.submitForApproval(reps.getId());
        assertTrue(fx.quotes.mayDecideApproval(reps));
        Quote approved = fx.quotes.recordApprovalDecision(reps.getId(), true, "同意");
        assertEquals(QuoteStatus.APPROVED, approved.getStatus());
        assertEquals("wang.qiang", approved.getDecidedBy());
    }

    @Test
    void anEmptyDraftCannotBeSubmitted() {
        Quote quote = fx.quotes.createDraft(fx.draft());
        ValidationException e = assertThrows(ValidationException.class, () -> fx.quotes.submitForApproval(quote.getId()));
        assertNotNull(e.errorOf("lines"), e.getMessage());
        assertEquals(QuoteStatus.DRAFT, fx.quotes.find(quote.getId()).orElseThrow().getStatus());
    }

    // ---- the discount threshold (10 % in the fixture)

    @Test
    void aDiscountAtTheThresholdIsApprovedAtOnce() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        Quote quote = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "1", "1000", "10", "13")));

        assertTrue(fx.quotes.mayDecideApproval(quote), "a local user with every permission may decide");
        Quote submitted = fx.quotes.submitForApproval(quote.getId());
        assertEquals(QuoteStatus.APPROVED, submitted.getStatus());
        assertTrue(submitted.getApprovalNote().contains("10"), submitted.getApprovalNote());
        assertNull(submitted.getDecidedBy(), "nobody had to decide");
    }

    @Test
    void aDiscountAboveTheThresholdWaitsForADecision() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        Product days = fx.product("SVC-DAY", "实施服务", "2500", "6");
        Quote quote = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "1", "1000", "5", "13"),
                QuoteFixture.line(days, "4", "2500", "10.5", "6")));

        Quote submitted = fx.quotes.submitForApproval(quote.getId());
        assertEquals(QuoteStatus.IN_APPROVAL, submitted.getStatus());
        assertTrue(submitted.getApprovalNote().contains("Line 2") && submitted.getApprovalNote().contains("10.5"),
                submitted.getApprovalNote());
        ValidationException edit = assertThrows(ValidationException.class, () -> fx.quotes.update(submitted));
        assertNotNull(edit.errorOf("status"), "a quote in approval cannot be edited");

        Quote approved = fx.quotes.recordApprovalDecision(quote.getId(), true, "同意，战略客户");
        assertEquals(QuoteStatus.APPROVED, approved.getStatus());
        assertEquals("zhang.wei", approved.getDecidedBy());
        assertEquals("同意，战略客户", approved.getApprovalNote());
        assertNotNull(approved.getDecidedAt());
    }

    @Test
    void aRefusedApprovalSendsTheQuoteBackToDraft() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        Quote quote = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "1", "1000", "30", "13")));
        fx.quotes.submitForApproval(quote.getId());

        Quote refused = fx.quotes.recordApprovalDecision(quote.getId(), false, "折扣过高");
        assertEquals(QuoteStatus.DRAFT, refused.getStatus());
        assertEquals("折扣过高", refused.getApprovalNote());
        ValidationException twice = assertThrows(ValidationException.class,
                () -> fx.quotes.recordApprovalDecision(quote.getId(), true, null));
        assertNotNull(twice.errorOf("status"), "only a quote in approval can be decided");
    }

    @Test
    void theThresholdIsConfigurable() {
        ThresholdQuoteApprovalService service = new ThresholdQuoteApprovalService();
        service.activate(Map.of(ThresholdQuoteApprovalService.THRESHOLD_KEY, "20"));
        assertEquals(0, new BigDecimal("20").compareTo(service.threshold()));
        assertEquals(State.APPROVED, service.submit(request("15")).state());
        assertEquals(State.PENDING, service.submit(request("20.01")).state());

        service.activate(Map.of(ThresholdQuoteApprovalService.THRESHOLD_KEY, "0"));
        assertEquals(State.PENDING, service.submit(request("0.5")).state(), "threshold 0: every discount needs approval");
        assertEquals(State.APPROVED, service.submit(request("0")).state());
    }

    private static QuoteApprovalRequest request(String maxDiscount) {
        return new QuoteApprovalRequest(1, 1, 1, "zhang.wei", new BigDecimal(maxDiscount), 1, Money.cny("0"), Money.cny("100"));
    }

    @Test
    void anotherApprovalServicePlugsIntoTheSeam() {
        fx.close();
        QuoteApprovalRequest[] seen = new QuoteApprovalRequest[1];
        fx = new QuoteFixture(new QuoteApprovalService() {
            @Override
            public ApprovalOutcome submit(QuoteApprovalRequest request) {
                seen[0] = request;
                return new ApprovalOutcome(State.REFUSED, "workflow: customer on credit hold");
            }

            @Override
            public boolean requiresApproval(QuoteApprovalRequest request) {
                return true;
            }
        });
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        Quote quote = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "2", "1000", "3", "13")));

        Quote result = fx.quotes.submitForApproval(quote.getId());
        assertEquals(QuoteStatus.DRAFT, result.getStatus());
        assertEquals("workflow: customer on credit hold", result.getApprovalNote());
        assertEquals(quote.getId(), seen[0].quoteId());
        assertEquals(0, new BigDecimal("3").compareTo(seen[0].maxDiscountPercent()));
        assertEquals(Money.cny("2192.20"), seen[0].total()); // 2000 − 3 % = 1940.00, + 13 % tax 252.20
    }

    @Test
    void aFailingApprovalServiceLeavesTheQuoteADraft() {
        fx.close();
        fx = new QuoteFixture(new QuoteApprovalService() {
            @Override
            public ApprovalOutcome submit(QuoteApprovalRequest request) {
                throw new IllegalStateException("approval engine down");
            }

            @Override
            public boolean requiresApproval(QuoteApprovalRequest request) {
                return true;
            }
        });
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        Quote quote = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "1", "1000", "0", "13")));

        assertThrows(IllegalStateException.class, () -> fx.quotes.submitForApproval(quote.getId()));
        assertEquals(QuoteStatus.DRAFT, fx.quotes.find(quote.getId()).orElseThrow().getStatus());
    }

    // ---- after approval

    @Test
    void anApprovedQuoteIsSentThenAcceptedAndStepsOutOfOrderAreRefused() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        Quote quote = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "1", "1000", "0", "13")));
        ValidationException early = assertThrows(ValidationException.class, () -> fx.quotes.markSent(quote.getId()));
        assertTrue(early.errorOf("status").message().contains("draft"), early.getMessage());

        fx.quotes.submitForApproval(quote.getId());
        assertEquals(QuoteStatus.SENT, fx.quotes.markSent(quote.getId()).getStatus());
        assertEquals(QuoteStatus.ACCEPTED, fx.quotes.markAccepted(quote.getId()).getStatus());
        assertThrows(ValidationException.class, () -> fx.quotes.markRejected(quote.getId(), "too late"));
    }

    @Test
    void aSentQuoteCanBeRejectedWithAReason() {
        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        Quote quote = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "1", "1000", "0", "13")));
        fx.quotes.submitForApproval(quote.getId());
        fx.quotes.markSent(quote.getId());
        Quote rejected = fx.quotes.markRejected(quote.getId(), "预算削减");
        assertEquals(QuoteStatus.REJECTED, rejected.getStatus());
        assertEquals("预算削减", rejected.getRejectionReason());
    }
}
