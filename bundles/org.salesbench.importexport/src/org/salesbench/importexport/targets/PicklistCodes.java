package org.salesbench.importexport.targets;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.eclipse.osgi.util.NLS;
import org.salesbench.importexport.ImportContext;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.Picklists;

/**
 * What an import stores for a field whose values are codes of an editable picklist ({@link Picklists}), one per run: a
 * file may write a value's code, its English or its Chinese label, or another CRM's name for it, and the record gets
 * the code. A value the list has not is added to it when the user asked ({@code --add-values}, noted) and may edit
 * picklists (an administrator), and otherwise
 * kept as written (noted: a sector spelt wrong is the user's to map, not the import's to guess or refuse); such a
 * value is shown as written and becomes a list value at the next upgrade.
 */
public final class PicklistCodes implements UnaryOperator<String> {

    /**
     * Industry values of other CRMs that are not one of the shipped industries' labels (Salesforce's standard values
     * are the shipped English labels), with the shipped code they stand for: Zoho CRM's standard industries and
     * common spellings in English and Chinese.
     */
    public static final String[] VENDOR_INDUSTRIES = {
            "ASP (Application Service Provider)", "TECHNOLOGY", "ERP (Enterprise Resource Planning)", "TECHNOLOGY",
            "ManagementISV", "TECHNOLOGY", "Management ISV", "TECHNOLOGY", "Non-management ISV", "TECHNOLOGY",
            "MSP (Management Service Provider)", "TECHNOLOGY", "Storage Service Provider", "TECHNOLOGY",
            "Systems Integrator", "TECHNOLOGY", "Data/Telecom OEM", "TELECOMMUNICATIONS", "Optical Networking", "TELECOMMUNICATIONS",
            "Wireless Industry", "TELECOMMUNICATIONS", "Network Equipment Enterprise", "TELECOMMUNICATIONS",
            "Storage Equipment", "ELECTRONICS", "Government/Military", "GOVERNMENT", "Information Technology", "TECHNOLOGY",
            "IT", "TECHNOLOGY", "Software", "TECHNOLOGY", "Financial Services", "FINANCE", "Health Care", "HEALTHCARE",
            "Non-Profit", "NOT_FOR_PROFIT", "Nonprofit", "NOT_FOR_PROFIT", "Telecom", "TELECOMMUNICATIONS",
            "Food and Beverage", "FOOD_BEVERAGE", "Logistics", "TRANSPORTATION", "软件", "TECHNOLOGY", "互联网", "TECHNOLOGY",
            "IT服务", "TECHNOLOGY", "计算机", "TECHNOLOGY", "通讯", "COMMUNICATIONS", "医疗", "HEALTHCARE", "制造", "MANUFACTURING",
            "交通运输", "TRANSPORTATION", "银行业", "BANKING", "保险业", "INSURANCE" };

    /**
     * The standard lead sources of Salesforce and Zoho CRM (a lead's, a deal's or an account's source), as the shipped
     * {@code leadSource} codes; the others are reported or added.
     */
    public static final String[] VENDOR_LEAD_SOURCES = { "Web", "WEB_FORM", "Online Store", "WEB_FORM", "Web Download", "WEB_FORM",
            "Phone Inquiry", "INBOUND_CALL", "Partner Referral", "PARTNER", "Partner", "PARTNER", "Employee Referral", "REFERRAL",
            "External Referral", "REFERRAL", "Trade Show", "TRADE_SHOW", "Other", "OTHER" };

    /**
     * Salesforce's standard contact roles (an opportunity's or a contract's contact role: Business User, Decision Maker,
     * Economic Buyer, …) and common Chinese names, as the shipped {@code decisionRole} codes.
     */
    public static final String[] VENDOR_DECISION_ROLES = { "Business User", "USER", "Decision Maker", "DECISION_MAKER", "Economic Buyer",
            "DECISION_MAKER", "Economic Decision Maker", "DECISION_MAKER", "Executive Sponsor", "CHAMPION", "Evaluator", "INFLUENCER",
            "Technical Buyer", "INFLUENCER", "Influencer", "INFLUENCER", "Other", "OTHER", "Gatekeeper", "GATEKEEPER", "拍板人", "DECISION_MAKER",
            "关键人", "DECISION_MAKER", "教练", "CHAMPION", "用户", "USER" };

