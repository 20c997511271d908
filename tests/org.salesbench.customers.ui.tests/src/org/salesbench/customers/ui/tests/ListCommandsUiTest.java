package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.CustomersView;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.testing.UiTesting;

/**
 * The Edit menu's commands reach the Customers list through their keys, typed as a user types them (key events
 * posted to the display, XTest under X11, so the workbench's key bindings run): Delete deletes the selected customer
 * after the confirmation, Ctrl+Z takes it back out of the recycle bin and the history redoes it; Ctrl+A selects every
 * row and Ctrl+C copies them; Delete in the search box never deletes a record.
 */
class ListCommandsUiTest {

    private IWorkbenchPage page;
    private CustomerService service;
    private String unique;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        service = Services.get(CustomerService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    private CustomersView listing(String text, int rows) throws Exception {
        CustomersView view = (CustomersView) page.showView(CustomersView.ID);
        page.activate(view);
        UiTesting.type(view.searchBox(), text);
        UiTesting.waitForJobs(CustomersView.FAMILY);
        // the rows of this filter, not those of one run on part of the typed text with as many rows
        UiTesting.waitUntil(rows + " rows for " + text, () -> view.rowCount() == rows
                && (rows == 0 || view.rowData(0) != null && view.grid().shownText(0, "name").contains(text)));
        return view;
    }

    /** Gives the list's table the keyboard focus, as a click on it would. */
    private static void focus(CustomersView view) {
        view.getSite().getShell().forceActive();
        UiTesting.processEvents();
        view.listControl().setFocus();
        UiTesting.waitUntil("the table focused", () -> view.listControl().isFocusControl());
    }

    /** Types a key, with Ctrl ({@code SWT.MOD1}) held or not, through the display: the toolkit's own key events. */
    private static void press(int modifier, char key) {
        Display display = Display.getCurrent();
        if (modifier != 0) {
            post(display, SWT.KeyDown, SWT.CTRL, '\0');
        }
        int code = key == SWT.DEL ? SWT.DEL : 0; // the Delete key by its key code: GTK has no character for it
        post(display, SWT.KeyDown, code, key);
        post(display, SWT.KeyUp, code, key);
        if (modifier != 0) {
            post(display, SWT.KeyUp, SWT.CTRL, '\0');
        }
        UiTesting.processEvents();
    }

    private static void post(Display display, int type, int keyCode, char character) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        if (!display.post(event)) {
            throw new AssertionError("the display takes no posted key events");
        }
    }

    @Test
    void theDeleteKeyDeletesTheSelectedCustomerAndCtrlZBringsItBack() throws Exception {
        Customer c = service.create(new Customer("撤销测试" + unique + "有限公司"));
        CustomersView view = listing("撤销测试" + unique, 1);
        // a filter run on part of the typed text can list one other customer of this class first: wait for this one
        UiTesting.waitUntil("the list shows " + c.getName(), () -> view.rowCount() == 1
                && c.getName().equals(view.grid().shownText(0, "name")));
        view.selectListRow(0);
        focus(view);

        UiTesting.DialogAnswer confirmed = UiTesting.whenDialogOpens("Delete", shell -> {
            assertTrue(UiTesting.shownText(shell).contains(c.getName()), UiTesting.shownText(shell));
            UiTesting.click(shell, "OK");
        });
        List<String> keys = new ArrayList<>();
        Listener seen = e -> keys.add("key " + (int) e.character + "/" + e.keyCode + " on " + e.widget);
        Display.getCurrent().addFilter(SWT.KeyDown, seen);
        try {
            press(0, SWT.DEL);
            UiTesting.waitUntil("the confirmation answered", confirmed::answered, 10_000);
        } catch (AssertionError e) {
            var delete = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand("org.eclipse.ui.edit.delete");
            throw new AssertionError(e.getMessage() + "; keys seen: " + keys + "; Delete handled " + delete.isHandled() + ", enabled "
                    + delete.isEnabled() + "; focus " + Display.getCurrent().getFocusControl() + "; selected " + view.grid().selectedRowIndexes().length, e);
        } finally {
            Display.getCurrent().removeFilter(SWT.KeyDown, seen);
        }
        confirmed.assertAnswered();
        UiTesting.waitUntil("the customer deleted", () -> service.find(c.getId()).isEmpty());
        UiTesting.waitForJobs(CustomersView.FAMILY);
        UiTesting.waitUntil("the row gone from the list", () -> view.rowCount() == 0);
        UiTesting.waitUntil("the delete on the undo history",
                () -> Undo.history().getUndoOperation(Undo.context()) != null
                        && Undo.history().getUndoOperation(Undo.context()).getLabel().contains(c.getName()));

        focus(view);
        press(SWT.MOD1, 'z');
        UiTesting.waitUntil("the customer restored by Ctrl+Z", () -> service.find(c.getId()).isPresent());
        UiTesting.waitUntil("the row back in the list", () -> view.rowCount() == 1);
        assertTrue(Undo.history().canRedo(Undo.context()), "the delete can be done again");

        Undo.history().redo(Undo.context(), null, null);
        assertTrue(service.find(c.getId()).isEmpty(), "redone: deleted again");
        Undo.history().undo(Undo.context(), null, null);
        assertEquals(c.getName(), service.find(c.getId()).orElseThrow().getName(), "and back again");
    }

    @Test
    void ctrlASelectsEveryRowCtrlCCopiesThemAndDeleteInTheSearchBoxDeletesNoRecord() throws Exception {
        Customer a = service.create(new Customer("复制测试" + unique + "甲公司"));
        Customer b = service.create(new Customer("复制测试" + unique + "乙公司"));
        CustomersView view = listing("复制测试" + unique, 2);
        focus(view);
        press(SWT.MOD1, 'a');
        UiTesting.waitUntil("every row selected", () -> view.grid().selectedRowIndexes().length == 2);
        press(SWT.MOD1, 'c');
        Clipboard clipboard = new Clipboard(Display.getCurrent());
        try {
            String copied = (String) clipboard.getContents(TextTransfer.getInstance());
            assertTrue(copied != null && copied.startsWith("Name\t"), "the column headers first: " + copied);
            assertTrue(copied.contains(a.getName()) && copied.contains(b.getName()), copied);
            assertEquals(3, copied.split("\\R").length, copied);
        } finally {
            clipboard.dispose();
        }

        // the search box has the focus and its caret is at the end: Delete has nothing to delete there, and deletes no record
        view.searchBox().setFocus();
        view.searchBox().setSelection(view.searchBox().getText().length());
        UiTesting.waitUntil("the search box focused", () -> view.searchBox().isFocusControl());
        press(0, SWT.DEL);
        UiTesting.processEvents();
        assertFalse(UiTesting.shell("Delete").isPresent(), "no confirmation opened");
        assertTrue(service.find(a.getId()).isPresent() && service.find(b.getId()).isPresent());
    }
}
