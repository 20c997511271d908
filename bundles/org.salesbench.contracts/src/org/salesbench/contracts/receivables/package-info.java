/**
 * Money in on contracts: payment plans ({@link org.salesbench.contracts.receivables.Instalment}, amended after signing
 * only with a {@link org.salesbench.contracts.receivables.PlanAmendment}), receipts written off first in, first out
 * ({@link org.salesbench.contracts.receivables.Receipt}, {@link org.salesbench.contracts.receivables.Allocation}), the
 * customers' credit ({@link org.salesbench.contracts.receivables.CustomerCredit}) and invoices, through
 * {@link org.salesbench.contracts.receivables.ReceivablesService}.
 * <p>
 * Published for reporting (stable columns): {@code SB_CONTRACT_INSTALMENT} (CONTRACT_ID, DUE_DATE, AMOUNT, CURRENCY,
 * PAID, ACTIVE), {@code SB_CONTRACT_RECEIPT} (CONTRACT_ID, RECEIVED_ON, AMOUNT, CURRENCY, REVERSES_ID) and
 * {@code SB_CONTRACT_ALLOCATION} (INSTALMENT_ID, AMOUNT, ON_DATE). The {@code ageing} and {@code collected-revenue}
 * reports of this module read them.
 */
package org.salesbench.contracts.receivables;
