package org.salesbench.opportunities;

/** What a conversion made: the customer (new, or the existing one it attached to), the contact and the opportunity. */
public record LeadConversion(long leadId, long customerId, boolean customerCreated, long contactId, long opportunityId) {
}
