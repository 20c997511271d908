package org.salesbench.workflow.ui.internal.tasks;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.salesbench.workflow.Task;

/** Asks whom a task goes to, among the active users. */
final class ReassignDialog extends Dialog {

    private final Task task;
    private UserCombo users;
    private String assignee;

    ReassignDialog(Shell parent, Task task) {
        super(parent);
        this.task = task;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Reassign_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        Label message = new Label(area, SWT.WRAP);
        message.setText(NLS.bind(Messages.Reassign_message, task.getTitle()));
        users = new UserCombo(area, task.getAssignee(), this::enableOk);
        users.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        users.control().addListener(SWT.Selection, e -> enableOk());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        enableOk();
    }

    private void enableOk() {
        if (getButton(IDialogConstants.OK_ID) != null && users != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(users.login() != null && !users.login().equalsIgnoreCase(task.getAssignee()));
        }
    }

    /** The user choice, for tests. */
    UserCombo users() {
        return users;
    }

    @Override
    protected void okPressed() {
        assignee = users.login();
        super.okPressed();
    }

    String assignee() {
        return assignee;
    }
}
