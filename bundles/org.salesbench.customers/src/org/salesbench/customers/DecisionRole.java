package org.salesbench.customers;

/** The part a contact plays in the customer's buying decision. */
public enum DecisionRole {
    DECISION_MAKER, INFLUENCER, CHAMPION, USER, GATEKEEPER, OTHER
}
