package org.salesbench.workflow.rules;

/**
 * The services contributed triggers, record catalogues and actions call (task, assignment, a module's record
 * service): handed in by the rule engine, since a contribution is created by the extension registry, not by DS.
 */
public interface RuleServices {

    /**
     * @throws IllegalStateException naming the type when no such service is running
     */
    <S> S get(Class<S> type);
}
