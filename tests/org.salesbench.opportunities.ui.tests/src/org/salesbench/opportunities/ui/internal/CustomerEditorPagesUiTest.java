package org.salesbench.opportunities.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.CustomerEditor;
import org.salesbench.opportunities.ConversionRequest;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadConversion;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;

/**
 * The Opportunities and Leads pages this module contributes to the customer editor, in the real workbench under
 * Xvfb on Derby: a customer made from a lead shows its two deals, that lead and a later lead flagged as its duplicate,
 * and nothing of another customer.
 */
class CustomerEditorPagesUiTest {

    private IWorkbenchPage page;
    private LeadService leads;
    private OpportunityService opportunities;
    private CustomerService customers;
    private String unique;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        leads = Services.get(LeadService.class);
        opportunities = Services.get(OpportunityService.class);
        customers = Services.get(CustomerService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
    }

    @Test
    void theCustomerEditorShowsTheCustomersOpportunitiesAndLeads() throws Exception {
        Lead lead = new Lead("云帆物流" + unique + "有限公司");
        lead.setContactName("赵敏");
        lead.setPhone("0571-6" + Math.abs(unique.hashCode() % 1000000));
        lead.setStatus(LeadStatus.QUALIFIED);
        lead = leads.create(lead);
        LocalDate close = LocalDate.now(Clocks.system()).plusMonths(2);
        LeadConversion done = leads.convert(lead.getId(), new ConversionRequest(null, null, "云帆 TMS 项目", Money.cny("180000"), close));
        Customer customer = customers.find(done.customerId()).orElseThrow();
        // a second deal of the customer, a new lead under its name (flagged as its duplicate), and somebody else's lead
        Opportunity second = new Opportunity(customer, "云帆 仓储扩容", Money.cny("60000"));
        second.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        opportunities.create(second);
        Lead again = leads.create(new Lead(customer.getName()));
        assertEquals(customer.getId(), again.getDuplicateCustomerId(), "screening flags the lead as the customer's duplicate");
        leads.create(new Lead("别家公司" + unique));

        CustomerEditor editor = CustomerEditor.open(page, customer.getId(), customer.getName());

        CustomerOpportunitiesPage deals = assertInstanceOf(CustomerOpportunitiesPage.class,
                editor.setActivePage("org.salesbench.opportunities.ui.customerPages.opportunities"));
        UiTesting.waitUntil("the customer's opportunities", () -> deals.table() != null && deals.table().getItemCount() == 2, 10_000);
        Table table = deals.table();
        assertEquals("Name", table.getColumn(0).getText());
        int tms = "云帆 TMS 项目".equals(table.getItem(0).getText(0)) ? 0 : 1;
        assertEquals("云帆 TMS 项目", table.getItem(tms).getText(0));
        assertNotNull(table.getItem(tms).getText(1), "the stage");
        assertEquals(Formats.date(close), table.getItem(tms).getText(3));
        UiTesting.screenshot("customer-opportunities-page");

        // a double-click opens the deal
        table.setSelection(tms);
        table.notifyListeners(SWT.Selection, null);
        table.notifyListeners(SWT.DefaultSelection, null);
        UiTesting.waitUntil("the opportunity editor", () -> page.getActiveEditor() instanceof OpportunityEditor, 5_000);
        assertEquals(done.opportunityId(), ((OpportunityEditor) page.getActiveEditor()).opportunity().getId());

        page.activate(editor);
        CustomerLeadsPage leadsPage = assertInstanceOf(CustomerLeadsPage.class,
                editor.setActivePage("org.salesbench.opportunities.ui.customerPages.leads"));
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the customer's leads", () -> leadsPage.table() != null && leadsPage.table().getItemCount() == 2, 10_000);
        Table leadTable = leadsPage.table();
        // both leads carry the customer's name: the converted one and the later one flagged as its duplicate
        assertEquals(List.of(customer.getName(), customer.getName()), List.of(leadTable.getItem(0).getText(0), leadTable.getItem(1).getText(0)));
        assertEquals(Stream.of("Converted", Labels.of(again.getStatus())).sorted().toList(),
                Stream.of(leadTable.getItem(0).getText(2), leadTable.getItem(1).getText(2)).sorted().toList());
        UiTesting.screenshot("customer-leads-page");
    }
}
