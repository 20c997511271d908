package org.salesbench.quotes;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a quote is in its life. Only a draft can be edited; a draft goes for approval, an approved quote is sent,
 * and the customer accepts or rejects a sent quote. An approver who refuses a discount sends the quote back to
 * draft, so the salesperson can change it and submit again.
 */
public enum QuoteStatus {
    DRAFT, IN_APPROVAL, APPROVED, SENT, ACCEPTED, REJECTED;

    /** The statuses a quote may move to from this one. */
    public Set<QuoteStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_APPROVAL);
            case IN_APPROVAL -> EnumSet.of(APPROVED, DRAFT);
            case APPROVED -> EnumSet.of(SENT);
            case SENT -> EnumSet.of(ACCEPTED, REJECTED);
            case ACCEPTED, REJECTED -> EnumSet.noneOf(QuoteStatus.class);
        };
    }

    public boolean canMoveTo(QuoteStatus target) {
        return next().contains(target);
    }
}
