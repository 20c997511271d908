package org.salesbench.customers.internal.targets;

import org.salesbench.importexport.targets.FilterTerms;
import java.util.Set;
import java.util.HashSet;
import static org.salesbench.importexport.TargetField.of;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CompanyNames;
import org.salesbench.customers.internal.CustomerNames;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.importexport.BulkWriter;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.persistence.Picklists;
import java.util.function.UnaryOperator;
import org.salesbench.persistence.DatabaseSettings.Dialect;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.persistence.SequenceIds;
import org.salesbench.importexport.targets.RecordChunks;
import org.salesbench.importexport.targets.PicklistCodes;
import org.salesbench.importexport.targets.RecordVersions;
import org.salesbench.importexport.targets.WritableFields;
import org.salesbench.importexport.targets.TargetMessages;

/**
 * Customers with their tags. Every row is validated by {@link CustomerService#validate} (the rules the
 * form applies); new customers are then written in JDBC batches on the import's transaction (the
 * customer search index takes them after commit), so a million rows import at the speed of the database; matched customers are
 * updated through {@link CustomerService#update}.
 */
public class CustomersTarget implements ImportTarget {

    public static final String ID = "customers";
    public static final String ENTITY = Customer.ENTITY;

    @Override
    public String entity() {
        return ENTITY;
    }

    static final String NAME = "name", SHORT_NAME = "shortName", CREDIT_CODE = "creditCode", INDUSTRY = "industry", REGION = "region",
            ADDRESS = "address", SIZE = "size", GRADE = "grade", SOURCE = "source", STATUS = "status", TAGS = "tags",
            NEXT_FOLLOW_UP = "nextFollowUp", NEEDS = "needs", NOTES = "notes", EXTERNAL_ID = "externalId";

    /** The account types of Salesforce and Zoho CRM exports that say what a customer's status is; the others are reported. */
    static final String[] VENDOR_STATUSES = { "Prospect", "PROSPECT", "Customer", "ACTIVE", "Customer - Direct", "ACTIVE",
            "Customer - Channel", "ACTIVE", "Channel Partner / Reseller", "ACTIVE", "Installation Partner", "ACTIVE",
            "Technology Partner", "ACTIVE", "Partner", "ACTIVE", "Reseller", "ACTIVE", "Distributor", "ACTIVE", "Integrator", "ACTIVE" };

    @Override
    public List<TargetField> fields() {
        return List.of(
                of(NAME, ImportMessages.Customer_name, FieldType.TEXT, true, "Name", "Company", "Company Name", "Account Name", "Account",
                        "Organization", "客户名称", "公司名称", "客户", "企业名称", "单位名称", "名称"),
                of(SHORT_NAME, ImportMessages.Customer_shortName, FieldType.TEXT, false, "Short Name", "Abbreviation", "简称", "客户简称"),
                of(CREDIT_CODE, ImportMessages.Customer_creditCode, FieldType.TEXT, false, "Credit Code", "Unified Social Credit Code", "USCC",
                        "Tax ID", "统一社会信用代码", "信用代码", "税号"),
                of(INDUSTRY, ImportMessages.Customer_industry, FieldType.TEXT, false, "Industry", "Sector", "行业", "所属行业"),
                of(REGION, ImportMessages.Customer_region, FieldType.TEXT, false, "Region", "Billing State/Province", "Billing State", "State",
                        "Province", "office_location", "省份", "地区", "区域"),
                of(ADDRESS, ImportMessages.Customer_address, FieldType.TEXT, false, "Address", "Billing Street", "Billing Address", "Street",
                        "地址", "详细地址"),
                // a code, a label, or a head count (Salesforce's NumberOfEmployees, Zoho's Employees): see Codes
                of(SIZE, ImportMessages.Customer_size, FieldType.TEXT, false, "Size", "Company Size", "NumberOfEmployees", "Employees",
                        "Number of Employees", "No. of Employees", "规模", "公司规模", "员工人数"),
                of(GRADE, ImportMessages.Customer_grade, FieldType.PICKLIST, false, "Grade", "Rating", "Account Rating", "级别", "等级", "客户等级")
                        .withPicklist(List.of("A", "B", "C", "D")),
                of(SOURCE, ImportMessages.Customer_source, FieldType.TEXT, false, "Source", "Account Source", "Lead Source", "来源", "客户来源"),
                of(STATUS, ImportMessages.Customer_status, FieldType.PICKLIST, false, "Status", "Type", "Account Type", "状态", "客户状态")
                        .withPicklist(Arrays.stream(CustomerStatus.values()).map(Enum::name).toList()).withValueAliases(VENDOR_STATUSES),
                of(TAGS, ImportMessages.Customer_tags, FieldType.LIST, false, "Tags", "Tag", "Labels", "标签"),
                of(NEXT_FOLLOW_UP, ImportMessages.Customer_nextFollowUp, FieldType.DATE, false, "Next Follow-up", "Next Follow Up", "Follow-up Date",
                        "下次跟进", "下次跟进日期"),
                of(NEEDS, ImportMessages.Customer_needs, FieldType.TEXT, false, "Needs", "Requirements", "需求"),
                of(NOTES, ImportMessages.Customer_notes, FieldType.TEXT, false, "Notes", "Description", "备注", "说明"),
                of(EXTERNAL_ID, TargetMessages.Field_externalId, FieldType.TEXT, false, "External ID", "Account ID", "Record Id", "Id",
                        "外部编号", "原系统编号"),
                RecordVersions.field());
    }

