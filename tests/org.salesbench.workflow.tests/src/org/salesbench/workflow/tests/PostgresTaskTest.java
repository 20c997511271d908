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
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
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

    private PostgresTeam team;
    private Database ownerDb;
    private TaskServiceImpl ownerTasks;

    @BeforeAll
    void users() {
        team = PostgresTeam.create("tasks", db -> new UserServiceImpl(db, new RoleSecurityService(db)));
        ownerDb = team.owner();
        team.person("boss.c", "陈经理", null, Role.SALES_MANAGER).person("rep.a", "李娜", "boss.c", Role.SALES_REP)
                .person("rep.b", "王伟", null, Role.SALES_REP);
        // the reassignment test's own people, so the tasks they hand around stay out of the visibility test
        team.person("boss.f", "周经理", null, Role.SALES_MANAGER).person("rep.e", "赵敏", "boss.f", Role.SALES_REP)
                .person("rep.g", "孙强", null, Role.SALES_REP);
        ownerTasks = new TaskServiceImpl(ownerDb, new RoleSecurityService(ownerDb), (e, c, id) -> { }, Clocks::system);
    }

    @AfterAll
    void close() {
        if (team != null) {
            team.close();
        }
    }

    private DatabaseSettings as(String login) {
        return team.settings(login);
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
        try (Database a = team.open("rep.a")) {
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
        try (Database b = team.open("rep.b")) {
            assertEquals(Set.of("rep.b"), ownersBySql(b));
        }
        try (Database boss = team.open("boss.c")) {
            Set<String> seen = ownersBySql(boss);
            assertTrue(seen.contains("rep.a"), seen.toString());
            assertFalse(seen.contains("rep.b"), seen.toString());
        }
    }

    @Test
    void twoSessionsRacingForOneOccurrenceMakeOneTask() throws Exception {
        try (Database first = team.open("rep.a");
                Database second = team.open("rep.a")) {
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
        try (Database g = team.open("rep.g")) {
            // a rep does not even see a colleague's task, so cannot take it
            assertThrows(RuntimeException.class, () -> tasksOf(g).reassign(first.getId(), "rep.g"));
        }
        assertEquals("rep.e", ownerTasks.find(first.getId()).orElseThrow().getAssignee());
        try (Database e = team.open("rep.e")) {
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
        try (Database f = team.open("boss.f")) {
            TaskServiceImpl boss = tasksOf(f);
            assertEquals("rep.g", boss.reassign(second.getId(), "rep.g").getAssignee());
            // rep.g is not on boss.f's team: their task is not his to hand on
            assertThrows(RuntimeException.class, () -> boss.reassign(theirs.getId(), "rep.e"));
        }
        assertEquals("rep.g", ownerTasks.find(second.getId()).orElseThrow().getAssignee());
        assertEquals("rep.g", ownerTasks.find(theirs.getId()).orElseThrow().getAssignee());
    }
}
