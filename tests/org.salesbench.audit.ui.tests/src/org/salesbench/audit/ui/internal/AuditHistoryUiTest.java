package org.salesbench.audit.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.AuditTrail;
import org.salesbench.audit.ui.AuditHistoryPage;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.ui.internal.CustomerEditor;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;

/**
 * The History page of the customer editor and the administrator's Audit Trail view, in the real workbench under Xvfb on
 * Derby: a change made through the customer service shows with its field, old and new value, who and the client.
 */
class AuditHistoryUiTest {

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

    private Customer changedCustomer() {
        Customer c = new Customer("审计测试" + unique + "有限公司");
        c.setStatus(CustomerStatus.PROSPECT);
        long id = customers.create(c).getId();
        Customer loaded = customers.find(id).orElseThrow();
        loaded.setIndustry("Software");
        return customers.update(loaded);
    }

    @Test
    void theCustomerEditorsHistoryPageShowsEachChangeWithWhoAndTheClient() throws Exception {
        Customer customer = changedCustomer();
        CustomerEditor editor = CustomerEditor.open(page, customer.getId(), customer.getName());
        assertEquals(AuditHistoryPage.ID, editor.findPage(AuditHistoryPage.ID).getId(), "one History page, the audit trail's");
        AuditHistoryPage history = assertInstanceOf(AuditHistoryPage.class, editor.setActivePage(AuditHistoryPage.ID));
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the customer's history", () -> history.table() != null && history.table().getItemCount() == 2, 10_000);
        Table table = history.table();
        assertEquals(List.of("When", "Event", "Field", "Old value", "New value", "User", "Client", "Details"),
                java.util.Arrays.stream(table.getColumns()).map(c -> c.getText()).toList());
        TableItem changed = table.getItem(0);
        // the field by its label in the user's language, not its column
        assertEquals(List.of("changed", "Industry", "", "Software", USER),
                List.of(changed.getText(1), changed.getText(2), changed.getText(3), changed.getText(4), changed.getText(5)));
        assertTrue(!changed.getText(6).isBlank(), "the client is named");
        assertEquals("created", table.getItem(1).getText(1));
        UiTesting.screenshot("customer-history-page");

        // a change saved while the editor is open shows when the page is shown again
        Customer again = customers.find(customer.getId()).orElseThrow();
        again.setRegion("杭州");
        customers.update(again);
        editor.setActivePage("org.salesbench.customers.ui.editor.contacts");
        editor.setActivePage(AuditHistoryPage.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the new change", () -> history.table().getItemCount() == 3, 10_000);
        assertEquals("杭州", table.getItem(0).getText(4));
        assertEquals("Region", table.getItem(0).getText(2));
    }

    @Test
    void eventsWithDetailsShowThemAndEveryColumnSorts() throws Exception {
        Customer customer = changedCustomer();
        AuditTrail trail = Services.get(AuditTrail.class);
        trail.record(Customer.ENTITY, customer.getId(), AuditKind.OTHER, "claimed from the public pool " + unique);
        trail.record(Customer.ENTITY, customer.getId(), AuditKind.EXPORTED, "customers.csv, 1 row, filter name=" + unique);
        CustomerEditor editor = CustomerEditor.open(page, customer.getId(), customer.getName());
        AuditHistoryPage history = assertInstanceOf(AuditHistoryPage.class, editor.setActivePage(AuditHistoryPage.ID));
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the history with its events", () -> history.table() != null && history.table().getItemCount() == 4, 10_000);
        Table table = history.table();
        assertEquals(List.of("exported", "customers.csv, 1 row, filter name=" + unique), List.of(table.getItem(0).getText(1), table.getItem(0).getText(7)));
        assertEquals(List.of("other", "claimed from the public pool " + unique), List.of(table.getItem(1).getText(1), table.getItem(1).getText(7)));
        assertEquals("", table.getItem(2).getText(7), "a field change has no details");
        assertEquals(table.getColumn(0), table.getSortColumn(), "newest first");
        assertEquals(SWT.DOWN, table.getSortDirection());
        page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED); // the whole table, for the picture
        UiTesting.processEvents();
        UiTesting.screenshot("customer-history-details");
        page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_RESTORED);

        // a click on When: oldest first; on Event: by the event's name; on Details: by the details
        UiTesting.clickColumn(table, 0);
        assertEquals("created", table.getItem(0).getText(1));
        assertEquals("exported", table.getItem(3).getText(1));
        UiTesting.clickColumn(table, 1);
        assertEquals(List.of("changed", "created", "exported", "other"), java.util.Arrays.stream(table.getItems()).map(i -> i.getText(1)).toList());
        UiTesting.clickColumn(table, 1);
        assertEquals(List.of("other", "exported", "created", "changed"), java.util.Arrays.stream(table.getItems()).map(i -> i.getText(1)).toList());
        UiTesting.clickColumn(table, 7);
        assertEquals("claimed from the public pool " + unique, table.getItem(2).getText(7));
        assertEquals("customers.csv, 1 row, filter name=" + unique, table.getItem(3).getText(7));
    }

    @Test
    void theAuditTrailViewSearchesByUserAndEntity() throws Exception {
        Customer customer = changedCustomer();
        AuditTrailView view = (AuditTrailView) page.showView(AuditTrailView.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the audited entities", () -> view.entityChoice().getItemCount() > 1, 10_000);
        UiTesting.type(view.userField(), USER);
        UiTesting.choose(view.entityChoice(), "customer");
        view.search();
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the user's changes", () -> view.table().getItemCount() >= 2, 10_000);
        String id = customer.getId().toString();
        boolean found = false;
        for (TableItem item : view.table().getItems()) {
            assertEquals(USER, item.getText(1));
            assertEquals("customer", item.getText(3));
            found |= id.equals(item.getText(4)) && "Industry".equals(item.getText(6)) && "Software".equals(item.getText(8));
        }
        assertTrue(found, "the industry change of customer " + id);
        UiTesting.screenshot("audit-trail-view");

        UiTesting.type(view.userField(), "nobody-" + unique);
        view.search();
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("no entries", () -> view.table().getItemCount() == 0, 10_000);
    }
}
