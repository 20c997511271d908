package org.salesbench.workflow.ui.internal.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.ui.Services;
import org.salesbench.ui.search.SearchHit;
import org.salesbench.ui.search.SearchProviders;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.ui.testing.UiTesting.DialogAnswer;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskService;

/** The Tasks page this bundle contributes to the customer editor through {@code org.salesbench.customers.ui.editorPages}. */
class TasksPageUiTest {

    private IWorkbenchPage page;
    private String unique;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
    }

    @Test
    void aTaskAddedOnTheCustomerEditorsTasksPageIsAboutTheCustomerAndListedThere() throws Exception {
        Customer customer = Services.get(CustomerService.class).create(new Customer("任务页客户" + unique));
        // opened as the global search opens it: no friend access to the customers UI's internals
        SearchProviders.byId("org.salesbench.customers.ui.search").orElseThrow()
                .open(new SearchHit(customer.getName(), null, customer.getId()), page);
        IEditorPart editor = page.getActiveEditor();
        assertTrue(editor instanceof FormEditor, "the customer editor opened: " + editor);
        IFormPage contributed = ((FormEditor) editor).findPage(CustomerTasksPageFactory.PAGE_ID);
        assertTrue(contributed instanceof TasksPage, "the Tasks page is contributed to the customer editor: " + contributed);
        assertEquals("Tasks", contributed.getTitle());
        ((FormEditor) editor).setActivePage(CustomerTasksPageFactory.PAGE_ID);
        TasksPage<?> tasksPage = (TasksPage<?>) contributed;
        UiTesting.waitUntil("the empty page counted", () -> tasksPage.statusText().startsWith("0 "));

        String title = "Prepare the visit " + unique;
        DialogAnswer answer = UiTesting.whenDialogOpens(Messages.Add_title, shell -> {
            assertTrue(UiTesting.shownText(shell).contains(customer.getName()), "the new task names the customer it is about");
            UiTesting.type(UiTesting.labelled(shell, Messages.Field_title, Text.class), title);
            UiTesting.click(shell, "OK");
        });
        UiTesting.click(tasksPage.getManagedForm().getForm().getBody(), Messages.Action_add);
        answer.assertAnswered();
        UiTesting.waitUntil("the new task listed on the page",
                () -> tasksPage.tasks().loaded().stream().anyMatch(r -> r.task().getTitle().equals(title)));
        assertEquals("1 task(s) about this record", tasksPage.statusText());

        List<Task> about = Services.get(TaskService.class).list(TaskFilter.about(new RecordRef(Customer.ENTITY, customer.getId())), 0, 10);
        assertEquals(1, about.size());
        assertEquals(title, about.get(0).getTitle());
        UiTesting.screenshot("customer-tasks");
    }
}
