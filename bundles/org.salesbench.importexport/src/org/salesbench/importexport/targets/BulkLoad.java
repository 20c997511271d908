package org.salesbench.importexport.targets;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.persistence.PersistenceException;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.time.Clocks;
import org.salesbench.importexport.BulkWriter;
import org.salesbench.importexport.ImportException;
import org.salesbench.persistence.SequenceIds;
import org.salesbench.persistence.UnitOfWork;

/**
 * What every target's bulk load of new records shares (contacts, activities, opportunities and their stage history):
 * the first staged batch starts a loader thread that runs one {@link DerbyBulkInsert} per table, in the order given
 * (the first fed while staging goes on, the others read once it is done), then {@link #afterInserts} and the run's
 * external ids, in the loader's one transaction, which commits when {@link #load} is called and rolls back when the
 * run ends without it. Ids are reserved from SB_SEQUENCE per batch, so a committed load is undone by those ranges
 * (children follow by their foreign keys' ON DELETE CASCADE). A subclass validates and resolves rows in
 * {@link #stage}, hands each table's rows to {@link #add} and says how many records it staged.
 */
public abstract class BulkLoad implements BulkWriter.Staging {

    /** Batches staged but not yet inserted before staging waits for the loader: enough to ride out its index sorts. */
    protected static final int BATCHES_AHEAD = 4;

    protected final UnitOfWork unitOfWork;
    /** Created and updated time of every new row. */
    protected final Timestamp now = Timestamp.from(Instant.now(Clocks.system()));
    private final DomainEventPublisher events;
    private final String entity;
    private final String table;
    private final String loadFailed;
    private final List<DerbyBulkInsert> inserts = new ArrayList<>();
    private final Map<String, Long> externalIds = new HashMap<>();
    private final List<long[]> idRanges = new ArrayList<>();
    private CompletableFuture<Void> loading;
    private int staged;
    private boolean loaded;

    /**
     * @param entity the entity whose records are staged, for their external ids and the IMPORTED event
     * @param table its table, which {@link #undo} deletes the reserved ids from
     * @param loadFailed the message (one argument: the database's reason) of a load the database refused
     * @param events where {@link #announce} tells of the load; {@code null} when nothing listens
     */
    protected BulkLoad(UnitOfWork unitOfWork, DomainEventPublisher events, String entity, String table, String loadFailed) {
        this.unitOfWork = unitOfWork;
        this.events = events;
        this.entity = entity;
        this.table = table;
        this.loadFailed = loadFailed;
    }

    /** Adds a table to load, after those added before; the first is fed while staging goes on, the others wait in memory. */
    protected final int table(String name, List<String> columns) {
        inserts.add(new DerbyBulkInsert(name, columns, inserts.isEmpty() ? BATCHES_AHEAD : 0));
        return inserts.size() - 1;
    }

