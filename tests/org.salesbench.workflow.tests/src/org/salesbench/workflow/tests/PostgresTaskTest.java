package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.users.Role;
import org.salesbench.users.User;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.internal.TaskServiceImpl;

/**
 * Tasks on a team server: each person signed in as their own PostgreSQL role. Rep A never sees rep B's tasks, by the
 * service or by direct SQL; their manager sees A's; a rule's task is made once when two database sessions race for it.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTaskTest {

    private static final String PASSWORD = "Tasks-Pass-2026";

    private PostgresSchema schema;
    private Database ownerDb;
    private TaskServiceImpl ownerTasks;

    @BeforeAll
    void users() {
        schema = PostgresSchema.create("tasks");
        ownerDb = Database.open(schema.settings(), new org.salesbench.core.security.LocalSecurityService("owner"));
        SecurityService owner = new RoleSecurityService(ownerDb);
        UserServiceImpl users = new UserServiceImpl(ownerDb, owner);
        users.createUser(new User("boss.c", "陈经理"));
        User a = new User("rep.a", "李娜");
        a.setManager("boss.c");
        users.createUser(a);
        users.createUser(new User("rep.b", "王伟"));
        // the reassignment test's own people, so the tasks they hand around stay out of the visibility test
        users.createUser(new User("boss.f", "周经理"));
        User repE = new User("rep.e", "赵敏");
        repE.setManager("boss.f");
        users.createUser(repE);
        users.createUser(new User("rep.g", "孙强"));
        signIn(users, "rep.a", Role.SALES_REP);
        signIn(users, "rep.b", Role.SALES_REP);
        signIn(users, "boss.c", Role.SALES_MANAGER);
        signIn(users, "rep.e", Role.SALES_REP);
        signIn(users, "rep.g", Role.SALES_REP);
        signIn(users, "boss.f", Role.SALES_MANAGER);
        ownerTasks = new TaskServiceImpl(ownerDb, owner, (e, c, id) -> { }, Clocks::system);
    }

    private static void signIn(UserServiceImpl users, String login, String role) {
        users.setRoles(login, List.of(role));
        users.enableSignIn(login, PASSWORD.toCharArray());
    }

    @AfterAll
    void close() {
        if (ownerDb != null) {
            ownerDb.close();
        }
        if (schema != null) {
            String team = "sb_salesbench_test_" + schema.name();
            schema.close();
            for (String role : List.of(team + "_admin", team)) {
                try {
                    schema.onServer("DROP ROLE IF EXISTS \"" + role + "\"");
                } catch (AssertionError e) {
                    // another run's grants may still name it; it grants nothing once its schema is gone
                }
            }
        }
    }

    private DatabaseSettings as(String login) {
        return new DatabaseSettings(schema.settings().url(), login, PASSWORD);
    }

    private Task task(String title, String assignee, String key) {
        Task t = new Task(title, new RecordRef("customer", 1), Instant.now(Clocks.system()).plus(Duration.ofDays(1)));
        t.setAssignee(assignee);
        t.setOccurrenceKey(key);
        return t;
    }

    private static Set<String> ownersBySql(Database db) throws Exception {
        Set<String> owners = new TreeSet<>();
        try (Connection c = Database.connect(db.settings()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT OWNER FROM SB_TASK")) {
            while (rs.next()) {
                owners.add(rs.getString(1));
            }
        }
        return owners;
    }

    @Test
    void aRepSeesOnlyTheirOwnTasksByTheServiceAndByDirectSqlAndTheirManagerSeesThem() throws Exception {
        ownerTasks.create(task("A: call the buyer", "rep.a", null));
        ownerTasks.create(task("B: visit the plant", "rep.b", null));
        try (Database a = Database.open(as("rep.a"), new org.salesbench.core.security.LocalSecurityService("rep.a"))) {
            SecurityService security = new RoleSecurityService(a);
            TaskServiceImpl tasks = new TaskServiceImpl(a, security, (e, c, id) -> { }, Clocks::system);
            List<Task> seen = tasks.list(TaskFilter.all(), 0, 1000);
            assertEquals(Set.of("rep.a"), seen.stream().map(Task::getAssignee).collect(java.util.stream.Collectors.toSet()));
            assertTrue(seen.stream().anyMatch(t -> t.getTitle().equals("A: call the buyer")));
            assertEquals(seen.size(), tasks.count(TaskFilter.all()));
            assertEquals(Set.of("rep.a"), ownersBySql(a));
            assertThrows(AccessDeniedException.class, () -> tasks.create(task("for B", "rep.b", null)));
            assertEquals("rep.a", tasks.create(task("A: own reminder", null, null)).getAssignee());
        }
        try (Database b = Database.open(as("rep.b"), new org.salesbench.core.security.LocalSecurityService("rep.b"))) {
            assertEquals(Set.of("rep.b"), ownersBySql(b));
        }
        try (Database boss = Database.open(as("boss.c"), new org.salesbench.core.security.LocalSecurityService("boss.c"))) {
            Set<String> seen = ownersBySql(boss);
            assertTrue(seen.contains("rep.a"), seen.toString());
            assertFalse(seen.contains("rep.b"), seen.toString());
        }
    }

    @Test
    void twoSessionsRacingForOneOccurrenceMakeOneTask() throws Exception {
        try (Database first = Database.open(as("rep.a"), new org.salesbench.core.security.LocalSecurityService("rep.a"));
                Database second = Database.open(as("rep.a"), new org.salesbench.core.security.LocalSecurityService("rep.a"))) {
            List<TaskServiceImpl> services = List.of(
                    new TaskServiceImpl(first, new RoleSecurityService(first), (e, c, id) -> { }, Clocks::system),
                    new TaskServiceImpl(second, new RoleSecurityService(second), (e, c, id) -> { }, Clocks::system));
            for (int round = 0; round < 10; round++) {
                assertEquals(1, OccurrenceRace.made(services, "followUpDue:customer:" + round + ":race",
                        key -> task("Follow up", "rep.a", key)), "round " + round);
            }
            // a batch that meets a task another session made meanwhile falls back to one by one
            Task made = services.get(0).createOnce(task("Follow up", "rep.a", "batch:1")).orElseThrow();
            assertEquals(1, services.get(1).createEachOnce(List.of(task("Follow up", "rep.a", "batch:1"), task("Follow up", "rep.a", "batch:2"))).size());
            assertTrue(made.getId() > 0);
        }
        assertEquals(12L, ownerTasks.count(new TaskFilter("rep.a", Set.of(), null, null, null, "Follow up")));
    }

    private TaskServiceImpl tasksOf(Database db) {
        return new TaskServiceImpl(db, new RoleSecurityService(db), (e, c, id) -> { }, Clocks::system);
    }

    @Test
    void theAssigneeAndTheirManagerReassignToAColleagueOthersAreRefusedAndTheDatabaseChecksTheNewAssignee() throws Exception {
        Task first = ownerTasks.create(task("E: prepare the demo", "rep.e", null));
        Task second = ownerTasks.create(task("E: book the meeting room", "rep.e", null));
        Task third = ownerTasks.create(task("E: call the distributor", "rep.e", null));
        Task theirs = ownerTasks.create(task("G: send samples", "rep.g", null));
        try (Database g = Database.open(as("rep.g"), new org.salesbench.core.security.LocalSecurityService("rep.g"))) {
            // a rep does not even see a colleague's task, so cannot take it
            assertThrows(RuntimeException.class, () -> tasksOf(g).reassign(first.getId(), "rep.g"));
        }
        assertEquals("rep.e", ownerTasks.find(first.getId()).orElseThrow().getAssignee());
        try (Database e = Database.open(as("rep.e"), new org.salesbench.core.security.LocalSecurityService("rep.e"))) {
            assertEquals("rep.g", tasksOf(e).reassign(first.getId(), "rep.g").getAssignee());
            // by direct SQL too, the database lets a task go only to an active user
            try (Connection c = Database.connect(e.settings()); Statement s = c.createStatement()) {
                java.sql.SQLException refused = assertThrows(java.sql.SQLException.class, () -> s.executeUpdate(
                        "UPDATE SB_TASK SET OWNER = 'nobody', UPDATED_BY = 'rep.e' WHERE ID = " + third.getId()));
                assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            }
        }
        assertEquals("rep.g", ownerTasks.find(first.getId()).orElseThrow().getAssignee());
        assertEquals("rep.e", ownerTasks.find(third.getId()).orElseThrow().getAssignee());
        try (Database f = Database.open(as("boss.f"), new org.salesbench.core.security.LocalSecurityService("boss.f"))) {
            TaskServiceImpl boss = tasksOf(f);
            assertEquals("rep.g", boss.reassign(second.getId(), "rep.g").getAssignee());
            // rep.g is not on boss.f's team: their task is not his to hand on
            assertThrows(RuntimeException.class, () -> boss.reassign(theirs.getId(), "rep.e"));
        }
        assertEquals("rep.g", ownerTasks.find(second.getId()).orElseThrow().getAssignee());
        assertEquals("rep.g", ownerTasks.find(theirs.getId()).orElseThrow().getAssignee());
    }
}
