package org.salesbench.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

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

    /**
     * The rows of a native read, each an array of its columns' values as JDBC gives them: {@code sql} takes its
     * parameters as {@code ?} and names each table it reads a field column of in braces ({@link MaskingViews}); rows
     * {@code offset} on, at most {@code limit} of them (all when {@code limit} is negative). Inside a {@link #write}
     * it reads in that transaction.
     * <p>
     * How a list visible at start reads its first page: the {@link Database} reads with plain JDBC while nothing has
     * deployed its persistence unit (which costs a start more than the rest of the database's opening), through the
     * unit once something has.
     */
    default List<Object[]> rows(String sql, List<?> parameters, int offset, int limit) {
        if (limit == 0) {
            return new ArrayList<>();
        }
        return read(em -> {
            Query query = MaskingViews.query(em, sql);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            if (offset > 0) {
                query.setFirstResult(offset);
            }
            if (limit >= 0) {
                query.setMaxResults(limit);
            }
            List<Object[]> rows = new ArrayList<>();
            for (Object row : query.getResultList()) {
                rows.add(row instanceof Object[] columns ? columns : new Object[] { row });
            }
            return rows;
        });
    }

    /** Runs {@code action} after the current {@link #write} commits (never if it rolls back). */
    void afterCommit(Runnable action);

    DatabaseSettings settings();
}
