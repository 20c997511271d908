package org.salesbench.customers.imports;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.persistence.EntityManager;

import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.targets.ContactsTarget;
import org.salesbench.customers.internal.targets.ImportMessages;
import org.salesbench.importexport.ImportRow;

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

    /** The entity name customers' external ids are kept under. */
    public static String entity() {
        return Customer.ENTITY;
    }
}
