package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskStatus;

/** The task service on Derby: validation, permissions against the stored assignee, events, one task per occurrence. */
class TaskServiceTest {

    private final TaskFixture fx = new TaskFixture().users("li.na", "wang.wei");

    @AfterEach
    void close() {
        fx.close();
    }

    private static Instant inDays(long days) {
        return Instant.now(Clocks.system()).plus(Duration.ofDays(days));
    }

    private static Task task(String title, String assignee, Instant due) {
        Task task = new Task(title, new RecordRef("customer", 7), due);
        task.setAssignee(assignee);
        return task;
    }

    private long taskRows() {
        return fx.db.read(em -> em.createQuery("SELECT COUNT(t) FROM Task t", Long.class).getSingleResult());
    }

    @Test
    void aNewTaskIsOpenAssignedToTheCurrentUserByDefaultAndAnnouncedAfterCommit() {
        fx.as("li.na", true);
        Task saved = fx.tasks.create(task("  回电话给张总  ", null, inDays(1)));
        assertEquals("li.na", saved.getAssignee());
        assertEquals("回电话给张总", saved.getTitle());
        assertEquals(TaskStatus.OPEN, saved.getStatus());
        assertEquals(List.of("task/CREATED/" + saved.getId()), fx.events);
        assertEquals(saved.getTitle(), fx.tasks.find(saved.getId()).orElseThrow().getTitle());
    }

    @Test
    void badTasksAreRefusedNamingTheFieldAndNothingIsWritten() {
        ValidationException blank = assertThrows(ValidationException.class, () -> fx.tasks.create(task("  ", "li.na", null)));
        assertTrue(blank.getMessage().contains("Title") || blank.getMessage().contains("标题"), blank.getMessage());
        ValidationException unknown = assertThrows(ValidationException.class, () -> fx.tasks.create(task("Call", "nobody", null)));
        assertTrue(unknown.getMessage().contains("nobody"), unknown.getMessage());
        ValidationException tooLong = assertThrows(ValidationException.class, () -> fx.tasks.create(task("x".repeat(201), "li.na", null)));
        assertTrue(tooLong.getMessage().contains("200"), tooLong.getMessage());
        Task longText = task("Call", "li.na", null);
        longText.setDescription("y".repeat(2001));
        assertThrows(ValidationException.class, () -> fx.tasks.create(longText));
        assertEquals(0L, taskRows());
        assertEquals(List.of(), fx.events);
    }

    @Test
    void aRepWorksOnlyTheirOwnTasksJudgedByTheStoredAssignee() {
        Task hers = fx.tasks.create(task("Send the quote", "li.na", inDays(2)));
        Task his = fx.tasks.create(task("Visit the plant", "wang.wei", inDays(3)));
        fx.as("li.na", true);
        assertThrows(AccessDeniedException.class, () -> fx.tasks.complete(his.getId()));
        assertThrows(AccessDeniedException.class, () -> fx.tasks.create(task("For him", "wang.wei", null)));
        assertEquals(Optional.empty(), fx.tasks.find(his.getId()));
        assertEquals(List.of(hers.getId()), fx.tasks.list(TaskFilter.all(), 0, 100).stream().map(Task::getId).toList());
        assertEquals(1L, fx.tasks.count(TaskFilter.all()));

        Task done = fx.tasks.complete(hers.getId());
        assertEquals(TaskStatus.DONE, done.getStatus());
        assertEquals("li.na", done.getCompletedBy());
        assertEquals(TaskStatus.OPEN, fx.as("admin", false).tasks.find(his.getId()).orElseThrow().getStatus());
    }

    @Test
    void listsFilterAndPutTheSoonestDueFirstAndUndatedLast() {
        Task undated = fx.tasks.create(task("Someday", "li.na", null));
        Task overdue = fx.tasks.create(task("Late call", "li.na", inDays(-2)));
        Task soon = fx.tasks.create(task("Call tomorrow", "li.na", inDays(1)));
        fx.tasks.create(task("His call", "wang.wei", inDays(-1)));
        assertEquals(List.of(overdue.getId(), soon.getId(), undated.getId()),
                fx.tasks.list(TaskFilter.openOf("li.na"), 0, 10).stream().map(Task::getId).toList());
        TaskFilter overdueOnes = new TaskFilter("li.na", Set.of(TaskStatus.OPEN), null, Instant.now(Clocks.system()), null, null);
        assertEquals(List.of(overdue.getId()), fx.tasks.list(overdueOnes, 0, 10).stream().map(Task::getId).toList());
        assertEquals(3L, fx.tasks.count(new TaskFilter(null, Set.of(), null, null, null, "CALL")));
        assertEquals(4L, fx.tasks.count(TaskFilter.about(new RecordRef("customer", 7))));
    }

