package org.salesbench.contracts.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractSort;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;

/**
 * The Contracts list on its NatTable grid in the running workbench: a header click sorts the whole list in the database
 * (the model's order), columns hide and move and the layout outlives closing the view, a double-click's open and
 * Edit › Copy still work.
 */
class ContractsGridUiTest {

    private IWorkbenchPage page;
    private ContractService contracts;
    private String prefix;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        contracts = Services.get(ContractService.class);
        prefix = "网格合同" + UUID.randomUUID().toString().substring(0, 6);
        String[][] deals = { // customer suffix, deal (the contract's title), amount
            {"丙", "Gamma", "300"}, {"甲", "Alpha", "50"}, {"乙", "Beta", "700"}};
        for (String[] d : deals) {
            Customer customer = Services.get(CustomerService.class).create(new Customer(prefix + "-" + d[0]));
            Opportunity o = new Opportunity(customer, d[1], Money.cny(d[2]));
            o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
            o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(10));
            OpportunityService deals2 = Services.get(OpportunityService.class);
            contracts.createFromOpportunity(deals2.markWon(deals2.create(o).getId(), null).getId());
        }
        closeView();
        VirtualGrid.forgetLayouts(ContractsView.ID); // the columns as made, whatever a user or test left
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        closeView(); // saves this test's layout...
        VirtualGrid.forgetLayouts(ContractsView.ID); // ...which the other tests must not inherit
    }

    private void closeView() {
        IViewPart open = page.findView(ContractsView.ID);
        if (open != null) {
            page.hideView(open);
            UiTesting.processEvents();
        }
    }

    private ContractsView listing() throws Exception {
        ContractsView view = (ContractsView) page.showView(ContractsView.ID);
        page.activate(view);
        view.searchBox().setText(prefix);
        UiTesting.waitUntil("the text filter applied", () -> view.filter().text().orElse("").equals(prefix), 5_000);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("three rows", () -> {
            UiTesting.waitForJobs(Jobs.FAMILY);
            return view.rowCount() == 3 && view.rowData(2) != null;
        }, 10_000);
        return view;
    }

    private static List<String> shownTitles(VirtualGrid<ContractRow> grid) {
        return IntStream.range(0, grid.rowCount()).mapToObj(i -> grid.cellText(i, "title")).toList();
    }

    private List<String> modelOrder(ContractSort sort) {
        return contracts.list(ContractFilter.all().withText(prefix), sort, 0, 10).stream().map(Contract::getTitle).toList();
    }

    private static void waitForOrder(VirtualGrid<ContractRow> grid, List<String> expected) {
        UiTesting.waitUntil("the rows in the order " + expected, () -> {
            UiTesting.waitForJobs(Jobs.FAMILY);
            UiTesting.processEvents();
            return expected.equals(shownTitles(grid));
        }, 10_000);
    }

    @Test
    void aHeaderClickSortsTheWholeListInTheModelsOrder() throws Exception {
        VirtualGrid<ContractRow> grid = listing().grid();
        assertNull(grid.sortKey(), "the list's own order to begin with");
        waitForOrder(grid, List.of("Beta", "Alpha", "Gamma")); // newest first
        // the header row and the rows are as high as a line of Latin and Chinese text needs, with room above and below
        assertTrue(grid.headerHeight() >= grid.lineHeight() + 8, grid.headerHeight() + " for a line of " + grid.lineHeight());
        assertTrue(grid.rowHeight() >= grid.lineHeight() + 4, grid.rowHeight() + " for a line of " + grid.lineHeight());

        // a picture of the list alone (with SALESBENCH_SCREENSHOTS): the view maximised while sorted, then as it was
        org.eclipse.ui.IWorkbenchPartReference contractsPart = page.getReference(page.findView(ContractsView.ID));
        page.setPartState(contractsPart, IWorkbenchPage.STATE_MAXIMIZED);
        UiTesting.processEvents();
        grid.clickHeader("amount");
        assertEquals(ContractSort.Column.AMOUNT, grid.sortKey());
        List<String> byAmount = modelOrder(new ContractSort(ContractSort.Column.AMOUNT, true));
        assertEquals(List.of("Alpha", "Gamma", "Beta"), byAmount, "amounts as numbers");
        waitForOrder(grid, byAmount);
        UiTesting.screenshot("contracts-grid");
        page.setPartState(contractsPart, IWorkbenchPage.STATE_RESTORED);
        UiTesting.processEvents();

        grid.clickHeader("amount");
        assertFalse(grid.ascending(), "a second click sorts descending");
        waitForOrder(grid, List.of("Beta", "Gamma", "Alpha"));

        grid.clickHeader("customer");
        List<String> byCustomer = modelOrder(new ContractSort(ContractSort.Column.CUSTOMER, true));
        assertNotEquals(byAmount, byCustomer);
        waitForOrder(grid, byCustomer);

        grid.clickHeader("collected");
        assertEquals(ContractSort.Column.CUSTOMER, grid.sortKey(), "what is collected is no order of the list: the click changes nothing");
        grid.clickHeader("customer");
        grid.clickHeader("customer");
        assertNull(grid.sortKey(), "a third click goes back to the list's own order");
        waitForOrder(grid, List.of("Beta", "Alpha", "Gamma"));
    }

    @Test
    void hiddenAndMovedColumnsAndTheSortOutliveClosingTheViewAndOpenAndCopyStillWork() throws Exception {
        ContractsView view = listing();
        VirtualGrid<ContractRow> grid = view.grid();
        assertEquals(List.of("number", "customer", "title", "amount", "status", "signedOn", "startDate", "endDate", "owner", "collected", "open"),
                grid.visibleColumns());
        grid.hideColumn("signedOn");
        grid.moveColumn("title", 0);
        grid.resizeColumn("customer", 277);
        grid.clickHeader("title");
        List<String> arranged = List.of("title", "number", "customer", "amount", "status", "startDate", "endDate", "owner", "collected", "open");
        assertEquals(arranged, grid.visibleColumns());
        waitForOrder(grid, List.of("Alpha", "Beta", "Gamma"));

        closeView();
        ContractsView reopened = listing();
        VirtualGrid<ContractRow> again = reopened.grid();
        assertNotEquals(grid, again, "a new grid");
        assertEquals(arranged, again.visibleColumns(), "the order and the hidden column kept");
        assertEquals(277, again.columnWidth("customer"), "the width kept");
        assertEquals(ContractSort.Column.TITLE, again.sortKey(), "the sort kept");
        waitForOrder(again, List.of("Alpha", "Beta", "Gamma"));

        // Edit › Copy copies the selected cell as shown
        reopened.getSite().getShell().forceActive();
        UiTesting.waitUntil("the grid focused", () -> reopened.listControl().setFocus() && reopened.listControl().isFocusControl());
        again.selectCell(1, "title");
        assertTrue(reopened.canCopySelection());
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.copy", null);
        org.eclipse.swt.dnd.Clipboard clipboard = new org.eclipse.swt.dnd.Clipboard(org.eclipse.swt.widgets.Display.getCurrent());
        try {
            assertEquals("Beta", clipboard.getContents(org.eclipse.swt.dnd.TextTransfer.getInstance()));
        } finally {
            clipboard.dispose();
        }

        // opening a row (a double-click) opens that contract's editor
        ContractRow beta = again.rowAt(1);
        reopened.openRow(1);
        UiTesting.processEvents();
        IEditorPart editor = page.getActiveEditor();
        assertTrue(editor instanceof ContractEditor, String.valueOf(editor));
        assertEquals(beta.contract().getNumber(), editor.getTitle());
    }
}
