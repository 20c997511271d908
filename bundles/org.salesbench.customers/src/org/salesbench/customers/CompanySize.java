package org.salesbench.customers;

/** Head-count band of a customer company. */
public enum CompanySize {
    /** fewer than 10 people */
    MICRO,
    /** 10 to 99 */
    SMALL,
    /** 100 to 999 */
    MEDIUM,
    /** 1,000 to 9,999 */
    LARGE,
    /** 10,000 and more */
    ENTERPRISE
}
