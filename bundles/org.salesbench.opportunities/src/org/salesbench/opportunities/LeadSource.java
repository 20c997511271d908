package org.salesbench.opportunities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * Where leads come from (campaign, web form, referral, …): a configurable list. Leads store the
 * {@link #getCode() code}. Sources shipped with Salesbench carry a name key and are shown in the
 * user's language until someone renames them.
 */
@Entity
@Table(name = "SB_LEAD_SOURCE")
public class LeadSource extends AbstractEntity {

    @Column(name = "CODE", length = 64, nullable = false, unique = true)
    private String code;

    @Column(name = "NAME", length = 128, nullable = false)
    private String name;

    @Column(name = "NAME_KEY", length = 64)
    private String nameKey;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active = true;

    public LeadSource() {
    }

    public LeadSource(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    /** The stored (English or user-typed) name; see {@link #getLabel()} for what to show. */
    public String getName() { return name; }
    /** Renaming drops the name key: the user's words win over the shipped translation. */
    public void setName(String name) {
        if (name != null && !name.equals(this.name)) {
            nameKey = null;
        }
        this.name = name;
    }
    public String getNameKey() { return nameKey; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }

    /** The name to show, in the user's language for shipped sources. */
    public String getLabel() {
        return SeedNames.label(nameKey, name);
    }
}
