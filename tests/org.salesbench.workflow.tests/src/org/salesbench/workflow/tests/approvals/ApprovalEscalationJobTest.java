package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.ADMIN;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.DIRECTOR;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.MANAGER;
import static org.salesbench.workflow.tests.approvals.ApprovalFixture.REP;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskStatus;
import org.salesbench.workflow.approvals.ApprovalAction;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ConditionOperator;
import org.salesbench.workflow.internal.TaskServiceImpl;
import org.salesbench.workflow.internal.approvals.ApprovalEngine;
import org.salesbench.workflow.internal.approvals.ApprovalEscalationJob;

/**
 * Escalation on a schedule, on Derby with a clock the test moves: the job escalates nothing within the SLA, hands the
 * step on once it has passed (the escalated approver gets a task), and nothing more in the same SLA period, whichever
 * client runs it, one after the other or at the same moment.
 */
class ApprovalEscalationJobTest {

    private final ApprovalFixture fx = new ApprovalFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private ApprovalRequest overdueCandidate() {
        ApprovalDefinition definition = new ApprovalDefinition("大额交易升级", RecordSubject.ENTITY, "amount", ConditionOperator.GT, "1000000");
        definition.addStep(new ApprovalStep("经理审批", ApproverKind.OWNER_MANAGER, null).setSlaHours(24).setEscalateToStep(2));
        definition.addStep(new ApprovalStep("总监审批", ApproverKind.USERS, DIRECTOR));
        fx.as(ADMIN);
        fx.engine.saveDefinition(definition);
        fx.as(REP);
        return fx.engine.start(RecordSubject.ENTITY, fx.deals.add(1, "宁波港务二期", REP, "1500000", "华东")).orElseThrow();
    }

    /** Another client of the same database: its own engine, same clock. */
    private ApprovalEngine anotherClient() {
        ApprovalSubject.Context none = new ApprovalSubject.Context() {
            @Override
            public <S> S service(Class<S> type) {
                throw new IllegalStateException(type.getName());
            }
        };
        return new ApprovalEngine(fx.db, fx.security, (entity, change, id) -> {
        }, fx.users, type -> RecordSubject.ENTITY.equals(type) ? Optional.of(fx.deals) : Optional.empty(), none, fx.clock);
    }

    private static int runOnce(ApprovalEscalationJob job) throws InterruptedException {
        job.schedule();
        job.join();
        return job.lastEscalated();
    }

    private long escalations(long requestId) {
        return fx.engine.history(requestId).stream().filter(h -> h.getAction() == ApprovalAction.ESCALATED).count();
    }

    @Test
    void theJobEscalatesAStepPastItsSlaOnceAndTheEscalatedApproverGetsATask() throws Exception {
        fx.engine.useTasks(new TaskServiceImpl(fx.db, fx.security, (entity, change, id) -> {
        }, () -> fx.clock));
        ApprovalRequest request = overdueCandidate();
        fx.as(ADMIN);
        ApprovalEscalationJob job = new ApprovalEscalationJob(fx.engine, null);

        fx.clock.advance(Duration.ofHours(23));
        assertEquals(0, runOnce(job), "within the SLA");
        assertEquals(List.of(MANAGER), fx.engine.currentApprovers(request.getId()));

        fx.clock.advance(Duration.ofHours(2));
        assertEquals(1, runOnce(job));
        assertEquals(List.of(MANAGER, DIRECTOR), fx.engine.currentApprovers(request.getId()));
        List<Task> directors = fx.db.read(em -> em.createQuery("SELECT t FROM Task t WHERE t.createdByRule = 'approval' AND t.owner = :who",
                Task.class).setParameter("who", DIRECTOR).getResultList());
        assertEquals(1, directors.size(), "the escalated approver has a task");
        assertEquals(TaskStatus.OPEN, directors.get(0).getStatus());

        assertEquals(0, runOnce(job), "once per SLA period, not on every run");
        assertEquals(0, anotherClient().escalateOverdue(), "nor on another client's run");
        assertEquals(1, escalations(request.getId()));

        // the escalated director decides the step: the manager's task of it is cancelled
        fx.as(DIRECTOR);
        fx.engine.approve(request.getId(), "超时，代为审批");
        assertEquals(2, fx.engine.find(request.getId()).orElseThrow().getCurrentStep());
        List<TaskStatus> managers = fx.db.read(em -> em.createQuery("SELECT t.status FROM Task t WHERE t.createdByRule = 'approval'"
                + " AND t.owner = :who", TaskStatus.class).setParameter("who", MANAGER).getResultList());
        assertEquals(List.of(TaskStatus.CANCELLED), managers);
    }

    @Test
    void twoClientsRunningAtTheSameMomentEscalateOnce() throws Exception {
        ApprovalRequest request = overdueCandidate();
        fx.as(ADMIN);
        fx.clock.advance(Duration.ofHours(25));
        List<ApprovalEngine> clients = List.of(fx.engine, anotherClient());
        CyclicBarrier together = new CyclicBarrier(clients.size());
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (ApprovalEngine client : clients) {
                Callable<Integer> run = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return client.escalateOverdue();
                };
                runs.add(pool.submit(run));
            }
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get(60, TimeUnit.SECONDS);
            }
            assertEquals(1, total, "one of the two clients escalated it");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, escalations(request.getId()));
        assertEquals(List.of(MANAGER, DIRECTOR), fx.engine.currentApprovers(request.getId()));
        assertTrue(fx.engine.escalateOverdue() == 0 && anotherClient().escalateOverdue() == 0, "and nobody again in the same period");
    }
}
