package org.salesbench.workflow.rules;

/**
 * A field of a record that conditions compare and, when {@code settable}, the set-field action writes.
 *
 * @param name     the stable name rules store, e.g. {@code amount}
 * @param label    what the rule editor shows
 * @param type     how values compare
 * @param settable whether the set-field action may write it
 * @param picklist the id of the {@code org.salesbench.persistence.Picklists} list whose codes the field stores (e.g.
 *                 {@code industry}), or {@code null}: conditions then compare the value's code, so a rule written with a
 *                 label ("Technology", "信息技术") matches records that store the code, and the rule editor offers the
 *                 list's labels
 */
public record RuleField(String name, String label, FieldType type, boolean settable, String picklist) {

    /** A field that stores no picklist's codes. */
    public RuleField(String name, String label, FieldType type, boolean settable) {
        this(name, label, type, settable, null);
    }
}
