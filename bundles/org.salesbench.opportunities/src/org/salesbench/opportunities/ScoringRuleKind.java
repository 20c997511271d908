package org.salesbench.opportunities;

/** What a lead scoring rule looks at. */
public enum ScoringRuleKind {
    /** points when the lead's industry equals the rule's value (case ignored) */
    INDUSTRY,
    /** points when the lead's company size is the rule's value (a code of the picklist {@code companySize}) */
    SIZE,
    /** points when the need description contains the rule's value (case ignored) */
    NEED_KEYWORD,
    /** points when the lead's source is the rule's value (a source code) */
    SOURCE,
    /** points when the budget is at least the rule's value (a decimal amount) */
    BUDGET_AT_LEAST,
    /** points when the company is already our customer; the value is ignored */
    EXISTING_CUSTOMER,
    /** points when the company has won an opportunity with us before; the value is ignored */
    WON_BEFORE,
    /** not points but a grade: a lead whose score reaches the rule's points gets the grade named by the value */
    GRADE
}
