package org.salesbench.customers;

import org.salesbench.customers.internal.Messages;

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
    ENTERPRISE;

    /** The band as users read it, in their language ("100–999"). */
    public String label() {
        return switch (this) {
            case MICRO -> Messages.Size_micro;
            case SMALL -> Messages.Size_small;
            case MEDIUM -> Messages.Size_medium;
            case LARGE -> Messages.Size_large;
            case ENTERPRISE -> Messages.Size_enterprise;
        };
    }
}
