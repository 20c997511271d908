package org.salesbench.workflow.ui.internal.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.ui.testing.UiTesting.DialogAnswer;
import org.salesbench.users.User;
import org.salesbench.users.UserService;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.TaskStatus;

/** My Tasks and the status bar's count, driven through their menus on the real workbench and the real task service. */
class MyTasksUiTest {

    private IWorkbenchPage page;
    private TaskService service;
    private String me;
    private String unique;
    private MyTasksView view;

    @BeforeEach
    void setUp() throws Exception {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        service = Services.get(TaskService.class);
        me = Services.get(SecurityService.class).currentUser().login();
        unique = UUID.randomUUID().toString().substring(0, 6);
        view = (MyTasksView) page.showView(MyTasksView.ID);
        UiTesting.choose(view.sectionCombo(), Messages.Section_today);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
    }

    /** Today at noon: a task due today whether the test runs in the morning (not yet overdue) or later (overdue). */
    private static Instant todayNoon() {
        return LocalDate.now(Clocks.system()).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant();
    }

    private Task taskDueToday(String title) {
        return service.create(new Task(title + " " + unique, null, todayNoon()));
    }

    private Optional<TaskRow> shownRow(long id) {
        return view.tasks().loaded().stream().filter(r -> r.task().getId() == id).findFirst();
    }

    private void waitUntilShown(Task task) {
        UiTesting.waitUntil("\"" + task.getTitle() + "\" in " + view.section(), () -> shownRow(task.getId()).isPresent());
    }

    private void waitUntilGone(Task task) {
        UiTesting.waitUntil("\"" + task.getTitle() + "\" gone from " + view.section(), () -> shownRow(task.getId()).isEmpty());
    }

    /** Selects the task's row as a click would; a refresh the task's own event starts may show the list anew meanwhile. */
    private void select(Task task) {
        UiTesting.waitUntil("\"" + task.getTitle() + "\" selected", () -> {
            Optional<TaskRow> row = shownRow(task.getId());
            if (row.isEmpty()) {
                return false;
            }
            int index = view.tasks().loaded().indexOf(row.get());
            if (index < 0 || index >= view.rowCount()) {
                return false; // loaded, but the grid has not been given its rows yet
            }
            view.selectListRow(index);
            return view.tasks().selected().map(t -> t.getId().equals(task.getId())).orElse(false);
        });
    }

    private Link countLink() {
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        List<Link> links = UiTesting.find(window, Link.class, l -> Messages.Count_tooltip.equals(l.getToolTipText()));
        assertEquals(1, links.size(), "the task count is in the status bar");
        return links.get(0);
    }

    private long dueTodayOrOverdue() {
        return service.count(TaskSection.dueTodayOrOverdue(me, Instant.now(Clocks.system()), ZoneId.systemDefault()));
    }

    private static String countText(long count) {
        return "<a>" + (count == 0 ? Messages.Count_none : NLS.bind(Messages.Count_text, count)) + "</a>";
    }

    @Test
    void completingATaskMovesItToDoneAndTheStatusBarCountDrops() {
        Task task = taskDueToday("Call back about the quote");
        waitUntilShown(task);
        long before = dueTodayOrOverdue();
        Link count = countLink();
        UiTesting.waitUntil("the status bar counting " + before, () -> countText(before).equals(count.getText()));
        UiTesting.screenshot("my-tasks-today");

        select(task);
        UiTesting.chooseFromMenu(view.listControl(), Messages.Action_complete);
        waitUntilGone(task);
        UiTesting.waitUntil("the status bar counting " + (before - 1), () -> countText(before - 1).equals(count.getText()));
        assertEquals(TaskStatus.DONE, service.find(task.getId()).orElseThrow().getStatus());

        UiTesting.choose(view.sectionCombo(), Messages.Section_done);
        waitUntilShown(task);
        assertEquals(Messages.Status_DONE, view.tasks().grid().cellText(view.tasks().loaded().indexOf(shownRow(task.getId()).orElseThrow()),
                "status"));

        // a click on the count opens My Tasks
        page.hideView(view);
        count.notifyListeners(SWT.Selection, new Event());
        UiTesting.waitUntil("My Tasks shown again", () -> page.findView(MyTasksView.ID) != null);
    }

    @Test
    void snoozingUntilTomorrowMovesTheTaskToUpcoming() {
        Task task = taskDueToday("Send the brochure");
        waitUntilShown(task);
        select(task);
        UiTesting.chooseFromMenu(view.listControl(), Messages.Action_snooze, Messages.Snooze_tomorrow);
        waitUntilGone(task);
        Instant tomorrowNine = Snooze.TOMORROW.until(Instant.now(Clocks.system()), ZoneId.systemDefault());
        Task snoozed = service.find(task.getId()).orElseThrow();
        assertEquals(tomorrowNine, snoozed.getRemindAt());
        assertEquals(TaskStatus.OPEN, snoozed.getStatus());

        UiTesting.choose(view.sectionCombo(), Messages.Section_upcoming);
        waitUntilShown(task);
    }

    @Test
    void reassigningGivesTheTaskToTheChosenUser() {
        String login = "tasks.colleague." + unique;
        Services.get(UserService.class).createUser(new User(login, "Colleague " + unique));
        Task task = taskDueToday("Visit the plant");
        waitUntilShown(task);
        select(task);

        DialogAnswer answer = UiTesting.whenDialogOpens(Messages.Reassign_title, shell -> {
            Combo users = UiTesting.find(shell, Combo.class, c -> true).get(0);
            UiTesting.waitUntil("the users listed", () -> users.isEnabled() && users.indexOf("Colleague " + unique + " (" + login + ")") >= 0);
            UiTesting.choose(users, "Colleague " + unique + " (" + login + ")");
            UiTesting.click(shell, "OK");
        });
        UiTesting.chooseFromMenu(view.listControl(), Messages.Action_reassign);
        answer.assertAnswered();
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the task given to " + login, () -> login.equals(service.find(task.getId()).orElseThrow().getAssignee()));
        waitUntilGone(task); // "Only mine" is on: the colleague's task leaves my list
        assertTrue(view.filter().assignee().equalsIgnoreCase(me));
    }

    @Test
    void aNewReminderForTheUserPopsUpAndOpenShowsMyTasks() {
        Task reminder = new Task("Follow up the offer " + unique, null, todayNoon());
        reminder.setCreatedByRule("test.reminder");
        reminder.setOccurrenceKey("test.reminder:" + unique);
        service.createOnce(reminder).orElseThrow();
        page.hideView(view);
        String due = NLS.bind(Messages.Popup_due, org.salesbench.ui.forms.Formats.dateTime(todayNoon()));
        UiTesting.waitUntil("the reminder's pop-up", () -> ReminderPopups.shownPopups().stream()
                .anyMatch(s -> UiTesting.shownText(s).contains(due)));
        Shell popup = ReminderPopups.shownPopups().stream().filter(s -> UiTesting.shownText(s).contains(due)).findFirst().orElseThrow();
        UiTesting.screenshot("reminder-popup");
        Link open = UiTesting.find(popup, Link.class, l -> l.getText().contains(Messages.Popup_open)).get(0);
        open.notifyListeners(SWT.Selection, new Event());
        UiTesting.waitUntil("My Tasks shown from the pop-up", () -> page.findView(MyTasksView.ID) != null);
        UiTesting.waitUntil("the pop-up closed", () -> popup.isDisposed());
    }
}
