package org.salesbench.customers.pool;

import java.time.LocalDateTime;

/** A customer in the pool: since when, from whom, and why it returned (or {@code null}s for one never owned in the pool's time). */
public record PoolRow(long id, String name, String industry, String region, String grade, LocalDateTime pooledAt,
        String pooledFrom, String reason) {
}
