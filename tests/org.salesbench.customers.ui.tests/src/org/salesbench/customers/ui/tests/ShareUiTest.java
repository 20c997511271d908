package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.CustomerEditor;
import org.salesbench.ui.Services;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.users.Share;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * Edit > Share… on an open customer: the Share dialog lists the record's shares, adds a user to edit and another to
 * read, removes one, each stored at once (the local database's owner may share anything; who else may is the
 * service's rule, tested on PostgreSQL).
 */
class ShareUiTest {

    private final IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
    private final IWorkbenchPage page = window.getActivePage();

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        UiTesting.processEvents();
    }

    @Test
    void theShareDialogAddsAndRemovesSharesOfTheOpenCustomer() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        UserService users = Services.get(UserService.class);
        String editor = "share.edit." + unique;
        String reader = "share.read." + unique;
        users.createUser(new User(editor, "王编辑" + unique));
        users.createUser(new User(reader, "李只读" + unique));
        Customer customer = Services.get(CustomerService.class).create(new Customer("共享客户" + unique));
        long id = customer.getId();
        CustomerEditor.open(page, id, customer.getName());

        UiTesting.DialogAnswer answer = UiTesting.whenDialogOpens("Share", shell -> {
            Table table = UiTesting.find(shell, Table.class, t -> true).get(0);
            assertEquals(0, table.getItemCount(), "not shared yet");
            Combo who = UiTesting.labelled(shell, "Share with:", Combo.class);
            Combo access = UiTesting.find(shell, Combo.class, c -> c != who).get(0);
            UiTesting.choose(who, "王编辑" + unique + " (" + editor + ")");
            UiTesting.choose(access, "Edit");
            UiTesting.click(shell, "Add");
            UiTesting.choose(who, "李只读" + unique + " (" + reader + ")");
            UiTesting.choose(access, "Read");
            UiTesting.click(shell, "Add");
            assertEquals(2, table.getItemCount());
            assertEquals(List.of(new Share(Customer.ENTITY, id, editor, true, null), new Share(Customer.ENTITY, id, reader, false, null)),
                    users.shares(Customer.ENTITY, id), "stored at once");
            int readerRow = table.getItem(0).getText(0).contains(reader) ? 0 : 1;
            assertEquals("Read", table.getItem(readerRow).getText(1));
            UiTesting.screenshot("share-dialog");
            UiTesting.selectRow(table, readerRow);
            UiTesting.click(shell, "Remove");
            assertEquals(1, table.getItemCount());
            assertEquals("王编辑" + unique + " (" + editor + ")", table.getItem(0).getText(0));
            assertEquals("Edit", table.getItem(0).getText(1));
            UiTesting.click(shell, "Close");
        });
        // what Edit > Share… runs: the command of the active editor's record
        window.getService(IHandlerService.class).executeCommand("org.salesbench.users.ui.share", null);
        answer.assertAnswered();
        assertEquals(List.of(new Share(Customer.ENTITY, id, editor, true, null)), users.shares(Customer.ENTITY, id));
    }
}