    @Test
    void aRepReassignsTheirOwnTaskToAColleagueButNobodyElsesAndIsToldWhy() {
        Task hers = fx.tasks.create(task("Send the quote", "li.na", inDays(2)));
        Task his = fx.tasks.create(task("Visit the plant", "wang.wei", inDays(3)));
        fx.events.clear();
        fx.as("li.na", true);

        ValidationException ghost = assertThrows(ValidationException.class, () -> fx.tasks.reassign(hers.getId(), "ghost"));
        assertTrue(ghost.getMessage().contains("ghost"), ghost.getMessage());
        assertEquals(List.of(), fx.events);

        assertEquals("wang.wei", fx.tasks.reassign(hers.getId(), " wang.wei ").getAssignee());
        assertEquals(List.of("task/UPDATED/" + hers.getId()), fx.events);
        assertEquals(Optional.empty(), fx.tasks.find(hers.getId()), "handed over: no longer hers to see");

        AccessDeniedException refused = assertThrows(AccessDeniedException.class, () -> fx.tasks.reassign(his.getId(), "li.na"));
        assertTrue(refused.getMessage().contains("li.na") && refused.getMessage().contains("Visit the plant")
                && refused.getMessage().contains("wang.wei"), refused.getMessage());
        fx.as("admin", false);
        assertEquals("wang.wei", fx.tasks.find(his.getId()).orElseThrow().getAssignee());
        assertEquals("wang.wei", fx.tasks.find(hers.getId()).orElseThrow().getAssignee());
        assertEquals(1, fx.events.size());
    }

    @Test
    void snoozeReassignCancelAndCommentChangeTheStoredTask() {
        Task task = fx.tasks.create(task("Follow up", "li.na", inDays(1)));
        Instant later = inDays(3);
        Task snoozed = fx.tasks.snooze(task.getId(), later);
        assertEquals(later, snoozed.getRemindAt());
        assertEquals(later, snoozed.getDueAt());
        assertThrows(ValidationException.class, () -> fx.tasks.reassign(task.getId(), "ghost"));
        assertEquals("wang.wei", fx.tasks.reassign(task.getId(), "wang.wei").getAssignee());
        fx.tasks.comment(task.getId(), "客户出差，下周再联系");
        assertThrows(ValidationException.class, () -> fx.tasks.comment(task.getId(), " "));
        assertEquals(List.of("客户出差，下周再联系"), fx.tasks.comments(task.getId()).stream().map(c -> c.getBody()).toList());
        assertEquals(TaskStatus.CANCELLED, fx.tasks.cancel(task.getId()).getStatus());
        assertThrows(ValidationException.class, () -> fx.tasks.complete(-1));
    }

    @Test
    void createOnceMakesOneTaskPerOccurrenceEvenFromTwoThreadsAtOnce() throws Exception {
        Task first = task("Follow-up due", "li.na", inDays(0));
        first.setOccurrenceKey("followUpDue:customer:7:2026-12-04");
        assertTrue(fx.tasks.createOnce(first).isPresent());
        Task again = task("Follow-up due", "li.na", inDays(0));
        again.setOccurrenceKey("followUpDue:customer:7:2026-12-04");
        assertEquals(Optional.empty(), fx.tasks.createOnce(again));
        assertThrows(ValidationException.class, () -> fx.tasks.createOnce(task("No key", "li.na", null)));

        for (int round = 0; round < 20; round++) {
            assertEquals(1, OccurrenceRace.made(List.of(fx.tasks, fx.tasks), "idle:opportunity:" + round, key -> {
                Task t = task("Idle deal", "li.na", null);
                t.setOccurrenceKey(key);
                return t;
            }), "round " + round);
        }
        assertEquals(21L, taskRows());
    }

    @Test
    void createEachOnceSkipsOccurrencesThatHaveTheirTask() {
        Task existing = task("Close date passed", "li.na", inDays(-1));
        existing.setOccurrenceKey("closeDatePassed:opportunity:1");
        fx.tasks.createOnce(existing);
        List<Task> batch = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Task t = task("Close date passed", "li.na", inDays(-1));
            t.setOccurrenceKey("closeDatePassed:opportunity:" + i);
            batch.add(t);
        }
        assertEquals(2, fx.tasks.createEachOnce(batch).size());
        assertEquals(List.of("task/CREATED/" + existing.getId(), "task/CREATED/" + batch.get(1).getId(), "task/CREATED/" + batch.get(2).getId()),
                fx.events, "a few reminders are announced one by one");
        assertEquals(0, fx.tasks.createEachOnce(List.of(batch.get(2))).size());
        assertEquals(3L, taskRows());
    }
}
