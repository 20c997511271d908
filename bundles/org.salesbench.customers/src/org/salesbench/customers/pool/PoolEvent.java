package org.salesbench.customers.pool;

import java.time.LocalDateTime;

/** One step of a customer's way through the pool: who did it, when, from which owner to which, and why. */
public record PoolEvent(long customerId, Kind kind, LocalDateTime at, String actor, String fromOwner, String toOwner,
        String reason) {

    public enum Kind {
        /** The owner was told the customer will return to the pool. */
        WARNED,
        /** The customer went to the pool. */
        RETURNED,
        /** Someone took the customer from the pool. */
        CLAIMED
    }
}
