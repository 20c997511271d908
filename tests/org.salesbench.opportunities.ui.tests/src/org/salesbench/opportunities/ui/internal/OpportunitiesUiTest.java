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
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
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
import org.salesbench.opportunities.BoardCard;
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
import org.salesbench.audit.ui.AuditHistoryPage;
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
        UiTesting.processEvents();
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

    private Opportunity opportunity(String name, Money amount) {
        Customer customer = new Customer("看板测试客户" + unique + "-" + (++customerCount));
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
        assertEquals(1, view.rowCount());
        assertEquals(lead.getCompany(), view.grid().cellText(0, "company"));
        assertEquals("Qualified", view.grid().cellText(0, "status"));

        view.selectListRow(0);
        UiTesting.DialogAnswer converting = UiTesting.whenDialogOpens("Convert lead", shell -> {
            String summary = UiTesting.shownText(shell);
            assertTrue(summary.contains("new customer \"" + lead.getCompany() + "\""), summary);
            assertTrue(summary.contains("contact 王芳"), summary);
            assertTrue(summary.contains("¥250,000") || summary.contains("CN¥250,000"), summary);
            UiTesting.type(UiTesting.labelled(shell, "Opportunity", Text.class), "星河 CRM 项目");
            UiTesting.screenshot("convert-lead");
            UiTesting.click(shell, "Convert");
        });
        UiTesting.chooseFromMenu(view.listControl(), "Convert lead…");
        UiTesting.waitUntil("the convert dialog answered", converting::answered);
        converting.assertAnswered();
        UiTesting.waitForJobs(Jobs.FAMILY);
        Lead converted = leads.find(lead.getId()).orElseThrow();
        assertEquals(LeadStatus.CONVERTED, converted.getStatus());
        Opportunity made = opportunities.find(converted.getOpportunityId()).orElseThrow();
        assertEquals("星河 CRM 项目", made.getName());
        assertEquals(lead.getCompany(), customers.find(converted.getCustomerId()).orElseThrow().getName());
        UiTesting.waitUntil("the new opportunity's editor", () -> page.getActiveEditor() instanceof OpportunityEditor, 5_000);
        assertEquals(made.getId(), ((OpportunityEditor) page.getActiveEditor()).opportunity().getId());
        UiTesting.waitUntil("the list showing the lead converted", () -> "Converted".equals(view.grid().cellText(0, "status")), 10_000);
    }

    @Test
    void aLeadLikeAnExistingCustomerIsAttachedToIt() throws Exception {
        String phone = "021-6" + Math.abs(unique.hashCode() % 1000000);
        Customer existing = new Customer("东方物流" + unique);
        Contact contact = new Contact("赵敏");
        contact.getPhones().add(phone);
        existing.addContact(contact);
        existing = customers.create(existing);
        Lead lead = qualifiedLead("东方物流" + unique + "（上海）", phone);

        LeadsView view = (LeadsView) page.showView(LeadsView.ID);
        UiTesting.type(view.searchBox(), "东方物流" + unique);
        UiTesting.waitUntil("the filtered lead list", () -> view.filter().text() != null && view.filter().text().contains(unique));
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the lead's row", () -> view.rowCount() == 1 && lead.getCompany().equals(view.grid().cellText(0, "company")));
        view.selectListRow(0);
        Customer customer = existing;
        UiTesting.DialogAnswer converting = UiTesting.whenDialogOpens("Convert lead", shell -> {
            String summary = UiTesting.shownText(shell);
            assertTrue(summary.contains("existing customer \"" + customer.getName() + "\""), summary);
            UiTesting.click(shell, "Convert");
        });
        UiTesting.chooseFromMenu(view.listControl(), "Convert lead…");
        UiTesting.waitUntil("the convert dialog answered", converting::answered);
        converting.assertAnswered();
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(existing.getId(), leads.find(lead.getId()).orElseThrow().getCustomerId());
        assertEquals(2, customers.find(existing.getId()).orElseThrow().getContacts().size());
    }

    @Test
    void aLeadThatIsNotQualifiedIsRefusedWithAReason() throws Exception {
        Lead lead = new Lead("未审核公司" + unique);
        lead.setContactName("张三");
        lead.setPhone("13900001111");
        lead = leads.create(lead);
        assertEquals(LeadStatus.NEW, lead.getStatus());
        String company = lead.getCompany();
        LeadsView view = (LeadsView) page.showView(LeadsView.ID);
        UiTesting.type(view.searchBox(), company);
        UiTesting.waitUntil("the filtered lead list", () -> view.filter().text() != null && view.filter().text().contains(unique));
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the lead's row", () -> view.rowCount() == 1 && company.equals(view.grid().cellText(0, "company")));
        view.selectListRow(0);
        List<String> errors = new ArrayList<>();
        view.setErrorReporter(errors::add);
        UiTesting.chooseFromMenu(view.listControl(), "Convert lead…");
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the refusal shown", () -> !errors.isEmpty());
        assertTrue(UiTesting.shell("Convert lead").isEmpty(), "no conversion is offered");
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

    /** The card of an opportunity as drawn on the board. */
    static Canvas cardControl(BoardView view, long opportunityId) {
        return view.cardControls().stream().filter(c -> c.getData() instanceof BoardCard card && card.id() == opportunityId).findFirst()
                .orElseThrow(() -> new AssertionError("no card of " + opportunityId));
    }

    /** The title of a stage's column, where a card may be dropped. */
    static Control columnTitle(BoardView view, long stageId) {
        Composite columns = view.cardControls().get(0).getParent().getParent();
        for (Control box : columns.getChildren()) {
            if (box.getData() instanceof BoardColumn column && column.stageId() == stageId) {
                return ((Composite) box).getChildren()[0];
            }
        }
        throw new AssertionError("no column of stage " + stageId);
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

        UiTesting.dragWithMouse(() -> cardControl(view, o.getId()), () -> columnTitle(view, needs.getId()));
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(needs.getId(), opportunities.find(o.getId()).orElseThrow().getStage().getId());
        UiTesting.waitUntil("the column header counting the moved card", () -> columnOf(view, needs.getId()).count() == before + 1, 10_000);
        UiTesting.waitUntil("the card drawn in its new column", () -> view.shownCards(needs.getId()).stream().anyMatch(c -> c.id() == o.getId()), 10_000);
        assertEquals(2, opportunities.history(o.getId()).size());
        UiTesting.waitUntil("the open editor following the move", () -> editor.opportunity().getStage().getId().equals(needs.getId()), 10_000);

        // Proposal needs an amount above zero: the service refuses, the board says why, the card stays
        List<String> refusals = new ArrayList<>();
        view.setRefusalReporter(refusals::add);
        UiTesting.dragWithMouse(() -> cardControl(view, o.getId()), () -> columnTitle(view, proposal.getId()));
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
        OpportunityOverviewPage overview = overviewOf(editor);
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
        UiTesting.DialogAnswer reload = UiTesting.whenDialogOpensPress("Changed by someone else", "Reload");
        editor.doSave(new NullProgressMonitor());
        reload.assertAnswered();
        assertEquals("对方的下一步", ((Text) overview.field("nextStep")).getText());

        UiTesting.waitUntil("the learned win probability beside the stage's",
                () -> overview.winProbabilityText().matches("\\d+ %.*"), 30_000);

        editor.setActivePage(StageHistoryPage.ID);
        StageHistoryPage history = (StageHistoryPage) editor.findPage(StageHistoryPage.ID);
        UiTesting.waitUntil("the stage history (" + history.getManagedForm().getForm().getMessage() + ")", () -> history.shownSteps() == 1, 10_000);
        editor.setActivePage(OpportunityActivitiesPage.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals(0, ((OpportunityActivitiesPage) editor.findPage(OpportunityActivitiesPage.ID)).shownActivities());

        // the History page every record editor shows: the other user's change, newest first, with who and old/new
        AuditHistoryPage changes = (AuditHistoryPage) editor.setActivePage(AuditHistoryPage.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the deal's history", () -> changes.table() != null && changes.table().getItemCount() >= 4, 10_000);
        org.eclipse.swt.widgets.TableItem newest = changes.table().getItem(0);
        assertEquals(List.of("changed", "Next step", "安排演示", "对方的下一步"),
                List.of(newest.getText(1), newest.getText(2), newest.getText(3), newest.getText(4)));
        assertFalse(newest.getText(5).isBlank(), "who changed it");
        assertEquals("created", changes.table().getItem(changes.table().getItemCount() - 1).getText(1));
    }

    /** The editor's overview page, once its fields are there. */
    private static OpportunityOverviewPage overviewOf(OpportunityEditor editor) {
        OpportunityOverviewPage overview = (OpportunityOverviewPage) editor.findPage(OpportunityOverviewPage.ID);
        UiTesting.waitUntil("the overview's fields", () -> overview.field("amount") != null);
        return overview;
    }

    @Test
    void anAmountBeyondItsColumnIsAFieldErrorAtOnceAndTheLargestThatFitsSaves() throws Exception {
        Opportunity o = opportunity("大额商机" + unique, Money.cny("1000"));
        OpportunityEditor editor = OpportunityEditor.open(page, o.getId(), o.getName());
        OpportunityOverviewPage overview = overviewOf(editor);
        Text amount = (Text) overview.field("amount");

        long started = System.nanoTime();
        amount.setText("1e300000000");
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "refused without expanding the number");
        assertTrue(editor.errors().get("amount").contains("too large"), editor.errors().toString());
        assertTrue(overview.decoration("amount").isVisible());
        amount.setText("1234567890123456");
        assertTrue(editor.errors().get("amount").contains("at most 15 digits"), editor.errors().toString());
        assertFalse(editor.isDirty(), "Save is disabled while the amount does not fit");

        amount.setText("999999999999999.99");
        assertTrue(editor.errors().isEmpty(), editor.errors().toString());
        editor.doSave(new NullProgressMonitor());
        assertEquals(0, Money.cny("999999999999999.99").compareTo(opportunities.find(o.getId()).orElseThrow().getAmount()),
                "the largest amount DECIMAL(19,4) holds is saved, not refused by the database");
        // a card of 15 digits widens the first column of the board the drag test drags across: leave none behind
        page.closeEditor(editor, false);
        opportunities.delete(o.getId());
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
        Shell wizardShell = dialog.getShell();
        UiTesting.click(wizardShell, "Finish");
        assertTrue(wizardShell.isDisposed(), "Finish saves and closes the wizard");
        assertEquals("新线索" + unique, leads.find(wizard.created().getId()).orElseThrow().getCompany());
    }

    @Test
    void deleteInTheLeadsViewAsksFirstAndRemovesTheLead() throws Exception {
        Lead lead = qualifiedLead("删除线索" + unique + "有限公司", "0571-7" + Math.abs(unique.hashCode() % 1000000));
        LeadsView view = (LeadsView) page.showView(LeadsView.ID);
        UiTesting.type(view.searchBox(), "删除线索" + unique);
        UiTesting.waitUntil("the filtered lead list", () -> view.filter().text() != null && view.filter().text().contains(unique));
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the lead's row", () -> view.rowCount() == 1 && lead.getCompany().equals(view.grid().cellText(0, "company")));
        view.selectListRow(0);

        UiTesting.DialogAnswer cancelled = UiTesting.whenDialogOpens("Delete", shell -> {
            assertTrue(UiTesting.shownText(shell).contains(lead.getCompany()), UiTesting.shownText(shell));
            UiTesting.click(shell, "Cancel");
        });
        UiTesting.chooseFromMenu(view.listControl(), "Delete");
        cancelled.assertAnswered();
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertTrue(leads.find(lead.getId()).isPresent(), "Cancel deletes nothing");

        UiTesting.DialogAnswer confirmed = UiTesting.whenDialogOpensPress("Delete", "OK");
        UiTesting.chooseFromMenu(view.listControl(), "Delete");
        confirmed.assertAnswered();
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the row gone from the list", () -> view.rowCount() == 0);
        assertTrue(leads.find(lead.getId()).isEmpty());
        view.searchBox().setText("");
    }

    @Test
    void theNewOpportunityWizardFindsTheCustomerAndCreatesTheOpportunityInTheFirstStage() {
        String prefix = "向导客户" + unique;
        customers.create(new Customer(prefix + "-甲"));
        Customer second = customers.create(new Customer(prefix + "-乙"));
        Pipeline pipeline = pipelines.pipelines(true).get(1);
        NewOpportunityWizard wizard = new NewOpportunityWizard();
        wizard.init(PlatformUI.getWorkbench(), null);
        org.eclipse.jface.wizard.WizardDialog dialog = new org.eclipse.jface.wizard.WizardDialog(window.getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        try {
            org.eclipse.swt.widgets.Button finish = UiTesting.button(shell, "Finish");
            UiTesting.type(UiTesting.labelled(shell, "Find customer", Text.class), prefix);
            org.eclipse.swt.widgets.Combo customerCombo = UiTesting.labelled(shell, "Customer", org.eclipse.swt.widgets.Combo.class);
            UiTesting.waitForJobs(Jobs.FAMILY);
            UiTesting.waitUntil("the two customers found", () -> customerCombo.getItemCount() == 2);
            UiTesting.choose(customerCombo, second.getName());
            UiTesting.choose(UiTesting.labelled(shell, "Pipeline", org.eclipse.swt.widgets.Combo.class), pipeline.getLabel());
            assertFalse(finish.isEnabled(), "an opportunity needs a name");
            UiTesting.type(UiTesting.labelled(shell, "Name", Text.class), "向导商机" + unique);
            Text amount = UiTesting.labelled(shell, "Amount (CNY)", Text.class);
            UiTesting.type(amount, "五万");
            assertFalse(finish.isEnabled());
            assertTrue(String.valueOf(wizard.getPages()[0].getErrorMessage()).contains("not a number"), wizard.getPages()[0].getErrorMessage());
            UiTesting.type(amount, "56,000");
            assertTrue(finish.isEnabled(), String.valueOf(wizard.getPages()[0].getErrorMessage()));
            UiTesting.screenshot("new-opportunity-wizard");
            UiTesting.click(finish);
            assertTrue(shell.isDisposed(), "Finish closes the wizard");
        } finally {
            if (!shell.isDisposed()) {
                dialog.close();
            }
        }
        Opportunity made = opportunities.find(wizard.created().getId()).orElseThrow();
        assertEquals("向导商机" + unique, made.getName());
        assertEquals(second.getId(), made.getCustomer().getId());
        assertEquals(pipeline.getId(), made.getPipeline().getId());
        assertEquals(pipeline.firstStage(StageKind.OPEN).orElseThrow().getId(), made.getStage().getId());
        assertEquals(0, Money.cny("56000").compareTo(made.getAmount()));
        assertEquals(LocalDate.now(Clocks.system()).plusDays(90), made.getExpectedCloseDate());
        UiTesting.waitUntil("the new opportunity's editor", () -> page.getActiveEditor() instanceof OpportunityEditor);
        assertEquals(made.getId(), ((OpportunityEditor) page.getActiveEditor()).opportunity().getId());
    }
}
