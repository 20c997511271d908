package org.salesbench.addons.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.Command;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.api.Test;

/** p2's user interface in the workbench: Help › Install New Software… is there, as a person opens the menu, with a handler. */
class InstallNewSoftwareMenuTest {

    private static final String INSTALL = "org.eclipse.equinox.p2.ui.sdk.install";

    @Test
    void theHelpMenuOffersInstallNewSoftware() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Menu bar = window.getShell().getMenuBar();
        assertNotNull(bar, "the window has a menu bar");
        Menu help = null;
        List<String> menus = new ArrayList<>();
        for (MenuItem item : bar.getItems()) {
            String text = item.getText().replace("&", "");
            menus.add(text);
            if (text.equals("Help")) {
                help = item.getMenu();
            }
        }
        assertNotNull(help, "a Help menu among " + menus);
        help.notifyListeners(SWT.Show, new Event()); // fills the menu as opening it does
        List<String> items = new ArrayList<>();
        for (MenuItem item : help.getItems()) {
            items.add(item.getText().replace("&", ""));
        }
        help.notifyListeners(SWT.Hide, new Event());
        assertTrue(items.stream().anyMatch(text -> text.startsWith("Install New Software")), "Help menu: " + items);

        Command install = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(INSTALL);
        assertTrue(install.isDefined(), "the command " + INSTALL + " is defined");
        assertTrue(install.isHandled(), "the command " + INSTALL + " has a handler");
    }
}
