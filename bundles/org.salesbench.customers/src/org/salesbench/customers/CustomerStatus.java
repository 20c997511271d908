package org.salesbench.customers;

/** Where a customer stands with us. */
public enum CustomerStatus {
    PROSPECT, ACTIVE, DORMANT, LOST
}
