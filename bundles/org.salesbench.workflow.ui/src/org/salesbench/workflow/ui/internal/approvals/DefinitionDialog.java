package org.salesbench.workflow.ui.internal.approvals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ConditionOperator;
import org.salesbench.workflow.approvals.SubjectField;

/**
 * The approval definition editor: what it approves (entity type), when (a condition on one of the subject's typed
 * fields), and its ordered steps (who approves: a role, the record owner's manager or named users; one or all of them;
 * the SLA in hours and the step it escalates to). OK saves through the engine, whose validation names each problem;
 * the dialog stays open showing them, so only a definition the engine accepts is saved.
 */
public class DefinitionDialog extends TitleAreaDialog {

    private static final ApproverKind[] KINDS = ApproverKind.values();
    private static final ConditionOperator[] OPERATORS = ConditionOperator.values();

    private final ApprovalService service;
    private final ApprovalDefinition definition;
    private final List<String> entityTypes;
    private final List<ApprovalStep> steps = new ArrayList<>();
    private List<SubjectField> fields = List.of();
    private Text name;
    private Combo entity;
    private Combo field;
    private Label fieldType;
    private Combo operator;
    private Text value;
    private Spinner priority;
    private Button active;
    private TableViewer stepsViewer;
    private Text stepName;
    private Combo kind;
    private Text approvers;
    private Button allRequired;
    private Spinner sla;
    private Combo escalateTo;
    private boolean showing;
    private ApprovalDefinition saved;

    /** Edits {@code definition} (as read from the engine), or makes a new one when it is null. */
    public DefinitionDialog(Shell parent, ApprovalService service, ApprovalDefinition definition) {
        super(parent);
        this.service = service;
        this.definition = definition;
        this.entityTypes = service.subjectTypes();
        if (definition != null) {
            definition.getSteps().forEach(s -> steps.add(copy(s)));
        }
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** The definition as saved, once OK succeeded. */
    public ApprovalDefinition saved() {
        return saved;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Definition_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(definition == null ? Messages.Definition_newTitle : NLS.bind(Messages.Definition_editTitle, definition.getName()));
        setMessage(Messages.Definition_message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new GridLayout(4, false));

        name = text(body, Messages.Definition_name, 3);
        entity = combo(body, Messages.Definition_entity, 3);
        entityTypes.forEach(t -> entity.add(Labels.entity(t)));
        entity.addListener(SWT.Selection, e -> showFields(null));

        new Label(body, SWT.NONE).setText(Messages.Definition_condition);
        field = new Combo(body, SWT.READ_ONLY);
        field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        field.addListener(SWT.Selection, e -> showFieldType());
        operator = new Combo(body, SWT.READ_ONLY);
        for (ConditionOperator o : OPERATORS) {
            operator.add(o.symbol());
        }
        operator.select(0);
        value = new Text(body, SWT.BORDER);
        value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(body, SWT.NONE);
        fieldType = new Label(body, SWT.NONE);
        fieldType.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));

        new Label(body, SWT.NONE).setText(Messages.Definition_priority);
        priority = new Spinner(body, SWT.BORDER);
        priority.setValues(100, 0, 100_000, 0, 1, 10);
        priority.setToolTipText(Messages.Definition_priorityHint);
        active = new Button(body, SWT.CHECK);
        active.setText(Messages.Definition_active);
        active.setSelection(true);
        new Label(body, SWT.NONE);

        Label stepsLabel = new Label(body, SWT.NONE);
        stepsLabel.setText(Messages.Definition_steps);
        stepsLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        stepsViewer = Tables.create(body);
        GridData stepsData = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
        stepsData.heightHint = 120;
        stepsViewer.getTable().setLayoutData(stepsData);
        Tables.column(stepsViewer, ApprovalStep.class, Messages.Step_number, 40, s -> String.valueOf(steps.indexOf(s) + 1));
        Tables.column(stepsViewer, ApprovalStep.class, Messages.Step_name, 140, s -> s.getName() == null ? "" : s.getName());
        Tables.column(stepsViewer, ApprovalStep.class, Messages.Step_approvers, 220, DefinitionDialog::approversText);
        Tables.column(stepsViewer, ApprovalStep.class, Messages.Step_decidedBy, 70, s -> s.isAllRequired() ? Messages.Step_all : Messages.Step_one);
        Tables.column(stepsViewer, ApprovalStep.class, Messages.Step_sla, 60, s -> s.getSlaHours() == 0 ? "" : String.valueOf(s.getSlaHours()));
        Tables.column(stepsViewer, ApprovalStep.class, Messages.Step_escalateTo, 70,
                s -> s.getEscalateToStep() == null ? "" : String.valueOf(s.getEscalateToStep()));
        stepsViewer.addSelectionChangedListener(e -> showStep());
        stepsViewer.setInput(steps);

