package org.salesbench.customers.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Data migration of change set customers-3: fills the search term table for customers made
 * before it existed, with the same terms the service writes ({@link SearchTerms}).
 */
public class SearchTermBackfill implements CustomTaskChange {

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            Map<Long, Customer> customers = new LinkedHashMap<>();
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT ID, NAME, SHORT_NAME, CREDIT_CODE FROM SB_CUSTOMER WHERE ID NOT IN (SELECT CUSTOMER_ID FROM SB_CUSTOMER_TERM)")) {
                while (rs.next()) {
                    Customer c = new Customer(rs.getString(2));
                    c.setShortName(rs.getString(3));
                    c.setCreditCode(rs.getString(4));
                    customers.put(rs.getLong(1), c);
                }
            }
            if (customers.isEmpty()) {
                return;
            }
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT CUSTOMER_ID, TAG FROM SB_CUSTOMER_TAG")) {
                while (rs.next()) {
                    Customer c = customers.get(rs.getLong(1));
                    if (c != null) {
                        c.getTags().add(rs.getString(2));
                    }
                }
            }
            Map<Long, Contact> contacts = new LinkedHashMap<>();
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT ID, CUSTOMER_ID, NAME FROM SB_CONTACT")) {
                while (rs.next()) {
                    Customer c = customers.get(rs.getLong(2));
                    if (c != null) {
                        contacts.put(rs.getLong(1), c.addContact(new Contact(rs.getString(3))));
                    }
                }
            }
            fill(connection, contacts, "SELECT CONTACT_ID, PHONE FROM SB_CONTACT_PHONE", true);
            fill(connection, contacts, "SELECT CONTACT_ID, EMAIL FROM SB_CONTACT_EMAIL", false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SB_CUSTOMER_TERM (CUSTOMER_ID, TERM) VALUES (?, ?)")) {
                for (Map.Entry<Long, Customer> e : customers.entrySet()) {
                    for (String term : SearchTerms.of(e.getValue())) {
                        insert.setLong(1, e.getKey());
                        insert.setString(2, term);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new CustomChangeException("Cannot index the existing customers for search: " + e.getMessage(), e);
        }
    }

    private static void fill(Connection connection, Map<Long, Contact> contacts, String sql, boolean phones) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                Contact contact = contacts.get(rs.getLong(1));
                if (contact != null) {
                    (phones ? contact.getPhones() : contact.getEmails()).add(rs.getString(2));
                }
            }
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "Existing customers indexed for search";
    }

    @Override
    public void setUp() {
        // nothing to prepare
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
        // reads no files
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
