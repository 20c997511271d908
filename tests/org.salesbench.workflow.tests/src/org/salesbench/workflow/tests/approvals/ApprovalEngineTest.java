package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.ADMIN;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.DIRECTOR;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.FINANCE;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.MANAGER;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.REP;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.workflow.approvals.ApprovalAction;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalHistoryEntry;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApprovalStatus;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ConditionOperator;

/**
 * The approval engine on Derby with real users, roles and teams: single step, multi-step, all-of, reject, delegate,
 * recall, escalation past the SLA, self-approval refused, the record locked, and definitions refused at save.
 */
class ApprovalEngineTest {

    private final ApprovalFixture fx = new ApprovalFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    /** "Deals over 1,000,000 CNY" with the given steps, saved by the administrator. */
    private ApprovalDefinition bigDeals(ApprovalStep... steps) {
        ApprovalDefinition definition = new ApprovalDefinition("大额交易 > 1,000,000", RecordSubject.ENTITY, "amount", ConditionOperator.GT, "1000000");
        for (ApprovalStep step : steps) {
            definition.addStep(step);
        }
        fx.as(ADMIN);
        return fx.engine.saveDefinition(definition);
    }

    private ApprovalRequest startAsRep(long dealId) {
        fx.as(REP);
        return fx.engine.start(RecordSubject.ENTITY, dealId).orElseThrow();
    }

    private List<ApprovalAction> actions(long requestId) {
        return fx.engine.history(requestId).stream().map(ApprovalHistoryEntry::getAction).toList();
    }

    @Test
    void aSingleStepGoesToTheOwnersManagerAndTheirApprovalReachesTheModule() {
        bigDeals(new ApprovalStep("经理审批", ApproverKind.OWNER_MANAGER, "sales_manager"));
        long small = fx.deals.add(1, "小单", REP, "200000", "华东");
        long big = fx.deals.add(2, "宁波港务二期", REP, "1500000", "华东");

        fx.as(REP);
        assertTrue(fx.engine.start(RecordSubject.ENTITY, small).isEmpty(), "no definition matches 200,000");
        ApprovalRequest request = startAsRep(big);
        assertEquals(ApprovalStatus.PENDING, request.getStatus());
        assertEquals(REP, request.getRequester());
        assertEquals(List.of(MANAGER), fx.engine.currentApprovers(request.getId()));
        assertTrue(fx.deals.locked.contains(big), "the module was told to lock the record");
        assertEquals(List.of(request.getId()), fx.engine.list(ApprovalService.Filter.MINE).stream().map(ApprovalRequest::getId).toList());
        assertTrue(fx.engine.list(ApprovalService.Filter.PENDING_FOR_ME).isEmpty(), "nothing waits for the rep");
        ValidationException twice = assertThrows(ValidationException.class, () -> fx.engine.start(RecordSubject.ENTITY, big));
        assertTrue(twice.getMessage().contains("deal #2"), twice.getMessage());

        fx.as(MANAGER);
        assertEquals(List.of(request.getId()), fx.engine.list(ApprovalService.Filter.PENDING_FOR_ME).stream().map(ApprovalRequest::getId).toList());
        assertTrue(fx.engine.mayDecide(request.getId()));
        ApprovalRequest approved = fx.engine.approve(request.getId(), "同意");
        assertEquals(ApprovalStatus.APPROVED, approved.getStatus());
        assertNotNull(approved.getDecidedAt());
        assertEquals(List.of(new RecordSubject.Decision(big, true, "同意")), fx.deals.decisions);
        assertEquals(List.of(ApprovalAction.SUBMITTED, ApprovalAction.APPROVED), actions(request.getId()));
        ApprovalHistoryEntry decision = fx.engine.history(request.getId()).get(1);
        assertEquals(MANAGER, decision.getActor());
        assertEquals("同意", decision.getComment());
        assertNotNull(decision.getOccurredAt());
        assertTrue(fx.events.contains(new ApprovalFixture.Posted(ApprovalService.ENTITY, Change.UPDATED, request.getId())));
        assertThrows(ValidationException.class, () -> fx.engine.approve(request.getId(), null), "a finished request takes no decision");
    }

