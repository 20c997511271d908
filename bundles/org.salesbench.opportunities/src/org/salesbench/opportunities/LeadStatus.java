package org.salesbench.opportunities;

/** Where a lead is in screening. */
public enum LeadStatus {
    /** just arrived, nobody has looked at it */
    NEW,
    /** someone is working it */
    WORKING,
    /** worth selling to: may be converted */
    QUALIFIED,
    /** not worth pursuing; the lead carries the reason */
    DISQUALIFIED,
    /** turned into a customer, a contact and an opportunity (see the links on the lead) */
    CONVERTED
}
