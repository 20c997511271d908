package org.salesbench.opportunities.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.ForecastCategory;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadSource;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.OpportunityRow;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.ProductService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;

/**
 * The Opportunities view, the lead source filter, the new-lead forms' quiet start and the overview's new fields (the main
 * product comes from the quotes module's catalogue). A quote's life is tested with the quotes UI.
 */
class OpportunityListsUiTest {

    private IWorkbenchWindow window;
    private IWorkbenchPage page;
    private OpportunityService opportunities;
    private CustomerService customers;
    private LeadService leads;
    private String unique;
    private String me;

    @BeforeEach
    void setUp() {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        page = window.getActivePage();
        opportunities = Services.get(OpportunityService.class);
        customers = Services.get(CustomerService.class);
        leads = Services.get(LeadService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
        me = Services.get(SecurityService.class).currentUser().login();
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        UiTesting.processEvents();
    }

    private Pipeline newBusiness() {
        return Services.get(PipelineService.class).pipelines(true).get(0);
    }

    private Opportunity deal(String customerName, String name, String amount, LocalDate engaged, LocalDate close, String owner, String stage) {
        Customer customer = customers.create(new Customer(customerName));
        Opportunity o = new Opportunity(customer, name, Money.cny(amount));
        o.setPipeline(newBusiness());
        o.setEngagedOn(engaged);
        o.setExpectedCloseDate(close);
        o.setOwner(owner);
        o.setForecastCategory(ForecastCategory.BEST_CASE);
        Opportunity saved = opportunities.create(o);
        if (stage != null) {
            long stageId = newBusiness().getStages().stream().filter(s -> s.getName().equals(stage)).findFirst().orElseThrow().getId();
            saved = opportunities.moveToStage(saved.getId(), stageId);
        }
        return saved;
    }

    private static void choose(Combo combo, int index) {
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
    }

    private static int indexOf(Combo combo, String item) {
        int index = Arrays.asList(combo.getItems()).indexOf(item);
        assertTrue(index >= 0, item + " in " + Arrays.toString(combo.getItems()));
        return index;
    }

    private static void waitForRows(OpportunitiesView view, int rows) {
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil(rows + " rows, shown " + view.rowCount(), () -> view.rowCount() == rows, 10_000);
    }

    /** The row showing the opportunity named {@code name}. */
    private static int rowNamed(VirtualGrid<OpportunityRow> grid, String name) {
        for (int i = 0; i < grid.rowCount(); i++) {
            if (name.equals(grid.cellText(i, "name"))) {
                return i;
            }
        }
        throw new AssertionError("no row " + name);
    }

    @Test
    void theOpportunitiesViewFiltersAndOpensTheEditor() throws Exception {
        LocalDate today = LocalDate.now(Clocks.system());
        String prefix = "列表客户" + unique;
        Opportunity overdue = deal(prefix + "-甲", "逾期项目", "12000", today.minusDays(90), today.minusDays(3), me, null);
        deal(prefix + "-乙", "提案项目", "88000", today, today.plusDays(20), me, "Proposal");
        deal(prefix + "-丙", "别人的项目", "5000", today, today.plusMonths(9), "someone.else", null);
        assertNotNull(page.findView(OpportunitiesView.ID), "the view is open in the Sales perspective");
        OpportunitiesView view = (OpportunitiesView) page.showView(OpportunitiesView.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        view.searchBox().setText(prefix);
        UiTesting.waitUntil("the text filter applied", () -> prefix.equals(view.filter().text()), 5_000);
        waitForRows(view, 3);

        VirtualGrid<OpportunityRow> grid = view.grid();
        UiTesting.waitUntil("the first row filled", () -> view.rowData(0) != null, 5_000);
        List<String> rows = java.util.stream.IntStream.range(0, grid.rowCount()).mapToObj(i -> grid.cellText(i, "customer") + "|" + grid.cellText(i, "name")).toList();
        assertTrue(rows.contains(prefix + "-甲|逾期项目"), rows.toString());
        int overdueRow = rowNamed(grid, "逾期项目");
        assertEquals(me, grid.cellText(overdueRow, "owner"));
        assertEquals("Best case", grid.cellText(overdueRow, "forecastCategory"));
        assertTrue(grid.cellText(overdueRow, "amount").contains("12,000"), grid.cellText(overdueRow, "amount"));
        assertTrue(grid.cellText(overdueRow, "probability").contains("%"), grid.cellText(overdueRow, "probability"));

        choose(view.ownerCombo(), OpportunitiesView.Owners.MINE.ordinal());
        UiTesting.waitUntil("mine applied", () -> view.filter().owners().equals(java.util.Set.of(me)), 5_000);
        waitForRows(view, 2);
        choose(view.ownerCombo(), OpportunitiesView.Owners.MY_TEAM.ordinal());
        UiTesting.waitUntil("my team applied", () -> view.filter().owners().contains(me), 5_000);
        waitForRows(view, 2);
        choose(view.ownerCombo(), OpportunitiesView.Owners.ANYONE.ordinal());
        waitForRows(view, 3);

        view.overdueCheck().setSelection(true);
        view.overdueCheck().notifyListeners(SWT.Selection, new Event());
        waitForRows(view, 1);
        view.overdueCheck().setSelection(false);
        view.overdueCheck().notifyListeners(SWT.Selection, new Event());
        waitForRows(view, 3);

        UiTesting.waitUntil("the pipelines offered", () -> view.pipelineCombo().getItemCount() > 1, 10_000);
        assertFalse(view.stageCombo().isEnabled(), "no stage to choose before a pipeline");
        choose(view.pipelineCombo(), indexOf(view.pipelineCombo(), newBusiness().getLabel()));
        assertTrue(view.stageCombo().isEnabled());
        choose(view.stageCombo(), indexOf(view.stageCombo(), "Proposal"));
        waitForRows(view, 1);
        UiTesting.waitUntil("the Proposal row", () -> "提案项目".equals(grid.cellText(0, "name")), 5_000);
        assertEquals("Proposal", grid.cellText(0, "stage"));
        choose(view.stageCombo(), 0);
        waitForRows(view, 3);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED); // every column in the picture
        UiTesting.screenshot("opportunities-view");
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);

        view.openRow(rowNamed(grid, "逾期项目"));
        UiTesting.waitUntil("the opportunity editor", () -> page.getActiveEditor() instanceof OpportunityEditor, 5_000);
        assertEquals(overdue.getId(), ((OpportunityEditor) page.getActiveEditor()).opportunity().getId());
    }

