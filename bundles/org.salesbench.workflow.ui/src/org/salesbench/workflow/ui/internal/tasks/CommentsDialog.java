package org.salesbench.workflow.ui.internal.tasks;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskComment;
import org.salesbench.workflow.TaskService;

/** A task's comments, oldest first (read in a job), and a new one to add. */
final class CommentsDialog extends TitleAreaDialog {

    private final Task task;
    private Text history;
    private Text newComment;
    private String comment;

    CommentsDialog(Shell parent, Task task) {
        super(parent);
        this.task = task;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Comment_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.Comment_title);
        setMessage(NLS.bind(Messages.Comment_message, task.getTitle()));
        Composite body = new Composite(area, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new GridLayout(1, false));
        history = new Text(body, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY | SWT.BORDER);
        history.setText(Messages.Loading);
        GridData historyData = new GridData(SWT.FILL, SWT.FILL, true, true);
        historyData.heightHint = 120;
        historyData.widthHint = 420;
        history.setLayoutData(historyData);
        new Label(body, SWT.NONE).setText(Messages.Comment_new);
        newComment = new Text(body, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridData newData = new GridData(SWT.FILL, SWT.FILL, true, false);
        newData.heightHint = 60;
        newComment.setLayoutData(newData);
        newComment.addModifyListener(e -> enableOk());
        Jobs.load(history, Messages.Job_load, () -> Services.get(TaskService.class).comments(task.getId()),
                comments -> history.setText(shown(comments)), e -> history.setText(Jobs.message(e)));
        return area;
    }

    private static String shown(List<TaskComment> comments) {
        return comments.isEmpty() ? Messages.Comment_none
                : comments.stream().map(c -> NLS.bind(Messages.Comment_line, new Object[] {Formats.dateTime(c.getCreatedAt()),
                        Formats.text(c.getCreatedBy()), c.getBody()})).collect(Collectors.joining("\n")); //$NON-NLS-1$
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        enableOk();
    }

    private void enableOk() {
        boolean written = newComment != null && !newComment.getText().isBlank();
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(written);
        }
        setErrorMessage(written || newComment == null || newComment.getText().isEmpty() ? null : Messages.Comment_required);
    }

    /** The comments shown, for tests. */
    Text history() {
        return history;
    }

    /** The new comment's field, for tests. */
    Text newComment() {
        return newComment;
    }

    @Override
    protected void okPressed() {
        comment = newComment.getText().strip();
        super.okPressed();
    }

    String comment() {
        return comment;
    }
}
