package org.salesbench.core.model;

import java.time.Instant;
import java.util.function.Supplier;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import org.salesbench.core.time.Clocks;

/**
 * Stamps created/updated columns. The unit of work tells it who is writing for the duration of
 * one transaction on the current thread ({@link #runAs}); outside one, writes are stamped as
 * {@code system}.
 */
public class AuditListener {

    private static final ThreadLocal<String> WRITER = new ThreadLocal<>();

    public static <T> T runAs(String login, Supplier<T> work) {
        String previous = WRITER.get();
        WRITER.set(login);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                WRITER.remove();
            } else {
                WRITER.set(previous);
            }
        }
    }

    @PrePersist
    @PreUpdate
    public void stamp(Object entity) {
        if (entity instanceof AbstractEntity e) {
            String who = WRITER.get();
            e.stamp(who == null ? "system" : who, Instant.now(Clocks.system()));
        }
    }
}
