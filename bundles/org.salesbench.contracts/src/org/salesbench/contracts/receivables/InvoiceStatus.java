package org.salesbench.contracts.receivables;

/** An invoice's life: requested, then issued (with its number) or void; an issued invoice may still be voided. */
public enum InvoiceStatus {
    REQUESTED, ISSUED, VOID
}
