package org.salesbench.customers.internal.targets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Activity;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.targets.BulkLoad;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.WritableFields;
import org.salesbench.persistence.SqlParameters;

/**
 * New activities of a large import, loaded with Derby's bulk insert ({@link BulkLoad}). Each row is checked as
 * {@link ActivitiesTarget}'s service path checks it (a whole satisfaction, the customer, the field rules, the contact by
 * name within the customer, the service's validation of an activity; the same messages). As
 * {@link CustomerService#logActivity} does, an activity with a next-step date moves its customer's next follow-up to
 * it (the file's last such activity of a customer wins), in the load's transaction; those customers are indexed again
 * after it. Rows that match an existing activity to update it come back {@code null}: the engine writes them through
 * the service after the load.
 */
final class ActivityBulkLoad extends BulkLoad {

    private static final List<String> ACTIVITY_COLUMNS = List.of("ID", "VERSION", "CREATED_AT", "CREATED_BY", "UPDATED_AT", "UPDATED_BY", "OWNER",
            "CUSTOMER_ID", "CONTACT_ID", "ACTIVITY_TYPE", "OCCURRED_AT", "PERFORMED_BY", "SUMMARY", "OUTCOME", "NEXT_STEP", "NEXT_STEP_DATE",
            "SATISFACTION");

    private final CustomerService service;
    private final CustomerSearch search;
    private final MatchPolicy match;
    private final CustomerRefs customers;
    private final WritableFields rules;
    private final String login;
    private final int activities;
    private final Map<String, Long> existing;
    /**
     * Per customer, its contacts' ids by name (the oldest of a name), read once per customer while it is kept: past
     * {@link CustomerRefs#KNOWN_LIMIT} customers it starts afresh, so memory stays bounded whatever the file's size.
     */
    private final Map<Long, Map<String, Long>> contactsByCustomer = new HashMap<>();
    /** The next follow-up each customer moves to, in file order (the last wins). */
    private final Map<Long, LocalDate> followUps = new LinkedHashMap<>();

    ActivityBulkLoad(ImportContext context, CustomerService service, SecurityService security, CustomerSearch search, DomainEventPublisher events,
            MatchPolicy match) {
        super(context.unitOfWork(), events, ActivitiesTarget.ENTITY, "SB_ACTIVITY", ImportMessages.Bulk_loadFailed);
        this.service = service;
        this.search = search;
        this.match = match;
        this.customers = new CustomerRefs(security, search);
        this.rules = WritableFields.of(security, ActivitiesTarget.ENTITY);
        this.login = security.currentUser().login();
        this.activities = table("SB_ACTIVITY", ACTIVITY_COLUMNS);
        this.existing = match.onMatch() != OnMatch.CREATE && match.keys().contains(ActivitiesTarget.EXTERNAL_ID)
                ? withConnection(c -> ExternalIds.all(c, ActivitiesTarget.ENTITY, "SB_ACTIVITY"))
                : Map.of();
    }

