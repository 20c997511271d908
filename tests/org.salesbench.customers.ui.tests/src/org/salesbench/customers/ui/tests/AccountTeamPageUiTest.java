package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.editor.IFormPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.audit.ui.AuditHistoryPage;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.CustomerEditor;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.users.Share;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * The customer editor's Account team page in the real workbench under Xvfb on Derby (whose owner may change any
 * customer's team; who else may is the service's rule): a member added through Add… is listed and stored, removed
 * with Remove, and the History page shows both changes.
 */
class AccountTeamPageUiTest {

    private static final String PAGE = "org.salesbench.users.ui.customerPages.accountTeam";
    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        UiTesting.processEvents();
    }

    private static List<String> row(TableItem item, int columns) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            texts.add(item.getText(i));
        }
        return texts;
    }

    @Test
    void aMemberAddedOnThePageIsListedStoredRemovedAndInTheHistory() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        UserService users = Services.get(UserService.class);
        String login = "team.member." + unique;
        users.createUser(new User(login, "赵实施" + unique));
        Customer customer = Services.get(CustomerService.class).create(new Customer("客户团队" + unique));
        long id = customer.getId();
        CustomerEditor editor = CustomerEditor.open(page, id, customer.getName());

        IFormPage teamPage = editor.setActivePage(PAGE);
        Composite area = (Composite) teamPage.getPartControl();
        UiTesting.waitForJobs(Jobs.FAMILY);
        Table table = UiTesting.find(area, Table.class, t -> true).get(0);
        assertEquals(List.of("Member", "Access", "Account role"), java.util.Arrays.stream(table.getColumns()).map(c -> c.getText()).toList());
        UiTesting.waitUntil("the page has read whether the team may be changed", () -> UiTesting.button(area, "Add...").isEnabled(), 10_000);
        assertEquals(0, table.getItemCount(), "no member yet");
        assertFalse(UiTesting.button(area, "Remove").isEnabled(), "Remove needs a selected member");

        UiTesting.DialogAnswer add = UiTesting.whenDialogOpens("Add to the Account Team", shell -> {
            UiTesting.choose(UiTesting.labelled(shell, "User or team:", Combo.class), "赵实施" + unique + " (" + login + ")");
            UiTesting.choose(UiTesting.labelled(shell, "Access:", Combo.class), "Edit");
            UiTesting.type(UiTesting.labelled(shell, "Account role:", Text.class), "implementation");
            UiTesting.screenshot("account-team-add");
            UiTesting.click(shell, "OK");
        });
        UiTesting.click(area, "Add...");
        add.assertAnswered();
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the new member listed", () -> table.getItemCount() == 1, 10_000);
        assertEquals(List.of("赵实施" + unique + " (" + login + ")", "Edit", "implementation"), row(table.getItem(0), 3));
        assertEquals(List.of(new Share(Customer.ENTITY, id, login, true, "implementation")), users.shares(Customer.ENTITY, id), "stored at once");
        UiTesting.screenshot("account-team-page");

        UiTesting.selectRow(table, 0);
        UiTesting.click(area, "Remove");
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the member gone", () -> table.getItemCount() == 0, 10_000);
        assertEquals(List.of(), users.shares(Customer.ENTITY, id));

        AuditHistoryPage history = assertInstanceOf(AuditHistoryPage.class, editor.setActivePage(AuditHistoryPage.ID));
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the customer's history", () -> history.table() != null && history.table().getItemCount() == 3, 10_000);
        Table entries = history.table();
        // newest first: the removal, the addition, the customer's creation
        assertEquals(List.of("changed", "Account team", login + " edit implementation", ""), row(entries.getItem(0), 5).subList(1, 5));
        assertEquals(List.of("changed", "Account team", "", login + " edit implementation"), row(entries.getItem(1), 5).subList(1, 5));
        assertEquals("created", entries.getItem(2).getText(1));
        assertTrue(!entries.getItem(0).getText(5).isBlank(), "who removed the member");
    }
}
