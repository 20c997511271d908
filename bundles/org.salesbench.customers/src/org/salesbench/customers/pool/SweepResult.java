package org.salesbench.customers.pool;

/** What one sweep did: owners warned about how many customers, and how many customers returned to the pool. */
public record SweepResult(int warned, int returned) {
}
