package org.salesbench.persistence;

import java.util.function.Function;

import jakarta.persistence.EntityManager;

/**
 * The one way business bundles reach the database. Each {@link #write} is one transaction,
 * rolled back on any exception so nothing half-written remains; a {@code write} inside another
 * on the same thread joins it. Entities are stamped with the current user.
 */
public interface UnitOfWork {

    /** Runs {@code work} in a read-only session and returns its result (detached). */
    <T> T read(Function<EntityManager, T> work);

    /**
     * Runs {@code work} in one transaction and commits.
     *
     * @throws ConcurrentChangeException if another user changed a record in the meantime
     * @throws DatabaseException         if the database refused the write
     */
    <T> T write(Function<EntityManager, T> work);

    /** Runs {@code action} after the current {@link #write} commits (never if it rolls back). */
    void afterCommit(Runnable action);

    DatabaseSettings settings();
}
