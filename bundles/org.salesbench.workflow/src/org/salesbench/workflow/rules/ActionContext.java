package org.salesbench.workflow.rules;

import java.util.Map;

import org.salesbench.workflow.RecordRef;

/** What an action is given when its rule fires. */
public interface ActionContext {

    Rule rule();

    RecordRef record();

    /** The record's values when the rule's conditions were evaluated. */
    Map<String, Object> values();

    /** A setting of this action, or {@code null}. */
    String parameter(String name);

    /** The catalogue of the record's entity, to read or write its fields. */
    RuleRecords records();

    RuleServices services();

    /**
     * A key unique to this firing of this rule on this record (the same for a scheduled rule's record on one day), for
     * {@code TaskService.createOnce}: running again never makes the same task twice.
     */
    String occurrenceKey();
}
