package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.ui.internal.CustomersView;
import org.salesbench.ui.testing.UiTesting;

/** F1 in the Customers list opens the user guide on the customers' page. */
class ContextHelpUiTest {

    private static final String GUIDE = "org.salesbench.ui.views.guide";
    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

    @AfterEach
    void closeTheGuide() {
        IViewPart guide = page.findView(GUIDE);
        if (guide != null) {
            page.hideView(guide);
        }
    }

    @Test
    void f1InTheCustomersListShowsTheGuidesPageOnCustomers() throws Exception {
        closeTheGuide();
        CustomersView view = (CustomersView) page.showView(CustomersView.ID);
        page.activate(view);
        view.getSite().getShell().forceActive();
        UiTesting.processEvents();
        view.listControl().setFocus();
        UiTesting.waitUntil("the table focused", () -> view.listControl().isFocusControl());
        for (int type : new int[] {SWT.KeyDown, SWT.KeyUp}) {
            Event key = new Event();
            key.type = type;
            key.keyCode = SWT.F1;
            assertTrue(Display.getCurrent().post(key), "the display takes posted keys");
        }
        UiTesting.waitUntil("the guide open", () -> page.findView(GUIDE) != null);
        IViewPart guide = page.findView(GUIDE);
        assertNotNull(guide);
        List<StyledText> pages = UiTesting.find(view.getSite().getShell(), StyledText.class, t -> t.getText().startsWith("Customers\n"));
        assertTrue(pages.size() == 1, "the guide's page on customers is shown: "
                + UiTesting.find(view.getSite().getShell(), StyledText.class, t -> true).stream().map(t -> t.getText().lines().findFirst().orElse("")).toList());
        String text = pages.get(0).getText();
        assertTrue(text.contains("The public pool") && text.contains("Ctrl+Z"), text);
        assertTrue(page.isPartVisible(view), "the list stays in view beside the guide");
    }
}
