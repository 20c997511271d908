package org.salesbench.customers.internal.targets;

import static org.salesbench.importexport.TargetField.of;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.internal.SearchTerms;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.importexport.BulkWriter;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.persistence.DatabaseSettings.Dialect;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RecordWriter.Column;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.WritableFields;
import org.salesbench.importexport.targets.RecordChunks;
import org.salesbench.importexport.targets.RecordVersions;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.importexport.targets.PicklistCodes;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.Picklists;

/**
 * Contacts of customers. A row's customer is resolved by the customer's external id, else by its
 * name (exactly, then folded as the duplicate check folds it); a name that fits several customers is
 * reported, not guessed. Contacts are written through {@link CustomerService#update} on their
 * customer, so the customer's validation rules and search terms apply.
 */
public class ContactsTarget implements ImportTarget {

    public static final String ID = "contacts";
    static final String ENTITY = "contact";

    @Override
    public String entity() {
        return ENTITY;
    }

    public static final String CUSTOMER = "customer", CUSTOMER_EXTERNAL_ID = "customerExternalId";
    static final String NAME = "name", TITLE = "title",
            DEPARTMENT = "department", PHONES = "phones", EMAILS = "emails", DECISION_ROLE = "decisionRole", PRIMARY = "primary",
            EXTERNAL_ID = "externalId", KIND = "kind", ADDRESS = "address", URL = "url";
    /** The kind of card of a company (an address book's company card), whose row is a customer, not a contact. */
    static final String COMPANY = "company";

    @Override
    public List<TargetField> fields() {
        return List.of(
                of(CUSTOMER, ImportMessages.Contact_customer, FieldType.TEXT, false, "Customer", "Account Name", "Account", "Company",
                        "Organization", "客户", "客户名称", "公司", "公司名称", "单位"),
                of(CUSTOMER_EXTERNAL_ID, ImportMessages.Contact_customerExternalId, FieldType.TEXT, false, "Customer External ID", "Account ID",
                        "Account Id", "客户编号", "客户外部编号"),
                of(NAME, ImportMessages.Contact_name, FieldType.TEXT, false, "Name", "Full Name", "Contact Name", "Contact", "姓名", "联系人",
                        "联系人姓名"),
                of(TITLE, ImportMessages.Contact_title, FieldType.TEXT, false, "Title", "Job Title", "Position", "职位", "职务", "头衔"),
                of(DEPARTMENT, ImportMessages.Contact_department, FieldType.TEXT, false, "Department", "部门"),
                of(PHONES, ImportMessages.Contact_phones, FieldType.LIST, false, "Phone", "Phones", "Mobile", "Mobile Phone", "Business Phone",
                        "Telephone", "电话", "手机", "手机号", "联系电话"),
                of(EMAILS, ImportMessages.Contact_emails, FieldType.LIST, false, "Email", "E-mail", "Emails", "Email Address", "邮箱", "电子邮件",
                        "电子邮箱"),
                // a code, either label or Salesforce's contact role (Economic Buyer…): see roles()
                of(DECISION_ROLE, ImportMessages.Contact_decisionRole, FieldType.TEXT, false, "Decision Role", "Role", "Buying Role",
                        "Contact Role", "角色", "决策角色"),
                of(PRIMARY, ImportMessages.Contact_primary, FieldType.BOOLEAN, false, "Primary", "Primary Contact", "主要联系人", "首要联系人"),
                of(EXTERNAL_ID, TargetMessages.Field_externalId, FieldType.TEXT, false, "External ID", "Contact ID", "Record Id", "Id", "外部编号"),
                of(KIND, ImportMessages.Contact_kind, FieldType.TEXT, false, "Kind", "Card Kind", "类型"),
                of(ADDRESS, ImportMessages.Contact_companyAddress, FieldType.TEXT, false, "Address", "Company Address", "地址"),
                of(URL, ImportMessages.Contact_companyUrl, FieldType.TEXT, false, "URL", "Website", "Web Site", "网址"),
                RecordVersions.field());
    }

