package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.eclipse.jface.action.StatusLineContributionItem;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
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
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.ActivitiesPage;
import org.salesbench.customers.ui.internal.ContactsPage;
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
        UiTesting.processEvents();
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
        WizardDialog dialog = new WizardDialog(window.getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        UiTesting.type(UiTesting.labelled(shell, "Name:", Text.class), name);
        UiTesting.type(UiTesting.labelled(shell, "Credit code:", Text.class), creditCode);
        UiTesting.type(UiTesting.labelled(shell, "Industry:", Text.class), "软件");
        UiTesting.click(shell, "Next >");
        assertEquals(wizard.contactPage(), dialog.getCurrentPage());
        UiTesting.type(wizard.contactPage().contactName, contact);
        UiTesting.type(wizard.contactPage().phone, phone);
        UiTesting.screenshot("wizard-contact");
        UiTesting.click(shell, "Finish");
        UiTesting.waitUntil("the wizard closed or showing possible duplicates",
                () -> shell.isDisposed() || dialog.getCurrentPage() == wizard.duplicatesPage());
        String[] shown = new String[0];
        if (!shell.isDisposed()) {
            UiTesting.screenshot("wizard-duplicates");
            shown = wizard.duplicatesPage().shown();
            UiTesting.click(shell, "Cancel");
            assertTrue(shell.isDisposed(), "Cancel closes the wizard");
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
        assertEquals(SalesbenchUi.PERSPECTIVE_SALES, page.getPerspective().getId());
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
        assertEquals(1, view.rowCount());
        UiTesting.waitUntil("the row", () -> view.rowCount() > 0 && name.equals(view.grid().shownText(0, "name")), 20_000);
        UiTesting.screenshot("customers-filtered");
        view.searchBox().setText("");
    }

    @Test
    void aPartnersPageAndSectionShowAndABrokenSectionIsLeftOut() throws Exception {
        Customer c = service.create(new Customer("Partner " + unique));
        CustomerEditor editor = CustomerEditor.open(page, c.getId(), c.getName());
        assertNotNull(editor.findPage("org.salesbench.customers.ui.tests.page"), "the contributed page is in the editor");
        OverviewPage overview = (OverviewPage) editor.findPage(OverviewPage.ID);
        UiTesting.waitUntil("the overview's fields", () -> overview.field("name") != null);
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
        UiTesting.waitUntil("the overview's fields", () -> overview.field("creditCode") != null);
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
    void loggingAnActivityThroughItsDialogMovesTheNextFollowUp() throws Exception {
        Customer withContact = new Customer("Activity " + unique);
        withContact.addContact(new Contact("周伟"));
        Customer c = service.create(withContact);
        CustomerEditor editor = CustomerEditor.open(page, c.getId(), c.getName());
        editor.setActivePage(ActivitiesPage.ID);
        ActivitiesPage activities = (ActivitiesPage) editor.findPage(ActivitiesPage.ID);
        UiTesting.waitUntil("the activities page", () -> activities.getPartControl() != null);
        assertEquals(0, activities.shownActivities());

        UiTesting.DialogAnswer logged = UiTesting.whenDialogOpens("Log activity…", shell -> {
            Button ok = UiTesting.button(shell, "OK");
            assertFalse(ok.isEnabled(), "an activity needs a summary");
            UiTesting.choose(UiTesting.labelled(shell, "Type", Combo.class), "Visit");
            UiTesting.choose(UiTesting.labelled(shell, "Contact", Combo.class), "周伟");
            UiTesting.type(UiTesting.labelled(shell, "Summary", Text.class), "上门演示");
            assertTrue(ok.isEnabled());
            UiTesting.type(UiTesting.labelled(shell, "Next step", Text.class), "发送报价");
            UiTesting.click(UiTesting.labelled(shell, "Next step date", Button.class)); // the date offered is a week ahead
            UiTesting.screenshot("log-activity-dialog");
            UiTesting.click(ok);
        });
        UiTesting.click((Composite) activities.getPartControl(), "Log activity…");
        logged.assertAnswered();

        LocalDate inAWeek = LocalDate.now(Clocks.system()).plusDays(7);
        assertEquals(1, activities.shownActivities());
        assertEquals(inAWeek, editor.customer().getNextFollowUp());
        Customer stored = service.find(c.getId()).orElseThrow();
        assertEquals(inAWeek, stored.getNextFollowUp());
        assertEquals(1, stored.getActivities().size());
        Activity visit = stored.getActivities().get(0);
        assertEquals(ActivityType.VISIT, visit.getType());
        assertEquals("上门演示", visit.getSummary());
        assertEquals("发送报价", visit.getNextStep());
        assertEquals("周伟", visit.getContact() == null ? null : visit.getContact().getName());
        UiTesting.screenshot("editor-activities");

        // with unsaved edits the dialog is not offered: the user is told to save first
        UiTesting.type((Text) ((OverviewPage) editor.findPage(OverviewPage.ID)).field("notes"), "unsaved " + unique);
        assertTrue(editor.hasChanges());
        UiTesting.DialogAnswer saveFirst = UiTesting.whenDialogOpens("Log activity…", shell -> {
            assertTrue(UiTesting.shownText(shell).contains("Save or undo your changes"), UiTesting.shownText(shell));
            UiTesting.click(shell, "OK");
        });
        UiTesting.click((Composite) activities.getPartControl(), "Log activity…");
        saveFirst.assertAnswered();
        assertEquals(1, service.find(c.getId()).orElseThrow().getActivities().size());
    }

    @Test
    void theContactsPageAddsEditsAndRemovesContactsSavedWithTheCustomer() throws Exception {
        Customer c = service.create(new Customer("Contacts " + unique));
        CustomerEditor editor = CustomerEditor.open(page, c.getId(), c.getName());
        editor.setActivePage(ContactsPage.ID);
        ContactsPage contacts = (ContactsPage) editor.findPage(ContactsPage.ID);
        UiTesting.waitUntil("the contacts page", () -> contacts.getPartControl() != null);
        Composite body = (Composite) contacts.getPartControl();
        Table table = UiTesting.find(body, Table.class, t -> true).get(0);
        assertEquals(0, table.getItemCount());

        UiTesting.DialogAnswer added = UiTesting.whenDialogOpens("Contact", shell -> {
            Button ok = UiTesting.button(shell, "OK");
            UiTesting.type(UiTesting.labelled(shell, "Name", Text.class), "孙丽");
            UiTesting.type(UiTesting.labelled(shell, "E-mails (one per line)", Text.class), "not an e-mail");
            assertFalse(ok.isEnabled(), "a wrong e-mail is refused in the dialog");
            UiTesting.type(UiTesting.labelled(shell, "E-mails (one per line)", Text.class), "sun.li@example.cn");
            UiTesting.type(UiTesting.labelled(shell, "Phones (one per line)", Text.class), "+86 139 0000 1234\n0571-8888 0000");
            assertTrue(ok.isEnabled());
            UiTesting.click(UiTesting.button(shell, "Primary contact"));
            UiTesting.click(ok);
        });
        UiTesting.click(body, "Add…");
        added.assertAnswered();
        assertEquals(1, table.getItemCount());
        assertTrue(table.getItem(0).getText(0).contains("孙丽"), table.getItem(0).getText(0));
        assertTrue(editor.isDirty(), "a new contact is saved with the customer");
        page.saveEditor(editor, false);
        assertFalse(editor.isDirty());
        Contact sunLi = service.find(c.getId()).orElseThrow().getContacts().get(0);
        assertEquals("孙丽", sunLi.getName());
        assertEquals(java.util.List.of("+86 139 0000 1234", "0571-8888 0000"), sunLi.getPhones());
        assertEquals(java.util.List.of("sun.li@example.cn"), sunLi.getEmails());
        assertTrue(sunLi.isPrimary());

        UiTesting.selectRow(table, 0);
        UiTesting.DialogAnswer edited = UiTesting.whenDialogOpens("Contact", shell -> {
            assertEquals("孙丽", UiTesting.labelled(shell, "Name", Text.class).getText(), "the dialog shows the contact");
            UiTesting.type(UiTesting.labelled(shell, "Title", Text.class), "采购经理");
            UiTesting.click(shell, "OK");
        });
        UiTesting.click(body, "Edit…");
        edited.assertAnswered();
        page.saveEditor(editor, false);
        assertEquals("采购经理", service.find(c.getId()).orElseThrow().getContacts().get(0).getTitle());

        UiTesting.selectRow(table, 0);
        UiTesting.click(body, "Remove");
        assertEquals(0, table.getItemCount());
        page.saveEditor(editor, false);
        assertEquals(0, service.find(c.getId()).orElseThrow().getContacts().size());
    }

    @Test
    void deleteInTheCustomersViewAsksFirstAndRemovesTheCustomer() {
        Customer c = service.create(new Customer("删除测试" + unique + "有限公司"));
        CustomersView view = customersView();
        UiTesting.type(view.searchBox(), "删除测试" + unique);
        UiTesting.waitUntil("the filter", () -> view.filter().text() != null && view.filter().text().contains(unique));
        UiTesting.waitForJobs(CustomersView.FAMILY);
        UiTesting.waitUntil("the customer's row", () -> view.rowCount() == 1 && c.getName().equals(view.grid().shownText(0, "name")));
        view.selectListRow(0);

        UiTesting.DialogAnswer cancelled = UiTesting.whenDialogOpens("Delete", shell -> {
            assertTrue(UiTesting.shownText(shell).contains(c.getName()), UiTesting.shownText(shell));
            UiTesting.click(shell, "Cancel");
        });
        UiTesting.chooseFromMenu(view.listControl(), "Delete");
        cancelled.assertAnswered();
        UiTesting.waitForJobs(CustomersView.FAMILY);
        assertTrue(service.find(c.getId()).isPresent(), "Cancel deletes nothing");
        assertEquals(1, view.rowCount());

        UiTesting.DialogAnswer confirmed = UiTesting.whenDialogOpensPress("Delete", "OK");
        UiTesting.chooseFromMenu(view.listControl(), "Delete");
        confirmed.assertAnswered();
        UiTesting.waitForJobs(CustomersView.FAMILY);
        UiTesting.waitUntil("the row gone from the list", () -> view.rowCount() == 0);
        assertTrue(service.find(c.getId()).isEmpty());
        view.searchBox().setText("");
    }

    @Test
    void aSaveThatLostARaceAsksAndReloadsInsteadOfOverwriting() throws Exception {
        Customer c = service.create(new Customer("Race " + unique));
        CustomerEditor editor = CustomerEditor.open(page, c.getId(), c.getName());
        Customer theirs = service.find(c.getId()).orElseThrow();
        theirs.setNotes("theirs");
        service.update(theirs);
        OverviewPage overview = (OverviewPage) editor.findPage(OverviewPage.ID);
        UiTesting.type((Text) overview.field("notes"), "mine");
        UiTesting.DialogAnswer reload = UiTesting.whenDialogOpensPress("Changed by someone else", "Reload");
        page.saveEditor(editor, false);
        reload.assertAnswered();
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
        UiTesting.waitUntil("the customer's editor", () -> page.getActiveEditor() != null && c.getName().equals(page.getActiveEditor().getTitle()));
    }
}
