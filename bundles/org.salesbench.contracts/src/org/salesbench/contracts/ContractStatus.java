package org.salesbench.contracts;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a contract is in its life, as an explicit state machine: a draft goes for approval (a rejection sends it back
 * to draft), an approved contract is signed, a signed one starts, and a running one ends completed, terminated or
 * expired. A draft that will never be signed is cancelled. {@link #next()} is the whole of the rule; the service refuses
 * any other move with the reason.
 */
public enum ContractStatus {
    DRAFT, IN_APPROVAL, APPROVED, SIGNED, ACTIVE, COMPLETED, TERMINATED, EXPIRED, CANCELLED;

    /** The statuses a contract may move to from this one. */
    public Set<ContractStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_APPROVAL, CANCELLED);
            case IN_APPROVAL -> EnumSet.of(APPROVED, DRAFT);
            case APPROVED -> EnumSet.of(SIGNED);
            case SIGNED -> EnumSet.of(ACTIVE, TERMINATED);
            case ACTIVE -> EnumSet.of(COMPLETED, TERMINATED, EXPIRED);
            case COMPLETED, TERMINATED, EXPIRED, CANCELLED -> EnumSet.noneOf(ContractStatus.class);
        };
    }

    public boolean canMoveTo(ContractStatus target) {
        return next().contains(target);
    }

    /** Whether the contract's content (title, dates, lines) may still be edited. */
    public boolean isEditable() {
        return this == DRAFT;
    }

    /** Whether the contract was approved and is binding or has been (what money may be recorded against). */
    public boolean isApproved() {
        return this == APPROVED || this == SIGNED || this == ACTIVE || this == COMPLETED || this == TERMINATED || this == EXPIRED;
    }

    /** Whether the contract's life is over. */
    public boolean isFinal() {
        return next().isEmpty();
    }
}
