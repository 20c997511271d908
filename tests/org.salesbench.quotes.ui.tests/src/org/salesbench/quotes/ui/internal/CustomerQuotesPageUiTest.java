package org.salesbench.quotes.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.editor.IFormPage;
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
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;

/** The Quotes page the quotes module contributes to the customer editor through {@code org.salesbench.customers.ui.editorPages}. */
class CustomerQuotesPageUiTest {

    private IWorkbenchPage page;
    private ProductService products;
    private QuoteService quoteService;
    private String unique;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        products = Services.get(ProductService.class);
        quoteService = Services.get(QuoteService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
    }

    private Opportunity deal(String customerName, String name, String amount) {
        Customer customer = Services.get(CustomerService.class).create(new Customer(customerName));
        Opportunity o = new Opportunity(customer, name, Money.cny(amount));
        o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(30));
        return Services.get(OpportunityService.class).create(o);
    }

    @Test
    void theCustomerEditorShowsTheQuotesOfTheCustomersOpportunities() throws Exception {
        Product product = products.create(new Product("CQP-" + unique, "移动销售套件", "套", Money.cny("8800"), new BigDecimal("13")));
        String customerName = "客户报价页" + unique;
        Opportunity o = deal(customerName, "客户页商机" + unique, "17600");
        Quote quote = new Quote(o, LocalDate.now(Clocks.system()).plusDays(30));
        quote.addLine(new QuoteLine(product, new BigDecimal("2"), product.getListPrice().getAmount(), BigDecimal.ZERO, product.getTaxRate()));
        Quote saved = quoteService.createDraft(quote);
        Quote elsewhere = new Quote(deal("另一客户" + unique, "别人的商机" + unique, "8800"), LocalDate.now(Clocks.system()).plusDays(30));
        elsewhere.addLine(new QuoteLine(product, BigDecimal.ONE, product.getListPrice().getAmount(), BigDecimal.ZERO, product.getTaxRate()));
        quoteService.createDraft(elsewhere); // another customer's quote is not shown on this customer

        CustomerEditor editor = CustomerEditor.open(page, o.getCustomer().getId(), customerName);
        IFormPage contributed = editor.findPage(CustomerQuotesPage.ID);
        assertTrue(contributed instanceof CustomerQuotesPage, "the Quotes page is contributed to the customer editor: " + contributed);
        assertEquals("Quotes", contributed.getTitle());
        editor.setActivePage(CustomerQuotesPage.ID);
        CustomerQuotesPage quotes = (CustomerQuotesPage) contributed;
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the customer's quote listed", () -> quotes.shownQuotes().size() == 1, 10_000);
        assertEquals(saved.getId(), quotes.shownQuotes().get(0).getId());

        VirtualGrid<Quote> grid = quotes.grid();
        UiTesting.waitUntil("the row shown", () -> grid.rowCount() == 1 && grid.cellText(0, "opportunity") != null, 10_000);
        assertEquals("客户页商机" + unique, grid.cellText(0, "opportunity"));
        assertEquals("1", grid.cellText(0, "version"));
        assertEquals("Draft", grid.cellText(0, "status"));
        assertEquals(Labels.moneyExact(saved.getGrandTotal()), grid.cellText(0, "total"));
        assertEquals("1 quote(s) on this customer's opportunities", quotes.statusText());
        UiTesting.screenshot("customer-quotes");
    }
}