    @Override
    public List<TargetField> fields(ImportContext context) {
        List<String> grades = context.service(CustomerService.class).grades();
        return fields().stream().map(f -> f.name().equals(GRADE) ? f.withPicklist(grades) : f).toList();
    }

    @Override
    public List<String> keyFields() {
        return List.of(CREDIT_CODE, NAME, EXTERNAL_ID);
    }

    @Override
    public String normaliseKey(String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return switch (field) {
        case CREDIT_CODE -> CreditCode.normalise(value.toString());
        case NAME -> CompanyNames.normalise(value.toString());
        default -> value.toString().strip();
        };
    }

    @Override
    public TargetWriter open(ImportContext context) {
        return new Writer(context);
    }

    /**
     * The picklist codes of one run for a customer's industry, size and source: a code, either language's label or
     * another CRM's name (a head count for the size); an unknown value added with {@code --add-values}, else kept as
     * written and noted. See {@link PicklistCodes}.
     */
    record Codes(UnaryOperator<String> industry, UnaryOperator<String> size, UnaryOperator<String> source) {

        /** Each field as the file writes it (the bulk load converts once a row is to be written). */
        static final Codes AS_WRITTEN = new Codes(UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity());

        static Codes of(ImportContext context) {
            return new Codes(PicklistCodes.of(context, Picklists.INDUSTRY, ImportMessages.Customer_industry, PicklistCodes.VENDOR_INDUSTRIES),
                    PicklistCodes.of(context, Picklists.COMPANY_SIZE, ImportMessages.Customer_size),
                    PicklistCodes.of(context, Picklists.LEAD_SOURCE, ImportMessages.Customer_source, PicklistCodes.VENDOR_LEAD_SOURCES));
        }

        /** The customer's industry, size and source as codes. */
        void applyTo(Customer c) {
            c.setIndustry(industry.apply(c.getIndustry()));
            c.setSize(size.apply(c.getSize()));
            c.setSource(source.apply(c.getSource()));
        }
    }

    /** Applies the row's mapped fields; a field the file does not map is left as it is. */
    static void apply(ImportRow row, Customer c, Codes codes) {
        if (row.has(NAME)) c.setName(row.text(NAME));
        if (row.has(SHORT_NAME)) c.setShortName(row.text(SHORT_NAME));
        if (row.has(CREDIT_CODE)) c.setCreditCode(row.text(CREDIT_CODE));
        if (row.has(INDUSTRY)) c.setIndustry(codes.industry().apply(row.text(INDUSTRY)));
        if (row.has(REGION)) c.setRegion(row.text(REGION));
        if (row.has(ADDRESS)) c.setAddress(row.text(ADDRESS));
        if (row.has(SIZE)) c.setSize(codes.size().apply(row.text(SIZE)));
        if (row.has(GRADE)) c.setGrade(row.text(GRADE));
        if (row.has(SOURCE)) c.setSource(codes.source().apply(row.text(SOURCE)));
        if (row.has(STATUS) && row.get(STATUS) != null) c.setStatus(CustomerStatus.valueOf(row.text(STATUS)));
        if (row.has(TAGS)) {
            c.getTags().clear();
            if (row.get(TAGS) instanceof List<?> tags) {
                tags.forEach(t -> c.getTags().add(t.toString()));
            }
        }
        if (row.has(NEXT_FOLLOW_UP)) c.setNextFollowUp((java.time.LocalDate) row.get(NEXT_FOLLOW_UP));
        if (row.has(NEEDS)) c.setNeeds(row.text(NEEDS));
        if (row.has(NOTES)) c.setNotes(row.text(NOTES));
    }

