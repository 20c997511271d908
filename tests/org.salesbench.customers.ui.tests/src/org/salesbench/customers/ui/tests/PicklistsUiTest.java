package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Hashtable;
import java.util.Map;
import java.util.UUID;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.CustomerEditor;
import org.salesbench.customers.ui.internal.OverviewPage;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;
import org.salesbench.ui.Services;
import org.salesbench.ui.internal.preferences.PicklistsPreferencePage;
import org.salesbench.ui.testing.UiTesting;

/**
 * Preferences › Picklists in the real workbench: the database's owner (an administrator) adds an industry, which the
 * customer editor's industry combo then offers in the user's language and saves as its code; a user whose roles do not
 * reach picklists sees the page read-only and cannot add.
 */
class PicklistsUiTest {

    private static final String PAGE = "org.salesbench.ui.preferences.picklists";

    private static PreferenceDialog openPage() {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                PAGE, new String[] {PAGE}, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        UiTesting.processEvents();
        return dialog;
    }

    @Test
    void anAddedIndustryIsOfferedByTheCustomerEditorAndSavedAsItsCode() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        PreferenceDialog dialog = openPage();
        try {
            PicklistsPreferencePage page = (PicklistsPreferencePage) dialog.getSelectedPage();
            assertNotNull(page, "the Picklists page is shown");
            assertTrue(page.editable(), "the owner of the embedded database is its administrator");
            assertEquals(Picklists.INDUSTRY, page.list(), "industry is shown first");
            int before = page.rows().size();
            assertTrue(page.addValue("Asteroid Mining " + unique, "小行星采矿" + unique), page.getErrorMessage());
            assertEquals(before + 1, page.rows().size());
            assertTrue(page.rows().stream().anyMatch(r -> r[1].equals("Asteroid Mining " + unique) && r[2].equals("小行星采矿" + unique)));
            assertFalse(page.addValue("asteroid mining " + unique, "另一个"), "a label the list has is refused");
            String refusal = page.getErrorMessage();
            assertTrue(refusal != null && refusal.toLowerCase().contains("asteroid mining " + unique.toLowerCase()), refusal);
            UiTesting.screenshot("preferences-picklists");
        } finally {
            dialog.close();
        }

        PicklistValue added = Services.get(Picklists.class).values(Picklists.INDUSTRY).stream()
                .filter(v -> v.labelEn().equals("Asteroid Mining " + unique)).findFirst().orElseThrow();
        IWorkbenchPage workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        CustomerService customers = Services.get(CustomerService.class);
        Customer c = customers.create(new Customer("Picklist " + unique));
        try {
            CustomerEditor editor = CustomerEditor.open(workbench, c.getId(), c.getName());
            OverviewPage overview = (OverviewPage) editor.findPage(OverviewPage.ID);
            UiTesting.waitUntil("the overview's fields", () -> overview.field("industry") != null);
            Combo industry = (Combo) overview.field("industry");
            assertTrue(Arrays.asList(industry.getItems()).contains(added.label()), Arrays.toString(industry.getItems()));
            assertTrue(Arrays.asList(industry.getItems()).contains(
                    Services.get(Picklists.class).label(Picklists.INDUSTRY, "TECHNOLOGY")), "the shipped values are offered too");
            UiTesting.choose(industry, added.label());
            assertTrue(editor.isDirty());
            workbench.saveEditor(editor, false);
            assertEquals(added.code(), customers.find(c.getId()).orElseThrow().getIndustry(), "the code is stored, not the label");
        } finally {
            workbench.closeAllEditors(false);
            UiTesting.processEvents();
        }
    }

    @Test
    void aUserWhoseRolesDoNotReachPicklistsSeesThemReadOnly() {
        SecurityService rep = new SecurityService() {
            @Override
            public CurrentUser currentUser() {
                return new CurrentUser("rep", "Rep");
            }

            @Override
            public boolean isPermitted(Action action, String entity, String owner) {
                return !Picklists.ENTITY.equals(entity) || action == Action.READ;
            }
        };
        BundleContext context = FrameworkUtil.getBundle(OverviewPage.class).getBundleContext();
        ServiceRegistration<SecurityService> registration = context.registerService(SecurityService.class, rep,
                new Hashtable<>(Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE)));
        PreferenceDialog dialog = null;
        try {
            dialog = openPage();
            PicklistsPreferencePage page = (PicklistsPreferencePage) dialog.getSelectedPage();
            assertFalse(page.editable());
            assertFalse(page.addButton().isEnabled(), "no Add button for them");
            assertEquals(IMessageProvider.WARNING, page.getMessageType(), "the page says why");
            int before = page.rows().size();
            assertTrue(before > 0, "they read the list");
            assertFalse(page.addValue("Refused " + UUID.randomUUID(), "拒绝"), "an add is refused");
            assertEquals(before, Services.get(Picklists.class).values(Picklists.INDUSTRY).size(), "nothing was written");
        } finally {
            if (dialog != null) {
                dialog.close();
            }
            registration.unregister();
            UiTesting.processEvents();
        }
    }
}
