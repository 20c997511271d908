package org.salesbench.ui.internal.help;

import java.io.IOException;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.salesbench.ui.internal.preferences.UiPreferences;

/**
 * The first start shows the guide's Welcome page beside the Customers list, once: {@code ./salesbench} asks for it with
 * {@code -Dsalesbench.welcome=true} (tests and the smoke test do not), and the preference {@code welcome.shown} of the
 * configuration remembers it was shown.
 */
public final class Welcome {

    public static final String PROPERTY = "salesbench.welcome";
    static final String SHOWN = "welcome.shown";

    private Welcome() {
    }

    public static void showOnFirstStart(IWorkbenchWindow window) {
        if (!Boolean.getBoolean(PROPERTY) || UiPreferences.store().getBoolean(SHOWN)) {
            return;
        }
        try {
            GuideView view = (GuideView) window.getActivePage().showView(GuideView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
            view.show(Guide.WELCOME);
        } catch (PartInitException e) {
            return; // no welcome is no reason to fail the start
        }
        UiPreferences.store().setValue(SHOWN, true);
        try {
            UiPreferences.store().save();
        } catch (IOException e) {
            System.err.println("salesbench: " + e.getMessage());
        }
    }
}
