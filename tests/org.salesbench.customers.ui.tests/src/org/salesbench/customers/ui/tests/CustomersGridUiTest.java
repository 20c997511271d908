package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.ui.internal.CustomersView;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Colours;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;

/**
 * The Customers list on the same NatTable grid as the Opportunities list, in the running workbench: a header click sorts
 * the whole list through the search index (the model's order), columns hide and move and the layout outlives closing
 * the view, and the grid paints in the dark theme's colours when the theme is dark. Four customers, a few seconds.
 */
class CustomersGridUiTest {

    private static final String LIGHT = "org.eclipse.e4.ui.css.theme.e4_default";
    private static final String DARK = "org.eclipse.e4.ui.css.theme.e4_dark";

    private IWorkbenchPage page;
    private CustomerService service;
    private String prefix;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        service = Services.get(CustomerService.class);
        prefix = "网格" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(Clocks.system());
        String[][] customers = { // name suffix, grade, days to the next follow-up
            {"Gamma", "B", "30"}, {"Alpha", "C", "-3"}, {"Beta", "A", "20"}, {"Delta", "D", "40"}};
        for (String[] c : customers) {
            Customer customer = new Customer(prefix + " " + c[0]);
            customer.setGrade(c[1]);
            customer.setNextFollowUp(today.plusDays(Integer.parseInt(c[2])));
            service.create(customer);
        }
        // the list in this perspective alone (another test opened the manager's, which shows it too): closing it disposes it
        for (IPerspectiveDescriptor open : page.getOpenPerspectives()) {
            if (!open.getId().equals(page.getPerspective().getId())) {
                page.closePerspective(open, false, false);
            }
        }
        closeView();
        VirtualGrid.forgetLayouts(CustomersView.ID); // the columns as made, whatever a user or test left
    }

    @AfterEach
    void tearDown() throws Exception {
        IThemeEngine engine = PlatformUI.getWorkbench().getService(IThemeEngine.class);
        if (engine != null && engine.getActiveTheme() != null && DARK.equals(engine.getActiveTheme().getId())) {
            engine.setTheme(LIGHT, false);
            UiTesting.processEvents();
        }
        closeView(); // saves this test's layout...
        VirtualGrid.forgetLayouts(CustomersView.ID); // ...which the other tests must not inherit
        CustomersView view = (CustomersView) page.showView(CustomersView.ID);
        view.searchBox().setText("");
        UiTesting.waitForJobs(CustomersView.FAMILY);
    }

    private void closeView() {
        IViewPart open = page.findView(CustomersView.ID);
        if (open != null) {
            page.hideView(open);
            UiTesting.processEvents();
        }
    }

    private CustomersView listing() throws Exception {
        CustomersView view = (CustomersView) page.showView(CustomersView.ID);
        page.activate(view);
        view.searchBox().setText(prefix);
        UiTesting.waitUntil("the text filter applied", () -> prefix.equals(view.filter().text()), 5_000);
        UiTesting.waitForJobs(CustomersView.FAMILY);
        UiTesting.waitUntil("four rows", () -> view.rowCount() == 4 && view.rowData(3) != null, 10_000);
        return view;
    }

    private static List<String> shownNames(VirtualGrid<CustomerRow> grid) {
        return IntStream.range(0, grid.rowCount()).mapToObj(i -> grid.cellText(i, "name")).toList();
    }

    private List<String> modelOrder(CustomerSort sort) {
        CustomerFilter filter = new CustomerFilter(prefix, Set.of(), Set.of(), null, null, false);
        return service.page(filter, sort, 0, 10).stream().map(CustomerRow::name).toList();
    }

    private List<String> names(String... suffixes) {
        return java.util.Arrays.stream(suffixes).map(s -> prefix + " " + s).toList();
    }

    private static void waitForOrder(VirtualGrid<CustomerRow> grid, List<String> expected) {
        UiTesting.waitUntil("the rows in the order " + expected, () -> {
            UiTesting.waitForJobs(CustomersView.FAMILY);
            return expected.equals(shownNames(grid));
        }, 10_000);
    }

    @Test
    void aHeaderClickSortsTheWholeListInTheSearchIndexsOrder() throws Exception {
        VirtualGrid<CustomerRow> grid = listing().grid();
        assertNull(grid.sortKey(), "the list's own order (by name) to begin with");
        waitForOrder(grid, names("Alpha", "Beta", "Delta", "Gamma"));

        grid.clickHeader("grade");
        assertEquals(CustomerSort.Column.GRADE, grid.sortKey());
        assertTrue(grid.ascending());
        List<String> byGrade = modelOrder(new CustomerSort(CustomerSort.Column.GRADE, true));
        assertEquals(names("Beta", "Gamma", "Alpha", "Delta"), byGrade, "the index sorts by grade");
        waitForOrder(grid, byGrade);

        grid.clickHeader("grade");
        assertFalse(grid.ascending(), "a second click sorts descending");
        waitForOrder(grid, modelOrder(new CustomerSort(CustomerSort.Column.GRADE, false)));

        grid.clickHeader("nextFollowUp");
        List<String> byFollowUp = modelOrder(new CustomerSort(CustomerSort.Column.NEXT_FOLLOW_UP, true));
        assertEquals(names("Alpha", "Beta", "Gamma", "Delta"), byFollowUp);
        waitForOrder(grid, byFollowUp);
        assertEquals("Alpha", grid.rowAt(0).name().substring(prefix.length() + 1));

        grid.clickHeader("nextFollowUp");
        grid.clickHeader("nextFollowUp");
        assertNull(grid.sortKey(), "a third click goes back to the list's own order");
        waitForOrder(grid, names("Alpha", "Beta", "Delta", "Gamma"));

        grid.clickHeader("shortName");
        assertNull(grid.sortKey(), "the short name is not sorted by (the index keeps no order for it)");
    }

    @Test
    void hiddenAndMovedColumnsWidthsAndTheSortOutliveClosingTheView() throws Exception {
        VirtualGrid<CustomerRow> grid = listing().grid();
        List<String> made = List.of("name", "shortName", "grade", "status", "industry", "region", "owner", "nextFollowUp", "updated");
        assertEquals(made, grid.visibleColumns());

        grid.hideColumn("shortName");
        grid.moveColumn("grade", 0);
        grid.resizeColumn("name", 321);
        grid.clickHeader("name");
        grid.clickHeader("name");
        List<String> arranged = List.of("grade", "name", "status", "industry", "region", "owner", "nextFollowUp", "updated");
        assertEquals(arranged, grid.visibleColumns());
        waitForOrder(grid, names("Gamma", "Delta", "Beta", "Alpha"));

        closeView();
        assertNull(page.findView(CustomersView.ID));
        assertTrue(grid.control().isDisposed(), "closing the view disposed its grid (and kept its layout)");
        CustomersView reopened = listing();
        VirtualGrid<CustomerRow> again = reopened.grid();
        assertNotEquals(grid, again, "a new grid");
        assertEquals(arranged, again.visibleColumns(), "the order and the hidden column kept");
        assertEquals(321, again.columnWidth("name"), "the width kept");
        assertEquals(CustomerSort.Column.NAME, again.sortKey(), "the sort kept");
        assertFalse(again.ascending());
        waitForOrder(again, names("Gamma", "Delta", "Beta", "Alpha"));

        again.showAllColumns();
        assertEquals(List.of("grade", "name", "shortName", "status", "industry", "region", "owner", "nextFollowUp", "updated"),
                again.visibleColumns(), "the hidden column back in its place");
    }

    @Test
    void theGridPaintsInTheDarkThemesColoursAndBackInTheLightOnes() throws Exception {
        CustomersView view = listing();
        VirtualGrid<CustomerRow> grid = view.grid();
        waitForOrder(grid, names("Alpha", "Beta", "Delta", "Gamma"));
        RGB light = grid.cellBackground(1, "name");
        assertFalse(Colours.isDark(light), "light to start with: " + light);
        assertFalse(grid.isDark());
        UiTesting.screenshot("customers-grid");

        IThemeEngine engine = PlatformUI.getWorkbench().getService(IThemeEngine.class);
        assertNotNull(engine, "the workbench styles with CSS");
        engine.setTheme(DARK, false);
        try {
            UiTesting.waitUntil("the grid in the dark colours", () -> {
                UiTesting.processEvents();
                grid.control().redraw();
                return grid.isDark() && Colours.isDark(grid.cellBackground(1, "name"));
            }, 20_000); // the engine restyles every widget of the workbench: seconds on a busy machine
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; theme " + engine.getActiveTheme().getId() + ", the view's background "
                    + grid.control().getParent().getBackground().getRGB() + ", the grid's " + grid.control().getBackground().getRGB()
                    + ", dark " + grid.isDark() + ", cell " + grid.cellBackground(1, "name") + ", the display's engine is the service's "
                    + (grid.control().getDisplay().getData("org.eclipse.e4.ui.css.swt.theme") == engine), e);
        }
        grid.selectRow(2);
        RGB selected = grid.cellBackground(2, "name");
        assertTrue(Colours.isDark(selected), "a selected row stays dark, light text on it: " + selected);
        assertNotEquals(grid.cellBackground(1, "name"), selected, "the selection shows");
        UiTesting.processEvents();
        UiTesting.screenshot("customers-grid-dark");

        engine.setTheme(LIGHT, false);
        UiTesting.waitUntil("the grid light again", () -> {
            UiTesting.processEvents();
            grid.control().redraw();
            return !grid.isDark() && !Colours.isDark(grid.cellBackground(1, "name"));
        }, 20_000);
        assertEquals(light, grid.cellBackground(1, "name"), "NatTable's own colours again");
    }

    @Test
    void aGradeAndAFollowUpEditedInPlaceAreSavedAndEditUndoTakesThemBack() throws Exception {
        CustomersView view = listing();
        VirtualGrid<CustomerRow> grid = view.grid();
        waitForOrder(grid, names("Alpha", "Beta", "Delta", "Gamma"));
        List<String> errors = new ArrayList<>();
        view.setErrorReporter(errors::add);
        try {
            CustomerRow alpha = grid.rowAt(0);
            assertEquals("C", grid.cellText(0, "grade"));
            assertFalse(grid.isEditable(0, "name"), "a name is edited in the customer's editor");
            assertTrue(grid.isEditable(0, "grade"));

            assertTrue(grid.editCell(0, "grade", "A"), "the grade's drop-down took the value");
            UiTesting.waitUntil("the grade saved", () -> "A".equals(service.find(alpha.id()).orElseThrow().getGrade()));
            waitForCell(grid, 0, "grade", "A");
            assertEquals(List.of(), errors);
            assertTrue(Undo.history().getUndoOperation(Undo.context()).getLabel().contains(alpha.name()),
                    Undo.history().getUndoOperation(Undo.context()).getLabel());

            Undo.history().undo(Undo.context(), null, null);
            assertEquals("C", service.find(alpha.id()).orElseThrow().getGrade(), "Edit › Undo put the grade back");
            waitForCell(grid, 0, "grade", "C");
            Undo.history().redo(Undo.context(), null, null);
            assertEquals("A", service.find(alpha.id()).orElseThrow().getGrade(), "and Redo the edited one");
            waitForCell(grid, 0, "grade", "A");

            // a date typed in place, then one that is no date: the message names the field and the text, nothing is saved
            CustomerRow beta = grid.rowAt(1);
            assertTrue(grid.editCell(1, "nextFollowUp", "2030-01-31"));
            UiTesting.waitUntil("the follow-up saved",
                    () -> LocalDate.of(2030, 1, 31).equals(service.find(beta.id()).orElseThrow().getNextFollowUp()));
            waitForCell(grid, 1, "nextFollowUp", org.salesbench.ui.forms.Formats.date(LocalDate.of(2030, 1, 31)));
            long version = service.find(beta.id()).orElseThrow().getVersion();
            grid.editCell(1, "nextFollowUp", "someday");
            UiTesting.waitUntil("the message", () -> !errors.isEmpty());
            assertTrue(errors.get(0).contains("Next follow-up") && errors.get(0).contains("someday"), errors.get(0));
            assertEquals(version, service.find(beta.id()).orElseThrow().getVersion(), "nothing written");
        } finally {
            view.setErrorReporter(null);
        }
    }

    @Test
    void anEditInPlaceOfACustomerChangedSinceItWasListedIsRefusedAndReloads() throws Exception {
        CustomersView view = listing();
        VirtualGrid<CustomerRow> grid = view.grid();
        waitForOrder(grid, names("Alpha", "Beta", "Delta", "Gamma"));
        CustomerRow delta = grid.rowAt(2);
        assertEquals("D", delta.grade());

        // someone changes the customer after the list read it: the grid's row is the version before
        Customer elsewhere = service.find(delta.id()).orElseThrow();
        elsewhere.setRegion("杭州");
        service.update(elsewhere);
        UiTesting.DialogAnswer reload = UiTesting.whenDialogOpens("Changed by someone else", shell -> {
            assertTrue(UiTesting.shownText(shell).contains(delta.name()), UiTesting.shownText(shell));
            UiTesting.click(shell, "Reload");
        });
        assertTrue(grid.editCell(2, "grade", "A"));
        UiTesting.waitUntil("the conflict reported", reload::answered, 10_000);
        reload.assertAnswered();
        Customer stored = service.find(delta.id()).orElseThrow();
        assertEquals("D", stored.getGrade(), "the edit was not written over the newer version");
        assertEquals("杭州", stored.getRegion(), "the other change kept");
        UiTesting.waitUntil("the list reloaded", () -> {
            UiTesting.waitForJobs(CustomersView.FAMILY);
            return grid.rowAt(2) != null && grid.rowAt(2).version() == stored.getVersion() && "杭州".equals(grid.cellText(2, "region"));
        }, 10_000);
    }

    private static void waitForCell(VirtualGrid<CustomerRow> grid, int row, String column, String text) {
        UiTesting.waitUntil(column + " of row " + row + " showing " + text, () -> {
            UiTesting.waitForJobs(CustomersView.FAMILY);
            return text.equals(grid.cellText(row, column));
        }, 10_000);
    }
}
