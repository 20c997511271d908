package org.salesbench.workflow.reminders;

/**
 * A reminder rule's settings: whether it runs and its number of days (what "days" means is the rule's: days before a
 * quote expires, days idle in a stage…), as the preferences hold them, with the contribution's values beside.
 *
 * @param ruleId         the rule's id
 * @param label          the rule's name, translated
 * @param enabled        whether it runs
 * @param days           its number of days
 * @param defaultEnabled whether it runs unless the preferences say otherwise
 * @param defaultDays    its number of days unless the preferences say otherwise
 */
public record ReminderSetting(String ruleId, String label, boolean enabled, int days, boolean defaultEnabled, int defaultDays) {
}
