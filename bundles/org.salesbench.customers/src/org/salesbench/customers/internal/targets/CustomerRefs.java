package org.salesbench.customers.internal.targets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityMessages;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.customers.internal.CompanyNames;
import org.salesbench.customers.internal.CustomerNames;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.persistence.SqlParameters;

/**
 * The customers the rows of one batch of a bulk load belong to, resolved as {@link ContactsTarget#customerOf} resolves
 * one row's (external id first, then the exact name, then the folded one; a name that fits several is reported), but
 * in a few queries for the whole batch: the external ids in one, the names in one look-up of their folded forms, the
 * owners of what was found in one. Whether the user may add to the customer is checked too, as the service's update
 * checks it.
 */
final class CustomerRefs {

    /** A customer as a new child record needs it. */
    record Ref(long id, String name, String owner, String industry) {
    }

    private final SecurityService security;
    /** Whether a row may name only a customer the user may update (a contact, an activity: the service updates it). */
    private final boolean checksUpdate;
    private final CustomerSearch search;
    /**
     * Owners and names by id, kept across batches (children of one customer come in many batches), but not for the whole
     * run: past {@link #KNOWN_LIMIT} customers it starts afresh, so a file naming a million customers stages in bounded
     * memory (a customer read again costs one look-up of its batch).
     */
    private final Map<Long, Ref> known = new HashMap<>();
    static final int KNOWN_LIMIT = 20_000;
    /** Every customer's external id, read at the first batch that names one (a bulk load's customers do not change). */
    private Map<String, Long> allExternalIds;

    CustomerRefs(SecurityService security, CustomerSearch search) {
        this(security, search, true);
    }

    /** @param checksUpdate whether the user must be allowed to update the customer a row names */
    CustomerRefs(SecurityService security, CustomerSearch search, boolean checksUpdate) {
        this.security = security;
        this.search = search;
        this.checksUpdate = checksUpdate;
    }

