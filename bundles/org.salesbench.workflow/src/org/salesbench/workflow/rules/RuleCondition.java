package org.salesbench.workflow.rules;

/**
 * One comparison of a rule. Conditions are read in order, joined to the one before by {@link #join()}; AND binds
 * tighter than OR, so {@code a AND b OR c} holds when both a and b hold, or c does. The first condition's join is
 * ignored.
 *
 * @param value the operand as typed, read with the field's {@link FieldType}; ignored by the emptiness tests
 */
public record RuleCondition(Join join, String field, Operator operator, String value) {

    public enum Join {
        AND, OR
    }
}
