package org.salesbench.customers;

/** An existing customer that a new one may duplicate, and why. */
public record DuplicateCandidate(long id, String name, Reason reason, String matchedValue) {

    public enum Reason {
        /** the same unified social credit code */
        CREDIT_CODE,
        /** a contact with the same phone number (digits compared) */
        PHONE,
        /** a contact with the same e-mail address (case ignored) */
        EMAIL,
        /** names alike after folding case, width, punctuation and company suffixes */
        NAME
    }
}