        Composite stepButtons = new Composite(body, SWT.NONE);
        stepButtons.setLayout(new RowLayout(SWT.HORIZONTAL));
        stepButtons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        button(stepButtons, Messages.Step_add, this::addStep);
        button(stepButtons, Messages.Step_remove, this::removeStep);
        button(stepButtons, Messages.Step_up, () -> moveStep(-1));
        button(stepButtons, Messages.Step_down, () -> moveStep(1));

        stepName = text(body, Messages.Step_name, 3);
        stepName.addListener(SWT.Modify, e -> edit(s -> s.setName(stepName.getText().strip())));
        kind = combo(body, Messages.Step_kind, 3);
        for (ApproverKind k : KINDS) {
            kind.add(kindLabel(k));
        }
        kind.addListener(SWT.Selection, e -> edit(s -> s.setApproverKind(KINDS[kind.getSelectionIndex()])));
        approvers = text(body, Messages.Step_approversValue, 3);
        approvers.setToolTipText(Messages.Step_approversHint);
        approvers.addListener(SWT.Modify, e -> edit(s -> s.setApprovers(approvers.getText().isBlank() ? null : approvers.getText().strip())));
        new Label(body, SWT.NONE);
        allRequired = new Button(body, SWT.CHECK);
        allRequired.setText(Messages.Step_allRequired);
        allRequired.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        allRequired.addListener(SWT.Selection, e -> edit(s -> s.setAllRequired(allRequired.getSelection())));
        new Label(body, SWT.NONE).setText(Messages.Step_slaHours);
        sla = new Spinner(body, SWT.BORDER);
        sla.setValues(0, 0, 24 * 365, 0, 1, 24);
        sla.addListener(SWT.Modify, e -> edit(s -> s.setSlaHours(sla.getSelection())));
        new Label(body, SWT.NONE).setText(Messages.Step_escalateTo);
        escalateTo = new Combo(body, SWT.READ_ONLY);
        escalateTo.addListener(SWT.Selection, e -> edit(s -> s.setEscalateToStep(escalateTo.getSelectionIndex() <= 0 ? null : escalateTo.getSelectionIndex())));