    @Test
    void theLeadsViewFiltersBySource() throws Exception {
        List<LeadSource> sources = leads.sources(true);
        LeadSource tradeShow = sources.stream().filter(s -> s.getCode().equals("TRADE_SHOW")).findFirst().orElseThrow();
        String prefix = "来源线索" + unique;
        String[][] made = {{"-甲", "TRADE_SHOW"}, {"-乙", "TRADE_SHOW"}, {"-丙", "REFERRAL"}};
        for (String[] m : made) {
            Lead lead = new Lead(prefix + m[0]);
            lead.setSource(m[1]);
            leads.create(lead);
        }
        LeadsView view = (LeadsView) page.showView(LeadsView.ID);
        view.searchBox().setText(prefix);
        UiTesting.waitUntil("the text filter applied", () -> prefix.equals(view.filter().text()), 5_000);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("three leads", () -> view.rowCount() == 3, 10_000);
        UiTesting.waitUntil("the sources offered", () -> view.sourceCombo().getItemCount() > 1, 10_000);
        choose(view.sourceCombo(), indexOf(view.sourceCombo(), tradeShow.getLabel()));
        assertEquals("TRADE_SHOW", view.filter().source());
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("two trade-show leads", () -> view.rowCount() == 2, 10_000);
        UiTesting.waitUntil("rows filled", () -> view.rowData(0) != null, 5_000);
        assertEquals(tradeShow.getLabel(), view.grid().cellText(0, "source"));
        UiTesting.screenshot("leads-by-source");
        choose(view.sourceCombo(), 0);
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("all three again", () -> view.rowCount() == 3, 10_000);
    }

    @Test
    void aNewLeadFormIsQuietUntilEditedOrConfirmed() {
        LeadDialog dialog = new LeadDialog(window.getShell(), leads, leads.sources(true), new Lead());
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            assertNull(dialog.getErrorMessage(), "no error the moment the dialog opens");
            assertFalse(dialog.fields().errors().isEmpty(), "the lead is still incomplete");
            assertTrue(dialog.okEnabled(), "OK is how the user asks what is missing");
            dialog.okPressed();
            assertNotNull(dialog.getErrorMessage(), "OK shows what is missing");
            assertTrue(dialog.getErrorMessage().contains("Company"), dialog.getErrorMessage());
            assertNull(dialog.saved());
        } finally {
            dialog.close();
        }

