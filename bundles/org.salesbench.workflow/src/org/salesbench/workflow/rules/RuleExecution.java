package org.salesbench.workflow.rules;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/** One run of a rule on a record, as the execution log keeps it; its owner is the user the rule ran as. */
@Entity
@Table(name = "SB_RULE_EXECUTION")
public class RuleExecution extends AbstractEntity {

    public enum Outcome {
        /** Every action ran. */
        SUCCEEDED,
        /** At least one action failed; {@link RuleExecution#getError()} says which and why. The others ran. */
        FAILED,
        /** Not run: the change was caused by this rule's own actions on the same originating change. */
        LOOP_STOPPED
    }

    @Column(name = "RULE_ID", nullable = false)
    private long ruleId;

    @Column(name = "RULE_NAME", length = 200, nullable = false)
    private String ruleName;

    @Column(name = "RECORD_ENTITY", length = 64, nullable = false)
    private String recordEntity;

    @Column(name = "RECORD_ID")
    private Long recordId;

    @Column(name = "TRIGGERED_BY", length = 16, nullable = false)
    private String triggeredBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "OUTCOME", length = 16, nullable = false)
    private Outcome outcome;

    @Column(name = "ERROR", length = 2000)
    private String error;

    @Column(name = "EXECUTED_AT", nullable = false)
    private Instant executedAt;

    @Column(name = "DEPTH", nullable = false)
    private int depth;

    protected RuleExecution() {
    }

    public RuleExecution(Rule rule, String entity, Long recordId, RecordChange.Kind triggeredBy, Instant executedAt, int depth) {
        this.ruleId = rule.getId();
        this.ruleName = rule.getName();
        this.recordEntity = entity;
        this.recordId = recordId;
        this.triggeredBy = triggeredBy.name();
        this.executedAt = executedAt;
        this.depth = depth;
        this.outcome = Outcome.SUCCEEDED;
    }

    public long getRuleId() { return ruleId; }

    public String getRuleName() { return ruleName; }

    public String getRecordEntity() { return recordEntity; }

    /** The record, or {@code null} for a scheduled run that found no record. */
    public Long getRecordId() { return recordId; }

    /** How the rule came to run: a {@link RecordChange.Kind} name. */
    public String getTriggeredBy() { return triggeredBy; }

    public Outcome getOutcome() { return outcome; }

    public void setOutcome(Outcome outcome) { this.outcome = outcome; }

    public String getError() { return error; }

    public void setError(String error) {
        this.error = error == null || error.length() <= 2000 ? error : error.substring(0, 1999) + "…";
    }

    public Instant getExecutedAt() { return executedAt; }

    /** 0 for a change a person made; 1 and more for a change rules' actions made, in a chain. */
    public int getDepth() { return depth; }
}
