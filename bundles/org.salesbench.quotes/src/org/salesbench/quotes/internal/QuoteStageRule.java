package org.salesbench.quotes.internal;

import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageRule;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.persistence.UnitOfWork;

/**
 * The stage rule {@value StageRule#QUOTE}: an opportunity enters a stage that requires it (Negotiation, in the seeded
 * pipelines) only with a quote the customer has not rejected. Runs inside the move's transaction, so a quote made in
 * the same transaction counts.
 */
@Component(service = StageRule.class)
public class QuoteStageRule implements StageRule {

    private final UnitOfWork unitOfWork;

    @Activate
    public QuoteStageRule(@Reference UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public String id() {
        return QUOTE;
    }

    @Override
    public String label() {
        return Messages.Rule_quoteLabel;
    }

    @Override
    public Optional<String> refusal(Opportunity opportunity, Stage target) {
        if (opportunity.getId() != null && hasLiveQuote(opportunity.getId())) {
            return Optional.empty();
        }
        return Optional.of(NLS.bind(Messages.Rule_quoteRefusal, target.getLabel()));
    }

    private boolean hasLiveQuote(long opportunityId) {
        return unitOfWork.read(em -> em.createQuery(
                "SELECT COUNT(q) FROM Quote q WHERE q.opportunity.id = :id AND q.status <> :rejected AND q.deletedAt IS NULL", Long.class)
                .setParameter("id", opportunityId).setParameter("rejected", QuoteStatus.REJECTED).getSingleResult()) > 0;
    }
}
