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

    /**
     * Rows of each later table (and external ids) a load keeps in memory until the first table is in; the rest wait in a
     * spill file ({@link DerbyBulkInsert#spilling}), so a file of any size stages in bounded memory. Default 10,000.
     */
    public static final String SPILL_ROWS_PROPERTY = "salesbench.import.spillRows";

    protected final UnitOfWork unitOfWork;
    /** Created and updated time of every new row. */
    protected final Timestamp now = Timestamp.from(Instant.now(Clocks.system()));
    private final DomainEventPublisher events;
    private final String entity;
    private final String table;
    private final String loadFailed;
    private final List<DerbyBulkInsert> inserts = new ArrayList<>();
    /**
     * The run's new external ids, bulk-inserted after the tables (spilled past {@link #SPILL_ROWS}); one that the
     * entity's ids or an earlier row of the run may hold already goes to {@link #repointed} instead.
     */
    private final DerbyBulkInsert externalIdRows;
    private long externalIdCount;
    /** New external ids not yet handed to {@link #externalIdRows}: a batch at a time. */
    private List<Object[]> pendingExternalIds = new ArrayList<>();
    /** External ids re-pointed after the bulk insert, as {@link ExternalIds#put} does (the last of a run's wins). */
    private final Map<String, Long> repointed = new HashMap<>();
    /** Fingerprints of the entity's external ids and of those staged: what may be there already. Read at the first one. */
    private Fingerprints seen;
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
        this.externalIdRows = DerbyBulkInsert.spilling(ExternalIds.table(entity), ExternalIds.COLUMNS, spillRows()); // unlogged when that table is empty
    }

    private static int spillRows() {
        return Math.max(1, Integer.getInteger(SPILL_ROWS_PROPERTY, 10_000));
    }

    /**
     * Adds a table to load, after those added before; the first is fed while staging goes on, the others wait (in memory
     * up to {@value #SPILL_ROWS_PROPERTY} rows, then in a spill file).
     */
    protected final int table(String name, List<String> columns) {
        inserts.add(inserts.isEmpty() ? new DerbyBulkInsert(name, columns, BATCHES_AHEAD) : DerbyBulkInsert.spilling(name, columns, spillRows()));
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
        if (externalId == null || externalId.isBlank()) {
            return;
        }
        String external = externalId.strip();
        if (seen == null) {
            seen = new Fingerprints();
            withConnection(c -> {
                ExternalIds.eachOf(c, entity, seen::add);
                return null;
            });
        }
        if (seen.add(external)) {
            pendingExternalIds.add(new Object[] { entity, external, id });
            externalIdCount++;
            if (pendingExternalIds.size() >= 1_000) {
                flushExternalIds();
            }
        } else {
            repointed.put(external, id); // the table's, an earlier row's, or (rarely) one of the same fingerprint
        }
    }

    private void flushExternalIds() {
        externalIdRows.add(pendingExternalIds);
        pendingExternalIds = new ArrayList<>();
    }

    /** The run's external ids, in the caller's transaction: the new ones by bulk insert, then the re-pointed ones. */
    private void writeExternalIds(Connection connection) throws SQLException {
        if (externalIdCount > 0) {
            externalIdRows.insert(connection);
        }
        ExternalIds.put(connection, entity, repointed);
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
                        writeExternalIds(connection);
                    } catch (SQLException e) {
                        throw new PersistenceException(e.getMessage(), e);
                    }
                    return null;
                });
                loading.complete(null);
            } catch (Throwable e) {
                inserts.forEach(DerbyBulkInsert::stop); // staging must not wait for a loader that is gone
                externalIdRows.stop();
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
        ExternalIds.eachOf(connection, entity, external -> {
            Long id = externalIds.get(external);
            if (id != null) {
                repointed.put(external, id);
            }
        });
        ExternalIds.put(connection, entity, repointed);
        List<Object[]> rows = new ArrayList<>(externalIds.size() - repointed.size());
        externalIds.forEach((external, id) -> {
            if (!repointed.containsKey(external)) {
                rows.add(new Object[] { entity, external, id });
            }
        });
        ExternalIds.bulkInsert(connection, entity, rows);
    }

    @Override
    public final int staged() {
        return staged;
    }

    @Override
    public final void load() throws ImportException {
        flushExternalIds();
        externalIdRows.finish();
        if (loading == null) {
            if (externalIdCount > 0 || !repointed.isEmpty()) {
                // nothing to insert, but rows that named a record already there (skipped) bring their external ids,
                // which a row-by-row run records too: written now, when the run commits
                withConnection(c -> {
                    writeExternalIds(c);
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
            externalIdRows.stop();
            try {
                loading.join();
            } catch (CompletionException expected) {
                // the stopped insert failed, as it should
            }
        }
        inserts.forEach(DerbyBulkInsert::close);
        externalIdRows.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * A set of 64-bit fingerprints of strings, 8 to 16 bytes each (open addressing): what a run keeps per external id
     * instead of the id itself. {@link #add} is false when the string, or another of the same fingerprint (about one in
     * 2^64), was added before; the caller then takes the exact way for that one.
     */
    static final class Fingerprints {

        private long[] slots = new long[1 << 10];
        private int size;

        boolean add(String s) {
            long h = fingerprint(s);
            if (size * 2 >= slots.length) {
                grow();
            }
            if (!insert(slots, h)) {
                return false;
            }
            size++;
            return true;
        }

        private boolean insert(long[] table, long h) {
            int mask = table.length - 1;
            for (int i = (int) (h ^ (h >>> 32)) & mask;; i = (i + 1) & mask) {
                if (table[i] == 0) {
                    table[i] = h;
                    return true;
                }
                if (table[i] == h) {
                    return false;
                }
            }
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            for (long h : old) {
                if (h != 0) {
                    insert(slots, h);
                }
            }
        }

        /** FNV-1a over the chars, then a 64-bit finaliser; never 0 (an empty slot). */
        static long fingerprint(String s) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            h ^= h >>> 33;
            return h == 0 ? 1 : h;
        }
    }
}