    /** What the service's prepare step does for a form: the import writes past the service, so it does the same. */
    static void prepare(Customer c) {
        if (c.getName() != null) {
            c.setName(c.getName().strip());
        }
        String code = CreditCode.normalise(c.getCreditCode());
        c.setCreditCode(code == null || code.isEmpty() ? null : code);
        c.setNormalizedName(CompanyNames.normalise(c.getName()));
        // as the service prepares a form: tags stripped, blank ones dropped
        List<String> tags = c.getTags().stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        c.getTags().clear();
        c.getTags().addAll(tags);
    }

    /** The event publisher, or {@code null} headless without EventAdmin (nothing listens). */
    static DomainEventPublisher events(ImportContext context) {
        try {
            return context.service(DomainEventPublisher.class);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static final class Writer implements BulkWriter {
        private final ImportContext context;
        private final UnitOfWork unitOfWork;
        private final CustomerService service;
        private final SecurityService security;
        private final DomainEventPublisher events;
        private final CustomerSearch search;
        private final Codes codes;

        Writer(ImportContext context) {
            this.context = context;
            this.codes = Codes.of(context);
            this.unitOfWork = context.unitOfWork();
            this.search = CustomerSearch.of(unitOfWork.settings());
            this.service = context.service(CustomerService.class);
            this.security = context.service(SecurityService.class);
            this.events = events(context);
        }

        @Override
        public boolean bulkApplies(ImportSettings settings) {
            // the bulk insert reads the rows from this process through a table function: embedded Derby only
            return unitOfWork.settings().dialect() == Dialect.DERBY;
        }

        @Override
        public Staging stage(MatchPolicy match) throws IOException {
            return new CustomerBulkLoad(unitOfWork, service, security, events, match, null, codes);
        }

        @Override
        public boolean commitsInChunks() {
            return true;
        }

        @Override
        public Staging stage(MatchPolicy match, org.salesbench.importexport.targets.ImportRun run) throws IOException {
            return new CustomerBulkLoad(unitOfWork, service, security, events, match, run, codes);
        }

        @Override
        public List<RowOutcome> write(List<ImportRow> rows, MatchPolicy match) {
            return unitOfWork.write(em -> {
                try {
                    return write(em, rows, match);
                } catch (SQLException e) {
                    throw new PersistenceException(e.getMessage(), e);
                }
            });
        }

        private List<RowOutcome> write(EntityManager em, List<ImportRow> rows, MatchPolicy match) throws SQLException {
            Connection connection = em.unwrap(Connection.class);
            RowOutcome[] outcomes = new RowOutcome[rows.size()];
            long[] matched = match.onMatch() == OnMatch.CREATE ? new long[rows.size()] : match(connection, search, rows, match.keys());
            List<Customer> creates = new ArrayList<>();
            List<Integer> createIndexes = new ArrayList<>();
            Map<String, Long> externalIds = new HashMap<>();
            WritableFields rules = WritableFields.of(security, ENTITY);
            for (int i = 0; i < rows.size(); i++) {
                ImportRow row = rows.get(i);
                if (matched[i] != 0 && match.onMatch() == OnMatch.SKIP) {
                    outcomes[i] = RowOutcome.skipped(matched[i]);
                    continue;
                }
                if (matched[i] != 0) {
                    Customer existing = em.find(Customer.class, matched[i]);
                    RowOutcome stale = RecordVersions.refusal(row, existing, existing.getName());
                    if (stale != null) {
                        outcomes[i] = stale;
                        continue;
                    }
                    Map<String, Object> before = rules.before(existing);
                    apply(row, existing, codes);
                    RowOutcome unwritable = rules.refusal(row, existing, before);
                    if (unwritable != null) {
                        // the file would change a field the user's roles let them only read, or not see: the row is refused
                        em.refresh(existing);
                        outcomes[i] = unwritable;
                        continue;
                    }
                    try {
                        service.update(existing);
                        outcomes[i] = RowOutcome.updated(existing.getId());
                        putExternalId(externalIds, row, existing.getId());
                    } catch (ValidationException e) {
                        em.refresh(existing);
                        outcomes[i] = RowOutcome.failed(e.getErrors());
                    }
                    continue;
                }
                Customer customer = new Customer();
                apply(row, customer, codes);
                prepare(customer);
                RowOutcome unwritable = rules.refusal(row, customer, null);
                if (unwritable != null) {
                    outcomes[i] = unwritable;
                    continue;
                }
                try {
                    service.validate(customer);
                    creates.add(customer);
                    createIndexes.add(i);
                } catch (ValidationException e) {
                    outcomes[i] = RowOutcome.failed(e.getErrors());
                }
            }
            if (!creates.isEmpty()) {
                long[] ids = insert(connection, creates);
                for (int k = 0; k < ids.length; k++) {
                    int i = createIndexes.get(k);
                    outcomes[i] = RowOutcome.created(ids[k]);
                    putExternalId(externalIds, rows.get(i), ids[k]);
                }
                // indexed at once, so that a name look-up (a contact import next) finds them; bulk loads catch up on IMPORTED
                unitOfWork.afterCommit(() -> search.written(Arrays.stream(ids).boxed().toList()));
                if (events != null) {
                    unitOfWork.afterCommit(() -> Arrays.stream(ids).forEach(id -> events.publish(ENTITY, Change.CREATED, id)));
                }
            }
            ExternalIds.put(connection, ENTITY, externalIds);
            return Arrays.asList(outcomes);
        }

        private static void putExternalId(Map<String, Long> externalIds, ImportRow row, long id) {
            String external = row.text(EXTERNAL_ID);
            if (external != null && !external.isBlank()) {
                externalIds.put(external.strip(), id);
            }
        }

        /** The existing customer each row matches on the first of the keys it has a value for, or 0. */
        private static long[] match(Connection connection, CustomerSearch search, List<ImportRow> rows, List<String> keys) throws SQLException {
            long[] matched = new long[rows.size()];
            for (String key : keys) {
                Map<String, List<Integer>> rowsByValue = new LinkedHashMap<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (matched[i] == 0 && rows.get(i).get(key) != null) {
                        String value = switch (key) {
                        case CREDIT_CODE -> CreditCode.normalise(rows.get(i).text(key));
                        case NAME -> CompanyNames.normalise(rows.get(i).text(key));
                        default -> rows.get(i).text(key).strip();
                        };
                        if (value != null && !value.isEmpty()) {
                            rowsByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(i);
                        }
                    }
                }
                if (rowsByValue.isEmpty()) {
                    continue;
                }
                Map<String, Long> found = switch (key) {
                case CREDIT_CODE -> byCreditCode(connection, search, rowsByValue.keySet());
                case NAME -> byNormalizedName(connection, search, rowsByValue.keySet());
                default -> ExternalIds.find(connection, ENTITY, "SB_CUSTOMER", rowsByValue.keySet());
                };
                found.forEach((value, id) -> rowsByValue.get(value).forEach(i -> matched[i] = id));
            }
            return matched;
        }

        /**
         * The oldest customer of each folded name, as a {@code NORMALIZED_NAME IN (...)} query would find it, but from
         * the search index (confirmed by id on this transaction): the column has no database index to scan.
         * Customers written earlier in this same transaction are not in the index; the engine has already refused
         * rows of one file that repeat a key, so none of them can be a match.
         */
        private static Map<String, Long> byNormalizedName(Connection connection, CustomerSearch search, java.util.Collection<String> values) {
            Map<String, Long> found = new HashMap<>();
            CustomerNames.idsByNormalizedName(CustomerNames.Select.on(connection), search, values).forEach((name, ids) -> found.put(name, ids.get(0)));
            return found;
        }

        /** The oldest customer of each credit code, from the search index (confirmed by id on this transaction), as {@link #byNormalizedName}. */
        private static Map<String, Long> byCreditCode(Connection connection, CustomerSearch search, java.util.Collection<String> values) {
            Map<String, Long> found = new HashMap<>();
            CustomerNames.byCreditCode(CustomerNames.Select.on(connection), search, values).forEach((code, rows) -> found.put(code, rows.get(0).id()));
            return found;
        }

        /** Inserts validated customers with their tags in JDBC batches (the search index takes them after commit); returns their ids. */
        private long[] insert(Connection connection, List<Customer> customers) throws SQLException {
            security.check(Action.CREATE, ENTITY, null);
            String login = security.currentUser().login();
            Timestamp now = Timestamp.from(Instant.now(Clocks.system()));
            long[] ids = SequenceIds.allocate(connection, customers.size());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, "
                    + "UPDATED_AT, UPDATED_BY, OWNER, NAME, SHORT_NAME, CREDIT_CODE, NORMALIZED_NAME, INDUSTRY, REGION, ADDRESS, COMPANY_SIZE, "
                    + "GRADE, SOURCE, STATUS, NEXT_FOLLOW_UP, NEEDS, NOTES) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement tag = connection.prepareStatement("INSERT INTO SB_CUSTOMER_TAG (CUSTOMER_ID, TAG) VALUES (?, ?)")) {
                boolean tags = false;
                for (int k = 0; k < customers.size(); k++) {
                    Customer c = customers.get(k);
                    int p = 1;
                    insert.setLong(p++, ids[k]);
                    insert.setTimestamp(p++, now);
                    insert.setString(p++, login);
                    insert.setTimestamp(p++, now);
                    insert.setString(p++, login);
                    insert.setString(p++, c.getOwner() == null ? login : c.getOwner());
                    insert.setString(p++, c.getName());
                    insert.setString(p++, c.getShortName());
                    insert.setString(p++, c.getCreditCode());
                    insert.setString(p++, c.getNormalizedName());
                    insert.setString(p++, c.getIndustry());
                    insert.setString(p++, c.getRegion());
                    insert.setString(p++, c.getAddress());
                    insert.setString(p++, c.getSize());
                    insert.setString(p++, c.getGrade());
                    insert.setString(p++, c.getSource());
                    insert.setString(p++, c.getStatus().name());
                    if (c.getNextFollowUp() == null) {
                        insert.setNull(p++, Types.DATE);
                    } else {
                        insert.setDate(p++, Date.valueOf(c.getNextFollowUp()));
                    }
                    insert.setString(p++, c.getNeeds());
                    insert.setString(p++, c.getNotes());
                    insert.addBatch();
                    for (String t : c.getTags()) {
                        tag.setLong(1, ids[k]);
                        tag.setString(2, t);
                        tag.addBatch();
                        tags = true;
                    }
                }
                insert.executeBatch();
                if (tags) {
                    tag.executeBatch();
                }
            }
            return ids;
        }
    }