    @Test
    void multiStepRequestsMoveStepByStepToTheRoleOfTheNextStep() {
        bigDeals(new ApprovalStep("经理审批", ApproverKind.OWNER_MANAGER, null), new ApprovalStep("财务审批", ApproverKind.ROLE, "finance"));
        ApprovalRequest request = startAsRep(fx.deals.add(3, "西部能源", REP, "3000000", "西部"));
        assertEquals(2, request.getStepCount());

        fx.as(MANAGER);
        ApprovalRequest second = fx.engine.approve(request.getId(), null);
        assertEquals(ApprovalStatus.PENDING, second.getStatus());
        assertEquals(2, second.getCurrentStep());
        assertEquals(List.of(FINANCE), fx.engine.currentApprovers(request.getId()));
        assertTrue(fx.deals.decisions.isEmpty(), "the module hears only the outcome");
        AccessDeniedException notHisStep = assertThrows(AccessDeniedException.class, () -> fx.engine.approve(request.getId(), null));
        assertTrue(notHisStep.getMessage().contains(FINANCE), notHisStep.getMessage());

        // finance holds no APPROVE right on deals in this installation: the step's assignment is what lets them decide
        fx.as(FINANCE);
        assertFalse(fx.security.isPermitted(org.salesbench.core.security.Action.APPROVE, RecordSubject.ENTITY, REP));
        assertTrue(fx.engine.mayDecide(request.getId()));
        assertEquals(ApprovalStatus.APPROVED, fx.engine.approve(request.getId(), "财务同意").getStatus());
        assertEquals(List.of(new RecordSubject.Decision(3, true, "财务同意")), fx.deals.decisions);
    }

    @Test
    void anAllOfStepWaitsForEveryApprover() {
        bigDeals(new ApprovalStep("双经理会签", ApproverKind.USERS, MANAGER + ", " + DIRECTOR).setAllRequired(true));
        ApprovalRequest request = startAsRep(fx.deals.add(4, "北方物流", REP, "1200000", "华北"));
        assertEquals(List.of(MANAGER, DIRECTOR), fx.engine.currentApprovers(request.getId()));

        fx.as(MANAGER);
        assertEquals(ApprovalStatus.PENDING, fx.engine.approve(request.getId(), "我同意").getStatus());
        assertEquals(List.of(DIRECTOR), fx.engine.currentApprovers(request.getId()));
        assertThrows(AccessDeniedException.class, () -> fx.engine.approve(request.getId(), null), "one vote each");
        fx.as(DIRECTOR);
        assertEquals(ApprovalStatus.APPROVED, fx.engine.approve(request.getId(), null).getStatus());
        assertEquals(1, fx.deals.decisions.size());
    }

    @Test
    void aRejectionNeedsACommentAndEndsTheRequest() {
        bigDeals(new ApprovalStep("经理审批", ApproverKind.OWNER_MANAGER, null), new ApprovalStep("财务审批", ApproverKind.ROLE, "finance"));
        long deal = fx.deals.add(5, "南方零售", REP, "5000000", "华南");
        ApprovalRequest request = startAsRep(deal);

        fx.as(MANAGER);
        ValidationException noComment = assertThrows(ValidationException.class, () -> fx.engine.reject(request.getId(), " "));
        assertNotNull(noComment.errorOf("comment"), noComment.getMessage());
        assertEquals(ApprovalStatus.PENDING, fx.engine.find(request.getId()).orElseThrow().getStatus());
        ApprovalRequest rejected = fx.engine.reject(request.getId(), "价格过低，请重新报价");
        assertEquals(ApprovalStatus.REJECTED, rejected.getStatus());
        assertEquals(List.of(new RecordSubject.Decision(deal, false, "价格过低，请重新报价")), fx.deals.decisions);
        assertEquals(List.of(ApprovalAction.SUBMITTED, ApprovalAction.REJECTED), actions(request.getId()));
        assertTrue(fx.engine.pendingFor(RecordSubject.ENTITY, deal).isEmpty());
        // a rejected record may be asked for again
        assertEquals(ApprovalStatus.PENDING, startAsRep(deal).getStatus());
    }

    @Test
    void aDelegateDecidesInsteadOfTheApprover() {
        bigDeals(new ApprovalStep("经理审批", ApproverKind.OWNER_MANAGER, null));
        ApprovalRequest request = startAsRep(fx.deals.add(6, "华东精密", REP, "2000000", "华东"));

        fx.as(MANAGER);
        assertNotNull(assertThrows(ValidationException.class, () -> fx.engine.delegate(request.getId(), REP, null)).errorOf("to"),
                "never to the requester");
        ValidationException unknown = assertThrows(ValidationException.class, () -> fx.engine.delegate(request.getId(), "nobody", null));
        assertTrue(unknown.getMessage().contains("nobody"), unknown.getMessage());
        fx.engine.delegate(request.getId(), DIRECTOR, "出差中，请陈静代批");
        assertEquals(List.of(DIRECTOR), fx.engine.currentApprovers(request.getId()));
        assertThrows(AccessDeniedException.class, () -> fx.engine.approve(request.getId(), null), "handed on");

        fx.as(DIRECTOR);
        assertEquals(ApprovalStatus.APPROVED, fx.engine.approve(request.getId(), null).getStatus());
        ApprovalHistoryEntry delegated = fx.engine.history(request.getId()).get(1);
        assertEquals(ApprovalAction.DELEGATED, delegated.getAction());
        assertEquals(MANAGER, delegated.getActor());
        assertEquals(DIRECTOR, delegated.getTarget());
        assertEquals("出差中，请陈静代批", delegated.getComment());
    }

