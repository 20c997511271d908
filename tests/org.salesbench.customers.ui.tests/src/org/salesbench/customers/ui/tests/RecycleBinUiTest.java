package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.UUID;

import org.eclipse.swt.widgets.Button;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.CustomersView;
import org.salesbench.ui.Services;
import org.salesbench.ui.internal.recyclebin.RecycleBinView;
import org.salesbench.ui.testing.UiTesting;

/**
 * Delete in the Customers view moves the customer to the recycle bin, the confirmation naming what goes with it; the
 * Recycle Bin view lists it with who deleted it, and its Restore and Purge buttons work.
 */
class RecycleBinUiTest {

    private IWorkbenchPage page;
    private CustomerService service;
    private String unique;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        service = Services.get(CustomerService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        RecycleBinView bin = (RecycleBinView) page.findView(RecycleBinView.ID);
        if (bin != null) {
            page.hideView(bin);
        }
        UiTesting.processEvents();
    }

    private RecycleBinView binView() throws PartInitException {
        RecycleBinView view = (RecycleBinView) page.showView(RecycleBinView.ID);
        UiTesting.waitForJobs(RecycleBinView.FAMILY);
        return view;
    }

    private int rowOf(RecycleBinView view, long id) {
        for (int i = 0; i < view.shown().size(); i++) {
            if (view.shown().get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void deletedFromTheCustomersViewThenRestoredAndPurgedWithTheRecycleBinsButtons() throws Exception {
        Customer c = service.create(new Customer("回收测试" + unique + "有限公司"));
        Activity visit = new Activity(ActivityType.VISIT, LocalDateTime.now().minusHours(1), "拜访");
        service.logActivity(c.getId(), visit);

        CustomersView customers = (CustomersView) page.showView(CustomersView.ID);
        UiTesting.type(customers.searchBox(), "回收测试" + unique);
        UiTesting.waitForJobs(CustomersView.FAMILY);
        UiTesting.waitUntil("the customer's row", () -> customers.rowCount() == 1 && c.getName().equals(customers.grid().shownText(0, "name")));
        customers.selectListRow(0);
        UiTesting.DialogAnswer confirmed = UiTesting.whenDialogOpens("Delete", shell -> {
            String text = UiTesting.shownText(shell);
            assertTrue(text.contains("recycle bin") && text.contains(c.getName()), text);
            assertTrue(text.contains("1 Activities: go to the recycle bin with it"), "names what goes with it: " + text);
            UiTesting.click(shell, "OK");
        });
        UiTesting.chooseFromMenu(customers.listControl(), "Delete");
        confirmed.assertAnswered();
        UiTesting.waitForJobs(CustomersView.FAMILY);
        UiTesting.waitUntil("the row gone from the list", () -> customers.rowCount() == 0);

        RecycleBinView bin = binView();
        UiTesting.waitUntil("the customer in the bin", () -> rowOf(bin, c.getId()) >= 0);
        int row = rowOf(bin, c.getId());
        assertEquals("Customers", bin.table().getItem(row).getText(0));
        assertEquals(c.getName(), bin.table().getItem(row).getText(1));
        assertEquals("ui.tester", bin.table().getItem(row).getText(3), "who deleted it");
        Button restore = UiTesting.button(bin.table().getParent(), "Restore");
        Button purge = UiTesting.button(bin.table().getParent(), "Purge");
        assertFalse(restore.isEnabled(), "nothing selected yet");

        UiTesting.selectRow(bin.table(), row);
        assertTrue(restore.isEnabled() && purge.isEnabled());
        UiTesting.click(restore);
        UiTesting.waitForJobs(RecycleBinView.FAMILY);
        UiTesting.waitUntil("the customer out of the bin", () -> rowOf(bin, c.getId()) < 0);
        assertTrue(service.find(c.getId()).isPresent(), "restored");
        assertEquals(1, service.find(c.getId()).orElseThrow().getActivities().size(), "with its activity");
        UiTesting.waitUntil("back in the customers list", () -> customers.rowCount() == 1);

        service.delete(c.getId());
        UiTesting.waitUntil("in the bin again", () -> rowOf(bin, c.getId()) >= 0);
        UiTesting.selectRow(bin.table(), rowOf(bin, c.getId()));
        UiTesting.DialogAnswer cancelled = UiTesting.whenDialogOpensPress("Purge", "Cancel");
        UiTesting.click(purge);
        cancelled.assertAnswered();
        UiTesting.waitForJobs(RecycleBinView.FAMILY);
        assertTrue(rowOf(bin, c.getId()) >= 0, "Cancel purges nothing");

        UiTesting.selectRow(bin.table(), rowOf(bin, c.getId()));
        UiTesting.DialogAnswer purged = UiTesting.whenDialogOpens("Purge", shell -> {
            assertTrue(UiTesting.shownText(shell).contains(c.getName()), UiTesting.shownText(shell));
            UiTesting.click(shell, "OK");
        });
        UiTesting.click(purge);
        purged.assertAnswered();
        UiTesting.waitForJobs(RecycleBinView.FAMILY);
        UiTesting.waitUntil("purged", () -> rowOf(bin, c.getId()) < 0);
        assertTrue(Services.get(org.salesbench.core.recyclebin.RecycleBin.class).deleted(Customer.ENTITY, 100).stream()
                .noneMatch(r -> r.id() == c.getId()), "gone for good");
        customers.searchBox().setText("");
    }
}
