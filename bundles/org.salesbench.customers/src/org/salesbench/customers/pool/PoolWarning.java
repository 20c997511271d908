package org.salesbench.customers.pool;

import java.time.LocalDateTime;

/**
 * A customer about to return to the pool: its owner was warned on {@code warnedAt}, and unless someone follows it up
 * (logs an activity), it returns on {@code returnOn}. {@code lastFollowUp} is its last activity, or when its owner
 * got it (claim or creation) if later.
 */
public record PoolWarning(long customerId, String name, String owner, LocalDateTime lastFollowUp, LocalDateTime warnedAt,
        LocalDateTime returnOn) {
}
