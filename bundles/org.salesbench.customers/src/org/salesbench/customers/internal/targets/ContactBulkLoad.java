package org.salesbench.customers.internal.targets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.SearchTerms;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.targets.BulkLoad;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.importexport.targets.WritableFields;

/**
 * New contacts of a large import, loaded with Derby's bulk insert ({@link BulkLoad}): the contacts while the file is
 * read, then their phones and e-mails. Each row is checked as {@link ContactsTarget}'s service path checks it (the
 * same field rules, the customer's validation of its contacts, the same messages); the customers are resolved a batch
 * at a time ({@link CustomerRefs}) and the keys the run matches on read once. Rows the bulk path does not write come
 * back {@code null} and the engine writes them through the service after the load: rows that update a contact, a
 * company's card, and a person whose company is missing when the run creates missing customers or the file's own
 * company card names it. After the load the touched customers are indexed again (their contacts are searched).
 */
final class ContactBulkLoad extends BulkLoad {

    private static final List<String> CONTACT_COLUMNS = List.of("ID", "VERSION", "CREATED_AT", "CREATED_BY", "UPDATED_AT", "UPDATED_BY", "OWNER",
            "CUSTOMER_ID", "NAME", "TITLE", "DEPARTMENT", "DECISION_ROLE", "IS_PRIMARY");

    private final ImportContext context;
    private final CustomerService service;
    private final CustomerSearch search;
    private final MatchPolicy match;
    private final CustomerRefs customers;
    private final WritableFields rules;
    private final String login;
    private final int contacts;
    private final int phones;
    private final int emails;
    /** Existing contact id by normalised key value, per key field the run matches on. */
    private final Map<String, Map<String, Long>> existing = new HashMap<>();
    /** Companies whose cards this file has: a person of one is written after the load, when the card has made it. */
    private final Set<String> companyCards = new HashSet<>();
    private final Set<Long> touched = new TreeSet<>();
    /** The decision role's code for what a row says. */
    private final java.util.function.UnaryOperator<String> roles;

    ContactBulkLoad(ImportContext context, CustomerService service, SecurityService security, CustomerSearch search, DomainEventPublisher events,
            MatchPolicy match, java.util.function.UnaryOperator<String> roles) {
        super(context.unitOfWork(), events, ContactsTarget.ENTITY, "SB_CONTACT", ImportMessages.Bulk_loadFailed);
        this.roles = roles;
        this.context = context;
        this.service = service;
        this.search = search;
        this.match = match;
        this.customers = new CustomerRefs(security, search);
        this.rules = WritableFields.of(security, ContactsTarget.ENTITY);
        this.login = security.currentUser().login();
        this.contacts = table("SB_CONTACT", CONTACT_COLUMNS);
        this.phones = table("SB_CONTACT_PHONE", List.of("CONTACT_ID", "POSITION", "PHONE"));
        this.emails = table("SB_CONTACT_EMAIL", List.of("CONTACT_ID", "POSITION", "EMAIL"));
        if (match.onMatch() != OnMatch.CREATE) {
            withConnection(this::readExistingKeys);
        }
    }

    private Void readExistingKeys(Connection connection) throws SQLException {
        for (String key : match.keys()) {
            Map<String, Long> ids = new HashMap<>();
            switch (key) {
            case ContactsTarget.EMAILS -> read(connection, "SELECT EMAIL, CONTACT_ID FROM SB_CONTACT_EMAIL", ids, true);
            case ContactsTarget.PHONES -> read(connection, "SELECT PHONE, CONTACT_ID FROM SB_CONTACT_PHONE", ids, false);
            default -> ids.putAll(ExternalIds.all(connection, ContactsTarget.ENTITY, "SB_CONTACT"));
            }
            existing.put(key, ids);
        }
        return null;
    }

