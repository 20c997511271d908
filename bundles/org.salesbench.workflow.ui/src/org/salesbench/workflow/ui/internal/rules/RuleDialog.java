package org.salesbench.workflow.ui.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.workflow.rules.Operator;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleActionCall;
import org.salesbench.workflow.rules.RuleCondition;
import org.salesbench.workflow.rules.RuleContribution;
import org.salesbench.workflow.rules.RuleEntity;
import org.salesbench.workflow.rules.RuleField;
import org.salesbench.workflow.rules.RuleParameter;
import org.salesbench.workflow.rules.RuleService;

/**
 * The rule editor: a form, no code. What the rule is about, when it runs (with the trigger's settings), conditions
 * joined with and/or, actions with their settings, enabled. OK asks the service what is wrong and stays open showing
 * it; only a rule the service accepts is saved.
 */
public class RuleDialog extends TitleAreaDialog {

    private final RuleService service;
    private final Rule rule;
    private final List<RuleEntity> entities;
    private final List<RuleContribution> triggers;
    private final List<RuleContribution> actions;
    private final List<ConditionRow> conditionRows = new ArrayList<>();
    private final List<ActionRow> actionRows = new ArrayList<>();
    private Text name;
    private Combo entity;
    private Combo trigger;
    private Composite triggerSettings;
    private final Map<String, Text> triggerValues = new LinkedHashMap<>();
    private Button enabled;
    private Composite conditionsArea;
    private Composite actionsArea;
    private ScrolledComposite scroller;
    private Composite content;
    private Rule saved;

