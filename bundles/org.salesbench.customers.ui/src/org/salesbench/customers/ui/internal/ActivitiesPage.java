package org.salesbench.customers.ui.internal;

import org.salesbench.ui.forms.Tables;
import java.util.Map;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Activity;
import org.salesbench.customers.Customer;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.forms.Formats;

/** The timeline, newest first, and "Log activity", which saves at once and moves the next follow-up. */
public class ActivitiesPage extends FormPage implements CustomerEditor.ValidatingPage {

    public static final String ID = "org.salesbench.customers.ui.editor.activities";

    private final CustomerEditor editor;
    private TableViewer viewer;
    private Label followUp;

    public ActivitiesPage(CustomerEditor editor) {
        super(editor, ID, Messages.Editor_activities);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        FormToolkit toolkit = managedForm.getToolkit();
        managedForm.getForm().setText(Messages.Editor_activities);
        toolkit.decorateFormHeading(managedForm.getForm().getForm());
        Composite body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(3, false));
        followUp = toolkit.createLabel(body, "");
        followUp.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button log = toolkit.createButton(body, Messages.Action_logActivity, SWT.PUSH);
        log.setImage(Images.descriptor("icons/activity.png").createImage());
        log.addDisposeListener(e -> log.getImage().dispose());
        log.addListener(SWT.Selection, e -> logActivity());
        Button rate = toolkit.createButton(body, Messages.Activity_rate, SWT.PUSH);
        rate.addListener(SWT.Selection, e -> rateSelected());
        viewer = Tables.create(body);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.horizontalSpan = 3;
        viewer.getTable().setLayoutData(data);
        Tables.column(viewer, Activity.class, Messages.Activity_when, 140, a -> Formats.dateTime(a.getOccurredAt()));
        Tables.column(viewer, Activity.class, Messages.Activity_type, 70, a -> Labels.of(a.getType()));
        Tables.column(viewer, Activity.class, Messages.Activity_contact, 90, a -> a.getContact() == null ? "" : a.getContact().getName());
        Tables.column(viewer, Activity.class, Messages.Activity_summary, 220, Activity::getSummary);
        Tables.column(viewer, Activity.class, Messages.Activity_outcome, 180, a -> Formats.text(a.getOutcome()));
        Tables.column(viewer, Activity.class, Messages.Activity_nextStep, 150, a -> Formats.text(a.getNextStep()));
        Tables.column(viewer, Activity.class, Messages.Activity_nextStepDate, 100, a -> Formats.date(a.getNextStepDate()));
        Tables.column(viewer, Activity.class, Messages.Activity_by, 80, a -> Formats.text(a.getPerformedBy()));
        Tables.column(viewer, Activity.class, Messages.Activity_satisfaction, 120, a -> Labels.satisfaction(a.getSatisfaction()));
        reload(editor.customer());
    }

    /** Opens the log-activity dialog; the activity is saved when the dialog is confirmed. */
    public void logActivity() {
        if (editor.hasChanges()) {
            MessageDialog.openInformation(getSite().getShell(), Messages.Action_logActivity, Messages.Activity_saveFirst);
            return;
        }
        LogActivityDialog dialog = new LogActivityDialog(getSite().getShell(), editor.customer().getContacts());
        if (dialog.open() == Window.OK) {
            log(dialog.activity());
        }
    }

    /** Saves an activity on the customer and shows the updated timeline. */
    public void log(Activity activity) {
        try {
            editor.service().logActivity(editor.customer().getId(), activity);
            editor.reload();
        } catch (ValidationException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Action_logActivity, e.getMessage());
        }
    }

    /**
     * Asks how satisfied the customer was with the selected activity (1 to 5, empty to clear; anything else is refused
     * in the dialog) and saves it at once, as logging does.
     */
    public void rateSelected() {
        Object selected = viewer.getStructuredSelection().getFirstElement();
        if (!(selected instanceof Activity activity)) {
            MessageDialog.openInformation(getSite().getShell(), Messages.Activity_rate, Messages.Activity_selectFirst);
            return;
        }
        if (editor.hasChanges()) {
            MessageDialog.openInformation(getSite().getShell(), Messages.Activity_rate, Messages.Activity_saveFirst);
            return;
        }
        InputDialog dialog = new InputDialog(getSite().getShell(), Messages.Activity_rate,
                NLS.bind(Messages.Activity_rateMessage, Labels.of(activity.getType()), Formats.dateTime(activity.getOccurredAt())),
                activity.getSatisfaction() == null ? "" : activity.getSatisfaction().toString(), ActivitiesPage::ratingError); //$NON-NLS-1$
        if (dialog.open() == Window.OK) {
            rate(activity, rating(dialog.getValue()));
        }
    }

    /** What is wrong with a typed rating, or null when it is 1 to 5 or empty. */
    static String ratingError(String text) {
        return text == null || text.isBlank() || text.strip().matches("[1-5]") ? null : NLS.bind(Messages.Activity_rateBad, text.strip()); //$NON-NLS-1$
    }

    private static Integer rating(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    }

    /** Saves the customer's rating of one of its activities ({@code null} clears it) and shows the timeline again. */
    public void rate(Activity activity, Integer satisfaction) {
        Integer before = activity.getSatisfaction();
        activity.setSatisfaction(satisfaction);
        try {
            editor.service().update(editor.customer());
        } catch (ValidationException | ConcurrentChangeException e) {
            activity.setSatisfaction(before);
            MessageDialog.openError(getSite().getShell(), Messages.Activity_rate, e.getMessage());
        }
        editor.reload();
    }

    /** The satisfaction shown on a timeline row, for tests. */
    public String shownSatisfaction(int row) {
        return viewer.getTable().getItem(row).getText(8);
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        // activities are validated in their dialog
    }

    @Override
    public void reload(Customer customer) {
        if (viewer != null) {
            viewer.setInput(customer.getActivities());
            followUp.setText(customer.getNextFollowUp() == null ? Messages.Activity_noFollowUp
                    : NLS.bind(Messages.Activity_nextFollowUp, Formats.date(customer.getNextFollowUp())));
            followUp.getParent().layout();
        }
    }

    /** The timeline rows shown, for tests. */
    public int shownActivities() {
        return viewer.getTable().getItemCount();
    }
}
