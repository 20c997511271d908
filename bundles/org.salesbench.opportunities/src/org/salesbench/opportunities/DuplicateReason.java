package org.salesbench.opportunities;

/** Why a lead looks like an existing customer or lead, strongest first. */
public enum DuplicateReason {
    /** the same unified social credit code */
    CREDIT_CODE,
    /** the same phone number (digits compared, country code ignored) */
    PHONE,
    /** the same e-mail address (case ignored) */
    EMAIL,
    /** the same company name after folding case, width, punctuation and legal-form suffixes */
    NAME
}
