package org.salesbench.workflow.ui.internal.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.Stage;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Tables;
import org.salesbench.users.UserService;
import org.salesbench.workflow.process.ChecklistItem;
import org.salesbench.workflow.process.ProcessService;
import org.salesbench.workflow.process.ProcessStep;

/**
 * The process editor for power users: per pipeline, each step's name, owner role, SLA and checklist (items added,
 * removed, made required or not). Saved through the process service, which checks the whole process and names each
 * problem; the gating and the board follow at once, no restart.
 */
public class ProcessPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "org.salesbench.workflow.ui.preferences.process";

    private ProcessService process;
    private List<Pipeline> pipelines = new ArrayList<>();
    private final Map<Long, List<ProcessStep>> steps = new HashMap<>();
    private final Set<Long> changed = new LinkedHashSet<>();
    private Combo pipelineCombo;
    private TableViewer stepsViewer;
    private Text stepName;
    private Combo ownerRole;
    private Spinner sla;
    private Table items;
    private Text newItem;
    private boolean loading;

    @Override
    public void init(IWorkbench workbench) {
        process = Services.get(ProcessService.class);
        setDescription(Messages.Editor_description);
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        pipelines = new ArrayList<>(Services.get(PipelineService.class).pipelines(false));
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(4, false));

        new Label(body, SWT.NONE).setText(Messages.Editor_pipeline);
        pipelineCombo = new Combo(body, SWT.READ_ONLY);
        pipelineCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        pipelines.forEach(p -> pipelineCombo.add(p.getLabel()));
        pipelineCombo.addListener(SWT.Selection, e -> showPipeline());

        stepsViewer = Tables.create(body);
        GridData stepsData = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
        stepsData.heightHint = 150;
        stepsViewer.getTable().setLayoutData(stepsData);
        Tables.column(stepsViewer, ProcessStep.class, Messages.Editor_step, 200, ProcessStep::getLabel);
        Tables.column(stepsViewer, ProcessStep.class, Messages.Editor_stage, 130, this::stageLabel);
        Tables.column(stepsViewer, ProcessStep.class, Messages.Editor_ownerRole, 100,
                s -> s.getOwnerRole() == null ? Messages.Editor_noRole : s.getOwnerRole());
        Tables.column(stepsViewer, ProcessStep.class, Messages.Editor_sla, 70, s -> s.getSlaDays() == null ? "" : String.valueOf(s.getSlaDays()));
        stepsViewer.addSelectionChangedListener(e -> showStep());

        new Label(body, SWT.NONE).setText(Messages.Editor_name);
        stepName = new Text(body, SWT.BORDER);
        stepName.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        stepName.addListener(SWT.Modify, e -> edit(s -> s.setName(stepName.getText())));
        new Label(body, SWT.NONE).setText(Messages.Editor_ownerRole);
        ownerRole = new Combo(body, SWT.DROP_DOWN);
        ownerRole.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Services.find(UserService.class).ifPresent(users -> users.roles().forEach(r -> ownerRole.add(r.name())));
        ownerRole.addListener(SWT.Modify, e -> edit(s -> s.setOwnerRole(ownerRole.getText().isBlank() ? null : ownerRole.getText())));
        new Label(body, SWT.NONE).setText(Messages.Editor_sla);
        sla = new Spinner(body, SWT.BORDER);
        sla.setValues(0, 0, 365, 0, 1, 7);
        sla.addListener(SWT.Modify, e -> edit(s -> s.setSlaDays(sla.getSelection())));

        Label itemsLabel = new Label(body, SWT.NONE);
        itemsLabel.setText(Messages.Editor_items);
        itemsLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        items = new Table(body, SWT.CHECK | SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        GridData itemsData = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
        itemsData.heightHint = 110;
        items.setLayoutData(itemsData);
        items.setToolTipText(Messages.Editor_requiredCheck);
        items.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK && e.item instanceof TableItem row) {
                ChecklistItem item = (ChecklistItem) row.getData();
                edit(s -> item.setRequired(row.getChecked()));
                row.setText(itemText(item));
            }
        });
        new Label(body, SWT.NONE).setText(Messages.Editor_newItem);
        newItem = new Text(body, SWT.BORDER);
        newItem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button add = new Button(body, SWT.PUSH);
        add.setText(Messages.Editor_add);
        add.addListener(SWT.Selection, e -> addItem());
        Button remove = new Button(body, SWT.PUSH);
        remove.setText(Messages.Editor_remove);
        remove.addListener(SWT.Selection, e -> removeItem());

        if (!pipelines.isEmpty()) {
            pipelineCombo.select(0);
            showPipeline();
        }
        return body;
    }

    private Pipeline pipeline() {
        int index = pipelineCombo.getSelectionIndex();
        return index < 0 ? null : pipelines.get(index);
    }

    private String stageLabel(ProcessStep step) {
        if (step.getStageId() == null) {
            return Messages.Editor_leadStage;
        }
        Pipeline p = pipeline();
        return p == null ? "" : p.getStages().stream().filter(s -> s.getId().equals(step.getStageId())).map(Stage::getLabel).findFirst().orElse("?");
    }

    private void showPipeline() {
        Pipeline p = pipeline();
        if (p == null) {
            return;
        }
        stepsViewer.setInput(steps.computeIfAbsent(p.getId(), process::steps));
        if (stepsViewer.getTable().getItemCount() > 0) {
            stepsViewer.getTable().select(0);
        }
        showStep();
    }

    private ProcessStep selectedStep() {
        return ((IStructuredSelection) stepsViewer.getSelection()).getFirstElement() instanceof ProcessStep s ? s : null;
    }

    private void showStep() {
        ProcessStep step = selectedStep();
        loading = true;
        try {
            stepName.setText(step == null ? "" : step.getName());
            ownerRole.setText(step == null || step.getOwnerRole() == null ? "" : step.getOwnerRole());
            sla.setSelection(step == null || step.getSlaDays() == null ? 0 : step.getSlaDays());
            items.removeAll();
            if (step != null) {
                for (ChecklistItem item : step.getItems()) {
                    TableItem row = new TableItem(items, SWT.NONE);
                    row.setData(item);
                    row.setText(itemText(item));
                    row.setChecked(item.isRequired());
                }
            }
        } finally {
            loading = false;
        }
    }

    private static String itemText(ChecklistItem item) {
        return item.isRequired() ? NLS.bind(Messages.Checklist_required, item.getDisplayLabel()) : item.getDisplayLabel();
    }

    /** Applies an edit of the selected step (not while the fields are being filled) and remembers its pipeline changed. */
    private void edit(java.util.function.Consumer<ProcessStep> change) {
        ProcessStep step = selectedStep();
        if (loading || step == null) {
            return;
        }
        change.accept(step);
        changed.add(step.getPipelineId());
        stepsViewer.refresh(step);
        setErrorMessage(null);
    }

    private void addItem() {
        String label = newItem.getText().strip();
        if (label.isEmpty()) {
            return;
        }
        edit(s -> s.getItems().add(new ChecklistItem(null, label, true)));
        newItem.setText("");
        showStep();
    }

    private void removeItem() {
        int index = items.getSelectionIndex();
        if (index >= 0) {
            edit(s -> s.getItems().remove(index));
            showStep();
        }
    }

    @Override
    public boolean performOk() {
        for (Long pipelineId : changed) {
            try {
                process.save(pipelineId, steps.get(pipelineId));
            } catch (ValidationException e) {
                setErrorMessage(e.getErrors().stream().map(FieldError::message).collect(Collectors.joining("\n")));
                return false;
            }
        }
        changed.clear();
        return true;
    }

    /** For tests: selects the pipeline and step by their positions. */
    void select(long pipelineId, int stepIndex) {
        for (int i = 0; i < pipelines.size(); i++) {
            if (pipelines.get(i).getId() == pipelineId) {
                pipelineCombo.select(i);
                showPipeline();
            }
        }
        stepsViewer.getTable().select(stepIndex);
        stepsViewer.setSelection(stepsViewer.getSelection());
        showStep();
    }

    /** For tests: the new item's text field and the Add button's action. */
    void addItem(String label) {
        newItem.setText(label);
        addItem();
    }
}
