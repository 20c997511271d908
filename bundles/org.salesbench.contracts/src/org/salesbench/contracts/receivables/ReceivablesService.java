package org.salesbench.contracts.receivables;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.salesbench.core.model.Money;

/**
 * Money in on contracts: payment plans, receipts with their first-in-first-out write-off and reversal, the customers'
 * credit, and invoices. Each call is one transaction; refused input throws
 * {@link org.salesbench.core.validation.ValidationException} naming the field, with nothing written. An OSGi service.
 */
public interface ReceivablesService {

    /** The entity a receipt's history is kept under in the audit trail (by the receipt's id). */
    String RECEIPT_AUDIT_ENTITY = "contract_receipt";

    /** The entity an invoice's history is kept under in the audit trail (by the invoice's id). */
    String INVOICE_AUDIT_ENTITY = "contract_invoice";

    /** The entity an instalment's (a payment-plan row's) history is kept under (by the instalment's id). */
    String INSTALMENT_AUDIT_ENTITY = "contract_instalment";

    /** The entity a write-off's (an allocation of a receipt to an instalment) history is kept under (by its id). */
    String ALLOCATION_AUDIT_ENTITY = "contract_allocation";

    /** The entity an entry of a customer's credit ledger is kept under (by the entry's id). */
    String CREDIT_AUDIT_ENTITY = "customer_credit";

    /** The contract's current plan, in due order. */
    List<Instalment> plan(long contractId);

    /**
     * Replaces the contract's plan. The instalments add up to the contract amount to the cent: percentages are rounded to
     * the cent and, when every instalment is a percentage (adding up to 100), the last takes the remainder. Until the
     * contract is signed the plan is simply replaced; afterwards only by an amendment, recorded with {@code reason}
     * (required then) and the plan before and after. What receipts had written off is written off again, first in
     * first out, against the new plan.
     */
    List<Instalment> setPlan(long contractId, List<PlannedInstalment> plan, String reason);

    /** The recorded amendments of the contract's plan, oldest first. */
    List<PlanAmendment> amendments(long contractId);

    /**
     * Records money received on an approved (or later) contract and writes it off against the open instalments, earliest
     * due first; what exceeds them is held as the customer's credit.
     */
    Receipt recordReceipt(long contractId, LocalDate receivedOn, Money amount, ReceiptMethod method, String reference);

    /**
     * Reverses (红冲) a receipt with a reason: a receipt of the opposite amount dated today restores the instalments'
     * open amounts and takes back any credit it made. A receipt is reversed once; a reversal is never reversed.
     */
    Receipt reverse(long receiptId, String reason);

    /** The contract's receipts and reversals, in the order recorded. */
    List<Receipt> receipts(long contractId);

    /** The write-offs of a receipt. */
    List<Allocation> allocations(long receiptId);

    /** The customer's credit in {@code currency}: over-payments held, less what reversals took back. */
    Money credit(long customerId, String currency);

    /** The entries of the customer's credit ledger in every currency, newest first (what {@link #credit} adds up). */
    List<CustomerCredit> creditEntries(long customerId);

    /**
     * The open instalments of approved (and later) contracts the user may see and that are not in the recycle bin, past due first (earliest due first),
     * {@code limit} from {@code offset}; with {@code overdueOnly} only those due before {@code asOf}.
     */
    List<OpenInstalment> openInstalments(LocalDate asOf, boolean overdueOnly, int offset, int limit);

    /** {@link #openInstalments(LocalDate, boolean, int, int)} in {@code sort}'s order ({@code null}: its own); every page follows it. */
    List<OpenInstalment> openInstalments(LocalDate asOf, boolean overdueOnly, ReceivablesSort sort, int offset, int limit);

    /** How many {@link #openInstalments} there are. */
    long countOpenInstalments(LocalDate asOf, boolean overdueOnly);

    /** The balances of these contracts (those the user may see, not in the recycle bin), keyed by contract id, in one query. */
    java.util.Map<Long, ContractBalance> balances(java.util.Collection<Long> contractIds, LocalDate asOf);

    /**
     * Pays an open instalment from its customer's credit: the credit ledger takes {@code amount} off and a receipt of
     * method {@link ReceiptMethod#CREDIT} dated {@code on} writes it off against the instalment (no new money: collected
     * revenue leaves it out). Refused for more than the instalment's open amount or the customer's credit in the
     * contract's currency, and on a contract not approved. Reversing that receipt gives the credit back.
     */
    Receipt applyCredit(long instalmentId, Money amount, LocalDate on);

    /** Asks for an invoice of {@code amount} (tax included) for some of the contract's instalments. */
    Invoice requestInvoice(long contractId, Money amount, Money tax, Set<Long> instalmentIds);

    /** A requested invoice is issued with its number and date. */
    Invoice issueInvoice(long invoiceId, String number, LocalDate date);

    /** A requested or issued invoice is voided, with a reason. */
    Invoice voidInvoice(long invoiceId, String reason);

    /** The contract's invoices, in the order requested. */
    List<Invoice> invoices(long contractId);

    /**
     * Brings the receivables ageing by customer the database keeps to today (the services' clock): what the workbench's
     * nightly job and {@code contracts ageing-day} run, so that the first report of a day does not. Changes no record;
     * any signed-in user may run it (on a team server through the schema owner's function). Retried when the database
     * reports a deadlock or a lock wait timed out; refused with the database's error after a few attempts.
     */
    AgeingDayMove bringAgeingToToday();
}
