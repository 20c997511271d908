package org.salesbench.workflow.approvals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.validation.Decimals;

/**
 * When a record of an entity type needs approval, and by whom: a condition on one of the subject's fields (e.g. a quote's
 * {@code maxDiscountPercent > 15}) and ordered steps. Among the active definitions of an entity type whose condition
 * holds, the one with the lowest {@link #getPriority() priority} starts. Saved through {@link ApprovalService#saveDefinition},
 * which refuses an unknown field, a step without approvers, an unknown role or user and a cyclic escalation.
 */
@Entity
@Table(name = "SB_APPROVAL_DEFINITION")
public class ApprovalDefinition extends AbstractEntity {

    /** The permission name of definitions (an administrator's right by default). */
    public static final String ENTITY = "approval_definition";

    @Column(name = "NAME", length = 128, nullable = false, unique = true)
    private String name;

    @Column(name = "ENTITY_TYPE", length = 64, nullable = false)
    private String entityType;

    @Column(name = "CONDITION_FIELD", length = 64, nullable = false)
    private String conditionField;

    @Enumerated(EnumType.STRING)
    @Column(name = "CONDITION_OPERATOR", length = 8, nullable = false)
    private ConditionOperator conditionOperator = ConditionOperator.GT;

    @Column(name = "CONDITION_VALUE", length = 128, nullable = false)
    private String conditionValue;

    @Column(name = "PRIORITY", nullable = false)
    private int priority = 100;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active = true;

    @OneToMany(mappedBy = "definition", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderColumn(name = "POSITION")
    private List<ApprovalStep> steps = new ArrayList<>();

    public ApprovalDefinition() {
    }

    public ApprovalDefinition(String name, String entityType, String conditionField, ConditionOperator operator, String conditionValue) {
        this.name = name;
        this.entityType = entityType;
        this.conditionField = conditionField;
        this.conditionOperator = operator;
        this.conditionValue = conditionValue;
    }

    /** Appends a step; its number is its position, from 1. */
    public ApprovalDefinition addStep(ApprovalStep step) {
        step.setDefinition(this);
        steps.add(step);
        return this;
    }

    /** Whether the condition holds for a record's field value (false when the value is missing or not comparable). */
    public boolean matches(SubjectField.Type type, Object value) {
        if (value == null) {
            return false;
        }
        int comparison;
        if (type == SubjectField.Type.NUMBER) {
            try {
                BigDecimal actual = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
                comparison = actual.compareTo(Decimals.parse(conditionValue.trim()));
            } catch (NumberFormatException e) {
                return false;
            }
        } else {
            comparison = value.toString().compareTo(conditionValue);
        }
        return conditionOperator.holds(comparison);
    }

    /** The condition as a person reads it, e.g. {@code maxDiscountPercent > 10}. */
    public String conditionText() {
        return conditionField + " " + conditionOperator.symbol() + " " + conditionValue;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public String getConditionField() {
        return conditionField;
    }

    public void setConditionField(String conditionField) {
        this.conditionField = conditionField;
    }

    public ConditionOperator getConditionOperator() {
        return conditionOperator;
    }

    public void setConditionOperator(ConditionOperator conditionOperator) {
        this.conditionOperator = conditionOperator;
    }

    public String getConditionValue() {
        return conditionValue;
    }

    public void setConditionValue(String conditionValue) {
        this.conditionValue = conditionValue;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public List<ApprovalStep> getSteps() {
        return steps;
    }

    /** Replaces the steps (an editor's or the command line's whole list), numbered by their new order. */
    public ApprovalDefinition replaceSteps(List<ApprovalStep> newSteps) {
        steps.clear();
        newSteps.forEach(this::addStep);
        return this;
    }
}
