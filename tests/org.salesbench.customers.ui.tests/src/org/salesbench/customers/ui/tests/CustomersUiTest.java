package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.UUID;

import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.StatusLineContributionItem;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.internal.WorkbenchWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.ActivitiesPage;
import org.salesbench.customers.ui.tests.contributions.CreditLimitSectionFactory;
import org.salesbench.customers.ui.internal.CustomerEditor;
import org.salesbench.customers.ui.internal.CustomersView;
import org.salesbench.customers.ui.internal.NewCustomerWizard;
import org.salesbench.customers.ui.internal.OverviewPage;
import org.salesbench.ui.Services;
import org.salesbench.ui.SalesbenchUi;
import org.salesbench.ui.internal.search.SearchBoxContribution;
import org.salesbench.ui.internal.search.SearchJob;
import org.salesbench.ui.testing.UiTesting;

/** A sales rep's day with customers, in the real workbench under Xvfb. */
class CustomersUiTest {

    /** Exposes Finish, as a user's click on it. */
    static final class TestWizardDialog extends WizardDialog {
        TestWizardDialog(Shell shell, NewCustomerWizard wizard) {
            super(shell, wizard);
            setBlockOnOpen(false);
        }

        void finish() {
            finishPressed();
        }
    }

    private IWorkbenchWindow window;
    private IWorkbenchPage page;
    private CustomerService service;
    private String unique;

    @BeforeEach
    void setUp() {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        page = window.getActivePage();
        service = Services.get(CustomerService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        UiTesting.spin(100);
    }

    private CustomersView customersView() {
        CustomersView view = (CustomersView) page.findView(CustomersView.ID);
        assertNotNull(view, "the Customers view is open in the Sales perspective");
        return view;
    }

    /** The wizard after Finish, and the duplicates it showed if it stayed open. */
    record WizardRun(NewCustomerWizard wizard, String[] duplicatesShown) {
    }

    private WizardRun createThroughWizard(String name, String creditCode, String contact, String phone) {
        NewCustomerWizard wizard = new NewCustomerWizard();
        TestWizardDialog dialog = new TestWizardDialog(window.getShell(), wizard);
        dialog.open();
        wizard.companyPage().name.setText(name);
        wizard.companyPage().creditCode.setText(creditCode);
        wizard.companyPage().industry.setText("软件");
        dialog.showPage(wizard.contactPage());
        wizard.contactPage().contactName.setText(contact);
        wizard.contactPage().phone.setText(phone);
        UiTesting.screenshot("wizard-contact");
        dialog.finish();
        UiTesting.spin(200);
        String[] shown = new String[0];
        if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            UiTesting.screenshot("wizard-duplicates");
            shown = wizard.duplicatesPage().shown();
            dialog.close();
        }
        return new WizardRun(wizard, shown);
    }