        NewLeadWizard wizard = new NewLeadWizard();
        wizard.init(PlatformUI.getWorkbench(), null);
        WizardDialog wizardDialog = new WizardDialog(window.getShell(), wizard);
        wizardDialog.setBlockOnOpen(false);
        wizardDialog.open();
        try {
            var leadPage = (org.eclipse.jface.wizard.WizardPage) wizard.getPages()[0];
            assertNull(leadPage.getErrorMessage(), "no error the moment the wizard opens");
            assertFalse(wizard.canFinish());
            wizard.fields().text("contactName").setText("陈静");
            assertNotNull(leadPage.getErrorMessage(), "after an edit the missing company is named");
            assertTrue(leadPage.getErrorMessage().contains("Company"), leadPage.getErrorMessage());
            wizard.fields().text("company").setText("安静公司" + unique);
            assertNull(leadPage.getErrorMessage());
            assertTrue(wizard.canFinish());
        } finally {
            wizardDialog.close();
        }
    }

    @Test
    void theGlobalSearchFindsAnOpportunityAndOpensItsEditor() throws Exception {
        Opportunity o = deal("检索客户" + unique, "检索商机" + unique, "1200", null, LocalDate.now(Clocks.system()).plusDays(20), me, null);
        org.salesbench.ui.search.SearchResultProvider provider = new OpportunitySearchProvider();
        List<org.salesbench.ui.search.SearchHit> hits = provider.search("检索商机" + unique, 10);
        assertEquals(List.of(o.getId()), hits.stream().map(org.salesbench.ui.search.SearchHit::id).toList());
        assertTrue(hits.get(0).detail().contains("检索客户" + unique), hits.get(0).detail());
        assertEquals(1, provider.search("检索客户" + unique, 10).size(), "found by its customer's name too");
        provider.open(hits.get(0), page);
        UiTesting.waitUntil("the opportunity editor", () -> page.getActiveEditor() instanceof OpportunityEditor, 5_000);
        assertEquals(o.getId(), ((OpportunityEditor) page.getActiveEditor()).opportunity().getId());
    }

    @Test
    void theOverviewEditsTheMainProductAndTheEngagedDay() throws Exception {
        ProductService products = Services.get(ProductService.class);
        Product product = products.create(new Product("OVW-" + unique, "数据分析模块", "套", Money.cny("6800"), new BigDecimal("13")));
        LocalDate today = LocalDate.now(Clocks.system());
        Opportunity o = deal("概览客户" + unique, "概览商机" + unique, "6800", null, today.plusDays(30), me, null);
        assertEquals(today, o.getEngagedOn());
        OpportunityEditor editor = OpportunityEditor.open(page, o.getId(), o.getName());
        OpportunityOverviewPage overview = (OpportunityOverviewPage) editor.findPage(OpportunityOverviewPage.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        Combo combo = overview.productCombo();
        String label = "OVW-" + unique + " · 数据分析模块";
        UiTesting.waitUntil("the active products offered", () -> Arrays.asList(combo.getItems()).contains(label), 10_000);
        assertEquals(0, combo.getSelectionIndex(), "no main product yet");
        assertFalse(editor.isDirty());
        choose(combo, indexOf(combo, label));
        assertTrue(editor.isDirty());

        DateTime engaged = (DateTime) overview.field("engagedOn");
        LocalDate earlier = today.minusDays(45);
        engaged.setDate(earlier.getYear(), earlier.getMonthValue() - 1, earlier.getDayOfMonth());
        engaged.notifyListeners(SWT.Selection, new Event());
        assertTrue(editor.errors().isEmpty(), editor.errors().toString());
        UiTesting.screenshot("opportunity-overview-product");
        editor.doSave(new NullProgressMonitor());
        assertFalse(editor.isDirty());
        Opportunity saved = opportunities.find(o.getId()).orElseThrow();
        assertEquals(product.getId(), saved.getProductId());
        assertEquals(earlier, saved.getEngagedOn());

        // a close date before the day selling began is refused, naming the field
        LocalDate late = today.plusDays(40);
        engaged.setDate(late.getYear(), late.getMonthValue() - 1, late.getDayOfMonth());
        engaged.notifyListeners(SWT.Selection, new Event());
        assertTrue(editor.errors().containsKey("expectedCloseDate"), editor.errors().toString());
        Control closeField = overview.field("expectedCloseDate");
        assertNotNull(closeField);
    }

    @Test
    void theAssignmentPreferencePageSwitchesAutomaticAssignmentPerKind() {
        org.salesbench.opportunities.assignment.AssignmentService assignment = Services.get(
                org.salesbench.opportunities.assignment.AssignmentService.class);
        org.eclipse.swt.widgets.Shell shell = new org.eclipse.swt.widgets.Shell(window.getShell());
        try {
            AssignmentPreferencePage prefs = new AssignmentPreferencePage();
            prefs.init(PlatformUI.getWorkbench());
            prefs.createControl(shell);
            assertFalse(prefs.leadsCheck().getSelection(), "off until switched on");
            assertFalse(prefs.opportunitiesCheck().getSelection());
            assertEquals(4, prefs.strategyCombo().getItemCount());
            prefs.strategyCombo().select(indexOf(prefs.strategyCombo(), "Fewest open leads and opportunities"));
            prefs.leadsCheck().setSelection(true);
            assertTrue(prefs.performOk(), String.valueOf(prefs.getErrorMessage()));
            assertTrue(assignment.isAutoAssignEnabled(org.salesbench.opportunities.assignment.AssignableKind.LEAD));
            assertFalse(assignment.isAutoAssignEnabled(org.salesbench.opportunities.assignment.AssignableKind.OPPORTUNITY));
            assertEquals(org.salesbench.opportunities.assignment.AssignmentService.LOAD, assignment.configuredStrategy());

            AssignmentPreferencePage again = new AssignmentPreferencePage();
            again.init(PlatformUI.getWorkbench());
            again.createControl(shell);
            assertTrue(again.leadsCheck().getSelection(), "the page shows what is stored");
            assertEquals("Fewest open leads and opportunities", again.strategyCombo().getText());
        } finally {
            shell.dispose();
            // the workbench database is shared by the UI tests: leave assignment as it was
            assignment.setAutoAssignEnabled(org.salesbench.opportunities.assignment.AssignableKind.LEAD, false);
            assignment.configureStrategy(org.salesbench.opportunities.assignment.AssignmentService.ROUND_ROBIN);
        }
    }

    @Test
    void theOpportunitiesViewReadsRowsBlockByBlockAsTheyAreShown() throws Exception {
        String prefix = "分块客户" + unique;
        Customer customer = customers.create(new Customer(prefix));
        int total = OpportunitiesView.BLOCK * 2 + 30;
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < total; i++) {
            Opportunity o = new Opportunity(customer, "分块商机 " + i, Money.cny(String.valueOf(1000 + i)));
            o.setPipeline(newBusiness());
            expected.add(opportunities.create(o).getName());
        }
        OpportunitiesView view = (OpportunitiesView) page.showView(OpportunitiesView.ID);
        view.searchBox().setText(prefix);
        UiTesting.waitUntil("the text filter applied", () -> prefix.equals(view.filter().text()), 5_000);
        waitForRows(view, total);
        assertEquals(OpportunitiesView.BLOCK, view.loadedRows().size(), "only the first block is read up front");

        // asking for the last rows reads their block, not the ones between
        view.grid().shownText(total - 1, "name");
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the last block", () -> view.loadedRows().size() == OpportunitiesView.BLOCK + 30, 10_000);
        // a cleared item asks for its data again when it is next read (as painting does)
        UiTesting.waitUntil("the last row filled", () -> !view.grid().shownText(total - 1, "name").equals(Messages.Loading)
                && view.rowData(total - 1) != null, 10_000);

        java.util.Set<String> shown = new java.util.HashSet<>();
        for (int i = 0; i < total; i++) {
            view.grid().shownText(i, "name");
        }
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("every block read", () -> view.loadedRows().size() == total, 10_000);
        UiTesting.processEvents();
        for (int i = 0; i < total; i++) {
            shown.add(view.grid().shownText(i, "name"));
        }
        assertEquals(expected, shown, "every opportunity once, none twice, no row left loading");
    }
}
