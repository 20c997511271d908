package org.salesbench.customers;

/** Kinds of contact records on a customer's timeline. */
public enum ActivityType {
    CALL, VISIT, EMAIL, MEETING, NOTE
}
