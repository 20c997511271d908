package org.salesbench.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Contracts: made in one action from a won opportunity or an accepted (or approved) quote, edited while in draft, and
 * moved through their {@link ContractStatus} life. Every call checks permission ({@code contract} in the
 * {@code SecurityService}, against the stored owner) and runs in one transaction: bad input and a move the state
 * machine does not allow are refused with a {@link org.salesbench.core.validation.ValidationException} naming the field
 * (a refused move names {@code status}, the state it is in and the one asked for), and nothing is saved. Every change
 * posts {@code EventTopics.topic(Contract.ENTITY, …)} with the contract's id after commit.
 * <p>
 * Approval goes through the workflow's approval engine (subject {@value Contract#ENTITY}): {@link #submitForApproval}
 * starts the matching definition, whose decision calls {@link #recordApprovalDecision}.
 */
public interface ContractService {

    /** The entity name of contracts (permissions, events, approvals). */
    String ENTITY = Contract.ENTITY;

    /** The contract with its lines, customer, opportunity and quote loaded; empty when there is none. */
    Optional<Contract> find(long id);

    Optional<Contract> findByNumber(String number);

    /** The contracts the filter selects that the user may see, newest first, {@code limit} from {@code offset}. */
    List<Contract> list(ContractFilter filter, int offset, int limit);

    /**
     * The contracts the filter selects that the user may see in {@code sort}'s order ({@code null}: newest first),
     * {@code limit} from {@code offset}; every page follows the order.
     */
    List<Contract> list(ContractFilter filter, ContractSort sort, int offset, int limit);

    long count(ContractFilter filter);

    /**
     * A draft made from a won opportunity: its customer, owner, title and currency; the lines of its latest accepted or
     * approved quote if it has one, else one line for the deal's amount. Refused for an opportunity not won.
     */
    Contract createFromOpportunity(long opportunityId);

    /** A draft made from an accepted or approved quote: its opportunity's customer, its lines and amounts. */
    Contract createFromQuote(long quoteId);

    /** Saves a draft's title, dates and lines (the amount follows the lines); a contract past draft is refused. */
    Contract update(Contract contract);

    void validate(Contract contract);

    /**
     * Draft to in approval, and starts the workflow's approval of the contract; with no matching definition the contract
     * is approved at once.
     */
    Contract submitForApproval(long id);

    /** The approval's decision: approved, or rejected back to draft with the comment. Needs the APPROVE right. */
    Contract recordApprovalDecision(long id, boolean approved, String comment);

    /**
     * A person's decision: through the workflow's pending request when there is one and the user is among its current
     * approvers (its engine moves the contract), else as the contract's own decision ({@link #recordApprovalDecision}).
     */
    Contract decideApproval(long id, boolean approved, String comment);

    /** Whether the current user may decide the contract's approval: an approver of its pending request, or the APPROVE right. */
    boolean mayDecideApproval(long id);

    /**
     * Whether the current user may put the contract in the recycle bin ({@link #delete}): it exists, is not there already,
     * and the user holds the DELETE right on its owner's contracts.
     */
    boolean mayDelete(long id);

    /** In approval back to draft when the requester recalls the request. */
    Contract withdrawFromApproval(long id, String note);

    /** Approved to signed, on the given date (not in the future). Refused before approval. */
    Contract sign(long id, LocalDate signedOn);

    /** Signed to active: the contract runs from its start date (today when it has none). */
    Contract activate(long id);

    /** Active to completed. */
    Contract complete(long id);

    /** Signed or active to terminated; a reason is required. */
    Contract terminate(long id, String reason);

    /** Active to expired (its end date passed without completion). */
    Contract expire(long id);

    /**
     * The next contract of a signed, active, completed or expired one in one action: a draft for the same customer, owner,
     * title and currency, with its lines copied, its dates moved on by its term (starting the day after it ends, as long
     * as it ran) and naming it as its predecessor ({@link Contract#getRenewsId()}). Refused for a contract without start
     * and end dates, in another status, or renewed already (naming the renewal).
     */
    Contract renew(long id);

    /**
     * The renewal opportunity of a signed, active, completed or expired contract in one action: a deal for the same
     * customer and owner, for the contract's amount, expected to close on its end date (today if it ended before), in the pipeline of the deal the
     * contract came from (else the first active pipeline), with a draft quote carrying the contract's product lines;
     * the contract names it ({@link Contract#getRenewalOpportunityId()}). All in one transaction. Refused, naming it,
     * while a renewal opportunity of the contract exists; refused for a contract without end date or in another status.
     * Needs the right to change the contract.
     */
    org.salesbench.opportunities.Opportunity createRenewalOpportunity(long id);

    /**
     * The contract's renewal opportunity while it is there: empty when none was made, or when it went to the recycle bin
     * or was purged, which is when {@link #createRenewalOpportunity} makes one again (restored, it is there again and a
     * new one is refused). Empty for a contract not found; refused, as {@link #find} is, for one the user may not read.
     */
    java.util.Optional<org.salesbench.opportunities.Opportunity> renewalOpportunity(long id);

    /** Draft to cancelled; a reason is required. */
    Contract cancel(long id, String reason);

    /**
     * Puts the contract in the recycle bin (with its lines, plan and money, untouched); the DELETE right on its owner's
     * contracts is checked. Restored and purged through the recycle bin; a contract on which money was received is never
     * purged.
     */
    void delete(long id);

    /**
     * {@link #delete(long)}, if the contract is still at {@code seenVersion}, the version the user saw: checked in the
     * deleting transaction.
     *
     * @throws org.salesbench.persistence.ConcurrentChangeException when it was changed (or deleted) since
     */
    void delete(long id, long seenVersion);

    /**
     * Deletes the contracts (with their lines, payment plans, receipts, write-offs, credit and invoices) of these owners, as the demo data's reset does before it purges their
     * customers and deals; needs the DELETE right on each owner's contracts. Returns how many.
     */
    int purgeOwnedBy(java.util.Collection<String> owners);
}