    /** For each row, its customer's {@link Ref} or the {@link FieldError} saying why there is none. */
    List<Object> resolve(Connection connection, List<ImportRow> rows) throws SQLException {
        if (known.size() > KNOWN_LIMIT) {
            known.clear();
        }
        Set<String> externals = new LinkedHashSet<>();
        Set<String> folded = new LinkedHashSet<>();
        for (ImportRow row : rows) {
            String external = row.text(ContactsTarget.CUSTOMER_EXTERNAL_ID);
            if (external != null && !external.isBlank()) {
                externals.add(external.strip());
            }
            String name = row.text(ContactsTarget.CUSTOMER);
            if (name != null && !name.isBlank()) {
                folded.add(CompanyNames.normalise(name.strip()));
            }
        }
        Map<String, Long> byExternal = byExternalId(connection, externals);
        readRefs(connection, byExternal.values().stream().filter(id -> !known.containsKey(id)).collect(Collectors.toSet()));
        byExternal.values().removeIf(id -> !known.containsKey(id)); // an external id of a record that is gone names none
        Map<String, List<CustomerNames.Named>> byFolded = new HashMap<>();
        for (CustomerNames.Named n : CustomerNames.withNormalizedNames(CustomerNames.Select.on(connection), search, folded)) {
            byFolded.computeIfAbsent(n.key(), k -> new ArrayList<>()).add(n);
        }
        List<Object> found = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            found.add(idOrError(connection, row, byExternal, byFolded));
        }
        Set<Long> unknown = found.stream().filter(f -> f instanceof Long id && !known.containsKey(id)).map(f -> (Long) f)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        readRefs(connection, unknown);
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i) instanceof Long id) {
                Ref ref = known.get(id);
                if (ref == null) {
                    String name = rows.get(i).text(ContactsTarget.CUSTOMER);
                    found.set(i, new FieldError(ContactsTarget.CUSTOMER, NLS.bind(ImportMessages.Contact_noCustomer, name), name));
                } else if (checksUpdate && !security.isPermitted(Action.UPDATE, CustomersTarget.ENTITY, ref.owner())) {
                    found.set(i, new FieldError(ContactsTarget.CUSTOMER,
                            SecurityMessages.denied(security.currentUser().login(), Action.UPDATE, CustomersTarget.ENTITY, ref.owner()), ref.name()));
                } else {
                    found.set(i, ref);
                }
            }
        }
        return found;
    }

    private Object idOrError(Connection connection, ImportRow row, Map<String, Long> byExternal, Map<String, List<CustomerNames.Named>> byFolded) {
        String external = row.text(ContactsTarget.CUSTOMER_EXTERNAL_ID);
        if (external != null && !external.isBlank()) {
            Long id = byExternal.get(external.strip());
            if (id != null) {
                return id;
            }
            if (row.text(ContactsTarget.CUSTOMER) == null) {
                return new FieldError(ContactsTarget.CUSTOMER_EXTERNAL_ID, NLS.bind(ImportMessages.Contact_noCustomerWithId, external), external);
            }
        }
        String name = row.text(ContactsTarget.CUSTOMER);
        if (name == null || name.isBlank()) {
            return new FieldError(ContactsTarget.CUSTOMER, NLS.bind(TargetMessages.Value_required, ImportMessages.Contact_customer), null);
        }
        String exact = name.strip();
        String key = CompanyNames.normalise(exact);
        List<Long> ids;
        if (key.isEmpty()) { // nothing left to fold: the exact name only, as the service looks it up
            ids = CustomerNames.idsByName(CustomerNames.Select.on(connection), search, exact);
        } else {
            List<CustomerNames.Named> candidates = byFolded.getOrDefault(key, List.of());
            ids = candidates.stream().filter(n -> exact.equals(n.name())).map(CustomerNames.Named::id).distinct().sorted().toList();
            if (ids.isEmpty()) {
                ids = candidates.stream().map(CustomerNames.Named::id).distinct().sorted().toList();
            }
        }
        if (ids.isEmpty()) {
            return new FieldError(ContactsTarget.CUSTOMER, NLS.bind(ImportMessages.Contact_noCustomer, name), name);
        }
        if (ids.size() > 1) {
            return new FieldError(ContactsTarget.CUSTOMER, NLS.bind(ImportMessages.Contact_ambiguousCustomer, name, ids.size()), name);
        }
        return ids.get(0);
    }

    /**
     * The records the customers' external ids name. Every customer external id is read once, the first time a batch
     * names one: an IN list on the key's second column ({@link ExternalIds#find}) is a scan of the entity's ids per
     * batch in Derby. Whether the record is there is {@link #readRefs}'s.
     */
    private Map<String, Long> byExternalId(Connection connection, Set<String> externals) throws SQLException {
        if (externals.isEmpty()) {
            return new HashMap<>();
        }
        if (allExternalIds == null) {
            allExternalIds = ExternalIds.recordsOf(connection, CustomersTarget.ENTITY);
        }
        Map<String, Long> found = new HashMap<>();
        for (String external : externals) {
            Long id = allExternalIds.get(external);
            if (id != null) {
                found.put(external, id);
            }
        }
        return found;
    }

    /**
     * Reads the customers of {@code ids} into {@link #known}: {@link #IN_LIST} ids a statement, the last list padded
     * with its first id, so every batch runs the one statement Derby compiled and cached (a list of literals is a
     * new statement each time, compiled anew: most of a batch's time at scale).
     */
    private void readRefs(Connection connection, Set<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT ID, NAME, OWNER, INDUSTRY FROM SB_CUSTOMER WHERE DELETED_AT IS NULL AND ID"
                + SqlParameters.in(IN_LIST))) {
            forEachList(select, List.copyOf(ids), rs -> known.put(rs.getLong(1), new Ref(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))));
        }
    }

    /** Ids a look-up statement of a bulk load takes at once. */
    static final int IN_LIST = 500;

    /** A row of a look-up's result. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code select}, whose only parameters are an IN list of {@link #IN_LIST} ids, for every {@link #IN_LIST}
     * of {@code ids} (the last padded with its first id), handing each result row to {@code reader}.
     */
    static void forEachList(PreparedStatement select, List<Long> ids, RowReader reader) throws SQLException {
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            for (int i = 0; i < IN_LIST; i++) {
                select.setLong(i + 1, chunk.get(i < chunk.size() ? i : 0));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}