    private final ImportContext context;
    private final Picklists picklists;
    private final String list;
    private final String fieldLabel;
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    /** Values kept as written (no --add-values), by folded text. */
    private final java.util.Set<String> kept = ConcurrentHashMap.newKeySet();

    private PicklistCodes(ImportContext context, Picklists picklists, String list, String fieldLabel, String... vendorAliases) {
        this.context = context;
        this.picklists = picklists;
        this.list = list;
        this.fieldLabel = fieldLabel;
        for (int i = 0; i + 1 < vendorAliases.length; i += 2) {
            codes.put(key(vendorAliases[i]), vendorAliases[i + 1]);
        }
        for (PicklistValue v : picklists.values(list)) { // the list's own names win over another CRM's
            codes.put(key(v.labelZh()), v.code());
            codes.put(key(v.labelEn()), v.code());
        }
        for (PicklistValue v : picklists.values(list)) {
            codes.put(key(v.code()), v.code());
        }
        codes.values().removeIf(code -> picklists.values(list).stream().noneMatch(v -> v.code().equals(code)));
    }

    /** The codes of {@code list} for one run of {@code context}; {@code fieldLabel} names the field in notes. */
    public static PicklistCodes of(ImportContext context, String list, String fieldLabel, String... vendorAliases) {
        return new PicklistCodes(context, context.service(Picklists.class), list, fieldLabel, vendorAliases);
    }

    /** The code to store for {@code text}; {@code null} for none. */
    @Override
    public String apply(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String written = text.strip();
        String code = codes.get(key(written));
        if (code == null && Picklists.COMPANY_SIZE.equals(list)) {
            code = headCountBand(written); // Salesforce's NumberOfEmployees, Zoho's Employees
        }
        if (code != null) {
            return code;
        }
        if (kept.contains(key(written))) {
            context.note(NLS.bind(TargetMessages.Picklist_kept, fieldLabel, written)); // counted per row
            return written;
        }
        synchronized (this) {
            code = codes.get(key(written));
            if (code != null) {
                return code;
            }
            if (context.addsValues() && mayAdd()) {
                code = picklists.resolveOrAdd(list, written);
                context.note(NLS.bind(TargetMessages.Picklist_added, new Object[] {fieldLabel, written, code}));
                codes.put(key(written), code);
                return code;
            }
            kept.add(key(written));
            context.note(NLS.bind(TargetMessages.Picklist_kept, fieldLabel, written));
            return written;
        }
    }

    /**
     * Whether the user may add values to a picklist (an administrator's right): for anyone else {@code --add-values}
     * keeps an unknown value as written, as without it, instead of failing the row.
     */
    private boolean mayAdd() {
        try {
            SecurityService security = context.service(SecurityService.class);
            return security == null || security.isPermitted(Action.CREATE, Picklists.ENTITY, "system");
        } catch (IllegalStateException noSecurity) { // a bare setup: the picklist service checks when it adds
            return true;
        }
    }

    /**
     * The shipped {@code companySize} code of a head count ({@code "250"}, {@code "1,200"}: what Salesforce's
     * {@code NumberOfEmployees} and Zoho's {@code Employees} hold); {@code null} when {@code text} is not a whole number.
     */
    public static String headCountBand(String text) {
        String digits = text == null ? "" : text.strip().replaceAll("[,\\s'’]", "");
        if (!digits.matches("[0-9]{1,12}")) {
            return null;
        }
        long n = Long.parseLong(digits);
        return n < 10 ? "MICRO" : n < 100 ? "SMALL" : n < 1_000 ? "MEDIUM" : n < 10_000 ? "LARGE" : "ENTERPRISE";
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
