package org.salesbench.customers.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.customers.internal.targets.ContactsTarget;
import org.salesbench.customers.internal.targets.CustomerBatch;
import org.salesbench.customers.internal.targets.ImportMessages;
import org.salesbench.importexport.ImportRow;
import org.salesbench.persistence.DatabaseSettings;

/**
 * How another module's import target names the customer a row belongs to (an opportunity's, a contract's): by the
 * customer's name, or by the id it had in the system the file comes from. One rule for every target, so that a
 * file that imports contacts imports deals the same way.
 */
public final class CustomerReference {

    /** The field with the customer's name. */
    public static final String CUSTOMER = ContactsTarget.CUSTOMER;
    /** The field with the customer's id in the source system (an earlier import's external id). */
    public static final String CUSTOMER_EXTERNAL_ID = ContactsTarget.CUSTOMER_EXTERNAL_ID;

    private CustomerReference() {
    }

    /** The label of {@link #CUSTOMER}, in the user's language. */
    public static String customerLabel() {
        return ImportMessages.Contact_customer;
    }

    /** The label of {@link #CUSTOMER_EXTERNAL_ID}, in the user's language. */
    public static String externalIdLabel() {
        return ImportMessages.Contact_customerExternalId;
    }

    /**
     * The customer the row names — by external id first, then by exact then folded name — or a
     * {@link org.salesbench.core.validation.FieldError} saying why there is none (none, several, blank).
     *
     * @param connection the import's own transaction, which sees the customers written earlier in it
     */
    public static Object resolve(EntityManager em, Connection connection, CustomerService customers, ImportRow row) throws SQLException {
        return ContactsTarget.customerOf(em, connection, customers, row);
    }

    /** A customer a row of a bulk load names: what a new record of another module needs of it. */
    public record Found(long id, String name, String owner, String industry) {
    }

    /** Resolves the customers of a bulk load's batches (see {@link #batches}). */
    public interface Batches {
        /**
         * For each row, its customer ({@link Found}) or the {@link org.salesbench.core.validation.FieldError} saying
         * why there is none, as {@link #resolve} decides for one row, in a few queries for the whole batch.
         */
        List<Object> resolve(Connection connection, List<ImportRow> rows) throws SQLException;
    }

    /**
     * The customer look-up of one bulk load: the rows of a batch resolved together (external ids read once, the names
     * in one look-up), the same rule as {@link #resolve}. The user need not be allowed to update the customer: a new
     * deal or contract on it is the other module's record.
     */
    public static Batches batches(DatabaseSettings settings, SecurityService security) {
        return CustomerBatch.of(security, CustomerSearch.of(settings));
    }

    /** The entity name customers' external ids are kept under. */
    public static String entity() {
        return Customer.ENTITY;
    }
}
