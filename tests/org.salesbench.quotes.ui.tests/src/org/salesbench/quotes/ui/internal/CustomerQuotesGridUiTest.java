package org.salesbench.quotes.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.ui.IEditorPart;
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
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.ProductService;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteSort;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;

/**
 * The customer editor's Quotes page on its NatTable grid: a header click sorts the customer's quotes in the database
 * (the model's order), columns hide, move and resize and the layout and sort outlive closing the editor, the selected
 * cell copies, and a double-click opens the quote's opportunity.
 */
class CustomerQuotesGridUiTest {

    private IWorkbenchPage page;
    private QuoteService quotes;
    private Customer customer;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        quotes = Services.get(QuoteService.class);
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Product product = Services.get(ProductService.class)
                .create(new Product("CQG-" + unique, "网格套件", "套", Money.cny("1000"), new BigDecimal("13")));
        customer = Services.get(CustomerService.class).create(new Customer("报价网格客户" + unique));
        String[][] deals = {{"Gamma", "3"}, {"Alpha", "7"}, {"Beta", "1"}}; // opportunity, quantity
        for (String[] d : deals) {
            Opportunity o = new Opportunity(customer, d[0], Money.cny("9000"));
            o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
            o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(30));
            Opportunity saved = Services.get(OpportunityService.class).create(o);
            Quote quote = new Quote(saved, LocalDate.now(Clocks.system()).plusDays(30));
            quote.addLine(new QuoteLine(product, new BigDecimal(d[1]), product.getListPrice().getAmount(), BigDecimal.ZERO, product.getTaxRate()));
            quotes.createDraft(quote);
        }
        page.closeAllEditors(false);
        VirtualGrid.forgetLayouts(CustomerQuotesPage.GRID_ID);
    }

    @AfterEach
    void tearDown() {
        QuoteGrids.closeAndForget(page, CustomerQuotesPage.GRID_ID);
    }

    private CustomerQuotesPage quotesPage() throws Exception {
        CustomerEditor editor = CustomerEditor.open(page, customer.getId(), customer.getName());
        editor.setActivePage(CustomerQuotesPage.ID);
        CustomerQuotesPage shown = (CustomerQuotesPage) editor.findPage(CustomerQuotesPage.ID);
        QuoteGrids.waitForThree(shown::grid);
        return shown;
    }

    private static List<String> shown(VirtualGrid<Quote> grid) {
        return QuoteGrids.shown(grid, "opportunity");
    }

    private List<String> modelOrder(QuoteSort sort) {
        return quotes.listForCustomer(customer.getId(), sort, 0, 10).stream().map(q -> q.getOpportunity().getName()).toList();
    }

    private static void waitForOrder(VirtualGrid<Quote> grid, List<String> expected) {
        QuoteGrids.waitForOrder(grid, "opportunity", expected);
    }

    @Test
    void aHeaderClickSortsTheCustomersQuotesInTheModelsOrder() throws Exception {
        VirtualGrid<Quote> grid = quotesPage().grid();
        assertNull(grid.sortKey());
        waitForOrder(grid, List.of("Beta", "Alpha", "Gamma")); // newest first
        grid.clickHeader("total");
        List<String> byTotal = modelOrder(new QuoteSort(QuoteSort.Column.TOTAL, true));
        assertEquals(List.of("Beta", "Gamma", "Alpha"), byTotal, "totals as numbers");
        waitForOrder(grid, byTotal);
        UiTesting.screenshot("quotes-grid");
        grid.clickHeader("total");
        assertFalse(grid.ascending());
        waitForOrder(grid, List.of("Alpha", "Gamma", "Beta"));
        grid.clickHeader("opportunity");
        waitForOrder(grid, modelOrder(new QuoteSort(QuoteSort.Column.OPPORTUNITY, true)));
        assertEquals(List.of("Alpha", "Beta", "Gamma"), shown(grid));
    }

    @Test
    void theLayoutAndSortOutliveClosingTheEditorCopyAndOpenStillWork() throws Exception {
        VirtualGrid<Quote> grid = quotesPage().grid();
        assertEquals(List.of("opportunity", "version", "status", "total", "validUntil"), grid.visibleColumns());
        grid.hideColumn("version");
        grid.moveColumn("total", 0);
        grid.resizeColumn("opportunity", 244);
        grid.clickHeader("opportunity");
        List<String> arranged = List.of("total", "opportunity", "status", "validUntil");
        assertEquals(arranged, grid.visibleColumns());
        waitForOrder(grid, List.of("Alpha", "Beta", "Gamma"));

        page.closeAllEditors(false);
        UiTesting.processEvents();
        CustomerQuotesPage reopened = quotesPage();
        VirtualGrid<Quote> again = reopened.grid();
        assertNotEquals(grid, again);
        assertEquals(arranged, again.visibleColumns(), "the order and the hidden column kept");
        assertEquals(244, again.columnWidth("opportunity"), "the width kept");
        assertEquals(QuoteSort.Column.OPPORTUNITY, again.sortKey(), "the sort kept");
        waitForOrder(again, List.of("Alpha", "Beta", "Gamma"));

        again.selectCell(1, "opportunity");
        again.copySelection();
        assertEquals("Beta", UiTesting.clipboardText());

        // opening a row (a double-click) opens the quote's opportunity, where quotes are worked on
        assertEquals("Gamma", again.rowAt(2).getOpportunity().getName());
        reopened.openRow(2);
        UiTesting.processEvents();
        IEditorPart active = page.getActiveEditor();
        assertEquals("Gamma", active == null ? null : active.getTitle());
    }
}
