package org.salesbench.demo.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;

/**
 * The demo's approvals, when the workflow module is installed (this component starts only with its
 * {@link ApprovalService}; the demo bundle needs workflow optionally): a few drafts get a discount over the shipped
 * 10 % threshold and wait for approval, and the first is approved, so the inbox and an approval history have
 * something to show.
 */
@Component(service = DemoApprovals.class)
public class DemoApprovals {

    static final BigDecimal DEMO_DISCOUNT = new BigDecimal("15");

    private final QuoteService quotes;
    private final ApprovalService approvals;

    @Activate
    public DemoApprovals(@Reference QuoteService quotes, @Reference ApprovalService approvals) {
        this.quotes = quotes;
        this.approvals = approvals;
    }

    /** Submits up to {@code count} drafts of these customers' deals with a 15 % discount; returns the requests made. */
    public List<ApprovalRequest> make(List<Long> customerIds, int count) {
        List<ApprovalRequest> made = new ArrayList<>();
        for (Long customerId : customerIds) {
            for (Quote quote : quotes.listForCustomer(customerId)) {
                if (made.size() >= count) {
                    break;
                }
                if (quote.getStatus() != QuoteStatus.DRAFT || quote.getLines().isEmpty()) {
                    continue;
                }
                quote.getLines().get(0).setDiscountPercent(DEMO_DISCOUNT);
                quotes.update(quote);
                if (quotes.submitForApproval(quote.getId()).getStatus() == QuoteStatus.IN_APPROVAL) {
                    approvals.pendingFor(Quote.ENTITY, quote.getId()).ifPresent(made::add);
                }
            }
        }
        // one decided, for a history to read; on a team server only if the demo's user may decide it
        if (!made.isEmpty() && approvals.mayDecide(made.get(0).getId())) {
            made.set(0, approvals.approve(made.get(0).getId(), Messages.Demo_approvalComment));
        }
        return made;
    }
}
