package org.salesbench.contracts;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which contracts {@link ContractService#list} returns: all the user may see, or only their own, of one status or any,
 * of one customer or any, matching a text or any, signed or running and ending within some days or any, with money past
 * due or any. Immutable; each {@code with…} returns a new filter.
 */
public final class ContractFilter {

    private final boolean mine;
    private final ContractStatus status;
    private final Long customerId;
    private final String text;
    private final Integer expiringDays;
    private final boolean overdue;

    private ContractFilter(boolean mine, ContractStatus status, Long customerId, String text, Integer expiringDays, boolean overdue) {
        this.mine = mine;
        this.status = status;
        this.customerId = customerId;
        this.text = text;
        this.expiringDays = expiringDays;
        this.overdue = overdue;
    }

    /** Every contract the current user may see. */
    public static ContractFilter all() {
        return new ContractFilter(false, null, null, null, null, false);
    }

    /** Only the current user's own contracts. */
    public ContractFilter mine(boolean onlyMine) {
        return new ContractFilter(onlyMine, status, customerId, text, expiringDays, overdue);
    }

    /** Only contracts in this status; {@code null} for any. */
    public ContractFilter withStatus(ContractStatus only) {
        return new ContractFilter(mine, only, customerId, text, expiringDays, overdue);
    }

    /** Only this customer's contracts; {@code null} for any. */
    public ContractFilter withCustomer(Long id) {
        return new ContractFilter(mine, status, id, text, expiringDays, overdue);
    }

    /**
     * Only contracts whose number, title or customer's name contains {@code words} (case folded); {@code null} or blank
     * for any. The list views' search box.
     */
    public ContractFilter withText(String words) {
        return new ContractFilter(mine, status, customerId, words == null || words.isBlank() ? null : words.strip(), expiringDays, overdue);
    }

    /**
     * Only signed or running contracts whose end date is today or within {@code days} days after it; {@code null} for any.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public ContractFilter expiringWithin(Integer days) {
        if (days != null && days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        return new ContractFilter(mine, status, customerId, text, days, overdue);
    }

    /** Only contracts with an instalment past due and not fully received (its money owed now), or any. */
    public ContractFilter overdue(boolean onlyOverdue) {
        return new ContractFilter(mine, status, customerId, text, expiringDays, onlyOverdue);
    }

    public boolean isMine() {
        return mine;
    }

    public Optional<ContractStatus> status() {
        return Optional.ofNullable(status);
    }

    public Optional<Long> customerId() {
        return Optional.ofNullable(customerId);
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** The days within which the contracts end, when only those ending soon are wanted. */
    public OptionalInt expiringDays() {
        return expiringDays == null ? OptionalInt.empty() : OptionalInt.of(expiringDays);
    }

    public boolean isOverdue() {
        return overdue;
    }
}
