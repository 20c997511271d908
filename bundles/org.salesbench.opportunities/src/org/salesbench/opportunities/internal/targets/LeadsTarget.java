package org.salesbench.opportunities.internal.targets;

import org.salesbench.importexport.targets.FilterTerms;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import static org.salesbench.importexport.TargetField.of;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.FieldError;
import org.salesbench.customers.Customer;
import org.eclipse.osgi.util.NLS;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.users.imports.OwnerLookup;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.WritableFields;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadSource;
import org.salesbench.persistence.Picklists;
import org.salesbench.importexport.targets.PicklistCodes;
import java.util.function.UnaryOperator;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.importexport.targets.RecordChunks;
import org.salesbench.importexport.targets.RecordVersions;
import org.salesbench.importexport.targets.ServiceRows;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.users.UserService;

/**
 * Leads, created through {@link LeadService#create} so they are screened (score, grade, duplicate flag) as a
 * typed-in lead is. The source is one of the configured lead sources, by code, name or label; the owner
 * resolves by login, display name or e-mail. Rows match on external id or e-mail.
 */
public class LeadsTarget implements ImportTarget {

    public static final String ID = "leads";
    static final String ENTITY = Lead.ENTITY;

    @Override
    public String entity() {
        return ENTITY;
    }

    static final String COMPANY = "company", CONTACT_NAME = "contactName", CONTACT_TITLE = "contactTitle", PHONE = "phone", EMAIL = "email",
            SOURCE = "source", INDUSTRY = "industry", SIZE = "size", NEED = "need", BUDGET = "budget", CURRENCY = "currency",
            STATUS = "status", DISQUALIFY_REASON = "disqualifyReason", CREDIT_CODE = "creditCode", OWNER = "owner",
            EXTERNAL_ID = "externalId", CONVERTED_CUSTOMER = "convertedCustomerExternalId", CONVERTED_AT = "convertedAt",
            CAMPAIGN = "campaign";

    /** The standard lead statuses of Salesforce and Zoho CRM. */
    static final String[] VENDOR_STATUSES = { "Open - Not Contacted", "NEW", "Not Contacted", "NEW", "Working - Contacted", "WORKING",
            "Attempted to Contact", "WORKING", "Contact in Future", "WORKING", "Contacted", "WORKING", "Pre-Qualified", "WORKING",
            "Closed - Converted", "QUALIFIED", "Closed - Not Converted", "DISQUALIFIED", "Junk Lead", "DISQUALIFIED", "Lost Lead",
            "DISQUALIFIED", "Not Qualified", "DISQUALIFIED" };

    @Override
    public List<TargetField> fields() {
        return List.of(
                of(COMPANY, ImportMessages.Lead_company, FieldType.TEXT, true, "Company", "Company Name", "Account", "Organization", "公司",
                        "公司名称", "客户名称", "单位名称"),
                of(CONTACT_NAME, ImportMessages.Lead_contactName, FieldType.TEXT, false, "Contact", "Contact Name", "Full Name", "Name",
                        "Last Name", "联系人", "姓名"),
                of(CONTACT_TITLE, ImportMessages.Lead_contactTitle, FieldType.TEXT, false, "Title", "Designation", "职位", "职务"),
                of(PHONE, ImportMessages.Lead_phone, FieldType.TEXT, false, "Phone", "Mobile", "电话", "手机"),
                of(EMAIL, ImportMessages.Lead_email, FieldType.TEXT, false, "Email", "E-mail", "Email Address", "邮箱", "电子邮箱"),
                of(SOURCE, TargetMessages.Field_source, FieldType.PICKLIST, false, "Lead Source", "Source", "来源", "线索来源")
                        .withValueAliases(PicklistCodes.VENDOR_LEAD_SOURCES),
                of(CAMPAIGN, ImportMessages.Field_campaign, FieldType.TEXT, false, "CampaignId", "Campaign", "Campaign Source", "市场活动"),
                of(INDUSTRY, TargetMessages.Field_industry, FieldType.TEXT, false, "Industry", "Sector", "行业"),
                // a code, a label or a head count (Salesforce's NumberOfEmployees, Zoho's No. of Employees): PicklistCodes
                of(SIZE, ImportMessages.Lead_size, FieldType.TEXT, false, "Company Size", "Size", "No. of Employees", "NumberOfEmployees",
                        "Employees", "规模", "公司规模", "员工人数"),
                of(NEED, ImportMessages.Lead_need, FieldType.TEXT, false, "Need", "Description", "Requirements", "需求"),
                of(BUDGET, ImportMessages.Lead_budget, FieldType.NUMBER, false, "Budget", "Annual Revenue", "预算"),
                of(CURRENCY, TargetMessages.Field_currency, FieldType.TEXT, false, "Currency", "Currency ISO Code", "币种"),
                of(STATUS, ImportMessages.Lead_status, FieldType.PICKLIST, false, "Status", "Lead Status", "状态", "线索状态")
                        .withPicklist(List.of(LeadStatus.NEW.name(), LeadStatus.WORKING.name(), LeadStatus.QUALIFIED.name(),
                                LeadStatus.DISQUALIFIED.name())).withValueAliases(VENDOR_STATUSES),
                of(DISQUALIFY_REASON, ImportMessages.Lead_disqualifyReason, FieldType.TEXT, false, "Disqualify Reason",
                        "Unqualified Reason", "无效原因"),
                of(CREDIT_CODE, ImportMessages.Lead_creditCode, FieldType.TEXT, false, "Credit Code", "统一社会信用代码", "信用代码"),
                of(OWNER, TargetMessages.Field_owner, FieldType.TEXT, false, "Owner", "Lead Owner", "Owner Name", "OwnerId", "负责人"),
                of(EXTERNAL_ID, TargetMessages.Field_externalId, FieldType.TEXT, false, "External ID", "Lead ID", "Record Id", "Id", "外部编号"),
                of(CONVERTED_CUSTOMER, ImportMessages.Lead_convertedCustomer, FieldType.TEXT, false, "ConvertedAccountId",
                        "Converted Account ID", "转化客户外部编号"),
                // when the other CRM converted the lead: kept as the conversion's time instead of the import's
                of(CONVERTED_AT, ImportMessages.Lead_convertedAt, FieldType.DATETIME, false, "ConvertedDate", "Converted Date",
                        "Converted Date Time", "Converted Time", "转化时间", "转化日期"),
                RecordVersions.field());
    }

