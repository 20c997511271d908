package org.salesbench.customers.ui.internal;

import java.util.Arrays;

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
import org.salesbench.core.validation.Validator;
import org.salesbench.customers.Contact;
import org.salesbench.customers.DecisionRole;

/** Edits one contact: name, title, department, several phones and e-mails, decision role, primary. */
public class ContactDialog extends TitleAreaDialog {

    private final Contact contact;
    private Text name;
    private Text title;
    private Text department;
    private Text phones;
    private Text emails;
    private Combo role;
    private Button primary;

    public ContactDialog(Shell parent, Contact contact) {
        super(parent);
        this.contact = contact;
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
        name = field(c, Messages.Contact_name, contact.getName(), SWT.SINGLE);
        title = field(c, Messages.Contact_title, contact.getTitle(), SWT.SINGLE);
        department = field(c, Messages.Contact_department, contact.getDepartment(), SWT.SINGLE);
        phones = field(c, Messages.Contact_phonesOnePerLine, String.join("\n", contact.getPhones()), SWT.MULTI);
        emails = field(c, Messages.Contact_emailsOnePerLine, String.join("\n", contact.getEmails()), SWT.MULTI);
        new Label(c, SWT.NONE).setText(Messages.Contact_role);
        role = new Combo(c, SWT.READ_ONLY);
        role.add("");
        Arrays.stream(DecisionRole.values()).map(Labels::of).forEach(role::add);
        role.select(contact.getDecisionRole() == null ? 0 : contact.getDecisionRole().ordinal() + 1);
        new Label(c, SWT.NONE);
        primary = new Button(c, SWT.CHECK);
        primary.setText(Messages.Contact_primary);
        primary.setSelection(contact.isPrimary());
        return area;
    }

    private Text field(Composite parent, String label, String value, int style) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER | style | (style == SWT.MULTI ? SWT.V_SCROLL : 0));
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 320;
        if (style == SWT.MULTI) {
            data.heightHint = 50;
        }
        text.setLayoutData(data);
        text.setText(value == null ? "" : value);
        text.addModifyListener(e -> check());
        return text;
    }

    /** The same rules the service applies, shown before the customer is saved. */
    private void check() {
        Validator v = new Validator();
        v.required("name", Messages.Contact_name, name.getText());
        lines(phones).forEach(p -> v.phone("phones", Messages.Contact_phones, p));
        lines(emails).forEach(e -> v.email("emails", Messages.Contact_emails, e));
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
        contact.setName(name.getText().strip());
        contact.setTitle(title.getText().isBlank() ? null : title.getText().strip());
        contact.setDepartment(department.getText().isBlank() ? null : department.getText().strip());
        contact.getPhones().clear();
        contact.getPhones().addAll(lines(phones));
        contact.getEmails().clear();
        contact.getEmails().addAll(lines(emails));
        contact.setDecisionRole(role.getSelectionIndex() <= 0 ? null : DecisionRole.values()[role.getSelectionIndex() - 1]);
        contact.setPrimary(primary.getSelection());
        super.okPressed();
    }

    @Override
    protected boolean isResizable() {
        return true;
    }
}
