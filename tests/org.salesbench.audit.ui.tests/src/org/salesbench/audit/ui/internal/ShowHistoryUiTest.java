package org.salesbench.audit.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.ui.internal.ContactsPage;
import org.salesbench.customers.ui.internal.CustomerEditor;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.RecordSelection;
import org.salesbench.ui.testing.UiTesting;

/**
 * Edit › Show History in the real workbench under Xvfb on Derby: on a contact selected in the customer editor's
 * Contacts page (contacts are edited in a dialog, so they have no History page of their own), and on a deleted
 * customer selected in the recycle bin. The dialog shows the change with the field's label, old and new value and who.
 */
class ShowHistoryUiTest {

    private static final String COMMAND = "org.salesbench.audit.ui.showHistory";
    private static final String USER = "ui.tester"; // -Dsalesbench.user of this test run
    private IWorkbenchPage page;
    private CustomerService customers;
    private String unique;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        customers = Services.get(CustomerService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
    }

    @Test
    void aContactsHistoryOpensFromTheContactsList() throws Exception {
        Customer c = new Customer("联系人历史" + unique + "有限公司");
        c.setStatus(CustomerStatus.PROSPECT);
        Contact contact = new Contact("王芳" + unique);
        contact.setTitle("采购经理");
        c.addContact(contact);
        Customer saved = customers.create(c);
        Customer loaded = customers.find(saved.getId()).orElseThrow();
        loaded.getContacts().get(0).setTitle("采购总监");
        customers.update(loaded);

        CustomerEditor editor = CustomerEditor.open(page, saved.getId(), saved.getName());
        ContactsPage contacts = (ContactsPage) editor.setActivePage(ContactsPage.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        Table list = UiTesting.find((Composite) contacts.getPartControl(), Table.class, t -> t.getItemCount() == 1).get(0);
        list.deselectAll();
        assertTrue(RecordSelection.selectedIn(editor).isEmpty(), "nothing selected, nothing to show");
        UiTesting.selectRow(list, 0);
        assertEquals(Contact.ENTITY, RecordSelection.selectedIn(editor).orElseThrow().entity());

        List<List<String>> rows = showHistory("History");
        assertEquals(List.of("changed", "Job title", "采购经理", "采购总监", USER), rows.get(0).subList(1, 6), rows.toString());
        assertEquals("created", rows.get(rows.size() - 1).get(1), rows.toString());
    }

    @Test
    void aDeletedRecordsHistoryOpensFromTheRecycleBin() throws Exception {
        Customer c = new Customer("回收站历史" + unique + "有限公司");
        c.setStatus(CustomerStatus.PROSPECT);
        Customer saved = customers.create(c);
        Customer loaded = customers.find(saved.getId()).orElseThrow();
        loaded.setRegion("苏州");
        customers.update(loaded);
        customers.delete(saved.getId());

        IViewPart bin = page.showView("org.salesbench.ui.views.recycleBin");
        page.activate(bin);
        UiTesting.waitForJobs(Jobs.FAMILY);
        Shell shell = page.getWorkbenchWindow().getShell();
        UiTesting.waitUntil("the deleted customer in the bin", () -> binTable(shell).isPresent(), 10_000);
        Table table = binTable(shell).orElseThrow();
        int row = -1;
        for (int i = 0; i < table.getItemCount(); i++) {
            if (saved.getName().equals(table.getItem(i).getText(1))) {
                row = i;
            }
        }
        UiTesting.selectRow(table, row);
        assertEquals(saved.getId(), RecordSelection.selectedIn(bin).orElseThrow().id());

        List<List<String>> rows = showHistory("History");
        // the deletion (its time and who, in one transaction), the change before it, the creation
        assertTrue(rows.stream().anyMatch(r -> r.get(1).equals("deleted") && r.get(2).equals("Deleted") && r.get(5).equals(USER)), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.subList(1, 5).equals(List.of("changed", "Region", "", "苏州"))), rows.toString());
    }

    private java.util.Optional<Table> binTable(Shell shell) {
        return UiTesting.find(shell, Table.class, t -> {
            for (TableItem item : t.getItems()) {
                if (item.getText(1).startsWith("回收站历史" + unique)) {
                    return true;
                }
            }
            return false;
        }).stream().findFirst();
    }

    /** Runs Edit › Show History and reads the dialog's rows once its history is shown, then closes it. */
    private List<List<String>> showHistory(String title) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        UiTesting.DialogAnswer answer = UiTesting.whenDialogOpens(title, shell -> {
            Table history = UiTesting.find(shell, Table.class, t -> true).get(0);
            UiTesting.waitUntil("the history", () -> history.getItemCount() > 0, 10_000);
            for (TableItem item : history.getItems()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < history.getColumnCount(); i++) {
                    row.add(item.getText(i));
                }
                rows.add(row);
            }
            UiTesting.screenshot("show-history-dialog");
            UiTesting.click(shell, "Close");
        });
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(COMMAND, null);
        answer.assertAnswered();
        Display.getCurrent().readAndDispatch();
        return rows;
    }
}
