package org.salesbench.workflow.process;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One action of a step's checklist, e.g. "budget confirmed". Its {@linkplain #getKey() key} is what ticks refer to, so
 * the label can be reworded without losing who ticked it.
 */
@Embeddable
public class ChecklistItem {

    @Column(name = "ITEM_KEY", length = 64, nullable = false)
    private String key;

    @Column(name = "LABEL", length = 200, nullable = false)
    private String label;

    /** Set on items shipped with Salesbench: the label is then shown translated. */
    @Column(name = "LABEL_KEY", length = 64)
    private String labelKey;

    @Column(name = "REQUIRED", nullable = false)
    private boolean required;

    public ChecklistItem() {
    }

    public ChecklistItem(String key, String label, boolean required) {
        this.key = key;
        this.label = label;
        this.required = required;
    }

    /** A shipped item: its label is shown in the user's language. */
    public static ChecklistItem shipped(String key, String labelKey, String englishLabel, boolean required) {
        ChecklistItem item = new ChecklistItem(key, englishLabel, required);
        item.labelKey = labelKey;
        return item;
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    /** The stored (English or user-typed) label; see {@link #getDisplayLabel()} for what to show. */
    public String getLabel() { return label; }
    /** Rewording drops the label key: the user's words win over the shipped translation. */
    public void setLabel(String label) {
        if (label != null && !label.equals(this.label)) {
            labelKey = null;
        }
        this.label = label;
    }
    public String getLabelKey() { return labelKey; }
    public boolean isRequired() { return required; }
    public void setRequired(boolean required) { this.required = required; }

    /** The label to show, in the user's language for shipped items. */
    public String getDisplayLabel() {
        return ProcessNames.label(labelKey, label);
    }
}
