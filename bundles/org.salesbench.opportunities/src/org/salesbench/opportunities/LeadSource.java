package org.salesbench.opportunities;

import java.util.Locale;

import org.salesbench.persistence.PicklistValue;

/**
 * Where leads come from (campaign, web form, referral, …): a value of the editable picklist
 * {@link org.salesbench.persistence.Picklists#LEAD_SOURCE}, as {@link LeadService#sources} reads it and
 * {@link LeadService#saveSources} writes it. Leads and deals store the {@link #getCode() code}; users see the
 * {@link #getLabel() label} in their language.
 */
public class LeadSource {

    private String code;
    private String name;
    private String nameZh;
    private int position;
    private boolean active = true;
    private boolean builtIn;

    public LeadSource() {
    }

    /** A source named {@code name} in both languages. */
    public LeadSource(String code, String name) {
        this(code, name, name);
    }

    public LeadSource(String code, String name, String nameZh) {
        this.code = code;
        this.name = name;
        this.nameZh = nameZh;
    }

    /** The source a value of the lead-source picklist is. */
    public static LeadSource of(PicklistValue value) {
        LeadSource source = new LeadSource(value.code(), value.labelEn(), value.labelZh());
        source.position = value.position();
        source.active = value.active();
        source.builtIn = value.builtIn();
        return source;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    /** The English name. */
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    /** The Chinese name. */
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    /** The place in the list's order (the picklist's position). */
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    /** Whether Salesbench shipped it. */
    public boolean isBuiltIn() { return builtIn; }

    /** The name to show, in the user's language. */
    public String getLabel() {
        return new PicklistValue(org.salesbench.persistence.Picklists.LEAD_SOURCE, code, name, nameZh == null ? "" : nameZh, position,
                active, builtIn).label(Locale.getDefault());
    }

    @Override
    public String toString() {
        return code + " (" + name + ")";
    }
}
