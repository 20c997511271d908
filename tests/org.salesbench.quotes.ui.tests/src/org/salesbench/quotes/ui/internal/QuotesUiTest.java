package org.salesbench.quotes.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.editor.IFormPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.SecurityService;
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
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;

/**
 * The Quotes page the quotes module contributes to the opportunity editor, in the real workbench under Xvfb, on
 * Derby: a quote's lines and totals, its life from draft to a new version, its PDF.
 */
class QuotesUiTest {

    private IWorkbenchWindow window;
    private IWorkbenchPage page;
    private ProductService products;
    private QuoteService quoteService;
    private String unique;
    private String me;

    @BeforeEach
    void setUp() {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        page = window.getActivePage();
        products = Services.get(ProductService.class);
        quoteService = Services.get(QuoteService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
        me = Services.get(SecurityService.class).currentUser().login();
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
        o.setOwner(me);
        return Services.get(OpportunityService.class).create(o);
    }

    private static int indexOf(List<Product> catalogue, String code) {
        for (int i = 0; i < catalogue.size(); i++) {
            if (catalogue.get(i).getCode().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code + " not in the catalogue");
    }

    /** The opportunity editor's Quotes page, which this bundle contributes, once it has read the quotes. */
    private QuotesPage quotesPage(OpportunityEditor editor) {
        editor.setActivePage(QuotesPage.ID);
        IFormPage contributed = editor.findPage(QuotesPage.ID);
        assertTrue(contributed instanceof QuotesPage, "the Quotes page is contributed to the opportunity editor: " + contributed);
        UiTesting.waitForJobs(Jobs.FAMILY);
        return (QuotesPage) contributed;
    }

    @Test
    void aQuoteIsCreatedWithLinesAndExportedAsPdfWithTheChineseCustomerName() throws Exception {
        products.create(new Product("CRM-" + unique, "客户管理系统 专业版", "套", Money.cny("19800"), new BigDecimal("13")));
        String customerName = "报价客户" + unique;
        Opportunity o = deal(customerName, "报价商机" + unique, "50000");
        OpportunityEditor editor = OpportunityEditor.open(page, o.getId(), o.getName());
        QuotesPage quotes = quotesPage(editor);
        assertEquals(0, quotes.shownQuotes().size());

        List<Product> catalogue = products.list(true);
        int index = indexOf(catalogue, "CRM-" + unique);
        QuoteDialog dialog = new QuoteDialog(window.getShell(), quoteService, catalogue, editor.opportunity());
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.addLine(index, "两", "0");
        assertTrue(String.valueOf(dialog.getErrorMessage()).contains("Quantity"), dialog.getErrorMessage());
        dialog.addLine(index, "3", "150");
        assertTrue(String.valueOf(dialog.getErrorMessage()).contains("iscount"), "a discount over 100 % is refused: " + dialog.getErrorMessage());
        dialog.close();

        dialog = new QuoteDialog(window.getShell(), quoteService, catalogue, editor.opportunity());
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.addLine(index, "3", "10");
        UiTesting.screenshot("quote-dialog");
        dialog.okPressed();
        assertNotNull(dialog.saved(), dialog.getErrorMessage());
        quotes.reload(editor.opportunity());
        UiTesting.waitUntil("the saved quote listed", () -> quotes.shownQuotes().size() == 1, 10_000);
        // 3 × 19,800 − 10 % = 53,460 net; 13 % tax = 6,949.80; total 60,409.80
        assertEquals(0, Money.cny("60409.80").compareTo(quotes.shownQuotes().get(0).getGrandTotal()));

        Path pdf = Files.createTempFile("quote", ".pdf");
        List<String> errors = new ArrayList<>();
        quotes.setErrorReporter(errors::add);
        Job export = quotes.exportPdf(quotes.shownQuotes().get(0).getId(), pdf);
        export.join(30_000, null);
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(List.of(), errors);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains(customerName), text);
        assertTrue(text.contains("客户管理系统"), text);
        Files.delete(pdf);
    }

    @Test
    void aQuoteIsSubmittedApprovedSentAndVersioned() throws Exception {
        products.create(new Product("QLC-" + unique, "客户管理系统 旗舰版", "套", Money.cny("50000"), new BigDecimal("13")));
        Opportunity o = deal("报价流程客户" + unique, "报价流程" + unique, "100000");
        OpportunityEditor editor = OpportunityEditor.open(page, o.getId(), o.getName());
        QuotesPage quotes = quotesPage(editor);

        List<Product> catalogue = products.list(true);
        QuoteDialog dialog = new QuoteDialog(window.getShell(), quoteService, catalogue, editor.opportunity());
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.addLine(indexOf(catalogue, "QLC-" + unique), "2", "15"); // above the 10 % threshold: a person must approve
        dialog.okPressed();
        Quote draft = dialog.saved();
        assertNotNull(draft, dialog.getErrorMessage());
        quotes.reload(editor.opportunity());
        UiTesting.waitUntil("the draft listed", () -> quotes.shownQuotes().size() == 1, 10_000);
        quotes.select(draft.getId());
        var buttons = quotes.buttons();
        assertTrue(buttons.get("submit").isEnabled());
        assertFalse(buttons.get("approve").isEnabled());
        assertFalse(buttons.get("sent").isEnabled());
        assertTrue(buttons.get("export").isEnabled());

        quotes.submit(draft.getId()).join(10_000, null);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("in approval", () -> quotes.shownQuotes().get(0).getStatus() == QuoteStatus.IN_APPROVAL, 10_000);
        UiTesting.waitUntil("approve offered", () -> buttons.get("approve").isEnabled(), 5_000);
        assertTrue(buttons.get("refuse").isEnabled());
        assertFalse(buttons.get("submit").isEnabled());

        quotes.decide(draft.getId(), true, null).join(10_000, null);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("approved", () -> quotes.shownQuotes().get(0).getStatus() == QuoteStatus.APPROVED, 10_000);
        UiTesting.waitUntil("send offered", () -> buttons.get("sent").isEnabled(), 5_000);
        assertFalse(buttons.get("approve").isEnabled());

        quotes.markSent(draft.getId()).join(10_000, null);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("sent", () -> quotes.shownQuotes().get(0).getStatus() == QuoteStatus.SENT, 10_000);
        UiTesting.waitUntil("accept and reject offered", () -> buttons.get("accepted").isEnabled() && buttons.get("rejected").isEnabled(), 5_000);
        assertFalse(buttons.get("sent").isEnabled());
        assertEquals(QuoteStatus.SENT, quoteService.find(draft.getId()).orElseThrow().getStatus());
        UiTesting.screenshot("quote-sent");

        quotes.newVersion(draft.getId()).join(10_000, null);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the new version listed", () -> quotes.shownQuotes().size() == 2, 10_000);
        Quote second = quotes.shownQuotes().get(0);
        assertEquals(2, second.getVersionNumber());
        assertEquals(QuoteStatus.DRAFT, second.getStatus());
        assertEquals(1, second.getLines().size(), "the lines are copied");
        assertEquals(0, draft.getGrandTotal().compareTo(second.getGrandTotal()));
        UiTesting.waitUntil("the new version selected, submit offered", () -> buttons.get("submit").isEnabled(), 5_000);
    }
}
