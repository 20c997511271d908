package org.salesbench.workflow.ui.internal.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskPriority;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.TaskSort;

/**
 * My Tasks on its NatTable grid in the running workbench: a header click sorts the whole list in the database (the
 * model's order, the priority by its place), columns hide, move and resize and the layout and sort outlive closing the
 * view, Edit › Copy copies the selected cell, and the row menu still acts on the selected task.
 */
class TasksGridUiTest {

    private IWorkbenchPage page;
    private TaskService service;
    private String prefix;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        service = Services.get(TaskService.class);
        prefix = "网格任务" + UUID.randomUUID().toString().substring(0, 6);
        Instant now = Instant.now(Clocks.system()).truncatedTo(ChronoUnit.MINUTES);
        Object[][] tasks = { // title, due in days, priority
            {"Gamma", 5, TaskPriority.LOW}, {"Alpha", 9, TaskPriority.URGENT}, {"Beta", 2, TaskPriority.HIGH}};
        for (Object[] t : tasks) {
            Task task = new Task(prefix + " " + t[0], null, now.plus(Duration.ofDays((Integer) t[1])));
            task.setPriority((TaskPriority) t[2]);
            service.create(task);
        }
        closeView();
        VirtualGrid.forgetLayouts(MyTasksView.ID); // the columns as made, whatever a user or test left
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        closeView(); // saves this test's layout...
        VirtualGrid.forgetLayouts(MyTasksView.ID); // ...which the other tests must not inherit
    }

    private void closeView() {
        IViewPart open = page.findView(MyTasksView.ID);
        if (open != null) {
            page.hideView(open);
            UiTesting.processEvents();
        }
    }

    /** My Tasks showing the open tasks of this test (mine, by the prefix). */
    private MyTasksView listing() throws Exception {
        MyTasksView view = (MyTasksView) page.showView(MyTasksView.ID);
        page.activate(view);
        UiTesting.choose(view.sectionCombo(), Messages.Section_open);
        view.searchBox().setText(prefix);
        UiTesting.waitUntil("the text filter applied", () -> prefix.equals(view.filter().text()), 5_000);
        UiTesting.waitUntil("three rows", () -> {
            UiTesting.waitForJobs(Jobs.FAMILY);
            return view.rowCount() == 3 && view.rowData(2) != null;
        }, 10_000);
        return view;
    }

    private List<String> shownTitles(VirtualGrid<TaskRow> grid) {
        return IntStream.range(0, grid.rowCount()).mapToObj(i -> grid.cellText(i, "title"))
                .map(t -> t == null ? null : t.substring(prefix.length() + 1)).toList();
    }

    private List<String> modelOrder(TaskSort sort) {
        return service.list(new TaskFilter(null, java.util.Set.of(), null, null, null, prefix), sort, 0, 10).stream()
                .map(t -> t.getTitle().substring(prefix.length() + 1)).toList();
    }

    private void waitForOrder(VirtualGrid<TaskRow> grid, List<String> expected) {
        UiTesting.waitForRows(() -> shownTitles(grid), expected, Jobs.FAMILY);
    }

    @Test
    void aHeaderClickSortsTheWholeListInTheModelsOrder() throws Exception {
        MyTasksView view = listing();
        VirtualGrid<TaskRow> grid = view.tasks().grid();
        assertNull(grid.sortKey(), "the list's own order to begin with");
        waitForOrder(grid, List.of("Beta", "Gamma", "Alpha")); // soonest due first
        assertEquals(List.of("title", "related", "due", "priority", "assignee", "status"), grid.visibleColumns());

        IWorkbenchPartReference part = page.getReference(view);
        page.setPartState(part, IWorkbenchPage.STATE_MAXIMIZED);
        UiTesting.processEvents();
        grid.clickHeader("priority");
        assertEquals(TaskSort.Column.PRIORITY, grid.sortKey());
        List<String> byPriority = modelOrder(new TaskSort(TaskSort.Column.PRIORITY, true));
        assertEquals(List.of("Gamma", "Beta", "Alpha"), byPriority, "low, high, urgent: by place, not by the codes' alphabet");
        waitForOrder(grid, byPriority);
        UiTesting.screenshot("tasks-grid");
        page.setPartState(part, IWorkbenchPage.STATE_RESTORED);
        UiTesting.processEvents();

        grid.clickHeader("priority");
        assertFalse(grid.ascending(), "a second click sorts descending");
        waitForOrder(grid, List.of("Alpha", "Beta", "Gamma"));

        grid.clickHeader("title");
        waitForOrder(grid, modelOrder(new TaskSort(TaskSort.Column.TITLE, true)));
        assertEquals(List.of("Alpha", "Beta", "Gamma"), shownTitles(grid));

        grid.clickHeader("related");
        assertEquals(TaskSort.Column.TITLE, grid.sortKey(), "the related record's name is no order of the list: the click changes nothing");
        grid.clickHeader("title");
        grid.clickHeader("title");
        assertNull(grid.sortKey(), "a third click goes back to the list's own order");
        waitForOrder(grid, List.of("Beta", "Gamma", "Alpha"));
    }

    @Test
    void doneTasksAreGreyedWholeRowsOpenOnesAreNot() throws Exception {
        MyTasksView view = listing();
        VirtualGrid<TaskRow> grid = view.tasks().grid();
        waitForOrder(grid, List.of("Beta", "Gamma", "Alpha"));
        for (int row = 0; row < 3; row++) {
            assertNull(grid.rowStyleAt(row), "an open task is plain");
        }
        org.eclipse.swt.graphics.RGB plain = grid.cellForeground(0, "title");
        Task beta = service.list(new TaskFilter(null, java.util.Set.of(), null, null, null, prefix + " Beta"), TaskSort.DEFAULT, 0, 1).get(0);
        service.complete(beta.getId());

        UiTesting.choose(view.sectionCombo(), Messages.Section_done);
        UiTesting.waitUntil("Beta among the done tasks", () -> {
            UiTesting.waitForJobs(Jobs.FAMILY);
            return view.rowCount() == 1 && view.rowData(0) != null;
        }, 10_000);
        assertEquals(List.of("Beta"), shownTitles(grid));
        assertEquals(VirtualGrid.RowStyle.MUTED, grid.rowStyleAt(0), "a done task's row is greyed");
        org.eclipse.swt.graphics.RGB grey = view.getSite().getShell().getDisplay().getSystemColor(org.eclipse.swt.SWT.COLOR_DARK_GRAY).getRGB();
        for (String column : grid.visibleColumns()) {
            assertEquals(grey, grid.cellForeground(0, column), "every cell of the done row greyed: " + column);
        }
        assertNotEquals(grey, plain, "an open task's text is not grey");
    }

    @Test
    void theLayoutAndSortOutliveClosingTheViewCopyAndTheRowMenuStillWork() throws Exception {
        MyTasksView view = listing();
        VirtualGrid<TaskRow> grid = view.tasks().grid();
        grid.hideColumn("related");
        grid.moveColumn("priority", 0);
        grid.resizeColumn("title", 311);
        grid.clickHeader("due");
        grid.clickHeader("due"); // latest due first
        List<String> arranged = List.of("priority", "title", "due", "assignee", "status");
        assertEquals(arranged, grid.visibleColumns());
        waitForOrder(grid, List.of("Alpha", "Gamma", "Beta"));

        closeView();
        MyTasksView reopened = listing();
        VirtualGrid<TaskRow> again = reopened.tasks().grid();
        assertNotEquals(grid, again, "a new grid");
        assertEquals(arranged, again.visibleColumns(), "the order and the hidden column kept");
        assertEquals(311, again.columnWidth("title"), "the width kept");
        assertEquals(TaskSort.Column.DUE, again.sortKey(), "the sort kept");
        assertFalse(again.ascending(), "descending kept");
        waitForOrder(again, List.of("Alpha", "Gamma", "Beta"));

        // Edit › Copy copies the selected cell as shown
        reopened.getSite().getShell().forceActive();
        UiTesting.waitUntil("the grid focused", () -> reopened.listControl().setFocus() && reopened.listControl().isFocusControl());
        again.selectCell(1, "title");
        assertTrue(reopened.canCopySelection());
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.copy", null);
        assertEquals(prefix + " Gamma", UiTesting.clipboardText());

        // the row menu acts on the selected task: Complete takes Gamma out of the open tasks
        assertEquals(prefix + " Gamma", reopened.tasks().selected().orElseThrow().getTitle());
        Task gamma = reopened.tasks().selected().orElseThrow();
        UiTesting.chooseFromMenu(reopened.listControl(), Messages.Action_complete);
        waitForOrder(again, List.of("Alpha", "Beta")); // Gamma done: gone from the open tasks
        assertEquals(org.salesbench.workflow.TaskStatus.DONE, service.find(gamma.getId()).orElseThrow().getStatus());
    }
}