    /** Edits {@code rule}, or makes a new one when it is null. */
    public RuleDialog(Shell parent, RuleService service, Rule rule) {
        super(parent);
        this.service = service;
        this.rule = rule;
        this.entities = service.entities();
        this.triggers = service.triggers();
        this.actions = service.actions();
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** The values offered for condition {@code index} (0 first): its field's picklist labels, or none. */
    List<String> offeredValues(int index) {
        return conditionRows.get(index).offeredValues();
    }

    /** The rule as saved, once OK succeeded. */
    public Rule saved() {
        return saved;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.Dialog_title);
        setMessage(Messages.Dialog_message);
        getShell().setText(Messages.Dialog_title);
        scroller = new ScrolledComposite(area, SWT.V_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        content = new Composite(scroller, SWT.NONE);
        content.setLayout(new GridLayout(2, false));
        scroller.setContent(content);

        name = new Text(content, SWT.BORDER);
        labelBefore(name, Messages.Dialog_name);
        name.setLayoutData(fill());
        entity = combo(content, Messages.Dialog_entity, entities.stream().map(RuleEntity::label).toList());
        trigger = combo(content, Messages.Dialog_trigger, triggers.stream().map(RuleContribution::label).toList());
        new Label(content, SWT.NONE);
        triggerSettings = new Composite(content, SWT.NONE);
        triggerSettings.setLayoutData(fill());
        triggerSettings.setLayout(new GridLayout(2, false));
        new Label(content, SWT.NONE);
        enabled = new Button(content, SWT.CHECK);
        enabled.setText(Messages.Dialog_enabled);

        conditionsArea = section(Messages.Dialog_conditions, Messages.Dialog_addCondition, () -> addCondition(null));
        actionsArea = section(Messages.Dialog_actions, Messages.Dialog_addAction, () -> addAction(null));

        fill(rule);
        entity.addListener(SWT.Selection, e -> conditionRows.forEach(ConditionRow::offerFields));
        entity.addListener(SWT.Selection, e -> actionRows.forEach(ActionRow::offerFields));
        trigger.addListener(SWT.Selection, e -> showTriggerSettings(Map.of()));
        relayout();
        return area;
    }

    private void fill(Rule r) {
        name.setText(r == null ? "" : r.getName()); //$NON-NLS-1$
        selectById(entity, entities.stream().map(RuleEntity::id).toList(), r == null ? null : r.getEntity());
        selectById(trigger, triggers.stream().map(RuleContribution::id).toList(), r == null ? null : r.getTriggerId());
        enabled.setSelection(r == null || r.isEnabled());
        showTriggerSettings(r == null ? Map.of() : r.getTriggerParameters());
        if (r != null) {
            r.getConditions().forEach(this::addCondition);
            r.getActions().forEach(this::addAction);
        }
    }

    @Override
    protected org.eclipse.swt.graphics.Point getInitialSize() {
        return new org.eclipse.swt.graphics.Point(820, 640);
    }

    private Composite section(String title, String addLabel, Runnable add) {
        Group group = new Group(content, SWT.NONE);
        group.setText(title);
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        group.setLayout(new GridLayout(1, false));
        Composite rows = new Composite(group, SWT.NONE);
        rows.setLayoutData(fill());
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        rows.setLayout(layout);
        Button button = new Button(group, SWT.PUSH);
        button.setText(addLabel);
        button.addListener(SWT.Selection, e -> {
            add.run();
            relayout();
        });
        return rows;
    }

    private void relayout() {
        content.layout(true, true);
        scroller.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    private void showTriggerSettings(Map<String, String> values) {
        for (Control c : triggerSettings.getChildren()) {
            c.dispose();
        }
        triggerValues.clear();
        RuleContribution chosen = chosen(trigger, triggers);
        if (chosen != null) {
            for (RuleParameter p : chosen.parameters()) {
                Text text = new Text(triggerSettings, SWT.BORDER);
                labelBefore(text, p.label());
                text.setLayoutData(fill());
                text.setText(values.getOrDefault(p.name(), "")); //$NON-NLS-1$
                triggerValues.put(p.name(), text);
            }
        }
        if (content != null && scroller != null) {
            relayout();
        }
    }

    private void addCondition(RuleCondition condition) {
        conditionRows.add(new ConditionRow(conditionsArea, condition));
    }

    private void addAction(RuleActionCall call) {
        actionRows.add(new ActionRow(actionsArea, call));
    }

    private List<RuleField> fields() {
        int i = entity.getSelectionIndex();
        return i < 0 ? List.of() : service.fields(entities.get(i).id());
    }

    /** One condition: and/or (not for the first), field, comparison, value, remove. */
    private final class ConditionRow {
        final Composite row;
        final Combo join;
        final Combo field;
        final Combo operator;
        final Text value;
        /** The labels of the chosen field's picklist, offered as the value is typed; empty for a field without one. */
        final org.eclipse.jface.fieldassist.SimpleContentProposalProvider values = new org.eclipse.jface.fieldassist.SimpleContentProposalProvider();
        List<RuleField> offered = List.of();

        ConditionRow(Composite parent, RuleCondition condition) {
            row = new Composite(parent, SWT.NONE);
            row.setLayoutData(fill());
            row.setLayout(new GridLayout(5, false));
            join = new Combo(row, SWT.READ_ONLY);
            join.setItems(Messages.Dialog_and, Messages.Dialog_or);
            join.select(condition != null && condition.join() == RuleCondition.Join.OR ? 1 : 0);
            join.setVisible(!conditionRows.isEmpty());
            field = new Combo(row, SWT.READ_ONLY);
            operator = new Combo(row, SWT.READ_ONLY);
            for (Operator o : Operator.values()) {
                operator.add(o.label());
            }
            value = new Text(row, SWT.BORDER);
            value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            values.setFiltering(true);
            org.eclipse.jface.fieldassist.ContentProposalAdapter assist = new org.eclipse.jface.fieldassist.ContentProposalAdapter(value,
                    new org.eclipse.jface.fieldassist.TextContentAdapter(), values, null, null);
            assist.setProposalAcceptanceStyle(org.eclipse.jface.fieldassist.ContentProposalAdapter.PROPOSAL_REPLACE);
            field.addListener(SWT.Selection, e -> offerValues());
            Button remove = new Button(row, SWT.PUSH);
            remove.setText(Messages.Dialog_remove);
            remove.addListener(SWT.Selection, e -> {
                conditionRows.remove(this);
                row.dispose();
                if (!conditionRows.isEmpty()) {
                    conditionRows.get(0).join.setVisible(false);
                }
                relayout();
            });
            offerFields();
            if (condition != null) {
                selectById(field, offered.stream().map(RuleField::name).toList(), condition.field());
                if (condition.operator() != null) {
                    operator.select(condition.operator().ordinal());
                }
                offerValues();
                value.setText(condition.value() == null ? "" : PicklistValues.label(picklist(), condition.value())); //$NON-NLS-1$
            }
        }

        /** The picklist the chosen field stores codes of, or null. */
        String picklist() {
            int f = field.getSelectionIndex();
            return f < 0 ? null : offered.get(f).picklist();
        }

        /** Offers the chosen field's picklist labels (in the user's language) as its value is typed. */
        void offerValues() {
            values.setProposals(PicklistValues.labels(picklist()).toArray(String[]::new));
        }

        /** What the value is offered from: the labels of the chosen field's picklist. */
        List<String> offeredValues() {
            return PicklistValues.labels(picklist());
        }

        void offerFields() {
            String before = field.getSelectionIndex() < 0 ? null : offered.get(field.getSelectionIndex()).name();
            offered = fields();
            field.setItems(offered.stream().map(RuleField::label).toArray(String[]::new));
            selectById(field, offered.stream().map(RuleField::name).toList(), before);
            offerValues();
        }

        RuleCondition condition() {
            int f = field.getSelectionIndex();
            int o = operator.getSelectionIndex();
            return new RuleCondition(join.getSelectionIndex() == 1 ? RuleCondition.Join.OR : RuleCondition.Join.AND,
                    f < 0 ? "" : offered.get(f).name(), o < 0 ? null : Operator.values()[o], PicklistValues.code(picklist(), value.getText())); //$NON-NLS-1$
        }
    }

    /** One action: which, its settings (fields by their label), remove. */
    private final class ActionRow {
        final Composite row;
        final Combo action;
        final Composite settings;
        final Map<String, Control> values = new LinkedHashMap<>();
        List<RuleField> offered = List.of();

        ActionRow(Composite parent, RuleActionCall call) {
            row = new Composite(parent, SWT.BORDER);
            row.setLayoutData(fill());
            row.setLayout(new GridLayout(3, false));
            action = new Combo(row, SWT.READ_ONLY);
            action.setItems(actions.stream().map(RuleContribution::label).toArray(String[]::new));
            settings = new Composite(row, SWT.NONE);
            settings.setLayoutData(fill());
            settings.setLayout(new GridLayout(2, false));
            Button remove = new Button(row, SWT.PUSH);
            remove.setText(Messages.Dialog_remove);
            remove.setLayoutData(new GridData(SWT.RIGHT, SWT.TOP, false, false));
            remove.addListener(SWT.Selection, e -> {
                actionRows.remove(this);
                row.dispose();
                relayout();
            });
            action.addListener(SWT.Selection, e -> {
                showSettings(Map.of());
                relayout();
            });
            if (call != null) {
                selectById(action, actions.stream().map(RuleContribution::id).toList(), call.actionId());
                showSettings(call.parameters());
            }
        }

        void showSettings(Map<String, String> current) {
            for (Control c : settings.getChildren()) {
                c.dispose();
            }
            values.clear();
            RuleContribution chosen = chosen(action, actions);
            if (chosen == null) {
                return;
            }
            offered = fields();
            for (RuleParameter p : chosen.parameters()) {
                Control control;
                if (p.type() == RuleParameter.Type.FIELD) {
                    Combo combo = new Combo(settings, SWT.READ_ONLY);
                    combo.setItems(offered.stream().map(RuleField::label).toArray(String[]::new));
                    selectById(combo, offered.stream().map(RuleField::name).toList(), current.get(p.name()));
                    control = combo;
                } else {
                    Text text = new Text(settings, SWT.BORDER);
                    text.setText(current.getOrDefault(p.name(), "")); //$NON-NLS-1$
                    control = text;
                }
                labelBefore(control, p.label());
                control.setLayoutData(fill());
                values.put(p.name(), control);
            }
        }

        void offerFields() {
            showSettings(call());
        }

        Map<String, String> call() {
            Map<String, String> parameters = new LinkedHashMap<>();
            values.forEach((key, control) -> {
                if (control instanceof Combo combo) {
                    if (combo.getSelectionIndex() >= 0) {
                        parameters.put(key, offered.get(combo.getSelectionIndex()).name());
                    }
                } else if (!((Text) control).getText().isBlank()) {
                    parameters.put(key, ((Text) control).getText());
                }
            });
            return parameters;
        }

        RuleActionCall actionCall() {
            RuleContribution chosen = chosen(action, actions);
            return new RuleActionCall(chosen == null ? "" : chosen.id(), call()); //$NON-NLS-1$
        }
    }

    /** The rule as the form describes it (the edited one, changed, or a new one). */
    Rule describedRule() {
        RuleEntity e = entity.getSelectionIndex() < 0 ? null : entities.get(entity.getSelectionIndex());
        RuleContribution t = chosen(trigger, triggers);
        Rule r = rule == null ? new Rule(name.getText().trim(), e == null ? null : e.id(), t == null ? null : t.id()) : rule;
        r.setName(name.getText().trim());
        r.setEntity(e == null ? null : e.id());
        r.setTriggerId(t == null ? null : t.id());
        Map<String, String> settings = new LinkedHashMap<>();
        triggerValues.forEach((k, text) -> {
            if (!text.getText().isBlank()) {
                settings.put(k, text.getText().trim());
            }
        });
        r.setTriggerParameters(settings);
        r.setEnabled(enabled.getSelection());
        r.setConditions(conditionRows.stream().map(ConditionRow::condition).toList());
        r.setActions(actionRows.stream().map(ActionRow::actionCall).toList());
        return r;
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId != IDialogConstants.OK_ID) {
            super.buttonPressed(buttonId);
            return;
        }
        Rule r = describedRule();
        List<FieldError> problems = service.problems(r);
        if (!problems.isEmpty()) {
            refuse(problems);
            return;
        }
        try {
            saved = service.save(r);
        } catch (ValidationException e) {
            refuse(e.getErrors());
            return;
        } catch (RuntimeException e) {
            setErrorMessage(Jobs.message(e));
            return;
        }
        super.buttonPressed(buttonId);
    }

    private void refuse(List<FieldError> problems) {
        setErrorMessage(NLS.bind(Messages.Dialog_refused, problems.stream().map(FieldError::message).collect(Collectors.joining("\n")))); //$NON-NLS-1$
    }

    private static RuleContribution chosen(Combo combo, List<RuleContribution> offered) {
        int i = combo.getSelectionIndex();
        return i < 0 ? null : offered.get(i);
    }

    private static void selectById(Combo combo, List<String> ids, String id) {
        int i = id == null ? -1 : ids.indexOf(id);
        if (i >= 0) {
            combo.select(i);
        }
    }

    private static Combo combo(Composite parent, String label, List<String> items) {
        new Label(parent, SWT.NONE).setText(label);
        Combo combo = new Combo(parent, SWT.READ_ONLY);
        combo.setItems(items.toArray(String[]::new));
        combo.setLayoutData(fill());
        return combo;
    }

    /** Puts a label before {@code control} in its parent's two-column grid. */
    private static void labelBefore(Control control, String text) {
        Label label = new Label(control.getParent(), SWT.NONE);
        label.setText(text);
        label.moveAbove(control);
    }

    private static GridData fill() {
        return new GridData(SWT.FILL, SWT.CENTER, true, false);
    }
}
