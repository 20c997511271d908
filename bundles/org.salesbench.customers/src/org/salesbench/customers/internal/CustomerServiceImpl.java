package org.salesbench.customers.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Validator;
import org.salesbench.customers.Activity;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.DuplicateCandidate;
import org.salesbench.customers.DuplicateCandidate.Reason;
import org.salesbench.persistence.UnitOfWork;

/** The customer service: validation, permission checks, one transaction per call, events after commit. */
@Component(service = CustomerService.class)
public class CustomerServiceImpl implements CustomerService {

    /** Comma-separated grades, best first; A, B, C, D when unset. */
    public static final String GRADES_PROPERTY = "salesbench.customer.grades";

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;

    @Activate
    public CustomerServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security,
            @Reference DomainEventPublisher events) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
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
            writeTerms(em, customers, false);
            unitOfWork.afterCommit(() -> customers.forEach(c -> events.publish(Customer.ENTITY, Change.CREATED, c.getId())));
            return customers;
        });
    }

    @Override
    public Customer update(Customer customer) {
        security.check(Action.UPDATE, Customer.ENTITY, customer.getOwner());
        prepare(customer);
        validate(customer);
        return unitOfWork.write(em -> {
            Customer merged = em.merge(customer);
            em.flush();
            writeTerms(em, List.of(merged), true);
            unitOfWork.afterCommit(() -> events.publish(Customer.ENTITY, Change.UPDATED, merged.getId()));
            return merged;
        });
    }

    @Override
    public void delete(long id) {
        unitOfWork.write(em -> {
            Customer customer = em.find(Customer.class, id);
            if (customer == null) {
                throw notFound(id);
            }
            security.check(Action.DELETE, Customer.ENTITY, customer.getOwner());
            em.detach(customer);
            // children first, in SQL: phones, e-mails, tags and terms follow by ON DELETE CASCADE
            for (String sql : List.of("DELETE FROM SB_ACTIVITY WHERE CUSTOMER_ID = ?", "DELETE FROM SB_CONTACT WHERE CUSTOMER_ID = ?",
                    "DELETE FROM SB_CUSTOMER WHERE ID = ?")) {
                em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
            }
            unitOfWork.afterCommit(() -> events.publish(Customer.ENTITY, Change.DELETED, id));
            return null;
        });
    }

    @Override
    public Optional<Customer> find(long id) {
        return unitOfWork.read(em -> {
            Customer customer = em.find(Customer.class, id);
            if (customer == null) {
                return Optional.empty();
            }
            security.check(Action.READ, Customer.ENTITY, customer.getOwner());
            customer.getTags().size();
            for (Contact contact : customer.getContacts()) {
                contact.getPhones().size();
                contact.getEmails().size();
            }
            customer.getActivities().forEach(a -> a.getContact());
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
    }

    /** Normalises what people type, and keeps the derived columns in step. */
    private static void prepare(Customer customer) {
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

    /** Rewrites the search terms of the given (flushed) customers through the transaction's connection. */
    private static void writeTerms(EntityManager em, List<Customer> customers, boolean replace) {
        Connection connection = em.unwrap(Connection.class);
        try {
            if (replace) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM SB_CUSTOMER_TERM WHERE CUSTOMER_ID = ?")) {
                    for (Customer customer : customers) {
                        delete.setLong(1, customer.getId());
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SB_CUSTOMER_TERM (CUSTOMER_ID, TERM) VALUES (?, ?)")) {
                int pending = 0;
                for (Customer customer : customers) {
                    for (String term : SearchTerms.of(customer)) {
                        insert.setLong(1, customer.getId());
                        insert.setString(2, term);
                        insert.addBatch();
                        if (++pending == 1000) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException(e.getMessage(), e);
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
                collect(found, em.createNativeQuery("SELECT ID, NAME FROM SB_CUSTOMER WHERE CREDIT_CODE = ?").setParameter(1, code)
                        .getResultList(), Reason.CREDIT_CODE, code, self);
            }
            for (Contact contact : customer.getContacts()) {
                for (String phone : contact.getPhones()) {
                    String digits = SearchTerms.withoutCountryCode(SearchTerms.digits(phone));
                    if (digits.length() < 5) {
                        continue;
                    }
                    List<?> rows = em.createNativeQuery("SELECT DISTINCT c.ID, c.NAME, p.PHONE FROM SB_CUSTOMER_TERM t "
                            + "JOIN SB_CUSTOMER c ON c.ID = t.CUSTOMER_ID JOIN SB_CONTACT k ON k.CUSTOMER_ID = c.ID "
                            + "JOIN SB_CONTACT_PHONE p ON p.CONTACT_ID = k.ID WHERE t.TERM = ?").setParameter(1, digits).getResultList();
                    List<Object[]> samePhone = new ArrayList<>();
                    for (Object row : rows) {
                        Object[] r = (Object[]) row;
                        if (digits.equals(SearchTerms.withoutCountryCode(SearchTerms.digits((String) r[2])))) {
                            samePhone.add(r);
                        }
                    }
                    collect(found, samePhone, Reason.PHONE, phone, self);
                }
            }
            if (!normalized.isEmpty()) {
                collect(found, em.createNativeQuery("SELECT ID, NAME FROM SB_CUSTOMER WHERE NORMALIZED_NAME = ?")
                        .setParameter(1, normalized).getResultList(), Reason.NAME, customer.getName(), self);
            }
            return List.copyOf(found.values());
        });
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
    public Activity logActivity(long customerId, Activity activity) {
        Validator v = new Validator();
        validate(v, "", activity);
        v.throwIfInvalid();
        return unitOfWork.write(em -> {
            Customer customer = em.find(Customer.class, customerId);
            if (customer == null) {
                throw notFound(customerId);
            }
            security.check(Action.UPDATE, Customer.ENTITY, customer.getOwner());
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
            unitOfWork.afterCommit(() -> events.publish(Customer.ENTITY, Change.UPDATED, customerId));
            return activity;
        });
    }

    private static ValidationException notFound(long id) {
        return new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Customer_notFound, id), id)));
    }

    @Override
    public long count(CustomerFilter filter) {
        security.check(Action.READ, Customer.ENTITY, null);
        return unitOfWork.read(em -> CustomerQueries.count(em, filter, LocalDate.now(), derby()));
    }

    @Override
    public List<CustomerRow> page(CustomerFilter filter, CustomerSort sort, int offset, int limit) {
        security.check(Action.READ, Customer.ENTITY, null);
        return unitOfWork.read(em -> CustomerQueries.page(em, filter, sort, offset, limit, LocalDate.now(), derby()));
    }

    @Override
    public long[] ids(CustomerFilter filter, CustomerSort sort) {
        security.check(Action.READ, Customer.ENTITY, null);
        return unitOfWork.read(em -> CustomerQueries.ids(em, filter, sort, LocalDate.now(), derby()));
    }

    @Override
    public List<CustomerRow> rows(long[] ids) {
        security.check(Action.READ, Customer.ENTITY, null);
        return unitOfWork.read(em -> CustomerQueries.rowsByIds(em, ids));
    }

    private boolean derby() {
        return unitOfWork.settings().dialect() != org.salesbench.persistence.DatabaseSettings.Dialect.POSTGRESQL;
    }

    @Override
    public List<String> grades() {
        String configured = System.getProperty(GRADES_PROPERTY, "A,B,C,D");
        return Arrays.stream(configured.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> tags() {
        security.check(Action.READ, Customer.ENTITY, null);
        return unitOfWork.read(em -> (List<String>) em.createNativeQuery("SELECT DISTINCT TAG FROM SB_CUSTOMER_TAG ORDER BY TAG")
                .getResultList());
    }
}
