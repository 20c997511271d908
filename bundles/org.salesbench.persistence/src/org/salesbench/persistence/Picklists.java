package org.salesbench.persistence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The editable lists of values of enumerated fields (industry, loss reason, …): one service for every module. Records
 * store a value's code; users see its label in their language ({@link #label}); imports read a code or a label in
 * either language ({@link #resolve}). Reading is everyone's; adding, renaming, reordering and deactivating values is an
 * administrator's: the security service must permit {@link #ENTITY} (CREATE to add, UPDATE for the rest), which the
 * built-in administrator role does and no other built-in role.
 * <p>
 * The values live in {@code SB_PICKLIST_VALUE} ({@code LIST_ID, CODE, LABEL_EN, LABEL_ZH, POSITION, ACTIVE,
 * BUILT_IN}), a table stable for reporting: a report may join it to show labels. A list exists once it has a value;
 * a module names the columns that store a list's codes with a {@code picklistColumn} element of
 * {@code org.salesbench.persistence.entities}, and every value such a column holds becomes a value of the list after a
 * migration (labelled as written), so a free-text column converted to codes loses nothing.
 */
public interface Picklists {

    /** The security service's name for picklists. */
    String ENTITY = "picklist";

    /** The customer's (and a lead's, an opportunity's) industry. */
    String INDUSTRY = "industry";
    /**
     * Where a lead or a deal came from (campaign, web form, …; another CRM's migrated campaigns too): leads' and deals'
     * source and campaign store its codes. Opportunities' {@code LeadService.sources} reads it.
     */
    String LEAD_SOURCE = "leadSource";
    /** Why an opportunity was lost. */
    String LOSS_REASON = "lossReason";
    /** A customer's status (customers' {@code CustomerStatus}): fixed values, editable labels. */
    String CUSTOMER_STATUS = "customerStatus";
    /** An activity's type (customers' {@code ActivityType}): fixed values, editable labels. */
    String ACTIVITY_TYPE = "activityType";
    /** A customer's or a lead's head-count band (shipped: {@code MICRO}, {@code SMALL}, {@code MEDIUM}, {@code LARGE}, {@code ENTERPRISE}). */
    String COMPANY_SIZE = "companySize";
    /**
     * The part a contact plays in the customer's buying decision (shipped: {@code DECISION_MAKER}, {@code INFLUENCER},
     * {@code CHAMPION}, {@code USER}, {@code GATEKEEPER}, {@code OTHER}).
     */
    String DECISION_ROLE = "decisionRole";
    /**
     * Where a lead is in screening (opportunities' {@code LeadStatus}): fixed values, editable labels; conversion and
     * disqualification decide on the codes {@code CONVERTED} and {@code DISQUALIFIED}.
     */
    String LEAD_STATUS = "leadStatus";
    /**
     * Lists whose values carry behaviour (each is a module's enum constant, which code decides on): their labels are
     * renamed like any list's, but no value is added, moved or deactivated.
     */
    java.util.Set<String> FIXED_LISTS = java.util.Set.of(CUSTOMER_STATUS, ACTIVITY_TYPE, LEAD_STATUS);

    /**
     * The service on {@code unitOfWork} for a process that opened its database itself (a tool, a test); in the workbench
     * and the CLI it is a DS service.
     */
    static Picklists open(UnitOfWork unitOfWork, org.salesbench.core.security.SecurityService security) {
        return new org.salesbench.persistence.internal.PicklistService(unitOfWork, security);
    }

    /**
     * The code made for a new value from its label: upper-case letters and digits, the rest as single underscores, at
     * most 60 characters ({@code "Cold Call"} → {@code COLD_CALL}).
     */
    static String codeOf(String label) {
        return org.salesbench.persistence.internal.PicklistService.codeOf(label);
    }

    /** The ids of the lists that have values, sorted. */
    List<String> lists();

    /** Every value of {@code list} in order, inactive ones included; empty for a list with no values. */
    List<PicklistValue> values(String list);

    /** The active values of {@code list} in order: what a form offers. */
    default List<PicklistValue> activeValues(String list) {
        return values(list).stream().filter(PicklistValue::active).toList();
    }

    /** The value of {@code list} with {@code code} (case ignored). */
    default Optional<PicklistValue> find(String list, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip();
        return values(list).stream().filter(v -> v.code().equalsIgnoreCase(c)).findFirst();
    }

    /** What the user sees for {@code code}: its label in {@code locale}'s language, or the code itself when the list has no such value. */
    default String label(String list, String code, Locale locale) {
        if (code == null) {
            return null;
        }
        return find(list, code).map(v -> v.label(locale)).orElse(code);
    }

    /** {@link #label(String, String, Locale)} in the user's language. */
    default String label(String list, String code) {
        return label(list, code, Locale.getDefault());
    }

    /**
     * The code of the value {@code text} names: its code, its English label or its Chinese label, compared ignoring
     * case and surrounding blanks (inactive values too: a record may keep one); empty when none does.
     */
    default Optional<String> resolve(String list, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        List<PicklistValue> values = values(list);
        for (PicklistValue v : values) {
            if (v.code().equalsIgnoreCase(t)) {
                return Optional.of(v.code());
            }
        }
        for (PicklistValue v : values) {
            if (v.labelEn().equalsIgnoreCase(t) || v.labelZh().equalsIgnoreCase(t)) {
                return Optional.of(v.code());
            }
        }
        return Optional.empty();
    }

    /**
     * The code to store for {@code text}, what a form, a service's caller or a file wrote for a value of {@code list}:
     * the code of the value it names ({@link #resolve}: its code or either language's label), else the text as written
     * (blanks around removed) for the caller's own rule to keep or refuse; {@code null} for a blank text. "Codes stored,
     * labels shown": every path that writes such a field converts through this.
     */
    default String resolveOrKeep(String list, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return resolve(list, text).orElse(text.strip());
    }

    /**
     * Adds a value at the end of {@code list} (creating the list), both labels required (give the same text twice
     * when there is one); {@code code} {@code null} makes one from the English label ({@code Food & Beverage} →
     * {@code FOOD_BEVERAGE}, numbered when taken).
     *
     * @throws IllegalArgumentException naming the list and value when a label is blank, the code malformed or taken
     * @throws org.salesbench.core.security.AccessDeniedException when the user may not edit picklists
     */
    PicklistValue add(String list, String code, String labelEn, String labelZh);

    /**
     * The code of {@code text} in {@code list} ({@link #resolve}), adding it as a new value labelled as written in both
     * languages when the list has none (what an import's {@code --add-values} does).
     */
    String resolveOrAdd(String list, String text);

    /** New labels for a value (a {@code null} label stays as it is). */
    PicklistValue rename(String list, String code, String labelEn, String labelZh);

    /** Moves a value to {@code index} (0 first) of the list's order, the others keeping theirs. */
    List<PicklistValue> move(String list, String code, int index);

    /** Offers a value again or no longer; records that have it keep it. */
    PicklistValue setActive(String list, String code, boolean active);
}
