package org.salesbench.opportunities;

import java.time.LocalDate;

import org.salesbench.core.model.Money;

/**
 * How to convert a lead. Every part may be left {@code null}: the customer is then the duplicate
 * screening found (or a new one), the pipeline the first active one, the opportunity named after
 * the company, its amount the lead's budget.
 *
 * @param customerId        attach to this existing customer instead of creating one
 * @param pipelineId        the pipeline of the new opportunity
 * @param opportunityName   the new opportunity's name
 * @param amount            the new opportunity's amount
 * @param expectedCloseDate the new opportunity's expected close date
 */
public record ConversionRequest(Long customerId, Long pipelineId, String opportunityName, Money amount, LocalDate expectedCloseDate) {

    public static final ConversionRequest DEFAULTS = new ConversionRequest(null, null, null, null, null);
}
