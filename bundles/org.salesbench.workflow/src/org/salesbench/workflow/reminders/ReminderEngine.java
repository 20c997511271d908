package org.salesbench.workflow.reminders;

import java.util.List;

/**
 * Evaluates every enabled reminder rule and makes a task for each occurrence due, once. The workbench runs it at start
 * and every 15 minutes; {@code tasks remind} runs it once. Each run of each rule is recorded in
 * {@code SB_REMINDER_RUN}.
 */
public interface ReminderEngine {

    /** Runs every enabled rule now; a failing rule is recorded with its error and the others still run. */
    List<ReminderRun> run();

    /** The latest recorded run of each rule, in rule order. */
    List<ReminderRun> lastRuns();

    /** Every contributed rule (an add-on's too) with its settings, in rule order. */
    List<ReminderSetting> settings();

    /**
     * Stores a rule's settings in this installation's preferences ({@code reminder.<id>.enabled|days}); the next run
     * follows them. Refuses an unknown rule or a negative number of days, naming it.
     */
    void configure(String ruleId, boolean enabled, int days);

    /** Gives a rule back its contribution's settings. */
    void resetSettings(String ruleId);
}
