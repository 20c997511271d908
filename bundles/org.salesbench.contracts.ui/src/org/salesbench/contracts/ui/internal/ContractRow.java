package org.salesbench.contracts.ui.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractSort;
import org.salesbench.contracts.receivables.ContractBalance;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;

/** A contract as the lists show it: the contract and where its money stands (none before it has a plan). */
public record ContractRow(Contract contract, ContractBalance balance) {

    /** Reads a page of contracts and their balances, in two queries (call it in a job). */
    static List<ContractRow> read(ContractFilter filter, int offset, int limit) {
        return read(filter, ContractSort.DEFAULT, offset, limit);
    }

    /** Reads a page of contracts in {@code sort}'s order and their balances (call it in a job). */
    static List<ContractRow> read(ContractFilter filter, ContractSort sort, int offset, int limit) {
        List<Contract> contracts = Services.get(ContractService.class).list(filter, sort, offset, limit);
        Map<Long, ContractBalance> balances = Services.get(ReceivablesService.class)
                .balances(contracts.stream().map(Contract::getId).toList(), LocalDate.now(Clocks.system()));
        return contracts.stream().map(c -> new ContractRow(c, balances.get(c.getId()))).toList();
    }

    String collected() {
        return balance == null ? "" : Labels.money(balance.collected());
    }

    String open() {
        return balance == null ? "" : Labels.money(balance.open());
    }

    boolean overdue() {
        return balance != null && balance.overdue().getAmount().signum() > 0;
    }
}