    @Override
    public List<String> keyFields() {
        return List.of(EMAILS, PHONES, EXTERNAL_ID);
    }

    @Override
    public String normaliseKey(String field, Object value) {
        Object first = value instanceof List<?> list ? (list.isEmpty() ? null : list.get(0)) : value;
        if (first == null || first.toString().isBlank()) {
            return null;
        }
        return switch (field) {
        case EMAILS -> first.toString().strip().toLowerCase(Locale.ROOT);
        case PHONES -> SearchTerms.withoutCountryCode(SearchTerms.digits(first.toString()));
        default -> first.toString().strip();
        };
    }

    @Override
    public TargetWriter open(ImportContext context) {
        CustomerService service = context.service(CustomerService.class);
        SecurityService security = context.service(SecurityService.class);
        CustomerSearch search = CustomerSearch.of(context.unitOfWork().settings());
        DomainEventPublisher events = CustomersTarget.events(context);
        UnaryOperator<String> roles = roles(context);
        return new BulkWriter() {
            @Override
            public List<RowOutcome> write(List<ImportRow> rows, MatchPolicy match) {
                return context.unitOfWork().write(em -> {
                    try {
                        return ContactsTarget.this.write(context, em, service, security, search, roles, rows, match);
                    } catch (SQLException e) {
                        throw new PersistenceException(e.getMessage(), e);
                    }
                });
            }

            @Override
            public boolean bulkApplies(ImportSettings settings) {
                // the bulk insert reads the rows from this process through a table function: embedded Derby only
                return context.unitOfWork().settings().dialect() == Dialect.DERBY;
            }

            @Override
            public Staging stage(MatchPolicy match) {
                return new ContactBulkLoad(context, service, security, search, events, match, roles);
            }
        };
    }

