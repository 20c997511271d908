package org.salesbench.workflow.rules;

/**
 * One setting of a trigger or an action, as the rule editor asks for it and the rule stores it (as text).
 *
 * @param name     the stable name stored with the rule
 * @param label    what the editor shows
 * @param type     how the value is checked at save
 * @param required whether a rule without it is refused
 */
public record RuleParameter(String name, String label, Type type, boolean required) {

    public enum Type {
        /** Any text. */
        TEXT,
        /** A whole or decimal number. */
        NUMBER,
        /** The name of a field of the rule's entity. */
        FIELD,
        /** The login of a user. */
        USER
    }
}
