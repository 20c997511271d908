package org.salesbench.importexport.targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.osgi.util.NLS;

/**
 * Rows handed from the import's staging thread to a Derby bulk insert ({@code SYSCS_UTIL.SYSCS_BULK_INSERT})
 * running on another thread, which reads them through {@link BulkInsertRows}. Into an empty table the bulk
 * insert writes the heap in one pass and sorts each index once; fed from memory, Derby parses no text, and
 * the insert runs while the rows are still being validated, so on two cores staging and loading overlap.
 * Rows are values in the order of the column names given, as the JDBC types Derby reads (Long, String,
 * Timestamp, Date); a column of the table not named is NULL.
 */
public final class DerbyBulkInsert implements AutoCloseable {

    private static final Map<String, DerbyBulkInsert> OPEN = new ConcurrentHashMap<>();
    /** Markers in the queue, told apart by identity (so not {@code List.of()}, which is one shared instance). */
    private static final List<Object[]> END = new ArrayList<>(0);
    private static final List<Object[]> STOP = new ArrayList<>(0);
    /** Queued after the rows kept in memory when more were written to the spill file: read them from it next. */
    private static final List<Object[]> SPILLED = new ArrayList<>(0);

    private final String key = UUID.randomUUID().toString();
    private final String table;
    private final Map<String, Integer> positions = new HashMap<>();
    private final BlockingQueue<List<Object[]>> queue;
    private volatile boolean stopped;
    /** The table's columns and, per column, the index of its value in a row (-1: none); set when the insert starts. */
    private ResultSetMetaData columns;
    private int[] valueIndexes;
    /** For {@link #spilling}: rows kept in memory before the rest go to a file; 0 for an insert that never spills. */
    private final int memoryRows;
    /** Rows added and still queued in memory (spilling inserts only). */
    private int queuedRows;
    /** The rows past {@link #memoryRows}, once there are any; read back after those in memory. */
    private SpillFile spill;

    /**
     * @param capacity how many {@link #add} calls may wait unread before the next one blocks; 0 for no limit
     *        (for rows that are only read after those of another insert)
     */
    public DerbyBulkInsert(String table, List<String> columnNames, int capacity) {
        this(table, columnNames, capacity, 0);
    }

    private DerbyBulkInsert(String table, List<String> columnNames, int capacity, int memoryRows) {
        this.memoryRows = memoryRows;
        this.table = table;
        for (int i = 0; i < columnNames.size(); i++) {
            positions.put(columnNames.get(i), i);
        }
        this.queue = capacity == 0 ? new LinkedBlockingQueue<>() : new ArrayBlockingQueue<>(capacity);
        OPEN.put(key, this);
    }

    /**
     * An insert whose rows are only read after another's (a bulk load's later tables: a contact's phones, a deal's stage
     * history, the external ids), so they would all wait in memory: past {@code memoryRows} rows they go to a temporary
     * file instead ({@link SpillFile}) and are read back from it, in the order added, when the insert runs. A file of any
     * size then stages in bounded memory.
     */
    public static DerbyBulkInsert spilling(String table, List<String> columnNames, int memoryRows) {
        return new DerbyBulkInsert(table, columnNames, 0, Math.max(1, memoryRows));
    }

    /** Hands rows to the insert, waiting while it is behind; rows added after {@link #stop} are dropped. */
    public void add(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (memoryRows > 0) {
            synchronized (this) {
                if (spill != null || queuedRows + rows.size() > memoryRows) {
                    if (!stopped) {
                        spill().write(rows);
                    }
                    return;
                }
                queuedRows += rows.size();
            }
        }
        put(rows);
    }

