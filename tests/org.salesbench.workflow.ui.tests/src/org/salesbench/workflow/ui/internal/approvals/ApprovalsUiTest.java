package org.salesbench.workflow.ui.internal.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
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
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.RecordSelection;
import org.salesbench.ui.forms.SelectedRecord;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.workflow.approvals.ApprovalAction;
import org.salesbench.workflow.approvals.ApprovalHistoryEntry;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApprovalSort;

/**
 * The Approvals inbox in the real workbench under Xvfb, on Derby with the workflow installed: a quote with a 15 %
 * discount, submitted through {@code QuoteService}, waits in the inbox (the engine ranks above the quotes' threshold
 * rule); the approver selects it, presses Approve…, writes a comment, and the quote is approved with its history shown
 * on the opportunity editor's Approvals page. (The owner of an embedded database is its only person, who decides.)
 */
class ApprovalsUiTest {

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
        ApprovalsView view = (ApprovalsView) page.findView(ApprovalsView.ID);
        if (view != null) {
            page.hideView(view);
        }
    }

    private int products;

    private Quote submittedQuote(Opportunity opportunity, String discount) {
        Product product = Services.get(ProductService.class)
                .create(new Product("APV-" + unique + "-" + ++products, "审批测试产品", "套", Money.cny("10000"), new BigDecimal("13")));
        Quote draft = new Quote(opportunity, LocalDate.now(Clocks.system()).plusDays(30));
        draft.addLine(new QuoteLine(product, BigDecimal.ONE, new BigDecimal("10000"), new BigDecimal(discount), new BigDecimal("13")));
        QuoteService quotes = Services.get(QuoteService.class);
        return quotes.submitForApproval(quotes.createDraft(draft).getId());
    }

    private Opportunity deal() {
        return deal("折扣审批" + unique);
    }

    private Opportunity deal(String name) {
        Customer customer = Services.get(CustomerService.class).create(new Customer("审批客户" + name));
        Opportunity o = new Opportunity(customer, name, Money.cny("10000"));
        o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(30));
        o.setOwner(Services.get(SecurityService.class).currentUser().login());
        return Services.get(OpportunityService.class).create(o);
    }

    /** The ids of {@code requests} that are this test's, in the order given. */
    private static List<Long> ofThisTest(List<ApprovalRequest> requests, List<Long> mine) {
        return requests.stream().map(ApprovalRequest::getId).filter(mine::contains).toList();
    }

    private static void waitForOrder(ApprovalPanel panel, List<Long> mine, List<Long> expected) {
        UiTesting.waitUntil("the inbox in the order " + expected, () -> {
            UiTesting.waitForJobs(Jobs.FAMILY);
            return ofThisTest(panel.shown(), mine).equals(expected);
        }, 10_000);
    }

    @Test
    void theInboxSortsInTheDatabaseKeepsItsLayoutCopiesAndNamesTheRecordForShowHistory() throws Exception {
        VirtualGrid.forgetLayouts(ApprovalsView.ID);
        ApprovalService approvals = Services.get(ApprovalService.class);
        List<Long> mine = new ArrayList<>();
        List<Quote> quotes = new ArrayList<>();
        for (String name : List.of("乙方案", "甲方案", "丙方案")) {
            Quote quote = submittedQuote(deal(name + unique), "15");
            quotes.add(quote);
            mine.add(approvals.pendingFor(Quote.ENTITY, quote.getId()).orElseThrow().getId());
        }
        ApprovalsView view = (ApprovalsView) page.showView(ApprovalsView.ID);
        ApprovalPanel panel = view.panel();
        VirtualGrid<ApprovalPanel.Row> grid = panel.grid();
        waitForOrder(panel, mine, mine.reversed()); // the inbox's own order: the newest first

        grid.clickHeader("record");
        assertEquals(ApprovalSort.Column.RECORD, grid.sortKey());
        List<Long> byRecord = ofThisTest(approvals.list(ApprovalService.Filter.PENDING_FOR_ME, new ApprovalSort(ApprovalSort.Column.RECORD, true)), mine);
        waitForOrder(panel, mine, byRecord);
        assertEquals(3, byRecord.size());
        grid.clickHeader("record");
        waitForOrder(panel, mine, byRecord.reversed());
        grid.clickHeader("record");
        assertNull(grid.sortKey(), "a third click: the inbox's own order");
        waitForOrder(panel, mine, mine.reversed());
        grid.clickHeader("approvers");
        assertNull(grid.sortKey(), "who is waited for is worked out per request: no order of the list");
        grid.clickHeader("id");
        waitForOrder(panel, mine, mine);

        // Edit › Copy copies the selected cell; Show History names the approved record (the quote)
        int row = panel.shown().stream().map(ApprovalRequest::getId).toList().indexOf(mine.get(0));
        page.activate(view);
        view.getSite().getShell().forceActive();
        UiTesting.waitUntil("the grid focused", () -> grid.control().setFocus() && grid.control().isFocusControl());
        grid.selectCell(row, "record");
        assertTrue(view.canCopySelection());
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.copy", null);
        assertEquals(Labels.record(approvals.find(mine.get(0)).orElseThrow()), UiTesting.clipboardText());
        SelectedRecord record = RecordSelection.selectedIn(view).orElseThrow();
        assertEquals(Quote.ENTITY, record.entity());
        assertEquals(quotes.get(0).getId().longValue(), record.id());
        UiTesting.screenshot("approvals-grid");

        // the layout (a hidden and a moved column, a descending sort) outlives closing the view
        grid.hideColumn("approvers");
        grid.moveColumn("record", 0);
        grid.clickHeader("id"); // second click on the id: descending
        page.hideView(view);
        UiTesting.processEvents();
        ApprovalsView reopened = (ApprovalsView) page.showView(ApprovalsView.ID);
        VirtualGrid<ApprovalPanel.Row> again = reopened.panel().grid();
        assertEquals(List.of("record", "id", "requester", "status", "step", "definition", "submitted"), again.visibleColumns());
        assertEquals(ApprovalSort.Column.ID, again.sortKey());
        assertFalse(again.ascending());
        waitForOrder(reopened.panel(), mine, mine.reversed());
        page.hideView(reopened);
        VirtualGrid.forgetLayouts(ApprovalsView.ID);
    }

    @Test
    void aQuoteDiscountIsApprovedFromTheInbox() throws Exception {
        Opportunity opportunity = deal();
        Quote quote = submittedQuote(opportunity, "15");
        assertEquals(QuoteStatus.IN_APPROVAL, quote.getStatus(), "the engine, not the threshold rule, holds the quote: " + quote.getApprovalNote());
        ApprovalRequest request = Services.get(ApprovalService.class).pendingFor(Quote.ENTITY, quote.getId()).orElseThrow();

        ApprovalsView view = (ApprovalsView) page.showView(ApprovalsView.ID);
        ApprovalPanel panel = view.panel();
        UiTesting.waitUntil("the request in the inbox", () -> panel.shown().stream().anyMatch(r -> r.getId().equals(request.getId())));
        int row = panel.shown().stream().map(ApprovalRequest::getId).toList().indexOf(request.getId());
        panel.grid().selectRow(row);
        Button approve = UiTesting.button(panel.control(), Messages.Action_approve);
        UiTesting.waitUntil("Approve offered", approve::isEnabled);
        UiTesting.screenshot("approvals-inbox");

        UiTesting.DialogAnswer answer = UiTesting.whenDialogOpens(Messages.Approve_title, shell -> {
            UiTesting.type(UiTesting.find(shell, Text.class, t -> true).get(0), "同意，战略客户");
            UiTesting.click(shell, "OK");
        });
        UiTesting.click(approve);
        answer.assertAnswered();

        QuoteService quotes = Services.get(QuoteService.class);
        UiTesting.waitUntil("the quote approved", () -> quotes.find(quote.getId()).orElseThrow().getStatus() == QuoteStatus.APPROVED);
        assertEquals("同意，战略客户", quotes.find(quote.getId()).orElseThrow().getApprovalNote());
        UiTesting.waitUntil("the inbox emptied of it", () -> panel.shown().stream().noneMatch(r -> r.getId().equals(request.getId())));
        List<ApprovalAction> actions = Services.get(ApprovalService.class).history(request.getId()).stream().map(ApprovalHistoryEntry::getAction).toList();
        assertEquals(List.of(ApprovalAction.SUBMITTED, ApprovalAction.APPROVED), actions);

        // the opportunity editor's Approvals page shows the request with its history
        OpportunityEditor editor = OpportunityEditor.open(page, opportunity.getId(), opportunity.getName());
        editor.setActivePage(QuoteApprovalsPage.ID);
        QuoteApprovalsPage approvalsPage = (QuoteApprovalsPage) editor.findPage(QuoteApprovalsPage.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the page's request and history", () -> approvalsPage.panel() != null && approvalsPage.panel().shownHistory().size() == 2);
        assertEquals(List.of(request.getId()), approvalsPage.panel().shown().stream().map(ApprovalRequest::getId).toList());
        assertTrue(approvalsPage.panel().shownHistory().get(1).getComment().contains("战略客户"));
        UiTesting.screenshot("approvals-page");

        // the history is a grid sorted here: by what happened (both ways, then as read), copied by cell
        VirtualGrid<ApprovalHistoryEntry> history = approvalsPage.panel().historyGrid();
        List<ApprovalAction> asRead = historyActions(approvalsPage.panel());
        assertEquals(List.of(ApprovalAction.SUBMITTED, ApprovalAction.APPROVED), asRead);
        history.clickHeader("step");
        history.clickHeader("when");
        assertTrue(history.ascending());
        assertEquals(List.of(ApprovalAction.SUBMITTED, ApprovalAction.APPROVED), historyActions(approvalsPage.panel()), "oldest first");
        history.clickHeader("when");
        assertEquals(List.of(ApprovalAction.APPROVED, ApprovalAction.SUBMITTED), historyActions(approvalsPage.panel()), "newest first");
        history.clickHeader("when");
        assertEquals(asRead, historyActions(approvalsPage.panel()), "a third click: as read");
        history.selectCell(1, "comment");
        history.copySelection();
        assertEquals("同意，战略客户", UiTesting.clipboardText());
        VirtualGrid.forgetLayouts(QuoteApprovalsPage.ID);
    }

    private static List<ApprovalAction> historyActions(ApprovalPanel panel) {
        return panel.shownHistory().stream().map(ApprovalHistoryEntry::getAction).toList();
    }
}
