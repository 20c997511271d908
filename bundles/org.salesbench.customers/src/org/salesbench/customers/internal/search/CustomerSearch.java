package org.salesbench.customers.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;

import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.salesbench.core.time.AfterFirstView;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.internal.Messages;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.SoftDeletion;

/**
 * The customer list's search index for one database: where it lives, how it is built and kept current.
 * The index is a derived cache of {@code SB_CUSTOMER} and its children, rebuildable at any time:
 * <ul>
 * <li>an embedded database keeps it in a sibling folder ({@code <db>-search}), an in-memory one in memory, a
 * server database in the instance area under a folder named by a hash of its URL;</li>
 * <li>a missing, unreadable or older-schema index is rebuilt in a background job; queries wait for it (they
 * stay correct, and {@link #isCatchingUp()} lets the view say why the answer takes long);</li>
 * <li>the service indexes its own writes after commit; a catch-up re-reads what the database changed after
 * the index's watermark (the newest {@code UPDATED_AT} it has followed, kept in the Lucene commit) and
 * drops deleted customers when the counts differ. It runs when the index opens, on the IMPORTED event, and
 * before a query whenever the database holds a newer {@code UPDATED_AT} than the watermark (one indexed
 * MAX look-up); for a server database others write to, the full check runs at most every few seconds.</li>
 * </ul>
 * An index is shared by every service on the same database in this process (one writer per folder).
 * <p>
 * On a PostgreSQL team server there is no index: every query is answered by the server ({@link ServerCustomerSearch})
 * on the user's login, so row-level security decides what is found, and the write notifications do nothing.
 */
public final class CustomerSearch implements AutoCloseable {

    /** Re-read this much before the watermark: a transaction may commit a little after it stamped its rows. */
    private static final long MARGIN_NANOS = 5_000_000_000L;
    /** A bulk write stamps its rows when it starts and may commit minutes later: re-read that much on IMPORTED. */
    private static final long IMPORT_MARGIN_NANOS = 15 * 60 * 1_000_000_000L;
    private static final long SERVER_CHECK_NANOS = 5_000_000_000L;
    /** Customers read back at once where their ids are dense (see {@link #inGroups}). */
    private static final int REBUILD_GROUP = 5_000;
    /** Customers read back at once where their ids are sparse. */
    private static final int CATCH_UP_GROUP = 500;
    /** How long {@link #close} waits for a bulk write's catch-up (a million customers take about two minutes). */
    private static final long IMPORT_CATCH_UP_WAIT_MILLIS = 30 * 60 * 1000L;

    /**
     * Lucene says on every start that the JDK's incubating vector module is not enabled (it only speeds up vector
     * search, which the customer index does not use); on the command line that line reached every script's standard
     * error. Held here, because java.util.logging keeps its loggers only weakly.
     */
    @SuppressWarnings("unused")
    private static final java.util.logging.Logger LUCENE_VECTORIZATION = quiet("org.apache.lucene.internal.vectorization");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** One index per database in this process: by folder, or by URL for an in-memory database. */
    private static final Map<String, CustomerSearch> SHARED = new ConcurrentHashMap<>();

