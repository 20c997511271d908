package org.salesbench.workflow.ui.internal.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.ui.OpportunityEditorPageFactory;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.EntityFormEditor;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.workflow.process.ChecklistItem;
import org.salesbench.workflow.process.ChecklistTick;
import org.salesbench.workflow.process.Checklist;
import org.salesbench.workflow.process.ProcessService;
import org.salesbench.workflow.process.ProcessStep;

/**
 * The Checklist page of the opportunity editor: the items of the step the deal is in, ticked at once through the
 * process service (who and when are kept), and which required items still hold up a move to a later stage.
 */
public class ChecklistPage extends FormPage implements EntityFormEditor.ValidatingPage<Opportunity> {

    public static final String ID = "org.salesbench.workflow.ui.editor.checklist";

    /** Contributed to {@code org.salesbench.opportunities.ui.editorPages}. */
    public static class Factory implements OpportunityEditorPageFactory {

        @Override
        public IFormPage createPage(FormEditor editor, String id, String label, Opportunity opportunity) {
            return new ChecklistPage(editor, id, label, opportunity);
        }
    }

    private final ProcessService process = Services.get(ProcessService.class);
    private Opportunity opportunity;
    private Label stepLine;
    private Composite itemsArea;
    private Label openLine;
    private final List<Button> checks = new ArrayList<>();

    ChecklistPage(FormEditor editor, String id, String label, Opportunity opportunity) {
        super(editor, id, label);
        this.opportunity = opportunity;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        managedForm.getForm().setText(getTitle());
        managedForm.getToolkit().decorateFormHeading(managedForm.getForm().getForm());
        Composite body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(1, false));
        stepLine = managedForm.getToolkit().createLabel(body, "", SWT.WRAP);
        stepLine.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        itemsArea = managedForm.getToolkit().createComposite(body);
        itemsArea.setLayout(new GridLayout(2, false));
        itemsArea.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        openLine = managedForm.getToolkit().createLabel(body, "", SWT.WRAP);
        openLine.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        reload(opportunity);
    }

    @Override
    public void showErrors(Map<String, String> errors) {
        // ticks are saved at once; the editor's own fields show their errors
    }

    @Override
    public void reload(Opportunity reloaded) {
        this.opportunity = reloaded;
        if (stepLine == null || stepLine.isDisposed()) {
            return;
        }
        long id = reloaded.getId();
        Jobs.load(stepLine, Messages.Job_loadChecklist, () -> process.checklist(id), this::show, e -> error(Jobs.message(e)));
    }

    private void show(Checklist checklist) {
        for (Control c : itemsArea.getChildren()) {
            c.dispose();
        }
        checks.clear();
        if (checklist.step().isEmpty()) {
            stepLine.setText(NLS.bind(Messages.Checklist_noStep, opportunity.getStage().getLabel()));
            openLine.setText("");
        } else {
            ProcessStep step = checklist.step().get();
            stepLine.setText(NLS.bind(Messages.Checklist_step, new Object[] {step.getLabel(),
                    step.getOwnerRole() == null ? Messages.Editor_noRole : step.getOwnerRole(),
                    step.getSlaDays() == null ? "-" : NLS.bind(Messages.Board_days, step.getSlaDays())}));
            for (ChecklistItem item : step.getItems()) {
                Button check = getManagedForm().getToolkit().createButton(itemsArea,
                        item.isRequired() ? NLS.bind(Messages.Checklist_required, item.getDisplayLabel()) : item.getDisplayLabel(), SWT.CHECK);
                check.setData(item.getKey());
                check.setSelection(checklist.isTicked(item.getKey()));
                check.addListener(SWT.Selection, e -> tick(item.getKey(), check.getSelection()));
                checks.add(check);
                ChecklistTick tick = checklist.tickOf(item.getKey()).orElse(null);
                getManagedForm().getToolkit().createLabel(itemsArea,
                        tick == null ? "" : NLS.bind(Messages.Checklist_tickedBy, tick.getTickedBy(), Formats.dateTime(tick.getTickedAt())));
            }
            List<ChecklistItem> open = checklist.openRequired();
            openLine.setText(open.isEmpty() ? Messages.Checklist_complete
                    : NLS.bind(Messages.Checklist_open, open.stream().map(ChecklistItem::getDisplayLabel).collect(Collectors.joining(", "))));
        }
        error(null);
        getManagedForm().getForm().reflow(true);
    }

    private void tick(String itemKey, boolean ticked) {
        long id = opportunity.getId();
        Jobs.load(stepLine, Messages.Job_tick, () -> process.tick(id, itemKey, ticked), this::show, e -> {
            error(Jobs.message(e));
            reload(opportunity);
        });
    }

    private void error(String text) {
        getManagedForm().getForm().setMessage(text, text == null ? IMessageProvider.NONE : IMessageProvider.ERROR);
    }

    /** The item checkboxes shown (their data is the item's key), for tests. */
    List<Button> checks() {
        return checks;
    }

    /** The line naming the required items still open, for tests. */
    String openLine() {
        return openLine.getText();
    }
}