        show();
        return area;
    }

    private static Text text(Composite body, String label, int span) {
        new Label(body, SWT.NONE).setText(label);
        Text text = new Text(body, SWT.BORDER);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return text;
    }

    private static Combo combo(Composite body, String label, int span) {
        new Label(body, SWT.NONE).setText(label);
        Combo combo = new Combo(body, SWT.READ_ONLY);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return combo;
    }

    private static void button(Composite bar, String label, Runnable action) {
        Button button = new Button(bar, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, e -> action.run());
    }

    static String kindLabel(ApproverKind kind) {
        return switch (kind) {
            case ROLE -> Messages.Kind_ROLE;
            case OWNER_MANAGER -> Messages.Kind_OWNER_MANAGER;
            case USERS -> Messages.Kind_USERS;
        };
    }

    static String approversText(ApprovalStep step) {
        String kindText = step.getApproverKind() == null ? "" : kindLabel(step.getApproverKind());
        return step.getApprovers() == null ? kindText : kindText + ": " + step.getApprovers();
    }

    /** The definition's values in the widgets. */
    private void show() {
        if (definition != null) {
            name.setText(definition.getName() == null ? "" : definition.getName());
            int type = entityTypes.indexOf(definition.getEntityType());
            if (type >= 0) {
                entity.select(type);
            }
            showFields(definition.getConditionField());
            for (int i = 0; i < OPERATORS.length; i++) {
                if (OPERATORS[i] == definition.getConditionOperator()) {
                    operator.select(i);
                }
            }
            value.setText(definition.getConditionValue() == null ? "" : definition.getConditionValue());
            priority.setSelection(definition.getPriority());
            active.setSelection(definition.isActive());
        } else if (!entityTypes.isEmpty()) {
            entity.select(0);
            showFields(null);
        }
        refreshSteps(steps.isEmpty() ? null : steps.get(0));
    }

    private void showFields(String selected) {
        String type = entity.getSelectionIndex() < 0 ? null : entityTypes.get(entity.getSelectionIndex());
        fields = service.subjectFields(type);
        field.removeAll();
        fields.forEach(f -> field.add(f.name()));
        int index = selected == null ? 0 : fields.stream().map(SubjectField::name).toList().indexOf(selected);
        if (!fields.isEmpty() && index >= 0) {
            field.select(index);
        }
        showFieldType();
    }

    private void showFieldType() {
        int index = field.getSelectionIndex();
        fieldType.setText(index < 0 ? "" : fields.get(index).type() == SubjectField.Type.NUMBER ? Messages.Field_number : Messages.Field_text);
        fieldType.getParent().layout();
    }

    private ApprovalStep selectedStep() {
        return (ApprovalStep) ((IStructuredSelection) stepsViewer.getSelection()).getFirstElement();
    }

    /** The selected step in the step fields (empty and disabled without one). */
    private void showStep() {
        ApprovalStep step = selectedStep();
        showing = true;
        try {
            for (Control c : List.of(stepName, kind, approvers, allRequired, sla, escalateTo)) {
                c.setEnabled(step != null);
            }
            stepName.setText(step == null || step.getName() == null ? "" : step.getName());
            kind.select(step == null || step.getApproverKind() == null ? -1 : step.getApproverKind().ordinal());
            approvers.setText(step == null || step.getApprovers() == null ? "" : step.getApprovers());
            allRequired.setSelection(step != null && step.isAllRequired());
            sla.setSelection(step == null ? 0 : step.getSlaHours());
            escalateTo.removeAll();
            escalateTo.add(Messages.Step_noEscalation);
            for (int i = 1; i <= steps.size(); i++) {
                escalateTo.add(String.valueOf(i));
            }
            escalateTo.select(step == null || step.getEscalateToStep() == null || step.getEscalateToStep() > steps.size() ? 0 : step.getEscalateToStep());
        } finally {
            showing = false;
        }
    }

    private void edit(java.util.function.Consumer<ApprovalStep> change) {
        ApprovalStep step = selectedStep();
        if (step != null && !showing) {
            change.accept(step);
            stepsViewer.refresh();
        }
    }

    private void refreshSteps(ApprovalStep select) {
        stepsViewer.refresh();
        stepsViewer.setSelection(select == null ? StructuredSelection.EMPTY : new StructuredSelection(select));
        showStep();
    }

    private void addStep() {
        ApprovalStep step = new ApprovalStep(NLS.bind(Messages.Step_defaultName, steps.size() + 1), ApproverKind.OWNER_MANAGER, null);
        steps.add(step);
        refreshSteps(step);
        stepName.setFocus();
    }

    private void removeStep() {
        ApprovalStep step = selectedStep();
        if (step != null) {
            int index = steps.indexOf(step);
            int removed = index + 1;
            steps.remove(step);
            // escalations name steps by number: to the removed step none is left, to a later one it moves up
            for (ApprovalStep s : steps) {
                Integer target = s.getEscalateToStep();
                if (target != null && target == removed) {
                    s.setEscalateToStep(null);
                } else if (target != null && target > removed) {
                    s.setEscalateToStep(target - 1);
                }
            }
            refreshSteps(steps.isEmpty() ? null : steps.get(Math.min(index, steps.size() - 1)));
        }
    }

    private void moveStep(int by) {
        ApprovalStep step = selectedStep();
        int index = step == null ? -1 : steps.indexOf(step);
        if (index >= 0 && index + by >= 0 && index + by < steps.size()) {
            steps.remove(index);
            steps.add(index + by, step);
            // the two steps swap numbers: escalations to them follow
            int from = index + 1;
            int to = index + by + 1;
            for (ApprovalStep s : steps) {
                Integer target = s.getEscalateToStep();
                if (target != null && target == from) {
                    s.setEscalateToStep(to);
                } else if (target != null && target == to) {
                    s.setEscalateToStep(from);
                }
            }
            refreshSteps(step);
        }
    }

    private static ApprovalStep copy(ApprovalStep s) {
        return new ApprovalStep(s.getName(), s.getApproverKind(), s.getApprovers()).setAllRequired(s.isAllRequired()).setSlaHours(s.getSlaHours())
                .setEscalateToStep(s.getEscalateToStep());
    }

    /** The definition as the widgets describe it, with fresh copies of the steps. */
    private ApprovalDefinition described() {
        ApprovalDefinition d = definition == null ? new ApprovalDefinition() : definition;
        d.setName(name.getText().strip());
        d.setEntityType(entity.getSelectionIndex() < 0 ? null : entityTypes.get(entity.getSelectionIndex()));
        d.setConditionField(field.getSelectionIndex() < 0 ? null : fields.get(field.getSelectionIndex()).name());
        d.setConditionOperator(OPERATORS[Math.max(0, operator.getSelectionIndex())]);
        d.setConditionValue(value.getText().strip());
        d.setPriority(priority.getSelection());
        d.setActive(active.getSelection());
        d.replaceSteps(steps.stream().map(DefinitionDialog::copy).toList());
        return d;
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId != IDialogConstants.OK_ID) {
            super.buttonPressed(buttonId);
            return;
        }
        try {
            saved = service.saveDefinition(described());
        } catch (ValidationException e) {
            setErrorMessage(NLS.bind(Messages.Definition_refused, e.getErrors().stream().map(FieldError::message).collect(Collectors.joining("\n"))));
            return;
        } catch (RuntimeException e) {
            setErrorMessage(Jobs.message(e));
            return;
        }
        super.buttonPressed(buttonId);
    }
}
