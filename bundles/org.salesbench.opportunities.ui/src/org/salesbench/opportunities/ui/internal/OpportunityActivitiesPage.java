package org.salesbench.opportunities.ui.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.salesbench.customers.Activity;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.EntityFormEditor;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;
import org.salesbench.ui.forms.Formats;

/** The customer's activities since the opportunity was created, newest first (logged in the customer editor). */
public class OpportunityActivitiesPage extends FormPage implements EntityFormEditor.ValidatingPage<Opportunity> {

    public static final String ID = "org.salesbench.opportunities.ui.editor.activities";

    private final OpportunityEditor editor;
    private TableViewer viewer;
    private Label since;

    public OpportunityActivitiesPage(OpportunityEditor editor) {
        super(editor, ID, Messages.Editor_activities);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        managedForm.getForm().setText(Messages.Editor_activities);
        managedForm.getToolkit().decorateFormHeading(managedForm.getForm().getForm());
        var body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(1, false));
        since = managedForm.getToolkit().createLabel(body, "");
        since.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        viewer = Tables.create(body);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.column(viewer, Activity.class, Messages.Activity_when, 140, a -> Formats.dateTime(a.getOccurredAt()));
        Tables.column(viewer, Activity.class, Messages.Activity_contact, 90, a -> a.getContact() == null ? "" : a.getContact().getName());
        Tables.column(viewer, Activity.class, Messages.Activity_summary, 240, Activity::getSummary);
        Tables.column(viewer, Activity.class, Messages.Activity_outcome, 180, a -> Formats.text(a.getOutcome()));
        Tables.column(viewer, Activity.class, Messages.Activity_by, 80, a -> Formats.text(a.getPerformedBy()));
        reload(editor.opportunity());
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        // activities are logged in the customer editor
    }

    @Override
    public void reload(Opportunity opportunity) {
        if (viewer == null || opportunity.getCustomer() == null) {
            return;
        }
        long customerId = opportunity.getCustomer().getId();
        LocalDateTime from = opportunity.getCreatedAt() == null ? LocalDateTime.MIN
                : LocalDateTime.ofInstant(opportunity.getCreatedAt(), ZoneId.systemDefault()).toLocalDate().atStartOfDay();
        since.setText(NLS.bind(Messages.Activity_since, opportunity.getCustomer().getName(), Formats.dateTime(opportunity.getCreatedAt())));
        Jobs.load(viewer.getTable(), Messages.Job_loadActivities, () -> Services.get(CustomerService.class).find(customerId)
                .map(c -> c.getActivities().stream().filter(a -> a.getOccurredAt() != null && !a.getOccurredAt().isBefore(from))
                        .sorted(Comparator.comparing(Activity::getOccurredAt).reversed()).toList())
                .orElse(List.of()), viewer::setInput, e -> since.setText(e.getMessage()));
    }

    /** The rows shown, for tests. */
    public int shownActivities() {
        return viewer.getTable().getItemCount();
    }
}
