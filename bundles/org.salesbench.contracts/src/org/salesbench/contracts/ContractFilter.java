package org.salesbench.contracts;

import java.util.Optional;

/**
 * Which contracts {@link ContractService#list} returns: all the user may see, or only their own, of one status or any,
 * of one customer or any, matching a text or any. Immutable; each {@code with…} returns a new filter.
 */
public final class ContractFilter {

    private final boolean mine;
    private final ContractStatus status;
    private final Long customerId;
    private final String text;

    private ContractFilter(boolean mine, ContractStatus status, Long customerId, String text) {
        this.mine = mine;
        this.status = status;
        this.customerId = customerId;
        this.text = text;
    }

    /** Every contract the current user may see. */
    public static ContractFilter all() {
        return new ContractFilter(false, null, null, null);
    }

    /** Only the current user's own contracts. */
    public ContractFilter mine(boolean onlyMine) {
        return new ContractFilter(onlyMine, status, customerId, text);
    }

    /** Only contracts in this status; {@code null} for any. */
    public ContractFilter withStatus(ContractStatus only) {
        return new ContractFilter(mine, only, customerId, text);
    }

    /** Only this customer's contracts; {@code null} for any. */
    public ContractFilter withCustomer(Long id) {
        return new ContractFilter(mine, status, id, text);
    }

    /**
     * Only contracts whose number, title or customer's name contains {@code words} (case folded); {@code null} or blank
     * for any. The list views' search box.
     */
    public ContractFilter withText(String words) {
        return new ContractFilter(mine, status, customerId, words == null || words.isBlank() ? null : words.strip());
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
}
