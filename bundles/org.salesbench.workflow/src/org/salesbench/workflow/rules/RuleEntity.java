package org.salesbench.workflow.rules;

/** An entity rules can be about (a contribution to {@code org.salesbench.workflow.ruleEntities}). */
public record RuleEntity(String id, String label) {
}
