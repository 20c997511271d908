package org.salesbench.quotes.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.ui.internal.OpportunityEditor;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.ProductService;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteSort;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.SelectedRecord;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;

/**
 * The opportunity editor's Quotes page on its NatTable grid: a header click sorts the deal's quotes in the database (the
 * model's order; the number of lines does not sort), the layout and sort outlive closing the editor, the selected cell
 * copies, the step buttons follow the selected row and Show History names the selected quote.
 */
class DealQuotesGridUiTest {

    private IWorkbenchPage page;
    private QuoteService quotes;
    private Opportunity deal;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        quotes = Services.get(QuoteService.class);
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Product product = Services.get(ProductService.class)
                .create(new Product("DQG-" + unique, "网格套件", "套", Money.cny("1000"), new BigDecimal("13")));
        Customer customer = Services.get(CustomerService.class).create(new Customer("商机报价网格" + unique));
        Opportunity o = new Opportunity(customer, "报价网格商机" + unique, Money.cny("9000"));
        o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(30));
        deal = Services.get(OpportunityService.class).create(o);
        for (String quantity : List.of("3", "7", "1")) {
            Quote quote = new Quote(deal, LocalDate.now(Clocks.system()).plusDays(30));
            quote.addLine(new QuoteLine(product, new BigDecimal(quantity), product.getListPrice().getAmount(), BigDecimal.ZERO, product.getTaxRate()));
            quotes.createDraft(quote);
        }
        page.closeAllEditors(false);
        VirtualGrid.forgetLayouts(QuotesPage.GRID_ID);
    }

    @AfterEach
    void tearDown() {
        QuoteGrids.closeAndForget(page, QuotesPage.GRID_ID);
    }

    private QuotesPage quotesPage() throws Exception {
        OpportunityEditor editor = OpportunityEditor.open(page, deal.getId(), deal.getName());
        editor.setActivePage(QuotesPage.ID);
        QuotesPage shown = (QuotesPage) editor.findPage(QuotesPage.ID);
        QuoteGrids.waitForThree(shown::grid);
        return shown;
    }

    private List<String> modelOrder(QuoteSort sort) {
        return quotes.listForOpportunity(deal.getId(), sort).stream().map(q -> String.valueOf(q.getVersionNumber())).toList();
    }

    private static void waitForOrder(VirtualGrid<Quote> grid, List<String> expected) {
        QuoteGrids.waitForOrder(grid, "version", expected);
    }

    @Test
    void aHeaderClickSortsTheDealsQuotesInTheModelsOrderAndTheButtonsFollowTheRow() throws Exception {
        QuotesPage page = quotesPage();
        VirtualGrid<Quote> grid = page.grid();
        assertNull(grid.sortKey());
        List<String> latestFirst = modelOrder(QuoteSort.LATEST_VERSION_FIRST);
        waitForOrder(grid, latestFirst);
        assertEquals(latestFirst.stream().sorted(java.util.Comparator.reverseOrder()).toList(), latestFirst, "the latest version first");

        grid.clickHeader("total");
        List<String> byTotal = modelOrder(new QuoteSort(QuoteSort.Column.TOTAL, true));
        assertEquals(List.of(latestFirst.get(0), latestFirst.get(2), latestFirst.get(1)), byTotal, "quantities 1, 3, 7: totals as numbers");
        waitForOrder(grid, byTotal);
        UiTesting.screenshot("deal-quotes-grid");
        grid.clickHeader("total");
        assertFalse(grid.ascending());
        waitForOrder(grid, byTotal.reversed());
        grid.clickHeader("net");
        waitForOrder(grid, modelOrder(new QuoteSort(QuoteSort.Column.NET, true)));
        grid.clickHeader("lines");
        assertEquals(QuoteSort.Column.NET, grid.sortKey(), "the number of lines is no order of the list");

        // the step buttons follow the selected row; Show History names its quote
        assertFalse(page.buttons().get("submit").isEnabled(), "nothing selected: nothing to submit");
        grid.selectRow(1);
        Quote second = grid.rowAt(1);
        assertTrue(page.buttons().get("submit").isEnabled(), "a draft selected: Submit offered");
        SelectedRecord record = page.selectedRecord().orElseThrow();
        assertEquals(Quote.ENTITY, record.entity());
        assertEquals(second.getId().longValue(), record.id());
    }

    @Test
    void theLayoutAndSortOutliveClosingTheEditorAndCopyWorks() throws Exception {
        VirtualGrid<Quote> grid = quotesPage().grid();
        assertEquals(List.of("version", "status", "lines", "net", "total", "validUntil"), grid.visibleColumns());
        grid.hideColumn("lines");
        grid.moveColumn("total", 0);
        grid.resizeColumn("version", 77);
        grid.clickHeader("version");
        List<String> arranged = List.of("total", "version", "status", "net", "validUntil");
        assertEquals(arranged, grid.visibleColumns());
        List<String> oldestFirst = modelOrder(new QuoteSort(QuoteSort.Column.VERSION, true));
        waitForOrder(grid, oldestFirst);

        page.closeAllEditors(false);
        UiTesting.processEvents();
        QuotesPage reopened = quotesPage();
        VirtualGrid<Quote> again = reopened.grid();
        assertNotEquals(grid, again);
        assertEquals(arranged, again.visibleColumns(), "the order and the hidden column kept");
        assertEquals(77, again.columnWidth("version"), "the width kept");
        assertEquals(QuoteSort.Column.VERSION, again.sortKey(), "the sort kept");
        waitForOrder(again, oldestFirst);

        again.selectCell(0, "version");
        again.copySelection();
        assertEquals(oldestFirst.get(0), UiTesting.clipboardText());
    }
}
