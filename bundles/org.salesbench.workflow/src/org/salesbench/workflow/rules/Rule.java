package org.salesbench.workflow.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * An automation rule: when a trigger fires on a record of {@link #getEntity() an entity} and its conditions hold, its
 * actions run. Its owner is who made it. Triggers, conditions and actions are kept as text in the rule's own row (see
 * {@link RuleService} for what is checked at save).
 */
@Entity
@Table(name = "SB_RULE")
public class Rule extends AbstractEntity {

    /** The entity name permissions are granted on. */
    public static final String ENTITY = "rule";

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "DESCRIPTION", length = 2000)
    private String description;

    @Column(name = "RECORD_ENTITY", length = 64, nullable = false)
    private String recordEntity;

    @Column(name = "TRIGGER_ID", length = 200, nullable = false)
    private String triggerId;

    @Column(name = "TRIGGER_SETTINGS", length = 2000)
    private String triggerSettings;

    @Column(name = "CONDITIONS", length = 8000)
    private String conditions;

    @Column(name = "ACTIONS", length = 8000)
    private String actions;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled = true;

    protected Rule() {
    }

    public Rule(String name, String entity, String triggerId) {
        this.name = name;
        this.recordEntity = entity;
        this.triggerId = triggerId;
    }

    public String getName() { return name; }

    public void setName(String name) { this.name = name; }

    public String getDescription() { return description; }

    public void setDescription(String description) { this.description = description; }

    /** The entity of the records the rule is about, e.g. {@code opportunity}. */
    public String getEntity() { return recordEntity; }

    public void setEntity(String entity) { this.recordEntity = entity; }

    public String getTriggerId() { return triggerId; }

    public void setTriggerId(String triggerId) { this.triggerId = triggerId; }

    public boolean isEnabled() { return enabled; }

    public void setEnabled(boolean enabled) { this.enabled = enabled; }

    public Map<String, String> getTriggerParameters() {
        List<Map<String, String>> items = ParameterText.decode(triggerSettings);
        return items.isEmpty() ? new LinkedHashMap<>() : items.get(0);
    }

    public void setTriggerParameters(Map<String, String> parameters) {
        this.triggerSettings = parameters.isEmpty() ? null : ParameterText.encode(List.of(parameters));
    }

    public List<RuleCondition> getConditions() {
        List<RuleCondition> result = new ArrayList<>();
        for (Map<String, String> item : ParameterText.decode(conditions)) {
            result.add(new RuleCondition(enumOf(RuleCondition.Join.class, item.get("join"), RuleCondition.Join.AND), item.get("field"),
                    enumOf(Operator.class, item.get("op"), null), item.get("value")));
        }
        return result;
    }

    public void setConditions(List<RuleCondition> list) {
        List<Map<String, String>> items = new ArrayList<>();
        for (RuleCondition c : list) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("join", c.join() == null ? null : c.join().name());
            item.put("field", c.field());
            item.put("op", c.operator() == null ? null : c.operator().name());
            item.put("value", c.value());
            items.add(item);
        }
        this.conditions = items.isEmpty() ? null : ParameterText.encode(items);
    }

    public List<RuleActionCall> getActions() {
        List<RuleActionCall> result = new ArrayList<>();
        for (Map<String, String> item : ParameterText.decode(actions)) {
            Map<String, String> parameters = new LinkedHashMap<>(item);
            String id = parameters.remove("@action");
            result.add(new RuleActionCall(id == null ? "" : id, parameters));
        }
        return result;
    }

    public void setActions(List<RuleActionCall> list) {
        List<Map<String, String>> items = new ArrayList<>();
        for (RuleActionCall a : list) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("@action", a.actionId());
            item.putAll(a.parameters());
            items.add(item);
        }
        this.actions = items.isEmpty() ? null : ParameterText.encode(items);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name, E fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
