package org.salesbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.salesbench.ui.internal.about.Libraries;
import org.salesbench.ui.testing.UiTesting;

/** Help › About names the version and every bundled library's licence; Ctrl+3 opens Quick Access; the Edit menu's commands. */
class AboutAndKeysUiTest {

    private final IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();

    @Test
    void theAboutDialogShowsTheVersionAndTheLibrariesLicences() throws Exception {
        String version = FrameworkUtil.getBundle(Libraries.class).getVersion().toString();
        UiTesting.DialogAnswer about = UiTesting.whenDialogOpens("About Salesbench", shell -> {
            assertTrue(UiTesting.shownText(shell).contains("Salesbench " + version), UiTesting.shownText(shell));
            Table libraries = UiTesting.find(shell, Table.class, t -> true).get(0);
            List<String> rows = Arrays.stream(libraries.getItems()).map(i -> i.getText(0) + " | " + i.getText(1) + " | " + i.getText(2)).toList();
            // EclipseLink and Derby state their licences in their manifests, the platform's bundles in about.html
            assertTrue(rows.stream().anyMatch(r -> r.contains("(org.eclipse.persistence.core)") && r.contains("Eclipse Public License 2.0")), String.join("\n", rows));
            assertTrue(rows.stream().anyMatch(r -> r.contains("(org.apache.derby") && r.contains("Apache License 2.0")), String.join("\n", rows));
            assertTrue(rows.stream().anyMatch(r -> r.contains("(org.eclipse.ui.workbench)") && r.contains("Eclipse Public License 2.0")), String.join("\n", rows));
            assertTrue(rows.stream().noneMatch(r -> r.contains("(org.salesbench.")), "only libraries, not Salesbench's own bundles");
            long known = Arrays.stream(libraries.getItems()).map((TableItem i) -> i.getText(2)).filter(l -> !l.equals("see the bundle")).count();
            assertTrue(known * 10 >= libraries.getItemCount() * 8, "most licences are named: " + known + " of " + libraries.getItemCount()
                    + "\n" + String.join("\n", rows));
            UiTesting.click(shell, "Close");
        });
        MenuItem item = Arrays.stream(menu("Help").getItems()).filter(i -> UiTesting.plain(i.getText()).equals("About Salesbench"))
                .findFirst().orElseThrow();
        item.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        about.assertAnswered();
    }

    @Test
    void ctrl3IsBoundToQuickAccess() {
        // the scheme's bindings, whatever contexts are active now (a dialog of another test may hold the focus)
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        assertTrue(keysOf(bindings, "org.eclipse.ui.window.quickAccess").contains("Ctrl+3"), "Quick Access keys: "
                + keysOf(bindings, "org.eclipse.ui.window.quickAccess"));
        assertTrue(keysOf(bindings, "org.eclipse.ui.edit.delete").contains("Delete"), "Delete keys: " + keysOf(bindings, "org.eclipse.ui.edit.delete"));
    }

    private static List<String> keysOf(IBindingService bindings, String commandId) {
        return Arrays.stream(bindings.getBindings()).filter(b -> b.getParameterizedCommand() != null
                && commandId.equals(b.getParameterizedCommand().getId())).map(b -> b.getTriggerSequence().format()).toList();
    }

    /** The menu bar's menu {@code label}, filled as when it opens. */
    private Menu menu(String label) {
        Menu menu = Arrays.stream(window.getShell().getMenuBar().getItems()).filter(i -> UiTesting.plain(i.getText()).equals(label))
                .map(MenuItem::getMenu).findFirst().orElseThrow();
        menu.notifyListeners(org.eclipse.swt.SWT.Show, new org.eclipse.swt.widgets.Event());
        return menu;
    }

    @Test
    void theEditMenuHoldsTheCommands() {
        Menu edit = menu("Edit");
        List<String> labels = Arrays.stream(edit.getItems()).map(i -> UiTesting.plain(i.getText()).split("\t")[0]).toList();
        edit.notifyListeners(org.eclipse.swt.SWT.Hide, new org.eclipse.swt.widgets.Event());
        assertTrue(labels.containsAll(List.of("Undo", "Redo", "Copy", "Delete", "Select All", "New…", "Refresh")), labels.toString());
    }
}
