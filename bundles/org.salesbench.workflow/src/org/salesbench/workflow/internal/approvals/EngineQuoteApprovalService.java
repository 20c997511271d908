package org.salesbench.workflow.internal.approvals;

import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.quotes.ApprovalOutcome;
import org.salesbench.quotes.ApprovalOutcome.State;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteApprovalRequest;
import org.salesbench.quotes.QuoteApprovalService;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;

/**
 * Quote discounts approved by the engine: ranked above the quotes module's threshold rule, so {@code QuoteService}
 * submits through the definitions of entity type {@code quote} (the shipped one: a discount over 10 % goes to the
 * owner's manager, else to the sales managers). No matching definition approves at once; a matching one leaves the
 * quote pending until the engine calls {@code QuoteService.recordApprovalDecision}.
 */
@Component(service = QuoteApprovalService.class, property = "service.ranking:Integer=100")
public class EngineQuoteApprovalService implements QuoteApprovalService {

    private final ApprovalService approvals;

    @Activate
    public EngineQuoteApprovalService(@Reference ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public boolean requiresApproval(QuoteApprovalRequest request) {
        return approvals.matchingDefinition(Quote.ENTITY, QuoteApprovalSubject.values(request)).isPresent();
    }

    @Override
    public ApprovalOutcome submit(QuoteApprovalRequest request) {
        Optional<ApprovalRequest> started = approvals.start(Quote.ENTITY, request.quoteId());
        if (started.isEmpty()) {
            return new ApprovalOutcome(State.APPROVED, Messages.Quote_noDefinition);
        }
        ApprovalRequest pending = started.get();
        List<String> approvers = approvals.currentApprovers(pending.getId());
        return new ApprovalOutcome(State.PENDING, NLS.bind(Messages.Quote_pending, new Object[] { pending.getDefinitionName(),
                pending.getCurrentStep(), pending.getStepCount(), approvers.isEmpty() ? Messages.Quote_nobody : String.join(", ", approvers) }));
    }

    /** The Quotes page's approve and refuse decide the current step of the quote's request, as the engine's inbox does. */
    @Override
    public boolean decide(long quoteId, boolean approved, String comment) {
        Optional<ApprovalRequest> pending = approvals.pendingFor(Quote.ENTITY, quoteId);
        if (pending.isEmpty()) {
            return false;
        }
        if (approved) {
            approvals.approve(pending.get().getId(), comment);
        } else {
            approvals.reject(pending.get().getId(), comment);
        }
        return true;
    }

    @Override
    public Optional<Boolean> mayDecide(long quoteId) {
        return approvals.pendingFor(Quote.ENTITY, quoteId).map(request -> approvals.mayDecide(request.getId()));
    }

    @Override
    public boolean approverOf(long quoteId) {
        return approvals.isApproverOf(Quote.ENTITY, quoteId);
    }

    @Override
    public boolean deciding(long quoteId) {
        return approvals.isDeciding(Quote.ENTITY, quoteId);
    }
}
