/**
 * Commissions: a {@link org.salesbench.performance.commissions.CommissionPlan} pays a rate by product or segment (the
 * deal's industry) on won or on collected amounts, with tiers that accelerate the rate above an attainment of the
 * person's target ({@link org.salesbench.performance.commissions.CommissionQuota}; the targets API will supply it).
 * A {@link org.salesbench.performance.commissions.Statement} per person and period lists every credit and clawback
 * (a reversed receipt, a deal reopened after it was paid), each rounded to the cent, and adds up to its total; closing
 * it stores its lines ({@code SB_PERF_COMMISSION_LINE}) so that it never changes afterwards.
 */
package org.salesbench.performance.commissions;
