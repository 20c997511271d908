package org.salesbench.contracts.receivables;

import org.salesbench.core.model.Money;

/**
 * Where a contract's money stands: what its current plan asks for, what receipts have written off against it, and what
 * is still open (what is past due of that, on the day asked). A contract without a plan has zero of each.
 */
public record ContractBalance(long contractId, Money planned, Money collected, Money open, Money overdue) {
}
