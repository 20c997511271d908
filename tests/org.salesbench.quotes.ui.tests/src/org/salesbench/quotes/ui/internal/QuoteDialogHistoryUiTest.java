package org.salesbench.quotes.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
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
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.QuoteService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;

/**
 * The quote dialog's History tab on the real workbench under Xvfb on Derby: Open… on the deal's Quotes page shows the
 * saved version read only, with the audit UI's History tab (the tab every record dialog gets from the one contribution
 * that gives every record editor its History page) listing the version's creation and its submission by the signed-in
 * user; a quote being made says its history starts when it is saved.
 */
class QuoteDialogHistoryUiTest {

    private IWorkbenchPage page;
    private String unique;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
    }

    @Test
    void aSavedQuoteOpensWithItsHistoryTab() throws Exception {
        String me = Services.get(SecurityService.class).currentUser().login();
        ProductService products = Services.get(ProductService.class);
        QuoteService quotes = Services.get(QuoteService.class);
        Product product = products.create(new Product("HIS-" + unique, "历史产品", "套", Money.cny("1000"), new BigDecimal("13")));
        Customer customer = Services.get(CustomerService.class).create(new Customer("报价历史" + unique));
        Opportunity o = new Opportunity(customer, "报价历史商机" + unique, Money.cny("5000"));
        o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(30));
        o.setOwner(me);
        Opportunity deal = Services.get(OpportunityService.class).create(o);
        Quote draft = new Quote(deal, LocalDate.now(Clocks.system()).plusDays(30));
        draft.addLine(new QuoteLine(product, new BigDecimal("2"), product.getListPrice().getAmount(), BigDecimal.ZERO, product.getTaxRate()));
        Quote saved = quotes.createDraft(draft);
        quotes.submitForApproval(saved.getId());

        OpportunityEditor editor = OpportunityEditor.open(page, deal.getId(), deal.getName());
        editor.setActivePage(QuotesPage.ID);
        QuotesPage page = (QuotesPage) editor.findPage(QuotesPage.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the quote listed", () -> page.shownQuotes().size() == 1);
        Button open = page.buttons().get("open");
        assertFalse(open.isEnabled(), "Open… needs a selected quote");
        page.grid().selectRow(0);
        assertTrue(open.isEnabled());

        QuoteDialog dialog = page.openQuote(page.shownQuotes().get(0));
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            TabFolder tabs = dialog.tabs();
            assertEquals(List.of(Messages.QuoteDialog_detailsTab, "History"), List.of(tabs.getItem(0).getText(), tabs.getItem(1).getText()));
            assertEquals(1, UiTesting.find((Composite) tabs.getItem(0).getControl(), Table.class, t -> true).get(0).getItemCount(), "the line");
            tabs.setSelection(1);
            Table history = UiTesting.find((Composite) tabs.getItem(1).getControl(), Table.class, t -> true).get(0);
            UiTesting.waitUntil("the quote's history", () -> {
                UiTesting.waitForJobs(Jobs.FAMILY);
                UiTesting.processEvents();
                return history.getItemCount() >= 2;
            });
            List<List<String>> rows = new ArrayList<>();
            for (TableItem item : history.getItems()) {
                rows.add(List.of(item.getText(1), item.getText(2), item.getText(5)));
            }
            assertTrue(rows.contains(List.of("created", "", me)), rows.toString());
            assertTrue(rows.stream().anyMatch(r -> r.get(0).equals("changed") && r.get(2).equals(me)), "the submission: " + rows);
            assertEquals(rows.size(), Services.get(org.salesbench.audit.AuditTrail.class).history(Quote.ENTITY, saved.getId()).size());
            UiTesting.screenshot("quote-dialog-history");
        } finally {
            dialog.close();
        }

        QuoteDialog making = new QuoteDialog(editor.getSite().getShell(), quotes, products.list(true), deal);
        making.setBlockOnOpen(false);
        making.open();
        try {
            Composite tab = (Composite) making.tabs().getItem(1).getControl();
            assertEquals(1, UiTesting.find(tab, Label.class, l -> !l.getText().isBlank()).size(), "the not-saved message");
            assertEquals(0, UiTesting.find(tab, Table.class, t -> true).get(0).getItemCount());
        } finally {
            making.close();
        }
    }
}
