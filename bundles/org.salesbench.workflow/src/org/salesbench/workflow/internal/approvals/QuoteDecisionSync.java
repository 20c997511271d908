package org.salesbench.workflow.internal.approvals;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.salesbench.core.events.EventTopics;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.workflow.approvals.ApprovalService;

/**
 * Keeps a quote's request in step when the quote is decided outside the engine (the Quotes page decides through the
 * engine, {@code QuoteService.decideApproval}; a tool calling {@code recordApprovalDecision} directly does not): a quote
 * that left {@code IN_APPROVAL} while its request is pending closes the request. It reads the quote as it is now, not as the event saw it, so a late event does nothing.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + EventTopics.PREFIX + Quote.ENTITY + "/UPDATED")
public class QuoteDecisionSync implements EventHandler {

    private final ApprovalService engine;
    private final QuoteService quotes;

    @Activate
    public QuoteDecisionSync(@Reference ApprovalService approvals, @Reference QuoteService quotes) {
        this.engine = approvals;
        this.quotes = quotes;
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(EventTopics.PROPERTY_ID) instanceof Long id)) {
            return;
        }
        sync(id);
    }

    /** Closes the quote's pending request if the quote was decided without it; whether it did. */
    public boolean sync(long quoteId) {
        Optional<Quote> quote = quotes.find(quoteId);
        if (quote.isEmpty() || quote.get().getStatus() == QuoteStatus.IN_APPROVAL || engine.pendingFor(Quote.ENTITY, quoteId).isEmpty()) {
            return false;
        }
        boolean approved = quote.get().getStatus() != QuoteStatus.DRAFT;
        return engine.settledOutside(Quote.ENTITY, quoteId, approved, quote.get().getDecidedBy(), quote.get().getApprovalNote());
    }
}
