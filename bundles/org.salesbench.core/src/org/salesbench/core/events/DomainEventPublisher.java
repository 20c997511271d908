package org.salesbench.core.events;

import org.salesbench.core.events.EventTopics.Change;

/**
 * Posts domain change events. Services call it from the unit of work's after-commit hook so
 * that nothing is announced for a transaction that rolled back.
 */
public interface DomainEventPublisher {

    void publish(String entity, Change change, long id);

    /**
     * Announces a bulk write of {@code count} records of one entity with a single {@link EventTopics#imported} event.
     * A default that announces nothing keeps the interface functional for tests that only count per-record events.
     */
    default void publishImported(String entity, int count) {
    }
}
