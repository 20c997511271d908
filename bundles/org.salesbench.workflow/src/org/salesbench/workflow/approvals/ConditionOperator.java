package org.salesbench.workflow.approvals;

/** How a definition's condition compares a subject field with its value. */
public enum ConditionOperator {
    GT(">"), GE(">="), LT("<"), LE("<="), EQ("="), NE("!=");

    private final String symbol;

    ConditionOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code comparison} (the field's value compared with the condition's) satisfies this operator. */
    public boolean holds(int comparison) {
        return switch (this) {
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
        };
    }
}
