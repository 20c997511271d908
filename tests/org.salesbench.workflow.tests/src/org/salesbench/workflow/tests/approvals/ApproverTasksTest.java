package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.ADMIN;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.DIRECTOR;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.FINANCE;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.MANAGER;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.REP;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskStatus;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ConditionOperator;
import org.salesbench.workflow.internal.TaskServiceImpl;

/**
 * Approvers' tasks on Derby through the real task service: one per approver per step, made once however often the
 * engine or the job syncs, completed when the approver decides and cancelled when others decide the step or the
 * request is recalled. Definitions in use cannot be deleted.
 */
class ApproverTasksTest {

    private final ApprovalFixture fx = new ApprovalFixture();

    @BeforeEach
    void wireTasks() {
        fx.engine.useTasks(new TaskServiceImpl(fx.db, fx.security, (entity, change, id) -> {
        }, () -> fx.clock));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private ApprovalDefinition bigDeals(ApprovalStep... steps) {
        ApprovalDefinition definition = new ApprovalDefinition("大额交易审批", RecordSubject.ENTITY, "amount", ConditionOperator.GT, "1000000");
        for (ApprovalStep step : steps) {
            definition.addStep(step);
        }
        fx.as(ADMIN);
        return fx.engine.saveDefinition(definition);
    }

    /** Every approval task, by assignee: their statuses in the order made. */
    private Map<String, List<TaskStatus>> tasksByAssignee() {
        return approvalTasks().stream().collect(Collectors.groupingBy(Task::getAssignee, Collectors.mapping(Task::getStatus, Collectors.toList())));
    }

    private List<Task> approvalTasks() {
        return fx.db.read(em -> em.createQuery("SELECT t FROM Task t WHERE t.createdByRule = 'approval' ORDER BY t.id", Task.class).getResultList());
    }

    @Test
    void eachApproverOfEachStepGetsOneTaskClosedWhenTheStepIsDecided() {
        bigDeals(new ApprovalStep("经理审批", ApproverKind.OWNER_MANAGER, null).setSlaHours(24),
                new ApprovalStep("总监与管理员会签", ApproverKind.USERS, DIRECTOR + "," + ADMIN).setAllRequired(true));
        long deal = fx.deals.add(1, "宁波港务二期", REP, "1500000", "华东");
        fx.as(REP);
        ApprovalRequest request = fx.engine.start(RecordSubject.ENTITY, deal).orElseThrow();

        List<Task> first = approvalTasks();
        assertEquals(1, first.size(), first.toString());
        Task managers = first.get(0);
        assertEquals(MANAGER, managers.getAssignee());
        assertEquals(TaskStatus.OPEN, managers.getStatus());
        assertEquals(new RecordRef(RecordSubject.ENTITY, deal), managers.getRelated());
        assertEquals(request.getStepStartedAt().plus(Duration.ofHours(24)), managers.getDueAt(), "due when the step's SLA ends");
        assertTrue(managers.getTitle().contains("宁波港务二期") && managers.getTitle().contains("大额交易审批"), managers.getTitle());

        // the manager's own client syncs on every scheduled run: nothing new
        fx.as(MANAGER);
        assertEquals(0, fx.engine.syncMyTasks());
        assertEquals(1, approvalTasks().size(), "made once");

        fx.engine.approve(request.getId(), "同意");
        assertEquals(Map.of(MANAGER, List.of(TaskStatus.DONE), DIRECTOR, List.of(TaskStatus.OPEN), ADMIN, List.of(TaskStatus.OPEN)),
                tasksByAssignee());

        fx.as(DIRECTOR);
        fx.engine.approve(request.getId(), null);
        assertEquals(List.of(TaskStatus.DONE), tasksByAssignee().get(DIRECTOR));
        assertEquals(List.of(TaskStatus.OPEN), tasksByAssignee().get(ADMIN), "an all-of step still waits for the administrator");

        fx.as(ADMIN);
        fx.engine.reject(request.getId(), "回款条件不符");
        assertEquals(Map.of(MANAGER, List.of(TaskStatus.DONE), DIRECTOR, List.of(TaskStatus.DONE), ADMIN, List.of(TaskStatus.DONE)),
                tasksByAssignee());
        assertEquals(0, fx.engine.syncMyTasks(), "nothing left to make or close");
    }

    @Test
    void theOthersTasksOfAOneOfStepAreCancelledAndARecallCancelsTheRest() {
        bigDeals(new ApprovalStep("销售经理任一审批", ApproverKind.ROLE, "sales_manager"), new ApprovalStep("财务审批", ApproverKind.ROLE, "finance"));
        fx.as(REP);
        ApprovalRequest request = fx.engine.start(RecordSubject.ENTITY, fx.deals.add(2, "西部能源", REP, "3000000", "西部")).orElseThrow();
        assertEquals(Map.of(MANAGER, List.of(TaskStatus.OPEN), DIRECTOR, List.of(TaskStatus.OPEN)), tasksByAssignee());

        fx.as(DIRECTOR);
        fx.engine.approve(request.getId(), null);
        assertEquals(Map.of(MANAGER, List.of(TaskStatus.CANCELLED), DIRECTOR, List.of(TaskStatus.DONE), FINANCE, List.of(TaskStatus.OPEN)),
                tasksByAssignee());

        // in use: the definition cannot be deleted while the request is pending
        fx.as(ADMIN);
        long definitionId = request.getDefinitionId();
        ValidationException inUse = assertThrows(ValidationException.class, () -> fx.engine.deleteDefinition(definitionId));
        assertTrue(inUse.getMessage().contains("大额交易审批"), inUse.getMessage());

        fx.as(REP);
        fx.engine.recall(request.getId(), "改方案");
        assertEquals(List.of(TaskStatus.CANCELLED), tasksByAssignee().get(FINANCE));

        fx.as(ADMIN);
        fx.engine.deleteDefinition(definitionId);
        assertTrue(fx.engine.findDefinition(definitionId).isEmpty());
        assertTrue(fx.engine.definitions().stream().noneMatch(d -> d.getId() == definitionId));
    }
}
