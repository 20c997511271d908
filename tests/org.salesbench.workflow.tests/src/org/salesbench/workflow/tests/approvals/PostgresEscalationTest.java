package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.Scope;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.users.Role;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskStatus;
import org.salesbench.workflow.approvals.ApprovalAction;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApprovalStatus;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ConditionOperator;
import org.salesbench.workflow.internal.TaskServiceImpl;
import org.salesbench.workflow.internal.approvals.ApprovalEngine;

/**
 * Escalation and approvers' tasks on a team server, each person signed in as their own PostgreSQL role with row-level
 * security on tasks and approvals: the rep's request gives their manager a task (made by the manager's own client: the
 * rep may not write it), a step past its SLA is escalated once when two clients run the job at the same moment, the
 * escalated director's client makes his task, and deciding the step closes each approver's task in their own client.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresEscalationTest {

    private static final String PASSWORD = "Escalate-Pass-2026";
    private static final String REP = "he.jun";
    private static final String MANAGER = "lu.qiang";
    private static final String DIRECTOR = "gao.ming";
    private static final String ADMIN = "xu.li";
    private static final String LEGAL = "fang.yu";
    private static final String OTHER_LEGAL = "liu.qing";
    private static final String LEGAL_ROLE = "legal";

    private final MovableClock clock = new MovableClock();
    private final RecordSubject deals = new RecordSubject();
    private final List<Session> sessions = new ArrayList<>();
    private PostgresSchema schema;
    private Database ownerDb;

    /** One person's client: their own database login, the real security seam, engine and task service. */
    private final class Session implements AutoCloseable {
        final Database db;
        final ApprovalEngine engine;
        final TaskServiceImpl tasks;
        final RoleSecurityService security;

        Session(String login) {
            db = Database.open(new DatabaseSettings(schema.settings().url(), login, PASSWORD), new LocalSecurityService(login));
            security = new RoleSecurityService(db);
            ApprovalSubject.Context none = new ApprovalSubject.Context() {
                @Override
                public <S> S service(Class<S> type) {
                    throw new IllegalStateException(type.getName());
                }
            };
            engine = new ApprovalEngine(db, security, (entity, change, id) -> {
            }, new UserServiceImpl(db, security), type -> RecordSubject.ENTITY.equals(type) ? Optional.of(deals) : Optional.empty(), none, clock);
            tasks = new TaskServiceImpl(db, security, (entity, change, id) -> {
            }, () -> clock);
            engine.useTasks(tasks);
        }

        /** This person's approval tasks as the database lets them see them: statuses by assignee, in the order made. */
        List<String> approvalTasks() throws Exception {
            List<String> seen = new ArrayList<>();
            try (Connection c = Database.connect(db.settings()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT OWNER, STATUS FROM SB_TASK WHERE CREATED_BY_RULE = 'approval' ORDER BY ID")) {
                while (rs.next()) {
                    seen.add(rs.getString(1) + ":" + rs.getString(2));
                }
            }
            return seen;
        }

        @Override
        public void close() {
            db.close();
        }
    }

    @BeforeAll
    void team() {
        schema = PostgresSchema.create("escalation");
        ownerDb = Database.open(schema.settings(), new LocalSecurityService(PostgresSchema.USER));
        RoleSecurityService owner = new RoleSecurityService(ownerDb);
        UserServiceImpl users = new UserServiceImpl(ownerDb, owner);
        // the director is the manager's manager: an escalated step reaches someone whose roles reach the record
        users.createUser(new User(DIRECTOR, "高明"));
        User manager = new User(MANAGER, "陆强");
        manager.setManager(DIRECTOR);
        users.createUser(manager);
        users.createUser(new User(ADMIN, "徐丽"));
        User rep = new User(REP, "何军");
        rep.setManager(MANAGER);
        users.createUser(rep);
        Team north = new Team("华北销售部");
        north.setManager(MANAGER);
        north.getMembers().add(REP);
        users.createTeam(north);
        users.createUser(new User(LEGAL, "方宇"));
        users.createUser(new User(OTHER_LEGAL, "柳青"));
        // legal counsel outside every sales chain: their role reaches their own tasks and nothing of anyone else's
        users.createRole(new Role(LEGAL_ROLE, "法务：只有自己的任务", false, List.of(new Role.Grant(Task.ENTITY, Action.READ, Scope.OWN),
                new Role.Grant(Task.ENTITY, Action.CREATE, Scope.OWN), new Role.Grant(Task.ENTITY, Action.UPDATE, Scope.OWN)), List.of()));
        // the director is a plain sales manager: no administrator's right, no APPROVE grant on deals
        for (String[] p : new String[][] { { REP, Role.SALES_REP }, { MANAGER, Role.SALES_MANAGER }, { DIRECTOR, Role.SALES_MANAGER },
                { ADMIN, Role.ADMINISTRATOR }, { LEGAL, LEGAL_ROLE }, { OTHER_LEGAL, LEGAL_ROLE } }) {
            users.setRoles(p[0], List.of(p[1]));
            users.enableSignIn(p[0], PASSWORD.toCharArray());
        }
    }

    @AfterAll
    void close() {
        sessions.forEach(Session::close);
        if (ownerDb != null) {
            ownerDb.close();
        }
        if (schema != null) {
            schema.closeWithTeamRoles();
        }
    }

    private Session as(String login) {
        Session session = new Session(login);
        sessions.add(session);
        return session;
    }

    @Test
    void anOverdueStepIsEscalatedOnceAndEachApproversTaskIsMadeAndClosedByTheirOwnClient() throws Exception {
        Session admin = as(ADMIN);
        ApprovalDefinition definition = new ApprovalDefinition("大额交易升级", RecordSubject.ENTITY, "amount", ConditionOperator.GT, "1000000");
        definition.addStep(new ApprovalStep("经理审批", ApproverKind.OWNER_MANAGER, null).setSlaHours(24).setEscalateToStep(2));
        definition.addStep(new ApprovalStep("总监审批", ApproverKind.USERS, DIRECTOR));
        admin.engine.saveDefinition(definition);

        Session rep = as(REP);
        ApprovalRequest request = rep.engine.start(RecordSubject.ENTITY, deals.add(1, "天津港自动化码头", REP, "2600000", "华北")).orElseThrow();
        assertEquals(List.of(MANAGER), rep.engine.currentApprovers(request.getId()));

        Session manager = as(MANAGER);
        manager.engine.syncMyTasks();
        assertEquals(0, manager.engine.syncMyTasks(), "made once");
        assertEquals(List.of(MANAGER + ":OPEN"), manager.approvalTasks());
        assertEquals(List.of(), rep.approvalTasks(), "the rep does not see the manager's task");

        clock.advance(Duration.ofHours(23));
        assertEquals(0, manager.engine.escalateOverdue() + admin.engine.escalateOverdue(), "within the SLA");
        clock.advance(Duration.ofHours(2));
        List<ApprovalEngine> clients = List.of(manager.engine, admin.engine);
        CyclicBarrier together = new CyclicBarrier(clients.size());
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        int escalated = 0;
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (ApprovalEngine client : clients) {
                Callable<Integer> run = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return client.escalateOverdue();
                };
                runs.add(pool.submit(run));
            }
            for (Future<Integer> run : runs) {
                escalated += run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, escalated, "one of the two clients escalated it");
        assertEquals(0, manager.engine.escalateOverdue() + admin.engine.escalateOverdue(), "and nobody again in the same period");
        assertEquals(java.util.Set.of(MANAGER, DIRECTOR), java.util.Set.copyOf(admin.engine.currentApprovers(request.getId())));
        assertEquals(1, admin.engine.history(request.getId()).stream().filter(h -> h.getAction() == ApprovalAction.ESCALATED).count());

        Session director = as(DIRECTOR);
        assertEquals(List.of(Role.SALES_MANAGER), director.security.currentUser().roles());
        assertFalse(director.security.isPermitted(Action.APPROVE, RecordSubject.ENTITY, REP), "no role of his approves deals");
        assertTrue(director.engine.mayDecide(request.getId()), "the escalation's assignment lets him decide");
        director.engine.syncMyTasks();
        List<Task> directors = director.tasks.list(TaskFilter.openOf(DIRECTOR), 0, 10);
        assertEquals(1, directors.size(), directors.toString());
        assertTrue(directors.get(0).getTitle().contains("天津港自动化码头"), directors.get(0).getTitle());

        // the escalated director decides the manager's step; the manager's client cancels the manager's task
        director.engine.approve(request.getId(), "超时，代为审批");
        manager.engine.syncMyTasks();
        assertEquals(List.of(MANAGER + ":CANCELLED"), manager.approvalTasks());

        director.engine.syncMyTasks();
        director.engine.approve(request.getId(), "同意");
        director.engine.syncMyTasks();
        assertEquals(ApprovalStatus.APPROVED, admin.engine.find(request.getId()).orElseThrow().getStatus());
        assertEquals(List.of(), director.tasks.list(TaskFilter.openOf(DIRECTOR), 0, 10), "no approval task left open");
        assertTrue(admin.approvalTasks().stream().noneMatch(t -> t.endsWith(":" + TaskStatus.OPEN.name())), admin.approvalTasks().toString());
    }

    @Test
    void namedApproversOutsideTheOwnersChainReadAndDecideWhatIsAssignedToThemAndNothingElse() throws Exception {
        Session admin = as(ADMIN);
        ApprovalDefinition definition = new ApprovalDefinition("法务专项审查", RecordSubject.ENTITY, "region", ConditionOperator.EQ, "法务专项");
        definition.addStep(new ApprovalStep("法务审查", ApproverKind.USERS, LEGAL));
        admin.engine.saveDefinition(definition);

        Session rep = as(REP);
        ApprovalRequest request = rep.engine.start(RecordSubject.ENTITY, deals.add(2, "唐山钢铁长协", REP, "500000", "法务专项")).orElseThrow();
        assertEquals(List.of(LEGAL), rep.engine.currentApprovers(request.getId()));

        // the other counsel holds the same role but no assignment: the database shows them nothing of the request
        Session other = as(OTHER_LEGAL);
        assertEquals(Optional.empty(), other.engine.find(request.getId()));
        assertFalse(other.engine.mayDecide(request.getId()));
        assertThrows(ValidationException.class, () -> other.engine.approve(request.getId(), "越权"));

        Session legal = as(LEGAL);
        assertFalse(legal.security.isPermitted(Action.APPROVE, RecordSubject.ENTITY, REP), "no role of theirs reaches the rep's records");
        assertEquals(List.of(request.getId()), legal.engine.list(ApprovalService.Filter.PENDING_FOR_ME).stream().map(ApprovalRequest::getId).toList());
        assertTrue(legal.engine.mayDecide(request.getId()));
        assertEquals(1, legal.engine.syncMyTasks(), "their task, made by their own client");
        assertEquals(ApprovalStatus.APPROVED, legal.engine.approve(request.getId(), "合同条款无异议").getStatus());
        legal.engine.syncMyTasks();
        assertEquals(List.of(LEGAL + ":DONE"), legal.approvalTasks());
        assertTrue(deals.decisions.contains(new RecordSubject.Decision(2, true, "合同条款无异议")), deals.decisions.toString());
        // the decided request stays readable to them (its history), no longer decidable, and still hidden from the other
        assertEquals(List.of(ApprovalAction.SUBMITTED, ApprovalAction.APPROVED),
                legal.engine.history(request.getId()).stream().map(h -> h.getAction()).toList());
        assertFalse(legal.engine.mayDecide(request.getId()));
        assertEquals(Optional.empty(), other.engine.find(request.getId()));
        assertEquals(ApprovalStatus.APPROVED, admin.engine.find(request.getId()).orElseThrow().getStatus());
    }
}
