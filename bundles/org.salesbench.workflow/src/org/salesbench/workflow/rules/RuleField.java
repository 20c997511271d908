package org.salesbench.workflow.rules;

/**
 * A field of a record that conditions compare and, when {@code settable}, the set-field action writes.
 *
 * @param name     the stable name rules store, e.g. {@code amount}
 * @param label    what the rule editor shows
 * @param type     how values compare
 * @param settable whether the set-field action may write it
 */
public record RuleField(String name, String label, FieldType type, boolean settable) {
}
