package org.salesbench.audit.ui.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.salesbench.ui.forms.SelectedRecord;

/**
 * Edit › Show History: the history of the record selected in a list (a lead, a contact, a quote, a receipt, an invoice, a
 * task, a record in the recycle bin), the same table as the History page of the record editors.
 */
public final class HistoryDialog extends TitleAreaDialog {

    private final SelectedRecord record;
    private HistoryTable history;

    public HistoryDialog(Shell parent, SelectedRecord record) {
        super(parent);
        this.record = record;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.HistoryDialog_title);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(1100, 520);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(NLS.bind(Messages.HistoryDialog_heading, record.name()));
        setMessage(Messages.HistoryDialog_message);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new GridLayout(1, false));
        history = new HistoryTable(body);
        history.load(record.entity(), record.id(), error -> {
            if (error != null && getShell() != null && !getShell().isDisposed()) {
                setMessage(error, IMessageProvider.ERROR);
            }
        });
        return area;
    }

    /** One button, Close: the dialog only shows. */
    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    /** The table, for tests. */
    public HistoryTable history() {
        return history;
    }
}
