package org.salesbench.performance.commissions;

/** What a plan pays on: the amounts of deals won in the period, or the amounts collected (receipts) in it. */
public enum CommissionBasis {
    WON, COLLECTED
}
