package org.salesbench.performance.commissions;

/** A statement line credits a deal won or an amount collected, or claws back one paid before. */
public enum LineKind {
    CREDIT, CLAWBACK
}