    @Test
    void theSalesPerspectiveShowsTheCustomersTheUserAndTheDatabase() {
        assertEquals(SalesbenchUi.PERSPECTIVE_SALES, page.getPerspective().getId());
        customersView();
        var statusLine = ((WorkbenchWindow) window).getActionBars().getStatusLineManager();
        String texts = Arrays.stream(statusLine.getItems()).filter(StatusLineContributionItem.class::isInstance)
                .map(i -> ((StatusLineContributionItem) i).getText()).reduce("", (a, b) -> a + " | " + b);
        assertTrue(texts.contains("ui.tester"), texts);
        assertTrue(texts.contains("jdbc:derby:memory:customersui"), texts);
        for (String other : new String[] {SalesbenchUi.PERSPECTIVE_MANAGER, SalesbenchUi.PERSPECTIVE_ANALYTICS}) {
            page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(other));
            assertEquals(other, page.getPerspective().getId());
        }
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(SalesbenchUi.PERSPECTIVE_SALES));
        IContributionItem unused = null;
        assertTrue(unused == null);
    }

    @Test
    void aCustomerMadeInTheWizardIsFoundByTheFilterAndADuplicateIsFlagged() {
        String code = CreditCode.withCheckCharacter("91330106MA2" + unique.toUpperCase().replaceAll("[^0-9A-HJ-NPQRTUWXY]", "1")
                .substring(0, 6));
        String name = "杭州测试" + unique + "科技有限公司";
        NewCustomerWizard first = createThroughWizard(name, code, "周经理", "+86 139 1234 " + String.format("%04d", Math.abs(unique.hashCode()) % 10000)).wizard();
        assertNotNull(first.created(), "created through the wizard");
        assertEquals(1, first.created().getContacts().size());
        UiTesting.screenshot("editor-after-wizard");

        WizardRun second = createThroughWizard("另一家公司" + unique, code, "", "");
        assertEquals(null, second.wizard().created(), "not created while a duplicate is unconfirmed");
        String[] shown = second.duplicatesShown();
        assertEquals(1, shown.length);
        assertTrue(shown[0].contains(name) && shown[0].contains(code), shown[0]);

        CustomersView view = customersView();
        view.searchBox().setText("测试" + unique);
        UiTesting.waitUntil("the filter", () -> view.filter().text() != null && view.filter().text().contains(unique), 20_000);
        UiTesting.waitForJobs(CustomersView.FAMILY);
        assertEquals(1, view.table().getItemCount());
        UiTesting.waitUntil("the row", () -> view.table().getItemCount() > 0 && name.equals(view.table().getItem(0).getText(0)), 20_000);
        UiTesting.screenshot("customers-filtered");
        view.searchBox().setText("");
    }

    @Test
    void aPartnersColumnPageAndSectionShowAndABrokenSectionIsLeftOut() throws Exception {
        assertTrue(Arrays.stream(customersView().table().getColumns()).anyMatch(column -> "Name length".equals(column.getText())),
                "the contributed column is in the Customers view");
        Customer c = service.create(new Customer("Partner " + unique));
        CustomerEditor editor = CustomerEditor.open(page, c.getId(), c.getName());
        UiTesting.spin(300);
        assertNotNull(editor.findPage("org.salesbench.customers.ui.tests.page"), "the contributed page is in the editor");
        OverviewPage overview = (OverviewPage) editor.findPage(OverviewPage.ID);
        var sections = overview.contributedSections();
        assertEquals(java.util.Set.of("org.salesbench.customers.ui.tests.section"), sections.keySet(),
                "the section whose class is missing is left out, the other one is shown");
        UiTesting.screenshot("editor-contributed-section");
        var section = (CreditLimitSectionFactory.CreditLimitSection) sections.get("org.salesbench.customers.ui.tests.section");
        section.text.setText("limit 1M " + unique);
        assertTrue(editor.isDirty(), "an edit in a contributed section enables Save");
        page.saveEditor(editor, false);
        assertEquals("limit 1M " + unique, service.find(c.getId()).orElseThrow().getNotes());
    }

    @Test
    void editingValidatesOnTheFieldAndSaveWaitsUntilValid() throws Exception {
        Customer c = service.create(new Customer("Edit Me " + unique));
        CustomerEditor editor = CustomerEditor.open(page, c.getId(), c.getName());
        OverviewPage overview = (OverviewPage) editor.findPage(OverviewPage.ID);
        UiTesting.spin(300);
        assertFalse(editor.hasChanges(), "opening a customer does not edit it");
        ((Text) overview.field("creditCode")).setText("12345");
        assertTrue(overview.decoration("creditCode").isVisible(), "the error shows on the field");
        assertTrue(editor.hasChanges());
        assertFalse(editor.isDirty(), "Save is disabled while a field is wrong");
        UiTesting.screenshot("editor-invalid");
        ((Text) overview.field("creditCode")).setText("");
        ((Text) overview.field("name")).setText("Edited " + unique);
        assertFalse(overview.decoration("creditCode").isVisible());
        assertTrue(editor.isDirty());
        page.saveEditor(editor, false);
        assertFalse(editor.isDirty());
        assertEquals("Edited " + unique, service.find(c.getId()).orElseThrow().getName());
    }

    @Test
    void loggingAnActivityMovesTheNextFollowUp() throws Exception {
        Customer c = service.create(new Customer("Activity " + unique));
        CustomerEditor editor = CustomerEditor.open(page, c.getId(), c.getName());
        editor.setActivePage(org.salesbench.customers.ui.internal.ActivitiesPage.ID);
        ActivitiesPage activities = (ActivitiesPage) editor.findPage(ActivitiesPage.ID);
        Activity visit = new Activity(ActivityType.VISIT, LocalDateTime.now(Clocks.system()).minusHours(2), "上门演示");
        visit.setNextStep("发送报价");
        visit.setNextStepDate(LocalDate.now(Clocks.system()).plusDays(3));
        activities.log(visit);
        assertEquals(1, activities.shownActivities());
        assertEquals(LocalDate.now(Clocks.system()).plusDays(3), editor.customer().getNextFollowUp());
        assertEquals(LocalDate.now(Clocks.system()).plusDays(3), service.find(c.getId()).orElseThrow().getNextFollowUp());
        UiTesting.screenshot("editor-activities");
    }

    @Test
    void aSaveThatLostARaceAsksAndReloadsInsteadOfOverwriting() throws Exception {
        Customer c = service.create(new Customer("Race " + unique));
        CustomerEditor editor = CustomerEditor.open(page, c.getId(), c.getName());
        Customer theirs = service.find(c.getId()).orElseThrow();
        theirs.setNotes("theirs");
        service.update(theirs);
        OverviewPage overview = (OverviewPage) editor.findPage(OverviewPage.ID);
        ((Text) overview.field("notes")).setText("mine");
        boolean[] asked = {false};
        editor.setConflictPrompt(() -> asked[0] = true);
        page.saveEditor(editor, false);
        assertTrue(asked[0], "the user was asked");
        assertEquals("theirs", service.find(c.getId()).orElseThrow().getNotes(), "nothing overwritten");
        assertEquals("theirs", editor.customer().getNotes(), "reloaded");
        assertEquals("theirs", ((Text) overview.field("notes")).getText());
        assertFalse(editor.isDirty());
    }

    @Test
    void theGlobalSearchFindsACustomerAndOpensIt() {
        Customer c = service.create(new Customer("Searchable " + unique + " GmbH"));
        Text box = SearchBoxContribution.boxOf(window);
        assertNotNull(box, "the search box is in the toolbar");
        box.setText(unique);
        box.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        UiTesting.waitForJobs(SearchJob.FAMILY);
        SearchBoxContribution search = (SearchBoxContribution) box.getData(SearchBoxContribution.ID);
        UiTesting.waitUntil("results", () -> search.lastResults() != null, 20_000);
        assertTrue(search.lastResults().shownHits().contains("Customers / " + c.getName()), search.lastResults().shownHits().toString());
        UiTesting.screenshot("search-results");
        search.lastResults().openHit(0, 0);
        UiTesting.spin(200);
        assertEquals(c.getName(), page.getActiveEditor().getTitle());
        assertTrue(Display.getCurrent() != null);
    }
}
