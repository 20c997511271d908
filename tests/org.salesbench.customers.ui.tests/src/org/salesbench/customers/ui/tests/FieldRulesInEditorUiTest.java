package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.Map;
import java.util.UUID;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.internal.CustomerEditor;
import org.salesbench.customers.ui.internal.Messages;
import org.salesbench.customers.ui.internal.OverviewPage;
import org.salesbench.ui.Services;
import org.salesbench.ui.testing.UiTesting;

/**
 * The customer editor under field rules, in the real workbench: the embedded database's owner has every right, so
 * the test puts a security service whose rules hide a customer's notes and make its grade and credit code read-only
 * in front of it (the highest ranking), opens an editor, and looks at the fields.
 */
class FieldRulesInEditorUiTest {

    @Test
    void aHiddenFieldIsNotShownAndAReadOnlyFieldCannotBeChanged() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        Customer c = Services.get(CustomerService.class).create(new Customer("Fields " + UUID.randomUUID().toString().substring(0, 6)));
        SecurityService rules = new SecurityService() {
            @Override
            public CurrentUser currentUser() {
                return new CurrentUser("intern", "Intern");
            }

            @Override
            public boolean isPermitted(Action action, String entity, String owner) {
                return true;
            }

            @Override
            public Map<String, FieldAccess> fieldRules(String entity) {
                return Customer.ENTITY.equals(entity)
                        ? Map.of("notes", FieldAccess.HIDDEN, "grade", FieldAccess.READ, "creditCode", FieldAccess.READ)
                        : Map.of();
            }
        };
        BundleContext context = FrameworkUtil.getBundle(OverviewPage.class).getBundleContext();
        ServiceRegistration<SecurityService> registration = context.registerService(SecurityService.class, rules,
                new Hashtable<>(Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE)));
        try {
            assertSame(rules, Services.get(SecurityService.class), "the workbench asks the test's rules");
            CustomerEditor editor = CustomerEditor.open(page, c.getId(), c.getName());
            OverviewPage overview = (OverviewPage) editor.findPage(OverviewPage.ID);
            UiTesting.waitUntil("the overview's fields", () -> overview.field("notes") != null);
            assertFalse(overview.field("notes").getVisible(), "hidden notes are not shown");
            assertTrue(UiTesting.find(overview.getManagedForm().getForm().getBody(), Label.class,
                    l -> Messages.Field_notes.equals(l.getText()) && l.getVisible()).isEmpty(), "nor is their label");
            assertFalse(((Text) overview.field("creditCode")).getEditable(), "a read-only text cannot be typed in");
            assertFalse(overview.field("grade").isEnabled(), "a read-only choice cannot be changed");
            assertTrue(((Text) overview.field("name")).getEditable() && overview.field("name").getVisible(), "other fields as ever");
            assertTrue(overview.field("needs").getVisible());
            UiTesting.screenshot("customer-editor-field-rules");
            assertEquals(false, editor.isDirty());
        } finally {
            page.closeAllEditors(false);
            registration.unregister();
            UiTesting.processEvents();
        }
    }
}