    @Override
    public List<RowOutcome> stage(List<ImportRow> rows) {
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        if (contactsByCustomer.size() > CustomerRefs.KNOWN_LIMIT) {
            contactsByCustomer.clear();
        }
        List<ImportRow> candidates = new ArrayList<>();
        List<Integer> candidateIndexes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            FieldError notWhole = ActivitiesTarget.notWhole(row);
            if (notWhole != null) {
                outcomes[i] = RowOutcome.failed(List.of(notWhole));
                continue;
            }
            String external = row.text(ActivitiesTarget.EXTERNAL_ID) == null ? null : row.text(ActivitiesTarget.EXTERNAL_ID).strip();
            Long matched = external == null ? null : existing.get(external);
            if (matched != null) {
                outcomes[i] = match.onMatch() == OnMatch.SKIP ? RowOutcome.skipped(matched) : null;
                continue;
            }
            candidates.add(row);
            candidateIndexes.add(i);
        }
        List<Object> refs = candidates.isEmpty() ? List.of() : withConnection(c -> {
            List<Object> resolved = customers.resolve(c, candidates);
            readContacts(c, candidates, resolved);
            return resolved;
        });
        List<Activity> creates = new ArrayList<>();
        List<Integer> createIndexes = new ArrayList<>();
        List<Long> createCustomers = new ArrayList<>();
        List<Long> createContacts = new ArrayList<>();
        for (int p = 0; p < candidates.size(); p++) {
            ImportRow row = candidates.get(p);
            int i = candidateIndexes.get(p);
            if (refs.get(p) instanceof FieldError error) {
                outcomes[i] = RowOutcome.failed(List.of(error));
                continue;
            }
            CustomerRefs.Ref customer = (CustomerRefs.Ref) refs.get(p);
            Activity activity = new Activity();
            ActivitiesTarget.apply(row, activity);
            RowOutcome unwritable = rules.refusal(row, activity, null);
            if (unwritable != null) {
                outcomes[i] = unwritable;
                continue;
            }
            Long contactId = null;
            String contactName = row.text(ActivitiesTarget.CONTACT);
            if (contactName != null && !contactName.isBlank()) {
                contactId = contactsByCustomer.getOrDefault(customer.id(), Map.of()).get(contactName.strip());
                if (contactId == null) {
                    outcomes[i] = RowOutcome.failed(List.of(new FieldError(ActivitiesTarget.CONTACT,
                            NLS.bind(ImportMessages.Activity_noContact, customer.name(), contactName), contactName)));
                    continue;
                }
            }
            Customer holder = new Customer(customer.name()); // the service's validation of an activity, on this one
            holder.addActivity(activity);
            try {
                service.validate(holder);
            } catch (ValidationException e) {
                outcomes[i] = RowOutcome.failed(e.getErrors());
                continue;
            }
            creates.add(activity);
            createIndexes.add(i);
            createCustomers.add(customer.id());
            createContacts.add(contactId);
        }
        if (!creates.isEmpty()) {
            long first = reserveIds(creates.size());
            List<Object[]> activityRows = new ArrayList<>(creates.size());
            for (int k = 0; k < creates.size(); k++) {
                long id = first + k;
                Activity a = creates.get(k);
                activityRows.add(new Object[] { id, 1L, now, login, now, login, login, createCustomers.get(k), createContacts.get(k), a.getType().name(),
                        Timestamp.valueOf(a.getOccurredAt()), login, a.getSummary(), a.getOutcome(), a.getNextStep(),
                        a.getNextStepDate() == null ? null : java.sql.Date.valueOf(a.getNextStepDate()),
                        a.getSatisfaction() });
                if (a.getNextStepDate() != null) {
                    followUps.remove(createCustomers.get(k));
                    followUps.put(createCustomers.get(k), a.getNextStepDate());
                }
                int i = createIndexes.get(k);
                outcomes[i] = RowOutcome.created(id);
                externalId(rows.get(i).text(ActivitiesTarget.EXTERNAL_ID), id);
            }
            counted(creates.size());
            add(activities, activityRows);
        }
        return Arrays.asList(outcomes);
    }

    /**
     * The contacts, by name, of the batch's customers that a row names a contact of and that were not read before
     * (a file without contact names reads none).
     */
    private void readContacts(Connection connection, List<ImportRow> rows, List<Object> refs) throws SQLException {
        Set<Long> wanted = new LinkedHashSet<>();
        for (int p = 0; p < refs.size(); p++) {
            String contact = rows.get(p).text(ActivitiesTarget.CONTACT);
            if (refs.get(p) instanceof CustomerRefs.Ref r && contact != null && !contact.isBlank() && !contactsByCustomer.containsKey(r.id())) {
                wanted.add(r.id());
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        wanted.forEach(id -> contactsByCustomer.put(id, new HashMap<>()));
        try (PreparedStatement select = connection.prepareStatement("SELECT ID, CUSTOMER_ID, NAME FROM SB_CONTACT WHERE DELETED_AT IS NULL "
                + "AND CUSTOMER_ID" + SqlParameters.in(CustomerRefs.IN_LIST))) {
            CustomerRefs.forEachList(select, List.copyOf(wanted), rs -> contactsByCustomer.get(rs.getLong(2)).merge(rs.getString(3), rs.getLong(1), Math::min));
        }
    }

    /** The customers' next follow-ups, as logging each activity through the service moves them. */
    @Override
    protected void afterInserts(Connection connection) throws SQLException {
        if (followUps.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE SB_CUSTOMER SET NEXT_FOLLOW_UP = ?, UPDATED_AT = ?, UPDATED_BY = ?, VERSION = VERSION + 1 WHERE ID = ?")) {
            int pending = 0;
            for (Map.Entry<Long, LocalDate> e : followUps.entrySet()) {
                update.setDate(1, java.sql.Date.valueOf(e.getValue()));
                update.setTimestamp(2, now);
                update.setString(3, login);
                update.setLong(4, e.getKey());
                update.addBatch();
                if (++pending == 1000) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            update.executeBatch();
        }
    }

    /** The customers whose next follow-up moved: it is one of the list's filters. */
    @Override
    protected void afterLoad() {
        search.writtenInBackground(followUps.keySet());
    }
}
