package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.MANAGER;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.REP;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.workflow.approvals.ApprovalAction;
import org.salesbench.workflow.approvals.ApprovalHistoryEntry;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalStatus;
import org.salesbench.workflow.internal.approvals.QuoteDecisionSync;

/**
 * The quotes' discount approval as a definition of the engine, end to end through the real {@code QuoteService}: the
 * shipped "quote discount > 10 %" sends the rep's quote to their manager, whose decision moves the quote.
 */
class QuoteApprovalTest {

    private final ApprovalFixture fx = new ApprovalFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aDiscountWithinTenPercentIsApprovedAtOnce() {
        Quote quote = fx.repsQuote("10");
        assertTrue(!fx.engine.matchingDefinition(Quote.ENTITY, quote.getId()).isPresent());
        Quote submitted = fx.quotes.submitForApproval(quote.getId());
        assertEquals(QuoteStatus.APPROVED, submitted.getStatus());
        assertTrue(fx.engine.latestFor(Quote.ENTITY, quote.getId()).isEmpty(), "no request was needed");
    }

    @Test
    void aDiscountOverTenPercentWaitsForTheOwnersManagerWhoseApprovalApprovesTheQuote() {
        Quote quote = fx.repsQuote("15");
        Quote submitted = fx.quotes.submitForApproval(quote.getId());
        assertEquals(QuoteStatus.IN_APPROVAL, submitted.getStatus());
        assertTrue(submitted.getApprovalNote().contains("Quote discount > 10 %") && submitted.getApprovalNote().contains(MANAGER),
                submitted.getApprovalNote());
        ApprovalRequest request = fx.engine.pendingFor(Quote.ENTITY, quote.getId()).orElseThrow();
        assertEquals(REP, request.getRequester());
        assertTrue(request.getRecordLabel().contains("MES 二期"), request.getRecordLabel());
        // locked: the quote in approval cannot be edited, not even by its owner
        ValidationException edit = assertThrows(ValidationException.class, () -> fx.quotes.update(submitted));
        assertNotNull(edit.errorOf("status"));
        AccessDeniedException own = assertThrows(AccessDeniedException.class, () -> fx.engine.approve(request.getId(), null));
        assertTrue(own.getMessage().contains(REP), own.getMessage());

        fx.as(MANAGER);
        assertEquals(List.of(request.getId()), fx.engine.list(org.salesbench.workflow.approvals.ApprovalService.Filter.PENDING_FOR_ME).stream()
                .map(ApprovalRequest::getId).toList());
        fx.engine.approve(request.getId(), "同意，战略客户");
        Quote approved = fx.quotes.find(quote.getId()).orElseThrow();
        assertEquals(QuoteStatus.APPROVED, approved.getStatus());
        assertEquals(MANAGER, approved.getDecidedBy());
        assertEquals("同意，战略客户", approved.getApprovalNote());
        assertEquals(List.of(ApprovalAction.SUBMITTED, ApprovalAction.APPROVED),
                fx.engine.history(request.getId()).stream().map(ApprovalHistoryEntry::getAction).toList());
    }

    @Test
    void aRejectionSendsTheQuoteBackToDraftAndARecallToo() {
        Quote quote = fx.repsQuote("25");
        fx.quotes.submitForApproval(quote.getId());
        long first = fx.engine.pendingFor(Quote.ENTITY, quote.getId()).orElseThrow().getId();
        fx.as(MANAGER);
        fx.engine.reject(first, "折扣过高");
        Quote refused = fx.quotes.find(quote.getId()).orElseThrow();
        assertEquals(QuoteStatus.DRAFT, refused.getStatus());
        assertEquals("折扣过高", refused.getApprovalNote());

        fx.as(REP);
        assertEquals(QuoteStatus.IN_APPROVAL, fx.quotes.submitForApproval(quote.getId()).getStatus());
        ApprovalRequest second = fx.engine.pendingFor(Quote.ENTITY, quote.getId()).orElseThrow();
        assertEquals(ApprovalStatus.RECALLED, fx.engine.recall(second.getId(), "改折扣").getStatus());
        Quote recalled = fx.quotes.find(quote.getId()).orElseThrow();
        assertEquals(QuoteStatus.DRAFT, recalled.getStatus());
        assertNull(recalled.getDecidedBy());
        recalled.getLines().get(0).setDiscountPercent(new java.math.BigDecimal("8"));
        fx.quotes.update(recalled);
        assertEquals(QuoteStatus.APPROVED, fx.quotes.submitForApproval(quote.getId()).getStatus());
    }

    @Test
    void aDecisionOnTheQuotesPageClosesTheRequestSoTheQuoteCanBeSubmittedAgain() {
        Quote quote = fx.repsQuote("20");
        fx.quotes.submitForApproval(quote.getId());
        long request = fx.engine.pendingFor(Quote.ENTITY, quote.getId()).orElseThrow().getId();
        QuoteDecisionSync sync = new QuoteDecisionSync(fx.engine, fx.quotes);
        assertTrue(!sync.sync(quote.getId()), "a quote still in approval keeps its request");

        // the opportunity editor's Quotes page refuses through QuoteService, not through the engine
        fx.as(MANAGER);
        fx.quotes.recordApprovalDecision(quote.getId(), false, "先降到 10 %");
        assertTrue(sync.sync(quote.getId()));
        assertEquals(ApprovalStatus.REJECTED, fx.engine.find(request).orElseThrow().getStatus());
        ApprovalHistoryEntry outside = fx.engine.history(request).get(1);
        assertEquals(MANAGER, outside.getActor());
        assertEquals("先降到 10 %", outside.getComment());

        fx.as(REP);
        assertEquals(QuoteStatus.IN_APPROVAL, fx.quotes.submitForApproval(quote.getId()).getStatus(), "no stale request blocks it");
    }
}
