package org.salesbench.quotes;

import java.util.Objects;

/** The approval service's answer to a submitted quote, with a reason a person can read. */
public record ApprovalOutcome(State state, String reason) {

    public enum State {
        /** No approval needed, or approved at once. */
        APPROVED,
        /** An approver must decide; the decision comes back through {@link QuoteService#recordApprovalDecision}. */
        PENDING,
        /** Refused at once; the quote goes back to draft. */
        REFUSED
    }

    public ApprovalOutcome {
        Objects.requireNonNull(state, "state");
    }
}
