package org.salesbench.workflow.internal.approvals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.salesbench.core.model.Money;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteApprovalRequest;
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.QuoteService;
import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.approvals.SubjectField;
import org.salesbench.workflow.approvals.SubjectRecord;

/**
 * Quotes as an approval subject: conditions on the largest line discount (percent), the discount total and the grand
 * total. A quote in approval is locked by its own status ({@code IN_APPROVAL}: {@link QuoteService#update} refuses it), so
 * {@link #lock} has nothing to add; a decision and a recall move the quote through {@link QuoteService}.
 */
public class QuoteApprovalSubject implements ApprovalSubject {

    public static final String MAX_DISCOUNT_PERCENT = "maxDiscountPercent";
    public static final String DISCOUNT_TOTAL = "discountTotal";
    public static final String GRAND_TOTAL = "grandTotal";

    @Override
    public List<SubjectField> fields() {
        return List.of(new SubjectField(MAX_DISCOUNT_PERCENT, SubjectField.Type.NUMBER), new SubjectField(DISCOUNT_TOTAL, SubjectField.Type.NUMBER),
                new SubjectField(GRAND_TOTAL, SubjectField.Type.NUMBER));
    }

    @Override
    public Optional<SubjectRecord> read(Context context, long recordId) {
        return context.service(QuoteService.class).find(recordId).map(quote -> new SubjectRecord(label(quote), quote.getOwner(), values(quote)));
    }

    /** What a quote offers its definitions' conditions. */
    static Map<String, Object> values(Quote quote) {
        BigDecimal max = BigDecimal.ZERO;
        for (QuoteLine line : quote.getLines()) {
            if (line.getDiscountPercent() != null && line.getDiscountPercent().compareTo(max) > 0) {
                max = line.getDiscountPercent();
            }
        }
        return values(max, quote.getDiscountTotal(), quote.getGrandTotal());
    }

    /** The same values from what {@code QuoteService} tells its approval seam. */
    static Map<String, Object> values(QuoteApprovalRequest request) {
        return values(request.maxDiscountPercent() == null ? BigDecimal.ZERO : request.maxDiscountPercent(), request.discountTotal(), request.total());
    }

    private static Map<String, Object> values(BigDecimal maxDiscount, Money discountTotal, Money grandTotal) {
        Map<String, Object> values = new HashMap<>();
        values.put(MAX_DISCOUNT_PERCENT, maxDiscount);
        if (discountTotal != null) {
            values.put(DISCOUNT_TOTAL, discountTotal.getAmount());
        }
        if (grandTotal != null) {
            values.put(GRAND_TOTAL, grandTotal.getAmount());
        }
        return values;
    }

    private static String label(Quote quote) {
        Opportunity deal = quote.getOpportunity();
        // an approver outside the owner's reach reads the quote, not its deal
        return (deal == null ? "#" + quote.getId() : deal.getName()) + " v" + quote.getVersionNumber();
    }

    @Override
    public void lock(Context context, long recordId) {
        // the quote is IN_APPROVAL already: QuoteService put it there before asking the engine
    }

    @Override
    public void unlock(Context context, long recordId) {
        context.service(QuoteService.class).withdrawFromApproval(recordId, Messages.Quote_recalled);
    }

    @Override
    public void decided(Context context, long recordId, boolean approved, String comment) {
        context.service(QuoteService.class).recordApprovalDecision(recordId, approved, comment);
    }
}
