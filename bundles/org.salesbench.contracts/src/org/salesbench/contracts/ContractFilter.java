package org.salesbench.contracts;

import java.util.Optional;

/**
 * Which contracts {@link ContractService#list} returns: all the user may see, or only their own, of one status or any,
 * of one customer or any. Immutable; each {@code with…} returns a new filter.
 */
public final class ContractFilter {

    private final boolean mine;
    private final ContractStatus status;
    private final Long customerId;

    private ContractFilter(boolean mine, ContractStatus status, Long customerId) {
        this.mine = mine;
        this.status = status;
        this.customerId = customerId;
    }

    /** Every contract the current user may see. */
    public static ContractFilter all() {
        return new ContractFilter(false, null, null);
    }

    /** Only the current user's own contracts. */
    public ContractFilter mine(boolean onlyMine) {
        return new ContractFilter(onlyMine, status, customerId);
    }

    /** Only contracts in this status; {@code null} for any. */
    public ContractFilter withStatus(ContractStatus only) {
        return new ContractFilter(mine, only, customerId);
    }

    /** Only this customer's contracts; {@code null} for any. */
    public ContractFilter withCustomer(Long id) {
        return new ContractFilter(mine, status, id);
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
}