    @Override
    public boolean canExport() {
        return true;
    }

    static final String FILTER_KEYS = "text, grade, status, owner, tag, overdue";

    @Override
    public boolean canFilter() {
        return true;
    }

    /** {@code text=…,grade=A|B,status=ACTIVE|…,owner=login,tag=…,overdue=true}, as the Customers view filters. */
    @Override
    public Object parseFilter(String text, ImportContext context) {
        String search = null;
        Set<String> grades = new HashSet<>();
        Set<CustomerStatus> statuses = new HashSet<>();
        String owner = null;
        String tag = null;
        boolean overdue = false;
        for (FilterTerms.Term t : FilterTerms.parse(text)) {
            switch (t.key()) {
            case "text" -> search = t.value();
            case "grade" -> grades.addAll(t.alternatives());
            case "status" -> statuses.addAll(t.choices(Set.of(CustomerStatus.values())));
            case "owner" -> owner = t.value();
            case "tag" -> tag = t.value();
            case "overdue" -> overdue = t.yes();
            default -> throw t.unknownKey(FILTER_KEYS);
            }
        }
        return new CustomerFilter(search, grades, statuses, owner, tag, overdue);
    }

    /** {@code filter} is a {@link CustomerFilter} (the list's current one) or {@code null} for all customers, in list order. */
    @Override
    public void export(ImportContext context, Object filter, RecordWriter out, IProgressMonitor monitor) throws IOException {
        List<TargetField> fields = fields(context);
        CustomerChunks.export(context, filter, fields, out, monitor, (em, chunk) -> {
            Map<Long, Customer> byId = new HashMap<>();
            em.createQuery("SELECT c FROM Customer c WHERE c.id IN :ids", Customer.class).setParameter("ids", chunk).getResultList()
                    .forEach(c -> byId.put(c.getId(), c));
            Map<Long, String> external = ExternalIds.of(em, ENTITY, chunk);
            List<List<Object>> result = new ArrayList<>();
            for (long id : chunk) {
                Customer c = byId.get(id);
                if (c != null) {
                    result.add(fields.stream().map(f -> valueOf(c, f.name(), external.get(id))).toList());
                }
            }
            return result;
        });
    }

    private static Object valueOf(Customer c, String field, String externalId) {
        Object value = switch (field) {
        case NAME -> c.getName();
        case SHORT_NAME -> c.getShortName();
        case CREDIT_CODE -> c.getCreditCode();
        case INDUSTRY -> c.getIndustry();
        case REGION -> c.getRegion();
        case ADDRESS -> c.getAddress();
        case SIZE -> c.getSize();
        case GRADE -> c.getGrade();
        case SOURCE -> c.getSource();
        case STATUS -> c.getStatus();
        case TAGS -> c.getTags().stream().sorted().toList();
        case NEXT_FOLLOW_UP -> c.getNextFollowUp();
        case NEEDS -> c.getNeeds();
        case NOTES -> c.getNotes();
        case EXTERNAL_ID -> externalId;
        case RecordVersions.FIELD -> RecordVersions.exported(c);
        default -> null;
        };
        return RecordChunks.typed(value);
    }
}
