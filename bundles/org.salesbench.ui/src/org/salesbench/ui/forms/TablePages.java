package org.salesbench.ui.forms;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.widgets.FormToolkit;

/**
 * The layout the record editors' list pages share (a contract's plan, receipts and invoices, a customer's quotes and
 * contracts): the page title in a decorated heading, a status line, an optional row of buttons, and a {@link Tables}
 * table filling the rest; one column, top to bottom.
 */
public final class TablePages {

    private TablePages() {
    }

    /** The page's body, titled and laid out in one column. */
    public static Composite body(IManagedForm managedForm, String title) {
        FormToolkit toolkit = managedForm.getToolkit();
        managedForm.getForm().setText(title);
        toolkit.decorateFormHeading(managedForm.getForm().getForm());
        Composite body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(1, false));
        return body;
    }

    /** A line across the body for the page's status or summary, wrapping when it is long. */
    public static Label statusLine(IManagedForm managedForm, Composite body) {
        Label status = managedForm.getToolkit().createLabel(body, "", SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return status;
    }

    /** A row for the page's buttons, wrapping on a narrow page. */
    public static Composite buttonRow(IManagedForm managedForm, Composite body) {
        Composite buttons = managedForm.getToolkit().createComposite(body);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.marginLeft = 0;
        buttons.setLayout(row);
        return buttons;
    }

    /** The page's table ({@link Tables#create}), filling what is left of the body. */
    public static TableViewer table(Composite body) {
        TableViewer viewer = Tables.create(body);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return viewer;
    }
}
