package org.salesbench.quotes;

import java.math.BigDecimal;

import org.salesbench.core.model.Money;

/**
 * What an approver needs to know about a submitted quote. {@code maxDiscountLine} is the 1-based line with the largest
 * discount (0 when there is none).
 */
public record QuoteApprovalRequest(long quoteId, long opportunityId, int quoteVersion, String requestedBy,
        BigDecimal maxDiscountPercent, int maxDiscountLine, Money discountTotal, Money total) {
}