    private List<RowOutcome> write(ImportContext context, EntityManager em, CustomerService service, SecurityService security,
            CustomerSearch search, UnaryOperator<String> roles, List<ImportRow> rows, MatchPolicy match) throws SQLException {
        Connection connection = em.unwrap(Connection.class);
        List<RowOutcome> outcomes = new ArrayList<>();
        WritableFields rules = WritableFields.of(security, ENTITY);
        Map<String, Long> externalIds = new HashMap<>();
        // customers this batch made (company cards, missing companies): not yet committed, so no name look-up finds them
        Map<String, Customer> madeHere = new HashMap<>();
        for (ImportRow row : rows) {
            long existingId = match.onMatch() == OnMatch.CREATE ? 0 : match(em, connection, search, row, match.keys());
            if (existingId != 0 && match.onMatch() == OnMatch.SKIP) {
                outcomes.add(RowOutcome.skipped(existingId));
                continue;
            }
            if (existingId == 0 && isCompanyCard(row)) {
                outcomes.add(company(context, em, service, row, madeHere));
                continue;
            }
            if (existingId == 0 && blank(row.text(NAME))) { // the name is required of a person's card, not of a company's
                outcomes.add(RowOutcome.failed(List.of(new FieldError(NAME, NLS.bind(TargetMessages.Value_required, ImportMessages.Contact_name),
                        null))));
                continue;
            }
            Contact contact;
            Customer customer;
            if (existingId != 0) {
                contact = em.find(Contact.class, existingId);
                RowOutcome stale = RecordVersions.refusal(row, contact, contact.getName());
                if (stale != null) { // changed since the file was exported: the other person's change stays
                    outcomes.add(stale);
                    continue;
                }
                customer = contact.getCustomer();
            } else {
                Customer made = blank(row.text(CUSTOMER)) ? null : madeHere.get(row.text(CUSTOMER).strip());
                Object resolved = made != null ? made : customerOf(em, connection, service, row);
                if (resolved instanceof FieldError missing && missing.field().equals(CUSTOMER) && !blank(row.text(CUSTOMER))
                        && context.createsMissing(CustomersTarget.ID) && service.idsByName(row.text(CUSTOMER).strip()).isEmpty()) {
                    resolved = createCustomer(em, service, row.text(CUSTOMER).strip(), null, null);
                    madeHere.put(row.text(CUSTOMER).strip(), (Customer) resolved);
                    context.note(NLS.bind(ImportMessages.Note_customerCreated, row.text(CUSTOMER).strip()));
                }
                if (resolved instanceof FieldError error) {
                    outcomes.add(RowOutcome.failed(List.of(error)));
                    continue;
                }
                customer = (Customer) resolved;
                contact = customer.addContact(new Contact());
            }
            Map<String, Object> before = existingId == 0 ? null : rules.before(contact);
            apply(row, contact, roles);
            // a field the user's roles let them only read, or not see, is not written by a file either
            RowOutcome unwritable = rules.refusal(row, contact, before);
            if (unwritable != null) {
                if (existingId == 0) {
                    customer.getContacts().remove(contact);
                } else {
                    em.refresh(contact);
                }
                outcomes.add(unwritable);
                continue;
            }
            try {
                service.validate(customer);
            } catch (ValidationException e) {
                if (existingId == 0) {
                    customer.getContacts().remove(contact);
                } else {
                    em.refresh(contact);
                }
                outcomes.add(RowOutcome.failed(e.getErrors()));
                continue;
            }
            if (existingId == 0) {
                em.persist(contact); // managed now, so the update's merge keeps this instance (and its id)
            }
            service.update(customer);
            Contact written = contact;
            outcomes.add(existingId != 0 ? RowOutcome.updated(written.getId()) : RowOutcome.created(written.getId()));
            String external = row.text(EXTERNAL_ID);
            if (external != null && !external.isBlank()) {
                externalIds.put(external.strip(), written.getId());
            }
        }
        ExternalIds.put(connection, ENTITY, externalIds);
        return outcomes;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A company's card (an address book marks it so); a row of a file without a name is a person's row that lacks it. */
    static boolean isCompanyCard(ImportRow row) {
        return COMPANY.equalsIgnoreCase(row.text(KIND) == null ? "" : row.text(KIND).strip());
    }

    /**
     * A company's card as a customer, with its address and (a customer having no field for them) its phones, web site and
     * e-mails as lines of its notes; skipped when a customer of that name exists.
     */
    private static RowOutcome company(ImportContext context, EntityManager em, CustomerService service, ImportRow row,
            Map<String, Customer> madeHere) {
        String name = !blank(row.text(CUSTOMER)) ? row.text(CUSTOMER).strip() : blank(row.text(NAME)) ? null : row.text(NAME).strip();
        if (name == null) {
            return RowOutcome.failed(List.of(new FieldError(CUSTOMER, NLS.bind(TargetMessages.Value_required, ImportMessages.Contact_customer),
                    null)));
        }
        if (madeHere.containsKey(name)) {
            return RowOutcome.skipped(madeHere.get(name).getId());
        }
        List<Long> existing = service.idsByName(name);
        if (!existing.isEmpty()) {
            return RowOutcome.skipped(existing.get(0));
        }
        StringBuilder notes = new StringBuilder();
        line(notes, ImportMessages.Contact_phones, row.get(PHONES));
        line(notes, ImportMessages.Contact_emails, row.get(EMAILS));
        line(notes, ImportMessages.Contact_companyUrl, row.get(URL));
        try {
            Customer customer = createCustomer(em, service, name, row, notes.toString());
            madeHere.put(name, customer);
            context.note(ImportMessages.Note_companyCard);
            return RowOutcome.created(customer.getId());
        } catch (ValidationException e) {
            return RowOutcome.failed(e.getErrors());
        }
    }

    private static void line(StringBuilder notes, String label, Object value) {
        String text = value instanceof List<?> list ? String.join("; ", list.stream().map(Object::toString).toList())
                : value == null ? "" : value.toString().strip();
        if (!text.isEmpty()) {
            notes.append(notes.isEmpty() ? "" : "\n").append(label).append(": ").append(text);
        }
    }

    /** A new customer of that name (with the company card's address), managed in this transaction. */
    private static Customer createCustomer(EntityManager em, CustomerService service, String name, ImportRow card, String notes) {
        Customer customer = new Customer(name);
        if (card != null && !blank(card.text(ADDRESS))) {
            customer.setAddress(card.text(ADDRESS).strip());
        }
        if (!blank(notes)) {
            customer.setNotes(notes);
        }
        return em.find(Customer.class, service.create(customer).getId());
    }

    /** The decision roles' codes of one run: a code, either language's label or another CRM's name; see {@link PicklistCodes}. */
    static UnaryOperator<String> roles(ImportContext context) {
        return PicklistCodes.of(context, Picklists.DECISION_ROLE, ImportMessages.Contact_decisionRole, PicklistCodes.VENDOR_DECISION_ROLES);
    }

    static void apply(ImportRow row, Contact k, UnaryOperator<String> roles) {
        if (row.has(NAME)) k.setName(row.text(NAME) == null ? null : row.text(NAME).strip());
        if (row.has(TITLE)) k.setTitle(row.text(TITLE));
        if (row.has(DEPARTMENT)) k.setDepartment(row.text(DEPARTMENT));
        if (row.has(PHONES)) {
            k.getPhones().clear();
            if (row.get(PHONES) instanceof List<?> phones) {
                phones.forEach(p -> k.getPhones().add(p.toString()));
            }
        }
        if (row.has(EMAILS)) {
            k.getEmails().clear();
            if (row.get(EMAILS) instanceof List<?> emails) {
                emails.forEach(e -> k.getEmails().add(e.toString()));
            }
        }
        if (row.has(DECISION_ROLE)) k.setDecisionRole(roles.apply(row.text(DECISION_ROLE)));
        if (row.has(PRIMARY)) k.setPrimary(Boolean.TRUE.equals(row.get(PRIMARY)));
    }

    /** The customer a new contact belongs to, or a {@link FieldError} saying why there is none. */
    public static Object customerOf(EntityManager em, Connection connection, CustomerService customers, ImportRow row) throws SQLException {
        String external = row.text(CUSTOMER_EXTERNAL_ID);
        if (external != null && !external.isBlank()) {
            Long id = ExternalIds.find(connection, CustomersTarget.ENTITY, "SB_CUSTOMER", List.of(external.strip())).get(external.strip());
            if (id != null) {
                return em.find(Customer.class, id);
            }
            if (row.text(CUSTOMER) == null) {
                return new FieldError(CUSTOMER_EXTERNAL_ID, NLS.bind(ImportMessages.Contact_noCustomerWithId, external), external);
            }
        }
        String name = row.text(CUSTOMER);
        if (name == null || name.isBlank()) {
            return new FieldError(CUSTOMER, NLS.bind(TargetMessages.Value_required, ImportMessages.Contact_customer), null);
        }
        List<Long> ids = customers.idsByName(name); // the exact name first, then the folded one
        if (ids.isEmpty()) {
            return new FieldError(CUSTOMER, NLS.bind(ImportMessages.Contact_noCustomer, name), name);
        }
        if (ids.size() > 1) {
            return new FieldError(CUSTOMER, NLS.bind(ImportMessages.Contact_ambiguousCustomer, name, ids.size()), name);
        }
        return em.find(Customer.class, ids.get(0));
    }

    /** The existing contact the row matches on its first key with a value, or 0. */
    private long match(EntityManager em, Connection connection, CustomerSearch search, ImportRow row, List<String> keys) throws SQLException {
        for (String key : keys) {
            String value = normaliseKey(key, row.get(key));
            if (value == null) {
                continue;
            }
            List<?> found = switch (key) {
            case EMAILS -> MaskingViews.query(em, "SELECT e.CONTACT_ID FROM SB_CONTACT_EMAIL e WHERE LOWER(e.EMAIL) = ?")
                    .setParameter(1, value).getResultList();
            case PHONES -> phoneMatches(em, search, value);
            default -> {
                Long id = ExternalIds.find(connection, ENTITY, "SB_CONTACT", List.of(value)).get(value);
                yield id == null ? List.of() : List.of(id);
            }
            };
            if (!found.isEmpty()) {
                return ((Number) found.get(0)).longValue();
            }
        }
        return 0;
    }

    /**
     * Phones are stored as typed; the customer search index holds their digits: it names the customers, then their
     * phones are compared by digits. Contacts written earlier in this same import transaction are not in the index yet.
     */
    private static List<?> phoneMatches(EntityManager em, CustomerSearch search, String digits) {
        long[] customers = search.idsWithTerm(digits);
        if (customers.length == 0) {
            return List.of();
        }
        String in = java.util.Arrays.stream(customers).limit(100).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining(","));
        List<?> rows = MaskingViews.query(em, "SELECT p.CONTACT_ID, p.PHONE FROM {SB_CONTACT} k JOIN SB_CONTACT_PHONE p ON p.CONTACT_ID = k.ID "
                + "WHERE k.CUSTOMER_ID IN (" + in + ")").getResultList();
        List<Object> ids = new ArrayList<>();
        for (Object r : rows) {
            Object[] cells = (Object[]) r;
            if (digits.equals(SearchTerms.withoutCountryCode(SearchTerms.digits((String) cells[1])))) {
                ids.add(cells[0]);
            }
        }
        return ids;
    }

