package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.CustomerEditor;
import org.salesbench.customers.ui.internal.OverviewPage;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.testing.UiTesting;

/**
 * Edit › Undo of a saved edit in the customer editor: the values before the save come back (in the database and in the
 * open editor), Redo puts the saved ones back, and a customer someone changed after the save is not overwritten: the
 * undo says it was changed and by whom.
 */
class EditUndoUiTest {

    private IWorkbenchPage page;
    private CustomerService service;
    private String unique;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        service = Services.get(CustomerService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        UiTesting.processEvents();
    }

    private CustomerEditor editAndSave(Customer c, String name, String region) throws Exception {
        CustomerEditor editor = CustomerEditor.open(page, c.getId(), c.getName());
        OverviewPage overview = (OverviewPage) editor.findPage(OverviewPage.ID);
        UiTesting.waitUntil("the overview's fields", () -> overview.field("name") != null);
        ((Text) overview.field("name")).setText(name);
        ((Text) overview.field("region")).setText(region);
        assertTrue(editor.isDirty());
        page.saveEditor(editor, false);
        assertFalse(editor.isDirty());
        return editor;
    }

    @Test
    void undoPutsTheValuesBeforeTheSaveBackAndRedoTheSavedOnes() throws Exception {
        Customer fresh = new Customer("回改编辑" + unique + "原名");
        fresh.setRegion("华东");
        Customer c = service.create(fresh);
        CustomerEditor editor = editAndSave(c, "回改编辑" + unique + "新名", "华南");
        assertEquals("华南", service.find(c.getId()).orElseThrow().getRegion());
        assertEquals("Edit of \"回改编辑" + unique + "新名\"", Undo.history().getUndoOperation(Undo.context()).getLabel());

        // Edit › Undo as the menu and Ctrl+Z run it, with the editor active
        page.activate(editor);
        editor.setFocus();
        var undo = PlatformUI.getWorkbench().getService(org.eclipse.ui.commands.ICommandService.class).getCommand("org.eclipse.ui.edit.undo");
        UiTesting.waitUntil("Edit › Undo enabled in the editor", () -> {
            UiTesting.processEvents();
            return undo.isHandled() && undo.isEnabled();
        }, 5_000);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.undo", null);
        UiTesting.waitUntil("the old values back", () -> "华东".equals(service.find(c.getId()).orElseThrow().getRegion()));
        Customer undone = service.find(c.getId()).orElseThrow();
        assertEquals("回改编辑" + unique + "原名", undone.getName());
        OverviewPage overview = (OverviewPage) editor.findPage(OverviewPage.ID);
        UiTesting.waitUntil("the editor shows them", () -> ((Text) overview.field("name")).getText().equals(undone.getName()));
        assertFalse(editor.hasChanges(), "shown as stored, nothing to save");
        UiTesting.screenshot("customer-edit-undone");

        assertTrue(Undo.history().redo(Undo.context(), null, null).isOK());
        assertEquals("华南", service.find(c.getId()).orElseThrow().getRegion());
        assertEquals("回改编辑" + unique + "新名", ((Text) overview.field("name")).getText());
    }

    @Test
    void anUndoAfterSomeoneElseChangedTheCustomerSaysSoAndWritesNothing() throws Exception {
        Customer c = service.create(new Customer("回改冲突" + unique));
        editAndSave(c, "回改冲突" + unique + "我的", "华南");
        Customer theirs = service.find(c.getId()).orElseThrow();
        theirs.setRegion("华北");
        service.update(theirs); // someone else's save after mine

        IStatus status = Undo.history().undo(Undo.context(), null, null);
        assertEquals(IStatus.ERROR, status.getSeverity(), status.toString());
        assertTrue(status.getMessage().contains("回改冲突" + unique + "我的") && status.getMessage().contains("changed"), status.getMessage());
        Customer stored = service.find(c.getId()).orElseThrow();
        assertEquals("华北", stored.getRegion(), "their change stays");
        assertEquals("回改冲突" + unique + "我的", stored.getName(), "my save stays: nothing was undone");
    }
}
