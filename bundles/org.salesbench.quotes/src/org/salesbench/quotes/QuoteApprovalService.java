package org.salesbench.quotes;

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
}
