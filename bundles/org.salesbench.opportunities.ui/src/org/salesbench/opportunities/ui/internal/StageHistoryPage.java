package org.salesbench.opportunities.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.core.time.Clocks;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.StageHistory;
import org.salesbench.opportunities.ui.OpportunityEditorPageFactory;
import org.salesbench.ui.forms.EntityFormEditor;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;
import org.salesbench.ui.forms.Formats;

/** Every stage change, newest first, with who moved it and how long the deal stayed in the stage. */
public class StageHistoryPage extends FormPage implements EntityFormEditor.ValidatingPage<Opportunity> {

    public static final String ID = "org.salesbench.opportunities.ui.editor.history";

    /** A history row and how long the deal stayed in the stage it entered (to the next move, or until now). */
    record Step(StageHistory change, Duration inStage) {
    }

    private final OpportunityEditor editor;
    private TableViewer viewer;

    /**
     * Contributed to {@code org.salesbench.opportunities.ui.editorPages} (with the id {@link #ID}): the module's own
     * editor uses its extension point the way an add-on does.
     */
    public static class Factory implements OpportunityEditorPageFactory {

        @Override
        public IFormPage createPage(FormEditor editor, String id, String label, Opportunity opportunity) {
            return new StageHistoryPage((OpportunityEditor) editor, id, label);
        }
    }

    StageHistoryPage(OpportunityEditor editor, String id, String label) {
        super(editor, id, label);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        managedForm.getForm().setText(getTitle());
        managedForm.getToolkit().decorateFormHeading(managedForm.getForm().getForm());
        var body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(1, false));
        viewer = Tables.create(body);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.column(viewer, Step.class, Messages.History_when, 140, s -> Formats.dateTime(s.change().getMovedAt()));
        Tables.column(viewer, Step.class, Messages.History_from, 110, s -> s.change().getFromStage() == null ? "" : s.change().getFromStage().getLabel());
        Tables.column(viewer, Step.class, Messages.History_to, 110, s -> s.change().getToStage().getLabel());
        Tables.column(viewer, Step.class, Messages.History_by, 90, s -> Formats.text(s.change().getMovedBy()));
        Tables.column(viewer, Step.class, Messages.History_amount, 110, s -> Labels.money(s.change().getAmount()));
        Tables.column(viewer, Step.class, Messages.History_probability, 70, s -> Labels.percent(s.change().getProbability()));
        Tables.column(viewer, Step.class, Messages.History_inStage, 110, s -> days(s.inStage()));
        reload(editor.opportunity());
    }

    private static String days(Duration d) {
        long days = d.toDays();
        return days == 0 ? NLS.bind(Messages.History_hours, d.toHours()) : NLS.bind(Messages.History_days, days);
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        // nothing to edit here
    }

    @Override
    public void reload(Opportunity opportunity) {
        if (viewer == null) {
            return;
        }
        long id = opportunity.getId();
        Jobs.load(viewer.getTable(), Messages.Job_loadHistory, () -> editor.service().history(id), history -> {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < history.size(); i++) {
                Instant end = i + 1 < history.size() ? history.get(i + 1).getMovedAt() : Instant.now(Clocks.system());
                steps.add(new Step(history.get(i), Duration.between(history.get(i).getMovedAt(), end)));
            }
            java.util.Collections.reverse(steps);
            viewer.setInput(steps);
        }, e -> managedFormMessage(e.getMessage()));
    }

    private void managedFormMessage(String message) {
        getManagedForm().getForm().setMessage(message, org.eclipse.jface.dialogs.IMessageProvider.ERROR);
    }

    /** The rows shown, for tests. */
    public int shownSteps() {
        return viewer.getTable().getItemCount();
    }
}
