package org.salesbench.importexport.targets;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.salesbench.persistence.UnitOfWork;

/**
 * Commits a bulk load chunk by chunk, on a loader thread of its own while the next chunk is staged: each chunk (new
 * records with everything that hangs on them, whole) is written and committed in one transaction, together with its
 * {@link ImportRun} record (how far the file is committed). So a crash leaves at most one chunk for the database's
 * recovery to undo, never the whole load, and the next run of the same file resumes after the last committed chunk.
 * {@link #undo} removes the committed chunks again, newest first, a transaction each, the run's record following, for
 * a run that must end with nothing (all-or-nothing with a failed row, a cancel, a load the database refused).
 *
 * @param <C> what a chunk holds (its rows per table), handed to the {@link Loader}
 */
public final class BulkChunks<C> implements AutoCloseable {

    /** Writes one chunk on the loader's connection, inside the chunk's transaction (it must not commit). */
    public interface Loader<C> {
        void load(Connection connection, C chunk) throws SQLException;
    }

    /** Deletes the records with ids {@code first} to {@code last} and what hangs on them (for {@link #undo}). */
    public interface Remover {
        void remove(EntityManager em, long first, long last);
    }

    private record Chunk<C>(C content, long lastRow, long records, List<long[]> idRanges) {
    }

    private static final Object END = new Object();

    private final UnitOfWork unitOfWork;
    private final ImportRun run;
    private final String threadName;
    private final Loader<C> loader;
    /** One chunk may wait while another loads: staging and loading overlap, memory holds about three chunks. */
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
    private final List<Chunk<C>> committed = new ArrayList<>();
    private CompletableFuture<Void> loading;
    /** What follows each chunk's commit on the loader thread (an index kept current), or nothing. */
    private volatile java.util.function.Consumer<C> afterCommit = chunk -> { };
    private volatile boolean stopped;
    /** The committed state: through which file row, how many records (with those of the run resumed). */
    private long committedRow;
    private long committedRecords;

    /**
     * @param run the run's record, or {@code null} to keep none (the chunks still commit one by one)
     */
    public BulkChunks(UnitOfWork unitOfWork, ImportRun run, String threadName, Loader<C> loader) {
        this.unitOfWork = unitOfWork;
        this.run = run;
        this.threadName = threadName;
        this.loader = loader;
        this.committedRow = run == null ? 0 : run.lastRow();
        this.committedRecords = run == null ? 0 : run.records();
    }

    /**
     * Runs {@code action} on the loader thread right after each chunk commits, before the next chunk loads: what must
     * follow the committed rows (a search index) then lags one chunk behind them at most, so a crash leaves it that
     * little to catch up with. A failure of the action is logged; the chunks go on (what follows them is a cache the
     * next catch-up repairs).
     */
    public BulkChunks<C> afterCommit(java.util.function.Consumer<C> action) {
        this.afterCommit = action;
        return this;
    }

    /**
     * Hands over a whole chunk, which holds the file up to {@code lastRow}, {@code records} new records, with the ids in
     * {@code idRanges} (first and last of each range); waits while the loader is a chunk behind. After a failure or
     * {@link #stop} chunks are dropped: {@link #finish} reports the failure.
     */
    public void submit(C content, long lastRow, long records, List<long[]> idRanges) {
        start();
        Chunk<C> chunk = new Chunk<>(content, lastRow, records, List.copyOf(idRanges));
        try {
            while (!stopped && !loading.isDone() && !queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // the loader is behind: wait for it, unless it has ended
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }

    private void start() {
        if (loading != null) {
            return;
        }
        loading = new CompletableFuture<>();
        Thread thread = new Thread(this::loadAll, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @SuppressWarnings("unchecked")
    private void loadAll() {
        try {
            for (Object next; (next = queue.take()) != END && !stopped;) {
                Chunk<C> chunk = (Chunk<C>) next;
                long row = chunk.lastRow();
                long records = committedRecords + chunk.records();
                unitOfWork.write(em -> {
                    Connection connection = em.unwrap(Connection.class);
                    try {
                        loader.load(connection, chunk.content());
                        if (run != null) {
                            run.record(connection, row, records);
                        }
                    } catch (SQLException e) {
                        throw new PersistenceException(e.getMessage(), e);
                    }
                    return null;
                });
                synchronized (this) {
                    committed.add(chunk);
                    committedRow = row;
                    committedRecords = records;
                }
                if (run != null) {
                    run.committed(row, records);
                }
                try {
                    afterCommit.accept(chunk.content());
                } catch (RuntimeException e) {
                    System.getLogger(BulkChunks.class.getName()).log(System.Logger.Level.WARNING,
                            "What follows a committed chunk failed; it catches up later", e);
                }
            }
            loading.complete(null);
        } catch (Throwable e) {
            stopped = true;
            queue.clear(); // a producer waiting to hand over a chunk stops waiting
            loading.completeExceptionally(e);
        }
    }

    /** Waits until every chunk handed over is committed; throws what the database refused (the chunks before it stay committed). */
    public void finish() {
        if (loading == null) {
            return;
        }
        try {
            while (!loading.isDone() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                // the loader takes the last chunk first
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
        loading.join();
    }

    /** No more chunks are loaded; the one loading now still commits (it is bounded). {@link #close} waits for it. */
    public void stop() {
        stopped = true;
        queue.clear();
        queue.offer(END);
    }

    /** The file row through which the chunks are committed (with those of a resumed run). */
    public synchronized long committedRow() {
        return committedRow;
    }

    /** How many records are committed (with those of a resumed run). */
    public synchronized long committedRecords() {
        return committedRecords;
    }

    /**
     * Stops loading, waits for the loader, and removes this run's committed chunks again, newest first, each in a
     * transaction of its own that also moves the run's record back to the chunk before it. A crash during the undo
     * leaves whole chunks and a record that agrees with them.
     */
    public void undo(Remover remover) {
        waitForLoader();
        List<Chunk<C>> chunks;
        synchronized (this) {
            chunks = new ArrayList<>(committed);
        }
        for (int i = chunks.size() - 1; i >= 0; i--) {
            Chunk<C> chunk = chunks.get(i);
            long row = i > 0 ? chunks.get(i - 1).lastRow() : run == null ? 0 : run.resumedAfterRow();
            long records = committedRecords() - chunk.records();
            unitOfWork.write(em -> {
                for (long[] range : chunk.idRanges()) {
                    remover.remove(em, range[0], range[1]);
                }
                if (run != null) {
                    try {
                        run.record(em.unwrap(Connection.class), row, records);
                    } catch (SQLException e) {
                        throw new PersistenceException(e.getMessage(), e);
                    }
                }
                return null;
            });
            synchronized (this) {
                committed.remove(chunk);
                committedRow = row;
                committedRecords = records;
            }
            if (run != null) {
                run.committed(row, records);
            }
        }
    }

    private void waitForLoader() {
        if (loading != null && !loading.isDone()) {
            stop();
            try {
                loading.join();
            } catch (CompletionException expected) {
                // a failed chunk rolled back on its own
            }
        }
    }

    /** Stops a loader still running and waits for it: a chunk not committed by then is rolled back. */
    @Override
    public void close() {
        waitForLoader();
    }
}