    @Override
    public boolean canExport() {
        return true;
    }

    /** The contacts of the customers {@code filter} (a {@link CustomerFilter}, {@code null} for all) selects, customer by customer. */
    @Override
    public void export(ImportContext context, Object filter, RecordWriter out, IProgressMonitor monitor) throws IOException {
        List<TargetField> fields = fields();
        CustomerChunks.export(context, filter, fields, out, monitor, (em, chunk) -> {
            List<Contact> contacts = em.createQuery("SELECT k FROM Contact k JOIN FETCH k.customer WHERE k.customer.id IN :ids",
                    Contact.class).setParameter("ids", chunk).getResultList();
            Set<Long> contactIds = new LinkedHashSet<>();
            contacts.forEach(k -> contactIds.add(k.getId()));
            Set<Long> ownerIds = new LinkedHashSet<>(chunk);
            Map<Long, String> contactExternal = contactIds.isEmpty() ? Map.of() : ExternalIds.of(em, ENTITY, contactIds);
            Map<Long, String> customerExternal = ExternalIds.of(em, CustomersTarget.ENTITY, ownerIds);
            Map<Long, Integer> order = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                order.put(chunk.get(i), i);
            }
            contacts.sort((a, b) -> {
                int byCustomer = Integer.compare(order.get(a.getCustomer().getId()), order.get(b.getCustomer().getId()));
                return byCustomer != 0 ? byCustomer : Long.compare(a.getId(), b.getId());
            });
            List<List<Object>> result = new ArrayList<>();
            for (Contact k : contacts) {
                result.add(fields.stream().map(f -> RecordChunks.typed(switch (f.name()) {
                case CUSTOMER -> k.getCustomer().getName();
                case CUSTOMER_EXTERNAL_ID -> customerExternal.get(k.getCustomer().getId());
                case NAME -> k.getName();
                case TITLE -> k.getTitle();
                case DEPARTMENT -> k.getDepartment();
                case PHONES -> k.getPhones();
                case EMAILS -> k.getEmails();
                case DECISION_ROLE -> k.getDecisionRole();
                case PRIMARY -> k.isPrimary();
                case EXTERNAL_ID -> contactExternal.get(k.getId());
                case RecordVersions.FIELD -> RecordVersions.exported(k);
                default -> null;
                })).toList());
            }
            return result;
        });
    }
}
