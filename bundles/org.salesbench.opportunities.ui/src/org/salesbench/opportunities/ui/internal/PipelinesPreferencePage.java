package org.salesbench.opportunities.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.StageRule;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Tables;

/**
 * Pipelines and their stages for power users: rename, add, remove and reorder stages, set their
 * default probability and the rules required to enter them. Saved through the pipeline service,
 * which validates; the board and editors read pipelines afresh, so no restart is needed.
 */
public class PipelinesPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    private PipelineService service;
    private List<Pipeline> pipelines = new ArrayList<>();
    private final Set<Pipeline> changed = new LinkedHashSet<>();
    private final Map<String, String> rules = new LinkedHashMap<>();
    private Combo pipelineCombo;
    private Text pipelineName;
    private Button pipelineActive;
    private TableViewer stagesViewer;
    private Text stageName;
    private Combo stageKind;
    private Spinner stageProbability;
    private final Map<String, Button> ruleChecks = new HashMap<>();
    private boolean loading;

    @Override
    public void init(IWorkbench workbench) {
        service = Services.get(PipelineService.class);
        setDescription(Messages.Pipelines_description);
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        pipelines = new ArrayList<>(service.pipelines(false));
        availableRules();
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(3, false));

        new Label(body, SWT.NONE).setText(Messages.Pipelines_pipeline);
        pipelineCombo = new Combo(body, SWT.READ_ONLY);
        pipelineCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        pipelineCombo.addListener(SWT.Selection, e -> showPipeline());
        Button addPipeline = new Button(body, SWT.PUSH);
        addPipeline.setText(Messages.Pipelines_addPipeline);
        addPipeline.addListener(SWT.Selection, e -> addPipeline());
        new Label(body, SWT.NONE).setText(Messages.Pipelines_name);
        pipelineName = new Text(body, SWT.BORDER);
        pipelineName.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        pipelineName.addModifyListener(e -> edit(p -> p.setName(pipelineName.getText().strip())));
        pipelineActive = new Button(body, SWT.CHECK);
        pipelineActive.setText(Messages.Pipelines_active);
        pipelineActive.addListener(SWT.Selection, e -> edit(p -> p.setActive(pipelineActive.getSelection())));

        stagesViewer = Tables.create(body);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        tableData.heightHint = 160;
        stagesViewer.getTable().setLayoutData(tableData);
        Tables.column(stagesViewer, Stage.class, Messages.Pipelines_stage, 150, Stage::getLabel);
        Tables.column(stagesViewer, Stage.class, Messages.Pipelines_kind, 70, s -> Labels.of(s.getKind()));
        Tables.column(stagesViewer, Stage.class, Messages.Pipelines_probability, 70, s -> Labels.percent(s.getProbability()));
        Tables.column(stagesViewer, Stage.class, Messages.Pipelines_rules, 200,
                s -> String.join(", ", s.getRequiredRules().stream().map(r -> rules.getOrDefault(r, r)).toList()));
        stagesViewer.addSelectionChangedListener(e -> showStage());
        Composite buttons = new Composite(body, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        buttons.setLayout(new GridLayout(1, true));
        button(buttons, Messages.Pipelines_addStage, this::addStage);
        button(buttons, Messages.Pipelines_removeStage, this::removeStage);
        button(buttons, Messages.Pipelines_up, () -> moveStage(-1));
        button(buttons, Messages.Pipelines_down, () -> moveStage(1));

        Group detail = new Group(body, SWT.NONE);
        detail.setText(Messages.Pipelines_stageDetail);
        detail.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        detail.setLayout(new GridLayout(2, false));
        new Label(detail, SWT.NONE).setText(Messages.Pipelines_stage);
        stageName = new Text(detail, SWT.BORDER);
        stageName.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        stageName.addModifyListener(e -> editStage(s -> s.setName(stageName.getText().strip())));
        new Label(detail, SWT.NONE).setText(Messages.Pipelines_kind);
        stageKind = new Combo(detail, SWT.READ_ONLY);
        Arrays.stream(StageKind.values()).forEach(k -> stageKind.add(Labels.of(k)));
        stageKind.addListener(SWT.Selection, e -> editStage(s -> s.setKind(StageKind.values()[stageKind.getSelectionIndex()])));
        new Label(detail, SWT.NONE).setText(Messages.Pipelines_probability);
        stageProbability = new Spinner(detail, SWT.BORDER);
        stageProbability.setValues(0, 0, 100, 0, 5, 10);
        stageProbability.addListener(SWT.Modify, e -> editStage(s -> s.setProbability(stageProbability.getSelection())));
        Label rulesLabel = new Label(detail, SWT.NONE);
        rulesLabel.setText(Messages.Pipelines_rules);
        rulesLabel.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        Composite ruleBox = new Composite(detail, SWT.NONE);
        ruleBox.setLayout(new GridLayout(1, false));
        rules.forEach((id, label) -> {
            Button check = new Button(ruleBox, SWT.CHECK);
            check.setText(label);
            check.addListener(SWT.Selection, e -> editStage(s -> {
                s.getRequiredRules().remove(id);
                if (check.getSelection()) {
                    s.getRequiredRules().add(id);
                }
            }));
            ruleChecks.put(id, check);
        });
        fillPipelineCombo(0);
        return body;
    }

    /** The rules the installed modules provide (OSGi services), by id, with their labels. */
    private void availableRules() {
        BundleContext context = FrameworkUtil.getBundle(PipelinesPreferencePage.class).getBundleContext();
        try {
            for (ServiceReference<StageRule> ref : context.getServiceReferences(StageRule.class, null)) {
                StageRule rule = context.getService(ref);
                if (rule != null) {
                    rules.put(rule.id(), rule.label());
                    context.ungetService(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        // the built-in rules are checked inside the model without being services: name them here
        rules.putIfAbsent(StageRule.AMOUNT, Messages.Rule_amount);
        rules.putIfAbsent(StageRule.CLOSE_DATE, Messages.Rule_closeDate);
        rules.putIfAbsent(StageRule.NEXT_STEP, Messages.Rule_nextStep);
        rules.putIfAbsent(StageRule.QUOTE, Messages.Rule_quote);
        // rules stages already require but no installed module provides still show, so they can be removed
        pipelines.forEach(p -> p.getStages().forEach(s -> s.getRequiredRules().forEach(r -> rules.putIfAbsent(r, r))));
    }

    private static void button(Composite parent, String text, Runnable run) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button.addListener(SWT.Selection, e -> run.run());
    }

    private void fillPipelineCombo(int select) {
        pipelineCombo.removeAll();
        pipelines.forEach(p -> pipelineCombo.add(p.getLabel()));
        if (!pipelines.isEmpty()) {
            pipelineCombo.select(Math.min(select, pipelines.size() - 1));
        }
        showPipeline();
    }

    private Pipeline pipeline() {
        int index = pipelineCombo.getSelectionIndex();
        return index < 0 ? null : pipelines.get(index);
    }

    private Stage stage() {
        return stagesViewer.getStructuredSelection().getFirstElement() instanceof Stage s ? s : null;
    }

    private void showPipeline() {
        Pipeline p = pipeline();
        loading = true;
        try {
            pipelineName.setText(p == null ? "" : p.getLabel());
            pipelineActive.setSelection(p != null && p.isActive());
            stagesViewer.setInput(p == null ? List.of() : p.getStages());
        } finally {
            loading = false;
        }
        showStage();
    }

    private void showStage() {
        Stage s = stage();
        loading = true;
        try {
            stageName.setText(s == null ? "" : s.getLabel());
            stageKind.select(s == null ? -1 : s.getKind().ordinal());
            stageProbability.setSelection(s == null ? 0 : s.getProbability());
            ruleChecks.forEach((id, check) -> check.setSelection(s != null && s.getRequiredRules().contains(id)));
            for (Control c : new Control[] {stageName, stageKind, stageProbability}) {
                c.setEnabled(s != null);
            }
            ruleChecks.values().forEach(c -> c.setEnabled(s != null));
        } finally {
            loading = false;
        }
    }

    private void edit(java.util.function.Consumer<Pipeline> change) {
        Pipeline p = pipeline();
        if (loading || p == null) {
            return;
        }
        change.accept(p);
        changed.add(p);
        setErrorMessage(null);
    }

    private void editStage(java.util.function.Consumer<Stage> change) {
        Stage s = stage();
        if (loading || s == null) {
            return;
        }
        edit(p -> change.accept(s));
        stagesViewer.refresh(s);
    }

    private void addPipeline() {
        Pipeline p = new Pipeline(Messages.Pipelines_newPipeline);
        p.setActive(true);
        p.addStage(new Stage(Messages.Pipelines_newStage, 10, StageKind.OPEN));
        p.addStage(new Stage(Messages.StageKind_won, 100, StageKind.WON));
        p.addStage(new Stage(Messages.StageKind_lost, 0, StageKind.LOST));
        pipelines.add(p);
        changed.add(p);
        fillPipelineCombo(pipelines.size() - 1);
    }

    void addStage() {
        Pipeline p = pipeline();
        if (p == null) {
            return;
        }
        Stage s = new Stage(Messages.Pipelines_newStage, 10, StageKind.OPEN);
        List<Stage> stages = new ArrayList<>(p.getStages());
        Stage selected = stage();
        stages.add(selected == null ? stages.size() : stages.indexOf(selected) + 1, s);
        p.setStages(stages);
        changed.add(p);
        stagesViewer.refresh();
        stagesViewer.setSelection(new StructuredSelection(s));
    }

    private void removeStage() {
        Pipeline p = pipeline();
        Stage s = stage();
        if (p == null || s == null) {
            return;
        }
        List<Stage> stages = new ArrayList<>(p.getStages());
        stages.remove(s);
        p.setStages(stages);
        changed.add(p);
        stagesViewer.refresh();
        showStage();
    }

    void moveStage(int delta) {
        Pipeline p = pipeline();
        Stage s = stage();
        if (p == null || s == null) {
            return;
        }
        List<Stage> stages = new ArrayList<>(p.getStages());
        int from = stages.indexOf(s);
        int to = from + delta;
        if (to < 0 || to >= stages.size()) {
            return;
        }
        stages.remove(from);
        stages.add(to, s);
        p.setStages(stages);
        changed.add(p);
        stagesViewer.refresh();
        stagesViewer.setSelection(new StructuredSelection(s));
    }

    @Override
    public boolean performOk() {
        for (Pipeline p : new ArrayList<>(changed)) {
            try {
                if (p.isNew()) {
                    service.create(p);
                } else {
                    service.update(p);
                }
                changed.remove(p);
            } catch (ValidationException e) {
                setErrorMessage(NLS.bind(Messages.Pipelines_cannotSave, p.getLabel(), e.getMessage()));
                return false;
            } catch (ConcurrentChangeException e) {
                setErrorMessage(NLS.bind(Messages.Pipelines_conflict, p.getLabel()));
                return false;
            }
        }
        return true;
    }

    // --- for tests

    void selectPipeline(long id) {
        for (int i = 0; i < pipelines.size(); i++) {
            if (pipelines.get(i).getId() != null && pipelines.get(i).getId() == id) {
                pipelineCombo.select(i);
                showPipeline();
            }
        }
    }

    void selectStage(int index) {
        stagesViewer.setSelection(new StructuredSelection(pipeline().getStages().get(index)));
    }

    Text stageNameField() {
        return stageName;
    }

    Spinner stageProbabilityField() {
        return stageProbability;
    }
}
