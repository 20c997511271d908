package org.salesbench.quotes;

import java.util.Optional;

/**
 * The seam through which quote discounts are approved. The default implementation applies a configurable discount
 * threshold: above it a quote waits for a person's decision, at or below it the quote is approved at once. The
 * workflow module will register its approval engine as a service of this type with a higher
 * {@code service.ranking}; {@link QuoteService} then uses it without any change.
 * <p>
 * An implementation that answers {@link ApprovalOutcome.State#PENDING} reports the decision later by calling
 * {@link QuoteService#recordApprovalDecision(long, boolean, String)}.
 */
public interface QuoteApprovalService {

    /** Called when a quote is submitted, after it has been saved as in approval. */
    ApprovalOutcome submit(QuoteApprovalRequest request);

    /** Whether a quote like this would wait for a person (for an editor's hint before submitting). */
    boolean requiresApproval(QuoteApprovalRequest request);

    /**
     * A person's decision on a quote this service keeps waiting (the Quotes page's approve and refuse): an approval
     * engine decides the current step of its request as the current user, so a multi-step definition moves on instead
     * of being skipped, and calls {@link QuoteService#recordApprovalDecision} when the last step approves or a step
     * refuses. Returns false when this service keeps nothing for the quote: {@link QuoteService} records the decision.
     */
    default boolean decide(long quoteId, boolean approved, String comment) {
        return false;
    }

    /**
     * Whether the current user may decide the quote now, when this service keeps its approval (an approver of the
     * current step); empty lets {@link QuoteService} answer by the right to approve.
     */
    default Optional<Boolean> mayDecide(long quoteId) {
        return Optional.empty();
    }

    /**
     * Whether the current user is or was an approver of the quote's approval with this service: {@link QuoteService}
     * lets them read the quote whatever their roles reach (the team server's row-level security agrees).
     */
    default boolean approverOf(long quoteId) {
        return false;
    }

    /**
     * Whether this thread is recording this service's decision of the quote by the current user, whom the service
     * checked as its approver: {@link QuoteService#recordApprovalDecision} then asks no role for the right to approve.
     */
    default boolean deciding(long quoteId) {
        return false;
    }
}
