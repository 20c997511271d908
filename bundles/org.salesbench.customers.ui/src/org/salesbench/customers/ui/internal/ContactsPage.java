package org.salesbench.customers.ui.internal;

import java.util.Map;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
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

/** The people at the customer; edits are saved with the customer. */
public class ContactsPage extends FormPage implements CustomerEditor.ValidatingPage {

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
        viewer = new TableViewer(body, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(Messages.Contact_name, 120, c -> (c.isPrimary() ? "★ " : "") + c.getName());
        column(Messages.Contact_title, 110, c -> Labels.text(c.getTitle()));
        column(Messages.Contact_department, 100, c -> Labels.text(c.getDepartment()));
        column(Messages.Contact_phones, 170, c -> String.join(", ", c.getPhones()));
        column(Messages.Contact_emails, 200, c -> String.join(", ", c.getEmails()));
        column(Messages.Contact_role, 100, c -> Labels.of(c.getDecisionRole()));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
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

    private void column(String title, int width, Function<Contact, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Contact) element);
            }
        });
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
}