    /** Runs {@code work} on a connection of a transaction of its own (reads of keys, per-batch look-ups). */
    protected final <T> T withConnection(SqlWork<T> work) {
        return unitOfWork.write(em -> {
            try {
                return work.run(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new PersistenceException(e.getMessage(), e);
            }
        });
    }

    @FunctionalInterface
    protected interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reserves {@code count} ids for new records; returns the first. */
    protected final long reserveIds(int count) {
        long first = withConnection(c -> SequenceIds.reserve(c, count));
        idRanges.add(new long[] { first, first + count - 1 });
        return first;
    }

    /** Hands rows of the {@code index}th table (as {@link #table} returned it) to the load, starting it if need be. */
    protected final void add(int index, List<Object[]> rows) {
        startLoading();
        inserts.get(index).add(rows);
    }

    /** Counts records staged (in this entity's table). */
    protected final void counted(int count) {
        staged += count;
    }

    /** Records the external id of a staged record, written with the load. */
    protected final void externalId(String externalId, long id) {
        if (externalId != null && !externalId.isBlank()) {
            externalIds.put(externalId.strip(), id);
        }
    }

    /**
     * In the loader's transaction, before the first insert: e.g. {@link SuspendedTriggers#dropInsertTriggers} for triggers
     * whose work {@link #afterInserts} does once, set-based.
     */
    protected void beforeInserts(Connection connection) throws SQLException {
    }

    /** In the loader's transaction, after every table is in and before the external ids: updates the load implies. */
    protected void afterInserts(Connection connection) throws SQLException {
    }

    /** After the load committed: indexes and caches that follow the tables. */
    protected void afterLoad() {
    }

    private void startLoading() {
        if (loading != null) {
            return;
        }
        loading = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                unitOfWork.write(em -> {
                    Connection connection = em.unwrap(Connection.class);
                    try {
                        beforeInserts(connection);
                        for (DerbyBulkInsert insert : inserts) {
                            insert.insert(connection);
                        }
                        afterInserts(connection);
                        putExternalIds(connection, entity, externalIds);
                    } catch (SQLException e) {
                        throw new PersistenceException(e.getMessage(), e);
                    }
                    return null;
                });
                loading.complete(null);
            } catch (Throwable e) {
                inserts.forEach(DerbyBulkInsert::stop); // staging must not wait for a loader that is gone
                loading.completeExceptionally(e);
            }
        }, "Salesbench " + entity + " bulk load");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * Records the external ids of records a bulk load wrote, with the bulk insert too: those the table has already
     * (pointing at a record that is gone, or not matched on in this run) are re-pointed as {@link ExternalIds#put} does,
     * the rest inserted without a look-up and a delete each. In the caller's transaction.
     */
    public static void putExternalIds(Connection connection, String entity, Map<String, Long> externalIds) throws SQLException {
        if (externalIds.isEmpty()) {
            return;
        }
        Map<String, Long> repointed = new HashMap<>();
        try (var select = connection.prepareStatement("SELECT EXTERNAL_ID FROM SB_IMPORT_EXTERNAL_ID WHERE ENTITY = ?")) {
            select.setString(1, entity);
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    Long id = externalIds.get(rs.getString(1));
                    if (id != null) {
                        repointed.put(rs.getString(1), id);
                    }
                }
            }
        }
        ExternalIds.put(connection, entity, repointed);
        List<Object[]> rows = new ArrayList<>(externalIds.size() - repointed.size());
        externalIds.forEach((external, id) -> {
            if (!repointed.containsKey(external)) {
                rows.add(new Object[] { entity, external, id });
            }
        });
        try (DerbyBulkInsert insert = new DerbyBulkInsert("SB_IMPORT_EXTERNAL_ID", List.of("ENTITY", "EXTERNAL_ID", "RECORD_ID"), 0)) {
            insert.add(rows);
            insert.finish();
            insert.insert(connection);
        }
    }

    @Override
    public final int staged() {
        return staged;
    }

    @Override
    public final void load() throws ImportException {
        if (loading == null) {
            if (!externalIds.isEmpty()) {
                // nothing to insert, but rows that named a record already there (skipped) bring their external ids,
                // which a row-by-row run records too: written now, when the run commits
                withConnection(c -> {
                    putExternalIds(c, entity, externalIds);
                    return null;
                });
            }
            return;
        }
        inserts.forEach(DerbyBulkInsert::finish);
        try {
            loading.join();
            loaded = true;
        } catch (CompletionException e) {
            // the loader's transaction rolled back: nothing of the load remains
            throw new ImportException(NLS.bind(loadFailed, rootMessage(e)));
        }
        afterLoad();
    }

    @Override
    public void undo() {
        if (!loaded) {
            return;
        }
        unitOfWork.write(em -> {
            for (long[] range : idRanges) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE ID BETWEEN ? AND ?").setParameter(1, range[0]).setParameter(2, range[1])
                        .executeUpdate();
                ExternalIds.removeRange(em, entity, range[0], range[1]);
            }
            return null;
        });
        loaded = false;
        afterLoad();
    }

    @Override
    public void announce() {
        if (loaded && events != null) {
            events.publishImported(entity, staged);
        }
    }

    /** Without {@link #load}, stops the loader, whose transaction then rolls back, and waits for it. */
    @Override
    public void close() {
        if (loading != null && !loading.isDone()) {
            inserts.forEach(DerbyBulkInsert::stop);
            try {
                loading.join();
            } catch (CompletionException expected) {
                // the stopped insert failed, as it should
            }
        }
        inserts.forEach(DerbyBulkInsert::close);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
