package org.salesbench.workflow.ui.internal.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.editor.FormEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.ui.Services;
import org.salesbench.ui.search.SearchHit;
import org.salesbench.ui.search.SearchProviders;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.ui.testing.UiTesting.DialogAnswer;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskService;

/**
 * iCalendar from the workbench: the customer's Tasks page exports its open tasks and activities and imports a calendar's
 * meetings as activities (a broken file refused in a dialog, nothing logged); My Tasks exports what it shows.
 */
class CalendarUiTest {

    private IWorkbenchPage page;
    private String unique;
    private CalendarFiles.Prompt original;
    private Path answer;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        unique = UUID.randomUUID().toString().substring(0, 6);
        original = CalendarFiles.prompt;
        // the native file dialog cannot be driven: the test names the file the user would choose
        CalendarFiles.prompt = (shell, style, fileName) -> answer.toString();
    }

    @AfterEach
    void tearDown() {
        CalendarFiles.prompt = original;
        page.closeAllEditors(false);
    }

    @Test
    void theCustomersTasksPageExportsToAndImportsFromACalendarFile() throws Exception {
        CustomerService customers = Services.get(CustomerService.class);
        Customer customer = customers.create(new Customer("日历客户" + unique));
        customers.logActivity(customer.getId(), new Activity(ActivityType.VISIT, LocalDateTime.of(2026, 12, 8, 10, 30), "现场拜访" + unique));
        Task call = new Task("回访" + unique, new RecordRef(Customer.ENTITY, customer.getId()), Instant.now(Clocks.system()).plus(Duration.ofDays(1)));
        Services.get(TaskService.class).create(call);

        SearchProviders.byId("org.salesbench.customers.ui.search").orElseThrow()
                .open(new SearchHit(customer.getName(), null, customer.getId()), page);
        IEditorPart editor = page.getActiveEditor();
        ((FormEditor) editor).setActivePage(CustomerTasksPageFactory.PAGE_ID);
        TasksPage<?> tasksPage = (TasksPage<?>) ((FormEditor) editor).findPage(CustomerTasksPageFactory.PAGE_ID);
        UiTesting.waitUntil("the page counted its task", () -> tasksPage.statusText().startsWith("1 "));

        answer = dir.resolve("customer.ics");
        UiTesting.click(tasksPage.getManagedForm().getForm().getBody(), UiTesting.plain(Messages.Action_exportCalendar));
        assertEquals("1 task(s) and 1 activities written to customer.ics", tasksPage.statusText());
        String written = Files.readString(answer, StandardCharsets.UTF_8);
        assertTrue(written.contains("BEGIN:VTODO") && written.contains("回访" + unique), written);
        assertTrue(written.contains("BEGIN:VEVENT") && written.contains("现场拜访" + unique), written);

        answer = dir.resolve("meetings.ics");
        Files.writeString(answer, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Calendar//EN",
                "BEGIN:VEVENT", "UID:u1@example.org", "DTSTAMP:20261201T080000Z", "DTSTART:20261210T020000Z", "SUMMARY:技术交流" + unique, "END:VEVENT",
                "BEGIN:VEVENT", "UID:u2@example.org", "DTSTAMP:20261201T080000Z", "DTSTART:20261211T020000Z", "SUMMARY:签约仪式" + unique, "END:VEVENT",
                "END:VCALENDAR", ""), StandardCharsets.UTF_8);
        UiTesting.click(tasksPage.getManagedForm().getForm().getBody(), UiTesting.plain(Messages.Action_importMeetings));
        assertEquals("2 meeting(s) of meetings.ics logged as activities", tasksPage.statusText());
        assertEquals(3, customers.find(customer.getId()).orElseThrow().getActivities().size());

        answer = dir.resolve("broken.ics");
        Files.writeString(answer, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:半截\r\n", StandardCharsets.UTF_8);
        DialogAnswer refused = UiTesting.whenDialogOpens(Messages.Error_title, shell -> {
            assertTrue(UiTesting.shownText(shell).contains("broken.ics"), UiTesting.shownText(shell));
            UiTesting.click(shell, "OK");
        });
        UiTesting.click(tasksPage.getManagedForm().getForm().getBody(), UiTesting.plain(Messages.Action_importMeetings));
        refused.assertAnswered();
        assertTrue(tasksPage.statusText().contains("broken.ics"), tasksPage.statusText());
        assertEquals(3, customers.find(customer.getId()).orElseThrow().getActivities().size(), "nothing of the broken file logged");
    }

    @Test
    void myTasksExportsTheTasksItShows() throws Exception {
        Task mine = new Task("我的日历任务" + unique, new RecordRef(Customer.ENTITY, 1), Instant.now(Clocks.system()).plus(Duration.ofDays(3)));
        Services.get(TaskService.class).create(mine);
        MyTasksView view = (MyTasksView) page.showView(MyTasksView.ID);
        UiTesting.choose(view.sectionCombo(), TaskSection.OPEN.label());
        UiTesting.waitUntil("the open tasks listed", () -> view.tasks().loaded().stream().anyMatch(r -> r.task().getTitle().equals(mine.getTitle())));

        answer = dir.resolve("mine.ics");
        ActionContributionItem export = (ActionContributionItem) view.getViewSite().getActionBars().getToolBarManager()
                .find(MyTasksView.EXPORT_CALENDAR);
        assertEquals(Messages.Action_exportCalendar, export.getAction().getText());
        export.getAction().run();
        String written = Files.readString(answer, StandardCharsets.UTF_8);
        assertTrue(written.contains("我的日历任务" + unique), written);
        assertTrue(view.getContentDescription().endsWith("written to mine.ics"), view.getContentDescription());
        page.hideView(view);
    }
}
