package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.ADMIN;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.DIRECTOR;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.MANAGER;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.REP;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.workflow.approvals.ApprovalAction;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalHistoryEntry;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalStatus;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ConditionOperator;

/**
 * The Quotes page's approve and refuse ({@code QuoteService.decideApproval}) go through the engine: with a two-step
 * definition the manager's approval only moves the request to the director, the manager may not decide the second
 * step although he holds the right to approve quotes, and the quote is approved when the director approves.
 */
class QuoteButtonsTest {

    private final ApprovalFixture fx = new ApprovalFixture();

    @BeforeEach
    void twoSteps() {
        ApprovalDefinition definition = new ApprovalDefinition("大折扣两级审批", Quote.ENTITY, "maxDiscountPercent", ConditionOperator.GT, "20");
        definition.setPriority(1);
        definition.addStep(new ApprovalStep("经理审批", ApproverKind.OWNER_MANAGER, null));
        definition.addStep(new ApprovalStep("总监审批", ApproverKind.USERS, DIRECTOR));
        fx.as(ADMIN);
        fx.engine.saveDefinition(definition);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<ApprovalAction> actions(long requestId) {
        return fx.engine.history(requestId).stream().map(ApprovalHistoryEntry::getAction).toList();
    }

    @Test
    void approvingOnTheQuotesPageDecidesOneStepAtATime() {
        Quote quote = fx.repsQuote("25");
        assertEquals(QuoteStatus.IN_APPROVAL, fx.quotes.submitForApproval(quote.getId()).getStatus());
        ApprovalRequest request = fx.engine.pendingFor(Quote.ENTITY, quote.getId()).orElseThrow();
        assertEquals("大折扣两级审批", request.getDefinitionName());

        fx.as(MANAGER);
        assertTrue(fx.quotes.mayDecideApproval(fx.quotes.find(quote.getId()).orElseThrow()));
        Quote afterManager = fx.quotes.decideApproval(quote.getId(), true, "经理同意");
        assertEquals(QuoteStatus.IN_APPROVAL, afterManager.getStatus(), "the director's step is not skipped");
        assertEquals(2, fx.engine.find(request.getId()).orElseThrow().getCurrentStep());
        assertFalse(fx.quotes.mayDecideApproval(afterManager), "the manager does not decide the director's step");

        fx.as(DIRECTOR);
        assertTrue(fx.quotes.mayDecideApproval(afterManager));
        Quote approved = fx.quotes.decideApproval(quote.getId(), true, "总监同意");
        assertEquals(QuoteStatus.APPROVED, approved.getStatus());
        assertEquals(DIRECTOR, approved.getDecidedBy());
        assertEquals(ApprovalStatus.APPROVED, fx.engine.find(request.getId()).orElseThrow().getStatus());
        assertEquals(List.of(ApprovalAction.SUBMITTED, ApprovalAction.APPROVED, ApprovalAction.APPROVED), actions(request.getId()));
    }

    @Test
    void refusingOnTheQuotesPageRejectsTheRequestAndSendsTheQuoteBackToDraft() {
        Quote quote = fx.repsQuote("30");
        fx.as(REP);
        fx.quotes.submitForApproval(quote.getId());
        ApprovalRequest request = fx.engine.pendingFor(Quote.ENTITY, quote.getId()).orElseThrow();

        fx.as(MANAGER);
        Quote refused = fx.quotes.decideApproval(quote.getId(), false, "折扣过高");
        assertEquals(QuoteStatus.DRAFT, refused.getStatus());
        assertEquals("折扣过高", refused.getApprovalNote());
        assertEquals(ApprovalStatus.REJECTED, fx.engine.find(request.getId()).orElseThrow().getStatus());
        assertEquals(List.of(ApprovalAction.SUBMITTED, ApprovalAction.REJECTED), actions(request.getId()));
    }
}