    @Test
    void onlyTheRequesterRecallsAndTheRecordIsUnlocked() {
        bigDeals(new ApprovalStep("经理审批", ApproverKind.OWNER_MANAGER, null));
        long deal = fx.deals.add(7, "长江航运", REP, "1100000", "华中");
        ApprovalRequest request = startAsRep(deal);
        assertTrue(fx.deals.locked.contains(deal));

        fx.as(MANAGER);
        AccessDeniedException notHis = assertThrows(AccessDeniedException.class, () -> fx.engine.recall(request.getId(), null));
        assertTrue(notHis.getMessage().contains(REP), notHis.getMessage());
        fx.as(REP);
        assertEquals(ApprovalStatus.RECALLED, fx.engine.recall(request.getId(), "金额有误").getStatus());
        assertFalse(fx.deals.locked.contains(deal));
        assertTrue(fx.deals.decisions.isEmpty(), "a recall decides nothing");
        fx.as(MANAGER);
        assertThrows(ValidationException.class, () -> fx.engine.approve(request.getId(), null));
        assertTrue(fx.engine.list(ApprovalService.Filter.PENDING_FOR_ME).isEmpty());
    }

    @Test
    void aStepPastItsSlaEscalatesOnceToTheNextStepsApprovers() {
        bigDeals(new ApprovalStep("经理审批", ApproverKind.OWNER_MANAGER, null).setSlaHours(24).setEscalateToStep(2),
                new ApprovalStep("总监审批", ApproverKind.USERS, DIRECTOR));
        ApprovalRequest request = startAsRep(fx.deals.add(8, "东海风电", REP, "8000000", "华东"));

        fx.clock.advance(Duration.ofHours(23));
        assertEquals(0, fx.engine.escalateOverdue(), "within the SLA");
        fx.clock.advance(Duration.ofHours(2));
        assertEquals(1, fx.engine.escalateOverdue());
        assertEquals(List.of(MANAGER, DIRECTOR), fx.engine.currentApprovers(request.getId()));
        assertEquals(0, fx.engine.escalateOverdue(), "once per SLA period, not on every run");
        ApprovalHistoryEntry escalated = fx.engine.history(request.getId()).get(1);
        assertEquals(ApprovalAction.ESCALATED, escalated.getAction());
        assertEquals(DIRECTOR, escalated.getTarget());

        fx.as(DIRECTOR);
        assertEquals(2, fx.engine.approve(request.getId(), "代经理批准").getCurrentStep(), "the director decided step 1");
        assertEquals(ApprovalStatus.APPROVED, fx.engine.approve(request.getId(), null).getStatus());
    }

    @Test
    void nobodyApprovesTheirOwnRequestEvenWhenNamedAsApprover() {
        bigDeals(new ApprovalStep("经理审批", ApproverKind.USERS, MANAGER + "," + DIRECTOR));
        long managersDeal = fx.deals.add(9, "王强的大单", MANAGER, "9000000", "华东");
        fx.as(MANAGER);
        ApprovalRequest own = fx.engine.start(RecordSubject.ENTITY, managersDeal).orElseThrow();
        assertEquals(List.of(DIRECTOR), fx.engine.currentApprovers(own.getId()), "the requester is never among the approvers");
        assertFalse(fx.engine.mayDecide(own.getId()));
        AccessDeniedException refused = assertThrows(AccessDeniedException.class, () -> fx.engine.approve(own.getId(), "自己批"));
        assertTrue(refused.getMessage().contains(MANAGER), refused.getMessage());
        assertEquals(ApprovalStatus.PENDING, fx.engine.find(own.getId()).orElseThrow().getStatus());
    }

