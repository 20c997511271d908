package org.salesbench.opportunities.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.LeadRow;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadSort;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityRow;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.OpportunitySort;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;

/**
 * The Opportunities list on its NatTable grid, in the running workbench: a header click sorts the whole list in the
 * database (the model's order, page after page), columns hide and move, the layout outlives closing the view, and
 * Edit › Copy and Ctrl+C put the selected cells on the clipboard.
 */
class OpportunitiesGridUiTest {

    private IWorkbenchPage page;
    private OpportunityService opportunities;
    private String prefix;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        opportunities = Services.get(OpportunityService.class);
        prefix = "网格客户" + UUID.randomUUID().toString().substring(0, 6);
        CustomerService customers = Services.get(CustomerService.class);
        LocalDate today = LocalDate.now(Clocks.system());
        String[][] deals = { // customer suffix, name, amount, days to close
            {"丙", "Gamma deal", "300", "30"}, {"甲", "Alpha deal", "50", "10"}, {"乙", "Beta deal", "700", "20"}, {"丁", "Delta deal", "120", "40"}};
        for (String[] d : deals) {
            Opportunity o = new Opportunity(customers.create(new Customer(prefix + "-" + d[0])), d[1], Money.cny(d[2]));
            o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
            o.setExpectedCloseDate(today.plusDays(Integer.parseInt(d[3])));
            opportunities.create(o);
        }
        closeView();
        VirtualGrid.forgetLayouts(OpportunitiesView.ID); // the columns as made, whatever a user or test left
    }

    @AfterEach
    void tearDown() throws Exception {
        closeView(); // saves this test's layout...
        VirtualGrid.forgetLayouts(OpportunitiesView.ID); // ...which the other tests must not inherit
        page.showView(OpportunitiesView.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
    }

    private void closeView() {
        IViewPart open = page.findView(OpportunitiesView.ID);
        if (open != null) {
            page.hideView(open);
            UiTesting.processEvents();
        }
    }

    private OpportunitiesView listing() throws Exception {
        OpportunitiesView view = (OpportunitiesView) page.showView(OpportunitiesView.ID);
        page.activate(view);
        view.searchBox().setText(prefix);
        UiTesting.waitUntil("the text filter applied", () -> prefix.equals(view.filter().text()), 5_000);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("four rows", () -> view.rowCount() == 4 && view.rowData(3) != null, 10_000);
        return view;
    }

    private static List<String> shownNames(VirtualGrid<OpportunityRow> grid) {
        return IntStream.range(0, grid.rowCount()).mapToObj(i -> grid.cellText(i, "name")).toList();
    }

    private List<String> modelOrder(OpportunitySort sort) {
        OpportunityFilter filter = new OpportunityFilter(prefix, null, Set.of(), Set.of(), Set.of(), false, false);
        return opportunities.page(filter, sort, 0, 10).stream().map(OpportunityRow::name).toList();
    }

    private static void waitForOrder(VirtualGrid<OpportunityRow> grid, List<String> expected) {
        UiTesting.waitUntil("the rows in the order " + expected, () -> {
            UiTesting.waitForJobs(Jobs.FAMILY);
            return expected.equals(shownNames(grid));
        }, 10_000);
    }

    @Test
    void aHeaderClickSortsTheWholeListInTheModelsOrder() throws Exception {
        VirtualGrid<OpportunityRow> grid = listing().grid();
        assertNull(grid.sortKey(), "the list's own order to begin with");
        waitForOrder(grid, List.of("Alpha deal", "Beta deal", "Gamma deal", "Delta deal")); // by close date

        grid.clickHeader("amount");
        assertEquals(OpportunitySort.Column.AMOUNT, grid.sortKey());
        assertTrue(grid.ascending());
        List<String> byAmount = modelOrder(new OpportunitySort(OpportunitySort.Column.AMOUNT, true));
        assertEquals(List.of("Alpha deal", "Delta deal", "Gamma deal", "Beta deal"), byAmount, "the model sorts amounts as numbers");
        waitForOrder(grid, byAmount);

        grid.clickHeader("amount");
        assertFalse(grid.ascending(), "a second click sorts descending");
        waitForOrder(grid, modelOrder(new OpportunitySort(OpportunitySort.Column.AMOUNT, false)));

        grid.clickHeader("customer");
        List<String> byCustomer = modelOrder(new OpportunitySort(OpportunitySort.Column.CUSTOMER, true));
        assertNotEquals(byAmount, byCustomer);
        waitForOrder(grid, byCustomer);
        UiTesting.screenshot("opportunities-grid-sorted");

        grid.clickHeader("customer");
        grid.clickHeader("customer");
        assertNull(grid.sortKey(), "a third click goes back to the list's own order");
        waitForOrder(grid, List.of("Alpha deal", "Beta deal", "Gamma deal", "Delta deal"));
    }

    @Test
    void hiddenAndMovedColumnsWidthsAndTheSortOutliveClosingTheView() throws Exception {
        VirtualGrid<OpportunityRow> grid = listing().grid();
        List<String> made = List.of("customer", "name", "amount", "stage", "probability", "closeDate", "owner", "forecastCategory");
        assertEquals(made, grid.visibleColumns());

        grid.hideColumn("probability");
        grid.moveColumn("owner", 0);
        grid.resizeColumn("name", 333);
        grid.clickHeader("name");
        grid.clickHeader("name");
        List<String> arranged = List.of("owner", "customer", "name", "amount", "stage", "closeDate", "forecastCategory");
        assertEquals(arranged, grid.visibleColumns());
        waitForOrder(grid, List.of("Gamma deal", "Delta deal", "Beta deal", "Alpha deal"));

        closeView();
        assertNull(page.findView(OpportunitiesView.ID));
        OpportunitiesView reopened = listing();
        VirtualGrid<OpportunityRow> again = reopened.grid();
        assertNotEquals(grid, again, "a new grid");
        assertEquals(arranged, again.visibleColumns(), "the order and the hidden column kept");
        assertEquals(333, again.columnWidth("name"), "the width kept");
        assertEquals(OpportunitySort.Column.NAME, again.sortKey(), "the sort kept");
        assertFalse(again.ascending());
        waitForOrder(again, modelOrder(new OpportunitySort(OpportunitySort.Column.NAME, false)));

        again.showAllColumns();
        assertEquals(List.of("owner", "customer", "name", "amount", "stage", "probability", "closeDate", "forecastCategory"),
                again.visibleColumns(), "the hidden column back in its place");
    }

    @Test
    void editCopyAndCtrlCPutTheSelectedCellsOnTheClipboard() throws Exception {
        OpportunitiesView view = listing();
        VirtualGrid<OpportunityRow> grid = view.grid();
        waitForOrder(grid, List.of("Alpha deal", "Beta deal", "Gamma deal", "Delta deal"));
        focus(view);

        grid.selectCell(1, "name");
        assertEquals("Beta deal", grid.selectedRow().name());
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.copy", null);
        assertEquals("Beta deal", clipboard(), "one cell, as shown");

        grid.selectCell(2, "customer");
        // Ctrl+C is the workbench's key for Edit › Copy (keys posted to the X server are not delivered reliably to the
        // grid when the module's other UI tests ran before in the same workbench), and the command copies the cell
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        assertTrue(java.util.Arrays.stream(bindings.getActiveBindingsFor("org.eclipse.ui.edit.copy")).map(TriggerSequence::format)
                .anyMatch(keys -> keys.equals(KeySequence.getInstance(KeyStroke.getInstance(SWT.MOD1, 'C')).format())),
                "Ctrl+C is bound to Edit › Copy");
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.copy", null);
        assertEquals(prefix + "-丙", clipboard(), "the selected cell copied");

        grid.selectRow(0);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.copy", null);
        String[] lines = clipboard().split("\\R");
        assertEquals(2, lines.length, String.join("|", lines));
        assertTrue(lines[0].startsWith("Customer\tName\tAmount\t"), "a whole row under the column titles: " + lines[0]);
        assertTrue(lines[1].startsWith(prefix + "-甲\tAlpha deal\t"), lines[1]);
        assertEquals(8, lines[1].split("\t", -1).length, lines[1]);
    }

    @Test
    void theLeadsListSortsByAHeaderClickOnTheSameGrid() throws Exception {
        LeadService leads = Services.get(LeadService.class);
        for (String company : List.of("Cedar", "Aspen", "Birch")) {
            leads.create(new Lead(prefix + " " + company));
        }
        LeadsView view = (LeadsView) page.showView(LeadsView.ID);
        view.searchBox().setText(prefix);
        UiTesting.waitUntil("the text filter applied", () -> prefix.equals(view.filter().text()), 5_000);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("three leads", () -> view.rowCount() == 3 && view.rowData(2) != null, 10_000);
        VirtualGrid<LeadRow> grid = view.grid();
        try {
            grid.clickHeader("company");
            assertEquals(LeadSort.Column.COMPANY, grid.sortKey());
            LeadFilter filter = new LeadFilter(prefix, Set.of(), null, false, null);
            List<String> expected = leads.page(filter, new LeadSort(LeadSort.Column.COMPANY, true), 0, 10).stream().map(LeadRow::company).toList();
            assertEquals(List.of(prefix + " Aspen", prefix + " Birch", prefix + " Cedar"), expected);
            UiTesting.waitUntil("the leads by company", () -> {
                UiTesting.waitForJobs(Jobs.FAMILY);
                return expected.equals(IntStream.range(0, grid.rowCount()).mapToObj(i -> grid.cellText(i, "company")).toList());
            }, 10_000);
            assertTrue(view.listControl().getMenu() != null, "the rows keep their menu (Edit, Convert, Disqualify, Delete)");
        } finally {
            grid.clickHeader("company");
            grid.clickHeader("company"); // back to the list's own order for the other tests
            assertNull(grid.sortKey());
            page.hideView(view);
            VirtualGrid.forgetLayouts(LeadsView.ID);
            page.showView(LeadsView.ID);
        }
    }

    @Test
    void theCloseDateAndTheAmountAreEditedInPlaceSavedAndUndone() throws Exception {
        OpportunitiesView view = listing();
        VirtualGrid<OpportunityRow> grid = view.grid();
        waitForOrder(grid, List.of("Alpha deal", "Beta deal", "Gamma deal", "Delta deal"));
        LocalDate today = LocalDate.now(Clocks.system());
        OpportunityRow alpha = grid.rowAt(0);
        OpportunityRow beta = grid.rowAt(1);
        assertFalse(grid.isEditable(1, "stage"), "a stage moves on the board or in the editor");
        assertTrue(grid.isEditable(1, "closeDate"));

        LocalDate later = today.plusDays(60);
        assertTrue(grid.editCell(1, "closeDate", later.toString()));
        UiTesting.waitUntil("the close date saved", () -> later.equals(opportunities.find(beta.id()).orElseThrow().getExpectedCloseDate()));
        waitForOrder(grid, List.of("Alpha deal", "Gamma deal", "Delta deal", "Beta deal")); // the list's own order: by close date
        Undo.history().undo(Undo.context(), null, null);
        assertEquals(today.plusDays(20), opportunities.find(beta.id()).orElseThrow().getExpectedCloseDate(), "Edit › Undo put it back");
        waitForOrder(grid, List.of("Alpha deal", "Beta deal", "Gamma deal", "Delta deal"));

        assertTrue(grid.editCell(0, "amount", "1,234.50"));
        UiTesting.waitUntil("the amount saved",
                () -> new java.math.BigDecimal("1234.50").compareTo(opportunities.find(alpha.id()).orElseThrow().getAmount().getAmount()) == 0);
        assertEquals("CNY", opportunities.find(alpha.id()).orElseThrow().getAmount().getCurrency(), "in the opportunity's currency");
    }

    private static void focus(OpportunitiesView view) {
        view.getSite().getShell().forceActive();
        UiTesting.processEvents();
        view.listControl().setFocus();
        UiTesting.waitUntil("the grid focused", () -> view.listControl().isFocusControl());
    }

    private static String clipboard() {
        Clipboard clipboard = new Clipboard(Display.getCurrent());
        try {
            return (String) clipboard.getContents(TextTransfer.getInstance());
        } finally {
            clipboard.dispose();
        }
    }
}
