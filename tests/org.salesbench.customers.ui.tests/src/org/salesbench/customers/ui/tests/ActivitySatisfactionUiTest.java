package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.ActivitiesPage;
import org.salesbench.customers.ui.internal.CustomerEditor;
import org.salesbench.ui.Services;
import org.salesbench.ui.testing.UiTesting;

/**
 * The customer's satisfaction with an activity (1 to 5), which the performance module's customer satisfaction KPI
 * averages: chosen when the activity is logged, changed later from the timeline, a bad rating refused in the dialog.
 */
class ActivitySatisfactionUiTest {

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        UiTesting.processEvents();
    }

    @Test
    void aRatingIsLoggedWithTheActivityAndChangedFromTheTimeline() throws Exception {
        CustomerService service = Services.get(CustomerService.class);
        Customer c = service.create(new Customer("满意度 " + UUID.randomUUID().toString().substring(0, 6)));
        CustomerEditor editor = CustomerEditor.open(page, c.getId(), c.getName());
        editor.setActivePage(ActivitiesPage.ID);
        ActivitiesPage activities = (ActivitiesPage) editor.findPage(ActivitiesPage.ID);
        UiTesting.waitUntil("the activities page", () -> activities.getPartControl() != null);
        Composite body = (Composite) activities.getPartControl();

        UiTesting.DialogAnswer logged = UiTesting.whenDialogOpens("Log activity…", shell -> {
            UiTesting.type(UiTesting.labelled(shell, "Summary", Text.class), "回访");
            UiTesting.choose(UiTesting.labelled(shell, "Customer satisfaction", Combo.class), "4 - satisfied");
            UiTesting.click(UiTesting.button(shell, "OK"));
        });
        UiTesting.click(body, "Log activity…");
        logged.assertAnswered();
        assertEquals(4, service.find(c.getId()).orElseThrow().getActivities().get(0).getSatisfaction());
        assertEquals("4 - satisfied", activities.shownSatisfaction(0));

        // nothing selected: told to select first
        UiTesting.DialogAnswer selectFirst = UiTesting.whenDialogOpens("Rate satisfaction…", shell -> {
            assertTrue(UiTesting.shownText(shell).contains("Select an activity"), UiTesting.shownText(shell));
            UiTesting.click(shell, "OK");
        });
        UiTesting.find(body, Table.class, t -> true).get(0).deselectAll();
        UiTesting.click(body, "Rate satisfaction…");
        selectFirst.assertAnswered();

        UiTesting.selectRow(UiTesting.find(body, Table.class, t -> true).get(0), 0);
        UiTesting.DialogAnswer rated = UiTesting.whenDialogOpens("Rate satisfaction…", shell -> {
            Text rating = UiTesting.find(shell, Text.class, t -> t.getEditable() && !t.getText().contains("\"")).get(0);
            assertEquals("4", rating.getText());
            Button ok = UiTesting.button(shell, "OK");
            UiTesting.type(rating, "4.5");
            assertFalse(ok.isEnabled(), "4.5 is not a rating");
            assertTrue(UiTesting.find(shell, Text.class, t -> t.getText().contains("\"4.5\" is not a rating")).size() == 1, "the dialog says why");
            UiTesting.type(rating, "5");
            assertTrue(ok.isEnabled());
            UiTesting.click(ok);
        });
        UiTesting.click(body, "Rate satisfaction…");
        rated.assertAnswered();
        assertEquals(5, service.find(c.getId()).orElseThrow().getActivities().get(0).getSatisfaction());
        assertEquals("5 - very satisfied", activities.shownSatisfaction(0));

        UiTesting.selectRow(UiTesting.find(body, Table.class, t -> true).get(0), 0);
        UiTesting.DialogAnswer cleared = UiTesting.whenDialogOpens("Rate satisfaction…", shell -> {
            UiTesting.type(UiTesting.find(shell, Text.class, t -> t.getEditable() && !t.getText().contains("\"")).get(0), "");
            UiTesting.click(UiTesting.button(shell, "OK"));
        });
        UiTesting.click(body, "Rate satisfaction…");
        cleared.assertAnswered();
        assertNull(service.find(c.getId()).orElseThrow().getActivities().get(0).getSatisfaction());
        assertEquals("", activities.shownSatisfaction(0));
    }
}