    @Test
    void aRecordInApprovalIsLockedForEveryoneButTheApprover() {
        bigDeals(new ApprovalStep("经理审批", ApproverKind.OWNER_MANAGER, null));
        long deal = fx.deals.add(10, "华北电网", REP, "4000000", "华北");
        fx.as(REP);
        fx.engine.checkEditable(RecordSubject.ENTITY, deal);
        ApprovalRequest request = startAsRep(deal);

        ValidationException locked = assertThrows(ValidationException.class, () -> fx.engine.checkEditable(RecordSubject.ENTITY, deal));
        assertTrue(locked.getMessage().contains("华北电网"), locked.getMessage());
        fx.as(DIRECTOR);
        assertThrows(ValidationException.class, () -> fx.engine.checkEditable(RecordSubject.ENTITY, deal));
        fx.as(MANAGER);
        fx.engine.checkEditable(RecordSubject.ENTITY, deal);
        fx.engine.approve(request.getId(), null);
        fx.as(REP);
        fx.engine.checkEditable(RecordSubject.ENTITY, deal);
    }

    // ---- definitions refused at save, naming the problem, nothing saved

    private ValidationException refused(ApprovalDefinition definition, String field, String inMessage) {
        fx.as(ADMIN);
        int before = fx.engine.definitions().size();
        ValidationException e = assertThrows(ValidationException.class, () -> fx.engine.saveDefinition(definition));
        assertNotNull(e.errorOf(field), "error on " + field + ": " + e.getMessage());
        assertTrue(e.errorOf(field).message().contains(inMessage), e.errorOf(field).message());
        assertEquals(before, fx.engine.definitions().size(), "nothing saved");
        return e;
    }

    private static ApprovalDefinition deals(String field, ApprovalStep... steps) {
        ApprovalDefinition definition = new ApprovalDefinition("坏定义", RecordSubject.ENTITY, field, ConditionOperator.GT, "100");
        for (ApprovalStep step : steps) {
            definition.addStep(step);
        }
        return definition;
    }

    @Test
    void aConditionOnAnUnknownFieldIsRefused() {
        refused(deals("discount", new ApprovalStep("经理", ApproverKind.OWNER_MANAGER, null)), "conditionField", "discount");
        ApprovalDefinition notNumber = deals("amount", new ApprovalStep("经理", ApproverKind.OWNER_MANAGER, null));
        notNumber.setConditionValue("一百万");
        refused(notNumber, "conditionValue", "一百万");
        ApprovalDefinition unknownType = deals("amount", new ApprovalStep("经理", ApproverKind.OWNER_MANAGER, null));
        unknownType.setEntityType("invoice");
        refused(unknownType, "entityType", "invoice");
    }

    @Test
    void aStepWithNoApproversIsRefused() {
        refused(deals("amount", new ApprovalStep("财务", ApproverKind.USERS, " , ")), "steps[1].approvers", "1");
        refused(deals("amount"), "steps", "");
    }

    @Test
    void unknownRolesAndUsersAreRefused() {
        refused(deals("amount", new ApprovalStep("总监", ApproverKind.ROLE, "sales_director")), "steps[1].approvers", "sales_director");
        refused(deals("amount", new ApprovalStep("经理", ApproverKind.OWNER_MANAGER, null), new ApprovalStep("CFO", ApproverKind.USERS, "wu.cfo")),
                "steps[2].approvers", "wu.cfo");
    }

    @Test
    void aCyclicEscalationIsRefused() {
        refused(deals("amount", new ApprovalStep("经理", ApproverKind.OWNER_MANAGER, null).setSlaHours(24).setEscalateToStep(2),
                new ApprovalStep("总监", ApproverKind.USERS, DIRECTOR).setSlaHours(24).setEscalateToStep(1)), "steps[1].escalateToStep", "1 → 2 → 1");
        refused(deals("amount", new ApprovalStep("经理", ApproverKind.OWNER_MANAGER, null).setEscalateToStep(1)), "steps[1].escalateToStep", "1 → 1");
        refused(deals("amount", new ApprovalStep("经理", ApproverKind.OWNER_MANAGER, null).setEscalateToStep(3)), "steps[1].escalateToStep", "3");
    }

    @Test
    void theShippedDefinitionSendsQuoteDiscountsOverTenPercentToTheOwnersManager() {
        fx.as(REP);
        // workflow's changelog ships one definition per approvable module it knows: quotes' and contracts'
        assertEquals(List.of("Every contract", "Quote discount > 10 %"), fx.engine.definitions().stream().map(ApprovalDefinition::getName).toList());
        ApprovalDefinition shipped = fx.engine.definitions().stream().filter(d -> d.getEntityType().equals("quote")).findFirst().orElseThrow();
        assertEquals("quote", shipped.getEntityType());
        assertEquals("maxDiscountPercent > 10", shipped.conditionText());
        assertEquals(ApproverKind.OWNER_MANAGER, shipped.getSteps().get(0).getApproverKind());
        assertEquals("sales_manager", shipped.getSteps().get(0).getApprovers());
    }
}
