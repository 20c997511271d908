package org.salesbench.workflow.ui.internal.tasks;

import java.time.Instant;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** Asks when a snoozed task comes back. */
final class SnoozeDialog extends Dialog {

    private final String taskTitle;
    private final Instant initial;
    private DueField field;
    private Instant until;

    SnoozeDialog(Shell parent, String taskTitle, Instant initial) {
        super(parent);
        this.taskTitle = taskTitle;
        this.initial = initial;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Snooze_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        Label message = new Label(area, SWT.WRAP);
        message.setText(NLS.bind(Messages.Snooze_message, taskTitle));
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        field = new DueField(area, initial);
        return area;
    }

    /** The field, for tests. */
    DueField field() {
        return field;
    }

    @Override
    protected void okPressed() {
        until = field.value();
        super.okPressed();
    }

    Instant until() {
        return until;
    }
}