    private final DatabaseSettings settings;
    private final Path folder;
    /** Completed when the index can answer; replaced after a failed opening, so the next query tries again. */
    private volatile CompletableFuture<CustomerIndex> ready = new CompletableFuture<>();
    private volatile boolean catchingUp;
    /** This process's writes committed while the index was opening, applied by the opening before it answers. */
    private final java.util.Queue<IndexWork<Void>> deferred = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Whether the last opening compared the counts (see {@link #compareCountsAfterFirstView}). */
    private boolean countsCompared = true;
    private volatile java.util.function.IntConsumer onCaughtUpBehindTheBack;
    /** Catch-ups of bulk writes scheduled and not yet finished: until then the index lacks their rows. */
    private final java.util.concurrent.atomic.AtomicInteger pendingImports = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Customers {@link #writtenInBackground} has still to index, as its file beside the index records them, each with
     * the number of its latest recording (guarded by itself).
     */
    private final Map<Long, Long> stale = new java.util.TreeMap<>();
    private long staleWrites;
    /** Those catch-up jobs, which {@link #close} lets finish, so that the next start finds the index current. */
    private final Set<Job> importJobs = ConcurrentHashMap.newKeySet();
    /** A bulk write's catch-up is scheduled and has not started: another announcement of a bulk write adds nothing. */
    private final java.util.concurrent.atomic.AtomicBoolean importQueued = new java.util.concurrent.atomic.AtomicBoolean();
    /** Set by {@link #close}: a rebuild in progress stops at its next group. */
    private volatile boolean closed;
    private volatile long lastBuildMillis = -1;
    /** How many customers the last catch-up indexed (for the start-up times). */
    private volatile long lastCatchUp;
    private volatile int lastOpeningCaughtUp = -1;
    private volatile int lastImportCaughtUp = -1;
    private long lastFullCheck = System.nanoTime();
    private Connection connection;
    /** The server's own search, on a team server; null on Derby, where the index answers. */
    private ServerCustomerSearch server;

    private CustomerSearch(DatabaseSettings settings, Path folder) {
        this.settings = settings;
        this.folder = folder;
    }

    /** Whether the database answers searches itself (a team server) instead of the index. */
    private boolean onServer() {
        return settings.dialect() == DatabaseSettings.Dialect.POSTGRESQL;
    }

    /** Runs a search on the server, over the index's connection (re-opened if it broke). */
    private <T> T onServer(ServerWork<T> work) {
        try {
            ServerCustomerSearch search;
            synchronized (this) {
                Connection c = connection();
                if (server == null || server.connection() != c) {
                    server = new ServerCustomerSearch(c);
                }
                search = server;
            }
            return work.apply(search);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private interface ServerWork<T> {
        T apply(ServerCustomerSearch search) throws SQLException;
    }

    /** The index of this database, opened (or rebuilt) in the background on first call. */
    public static CustomerSearch of(DatabaseSettings settings) {
        Path folder = settings.searchIndexFolder();
        CustomerSearch search = SHARED.computeIfAbsent(key(settings, folder), k -> new CustomerSearch(settings, folder));
        search.start();
        return search;
    }

    private static String key(DatabaseSettings settings, Path folder) {
        return folder == null ? settings.displayName() : folder.toString();
    }

    private synchronized void start() {
        if (onServer()) {
            return; // the server searches: no index to open
        }
        if (catchingUp || ready.isDone() && !ready.isCompletedExceptionally() || closed) {
            return;
        }
        if (ready.isCompletedExceptionally()) {
            ready = new CompletableFuture<>(); // a failed opening (a full disk, a locked folder) is tried again, not kept
        }
        CompletableFuture<CustomerIndex> ready = this.ready;
        catchingUp = true;
        Job job = job(Messages.Search_openJob, (IProgressMonitor monitor) -> {
            try {
                long opening = System.nanoTime();
                CustomerIndex index = openOrRebuild();
                if (Boolean.getBoolean("salesbench.startup.times")) {
                    // beside the database's SALESBENCH-DATABASE line: what the first list query waited for after it
                    System.out.println("SALESBENCH-SEARCH: opened=" + (System.nanoTime() - opening) / 1_000_000 + " caughtUp=" + lastCatchUp
                            + " rebuilt=" + (lastBuildMillis >= 0));
                }
                synchronized (CustomerSearch.this) {
                    applyDeferred(index); // writes committed while it opened
                    catchingUp = false; // before the queries waiting for it go on
                    ready.complete(index);
                }
                synchronized (CustomerSearch.this) {
                    applyDeferred(index); // a write that saw the index still opening after the first pass
                }
                if (!countsCompared) {
                    compareCountsAfterFirstView(index);
                }
                warmUp();
            } catch (Throwable e) {
                catchingUp = false;
                deferred.clear(); // the next opening rebuilds from the table, which has them
                ready.completeExceptionally(e);
                return Status.error(Messages.Search_failed, e);
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.setPriority(Job.LONG);
        job.schedule();
    }

    /**
     * The opening's comparison of the counts and id sets (customers deleted or written behind the index's back), held
     * by a workbench start until its first view painted ({@link AfterFirstView}), in a job of {@link #FAMILY}. When it
     * found the index behind, {@link #onCaughtUpBehindTheBack} hears how many customers it re-read, so lists ask again.
     */
    private void compareCountsAfterFirstView(CustomerIndex index) {
        Job job = job(Messages.Search_catchUpJob, (IProgressMonitor monitor) -> {
            int reread;
            synchronized (CustomerSearch.this) {
                if (closed) {
                    return Status.OK_STATUS;
                }
                try {
                    reread = catchUp(index, true);
                } catch (IOException | SQLException | RuntimeException e) {
                    // a cache not compared: the next opening compares it
                    System.getLogger(CustomerSearch.class.getName()).log(System.Logger.Level.WARNING,
                            "Customer search index not compared with the database after the first view; the next start compares it", e);
                    return Status.OK_STATUS;
                }
            }
            java.util.function.IntConsumer listener = onCaughtUpBehindTheBack;
            if (reread > 0 && listener != null) {
                listener.accept(reread);
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        AfterFirstView.schedule(job, java.time.Duration.ZERO);
    }

    /**
     * Told how many customers the index re-read when a comparison after the first view found it behind the database
     * (written or deleted by something that did not tell this index), so that lists showing it ask again.
     */
    public void onCaughtUpBehindTheBack(java.util.function.IntConsumer listener) {
        onCaughtUpBehindTheBack = listener;
    }

    /** A word to warm the text search with when the index has no customer to take one from. */
    private static final String WARM_UP_WORD = "qz";
    /** After the list's first page has painted ({@link AfterFirstView}), which needs the cores more. */
    private static final long WARM_UP_DELAY_MILLIS = 1_500;
    /** The first letters of a word, as a user types them before the list answers. */
    private static final int WARM_UP_PREFIX = 3;

    /**
     * Once the index answers and the first view has painted ({@link AfterFirstView}: at once in the command line and
     * tests), a little after: text filters' count, first page and id snapshot, as the list asks them, so that the first
     * filter a user types after a start reads index files already in memory and runs code already compiled, and is as
     * quick as the later ones. The words are the first customer's first word, typed part way and whole, so they match
     * real customers: postings read, matches collected, sorted and their rows read (a word nobody has warms none of it).
     * Not of {@link #FAMILY}: nothing waits for it.
     */
    private void warmUp() {
        Job job = new Job(Messages.Search_openJob) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    for (String word : warmUpWords()) {
                        if (closed || monitor.isCanceled()) {
                            break;
                        }
                        CustomerFilter filter = CustomerFilter.text(word);
                        count(filter);
                        page(filter, CustomerSort.DEFAULT, 0, 100);
                        ids(filter, CustomerSort.DEFAULT);
                    }
                } catch (RuntimeException closedMeanwhile) {
                    // only a warm-up: the next real query opens or reports what is wrong
                }
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        job.setPriority(Job.DECORATE);
        AfterFirstView.schedule(job, java.time.Duration.ofMillis(WARM_UP_DELAY_MILLIS));
    }

    private List<String> warmUpWords() {
        List<CustomerRow> first = closed ? List.of() : page(CustomerFilter.ALL, CustomerSort.DEFAULT, 0, 1);
        List<String> words = first.isEmpty() ? List.of() : org.salesbench.customers.internal.SearchTerms.queryWords(first.get(0).name());
        if (words.isEmpty()) {
            return List.of(WARM_UP_WORD);
        }
        String word = words.get(0);
        return word.length() > WARM_UP_PREFIX ? List.of(word.substring(0, WARM_UP_PREFIX), word) : List.of(word);
    }

    /** The family of this class's background jobs, for {@code Job.getJobManager().join(FAMILY, null)}. */
    public static final Object FAMILY = CustomerSearch.class;

    private static Job job(String name, org.eclipse.core.runtime.jobs.IJobFunction work) {
        return new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return work.run(monitor);
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
    }

    /** Whether the index is being built or catching up, or a bulk write's catch-up is scheduled (queries then wait for it). */
    public boolean isCatchingUp() {
        return !onServer() && catchingUp || !ready.isDone() || pendingImports.get() > 0;
    }

    /**
     * Whether a bulk write's catch-up is scheduled or running: the index then lacks rows that have committed, and
     * look-ups that must not miss one ask the database instead of waiting (the catch-up may wait for their locks).
     */
    public boolean isBulkWritePending() {
        return pendingImports.get() > 0;
    }

    /**
     * Whether name look-ups ({@link #idsNamed}) had better read the table now than the index: a bulk write's catch-up
     * is pending (the index lacks committed rows), or, on Derby, the index is not open yet: its build reads every
     * customer and could wait for locks the caller's transaction holds while the caller waited for it. A failed
     * opening is tried again meanwhile.
     */
    public boolean namesFromTable() {
        if (onServer()) {
            return false; // idsNamed asks the server
        }
        if (isBulkWritePending() || !deferred.isEmpty()) {
            return true;
        }
        if (!derby()) {
            return false;
        }
        if (ready.isCompletedExceptionally()) {
            start();
        }
        return !ready.isDone() || ready.isCompletedExceptionally();
    }

    /**
     * Waits until the index has opened (or failed to; the next query tries again). A bulk load calls it before its first
     * chunk: Derby's bulk insert into an empty table gives the table and its indexes new conglomerates, and an opening
     * reading the table at that moment failed with "conglomerate does not exist", and so did its retries.
     */
    public void awaitOpened() {
        if (onServer()) {
            return;
        }
        try {
            ready.join();
        } catch (CompletionException e) {
            // a failed opening is tried again by the next query
        }
    }

    /**
     * How many customers the last bulk write's catch-up ({@link #imported}) re-read from the database: 0 when the load
     * indexed its customers itself ({@link #indexBesideLoad}, {@link #bulkWritten}); -1 before the first.
     */
    public int lastImportCaughtUp() {
        return lastImportCaughtUp;
    }

    /** How long the last rebuild from the database took, in milliseconds, or -1 if this process built none. */
    public long lastBuildMillis() {
        return lastBuildMillis;
    }

    /**
     * How many customers the last opening of the index in this process re-read from the database to catch up (0: the
     * index was current), or -1 if none opened or it was rebuilt.
     */
    public int lastOpeningCaughtUp() {
        return lastOpeningCaughtUp;
    }

    /** Waits until the index can answer, then brings it up to date with the database. */
    public void awaitCurrent() {
        if (!onServer()) {
            index();
        }
    }

    private CustomerIndex openOrRebuild() throws IOException, SQLException {
        Directory directory;
        boolean rebuild;
        if (folder == null) {
            directory = new ByteBuffersDirectory();
            rebuild = true;
        } else {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            try {
                rebuild = !CustomerIndex.isCurrentSchema(directory);
            } catch (IOException | RuntimeException unreadable) {
                rebuild = true; // a damaged index is only a cache: build it again
            }
        }
        CustomerIndex index;
        try {
            index = CustomerIndex.open(directory, rebuild);
        } catch (IOException | RuntimeException unreadable) {
            if (rebuild) {
                throw unreadable;
            }
            index = CustomerIndex.open(directory, true);
            rebuild = true;
        }
        try {
            synchronized (this) {
                if (rebuild) {
                    rebuild(index);
                }
                // in the workbench before its first view painted, the comparison of the counts (a COUNT(*) over the
                // table: 2 s of CPU with a million customers) waits for that paint; the first page needs the watermark only
                countsCompared = rebuild || !AfterFirstView.holding();
                int caughtUp = catchUp(index, countsCompared);
                lastOpeningCaughtUp = rebuild ? -1 : caughtUp;
                indexStaleFile(index, rebuild);
            }
            return index;
        } catch (IOException | SQLException | RuntimeException e) {
            index.close(); // releases the folder's write lock for the next attempt
            throw e;
        }
    }

    private void rebuild(CustomerIndex index) throws IOException, SQLException {
        long start = System.nanoTime();
        Connection c = connection();
        long watermark = maxUpdatedAt(c, hint("IX_SB_CUSTOMER_UPDATED"));
        long[] ids = longs(c, "SELECT ID FROM SB_CUSTOMER WHERE " + SoftDeletion.notDeleted(null) + " ORDER BY ID");
        inGroups(index, c, ids, (group, loaded) -> index.add(loaded));
        index.commit(watermark);
        lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
        // for diagnosis only: the command line prints every INFO line on standard error
        System.getLogger(CustomerSearch.class.getName()).log(System.Logger.Level.DEBUG,
                "Customer search index built: " + ids.length + " customers in " + lastBuildMillis + " ms");
    }

    private static void finish(java.util.concurrent.Future<Void> indexing) throws IOException {
        try {
            indexing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while indexing customers", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private boolean derby() {
        return settings.dialect() != DatabaseSettings.Dialect.POSTGRESQL;
    }

    /** A Derby hint naming the index to read (a comment elsewhere): see {@link CustomerLoader}. */
    private String hint(String index) {
        return derby() ? " --DERBY-PROPERTIES index=" + index + "\n" : "";
    }

    /**
     * Indexes what changed in the database after the watermark; with {@code full}, also compares the counts and,
     * when they differ, the id sets (customers deleted or written behind the index's back).
     */
    private int catchUp(CustomerIndex index, boolean full) throws IOException, SQLException {
        return catchUp(index, full, MARGIN_NANOS);
    }

    /** Returns how many customers it re-read from the database. */
    private int catchUp(CustomerIndex index, boolean full, long margin) throws IOException, SQLException {
        Connection c = connection();
        long watermark = index.watermark();
        long newest = maxUpdatedAt(c, hint("IX_SB_CUSTOMER_UPDATED"));
        boolean changed = false;
        int reread = 0;
        if (newest > watermark || margin > MARGIN_NANOS) {
            long[][] changedSince;
            try (PreparedStatement s = c.prepareStatement("SELECT ID, UPDATED_AT FROM SB_CUSTOMER" + hint("IX_SB_CUSTOMER_UPDATED") + " WHERE UPDATED_AT >= ?")) {
                s.setTimestamp(1, timestamp(watermark == Long.MIN_VALUE ? Long.MIN_VALUE / 2 : watermark - margin));
                changedSince = idsAndStamps(s);
            }
            // the margin re-reads rows indexed already (this process's own writes): only those stamped otherwise are loaded
            long[] indexed = index.updatedAt(changedSince[0]);
            long[] stale = java.util.stream.IntStream.range(0, indexed.length).filter(i -> indexed[i] != changedSince[1][i])
                    .mapToLong(i -> changedSince[0][i]).sorted().toArray();
            put(index, c, stale);
            lastCatchUp = stale.length;
            reread += stale.length;
            changed = true;
        }
        if (full && longs(c, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE " + SoftDeletion.notDeleted(null))[0] != index.liveCount()) {
            long[] inDatabase = longs(c, "SELECT ID FROM SB_CUSTOMER WHERE " + SoftDeletion.notDeleted(null) + " ORDER BY ID");
            Arrays.sort(inDatabase);
            long[] inIndex = index.allIds();
            List<Long> gone = new ArrayList<>();
            for (long id : inIndex) {
                if (Arrays.binarySearch(inDatabase, id) < 0) {
                    gone.add(id);
                }
            }
            index.delete(gone);
            long[] added = Arrays.stream(inDatabase).filter(id -> Arrays.binarySearch(inIndex, id) < 0).toArray();
            put(index, c, added);
            reread += added.length + gone.size();
            changed = true;
        }
        if (changed) {
            index.commit(Math.max(watermark, newest));
        }
        return reread;
    }

    /** Indexes again the customers of {@code ids} (ascending) as the database holds them; those gone from it leave the index. */
    private void put(CustomerIndex index, Connection c, long[] ids) throws IOException, SQLException {
        inGroups(index, c, ids, (group, loaded) -> {
            index.put(loaded);
            // deleted since (in the recycle bin or purged, by another client too): out of the index
            if (loaded.size() < group.length) {
                Set<Long> present = loaded.stream().map(l -> l.row().id()).collect(java.util.stream.Collectors.toSet());
                index.delete(Arrays.stream(group).boxed().filter(id -> !present.contains(id)).toList());
            }
        });
    }

    private interface GroupWork {
        void apply(long[] group, List<IndexedCustomer> loaded) throws IOException;
    }

    /**
     * Reads the customers of {@code ids} (ascending) from the database a group at a time and hands each group to
     * {@code indexing}: set-wise reads of up to {@link #REBUILD_GROUP} customers where their ids are dense (a rebuild's, a
     * contacts' load's customers; one range read per table), of {@link #CATCH_UP_GROUP} where they are sparse (an IN
     * list). More than one group: the groups are indexed on a thread of their own while this one reads the next (two
     * cores' worth), and the writer is set up for a bulk build ({@link CustomerIndex#bulk}) meanwhile.
     */
    private void inGroups(CustomerIndex index, Connection c, long[] ids, GroupWork indexing) throws IOException, SQLException {
        CustomerLoader loader = new CustomerLoader(c, derby());
        if (ids.length <= CATCH_UP_GROUP) {
            indexing.apply(ids, loader.load(ids));
            return;
        }
        java.util.concurrent.ExecutorService indexer = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "Customer search indexer"));
        index.bulk(true);
        try {
            java.util.concurrent.Future<Void> previous = CompletableFuture.completedFuture(null);
            for (int from = 0, to; from < ids.length; from = to) {
                if (closed) {
                    throw new IOException("closed while indexing customers");
                }
                to = Math.min(ids.length, from + REBUILD_GROUP);
                if (ids[to - 1] - ids[from] >= 4L * (to - from)) {
                    to = Math.min(ids.length, from + CATCH_UP_GROUP); // sparse: an IN list, not a range read of rows mostly skipped
                }
                long[] group = Arrays.copyOfRange(ids, from, to);
                List<IndexedCustomer> loaded = loader.load(group);
                finish(previous);
                previous = indexer.submit(() -> {
                    indexing.apply(group, loaded);
                    return null;
                });
            }
            finish(previous);
        } finally {
            indexer.shutdownNow();
            index.bulk(false);
        }
    }

    /**
     * Catches up with a bulk write (the IMPORTED event, or the bulk load itself when it has committed): in a background
     * job, queries meanwhile still catch up first. A catch-up scheduled and not started yet covers a second call.
     * {@link #close} waits for it, so that a bulk import from the command line leaves the index current and the next
     * start shows the list at once instead of catching up first.
     */
    public void imported() {
        if (onServer() || closed || !importQueued.compareAndSet(false, true)) {
            return;
        }
        pendingImports.incrementAndGet();
        Job[] self = new Job[1];
        Job job = job(Messages.Search_catchUpJob, (IProgressMonitor monitor) -> {
            importQueued.set(false); // what commits from now on needs a catch-up of its own
            try {
                CustomerIndex index = ready.join();
                synchronized (this) {
                    catchingUp = true;
                    try {
                        // a load that indexed its chunks left no rows stamped long before they committed
                        boolean indexed = indexedImports.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                        lastImportCaughtUp = catchUp(index, true, indexed ? MARGIN_NANOS : IMPORT_MARGIN_NANOS);
                    } finally {
                        catchingUp = false;
                    }
                }
                return Status.OK_STATUS;
            } catch (Exception e) {
                return Status.error(Messages.Search_failed, e);
            } finally {
                pendingImports.decrementAndGet();
                importJobs.remove(self[0]);
            }
        });
        self[0] = job;
        importJobs.add(job);
        job.setSystem(true);
        job.schedule();
    }

    /**
     * Indexes customers a bulk load of their children (contacts) changed, after it committed, in a background job as
     * {@link #imported} catches up: the load does not wait for the index, and a query that comes before the job indexes
     * them first itself ({@link #indexStale}). {@link #close} waits for the job, as for {@link #imported}, so that a command
     * line that loaded contacts leaves the index current. The ids are kept in a file beside the index until the job has
     * committed them, so a process killed first leaves them to the next opening, which indexes them before it answers.
     */
    public void writtenInBackground(Collection<Long> ids) {
        if (onServer() || ids.isEmpty()) {
            return;
        }
        synchronized (stale) {
            for (Long id : ids) {
                stale.put(id, ++staleWrites);
            }
            saveStale();
        }
        pendingImports.incrementAndGet();
        Job[] self = new Job[1];
        Job job = job(Messages.Search_catchUpJob, (IProgressMonitor monitor) -> {
            try {
                CustomerIndex index = ready.join();
                synchronized (this) {
                    catchingUp = true;
                    try {
                        indexStale(index);
                    } finally {
                        catchingUp = false;
                    }
                }
                return Status.OK_STATUS;
            } catch (Exception e) {
                return Status.error(Messages.Search_failed, e); // the ids stay in the file: the next opening indexes them
            } finally {
                pendingImports.decrementAndGet();
                importJobs.remove(self[0]);
            }
        });
        self[0] = job;
        importJobs.add(job); // close waits for it: a command line that loaded contacts leaves the index current
        job.setSystem(true);
        job.schedule();
    }

    /**
     * Indexes new customers of a bulk load's chunk just committed, as the load wrote them (nothing read back), all
     * stamped {@code stamp} ({@code UPDATED_AT}), and moves the watermark up to that stamp. What else the database
     * changed between the old watermark and the new one (less the margin) is read and indexed first, as a catch-up
     * would, so the watermark still means "everything stamped before it is indexed"; that window holds about one chunk
     * of the load, so each of its rows is read once as a stamp, never indexed again. A chunked load thus keeps the index
     * current as it commits: a start after a kill catches up with the last chunks only, not with everything the killed
     * load committed (210,000 customers took minutes). The customers' stamps let a catch-up tell a row changed since
     * (its stamp differs) from the indexed one.
     */
    public void bulkWritten(Collection<IndexedCustomer> customers, java.time.Instant stamp) {
        if (onServer()) {
            return;
        }
        long nanos = CustomerIndex.epochNanos(stamp);
        update(index -> {
            index.put(customers);
            commitUpTo(index, nanos);
            return null;
        });
    }

    /**
     * Commits the index with its watermark moved up to {@code nanos}, after indexing what else the database changed
     * between the old watermark and that stamp ({@link #catchUpWindow}), so that the watermark still means "everything
     * stamped before it is indexed". The caller holds this object's lock.
     */
    private void commitUpTo(CustomerIndex index, long nanos) throws IOException, SQLException {
        long watermark = index.watermark();
        if (nanos > watermark) {
            catchUpWindow(index, watermark, nanos);
        }
        index.commit(Math.max(watermark, nanos));
    }

    /**
     * Starts indexing the new customers of a bulk load that commits once (into an empty table, {@code ImportRun.wholeIntoEmpty})
     * beside the load, from memory: see {@link LoadIndexing}. On a team server, where there is no index, it does nothing.
     */
    public LoadIndexing indexBesideLoad() {
        return new LoadIndexing();
    }

    /**
     * The new customers of a bulk load that commits once, indexed beside the load from the staged customers (nothing read
     * back), on a thread of its own: Derby's bulk insert keeps one core busy, staging the other part of the time. The
     * documents go to the index's one writer, its RAM buffer raised for the load, and are not committed until the load
     * has: {@link #committed} then commits the index once, with its watermark moved to the load's stamp, so a command
     * line that exits right after finds the index current and the next start reads nothing again. A load that ends
     * otherwise ({@link #close} without {@link #committed}) has its documents deleted again. A kill at any point leaves
     * the index's last commit, before the load or with it whole: the next opening catches up from the watermark with
     * what the database committed. (Until then, another write's commit of the index, in the same process, may commit
     * some of the load's documents early, and a search may see them: the opening's count check drops those of a load
     * that did not commit.)
     * <p>
     * {@link #add} waits while the indexer is a few batches behind, so memory stays bounded; if the indexer fails, the
     * load goes on without it and {@link #committed} answers false: the IMPORTED catch-up then reads the load back, as
     * before.
     */
    public final class LoadIndexing implements AutoCloseable {

        /** Batches handed over and not yet indexed before {@link #add} waits. */
        private static final int QUEUED = 8;
        /** The marker of the last batch in the queue, told apart by identity. */
        private static final List<java.util.function.Supplier<IndexedCustomer>> END = new ArrayList<>(0);

        private final java.util.concurrent.BlockingQueue<List<java.util.function.Supplier<IndexedCustomer>>> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(QUEUED);
        private final CompletableFuture<CustomerIndex> indexed = new CompletableFuture<>();
        /** The ids of the documents added (indexer thread; read after it ended), to delete them again if the load fails. */
        private long[] added = new long[1024];
        private int addedCount;
        private volatile boolean stopped;
        private boolean ended;
        /** The last batch was handed over ({@link #finish}). */
        private boolean finished;

        private LoadIndexing() {
            if (onServer()) {
                stopped = true;
                ended = true;
                return;
            }
            Thread indexer = new Thread(this::run, "Customer search indexer (bulk load)");
            indexer.setDaemon(true);
            indexer.start();
        }

        private void run() {
            try {
                CustomerIndex index = ready.join();
                index.bulk(true);
                try {
                    List<IndexedCustomer> documents = new ArrayList<>();
                    for (List<java.util.function.Supplier<IndexedCustomer>> group; (group = queue.take()) != END && !stopped;) {
                        documents.clear();
                        group.forEach(customer -> documents.add(customer.get()));
                        index.add(documents);
                        for (IndexedCustomer document : documents) {
                            if (addedCount == added.length) {
                                added = Arrays.copyOf(added, addedCount * 2);
                            }
                            added[addedCount++] = document.row().id();
                        }
                    }
                    if (!stopped) {
                        // the last document is in (finish(), or committed()): its segment is written now, beside the
                        // database's index builds at the end of the load, not after them in the commit
                        index.flush();
                    }
                } finally {
                    index.bulk(false);
                }
                if (stopped) {
                    throw new IOException("the bulk load ended without its customers");
                }
                indexed.complete(index);
            } catch (Throwable e) {
                stopped = true;
                queue.clear(); // add() stops waiting
                indexed.completeExceptionally(e);
            }
        }

        /** Hands the documents of a batch of new customers to the indexer (made there), waiting while it is behind. */
        public void add(List<java.util.function.Supplier<IndexedCustomer>> customers) {
            if (!customers.isEmpty()) {
                handOver(customers);
            }
        }

        /**
         * No more customers will come: the indexer writes what it holds (uncommitted) while the load finishes, rather than
         * in {@link #committed}. Staging calls it once it has handed over its last rows.
         */
        public void finish() {
            if (!ended && !finished) {
                finished = true;
                handOver(END);
            }
        }

        private void handOver(List<java.util.function.Supplier<IndexedCustomer>> customers) {
            try {
                while (!stopped && !queue.offer(customers, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    // the indexer is behind: wait, unless it has stopped
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
            }
        }

        private void stop() {
            stopped = true;
            while (!queue.offer(END)) {
                queue.clear(); // what waits unindexed is dropped anyway
            }
        }

        /**
         * After the load committed, with the stamp ({@code UPDATED_AT}) of all its new rows: waits for the indexer, then
         * commits the index with the watermark at {@code stamp}. Returns whether the index holds the load now; if not,
         * the IMPORTED catch-up must read it back.
         */
        public boolean committed(java.time.Instant stamp) {
            if (ended) {
                return false;
            }
            ended = true;
            if (!finished) {
                finished = true;
                handOver(END); // returns at once if the indexer failed
            }
            try {
                CustomerIndex index = indexed.join();
                synchronized (CustomerSearch.this) {
                    applyDeferred(index); // this process's writes first, in their order
                    commitUpTo(index, CustomerIndex.epochNanos(stamp));
                    return true;
                }
            } catch (IOException | SQLException | RuntimeException e) {
                log("Customers of a bulk load not indexed beside it; they are read back from the database", e);
                return false;
            }
        }

        /** Without {@link #committed}: stops the indexer and deletes the documents it added. */
        @Override
        public void close() {
            if (ended) {
                return;
            }
            ended = true;
            stop();
            try {
                indexed.join();
            } catch (CompletionException expected) {
                // stopped before the end, as it should
            }
            if (addedCount > 0) {
                List<Long> ids = Arrays.stream(added, 0, addedCount).boxed().toList();
                update(index -> {
                    index.delete(ids);
                    index.commit(index.watermark());
                    return null;
                });
            }
        }
    }

    private static void log(String message, Throwable e) {
        System.getLogger(CustomerSearch.class.getName()).log(System.Logger.Level.WARNING, message, e);
    }

    /**
     * The next IMPORTED event is of a bulk load that indexed its chunks as they committed ({@link #bulkWritten}): its
     * catch-up needs the usual margin only, not the long one of a load that stamped its rows when it started.
     */
    public void bulkIndexed() {
        indexedImports.incrementAndGet();
    }

    /** Bulk loads announced by {@link #bulkIndexed} whose IMPORTED event has not come yet. */
    private final java.util.concurrent.atomic.AtomicInteger indexedImports = new java.util.concurrent.atomic.AtomicInteger();

    /** Indexes what is stamped from {@code from} to before {@code to}, both less the margin, and is not indexed as stamped. */
    private void catchUpWindow(CustomerIndex index, long from, long to) throws IOException, SQLException {
        Connection c = connection();
        long[][] changed;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT ID, UPDATED_AT FROM SB_CUSTOMER" + hint("IX_SB_CUSTOMER_UPDATED") + " WHERE UPDATED_AT >= ? AND UPDATED_AT < ?")) {
            s.setTimestamp(1, timestamp(from == Long.MIN_VALUE ? Long.MIN_VALUE / 2 : from - MARGIN_NANOS));
            s.setTimestamp(2, timestamp(to - MARGIN_NANOS));
            changed = idsAndStamps(s);
        }
        long[] indexed = index.updatedAt(changed[0]);
        long[] stale = java.util.stream.IntStream.range(0, indexed.length).filter(i -> indexed[i] != changed[1][i]).mapToLong(i -> changed[0][i])
                .sorted().toArray();
        put(index, c, stale);
    }

    /**
     * Indexes the customers {@link #writtenInBackground} recorded and not indexed yet, by the job or by a query that
     * came first (it must not answer without them); the caller holds this object's lock. A customer recorded again
     * while this ran stays recorded: its second load may have committed after this read it.
     */
    private void indexStale(CustomerIndex index) throws IOException, SQLException {
        Map<Long, Long> taken;
        synchronized (stale) {
            if (stale.isEmpty()) {
                return;
            }
            taken = new java.util.TreeMap<>(stale);
        }
        put(index, connection(), taken.keySet().stream().mapToLong(Long::longValue).toArray());
        index.commit(index.watermark());
        synchronized (stale) {
            taken.forEach(stale::remove); // only those not recorded again since
            saveStale();
        }
    }

    /** The file of customers to index again ({@link #writtenInBackground}), beside the index folder; none in memory. */
    private Path staleFile() {
        return folder == null ? null : folder.resolveSibling(folder.getFileName() + ".stale");
    }

    /** Writes {@link #stale} to its file, or removes the file when it is empty; the caller holds {@code stale}. */
    private void saveStale() {
        Path file = staleFile();
        if (file == null) {
            return;
        }
        try {
            if (stale.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                long[] ids = stale.keySet().stream().mapToLong(Long::longValue).toArray();
                org.salesbench.core.io.AtomicFiles.write(file, out -> {
                    java.io.DataOutputStream data = new java.io.DataOutputStream(new java.io.BufferedOutputStream(out));
                    for (long id : ids) {
                        data.writeLong(id);
                    }
                    data.flush();
                });
            }
        } catch (IOException e) {
            System.getLogger(CustomerSearch.class.getName()).log(System.Logger.Level.WARNING,
                    "Customers to index again not recorded; they are indexed when this process's job runs", e);
        }
    }

    /** At opening: indexes the customers a process left in the stale file, then removes it (a rebuild has them). */
    private void indexStaleFile(CustomerIndex index, boolean rebuilt) throws IOException, SQLException {
        Path file = staleFile();
        if (file == null || !Files.exists(file)) {
            return;
        }
        if (!rebuilt) {
            byte[] bytes = Files.readAllBytes(file);
            java.nio.LongBuffer buffer = java.nio.ByteBuffer.wrap(bytes, 0, bytes.length - bytes.length % Long.BYTES).asLongBuffer();
            long[] ids = new long[buffer.remaining()];
            buffer.get(ids);
            Arrays.sort(ids);
            put(index, connection(), ids);
            index.commit(index.watermark());
        }
        Files.deleteIfExists(file);
    }

    /** Indexes customers this process wrote, after their transaction committed. */
    public void written(Collection<Long> ids) {
        if (onServer()) {
            return;
        }
        long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
        update(index -> {
            put(index, connection(), sorted);
            index.commit(index.watermark());
            return null;
        });
    }

    /** Drops a customer this process deleted, after the transaction committed. */
    public void deleted(long id) {
        deleted(List.of(id));
    }

    /** Drops customers this process deleted, after the transaction committed. */
    public void deleted(Collection<Long> ids) {
        if (onServer()) {
            return;
        }
        update(index -> {
            index.delete(List.copyOf(ids));
            index.commit(index.watermark());
            return null;
        });
    }

    public long count(CustomerFilter filter) {
        return count(filter, Set.of());
    }

    /**
     * How many customers match, the filter's words matching no term of a {@code hidden} source
     * ({@link org.salesbench.customers.internal.SearchTerms#SOURCES}); the same for {@link #page} and {@link #ids}.
     */
    public long count(CustomerFilter filter, Set<String> hidden) {
        if (onServer()) {
            return onServer(server -> server.count(filter, LocalDate.now(Clocks.system()), hidden));
        }
        Query query = CustomerIndex.query(filter, LocalDate.now(Clocks.system()), hidden);
        return search(index -> index.count(query));
    }

    public List<CustomerRow> page(CustomerFilter filter, CustomerSort sort, int offset, int limit) {
        return page(filter, sort, offset, limit, Set.of());
    }

    public List<CustomerRow> page(CustomerFilter filter, CustomerSort sort, int offset, int limit, Set<String> hidden) {
        if (onServer()) {
            return onServer(server -> server.page(filter, sort, offset, limit, LocalDate.now(Clocks.system()), hidden));
        }
        Query query = CustomerIndex.query(filter, LocalDate.now(Clocks.system()), hidden);
        return search(index -> index.page(query, sort, offset, limit));
    }

    public long[] ids(CustomerFilter filter, CustomerSort sort) {
        return ids(filter, sort, Set.of());
    }

    public long[] ids(CustomerFilter filter, CustomerSort sort, Set<String> hidden) {
        if (onServer()) {
            return onServer(server -> server.ids(filter, sort, LocalDate.now(Clocks.system()), hidden));
        }
        Query query = CustomerIndex.query(filter, LocalDate.now(Clocks.system()), hidden);
        return search(index -> index.ids(query, sort));
    }

    public List<CustomerRow> rows(long[] ids) {
        if (onServer()) {
            return onServer(server -> server.rows(ids));
        }
        return search(index -> index.rows(ids));
    }

    /** The tags customers carry, sorted, without repeats. */
    public List<String> tags() {
        if (onServer()) {
            return onServer(ServerCustomerSearch::tags);
        }
        return search(CustomerIndex::tags);
    }

    /**
     * The customers with exactly this search term (a phone's digits, an e-mail address), for advisory duplicate
     * checks. Answers from the index as it is, without a catch-up: callers may be inside a transaction that holds
     * locks on the very rows a catch-up would read.
     */
    public long[] idsWithTerm(String term) {
        if (onServer()) {
            return onServer(server -> server.idsWithPhoneOrEmail(term));
        }
        try {
            return ready.join().idsWithTerm(term);
        } catch (CompletionException e) {
            throw failure(e.getCause());
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * The customers indexed under any of these folded names ({@code CompanyNames.normalise}), ascending: candidates
     * for an exact name look-up, which the caller confirms in the database by id. On Derby it answers, like
     * {@link #idsWithTerm}, from the index as it is (it waits for a build, never for a catch-up, which could wait for
     * locks the caller's transaction holds): embedded, every writer is this process, whose services and imports the
     * index follows after commit, and bulk writes once {@link #isBulkWritePending()} is false again (other clients of
     * a Derby network server are seen after this client's next list query). On PostgreSQL it first catches up as a
     * list query does (readers there never wait for writers), so that what other clients committed is found.
     */
    public long[] idsWithNormalizedNames(Collection<String> normalizedNames) {
        return idsNamed(List.of(), normalizedNames);
    }

    /** {@link #idsWithNormalizedNames} of one folded name. */
    public long[] idsWithNormalizedName(String normalized) {
        return idsNamed(List.of(), List.of(normalized));
    }

    /**
     * The customers indexed under any of {@code exactNames} as their stored name or any of {@code normalizedNames} as
     * their folded name, ascending; as current as {@link #idsWithNormalizedNames}.
     */
    public long[] idsNamed(Collection<String> exactNames, Collection<String> normalizedNames) {
        if (onServer()) {
            return onServer(server -> server.idsNamed(exactNames, normalizedNames));
        }
        try {
            CustomerIndex index = derby() ? ready.join() : index();
            return index.idsNamed(exactNames, normalizedNames);
        } catch (CompletionException e) {
            throw failure(e.getCause());
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The customers indexed under any of these search terms, ascending: candidates to confirm by id, answered as {@link #idsNamed}. */
    public long[] idsWithTerms(Collection<String> terms) {
        if (onServer()) {
            return onServer(server -> server.idsWithCreditCodes(terms));
        }
        try {
            CustomerIndex index = derby() ? ready.join() : index();
            return index.idsWithTerms(terms);
        } catch (CompletionException e) {
            throw failure(e.getCause());
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private interface IndexWork<T> {
        T apply(CustomerIndex index) throws IOException, SQLException;
    }

    private <T> T search(IndexWork<T> work) {
        CustomerIndex index = index();
        try {
            return work.apply(index);
        } catch (IOException | SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Applies a change of this process's own write. While the index is being opened it waits in {@link #deferred},
     * so that a save never waits for a rebuild, and the opening applies it before the index answers: its closing
     * catch-up may have read the table just before the write committed.
     */
    private void update(IndexWork<Void> work) {
        deferred.add(work);
        CompletableFuture<CustomerIndex> current = ready;
        if (!current.isDone() || current.isCompletedExceptionally()) {
            return; // the opening applies it; a failed one is followed by a rebuild from the table
        }
        CustomerIndex index = current.join();
        synchronized (this) {
            applyDeferred(index);
        }
    }

    /** Applies the writes waiting for the index; the caller holds this object's lock. */
    private void applyDeferred(CustomerIndex index) {
        for (IndexWork<Void> work; (work = deferred.poll()) != null;) {
            try {
                work.apply(index);
            } catch (IOException | SQLException | RuntimeException e) {
                // the write itself committed: the next catch-up indexes it (its stamp is newer than the watermark)
                System.getLogger(CustomerSearch.class.getName()).log(System.Logger.Level.WARNING,
                        "Customer search index not updated after a write; it catches up on the next query", e);
            }
        }
    }

    /** The index, waiting for a rebuild, after a catch-up if the database moved past the watermark. */
    private CustomerIndex index() {
        start(); // after a failed opening, opens again
        CustomerIndex index;
        try {
            index = ready.join();
        } catch (CompletionException e) {
            throw failure(e.getCause());
        }
        synchronized (this) {
            try {
                boolean full = folder == null || settings.dialect() != DatabaseSettings.Dialect.DERBY
                        && System.nanoTime() - lastFullCheck > SERVER_CHECK_NANOS;
                if (full) {
                    lastFullCheck = System.nanoTime();
                }
                catchUp(index, full);
                indexStale(index); // a bulk load's customers whose background job has not run yet
            } catch (IOException | SQLException e) {
                throw failure(e);
            }
        }
        return index;
    }

    private static RuntimeException failure(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new DatabaseException(DatabaseException.Reason.STATEMENT, e.getMessage(), e);
    }

    /** The index's own connection (autocommit, so every read sees the newest commits); re-opened if it broke. */
    private synchronized Connection connection() throws SQLException {
        if (connection != null) {
            try {
                if (!connection.isClosed() && connection.isValid(2)) {
                    return connection;
                }
            } catch (SQLException broken) {
                // reconnect below
            }
        }
        connection = Database.connect(settings);
        connection.setAutoCommit(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return connection;
    }

    private static long maxUpdatedAt(Connection c, String hint) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(UPDATED_AT) FROM SB_CUSTOMER" + hint)) {
            rs.next();
            Timestamp t = rs.getTimestamp(1);
            return t == null ? Long.MIN_VALUE : CustomerIndex.epochNanos(t.toInstant());
        }
    }

    private static Timestamp timestamp(long epochNanos) {
        return Timestamp.from(CustomerIndex.instant(epochNanos));
    }

    private static long[] longs(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            return longs(s);
        }
    }

    /** The ids and {@code UPDATED_AT} stamps (epoch nanos) the statement selects. */
    private static long[][] idsAndStamps(PreparedStatement s) throws SQLException {
        long[] ids = new long[1024];
        long[] stamps = new long[1024];
        int n = 0;
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                    stamps = Arrays.copyOf(stamps, n * 2);
                }
                ids[n] = rs.getLong(1);
                stamps[n++] = CustomerIndex.epochNanos(rs.getTimestamp(2).toInstant());
            }
        }
        return new long[][] { Arrays.copyOf(ids, n), Arrays.copyOf(stamps, n) };
    }

    static long[] longs(PreparedStatement s) throws SQLException {
        long[] values = new long[1024];
        int n = 0;
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = rs.getLong(1);
            }
        }
        return Arrays.copyOf(values, n);
    }

    /** Closes the index, after its opening job if that still runs (it stops early), so the folder's lock is free again. */
    @Override
    public void close() {
        // a bulk write's catch-up finishes first: stopped here, the next start would have to re-read every row it wrote
        for (Job job : List.copyOf(importJobs)) {
            try {
                job.join(IMPORT_CATCH_UP_WAIT_MILLIS, null); // returns at once when the job manager has shut down
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closed = true;
        SHARED.remove(key(settings, folder), this);
        CustomerIndex index = null;
        try {
            // bounded: when the job manager is already shut down (the workbench exits) the job never runs
            if (!onServer()) { // on a server no index opens
                index = ready.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | java.util.concurrent.CancellationException e) {
            // it never opened, or closed itself on the failure
        }
        synchronized (this) {
            try {
                if (index != null) {
                    index.close();
                }
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
            } catch (IOException | SQLException e) {
                // closing a cache: nothing to save
            }
        }
    }
}