    private SpillFile spill() {
        if (spill == null) {
            try {
                spill = new SpillFile(table);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return spill;
    }

    /** No more rows: the insert ends after those added. */
    public void finish() {
        synchronized (this) {
            if (spill != null && !stopped) {
                spill.finishWriting();
                put(SPILLED);
            }
        }
        put(END);
    }

    private void put(List<Object[]> rows) {
        try {
            while (!stopped && !queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                // the insert is behind: wait, unless it has stopped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }

    /** The insert fails (and its statement rolls back) at its next row; producers stop waiting. */
    public void stop() {
        stopped = true;
        while (!queue.offer(STOP)) {
            queue.clear(); // what waits unread is not inserted anyway
        }
    }

    /**
     * Runs the bulk insert on {@code connection} until {@link #finish} (or fails after {@link #stop}). It does not
     * commit: the caller's transaction decides.
     */
    public void insert(Connection connection) throws SQLException {
        try (PreparedStatement describe = connection.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0")) {
            columns = describe.getMetaData();
            valueIndexes = new int[columns.getColumnCount()];
            for (int c = 0; c < valueIndexes.length; c++) {
                valueIndexes[c] = positions.getOrDefault(columns.getColumnName(c + 1), -1);
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader loader = thread.getContextClassLoader();
        // Derby loads the table function by name through the context class loader: under OSGi it is this bundle's
        thread.setContextClassLoader(BulkInsertRows.class.getClassLoader());
        try (PreparedStatement call = connection.prepareStatement("CALL SYSCS_UTIL.SYSCS_BULK_INSERT(?, ?, ?, ?)")) {
            call.setString(1, connection.getSchema());
            call.setString(2, table);
            call.setString(3, BulkInsertRows.class.getName());
            call.setString(4, key);
            call.execute();
        } finally {
            thread.setContextClassLoader(loader);
        }
    }

    static DerbyBulkInsert of(String key) throws SQLException {
        DerbyBulkInsert insert = OPEN.get(key);
        if (insert == null) {
            throw new SQLException("no bulk insert open as " + key);
        }
        return insert;
    }

    ResultSetMetaData columns() {
        return columns;
    }

    int valueIndex(int column) {
        return valueIndexes[column - 1];
    }

    /** The spill file being read back, after the rows queued in memory. */
    private SpillFile reading;
    /** Whether reading the spill file has begun: its rows are not kept for {@link #startExecution}'s replay. */
    private boolean spillRead;
    /** The executions of the insert that have read rows ({@link #startExecution}). */
    private int executions;
    /**
     * The rows handed to Derby from the queue, kept for a second execution (an insert into which staging hands rows while
     * it runs keeps none: see {@link #startExecution}).
     */
    private final List<List<Object[]>> delivered = new ArrayList<>();
    /** The next of {@link #delivered} a second execution reads again; past its end, the queue. */
    private int replayed;
    /** The queue's END was taken: after the replay, the insert ends. */
    private boolean ended;

    /**
     * Called by each execution of the insert's statement as it reads its first row. Derby runs a statement again when its
     * plan was invalidated while it ran (the index statistics daemon, which refreshes a table's statistics in the
     * background as it grows, does this), after rolling back what the first run inserted: the second run must read every
     * row again, or the rows the first run read are silently lost. The rows of the queue are kept for it; an insert that
     * streams (a capacity: staging hands rows over while it runs, none kept) or has read its spill file cannot replay,
     * and fails instead, which rolls the load back whole.
     */
    synchronized void startExecution() throws SQLException {
        if (executions++ == 0) {
            return;
        }
        if (!keepsDelivered() || spillRead) {
            throw new SQLException(NLS.bind(TargetMessages.Bulk_runAgain, table));
        }
        replayed = 0;
    }

    /** Only an insert whose rows are all added before it runs (no capacity) keeps them for a second execution. */
    private boolean keepsDelivered() {
        return queue instanceof LinkedBlockingQueue;
    }

    /** The next rows, or {@code null} at the end. */
    List<Object[]> take() throws SQLException {
        synchronized (this) {
            if (replayed < delivered.size()) {
                return delivered.get(replayed++);
            }
        }
        if (ended) {
            return null;
        }
        List<Object[]> rows = takeFromQueue();
        if (rows == null) {
            ended = true;
        } else if (keepsDelivered() && !spillRead) {
            synchronized (this) {
                delivered.add(rows);
                replayed = delivered.size();
            }
        }
        return rows;
    }

    private List<Object[]> takeFromQueue() throws SQLException {
        try {
            if (stopped) {
                reading = null; // the STOP queued ends the insert
            }
            if (reading != null) {
                List<Object[]> spilled = reading.read();
                if (spilled != null) {
                    return spilled;
                }
                reading = null;
            }
            List<Object[]> rows = queue.take();
            if (rows == SPILLED) {
                reading = spill;
                spillRead = true;
                return takeFromQueue();
            }
            if (rows == STOP) {
                queue.offer(STOP);
                throw new SQLException("the import stopped before its new records were loaded");
            }
            return rows == END ? null : rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException(e);
        } catch (UncheckedIOException e) {
            throw new SQLException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Whether rows went to a spill file (for tests). */
    public synchronized boolean spilled() {
        return spill != null;
    }

    @Override
    public void close() {
        OPEN.remove(key);
        synchronized (this) {
            if (spill != null) {
                spill.delete();
            }
        }
    }
}
