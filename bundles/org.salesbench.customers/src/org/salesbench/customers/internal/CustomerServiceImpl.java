package org.salesbench.customers.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.recyclebin.Dependent;
import org.salesbench.core.recyclebin.Dependent.Fate;
import org.salesbench.core.recyclebin.RecycleBinKind;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldMask;
import org.salesbench.core.security.FieldSecurity;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Validator;
import org.salesbench.customers.Activity;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerLookup;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.DuplicateCandidate;
import org.salesbench.customers.DuplicateCandidate.Reason;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.persistence.BoundPicklists;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.Picklists;
import org.salesbench.persistence.SoftDeletingService;
import org.salesbench.persistence.SoftDeletion;
import org.salesbench.persistence.SqlParameters;
import org.salesbench.persistence.UnitOfWork;

/**
 * The customer service: validation, permission checks, one transaction per call, events after commit. The list
 * (count, page, ids, rows) and text search are answered by the customer search index ({@link CustomerSearch}),
 * which this service keeps current after each commit and on the IMPORTED event of bulk writes.
 */
@Component(service = { CustomerService.class, CustomerLookup.class, RecycleBinKind.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + EventTopics.PREFIX + Customer.ENTITY + "/IMPORTED")
public class CustomerServiceImpl extends SoftDeletingService implements CustomerService, CustomerLookup, EventHandler {

    /** Comma-separated grades, best first; A, B, C, D when unset. */
    public static final String GRADES_PROPERTY = "salesbench.customer.grades";

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    private final CustomerSearch search;
    private final SoftDeletion contacts;
    private final SoftDeletion activities;

    @Activate
    public CustomerServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security,
            @Reference DomainEventPublisher events) {
        super(Customer.ENTITY, "SB_CUSTOMER", "NAME", 100, unitOfWork, security, events);
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.search = CustomerSearch.of(unitOfWork.settings());
        // customers the index found written behind its back after a start's first view: lists showing them ask again
        search.onCaughtUpBehindTheBack(count -> events.publishImported(Customer.ENTITY, count));
        this.contacts = new SoftDeletion(Contact.ENTITY, "SB_CONTACT", "NAME", unitOfWork, security);
        this.activities = new SoftDeletion(Activity.ENTITY, "SB_ACTIVITY", "SUMMARY", unitOfWork, security);
        this.picklists = new BoundPicklists(unitOfWork, security);
    }

    /** The workbench's and the CLI's picklist service (one cache for every reader); a bare setup opens its own. */
    private final BoundPicklists picklists;

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    public void setPicklists(Picklists picklists) {
        this.picklists.bind(picklists);
    }

    public void unsetPicklists(Picklists picklists) {
        this.picklists.unbind(picklists);
    }

    @Deactivate
    void deactivate() {
        search.close();
    }

    /** A bulk write (an import) changed customers with JDBC: the index catches up with the database. */
    @Override
    public void handleEvent(Event event) {
        if (EventTopics.imported(Customer.ENTITY).equals(event.getTopic())) {
            search.imported();
        }
    }

    /** The search index behind the list (tests and benchmarks wait for it or time its build). */
    public CustomerSearch search() {
        return search;
    }

    @Override
    public boolean isSearchCatchingUp() {
        return search.isCatchingUp();
    }

    @Override
    public Customer create(Customer customer) {
        return createAll(List.of(customer)).get(0);
    }

    @Override
    public List<Customer> createAll(List<Customer> customers) {
        security.check(Action.CREATE, Customer.ENTITY, null);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            Customer customer = customers.get(i);
            prepare(customer);
            checkNew(customer);
            try {
                validate(customer);
            } catch (ValidationException e) {
                if (customers.size() == 1) {
                    throw e;
                }
                for (FieldError error : e.getErrors()) {
                    errors.add(new FieldError(error.field(), NLS.bind(Messages.Bulk_row, i + 1, error.message()), error.value()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String login = security.currentUser().login();
        return unitOfWork.write(em -> {
            for (Customer customer : customers) {
                customer.getActivities().forEach(a -> {
                    if (a.getPerformedBy() == null) {
                        a.setPerformedBy(login);
                    }
                });
                em.persist(customer);
            }
            em.flush();
            unitOfWork.afterCommit(() -> {
                search.written(customers.stream().map(Customer::getId).toList());
                customers.forEach(c -> events.publish(Customer.ENTITY, Change.CREATED, c.getId()));
            });
            return customers;
        });
    }

    @Override
    public Customer update(Customer customer) {
        prepare(customer);
        validate(customer);
        return unitOfWork.write(em -> {
            Customer stored = em.find(Customer.class, customer.getId());
            if (stored == null) {
                throw notFound(customer.getId());
            }
            // checked here too: taking contacts off changes no customer column, so the commit's version check would miss it
            ConcurrentChangeException.checkVersion(Customer.ENTITY, customer.getId(), customer.getVersion(), stored.getVersion(), stored.getUpdatedBy());
            // and each contact of the copy: someone may have changed one without changing the customer
            for (Contact contact : customer.getContacts()) {
                Contact storedContact = contact.getId() == null ? null : em.find(Contact.class, contact.getId());
                if (storedContact != null) {
                    ConcurrentChangeException.checkVersion(Contact.ENTITY, contact.getId(), contact.getVersion(), storedContact.getVersion(),
                            storedContact.getUpdatedBy());
                }
            }
            // the stored owner decides, or an edit share (the database's update policy lets the same through)
            security.checkUpdate(Customer.ENTITY, stored.getOwner(), customer.getOwner(), stored.getId());
            FieldSecurity.checkEdits(security, Customer.ENTITY, stored, customer);
            checkNestedEdits(stored, customer);
            if (customer.getId() != null) {
                // the contacts and activities taken off the list go to the recycle bin, where they can be restored
                removedToBin(em, contacts, customer.getId(), customer.getContacts().stream().map(Contact::getId).toList());
                removedToBin(em, activities, customer.getId(), customer.getActivities().stream().map(Activity::getId).toList());
            }
            Customer merged = em.merge(customer);
            em.flush();
            unitOfWork.afterCommit(() -> {
                search.written(List.of(merged.getId()));
                events.publish(Customer.ENTITY, Change.UPDATED, merged.getId());
            });
            return merged;
        });
    }

    /**
     * The field rules of contacts and activities on a customer's save: a contact or activity that exists keeps what
     * the user may not see and may not change what they may only read; a new one may not set either.
     */
    private void checkNestedEdits(Customer stored, Customer edited) {
        if (!security.fieldRules(Contact.ENTITY).isEmpty()) {
            Map<Long, Contact> before = new java.util.HashMap<>();
            stored.getContacts().forEach(k -> before.put(k.getId(), k));
            for (Contact contact : edited.getContacts()) {
                Contact old = contact.getId() == null ? null : before.get(contact.getId());
                if (old == null) {
                    FieldSecurity.checkNew(security, Contact.ENTITY, contact);
                } else {
                    FieldSecurity.checkEdits(security, Contact.ENTITY, old, contact);
                }
            }
        }
        if (!security.fieldRules(Activity.ENTITY).isEmpty()) {
            Map<Long, Activity> before = new java.util.HashMap<>();
            stored.getActivities().forEach(a -> before.put(a.getId(), a));
            for (Activity activity : edited.getActivities()) {
                Activity old = activity.getId() == null ? null : before.get(activity.getId());
                if (old == null) {
                    FieldSecurity.checkNew(security, Activity.ENTITY, activity);
                } else {
                    FieldSecurity.checkEdits(security, Activity.ENTITY, old, activity);
                }
            }
        }
    }

    /** The field rules of a new customer and its contacts and activities: nothing the user may not edit is set. */
    private void checkNew(Customer customer) {
        FieldSecurity.checkNew(security, Customer.ENTITY, customer);
        for (Contact contact : customer.getContacts()) {
            FieldSecurity.checkNew(security, Contact.ENTITY, contact);
        }
        for (Activity activity : customer.getActivities()) {
            FieldSecurity.checkNew(security, Activity.ENTITY, activity);
        }
    }

    private static void removedToBin(jakarta.persistence.EntityManager em, SoftDeletion table, long customerId, List<Long> kept) {
        String stillThere = kept.stream().filter(java.util.Objects::nonNull).map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        table.deleteWhere(em, "CUSTOMER_ID = ?" + (stillThere.isEmpty() ? "" : " AND ID NOT IN (" + stillThere + ")"), List.of(customerId));
    }

    /** To the recycle bin; its contacts and activities, and other modules' records that belong to it, follow by trigger. */
    @Override
    public void delete(long id) {
        softDelete(id, () -> notFound(id));
    }

    @Override
    public void deleteAll(Map<Long, Long> seenVersions) {
        softDelete(seenVersions, id -> notFound(id));
    }

    @Override
    public String label() {
        return Messages.RecycleBin_customers;
    }

    @Override
    protected void onDeleted(long id) {
        search.deleted(id);
    }

    /**
     * A customer a merge put in the bin comes back through the merge's undo, with its records; restored alone it would
     * come back empty, and the merge could no longer be undone.
     */
    @Override
    protected void checkRestore(jakarta.persistence.EntityManager em, long id) {
        List<?> merges = em.createNativeQuery("SELECT ID, KEEP_ID FROM SB_CUSTOMER_MERGE WHERE MERGED_ID = ? AND UNDONE_AT IS NULL ORDER BY ID DESC")
                .setParameter(1, id).getResultList();
        if (!merges.isEmpty()) {
            Object[] merge = (Object[]) merges.get(0);
            refuseRestoreIf(true, "id", NLS.bind(Messages.RecycleBin_merged, new Object[] { Long.toString(id), Long.toString(((Number) merge[1]).longValue()),
                    Long.toString(((Number) merge[0]).longValue()) }), id);
        }
    }

    @Override
    protected void onRestored(long id) {
        search.written(List.of(id));
    }

    /** Contacts, activities and tags go with it (foreign keys); leads that named it lose the id (trigger). */
    @Override
    protected void onPurged(long id) {
        search.deleted(id);
    }

    @Override
    public List<Dependent> dependentsOf(String entity, long id) {
        if (!Customer.ENTITY.equals(entity)) {
            return List.of();
        }
        return unitOfWork.read(em -> List.of(
                new Dependent(Contact.ENTITY, Messages.RecycleBin_contacts, count(em, "SB_CONTACT", id), Fate.MOVED_TO_BIN, false),
                new Dependent(Activity.ENTITY, Messages.RecycleBin_activities, count(em, "SB_ACTIVITY", id), Fate.MOVED_TO_BIN, false)));
    }

    private static long count(jakarta.persistence.EntityManager em, String table, long customerId) {
        return ((Number) MaskingViews.query(em, "SELECT COUNT(*) FROM " + table + " WHERE CUSTOMER_ID = ?").setParameter(1, customerId)
                .getSingleResult()).longValue();
    }

    @Override
    public Optional<Customer> find(long id) {
        return unitOfWork.read(em -> {
            Customer customer = em.find(Customer.class, id);
            if (customer == null || customer.isDeleted()) {
                return Optional.empty();
            }
            security.check(Action.READ, Customer.ENTITY, customer.getOwner(), id); // a share or an account team reaches past the roles
            customer.getTags().size();
            for (Contact contact : customer.getContacts()) {
                contact.getPhones().size();
                contact.getEmails().size();
            }
            customer.getActivities().forEach(a -> a.getContact());
            if (!security.fieldRules(Customer.ENTITY).isEmpty() || !security.fieldRules(Contact.ENTITY).isEmpty()
                    || !security.fieldRules(Activity.ENTITY).isEmpty()) {
                em.detach(customer); // blanked fields must never be written back
                FieldSecurity.redact(security, Customer.ENTITY, customer);
                // the editor's contacts and activities, and whatever reads them from here, follow their own rules
                FieldSecurity.redactAll(security, Contact.ENTITY, customer.getContacts());
                FieldSecurity.redactAll(security, Activity.ENTITY, customer.getActivities());
            }
            return Optional.of(customer);
        });
    }

    @Override
    public void validate(Customer customer) {
        Validator v = new Validator();
        if (v.required("name", Messages.Customer_name, customer.getName())) {
            v.maxLength("name", Messages.Customer_name, customer.getName(), 200);
        }
        v.maxLength("shortName", Messages.Customer_shortName, customer.getShortName(), 64);
        String code = CreditCode.normalise(customer.getCreditCode());
        if (code != null && !code.isEmpty()) {
            CreditCode.validate(v, "creditCode", Messages.Customer_creditCode, code);
        }
        v.maxLength("industry", Messages.Customer_industry, customer.getIndustry(), 64);
        v.maxLength("region", Messages.Customer_region, customer.getRegion(), 64);
        v.maxLength("address", Messages.Customer_address, customer.getAddress(), 255);
        v.maxLength("source", Messages.Customer_source, customer.getSource(), 64);
        v.maxLength("size", Messages.Customer_size, customer.getSize(), 64);
        v.maxLength("needs", Messages.Customer_needs, customer.getNeeds(), 4000);
        v.maxLength("notes", Messages.Customer_notes, customer.getNotes(), 4000);
        if (customer.getGrade() != null && !customer.getGrade().isBlank()) {
            v.oneOf("grade", Messages.Customer_grade, customer.getGrade(), grades());
        }
        v.required("status", Messages.Customer_status, customer.getStatus());
        for (String tag : customer.getTags()) {
            v.maxLength("tags", Messages.Customer_tag, tag, 64);
        }
        List<Contact> contacts = customer.getContacts();
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            String prefix = "contacts[" + i + "].";
            if (v.required(prefix + "name", Messages.Contact_name, contact.getName())) {
                v.maxLength(prefix + "name", Messages.Contact_name, contact.getName(), 128);
            }
            v.maxLength(prefix + "title", Messages.Contact_title, contact.getTitle(), 128);
            v.maxLength(prefix + "department", Messages.Contact_department, contact.getDepartment(), 128);
            v.maxLength(prefix + "decisionRole", Messages.Contact_decisionRole, contact.getDecisionRole(), 64);
            contact.getPhones().forEach(p -> v.phone(prefix + "phones", Messages.Contact_phone, p));
            contact.getEmails().forEach(e -> v.email(prefix + "emails", Messages.Contact_email, e));
        }
        List<Activity> activities = customer.getActivities();
        for (int i = 0; i < activities.size(); i++) {
            validate(v, "activities[" + i + "].", activities.get(i));
        }
        v.throwIfInvalid();
    }

    private static void validate(Validator v, String prefix, Activity activity) {
        v.required(prefix + "type", Messages.Activity_type, activity.getType());
        v.required(prefix + "occurredAt", Messages.Activity_when, activity.getOccurredAt());
        if (v.required(prefix + "summary", Messages.Activity_summary, activity.getSummary())) {
            v.maxLength(prefix + "summary", Messages.Activity_summary, activity.getSummary(), 1000);
        }
        if (activity.getOccurredAt() != null) {
            v.notBefore(prefix + "nextStepDate", Messages.Activity_nextStepDate, activity.getNextStepDate(),
                    Messages.Activity_when, activity.getOccurredAt().toLocalDate());
        }
        Integer satisfaction = activity.getSatisfaction();
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            v.add(prefix + "satisfaction", Messages.Activity_satisfactionRange, satisfaction);
        }
    }

    /** Normalises what people type, and keeps the derived columns in step. */
    /**
     * Codes stored, labels shown: a size, a source (a converted lead's) or a contact's decision role given as a code
     * (any case) or a label in either language is stored as the picklist value's code, whoever writes it (an editor, a
     * caller of the API, a rule); a text no value has is kept as written (it becomes a value at the next upgrade).
     */
    private void prepare(Customer customer) {
        customer.setSize(picklists.code(Picklists.COMPANY_SIZE, customer.getSize()));
        customer.setSource(picklists.code(Picklists.LEAD_SOURCE, customer.getSource()));
        for (Contact contact : customer.getContacts()) {
            contact.setDecisionRole(picklists.code(Picklists.DECISION_ROLE, contact.getDecisionRole()));
        }
        if (customer.getName() != null) {
            customer.setName(customer.getName().strip());
        }
        String code = CreditCode.normalise(customer.getCreditCode());
        customer.setCreditCode(code == null || code.isEmpty() ? null : code);
        customer.setNormalizedName(CompanyNames.normalise(customer.getName()));
        Set<String> tags = new java.util.LinkedHashSet<>();
        customer.getTags().stream().map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
        customer.getTags().clear();
        customer.getTags().addAll(tags);
        for (Contact contact : customer.getContacts()) {
            contact.getPhones().replaceAll(String::strip);
            contact.getPhones().removeIf(String::isEmpty);
            contact.getEmails().replaceAll(String::strip);
            contact.getEmails().removeIf(String::isEmpty);
        }
    }

    @Override
    public List<DuplicateCandidate> findDuplicates(Customer customer) {
        security.check(Action.READ, Customer.ENTITY, null);
        Long self = customer.getId();
        String code = CreditCode.normalise(customer.getCreditCode());
        String normalized = CompanyNames.normalise(customer.getName());
        return unitOfWork.read(em -> {
            Map<Long, DuplicateCandidate> found = new LinkedHashMap<>();
            if (code != null && !code.isEmpty()) {
                List<Object[]> sameCode = CustomerNames.byCreditCode(CustomerNames.Select.on(em), search, List.of(code)).getOrDefault(code, List.of())
                        .stream().map(n -> new Object[] { n.id(), n.name() }).toList();
                collect(found, sameCode, Reason.CREDIT_CODE, code, self);
            }
            for (Contact contact : customer.getContacts()) {
                for (String phone : contact.getPhones()) {
                    collect(found, withPhone(em, phone), Reason.PHONE, phone, self);
                }
                for (String email : contact.getEmails()) {
                    collect(found, withEmail(em, email), Reason.EMAIL, email, self);
                }
            }
            if (!normalized.isEmpty()) {
                // the index names the customers with this folded name; the database confirms them by id
                List<Object[]> sameName = CustomerNames.withNormalizedNames(CustomerNames.Select.on(em), search, List.of(normalized)).stream()
                        .map(n -> new Object[] { n.id(), n.name() }).toList();
                collect(found, sameName, Reason.NAME, customer.getName(), self);
            }
            return List.copyOf(found.values());
        });
    }

    /** Id and name of the customers one of whose contacts has this phone: the index names them, SQL compares the digits. */
    private List<Object[]> withPhone(jakarta.persistence.EntityManager em, String phone) {
        String digits = phoneDigits(phone);
        if (digits == null || digits.length() < 5) {
            return List.of();
        }
        long[] candidates = search.idsWithTerm(digits);
        if (candidates.length == 0) {
            return List.of();
        }
        List<Object[]> same = new ArrayList<>();
        for (Object row : MaskingViews.query(em, "SELECT DISTINCT c.ID, c.NAME, p.PHONE FROM {SB_CUSTOMER} c "
                + "JOIN {SB_CONTACT} k ON k.CUSTOMER_ID = c.ID JOIN SB_CONTACT_PHONE p ON p.CONTACT_ID = k.ID WHERE c.ID IN ("
                + idList(candidates) + ")").getResultList()) {
            Object[] r = (Object[]) row;
            if (digits.equals(phoneDigits((String) r[2]))) {
                same.add(r);
            }
        }
        return same;
    }

    /** Id and name of the customers one of whose contacts has this e-mail: the index names them, SQL compares the addresses. */
    private List<Object[]> withEmail(jakarta.persistence.EntityManager em, String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        long[] candidates = search.idsWithTerm(SearchTerms.emailTerm(email));
        if (candidates.length == 0) {
            return List.of();
        }
        List<Object[]> same = new ArrayList<>();
        for (Object row : MaskingViews.query(em, "SELECT DISTINCT c.ID, c.NAME, e.EMAIL FROM {SB_CUSTOMER} c JOIN {SB_CONTACT} k ON k.CUSTOMER_ID = c.ID"
                + " JOIN SB_CONTACT_EMAIL e ON e.CONTACT_ID = k.ID WHERE c.ID IN (" + idList(candidates) + ")").getResultList()) {
            Object[] r = (Object[]) row;
            if (email.strip().equalsIgnoreCase(((String) r[2]).strip())) {
                same.add(r);
            }
        }
        return same;
    }

    @Override
    public String foldName(String name) {
        return CompanyNames.normalise(name);
    }

    @Override
    public String phoneDigits(String phone) {
        String digits = phone == null ? "" : SearchTerms.withoutCountryCode(SearchTerms.digits(phone));
        return digits.isEmpty() ? null : digits;
    }

    @Override
    public List<Long> idsByCreditCode(String creditCode) {
        security.check(Action.READ, Customer.ENTITY, null);
        String code = CreditCode.normalise(creditCode);
        if (code == null || code.isEmpty()) {
            return List.of();
        }
        return unitOfWork.read(em -> CustomerNames.byCreditCode(CustomerNames.Select.on(em), search, List.of(code)).getOrDefault(code, List.of())
                .stream().map(n -> n.id()).toList());
    }

    @Override
    public List<DuplicateCandidate> byPhone(String phone) {
        security.check(Action.READ, Customer.ENTITY, null);
        return unitOfWork.read(em -> candidates(withPhone(em, phone), Reason.PHONE, phone));
    }

    @Override
    public List<DuplicateCandidate> byEmail(String email) {
        security.check(Action.READ, Customer.ENTITY, null);
        return unitOfWork.read(em -> candidates(withEmail(em, email), Reason.EMAIL, email));
    }

    private static List<DuplicateCandidate> candidates(List<Object[]> rows, Reason reason, String value) {
        Map<Long, DuplicateCandidate> found = new LinkedHashMap<>();
        collect(found, rows, reason, value, null);
        return List.copyOf(found.values());
    }

    /** At most the first 100 ids, for an IN list: duplicate warnings are advice, a hundred candidates are plenty. */
    private static String idList(long[] ids) {
        return Arrays.stream(ids).limit(100).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining(","));
    }

    private static void collect(Map<Long, DuplicateCandidate> found, List<?> rows, Reason reason, String value, Long self) {
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            if ((self == null || id != self) && !found.containsKey(id)) {
                found.put(id, new DuplicateCandidate(id, (String) r[1], reason, value));
            }
        }
    }

    @Override
    public List<Long> idsByName(String name) {
        security.check(Action.READ, Customer.ENTITY, null);
        return unitOfWork.read(em -> CustomerNames.idsByName(CustomerNames.Select.on(em), search, name));
    }

    @Override
    public Activity logActivity(long customerId, Activity activity) {
        Validator v = new Validator();
        validate(v, "", activity);
        v.throwIfInvalid();
        FieldSecurity.checkNew(security, Activity.ENTITY, activity);
        return unitOfWork.write(em -> {
            Customer customer = em.find(Customer.class, customerId);
            if (customer == null || customer.isDeleted()) {
                throw notFound(customerId);
            }
            security.check(Action.UPDATE, Customer.ENTITY, customer.getOwner(), customerId);
            if (activity.getPerformedBy() == null) {
                activity.setPerformedBy(security.currentUser().login());
            }
            if (activity.getContact() != null) {
                activity.setContact(em.find(Contact.class, activity.getContact().getId()));
            }
            customer.addActivity(activity);
            em.persist(activity);
            if (activity.getNextStepDate() != null) {
                customer.setNextFollowUp(activity.getNextStepDate());
            }
            unitOfWork.afterCommit(() -> {
                search.written(List.of(customerId));
                events.publish(Customer.ENTITY, Change.UPDATED, customerId);
            });
            return activity;
        });
    }

    private static ValidationException notFound(long id) {
        return new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Customer_notFound, id), id)));
    }

    @Override
    public long count(CustomerFilter filter) {
        security.check(Action.READ, Customer.ENTITY, null);
        checkFilterable(filter);
        return search.count(filter, hiddenTermSources());
    }

    @Override
    public List<CustomerRow> page(CustomerFilter filter, CustomerSort sort, int offset, int limit) {
        security.check(Action.READ, Customer.ENTITY, null);
        FieldMask mask = checkFilterable(filter);
        return mask.applyAll(search.page(filter, visibleOrder(mask, sort), offset, limit, hiddenTermSources()));
    }

    @Override
    public long[] ids(CustomerFilter filter, CustomerSort sort) {
        security.check(Action.READ, Customer.ENTITY, null);
        FieldMask mask = checkFilterable(filter);
        return search.ids(filter, visibleOrder(mask, sort), hiddenTermSources());
    }

    /** Refuses a filter on a field the user's roles hide: the customers it keeps would tell what the field holds. */
    /**
     * The sources of search terms ({@link SearchTerms#SOURCES}, named {@code entity.field}) that the current user's
     * field rules hide: a word typed in the search must not find a customer by them, or each search would tell a
     * little of what they hold.
     */
    private Set<String> hiddenTermSources() {
        FieldMask customerMask = FieldMask.of(security, Customer.ENTITY);
        FieldMask contactMask = FieldMask.of(security, Contact.ENTITY);
        if (customerMask.isEmpty() && contactMask.isEmpty()) {
            return Set.of();
        }
        Set<String> hidden = new java.util.HashSet<>();
        for (String source : SearchTerms.SOURCES) {
            String entity = source.substring(0, source.indexOf('.'));
            String field = source.substring(source.indexOf('.') + 1);
            if ((Customer.ENTITY.equals(entity) ? customerMask : contactMask).hides(field)
                    || Contact.ENTITY.equals(entity) && customerMask.hides("contacts")) {
                hidden.add(source);
            }
        }
        return hidden;
    }

    private FieldMask checkFilterable(CustomerFilter filter) {
        FieldMask mask = FieldMask.of(security, Customer.ENTITY);
        if (!mask.isEmpty() && filter != null) {
            List<String> read = new ArrayList<>();
            if (!filter.grades().isEmpty()) {
                read.add("grade");
            }
            if (!filter.statuses().isEmpty()) {
                read.add("status");
            }
            if (filter.owner() != null) {
                read.add("owner");
            }
            if (filter.tag() != null) {
                read.add("tags");
            }
            if (filter.followUpOverdue()) {
                read.add("nextFollowUp");
            }
            mask.checkFilterable(security, read);
        }
        return mask;
    }

    /**
     * The order to list in: a column the user's roles hide sorts as the default order, since the order alone would
     * rank what the blank column holds (the list shows the column empty, so the user sees no order to miss).
     */
    private static CustomerSort visibleOrder(FieldMask mask, CustomerSort sort) {
        if (sort == null || mask.isEmpty()) {
            return sort;
        }
        String field = switch (sort.column()) {
            case NAME -> "name";
            case GRADE -> "grade";
            case STATUS -> "status";
            case INDUSTRY -> "industry";
            case REGION -> "region";
            case OWNER -> "owner";
            case NEXT_FOLLOW_UP -> "nextFollowUp";
            case UPDATED_AT -> "updatedAt";
            case SHORT_NAME -> "shortName";
        };
        return mask.hides(field) ? CustomerSort.DEFAULT : sort;
    }

    @Override
    public List<CustomerRow> rows(long[] ids) {
        security.check(Action.READ, Customer.ENTITY, null);
        return FieldMask.of(security, Customer.ENTITY).applyAll(search.rows(ids));
    }

    @Override
    public List<String> grades() {
        String configured = System.getProperty(GRADES_PROPERTY, "A,B,C,D");
        return Arrays.stream(configured.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
    }

    @Override
    public List<String> tags() {
        security.check(Action.READ, Customer.ENTITY, null);
        if (FieldMask.of(security, Customer.ENTITY).hides("tags")) {
            return List.of(); // the tags the user's roles hide are not offered to filter by either
        }
        return search.tags(); // the index's tag terms: SB_CUSTOMER_TAG keeps no index on TAG for this
    }

    @Override
    public int purgeOwnedBy(Collection<String> owners) {
        if (owners.isEmpty()) {
            return 0;
        }
        owners.forEach(owner -> security.check(Action.DELETE, Customer.ENTITY, owner));
        return unitOfWork.write(em -> {
            String in = SqlParameters.in(owners.size());
            String ofOwners = " WHERE CUSTOMER_ID IN (SELECT ID FROM {SB_CUSTOMER} WHERE OWNER" + in + ")";
            List<Long> ids = new ArrayList<>();
            for (Object id : SqlParameters.bind(MaskingViews.query(em, "SELECT ID FROM {SB_CUSTOMER} WHERE OWNER" + in), owners).getResultList()) {
                ids.add(((Number) id).longValue());
            }
            // children first, as in delete: phones, e-mails and tags follow by ON DELETE CASCADE
            for (String sql : List.of("DELETE FROM SB_ACTIVITY" + ofOwners, "DELETE FROM SB_CONTACT" + ofOwners,
                    "DELETE FROM SB_CUSTOMER WHERE OWNER" + in)) {
                SqlParameters.bind(MaskingViews.query(em, sql), owners).executeUpdate();
            }
            unitOfWork.afterCommit(() -> {
                search.deleted(ids);
                // one event for the lot, as for an import: views read the list again
                events.publishImported(Customer.ENTITY, ids.size());
            });
            return ids.size();
        });
    }
}
