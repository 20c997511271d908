package org.salesbench.customers.ui.internal;

import org.salesbench.ui.forms.Tables;
import java.util.Map;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.ui.forms.Formats;

/** The people at the customer; edits are saved with the customer. */
public class ContactsPage extends FormPage implements CustomerEditor.ValidatingPage, org.salesbench.ui.forms.RecordSelection {

    public static final String ID = "org.salesbench.customers.ui.editor.contacts";

    private final CustomerEditor editor;
    private TableViewer viewer;

    public ContactsPage(CustomerEditor editor) {
        super(editor, ID, Messages.Editor_contacts);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        FormToolkit toolkit = managedForm.getToolkit();
        managedForm.getForm().setText(Messages.Editor_contacts);
        toolkit.decorateFormHeading(managedForm.getForm().getForm());
        Composite body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(2, false));
        viewer = Tables.create(body);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.column(viewer, Contact.class, Messages.Contact_name, 120, c -> (c.isPrimary() ? "★ " : "") + c.getName());
        Tables.column(viewer, Contact.class, Messages.Contact_title, 110, c -> Formats.text(c.getTitle()));
        Tables.column(viewer, Contact.class, Messages.Contact_department, 100, c -> Formats.text(c.getDepartment()));
        Tables.column(viewer, Contact.class, Messages.Contact_phones, 170, c -> String.join(", ", c.getPhones()));
        Tables.column(viewer, Contact.class, Messages.Contact_emails, 200, c -> String.join(", ", c.getEmails()));
        Tables.column(viewer, Contact.class, Messages.Contact_role, 100, c -> Labels.role(c.getDecisionRole()));
        viewer.addDoubleClickListener(e -> edit());
        Composite buttons = toolkit.createComposite(body);
        buttons.setLayout(new GridLayout(1, true));
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        button(toolkit, buttons, Messages.Action_add).addListener(SWT.Selection, e -> add());
        button(toolkit, buttons, Messages.Action_edit).addListener(SWT.Selection, e -> edit());
        button(toolkit, buttons, Messages.Action_remove).addListener(SWT.Selection, e -> remove());
        reload(editor.customer());
    }

    private Button button(FormToolkit toolkit, Composite parent, String text) {
        Button b = toolkit.createButton(parent, text, SWT.PUSH);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return b;
    }

    private void add() {
        Contact contact = new Contact();
        if (new ContactDialog(getSite().getShell(), contact).open() == Window.OK) {
            editor.customer().addContact(contact);
            changed();
        }
    }

    private void edit() {
        if (((IStructuredSelection) viewer.getSelection()).getFirstElement() instanceof Contact contact
                && new ContactDialog(getSite().getShell(), contact).open() == Window.OK) {
            changed();
        }
    }

    private void remove() {
        if (((IStructuredSelection) viewer.getSelection()).getFirstElement() instanceof Contact contact) {
            editor.customer().getContacts().remove(contact);
            editor.customer().getActivities().stream().filter(a -> a.getContact() == contact).forEach(a -> a.setContact(null));
            changed();
        }
    }

    private void changed() {
        viewer.refresh();
        editor.markDirty();
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        if (getManagedForm() != null) {
            String first = errors.entrySet().stream().filter(e -> e.getKey().startsWith("contacts")).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            getManagedForm().getForm().setMessage(first, first == null ? 0 : org.eclipse.jface.dialogs.IMessageProvider.ERROR);
        }
    }

    @Override
    public void reload(Customer customer) {
        if (viewer != null) {
            viewer.setInput(customer.getContacts());
        }
    }

    /** Edit › Show History on the selected contact (a saved one: a contact added but not saved has none yet). */
    @Override
    public java.util.Optional<org.salesbench.ui.forms.SelectedRecord> selectedRecord() {
        if (viewer == null || viewer.getTable().isDisposed() || !(viewer.getStructuredSelection().getFirstElement() instanceof Contact c)
                || c.getId() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new org.salesbench.ui.forms.SelectedRecord(Contact.ENTITY, c.getId(), c.getName()));
    }
}
