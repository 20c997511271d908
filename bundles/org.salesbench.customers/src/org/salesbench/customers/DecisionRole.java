package org.salesbench.customers;

import org.salesbench.customers.internal.Messages;

/** The part a contact plays in the customer's buying decision. */
public enum DecisionRole {
    DECISION_MAKER, INFLUENCER, CHAMPION, USER, GATEKEEPER, OTHER;

    /** The role as users read it, in their language. */
    public String label() {
        return switch (this) {
            case DECISION_MAKER -> Messages.Role_decisionMaker;
            case INFLUENCER -> Messages.Role_influencer;
            case CHAMPION -> Messages.Role_champion;
            case USER -> Messages.Role_user;
            case GATEKEEPER -> Messages.Role_gatekeeper;
            case OTHER -> Messages.Role_other;
        };
    }
}
