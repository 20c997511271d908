package org.salesbench.opportunities;

/** An existing customer or lead that a lead looks like, and why. */
public record LeadDuplicate(Kind kind, long id, String name, DuplicateReason reason, String matchedValue) {

    public enum Kind {
        CUSTOMER, LEAD
    }
}
