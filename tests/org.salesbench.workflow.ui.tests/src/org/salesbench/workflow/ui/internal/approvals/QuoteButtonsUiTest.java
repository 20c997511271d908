package org.salesbench.workflow.ui.internal.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
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
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.workflow.approvals.ApprovalAction;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalHistoryEntry;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ConditionOperator;

/**
 * The Quotes page's own Approve button under Xvfb, with a two-step definition of the engine: the first press approves
 * the first step only (the quote stays in approval), the second press the last step, which approves the quote. The
 * page's buttons never bypass the engine's steps.
 */
class QuoteButtonsUiTest {

    /** The opportunity editor's Quotes page (quotes UI). */
    private static final String QUOTES_PAGE = "org.salesbench.quotes.ui.editor.quotes";
    /** The Quotes page's Approve button as an English user reads it. */
    private static final String APPROVE = "Approve";

    private IWorkbenchPage page;
    private ApprovalService approvals;
    private String unique;
    private ApprovalDefinition twoSteps;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        approvals = Services.get(ApprovalService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
        ApprovalDefinition definition = new ApprovalDefinition("两级折扣审批 " + unique, Quote.ENTITY, "maxDiscountPercent", ConditionOperator.GT, "40");
        definition.setPriority(1);
        definition.addStep(new ApprovalStep("经理审批", ApproverKind.ROLE, "sales_manager"));
        definition.addStep(new ApprovalStep("管理员审批", ApproverKind.ROLE, "administrator"));
        twoSteps = approvals.saveDefinition(definition);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        try {
            approvals.deleteDefinition(twoSteps.getId());
        } catch (RuntimeException stillInUse) {
            // a failed run leaves its request pending: the definition stops matching other tests' quotes at least
            ApprovalDefinition left = approvals.findDefinition(twoSteps.getId()).orElseThrow();
            left.setActive(false);
            approvals.saveDefinition(left);
        }
    }

    private Opportunity deal() {
        Customer customer = Services.get(CustomerService.class).create(new Customer("两级审批客户" + unique));
        Opportunity o = new Opportunity(customer, "两级审批" + unique, Money.cny("10000"));
        o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(30));
        o.setOwner(Services.get(SecurityService.class).currentUser().login());
        return Services.get(OpportunityService.class).create(o);
    }

    private Quote submittedQuote(Opportunity opportunity) {
        Product product = Services.get(ProductService.class)
                .create(new Product("TWO-" + unique, "两级审批产品", "套", Money.cny("10000"), new BigDecimal("13")));
        Quote draft = new Quote(opportunity, LocalDate.now(Clocks.system()).plusDays(30));
        draft.addLine(new QuoteLine(product, BigDecimal.ONE, new BigDecimal("10000"), new BigDecimal("45"), new BigDecimal("13")));
        QuoteService quotes = Services.get(QuoteService.class);
        return quotes.submitForApproval(quotes.createDraft(draft).getId());
    }

    private static void pressApprove(Composite quotesPage) {
        org.salesbench.ui.forms.VirtualGrid<?> grid = org.salesbench.ui.forms.VirtualGrid.find(quotesPage).orElseThrow();
        UiTesting.waitUntil("the quote listed", () -> grid.rowCount() == 1 && grid.rowAt(0) != null);
        grid.selectRow(0);
        Button approve = UiTesting.button(quotesPage, APPROVE);
        UiTesting.waitUntil("Approve offered", approve::isEnabled);
        UiTesting.click(approve);
        UiTesting.waitForJobs(Jobs.FAMILY);
    }

    @Test
    void theQuotesPagesApproveDecidesOneStepOfATwoStepDefinitionAtATime() throws Exception {
        Opportunity opportunity = deal();
        Quote quote = submittedQuote(opportunity);
        assertEquals(QuoteStatus.IN_APPROVAL, quote.getStatus(), quote.getApprovalNote());
        ApprovalRequest request = approvals.pendingFor(Quote.ENTITY, quote.getId()).orElseThrow();
        assertEquals(twoSteps.getId(), Long.valueOf(request.getDefinitionId()));

        OpportunityEditor editor = OpportunityEditor.open(page, opportunity.getId(), opportunity.getName());
        editor.setActivePage(QUOTES_PAGE);
        Composite quotesPage = (Composite) editor.findPage(QUOTES_PAGE).getPartControl();
        QuoteService quotes = Services.get(QuoteService.class);

        pressApprove(quotesPage);
        UiTesting.waitUntil("the first step approved", () -> approvals.find(request.getId()).orElseThrow().getCurrentStep() == 2);
        assertEquals(QuoteStatus.IN_APPROVAL, quotes.find(quote.getId()).orElseThrow().getStatus(), "the second step is not skipped");

        pressApprove(quotesPage);
        UiTesting.waitUntil("the quote approved", () -> quotes.find(quote.getId()).orElseThrow().getStatus() == QuoteStatus.APPROVED);
        List<ApprovalAction> actions = approvals.history(request.getId()).stream().map(ApprovalHistoryEntry::getAction).toList();
        assertEquals(List.of(ApprovalAction.SUBMITTED, ApprovalAction.APPROVED, ApprovalAction.APPROVED), actions);
    }
}
