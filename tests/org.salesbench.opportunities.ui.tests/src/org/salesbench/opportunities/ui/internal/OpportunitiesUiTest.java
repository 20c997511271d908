package org.salesbench.opportunities.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.BoardColumn;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;

/** Leads, the pipeline board and the opportunity editor in the real workbench under Xvfb, on Derby. */
class OpportunitiesUiTest {

    private IWorkbenchWindow window;
    private IWorkbenchPage page;
    private LeadService leads;
    private OpportunityService opportunities;
    private PipelineService pipelines;
    private CustomerService customers;
    private String unique;

    @BeforeEach
    void setUp() {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        page = window.getActivePage();
        leads = Services.get(LeadService.class);
        opportunities = Services.get(OpportunityService.class);
        pipelines = Services.get(PipelineService.class);
        customers = Services.get(CustomerService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        UiTesting.spin(100);
    }

    private Lead qualifiedLead(String company, String phone) {
        Lead lead = new Lead(company);
        lead.setContactName("王芳");
        lead.setPhone(phone);
        lead.setNeed("CRM 系统，预算已批");
        lead.setBudget(Money.cny("250000"));
        lead.setStatus(LeadStatus.QUALIFIED);
        return leads.create(lead);
    }

    private Pipeline newBusiness() {
        return pipelines.pipelines(true).get(0);
    }

    private Stage stage(Pipeline pipeline, String name) {
        return pipeline.getStages().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    private int customerCount;
    private String lastCustomerName;

    private Opportunity opportunity(String name, Money amount) {
        lastCustomerName = "看板测试客户" + unique + "-" + (++customerCount);
        Customer customer = new Customer(lastCustomerName);
        Contact contact = new Contact("李伟");
        customer.addContact(contact);
        customer = customers.create(customer);
        Opportunity o = new Opportunity(customer, name, amount);
        o.setPipeline(newBusiness());
        return opportunities.create(o);
    }

    @Test
    void theViewsAreInTheSalesPerspective() {
        assertNotNull(page.findView(LeadsView.ID), "the Leads view is open in the Sales perspective");
        assertNotNull(page.findView(BoardView.ID), "the board is open in the Sales perspective");
    }

    @Test
    void convertingALeadMakesTheCustomerContactAndOpportunityAndOpensIt() throws Exception {
        Lead lead = qualifiedLead("星河软件" + unique + "有限公司", "0571-8" + Math.abs(unique.hashCode() % 1000000));
        LeadsView view = (LeadsView) page.showView(LeadsView.ID);
        view.searchBox().setText("星河软件" + unique);
        UiTesting.waitUntil("the filtered lead list", () -> view.filter().text() != null && view.filter().text().contains(unique), 5_000);
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(1, view.table().getItemCount());
        assertEquals(lead.getCompany(), view.table().getItem(0).getText(0));
        assertEquals("Qualified", view.table().getItem(0).getText(4));

        ConvertLeadDialog dialog = new ConvertLeadDialog(window.getShell(), lead, leads.screen(lead), pipelines.pipelines(true));
        dialog.setBlockOnOpen(false);
        dialog.open();
        String summary = dialog.summaryText();
        assertTrue(summary.contains("new customer \"" + lead.getCompany() + "\""), summary);
        assertTrue(summary.contains("contact 王芳"), summary);
        assertTrue(summary.contains("¥250,000") || summary.contains("CN¥250,000"), summary);
        dialog.nameField().setText("星河 CRM 项目");
        UiTesting.screenshot("convert-lead");
        dialog.okPressed();
        assertNotNull(dialog.request());
        assertEquals("星河 CRM 项目", dialog.request().opportunityName());

        view.convert(lead.getId(), dialog.request());
        UiTesting.waitForJobs(Jobs.FAMILY);
        Lead converted = leads.find(lead.getId()).orElseThrow();
        assertEquals(LeadStatus.CONVERTED, converted.getStatus());
        Opportunity made = opportunities.find(converted.getOpportunityId()).orElseThrow();
        assertEquals("星河 CRM 项目", made.getName());
        assertEquals(lead.getCompany(), customers.find(converted.getCustomerId()).orElseThrow().getName());
        UiTesting.waitUntil("the new opportunity's editor", () -> page.getActiveEditor() instanceof OpportunityEditor, 5_000);
        assertEquals(made.getId(), ((OpportunityEditor) page.getActiveEditor()).opportunity().getId());
        UiTesting.waitUntil("the list showing the lead converted", () -> "Converted".equals(view.table().getItem(0).getText(4)), 10_000);
    }

    @Test
    void aLeadLikeAnExistingCustomerIsAttachedToIt() {
        String phone = "021-6" + Math.abs(unique.hashCode() % 1000000);
        Customer existing = new Customer("东方物流" + unique);
        Contact contact = new Contact("赵敏");
        contact.getPhones().add(phone);
        existing.addContact(contact);
        existing = customers.create(existing);
        Lead lead = qualifiedLead("东方物流" + unique + "（上海）", phone);

        ConvertLeadDialog dialog = new ConvertLeadDialog(window.getShell(), lead, leads.screen(lead), pipelines.pipelines(true));
        dialog.setBlockOnOpen(false);
        dialog.open();
        assertTrue(dialog.summaryText().contains("existing customer \"" + existing.getName() + "\""), dialog.summaryText());
        dialog.okPressed();
        assertEquals(existing.getId(), dialog.request().customerId());
        LeadsView view = (LeadsView) page.findView(LeadsView.ID);
        view.convert(lead.getId(), dialog.request());
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(existing.getId(), leads.find(lead.getId()).orElseThrow().getCustomerId());
        assertEquals(2, customers.find(existing.getId()).orElseThrow().getContacts().size());
    }

    @Test
    void aLeadThatIsNotQualifiedIsRefusedWithAReason() {
        Lead lead = new Lead("未审核公司" + unique);
        lead.setContactName("张三");
        lead.setPhone("13900001111");
        lead = leads.create(lead);
        assertEquals(LeadStatus.NEW, lead.getStatus());
        LeadsView view = (LeadsView) page.findView(LeadsView.ID);
        ConvertLeadDialog dialog = new ConvertLeadDialog(window.getShell(), lead, leads.screen(lead), pipelines.pipelines(true));
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.okPressed();
        List<String> errors = new ArrayList<>();
        view.setErrorReporter(errors::add);
        view.convert(lead.getId(), dialog.request());
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the refusal shown, lead now " + leads.find(lead.getId()).orElseThrow().getStatus(), () -> !errors.isEmpty(), 10_000);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).toLowerCase().contains("status"), errors.get(0));
        assertEquals(LeadStatus.NEW, leads.find(lead.getId()).orElseThrow().getStatus());
    }

    private BoardView board(Pipeline pipeline) throws Exception {
        BoardView view = (BoardView) page.showView(BoardView.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        view.selectPipeline(pipeline.getId());
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the board of " + pipeline.getName(), () -> view.board() != null && view.board().pipelineId() == pipeline.getId(), 10_000);
        return view;
    }

    private BoardColumn columnOf(BoardView view, long stageId) {
        return view.board().columns().stream().filter(c -> c.stageId() == stageId).findFirst().orElseThrow();
    }

    @Test
    void draggingACardMovesTheStageAndARefusedDropSnapsBack() throws Exception {
        Pipeline pipeline = newBusiness();
        Stage first = pipeline.firstStage(StageKind.OPEN).orElseThrow();
        Stage needs = stage(pipeline, "Needs analysis");
        Stage proposal = stage(pipeline, "Proposal");
        Opportunity created = opportunity("看板拖动" + unique, Money.cny("0"));
        created.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(10));
        Opportunity o = opportunities.update(created);
        String[] names = {"华东区域 CRM 升级", "深圳仓储系统二期", "成都分公司采购", "北京总部续约"};
        for (int i = 0; i < names.length; i++) {
            Opportunity other = opportunity(names[i], Money.cny(String.valueOf(120000 * (i + 1))));
            other.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(20L * (i + 1)));
            other = opportunities.update(other);
            if (i % 2 == 1) {
                opportunities.moveToStage(other.getId(), needs.getId());
            }
        }
        OpportunityEditor editor = OpportunityEditor.open(page, o.getId(), o.getName());
        BoardView view = board(pipeline);
        UiTesting.waitUntil("the card in the first stage", () -> view.shownCards(first.getId()).stream().anyMatch(c -> c.id() == o.getId()), 10_000);
        long before = columnOf(view, needs.getId()).count();
        UiTesting.screenshot("board-before");

        view.dropped(BoardView.dragData(o.getId()), needs.getId());
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(needs.getId(), opportunities.find(o.getId()).orElseThrow().getStage().getId());
        UiTesting.waitUntil("the column header counting the moved card", () -> columnOf(view, needs.getId()).count() == before + 1, 10_000);
        UiTesting.waitUntil("the card drawn in its new column", () -> view.shownCards(needs.getId()).stream().anyMatch(c -> c.id() == o.getId()), 10_000);
        assertEquals(2, opportunities.history(o.getId()).size());
        UiTesting.waitUntil("the open editor following the move", () -> editor.opportunity().getStage().getId().equals(needs.getId()), 10_000);

        // Proposal needs an amount above zero: the service refuses, the board says why, the card stays
        List<String> refusals = new ArrayList<>();
        view.setRefusalReporter(refusals::add);
        view.dropped(BoardView.dragData(o.getId()), proposal.getId());
        UiTesting.waitUntil("the refusal explained", () -> !refusals.isEmpty(), 10_000);
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(1, refusals.size());
        assertTrue(refusals.get(0).contains("Proposal") && refusals.get(0).contains("amount"), refusals.get(0));
        assertEquals(needs.getId(), opportunities.find(o.getId()).orElseThrow().getStage().getId());
        assertTrue(view.shownCards(needs.getId()).stream().anyMatch(c -> c.id() == o.getId()), "the refused card snaps back");
        assertEquals(2, opportunities.history(o.getId()).size(), "a refused move writes no history");
        assertFalse(view.cardControls().isEmpty());
        UiTesting.screenshot("board-after");
    }

    @Test
    void theOpportunityEditorValidatesSavesAndShowsHistory() throws Exception {
        Opportunity o = opportunity("编辑器商机" + unique, Money.cny("1000"));
        OpportunityEditor editor = OpportunityEditor.open(page, o.getId(), o.getName());
        UiTesting.spin(200);
        OpportunityOverviewPage overview = (OpportunityOverviewPage) editor.findPage(OpportunityOverviewPage.ID);
        Text amount = (Text) overview.field("amount");
        assertEquals("1000", amount.getText());

        amount.setText("-5");
        assertTrue(editor.errors().containsKey("amount"), editor.errors().toString());
        assertFalse(editor.isDirty(), "Save is disabled while a field is wrong");
        assertTrue(overview.decoration("amount").isVisible());
        amount.setText("一千");
        assertTrue(editor.errors().get("amount").contains("not a number"), editor.errors().toString());
        amount.setText("88000");
        assertTrue(editor.errors().isEmpty(), editor.errors().toString());
        assertTrue(editor.isDirty());
        ((Text) overview.field("nextStep")).setText("安排演示");
        UiTesting.screenshot("opportunity-editor");
        editor.doSave(new NullProgressMonitor());
        Opportunity saved = opportunities.find(o.getId()).orElseThrow();
        assertEquals(0, Money.cny("88000").compareTo(saved.getAmount()));
        assertEquals("安排演示", saved.getNextStep());
        assertFalse(editor.isDirty());

        // someone else saves meanwhile: the conflict is offered as a reload, never forced through
        Opportunity theirs = opportunities.find(o.getId()).orElseThrow();
        theirs.setNextStep("对方的下一步");
        opportunities.update(theirs);
        ((Text) overview.field("nextStep")).setText("我的下一步");
        boolean[] asked = {false};
        editor.setConflictPrompt(() -> asked[0] = true);
        editor.doSave(new NullProgressMonitor());
        assertTrue(asked[0]);
        assertEquals("对方的下一步", ((Text) overview.field("nextStep")).getText());

        UiTesting.waitUntil("the learned win probability beside the stage's",
                () -> overview.winProbabilityText().matches("\\d+ %.*"), 30_000);

        editor.setActivePage(StageHistoryPage.ID);
        StageHistoryPage history = (StageHistoryPage) editor.findPage(StageHistoryPage.ID);
        UiTesting.waitUntil("the stage history (" + history.getManagedForm().getForm().getMessage() + ")", () -> history.shownSteps() == 1, 10_000);
        editor.setActivePage(OpportunityActivitiesPage.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(0, ((OpportunityActivitiesPage) editor.findPage(OpportunityActivitiesPage.ID)).shownActivities());
    }

    @Test
    void aStageRenamedInPreferencesShowsOnTheBoardWithoutRestart() throws Exception {
        Pipeline pipeline = pipelines.pipelines(true).get(1);
        BoardView view = board(pipeline);
        Shell shell = new Shell(window.getShell());
        PipelinesPreferencePage prefs = new PipelinesPreferencePage();
        prefs.init(PlatformUI.getWorkbench());
        prefs.createControl(shell);
        prefs.selectPipeline(pipeline.getId());
        prefs.selectStage(0);
        prefs.stageNameField().setText("初步接触" + unique);
        prefs.stageProbabilityField().setSelection(15);
        assertTrue(prefs.performOk(), String.valueOf(prefs.getErrorMessage()));
        shell.dispose();
        UiTesting.waitUntil("the board redrawn with the renamed stage",
                () -> view.board() != null && view.board().columns().get(0).label().equals("初步接触" + unique), 10_000);
        assertEquals(15, view.board().columns().get(0).probability());
    }

    @Test
    void theNewLeadWizardScreensAndSaves() {
        NewLeadWizard wizard = new NewLeadWizard();
        wizard.init(PlatformUI.getWorkbench(), null);
        org.eclipse.jface.wizard.WizardDialog dialog = new org.eclipse.jface.wizard.WizardDialog(window.getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        assertFalse(wizard.canFinish(), "a lead needs a company");
        wizard.fields().text("company").setText("新线索" + unique);
        wizard.fields().text("contactName").setText("陈静");
        wizard.fields().text("email").setText("chen.jing@example.com");
        wizard.fields().text("budget").setText("12万");
        assertTrue(wizard.fields().errors().containsKey("budget"), wizard.fields().errors().toString());
        assertFalse(wizard.canFinish());
        wizard.fields().text("budget").setText("120000");
        assertTrue(wizard.canFinish(), wizard.fields().errors().toString());
        UiTesting.waitUntil("the screening result", () -> wizard.fields().screeningText().startsWith("Score"), 10_000);
        assertTrue(wizard.performFinish());
        dialog.close();
        assertEquals("新线索" + unique, leads.find(wizard.created().getId()).orElseThrow().getCompany());
    }

    @Test
    void aQuoteIsCreatedWithLinesAndExportedAsPdfWithTheChineseCustomerName() throws Exception {
        org.salesbench.opportunities.quotes.ProductService products = Services.get(org.salesbench.opportunities.quotes.ProductService.class);
        products.create(new org.salesbench.opportunities.quotes.Product("CRM-" + unique, "客户管理系统 专业版", "套", Money.cny("19800"),
                new java.math.BigDecimal("13")));
        Opportunity o = opportunity("报价商机" + unique, Money.cny("50000"));
        OpportunityEditor editor = OpportunityEditor.open(page, o.getId(), o.getName());
        editor.setActivePage(QuotesPage.ID);
        QuotesPage quotes = (QuotesPage) editor.findPage(QuotesPage.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.spin(300);
        assertEquals(0, quotes.shownQuotes().size());

        List<org.salesbench.opportunities.quotes.Product> catalogue = products.list(true);
        int index = 0;
        for (int i = 0; i < catalogue.size(); i++) {
            if (catalogue.get(i).getCode().equals("CRM-" + unique)) {
                index = i;
            }
        }
        QuoteDialog dialog = new QuoteDialog(window.getShell(), Services.get(org.salesbench.opportunities.quotes.QuoteService.class), catalogue,
                editor.opportunity());
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.addLine(index, "两", "0");
        assertTrue(String.valueOf(dialog.getErrorMessage()).contains("Quantity"), dialog.getErrorMessage());
        dialog.addLine(index, "3", "150");
        assertTrue(String.valueOf(dialog.getErrorMessage()).contains("iscount"), "a discount over 100 % is refused: " + dialog.getErrorMessage());
        dialog.close();

        dialog = new QuoteDialog(window.getShell(), Services.get(org.salesbench.opportunities.quotes.QuoteService.class), catalogue,
                editor.opportunity());
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

        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("quote", ".pdf");
        List<String> errors = new ArrayList<>();
        quotes.setErrorReporter(errors::add);
        org.eclipse.core.runtime.jobs.Job export = quotes.exportPdf(quotes.shownQuotes().get(0).getId(), pdf);
        export.join(30_000, null);
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(List.of(), errors);
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains(lastCustomerName), text);
        assertTrue(text.contains("客户管理系统"), text);
        java.nio.file.Files.delete(pdf);
    }
}