    /** The source picklist: the configured sources' codes, names and labels. */
    @Override
    public List<TargetField> fields(ImportContext context) {
        Set<String> sources = new LinkedHashSet<>();
        for (LeadSource s : context.service(LeadService.class).sources(false)) {
            sources.add(s.getCode());
            sources.add(s.getName());
            sources.add(s.getNameZh());
        }
        return fields().stream().map(f -> f.name().equals(SOURCE) ? f.withPicklist(List.copyOf(sources)) : f).toList();
    }

    @Override
    public List<String> keyFields() {
        return List.of(EXTERNAL_ID, EMAIL);
    }

    @Override
    public String normaliseKey(String field, Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A lead source the file names and the list does not have (Salesforce's "Cold Call"): added at the end of the
     * lead-source picklist, labelled as the file writes it in both languages, its code made from the name
     * ({@code COLD_CALL}); other fields' lists are not the users'. Adding to a picklist is an administrator's: for
     * anyone else the value is not added (noted) and stays an error on its row.
     */
    @Override
    public String addPicklistValue(ImportContext context, String field, String value) {
        if (!SOURCE.equals(field) || value == null || value.isBlank()) {
            return null;
        }
        if (!mayAddSources(context)) {
            context.note(NLS.bind(ImportMessages.Source_notAdmin, value.strip()));
            return null;
        }
        return context.service(Picklists.class).resolveOrAdd(Picklists.LEAD_SOURCE, value.strip());
    }

    /** Whether the user may add lead sources: the picklists' right, an administrator's. */
    static boolean mayAddSources(ImportContext context) {
        return context.service(SecurityService.class).isPermitted(Action.CREATE, Picklists.ENTITY, "system");
    }

    /** The code of a new lead source named {@code name}, made as every list's codes are. */
    static String sourceCode(String name) {
        return org.salesbench.persistence.Picklists.codeOf(name);
    }

    @Override
    public TargetWriter open(ImportContext context) {
        LeadService service = context.service(LeadService.class);
        OwnerLookup relations = new OwnerLookup(context.service(UserService.class));
        UnaryOperator<String> sources = sources(context);
        // a code, either language's label or another CRM's name of an industry (PicklistCodes)
        UnaryOperator<String> industries = PicklistCodes.of(context, Picklists.INDUSTRY, TargetMessages.Field_industry,
                PicklistCodes.VENDOR_INDUSTRIES);
        UnaryOperator<String> sizes = PicklistCodes.of(context, Picklists.COMPANY_SIZE, ImportMessages.Lead_size);
        return (rows, match) -> context.unitOfWork().write(em -> {
            try {
                return write(em, service, relations, sources, industries, sizes, WritableFields.of(context.service(SecurityService.class), ENTITY),
                        rows, match);
            } catch (SQLException e) {
                throw new PersistenceException(e.getMessage(), e);
            }
        });
    }

    private static List<RowOutcome> write(EntityManager em, LeadService service, OwnerLookup relations, UnaryOperator<String> sources,
            UnaryOperator<String> industries, UnaryOperator<String> sizes, WritableFields rules, List<ImportRow> rows, MatchPolicy match)
            throws SQLException {
        Connection connection = em.unwrap(Connection.class);
        List<RowOutcome> outcomes = new ArrayList<>();
        Map<String, Long> externalIds = new HashMap<>();
        for (ImportRow row : rows) {
            Lead existing = match.onMatch() == OnMatch.CREATE ? null : match(em, connection, row, match.keys());
            if (existing != null && match.onMatch() == OnMatch.SKIP) {
                outcomes.add(RowOutcome.skipped(existing.getId()));
                continue;
            }
            RowOutcome stale = existing == null ? null : RecordVersions.refusal(row, existing, existing.getCompany());
            if (stale != null) {
                outcomes.add(stale);
                continue;
            }
            String owner = null;
            if (row.text(OWNER) != null) {
                Object found = relations.login(OWNER, row.text(OWNER));
                if (found instanceof FieldError e) {
                    outcomes.add(RowOutcome.failed(List.of(e)));
                    continue;
                }
                owner = (String) found;
            }
            Long convertedTo = null; // the customer another CRM converted the lead to (by its external id)
            String converted = row.text(CONVERTED_CUSTOMER);
            if (!OpportunitiesTarget.blank(converted) && (existing == null || existing.getStatus() != LeadStatus.CONVERTED)) {
                convertedTo = ExternalIds.find(connection, Customer.ENTITY, "SB_CUSTOMER", List.of(converted.strip())).get(converted.strip());
                if (convertedTo == null) {
                    outcomes.add(RowOutcome.failed(List.of(new FieldError(CONVERTED_CUSTOMER,
                            NLS.bind(ImportMessages.Lead_noConvertedCustomer, converted.strip()), converted))));
                    continue;
                }
            }
            Lead lead = existing != null ? existing : new Lead();
            Map<String, Object> before = existing != null ? rules.before(lead) : null;
            apply(row, lead, sources);
            if (row.has(INDUSTRY)) {
                lead.setIndustry(industries.apply(lead.getIndustry()));
            }
            if (row.has(SIZE)) {
                lead.setSize(sizes.apply(lead.getSize()));
            }
            RowOutcome unwritable = rules.refusal(row, lead, before);
            if (unwritable != null) {
                // a field the user's roles let them only read, or not see, is not written by a file either
                if (existing != null) {
                    em.refresh(existing);
                }
                outcomes.add(unwritable);
                continue;
            }
            if (owner != null) {
                lead.setOwner(owner);
            }
            RowOutcome outcome = ServiceRows.save(em, row.text(EXTERNAL_ID), existing, lead, service::create, service::update, Lead::getId,
                    externalIds);
            if (convertedTo != null && outcome.kind() != RowOutcome.Kind.FAILED) {
                // refused (a race with another conversion) it throws: the batch is undone and its rows written one by one
                LocalDateTime convertedAt = (LocalDateTime) row.get(CONVERTED_AT);
                service.recordConversion(outcome.id(), convertedTo, convertedAt == null ? null : convertedAt.atZone(ZoneId.systemDefault()).toInstant());
            }
            outcomes.add(outcome);
        }
        ExternalIds.put(connection, ENTITY, externalIds);
        return outcomes;
    }

    private static void apply(ImportRow row, Lead l, UnaryOperator<String> sources) {
        if (row.has(COMPANY)) l.setCompany(row.text(COMPANY));
        if (row.has(CONTACT_NAME)) l.setContactName(row.text(CONTACT_NAME));
        if (row.has(CONTACT_TITLE)) l.setContactTitle(row.text(CONTACT_TITLE));
        if (row.has(PHONE)) l.setPhone(row.text(PHONE));
        if (row.has(EMAIL)) l.setEmail(row.text(EMAIL));
        if (row.has(SOURCE)) l.setSource(sources.apply(row.text(SOURCE)));
        if (row.has(CAMPAIGN)) l.setCampaign(sources.apply(row.text(CAMPAIGN)));
        if (row.has(INDUSTRY)) l.setIndustry(row.text(INDUSTRY));
        if (row.has(SIZE)) l.setSize(row.text(SIZE));
        if (row.has(NEED)) l.setNeed(row.text(NEED));
        if (row.has(BUDGET)) {
            BigDecimal budget = (BigDecimal) row.get(BUDGET);
            String currency = OpportunitiesTarget.blank(row.text(CURRENCY)) ? Money.DEFAULT_CURRENCY : row.text(CURRENCY).strip();
            l.setBudget(budget == null ? null : Money.of(budget, currency.toUpperCase(Locale.ROOT)));
        }
        if (row.has(STATUS) && row.get(STATUS) != null) l.setStatus(LeadStatus.valueOf(row.text(STATUS)));
        if (row.has(DISQUALIFY_REASON)) l.setDisqualifyReason(row.text(DISQUALIFY_REASON));
        if (row.has(CREDIT_CODE)) l.setCreditCode(row.text(CREDIT_CODE));
    }

    /**
     * What a lead's or deal's source or campaign stores for a file's text: the code of the lead source it names by code
     * or either label, else the text as written ({@link Picklists#resolveOrKeep}, as the services store it).
     */
    static UnaryOperator<String> sources(ImportContext context) {
        Picklists picklists = context.service(Picklists.class);
        return text -> picklists.resolveOrKeep(Picklists.LEAD_SOURCE, text);
    }

    private static Lead match(EntityManager em, Connection connection, ImportRow row, List<String> keys) throws SQLException {
        for (String key : keys) {
            String value = row.text(key);
            if (OpportunitiesTarget.blank(value)) {
                continue;
            }
            Long id = switch (key) {
            case EMAIL -> em.createQuery("SELECT l.id FROM Lead l WHERE LOWER(l.email) = :e", Long.class)
                    .setParameter("e", value.strip().toLowerCase(Locale.ROOT)).getResultList().stream().findFirst().orElse(null);
            default -> ExternalIds.find(connection, ENTITY, "SB_LEAD", List.of(value.strip())).get(value.strip());
            };
            if (id != null) {
                return em.find(Lead.class, id);
            }
        }
        return null;
    }

    static final String FILTER_KEYS = "text, status, owner, source, duplicates";

    @Override
    public boolean canFilter() {
        return true;
    }

    /** {@code text=…,status=NEW|WORKING,owner=LOGIN,source=CODE,duplicates=true}, as the Leads view filters. */
    @Override
    public Object parseFilter(String text, ImportContext context) {
        String search = null;
        Set<LeadStatus> statuses = new HashSet<>();
        String owner = null;
        String source = null;
        boolean duplicates = false;
        for (FilterTerms.Term t : FilterTerms.parse(text)) {
            switch (t.key()) {
            case "text" -> search = t.value();
            case "status" -> statuses.addAll(t.choices(Set.of(LeadStatus.values())));
            case "owner" -> owner = t.value();
            case "source" -> source = t.value();
            case "duplicates" -> duplicates = t.yes();
            default -> throw t.unknownKey(FILTER_KEYS);
            }
        }
        return new LeadFilter(search, statuses, owner, duplicates, source);
    }

    @Override
    public boolean canExport() {
        return true;
    }

    /**
     * The leads {@code filter} (a {@link LeadFilter}, {@code null} for all) selects, in the list's order: the source
     * as its code, the owner as a login, the budget as number and currency.
     */
    @Override
    public void export(ImportContext context, Object filter, RecordWriter out, IProgressMonitor monitor) throws IOException {
        // a lead's conversion is written by converting it (or migrating it), not by a column of an export
        List<TargetField> fields = fields().stream().filter(f -> !f.name().equals(CONVERTED_CUSTOMER) && !f.name().equals(CONVERTED_AT)).toList();
        long[] ids = context.service(LeadService.class).ids(filter instanceof LeadFilter f ? f : LeadFilter.ALL);
        RecordChunks.export(context, ids, fields, out, monitor,
                (em, chunk) -> em.createQuery("SELECT l FROM Lead l WHERE l.id IN :ids", Lead.class).setParameter("ids", chunk).getResultList(),
                Lead::getId, (em, leads) -> {
                    Map<Long, String> external = ExternalIds.of(em, ENTITY, leads.stream().map(Lead::getId).toList());
                    return leads.stream().map(l -> fields.stream().map(f -> (Object) switch (f.name()) {
                    case COMPANY -> l.getCompany();
                    case CONTACT_NAME -> l.getContactName();
                    case CONTACT_TITLE -> l.getContactTitle();
                    case PHONE -> l.getPhone();
                    case EMAIL -> l.getEmail();
                    case SOURCE -> l.getSource();
                    case CAMPAIGN -> l.getCampaign();
                    case INDUSTRY -> l.getIndustry();
                    case SIZE -> l.getSize();
                    case NEED -> l.getNeed();
                    case BUDGET -> RecordChunks.amount(l.getBudget());
                    case CURRENCY -> RecordChunks.currency(l.getBudget());
                    case STATUS -> l.getStatus();
                    case DISQUALIFY_REASON -> l.getDisqualifyReason();
                    case CREDIT_CODE -> l.getCreditCode();
                    case OWNER -> l.getOwner();
                    case EXTERNAL_ID -> external.get(l.getId());
                    case RecordVersions.FIELD -> RecordVersions.exported(l);
                    default -> null;
                    }).toList()).toList();
                });
    }
}
