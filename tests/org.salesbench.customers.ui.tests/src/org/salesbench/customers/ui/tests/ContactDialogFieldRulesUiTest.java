package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.Contact;
import org.salesbench.customers.ui.internal.ContactDialog;
import org.salesbench.customers.ui.internal.Messages;
import org.salesbench.ui.Services;
import org.salesbench.ui.testing.UiTesting;

/**
 * The contact dialog (the customer editor's Contacts page) under the user's field rules for contacts, in the real
 * workbench: a hidden field is not shown, nor its label; a read-only one cannot be changed; OK writes back only the
 * fields the user may edit. The same dialog with no rules shows and takes every field.
 */
class ContactDialogFieldRulesUiTest {

    private final Map<String, FieldAccess> contactRules = new HashMap<>();
    private ServiceRegistration<SecurityService> registration;

    @BeforeEach
    void putRulesInFront() {
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
                return Contact.ENTITY.equals(entity) ? Map.copyOf(contactRules) : Map.of();
            }
        };
        BundleContext context = FrameworkUtil.getBundle(ContactDialog.class).getBundleContext();
        registration = context.registerService(SecurityService.class, rules, new Hashtable<>(Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE)));
        assertSame(rules, Services.get(SecurityService.class), "the workbench asks the test's rules");
    }

    @AfterEach
    void removeRules() {
        registration.unregister();
        UiTesting.processEvents();
    }

    @Test
    void hiddenContactFieldsAreNotShownAndReadOnlyOnesCannotBeChanged() {
        contactRules.putAll(Map.of("phones", FieldAccess.HIDDEN, "title", FieldAccess.READ, "decisionRole", FieldAccess.READ,
                "emails", FieldAccess.HIDDEN));
        Contact contact = contact(); // as the service hands it out: hidden phones and e-mails blank
        contact.getPhones().clear();
        contact.getEmails().clear();
        ContactDialog dialog = open(contact);
        Shell shell = dialog.getShell();
        try {
            assertFalse(dialog.field("phones").getVisible(), "hidden phones are not shown");
            assertFalse(dialog.field("emails").getVisible(), "nor hidden e-mails");
            assertTrue(UiTesting.find(shell, Label.class, l -> Messages.Contact_phonesOnePerLine.equals(l.getText()) && l.getVisible()).isEmpty(),
                    "nor the phones' label");
            assertTrue(UiTesting.find(shell, Label.class, l -> Messages.Contact_emailsOnePerLine.equals(l.getText()) && l.getVisible()).isEmpty(),
                    "nor the e-mails' label");
            assertFalse(((Text) dialog.field("title")).getEditable(), "a read-only title cannot be typed in");
            assertEquals("采购总监", ((Text) dialog.field("title")).getText(), "but it shows");
            assertFalse(dialog.field("decisionRole").isEnabled(), "a read-only decision role cannot be changed");
            assertTrue(((Text) dialog.field("name")).getEditable() && dialog.field("name").getVisible(), "other fields as ever");
            assertTrue(dialog.field("department").getVisible() && dialog.field("primary").isEnabled());
            UiTesting.screenshot("contact-dialog-field-rules");

            UiTesting.type((Text) dialog.field("name"), "王总");
            UiTesting.type((Text) dialog.field("department"), "采购部");
            ((Text) dialog.field("title")).setText("篡改"); // even a program's change to a locked field is not written back
            UiTesting.click(UiTesting.button(shell, IDialogConstants.OK_LABEL));
        } finally {
            closeIfOpen(shell);
        }
        assertEquals("王总", contact.getName(), "an editable field is written back");
        assertEquals("采购部", contact.getDepartment());
        assertEquals("采购总监", contact.getTitle(), "a read-only field keeps its value");
        assertEquals("DECISION_MAKER", contact.getDecisionRole());
        assertEquals(List.of(), contact.getPhones(), "a hidden field stays as the service handed it out (blank, kept in the database)");
    }

    @Test
    void withoutRulesEveryFieldIsShownAndEditable() {
        Contact contact = contact();
        ContactDialog dialog = open(contact);
        Shell shell = dialog.getShell();
        try {
            for (String field : List.of("name", "title", "department", "phones", "emails")) {
                assertTrue(dialog.field(field).getVisible() && ((Text) dialog.field(field)).getEditable(), field);
            }
            assertTrue(dialog.field("decisionRole").isEnabled() && dialog.field("primary").isEnabled());
            UiTesting.type((Text) dialog.field("title"), "总经理");
            UiTesting.type((Text) dialog.field("phones"), "13911112222\n13933334444");
            UiTesting.click(UiTesting.button(shell, IDialogConstants.OK_LABEL));
        } finally {
            closeIfOpen(shell);
        }
        assertEquals("总经理", contact.getTitle());
        assertEquals(List.of("13911112222", "13933334444"), contact.getPhones());
    }

    private static Contact contact() {
        Contact contact = new Contact("王经理");
        contact.setTitle("采购总监");
        contact.setDecisionRole("DECISION_MAKER");
        contact.getPhones().add("13812345678");
        contact.getEmails().add("wang@example.cn");
        return contact;
    }

    private static ContactDialog open(Contact contact) {
        ContactDialog dialog = new ContactDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), contact);
        dialog.setBlockOnOpen(false);
        dialog.open();
        UiTesting.processEvents();
        return dialog;
    }

    private static void closeIfOpen(Shell shell) {
        if (shell != null && !shell.isDisposed()) {
            shell.close();
        }
        UiTesting.processEvents();
    }
}
