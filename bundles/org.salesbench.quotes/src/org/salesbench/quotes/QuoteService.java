package org.salesbench.quotes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quotes of opportunities: drafting, versions, approval of discounts and the steps after it. Every call checks
 * permission; bad input is refused with a {@link org.salesbench.core.validation.ValidationException} naming the
 * field (e.g. {@code lines[1].discountPercent}), and nothing is saved.
 */
public interface QuoteService {

    /** Saves a new draft as the opportunity's next version (1 for its first quote). */
    Quote createDraft(Quote quote);

    /** Saves changes to a draft; a quote past draft is refused (make a new version instead). */
    Quote update(Quote quote);

    /** A new draft copying the quote's lines, numbered after the opportunity's latest version. */
    Quote newVersion(long quoteId);

    /** The quote with its lines, products, opportunity and customer loaded. */
    Optional<Quote> find(long id);

    /** The opportunity's quotes, newest version first. */
    default List<Quote> listForOpportunity(long opportunityId) {
        return listForOpportunity(opportunityId, QuoteSort.LATEST_VERSION_FIRST);
    }

    /** The opportunity's quotes in {@code sort}'s order (the database's), ties by id (the deal editor's Quotes page). */
    List<Quote> listForOpportunity(long opportunityId, QuoteSort sort);

    long countForOpportunity(long opportunityId);

    /** The quotes of all the customer's opportunities, the newest first (the customer editor's Quotes page). */
    List<Quote> listForCustomer(long customerId);

    /** A page of the customer's quotes in {@code sort}'s order (the database's), ties by id. */
    List<Quote> listForCustomer(long customerId, QuoteSort sort, int offset, int limit);

    /** How many quotes the customer's opportunities have (not in the recycle bin). */
    long countForCustomer(long customerId);

    /** Computes the amounts without saving (for an editor that shows totals as the user types). */
    QuoteTotals totals(Quote quote);

    void validate(Quote quote);

    /** Puts a quote in the recycle bin (restorable there) as it is now; the owner's DELETE right on it is checked. */
    void delete(long id);

    /**
     * Puts the records the user saw in the recycle bin, each only at the version seen ({@code id -> version}), in one
     * transaction: a bulk delete. If one changed or went since, none goes.
     *
     * @throws org.salesbench.persistence.ConcurrentChangeException naming the record that changed and who changed it
     */
    void deleteAll(Map<Long, Long> seenVersions);

    /** Deletes the record at the version the user saw; see {@link #deleteAll}. */
    default void delete(long id, long seenVersion) {
        deleteAll(Map.of(id, seenVersion));
    }

    /**
     * Sends a draft to the {@link QuoteApprovalService}: within its rules the quote is approved at once, otherwise it
     * stays {@link QuoteStatus#IN_APPROVAL} until {@link #recordApprovalDecision} is called.
     */
    Quote submitForApproval(long quoteId);

    /**
     * The decision callback of the approval seam: it approves the quote, or refuses it back to draft with a comment.
     * People decide through {@link #decideApproval}, which an approval engine's steps cannot be skipped by.
     */
    Quote recordApprovalDecision(long quoteId, boolean approved, String comment);

    /**
     * A person approves or refuses a quote in approval (the Quotes page's buttons): through the approval seam, so a
     * multi-step definition of an approval engine is never bypassed (the quote moves only when its last step approves or
     * a step refuses); when the seam keeps nothing for the quote, as {@link #recordApprovalDecision}. Returns the quote as
     * it is now.
     */
    Quote decideApproval(long quoteId, boolean approved, String comment);

    /**
     * Whether the current user may approve or refuse this quote's discount (the permission
     * {@link #recordApprovalDecision} checks), so an editor offers the decision only to those who may take it.
     */
    boolean mayDecideApproval(Quote quote);

    /**
     * The requester takes a quote in approval back to draft (an approval engine calls it when its request is recalled);
     * needs the UPDATE right on the quote, not the right to approve.
     */
    Quote withdrawFromApproval(long quoteId, String note);

    Quote markSent(long quoteId);

    Quote markAccepted(long quoteId);

    Quote markRejected(long quoteId, String reason);
}
