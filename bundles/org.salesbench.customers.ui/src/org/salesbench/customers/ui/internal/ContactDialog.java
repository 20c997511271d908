package org.salesbench.customers.ui.internal;

import java.util.Arrays;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.Validator;
import org.salesbench.customers.Contact;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;
import org.salesbench.ui.Services;

/**
 * Edits one contact: name, title, department, several phones and e-mails, decision role, primary. The user's field
 * rules for contacts apply as in the customer editor: a field their roles hide is not shown (nor its label), one they
 * may only read cannot be changed, and OK writes back only the fields they may edit (the service keeps the others).
 */
public class ContactDialog extends TitleAreaDialog {

    private final Contact contact;
    private final Map<String, FieldAccess> rules;
    private final Map<String, Control> controls = new java.util.HashMap<>();
    private Text name;
    private Text title;
    private Text department;
    private Text phones;
    private Text emails;
    private Combo role;
    private java.util.List<PicklistValue> roles;
    private Button primary;

    public ContactDialog(Shell parent, Contact contact) {
        super(parent);
        this.contact = contact;
        this.rules = Services.get(SecurityService.class).fieldRules(Contact.ENTITY);
    }

    /** The widget of a contact's field ({@code name}, {@code phones}, {@code decisionRole}…), once the dialog is open. */
    public Control field(String fieldName) {
        return controls.get(fieldName);
    }

    private FieldAccess access(String fieldName) {
        return rules.getOrDefault(fieldName, FieldAccess.EDIT);
    }

    private boolean editable(String fieldName) {
        return access(fieldName) == FieldAccess.EDIT;
    }

    /** Applies the field's rule to its widget and the label before it. */
    private void register(String fieldName, Control control, Label label) {
        controls.put(fieldName, control);
        switch (access(fieldName)) {
        case HIDDEN -> {
            exclude(control);
            if (label != null) {
                exclude(label);
            }
        }
        case READ -> {
            if (control instanceof Text text) {
                text.setEditable(false);
            } else {
                control.setEnabled(false);
            }
        }
        default -> {
        }
        }
    }

    private static void exclude(Control control) {
        control.setVisible(false);
        GridData data = control.getLayoutData() instanceof GridData d ? d : new GridData();
        data.exclude = true;
        control.setLayoutData(data);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.Contact_dialogTitle);
        setMessage(Messages.Contact_dialogMessage);
        getShell().setText(Messages.Contact_dialogTitle);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        name = field(c, "name", Messages.Contact_name, contact.getName(), SWT.SINGLE);
        title = field(c, "title", Messages.Contact_title, contact.getTitle(), SWT.SINGLE);
        department = field(c, "department", Messages.Contact_department, contact.getDepartment(), SWT.SINGLE);
        phones = field(c, "phones", Messages.Contact_phonesOnePerLine, String.join("\n", contact.getPhones()), SWT.MULTI);
        emails = field(c, "emails", Messages.Contact_emailsOnePerLine, String.join("\n", contact.getEmails()), SWT.MULTI);
        Label roleLabel = new Label(c, SWT.NONE);
        roleLabel.setText(Messages.Contact_role);
        role = new Combo(c, SWT.READ_ONLY);
        role.add("");
        // the decisionRole picklist's active values (and the contact's own if no longer offered), by label
        roles = Industries.choices(Picklists.DECISION_ROLE, contact.getDecisionRole());
        roles.forEach(v -> role.add(v.label()));
        role.select(OverviewPage.industryIndex(roles, contact.getDecisionRole()));
        register("decisionRole", role, roleLabel);
        Label primaryLabel = new Label(c, SWT.NONE);
        primary = new Button(c, SWT.CHECK);
        primary.setText(Messages.Contact_primary);
        primary.setSelection(contact.isPrimary());
        register("primary", primary, primaryLabel);
        return area;
    }

    private Text field(Composite parent, String fieldName, String label, String value, int style) {
        Label caption = new Label(parent, SWT.NONE);
        caption.setText(label);
        Text text = new Text(parent, SWT.BORDER | style | (style == SWT.MULTI ? SWT.V_SCROLL : 0));
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 320;
        if (style == SWT.MULTI) {
            data.heightHint = 50;
        }
        text.setLayoutData(data);
        text.setText(value == null ? "" : value);
        text.addModifyListener(e -> check());
        register(fieldName, text, caption);
        return text;
    }

    /** The same rules the service applies, shown before the customer is saved. */
    private void check() {
        Validator v = new Validator();
        if (editable("name")) {
            v.required("name", Messages.Contact_name, name.getText());
        }
        if (editable("phones")) {
            lines(phones).forEach(p -> v.phone("phones", Messages.Contact_phones, p));
        }
        if (editable("emails")) {
            lines(emails).forEach(e -> v.email("emails", Messages.Contact_emails, e));
        }
        String error = v.isEmpty() ? null : v.errors().get(0).message();
        setErrorMessage(error);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(error == null);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    private static java.util.List<String> lines(Text text) {
        return Arrays.stream(text.getText().split("[\\r\\n,;]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    protected void okPressed() {
        // only what the user may edit: a hidden field's blank or a read-only value stays as the contact holds it
        if (editable("name")) {
            contact.setName(name.getText().strip());
        }
        if (editable("title")) {
            contact.setTitle(title.getText().isBlank() ? null : title.getText().strip());
        }
        if (editable("department")) {
            contact.setDepartment(department.getText().isBlank() ? null : department.getText().strip());
        }
        if (editable("phones")) {
            contact.getPhones().clear();
            contact.getPhones().addAll(lines(phones));
        }
        if (editable("emails")) {
            contact.getEmails().clear();
            contact.getEmails().addAll(lines(emails));
        }
        if (editable("decisionRole")) {
            contact.setDecisionRole(role.getSelectionIndex() <= 0 ? null : roles.get(role.getSelectionIndex() - 1).code());
        }
        if (editable("primary")) {
            contact.setPrimary(primary.getSelection());
        }
        super.okPressed();
    }

    @Override
    protected boolean isResizable() {
        return true;
    }
}
