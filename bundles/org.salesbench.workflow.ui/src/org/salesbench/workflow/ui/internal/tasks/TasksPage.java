package org.salesbench.workflow.ui.internal.tasks;

import java.util.Map;
import java.util.Set;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.ui.forms.EntityFormEditor;
import org.salesbench.customers.Customer;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskStatus;

/**
 * The Tasks page of a record editor (customer, opportunity): every task about the record, open and done, with the task
 * menu, and Add task prefilled with the record. It edits nothing of the record itself.
 *
 * @param <E> the editor's record type
 */
public class TasksPage<E> extends FormPage implements EntityFormEditor.ValidatingPage<E>, org.salesbench.ui.forms.RecordSelection {

    /** The layout every record editor's Tasks page keeps for the user (one for all, as the columns are the same). */
    static final String GRID_ID = "org.salesbench.workflow.ui.tasksPage"; //$NON-NLS-1$

    private final RecordRef about;
    private final String aboutLabel;
    private TaskGrid tasks;
    private Label status;

    public TasksPage(FormEditor editor, String id, String label, RecordRef about, String aboutLabel) {
        super(editor, id, label);
        this.about = about;
        this.aboutLabel = aboutLabel;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        FormToolkit toolkit = managedForm.getToolkit();
        managedForm.getForm().setText(getTitle());
        toolkit.decorateFormHeading(managedForm.getForm().getForm());
        Composite body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(1, false));
        Composite bar = toolkit.createComposite(body);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        boolean customer = Customer.ENTITY.equals(about.entity());
        bar.setLayout(new GridLayout(customer ? 4 : 2, false));
        Button add = toolkit.createButton(bar, Messages.Action_add, SWT.PUSH);
        if (customer) {
            // the customer's tasks and activities to a desktop calendar, and a calendar's meetings back as activities
            Button export = toolkit.createButton(bar, Messages.Action_exportCalendar, SWT.PUSH);
            export.addListener(SWT.Selection, e -> show(CalendarFiles.export(getSite().getShell(), new TaskFilter(null, Set.of(TaskStatus.OPEN),
                    null, null, about, null), about.id(), aboutLabel + ".ics"))); //$NON-NLS-1$
            Button importMeetings = toolkit.createButton(bar, Messages.Action_importMeetings, SWT.PUSH);
            importMeetings.addListener(SWT.Selection, e -> {
                CalendarFiles.Outcome outcome = CalendarFiles.importMeetings(getSite().getShell(), about.id());
                show(outcome);
                if (outcome != null && !outcome.failed() && getEditor() instanceof EntityFormEditor<?> editor && !editor.isDirty()) {
                    editor.reload(); // the Activities page shows the new meetings; unsaved edits are never dropped
                }
            });
        }
        status = toolkit.createLabel(bar, ""); //$NON-NLS-1$
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        tasks = new TaskGrid(body, GRID_ID, false, about, aboutLabel, this::showError);
        add.addListener(SWT.Selection, e -> tasks.addTask());
        tasks.commands().onChanged(this::load);
        TaskEvents.whileShown(tasks.grid().control(), this::load);
        load();
    }

    private void load() {
        if (tasks != null && !tasks.grid().control().isDisposed()) {
            tasks.show(new TaskFilter(null, Set.of(), null, null, about, null), count -> {
                status.setText(NLS.bind(Messages.Page_count, count));
                status.getParent().layout();
            });
        }
    }

    /** A calendar export's or import's outcome: on the status line, and a failure in an error dialog too. */
    private void show(CalendarFiles.Outcome outcome) {
        if (outcome == null || status.isDisposed()) {
            return;
        }
        status.setText(outcome.message());
        status.getParent().layout();
        if (outcome.failed()) {
            showError(outcome.message());
        }
    }

    private void showError(String message) {
        MessageDialog.openError(getSite().getShell(), Messages.Error_title, message);
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        // the page edits nothing of the record
    }

    @Override
    public void reload(E entity) {
        load();
    }

    /** The task grid, for tests. */
    public TaskGrid tasks() {
        return tasks;
    }

    /** The count line, for tests. */
    public String statusText() {
        return status.getText();
    }

    /** Edit › Show History on the selected task. */
    @Override
    public java.util.Optional<org.salesbench.ui.forms.SelectedRecord> selectedRecord() {
        return tasks == null ? java.util.Optional.empty() : tasks.selectedRecord();
    }
}
