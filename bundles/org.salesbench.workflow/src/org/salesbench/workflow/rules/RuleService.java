package org.salesbench.workflow.rules;

import java.util.List;
import java.util.Optional;

import org.salesbench.core.validation.FieldError;
import org.salesbench.workflow.RecordRef;

/**
 * Automation rules: kept in the database, run by the engine after every committed change of a record their trigger
 * listens to (and, for scheduled rules, when run), each run logged. Saving checks the current user's rights on
 * {@link Rule#ENTITY} and refuses a rule whose trigger, conditions or actions do not fit its entity's fields.
 */
public interface RuleService {

    /** The rules the current user may read, by name. */
    default List<Rule> list() {
        return list(RuleSort.DEFAULT);
    }

    /** The rules the current user may read, in {@code sort}'s order (the database's), ties by id. */
    List<Rule> list(RuleSort sort);

    Optional<Rule> find(long id);

    /** What is wrong with the rule, each error naming the part ({@code name}, {@code trigger}, {@code condition 2}, {@code action 1}...); empty when it may be saved. */
    List<FieldError> problems(Rule rule);

    /**
     * Creates or updates the rule.
     *
     * @throws org.salesbench.core.validation.ValidationException listing {@link #problems}
     */
    Rule save(Rule rule);

    void delete(long id);

    /**
     * Runs a rule now: against {@code record} if given (its trigger is not asked, its conditions are), otherwise, for a
     * scheduled rule, against every record of its entity whose values meet its conditions. Returns what was logged.
     *
     * @throws org.salesbench.core.validation.ValidationException when the rule is not scheduled and no record is given,
     *         or the record does not exist
     */
    List<RuleExecution> run(long ruleId, RecordRef record);

    /** The execution log, newest first; of one rule when {@code ruleId} is not null. */
    List<RuleExecution> log(Long ruleId, int limit);

    /** Each rule's most recent execution. */
    java.util.Map<Long, RuleExecution> lastExecutions();

    /** The entities rules may be about. */
    List<RuleEntity> entities();

    /** The fields of an entity conditions may compare; empty for an unknown entity. */
    List<RuleField> fields(String entity);

    List<RuleContribution> triggers();

    List<RuleContribution> actions();
}
