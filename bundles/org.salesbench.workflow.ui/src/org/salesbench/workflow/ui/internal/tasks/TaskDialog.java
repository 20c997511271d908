package org.salesbench.workflow.ui.internal.tasks;

import java.time.Instant;
import java.time.ZoneId;

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
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskPriority;

/**
 * A new task: title, due time (tomorrow at 9:00 unless changed, or none), priority, assignee (the user unless changed)
 * and description; about the record it was added from, when there is one. The service checks it again on save.
 */
final class TaskDialog extends TitleAreaDialog {

    private final RecordRef about;
    private final String aboutLabel;
    private Text title;
    private DueField due;
    private Button noDue;
    private Combo priority;
    private UserCombo assignee;
    private Text description;
    private Task task;

    TaskDialog(Shell parent, RecordRef about, String aboutLabel) {
        super(parent);
        this.about = about;
        this.aboutLabel = aboutLabel;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Add_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.Add_title);
        setMessage(Messages.Add_message);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(2, false));
        if (about != null) {
            new Label(form, SWT.NONE).setText(Messages.Field_about);
            new Label(form, SWT.NONE).setText(aboutLabel != null ? aboutLabel : RelatedRecords.kindAndId(about));
        }
        new Label(form, SWT.NONE).setText(Messages.Field_title);
        title = new Text(form, SWT.BORDER);
        GridData titleData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        titleData.widthHint = 360;
        title.setLayoutData(titleData);
        title.setTextLimit(200);
        title.addModifyListener(e -> validate());

        new Label(form, SWT.NONE).setText(Messages.Field_due);
        Composite dueRow = new Composite(form, SWT.NONE);
        GridLayout dueLayout = new GridLayout(2, false);
        dueLayout.marginWidth = 0;
        dueLayout.marginHeight = 0;
        dueRow.setLayout(dueLayout);
        due = new DueField(dueRow, Snooze.TOMORROW.until(Instant.now(Clocks.system()), ZoneId.systemDefault()));
        noDue = new Button(dueRow, SWT.CHECK);
        noDue.setText(Messages.Field_noDue);
        noDue.addListener(SWT.Selection, e -> due.setEnabled(!noDue.getSelection()));

        new Label(form, SWT.NONE).setText(Messages.Field_priority);
        priority = new Combo(form, SWT.READ_ONLY);
        for (TaskPriority p : TaskPriority.values()) {
            priority.add(TaskLabels.of(p));
        }
        priority.select(TaskPriority.NORMAL.ordinal());

        new Label(form, SWT.NONE).setText(Messages.Field_assignee);
        assignee = new UserCombo(form, Services.get(SecurityService.class).currentUser().login(), () -> { });

        Label descriptionLabel = new Label(form, SWT.NONE);
        descriptionLabel.setText(Messages.Field_description);
        descriptionLabel.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        description = new Text(form, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridData descriptionData = new GridData(SWT.FILL, SWT.FILL, true, true);
        descriptionData.heightHint = 70;
        description.setLayoutData(descriptionData);
        description.setTextLimit(2000);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
    }

    private void validate() {
        boolean titled = !title.getText().isBlank();
        setErrorMessage(titled ? null : Messages.Add_titleRequired);
        getButton(IDialogConstants.OK_ID).setEnabled(titled);
    }

    /** The title field, for tests. */
    Text titleField() {
        return title;
    }

    @Override
    protected void okPressed() {
        Task made = new Task(title.getText().strip(), about, noDue.getSelection() ? null : due.value());
        made.setPriority(TaskPriority.values()[priority.getSelectionIndex()]);
        String chosen = assignee.login();
        if (chosen != null) {
            made.setAssignee(chosen); // otherwise the service gives it to the current user
        }
        made.setDescription(description.getText().isBlank() ? null : description.getText().strip());
        task = made;
        super.okPressed();
    }

    Task task() {
        return task;
    }
}
