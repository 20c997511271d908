package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.contracts.tests.ContractFixture.MANAGER;
import static org.salesbench.contracts.tests.ContractFixture.REP;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.workflow.approvals.ApprovalAction;
import org.salesbench.workflow.approvals.ApprovalHistoryEntry;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApprovalStatus;

/**
 * Approval through the workflow engine, with the subject the contracts bundle contributes to the extension point and
 * the shipped definition "Every contract": the rep's submission waits for their manager, whose decision moves the
 * contract; a rejection and a recall send it back to draft.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractApprovalTest {

    private ContractFixture fx;

    @BeforeAll
    void open() {
        fx = new ContractFixture();
    }

    @AfterAll
    void close() {
        fx.close();
    }

    private Contract submitted() {
        long deal = fx.deal("MES 二期", "250000", true).getId();
        fx.as(REP);
        Contract draft = fx.contracts.createFromOpportunity(deal);
        return fx.contracts.submitForApproval(draft.getId());
    }

    @Test
    void theContractSubjectIsContributedAndEveryContractGoesToTheOwnersManager() {
        assertTrue(fx.engine.subjectTypes().contains(Contract.ENTITY), fx.engine.subjectTypes().toString());
        Contract contract = submitted();
        assertEquals(ContractStatus.IN_APPROVAL, contract.getStatus());
        assertTrue(contract.getStatusNote().contains("Every contract") && contract.getStatusNote().contains(MANAGER), contract.getStatusNote());
        ApprovalRequest request = fx.engine.pendingFor(Contract.ENTITY, contract.getId()).orElseThrow();
        assertEquals(REP, request.getRequester());
        assertTrue(request.getRecordLabel().contains(contract.getNumber()), request.getRecordLabel());
        assertEquals(List.of(MANAGER), fx.engine.currentApprovers(request.getId()));

        // locked while in approval, and nobody approves their own request
        ValidationException edit = assertThrows(ValidationException.class, () -> fx.contracts.update(contract));
        assertNotNull(edit.errorOf("status"));
        assertThrows(AccessDeniedException.class, () -> fx.engine.approve(request.getId(), null));
        assertThrows(ValidationException.class, () -> fx.contracts.sign(contract.getId(), fx.today()));

        fx.as(MANAGER);
        fx.engine.approve(request.getId(), "同意");
        Contract approved = fx.contracts.find(contract.getId()).orElseThrow();
        assertEquals(ContractStatus.APPROVED, approved.getStatus());
        assertEquals(MANAGER, approved.getDecidedBy());
        assertEquals("同意", approved.getStatusNote());
        assertEquals(ApprovalStatus.APPROVED, fx.engine.find(request.getId()).orElseThrow().getStatus());
        fx.as(REP);
        assertEquals(ContractStatus.SIGNED, fx.contracts.sign(contract.getId(), fx.today()).getStatus());
    }

    @Test
    void aRejectionSendsTheContractBackToDraftAndARecallToo() {
        Contract contract = submitted();
        long first = fx.engine.pendingFor(Contract.ENTITY, contract.getId()).orElseThrow().getId();
        fx.as(MANAGER);
        fx.engine.reject(first, "付款条件不清");
        Contract rejected = fx.contracts.find(contract.getId()).orElseThrow();
        assertEquals(ContractStatus.DRAFT, rejected.getStatus());
        assertEquals("付款条件不清", rejected.getStatusNote());

        fx.as(REP);
        assertEquals(ContractStatus.IN_APPROVAL, fx.contracts.submitForApproval(contract.getId()).getStatus());
        ApprovalRequest second = fx.engine.pendingFor(Contract.ENTITY, contract.getId()).orElseThrow();
        assertEquals(ApprovalStatus.RECALLED, fx.engine.recall(second.getId(), "改条款").getStatus());
        assertEquals(ContractStatus.DRAFT, fx.contracts.find(contract.getId()).orElseThrow().getStatus());
    }

    @Test
    void aDecisionTakenThroughTheServiceClosesThePendingRequest() {
        Contract contract = submitted();
        long request = fx.engine.pendingFor(Contract.ENTITY, contract.getId()).orElseThrow().getId();
        fx.as(REP);
        assertThrows(AccessDeniedException.class, () -> fx.contracts.recordApprovalDecision(contract.getId(), true, null));
        fx.as(MANAGER);
        assertNotNull(assertThrows(ValidationException.class, () -> fx.contracts.recordApprovalDecision(contract.getId(), false, "")).errorOf("comment"));
        fx.contracts.recordApprovalDecision(contract.getId(), false, "金额需复核");
        assertEquals(ApprovalStatus.REJECTED, fx.engine.find(request).orElseThrow().getStatus());
        List<ApprovalAction> actions = fx.engine.history(request).stream().map(ApprovalHistoryEntry::getAction).toList();
        assertEquals(ApprovalAction.SUBMITTED, actions.get(0));
        assertTrue(fx.engine.list(ApprovalService.Filter.PENDING_FOR_ME).stream().noneMatch(r -> r.getId() == request));
    }

    @Test
    void deletingAContractInApprovalWithdrawsItsPendingRequest() {
        Contract contract = submitted();
        long request = fx.engine.pendingFor(Contract.ENTITY, contract.getId()).orElseThrow().getId();
        fx.as(REP);
        assertTrue(fx.contracts.mayDelete(contract.getId()));
        fx.contracts.delete(contract.getId());
        assertFalse(fx.contracts.mayDelete(contract.getId()), "in the recycle bin already");
        // no approver is left with a decision on a contract in the recycle bin
        assertTrue(fx.engine.pendingFor(Contract.ENTITY, contract.getId()).isEmpty());
        assertEquals(ApprovalStatus.RECALLED, fx.engine.find(request).orElseThrow().getStatus());
        assertTrue(fx.engine.history(request).stream().anyMatch(h -> h.getAction() == ApprovalAction.RECALLED),
                fx.engine.history(request).toString());
        assertTrue(fx.contracts.find(contract.getId()).isEmpty());
        assertTrue(fx.contracts.findDeleted(contract.getId()).isPresent());
    }
}