    private static void read(Connection connection, String sql, Map<String, Long> ids, boolean email) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String value = email ? rs.getString(1).strip().toLowerCase(java.util.Locale.ROOT)
                        : SearchTerms.withoutCountryCode(SearchTerms.digits(rs.getString(1)));
                if (!value.isEmpty()) {
                    ids.merge(value, rs.getLong(2), Math::min);
                }
            }
        }
    }

    @Override
    public List<RowOutcome> stage(List<ImportRow> rows) {
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        List<ImportRow> people = new ArrayList<>();
        List<Integer> peopleIndexes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            long matched = matchOf(row);
            if (matched != 0) {
                outcomes[i] = match.onMatch() == OnMatch.SKIP ? RowOutcome.skipped(matched) : null;
                continue;
            }
            if (ContactsTarget.isCompanyCard(row)) {
                String name = !blank(row.text(ContactsTarget.CUSTOMER)) ? row.text(ContactsTarget.CUSTOMER)
                        : blank(row.text(ContactsTarget.NAME)) ? null : row.text(ContactsTarget.NAME);
                if (name != null) {
                    companyCards.add(name.strip());
                }
                continue; // the service makes the customer, after the load
            }
            if (blank(row.text(ContactsTarget.NAME))) {
                outcomes[i] = RowOutcome.failed(List.of(new FieldError(ContactsTarget.NAME,
                        NLS.bind(TargetMessages.Value_required, ImportMessages.Contact_name), null)));
                continue;
            }
            people.add(row);
            peopleIndexes.add(i);
        }
        List<Object> refs = people.isEmpty() ? List.of() : withConnection(c -> customers.resolve(c, people));
        List<Object[]> contactRows = new ArrayList<>();
        List<Object[]> phoneRows = new ArrayList<>();
        List<Object[]> emailRows = new ArrayList<>();
        List<Contact> creates = new ArrayList<>();
        List<Integer> createIndexes = new ArrayList<>();
        List<CustomerRefs.Ref> createRefs = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            ImportRow row = people.get(p);
            int i = peopleIndexes.get(p);
            Object ref = refs.get(p);
            if (ref instanceof FieldError missing) {
                String company = row.text(ContactsTarget.CUSTOMER);
                boolean mayBeMade = missing.field().equals(ContactsTarget.CUSTOMER) && !blank(company)
                        && (context.createsMissing(CustomersTarget.ID) || companyCards.contains(company.strip()));
                outcomes[i] = mayBeMade ? null : RowOutcome.failed(List.of(missing)); // null: the service path makes the customer
                continue;
            }
            CustomerRefs.Ref customer = (CustomerRefs.Ref) ref;
            Contact contact = new Contact();
            ContactsTarget.apply(row, contact, roles);
            RowOutcome unwritable = rules.refusal(row, contact, null);
            if (unwritable != null) {
                outcomes[i] = unwritable;
                continue;
            }
            Customer holder = new Customer(customer.name()); // the customer's validation of its contacts, on this one
            holder.addContact(contact);
            try {
                service.validate(holder);
            } catch (ValidationException e) {
                outcomes[i] = RowOutcome.failed(e.getErrors());
                continue;
            }
            contact.getPhones().replaceAll(String::strip); // as the service's update prepares them
            contact.getPhones().removeIf(String::isEmpty);
            contact.getEmails().replaceAll(String::strip);
            contact.getEmails().removeIf(String::isEmpty);
            creates.add(contact);
            createIndexes.add(i);
            createRefs.add(customer);
        }
        if (!creates.isEmpty()) {
            long first = reserveIds(creates.size());
            for (int k = 0; k < creates.size(); k++) {
                long id = first + k;
                Contact c = creates.get(k);
                long customerId = createRefs.get(k).id();
                contactRows.add(new Object[] { id, 1L, now, login, now, login, login, customerId, c.getName(), c.getTitle(), c.getDepartment(),
                        c.getDecisionRole(), c.isPrimary() });
                for (int n = 0; n < c.getPhones().size(); n++) {
                    phoneRows.add(new Object[] { id, n, c.getPhones().get(n) });
                }
                for (int n = 0; n < c.getEmails().size(); n++) {
                    emailRows.add(new Object[] { id, n, c.getEmails().get(n) });
                }
                int i = createIndexes.get(k);
                outcomes[i] = RowOutcome.created(id);
                externalId(rows.get(i).text(ContactsTarget.EXTERNAL_ID), id);
                touched.add(customerId);
            }
            counted(creates.size());
            add(contacts, contactRows);
            add(phones, phoneRows);
            add(emails, emailRows);
        }
        return Arrays.asList(outcomes);
    }

    /** The existing contact the row matches on the first of the run's keys that finds one, or 0. */
    private long matchOf(ImportRow row) {
        if (match.onMatch() == OnMatch.CREATE) {
            return 0;
        }
        ContactsTarget target = new ContactsTarget();
        for (String key : match.keys()) {
            String value = target.normaliseKey(key, row.get(key));
            if (value != null && !value.isEmpty()) {
                Long id = existing.get(key).get(value);
                if (id != null) {
                    return id;
                }
            }
        }
        return 0;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The customers that gained contacts: their contacts' names, phones and e-mails are searched. */
    @Override
    protected void afterLoad() {
        search.writtenInBackground(touched); // the load does not wait for the index; a query before the job indexes them first
    }
}
