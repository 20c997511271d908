package org.salesbench.customers.internal.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.SearchTerms;
import org.salesbench.persistence.MaskingViews;

/**
 * Reads customers with plain JDBC for the index, a group at a time: the customer rows, tags, contacts and
 * their phones and e-mails, in one query per table. A dense group (a slice of all ids, as a rebuild reads
 * them) is read by id range, which Derby answers from its primary and foreign key indexes in disk order; a
 * sparse one (a catch-up) by an IN list.
 */
final class CustomerLoader {

    private static final String COLUMNS = "ID, NAME, SHORT_NAME, CREDIT_CODE, GRADE, STATUS, INDUSTRY, REGION, OWNER, NEXT_FOLLOW_UP, UPDATED_AT, NORMALIZED_NAME, DELETED_AT, VERSION";

    private final Connection connection;
    private final boolean derby;
    /** The masking views the connection's user reads through (MaskingViews), on a team server. */
    private final Map<String, String> views;

    /** With {@code derby}, each query names the index it must use (see {@link #query}). */
    CustomerLoader(Connection connection, boolean derby) {
        this(connection, derby, Map.of());
    }

    CustomerLoader(Connection connection, boolean derby, Map<String, String> views) {
        this.connection = connection;
        this.derby = derby;
        this.views = views;
    }

    /** The customers of {@code ids} (ascending, at most a few thousand) still in the database and not in the recycle bin. */
    List<IndexedCustomer> load(long[] ids) throws SQLException {
        if (ids.length == 0) {
            return List.of();
        }
        Map<Long, Customer> customers = new HashMap<>(ids.length * 2);
        Map<Long, CustomerRow> rows = new HashMap<>(ids.length * 2);
        Map<Long, String> normalizedNames = new HashMap<>(ids.length * 2);
        Set<Long> wanted = LongStream.of(ids).boxed().collect(Collectors.toSet());
        try (ResultSet rs = query("SELECT " + COLUMNS + " FROM {SB_CUSTOMER}", "PK_SB_CUSTOMER", "ID", ids)) {
            while (rs.next()) {
                long id = rs.getLong(1);
                if (!wanted.contains(id) || rs.getTimestamp(13) != null) {
                    continue;
                }
                Customer c = new Customer(rs.getString(2));
                c.setShortName(rs.getString(3));
                c.setCreditCode(rs.getString(4));
                java.sql.Date followUp = rs.getDate(10);
                Timestamp updated = rs.getTimestamp(11);
                customers.put(id, c);
                normalizedNames.put(id, rs.getString(12));
                rows.put(id, new CustomerRow(id, rs.getString(2), rs.getString(3), rs.getString(5), CustomerStatus.valueOf(rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getString(9), followUp == null ? null : followUp.toLocalDate(),
                        updated == null ? null : updated.toInstant(), rs.getLong(14)));
            }
        }
        try (ResultSet rs = query("SELECT CUSTOMER_ID, TAG FROM SB_CUSTOMER_TAG", "FK_SB_CUSTOMER_TAG", "CUSTOMER_ID", ids)) {
            while (rs.next()) {
                Customer c = customers.get(rs.getLong(1));
                if (c != null) {
                    c.getTags().add(rs.getString(2));
                }
            }
        }
        Map<Long, Contact> contacts = new HashMap<>();
        try (ResultSet rs = query("SELECT ID, CUSTOMER_ID, NAME, DELETED_AT FROM {SB_CONTACT}", "FK_SB_CONTACT_CUSTOMER", "CUSTOMER_ID", ids)) {
            while (rs.next()) {
                Customer c = customers.get(rs.getLong(2));
                if (c != null && rs.getTimestamp(4) == null) { // a contact in the recycle bin is not searched
                    contacts.put(rs.getLong(1), c.addContact(new Contact(rs.getString(3))));
                }
            }
        }
        if (!contacts.isEmpty()) {
            long[] contactIds = contacts.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            fill(contacts, "SELECT CONTACT_ID, PHONE FROM SB_CONTACT_PHONE", "FK_SB_CONTACT_PHONE", contactIds, true);
            fill(contacts, "SELECT CONTACT_ID, EMAIL FROM SB_CONTACT_EMAIL", "FK_SB_CONTACT_EMAIL", contactIds, false);
        }
        List<IndexedCustomer> loaded = new ArrayList<>(customers.size());
        for (long id : ids) {
            Customer c = customers.get(id);
            if (c != null) {
                loaded.add(new IndexedCustomer(rows.get(id), SearchTerms.bySource(c), new LinkedHashSet<>(c.getTags()), normalizedNames.get(id)));
            }
        }
        return loaded;
    }

    private void fill(Map<Long, Contact> contacts, String select, String constraint, long[] contactIds, boolean phones) throws SQLException {
        try (ResultSet rs = query(select, constraint, "CONTACT_ID", contactIds)) {
            while (rs.next()) {
                Contact contact = contacts.get(rs.getLong(1));
                if (contact != null) {
                    (phones ? contact.getPhones() : contact.getEmails()).add(rs.getString(2));
                }
            }
        }
    }

    /**
     * {@code select} (up to its FROM table) restricted to the given ids (ascending) of {@code column}: by range when
     * they are dense (rows of other ids in the range are skipped by the caller), else by IN list. The result set
     * closes its statement. On Derby the query names the key's index ({@code constraint}): with a parameterised
     * range Derby cannot estimate how many rows match and scans the whole table instead, once per group.
     */
    private ResultSet query(String select, String constraint, String column, long[] ids) throws SQLException {
        long first = ids[0];
        long last = ids[ids.length - 1];
        select = MaskingViews.sql(views, select);
        select += (derby ? " --DERBY-PROPERTIES constraint=" + constraint + "\n" : "") + " WHERE ";
        if (last - first < 4L * ids.length || ids.length > 2_000) {
            PreparedStatement statement = connection.prepareStatement(select + column + " BETWEEN ? AND ?");
            statement.closeOnCompletion();
            statement.setLong(1, first);
            statement.setLong(2, last);
            return statement.executeQuery();
        }
        Statement statement = connection.createStatement();
        statement.closeOnCompletion();
        String in = Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(","));
        return statement.executeQuery(select + column + " IN (" + in + ")");
    }
}
