package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.Clocks;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskPriority;
import org.salesbench.workflow.TaskSort;
import org.salesbench.workflow.TaskStatus;

/**
 * The task lists' orders on Derby ({@link TaskSort}): every column both ways as the database sorts it, the priority
 * and status by their place (not their codes' alphabet), tasks without a due time at the end, ties by id, every page
 * following one order, and a filter with an order.
 */
class TaskSortTest {

    private final TaskFixture fx = new TaskFixture().users("li.na", "wang.wei", "zhao.lei");
    private final List<Task> made = new ArrayList<>();

    @AfterEach
    void close() {
        fx.close();
    }

    @BeforeEach
    void tasks() {
        Instant now = Instant.now(Clocks.system()).truncatedTo(ChronoUnit.SECONDS);
        // title, assignee, due in days (null: none), priority; then two are completed and cancelled
        Object[][] rows = {
            {"Call back", "wang.wei", 3, TaskPriority.URGENT},
            {"Approve discount", "li.na", null, TaskPriority.LOW},
            {"Send the brochure", "zhao.lei", -2, TaskPriority.HIGH},
            {"Book the visit", "li.na", 1, TaskPriority.NORMAL},
            {"Visit the plant", "wang.wei", null, TaskPriority.HIGH},
            {"Draft the offer", "zhao.lei", 3, TaskPriority.LOW}};
        for (Object[] r : rows) {
            Task task = new Task((String) r[0], null, r[2] == null ? null : now.plus(Duration.ofDays((Integer) r[2])));
            task.setAssignee((String) r[1]);
            task.setPriority((TaskPriority) r[3]);
            made.add(fx.tasks.create(task));
        }
        made.set(2, fx.tasks.complete(made.get(2).getId()));
        made.set(5, fx.tasks.cancel(made.get(5).getId()));
    }

    private List<Long> listed(TaskFilter filter, TaskSort sort) {
        return fx.tasks.list(filter, sort, 0, 100).stream().map(Task::getId).toList();
    }

    /** What the database must give: {@code key} then the id, the whole reversed descending. */
    private List<Long> expected(Comparator<Task> key, boolean ascending) {
        Comparator<Task> order = key.thenComparing(Task::getId);
        return made.stream().sorted(ascending ? order : order.reversed()).map(Task::getId).toList();
    }

    @Test
    void everyColumnSortsBothWaysInTheDatabase() {
        Comparator<Instant> dueLast = Comparator.nullsLast(Comparator.naturalOrder());
        for (boolean ascending : new boolean[] {true, false}) {
            assertEquals(expected(Comparator.comparing(Task::getTitle), ascending),
                    listed(TaskFilter.all(), new TaskSort(TaskSort.Column.TITLE, ascending)), "title " + ascending);
            assertEquals(expected(Comparator.comparing(Task::getDueAt, dueLast), ascending),
                    listed(TaskFilter.all(), new TaskSort(TaskSort.Column.DUE, ascending)), "due " + ascending);
            assertEquals(expected(Comparator.comparing(Task::getPriority), ascending),
                    listed(TaskFilter.all(), new TaskSort(TaskSort.Column.PRIORITY, ascending)), "priority " + ascending);
            assertEquals(expected(Comparator.comparing(Task::getAssignee), ascending),
                    listed(TaskFilter.all(), new TaskSort(TaskSort.Column.ASSIGNEE, ascending)), "assignee " + ascending);
            assertEquals(expected(Comparator.comparing(Task::getStatus), ascending),
                    listed(TaskFilter.all(), new TaskSort(TaskSort.Column.STATUS, ascending)), "status " + ascending);
        }
    }

    @Test
    void thePriorityAndTheStatusSortByTheirPlaceNotTheirCodes() {
        List<TaskPriority> priorities = fx.tasks.list(TaskFilter.all(), new TaskSort(TaskSort.Column.PRIORITY, true), 0, 100).stream()
                .map(Task::getPriority).toList();
        // by code the order would be HIGH, LOW, NORMAL, URGENT
        assertEquals(List.of(TaskPriority.LOW, TaskPriority.LOW, TaskPriority.NORMAL, TaskPriority.HIGH, TaskPriority.HIGH, TaskPriority.URGENT),
                priorities);
        List<TaskStatus> statuses = fx.tasks.list(TaskFilter.all(), new TaskSort(TaskSort.Column.STATUS, false), 0, 100).stream()
                .map(Task::getStatus).toList();
        // by code descending: OPEN, DONE, CANCELLED; by place: CANCELLED, DONE, then the open ones
        assertEquals(List.of(TaskStatus.CANCELLED, TaskStatus.DONE, TaskStatus.OPEN, TaskStatus.OPEN, TaskStatus.OPEN, TaskStatus.OPEN), statuses);
    }

    @Test
    void theListsOwnOrderIsSoonestDueFirstWithoutADueTimeLastAndPagesFollowTheSort() {
        assertEquals(listed(TaskFilter.all(), TaskSort.DEFAULT), fx.tasks.list(TaskFilter.all(), 0, 100).stream().map(Task::getId).toList());
        List<Long> byDue = listed(TaskFilter.all(), TaskSort.DEFAULT);
        assertEquals(made.get(2).getId(), byDue.get(0), "two days overdue first");
        assertEquals(Set.of(made.get(1).getId(), made.get(4).getId()), Set.copyOf(byDue.subList(4, 6)), "no due time last");
        TaskSort byAssigneeDown = new TaskSort(TaskSort.Column.ASSIGNEE, false);
        List<Long> pages = new ArrayList<>();
        for (int offset = 0; offset < made.size(); offset += 4) {
            fx.tasks.list(TaskFilter.all(), byAssigneeDown, offset, 4).forEach(t -> pages.add(t.getId()));
        }
        assertEquals(listed(TaskFilter.all(), byAssigneeDown), pages, "pages of 4 in the same order as the whole");
    }

    @Test
    void aFilterAndAnOrderTogether() {
        TaskFilter open = new TaskFilter(null, Set.of(TaskStatus.OPEN), null, null, null, null);
        List<Long> openByTitle = made.stream().filter(t -> t.getStatus() == TaskStatus.OPEN).sorted(Comparator.comparing(Task::getTitle))
                .map(Task::getId).toList();
        assertEquals(openByTitle, listed(open, new TaskSort(TaskSort.Column.TITLE, true)));
        fx.as("li.na", true); // a rep sees their own tasks only, in the order asked
        assertEquals(List.of(made.get(3).getId(), made.get(1).getId()), listed(TaskFilter.all(), new TaskSort(TaskSort.Column.PRIORITY, false)));
        assertThrows(IllegalArgumentException.class, () -> new TaskSort(null, true));
    }
}
