package org.salesbench.opportunities.ui.internal;

import java.util.List;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.salesbench.customers.Customer;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;

/**
 * A read-only page of the customer editor listing what this module keeps for the customer, contributed through
 * {@code org.salesbench.customers.ui.editorPages}. The rows are read in a job when the page is first shown, so
 * opening a customer never waits for them.
 */
abstract class CustomerRecordsPage<T> extends FormPage {

    private final long customerId;
    private final Class<T> type;
    private final String jobName;
    private TableViewer viewer;

    CustomerRecordsPage(FormEditor editor, String id, String label, Customer customer, Class<T> type, String jobName) {
        super(editor, id, label);
        this.customerId = customer.getId();
        this.type = type;
        this.jobName = jobName;
    }

    /** Adds the table's columns. */
    abstract void columns(TableViewer table);

    /** The customer's rows; runs in a job. */
    abstract List<T> rows(long customer);

    /** What a double-click on a row does; nothing unless overridden. */
    void open(T row) {
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        managedForm.getForm().setText(getTitle());
        managedForm.getToolkit().decorateFormHeading(managedForm.getForm().getForm());
        Composite body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(1, false));
        viewer = Tables.create(body);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        columns(viewer);
        viewer.getTable().addListener(SWT.DefaultSelection, e -> {
            Object selected = viewer.getStructuredSelection().getFirstElement();
            if (type.isInstance(selected)) {
                open(type.cast(selected));
            }
        });
        Jobs.load(viewer.getTable(), jobName, () -> rows(customerId), viewer::setInput,
                e -> managedForm.getForm().setMessage(Jobs.message(e), IMessageProvider.ERROR));
    }

    /** The table, for tests; {@code null} until the page is first shown. */
    Table table() {
        return viewer == null ? null : viewer.getTable();
    }
}
