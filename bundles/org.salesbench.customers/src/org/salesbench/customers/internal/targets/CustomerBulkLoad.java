package org.salesbench.customers.internal.targets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.customers.internal.search.IndexedCustomer;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.BulkWriter;
import org.salesbench.importexport.targets.BulkChunks;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.ImportRun;
import org.salesbench.importexport.targets.RunExternalIds;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.persistence.SequenceIds;
import org.salesbench.importexport.targets.DerbyBulkInsert;
import org.salesbench.importexport.targets.WritableFields;

/**
 * New customers of a large import, loaded with Derby's bulk insert while the file is still being read, and committed in
 * chunks ({@link BulkChunks}, {@link ImportRun#chunkRows} customers each, default 10,000): a chunk's customers, their
 * tags and external ids and the run's record (how far the file is committed) go in one transaction, on a loader thread
 * of its own while staging goes on. So a crash (a kill, a power cut) leaves at most one chunk for Derby's recovery to
 * undo, never the whole load (a killed 1,000,000-row load in one transaction took Derby 103 s to undo at the next
 * start), every committed chunk is whole, and the next run of the same file resumes after the last one. A run that must
 * end with nothing (all-or-nothing with a failed row, a cancel, a load the database refused) removes its committed
 * chunks again by their reserved ids, newest first. The first chunk into an empty table is Derby's real bulk load (a
 * new heap, indexes sorted once); later ones are inserted row by row, logged, which is what bounds their undo. The keys
 * the run matches on are read once into hash maps, so matching costs no query per row; every row is validated by
 * {@link CustomerService#validate} on a plain {@link Customer} (no entity manager). Ids are reserved from SB_SEQUENCE
 * per batch. Rows of the same run never match each other here: the engine rejects duplicates inside the file first.
 * <p>
 * Each committed chunk goes to the customer search index on the loader thread before the next one loads, from the
 * staged customers (nothing read back), and moves the index's watermark to the chunk's stamp: so after a kill the next
 * start's catch-up reads the last chunks, not everything the killed load committed. The chunk's external ids are
 * written with {@link RunExternalIds}, which reads the entity's existing ones once per run.
 * <p>
 * Into an empty SB_CUSTOMER (a first import, a move-in) the run is not chunked ({@link ImportRun#wholeIntoEmpty}): the
 * customers stream into one Derby bulk insert on the loader thread as staging hands them over, then the tags, external
 * ids and the run's record, in one transaction. Derby writes the empty table a new heap and indexes unlogged there, so
 * the load costs what main's single bulk load cost (chunks after the first went into a table no longer empty, row by
 * row and logged: nine times slower at 100,000 rows), and a kill leaves Derby nothing to undo but the new conglomerates.
 * A kill then commits nothing, and the same command starts the file again. Such a load's customers are indexed beside
 * it from the staged customers on a thread of their own ({@link CustomerSearch#indexBesideLoad}), and go into the search
 * index with one commit after the load's: the command line exits with the index current, without reading the load
 * back (which took about 100 s at 1,000,000 customers).
 */
final class CustomerBulkLoad implements BulkWriter.Staging {

    private static final List<String> CUSTOMER_COLUMNS = List.of("ID", "VERSION", "CREATED_AT", "CREATED_BY", "UPDATED_AT", "UPDATED_BY",
            "OWNER", "NAME", "SHORT_NAME", "CREDIT_CODE", "NORMALIZED_NAME", "INDUSTRY", "REGION", "ADDRESS", "COMPANY_SIZE", "GRADE", "SOURCE",
            "STATUS", "NEXT_FOLLOW_UP", "NEEDS", "NOTES");
    private static final List<String> TAG_COLUMNS = List.of("CUSTOMER_ID", "TAG");
    /** Whole load: batches staged but not yet inserted before staging waits for the loader (rides out its index sorts). */
    private static final int BATCHES_AHEAD = 4;

    /** One chunk: whole customers with their tags and external ids, and their search documents, all stamped {@code stamp}. */
    private record Chunk(List<Object[]> customers, List<Object[]> tags, Map<String, Long> externalIds, List<IndexedCustomer> indexed,
            Instant stamp) {
    }

    private final UnitOfWork unitOfWork;
    private final CustomerService service;
    private final DomainEventPublisher events;
    private final MatchPolicy match;
    private final CustomersTarget.Codes codes;
    private final CustomersTarget target = new CustomersTarget();
    /** Existing record id by normalised key value, per key field the run matches on. */
    private final Map<String, Map<String, Long>> existing = new HashMap<>();
    private final BulkChunks<Chunk> chunks;
    private final int chunkRows = ImportRun.chunkRows();
    /** The chunk being staged. */
    private List<Object[]> customerRows = new ArrayList<>();
    private List<Object[]> tagRows = new ArrayList<>();
    private Map<String, Long> externalIds = new HashMap<>();
    private List<IndexedCustomer> indexed = new ArrayList<>();
    /** The chunk's reserved id ranges, first and last, for {@link #undo}. */
    private List<long[]> idRanges = new ArrayList<>();
    /** The last file row staged (of the chunk being staged or before it); 0 before the first. */
    private long lastRow;
    /** The last file row of the chunks handed to the loader. */
    private long submittedRow;
    private final String login;
    /** The customer fields the user may only read or not see, resolved once for the run: a new row may not set them. */
    private final WritableFields rules;
    /**
     * Created and updated time of the chunk's new rows, taken when its first row is staged: each chunk has its own, so
     * that the search index, which follows each chunk as it commits, moves its watermark (the newest UPDATED_AT it
     * follows) chunk by chunk, and a catch-up after a kill re-reads the last chunks only.
     */
    private Timestamp now;
    private final CustomerSearch search;
    private final RunExternalIds runExternalIds = new RunExternalIds(CustomersTarget.ENTITY);
    /** Whether a chunk, or the whole load, went to the search index (then the IMPORTED event needs no long catch-up). */
    private volatile boolean indexedChunks;
    private int staged;
    private boolean loaded;
    /**
     * Into an empty SB_CUSTOMER the run is one transaction, not chunks ({@link ImportRun#wholeIntoEmpty}): Derby's bulk
     * insert then writes a new heap and indexes unlogged while staging goes on, and a kill leaves nothing to undo. Decided
     * with the first rows staged ({@link #decideWhole}); false until then.
     */
    private boolean whole;
    private boolean wholeDecided;
    /** SB_CUSTOMER is empty and the run resumes nothing: the whole load applies unless the external ids forbid it. */
    private final boolean wholeCandidate;
    /** The customers' external-id table ({@link ExternalIds#table}) holds rows (of any entity) when the run starts. */
    private final boolean externalIdsHeld;
    private final ImportRun run;
    private DerbyBulkInsert wholeCustomers;
    /** Read only once the customers are in: it waits in memory. */
    private DerbyBulkInsert wholeTags;
    private java.util.concurrent.CompletableFuture<Void> wholeLoading;
    /** The whole load's customers indexed beside it ({@link CustomerSearch#indexBesideLoad}). */
    private CustomerSearch.LoadIndexing wholeIndexing;
    /** The documents of the batch being staged, handed to {@link #wholeIndexing} with its rows. */
    private List<java.util.function.Supplier<IndexedCustomer>> wholeIndexed = new ArrayList<>();

    /**
     * @param run the run's record, advanced with each chunk, or {@code null} to keep none
     * @param codes the picklist codes (industry, size, source) for what a row says
     */
    CustomerBulkLoad(UnitOfWork unitOfWork, CustomerService service, SecurityService security, DomainEventPublisher events, MatchPolicy match,
            ImportRun run, CustomersTarget.Codes codes) {
        this.codes = codes;
        security.check(Action.CREATE, CustomersTarget.ENTITY, null);
        this.unitOfWork = unitOfWork;
        this.search = CustomerSearch.of(unitOfWork.settings());
        search.awaitOpened(); // before the first chunk's bulk insert, which may replace the table's conglomerates under it
        this.chunks = new BulkChunks<Chunk>(unitOfWork, run, "Salesbench customer bulk load", this::load).afterCommit(this::index);
        this.run = run;
        this.wholeCandidate = ImportRun.wholeIntoEmpty() && (run == null || run.resumedAfterRow() == 0)
                && unitOfWork.read(em -> em.createNativeQuery("SELECT 1 FROM SB_CUSTOMER FETCH FIRST 1 ROWS ONLY").getResultList().isEmpty());
        this.externalIdsHeld = wholeCandidate
                && unitOfWork.read(em -> ExternalIds.tableHoldsRows(em, CustomersTarget.ENTITY));
        this.service = service;
        this.events = events;
        this.match = match;
        this.login = security.currentUser().login();
        this.rules = WritableFields.of(security, Customer.ENTITY);
        if (match.onMatch() != OnMatch.CREATE) {
            unitOfWork.write(em -> { // a transaction, so the entity manager hands out its connection
                try {
                    readExistingKeys(em.unwrap(Connection.class));
                } catch (SQLException e) {
                    throw new PersistenceException(e.getMessage(), e);
                }
                return null;
            });
        }
    }

    private void readExistingKeys(Connection connection) throws SQLException {
        for (String key : match.keys()) {
            if (!key.equals(CustomersTarget.CREDIT_CODE) && !key.equals(CustomersTarget.NAME)) {
                existing.put(key, ExternalIds.all(connection, CustomersTarget.ENTITY, "SB_CUSTOMER"));
                continue;
            }
            Map<String, Long> ids = new HashMap<>();
            String sql = key.equals(CustomersTarget.CREDIT_CODE) ? "SELECT CREDIT_CODE, ID FROM SB_CUSTOMER WHERE CREDIT_CODE IS NOT NULL"
                    : "SELECT NORMALIZED_NAME, ID FROM SB_CUSTOMER";
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.merge(rs.getString(1), rs.getLong(2), Math::min); // the oldest record, as the per-batch look-up finds it
                }
            }
            existing.put(key, ids);
        }
    }

    /**
     * Whether the run is one whole load, once its first rows are seen. Derby's bulk insert is unlogged only into an empty
     * table: a file that maps external ids, loaded whole while the customers' external-id table holds rows (other kinds' ids, or
     * those of customers since purged), would insert every one of its external ids logged, row by row, in the load's one
     * transaction, and a kill in that phase would leave Derby all of them to undo at the next start (about what the old
     * one-transaction load left). Such a run commits in chunks instead: each chunk's undo is bounded, and the first chunk
     * into the empty SB_CUSTOMER is still Derby's bulk load.
     */
    private void decideWhole(List<ImportRow> rows) {
        if (wholeDecided) {
            return;
        }
        wholeDecided = true;
        whole = wholeCandidate && !(externalIdsHeld && rows.stream().anyMatch(row -> row.has(CustomersTarget.EXTERNAL_ID)));
    }

    /** Whether the run loads whole, in one transaction, rather than in chunks (known once the first rows are staged). */
    boolean loadsWhole() {
        return whole;
    }

    @Override
    public List<RowOutcome> stage(List<ImportRow> rows) {
        decideWhole(rows);
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        List<Customer> creates = new ArrayList<>();
        List<Integer> createIndexes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            Customer customer = new Customer();
            CustomersTarget.apply(row, customer, CustomersTarget.Codes.AS_WRITTEN);
            CustomersTarget.prepare(customer);
            long matched = matchOf(row, customer);
            if (matched != 0) {
                outcomes[i] = match.onMatch() == OnMatch.SKIP ? RowOutcome.skipped(matched) : null;
                continue;
            }
            // the picklists' codes once the row is to be written (an unknown value is noted or added only then)
            codes.applyTo(customer);
            RowOutcome unwritable = rules.refusal(row, customer, null);
            if (unwritable != null) {
                outcomes[i] = unwritable;
                continue;
            }
            try {
                service.validate(customer);
                creates.add(customer);
                createIndexes.add(i);
            } catch (ValidationException e) {
                outcomes[i] = RowOutcome.failed(e.getErrors());
            }
        }
        if (!rows.isEmpty()) {
            lastRow = rows.get(rows.size() - 1).number();
        }
        if (!creates.isEmpty()) {
            long first = reserveIds(creates.size());
            if (now == null || !whole && customerRows.isEmpty()) {
                now = Timestamp.from(Instant.now(Clocks.system()));
            }
            for (int k = 0; k < creates.size(); k++) {
                long id = first + k;
                rows(id, creates.get(k), customerRows, tagRows);
                int i = createIndexes.get(k);
                outcomes[i] = RowOutcome.created(id);
                String external = rows.get(i).text(CustomersTarget.EXTERNAL_ID);
                if (external != null && !external.isBlank()) {
                    externalIds.put(external.strip(), id);
                }
            }
            staged += creates.size();
            if (whole) {
                startWhole();
                wholeCustomers.add(customerRows);
                wholeTags.add(tagRows);
                wholeIndexing.add(wholeIndexed);
                customerRows = new ArrayList<>();
                tagRows = new ArrayList<>();
                wholeIndexed = new ArrayList<>();
            } else if (customerRows.size() >= chunkRows) {
                submitChunk();
            }
        }
        return Arrays.asList(outcomes);
    }

    /**
     * The existing customer the row matches on the first of the run's keys that finds one, or 0. The name and
     * credit code come from the prepared customer, normalised as {@link CustomersTarget#normaliseKey} does it
     * (folding a name is most of what staging a row costs: it is done once).
     */
    private long matchOf(ImportRow row, Customer prepared) {
        if (match.onMatch() == OnMatch.CREATE) {
            return 0;
        }
        for (String key : match.keys()) {
            String value = switch (key) {
            case CustomersTarget.NAME -> row.get(key) == null ? null : prepared.getNormalizedName();
            case CustomersTarget.CREDIT_CODE -> row.get(key) == null ? null : prepared.getCreditCode();
            default -> target.normaliseKey(key, row.get(key));
            };
            if (value != null && !value.isEmpty()) {
                Long id = existing.get(key).get(value);
                if (id != null) {
                    return id;
                }
            }
        }
        return 0;
    }

    private long reserveIds(int count) {
        long first = unitOfWork.write(em -> {
            try {
                return SequenceIds.reserve(em.unwrap(Connection.class), count);
            } catch (SQLException e) {
                throw new PersistenceException(e.getMessage(), e);
            }
        });
        idRanges.add(new long[] { first, first + count - 1 });
        return first;
    }

    /** The customer's row in {@link #CUSTOMER_COLUMNS} order, and its tag rows. */
    private void rows(long id, Customer c, List<Object[]> customerRows, List<Object[]> tagRows) {
        String owner = c.getOwner() == null ? login : c.getOwner();
        Instant stamp = now.toInstant();
        if (whole) { // its document is made on the indexer's thread
            wholeIndexed.add(() -> IndexedCustomer.written(id, c, owner, stamp));
        } else {
            indexed.add(IndexedCustomer.written(id, c, owner, stamp));
        }
        customerRows.add(new Object[] { id, 1L, now, login, now, login, owner, c.getName(), c.getShortName(),
                c.getCreditCode(), c.getNormalizedName(), c.getIndustry(), c.getRegion(), c.getAddress(),
                c.getSize(), c.getGrade(), c.getSource(), c.getStatus().name(),
                c.getNextFollowUp() == null ? null : java.sql.Date.valueOf(c.getNextFollowUp()), c.getNeeds(), c.getNotes() });
        for (String tag : c.getTags()) {
            tagRows.add(new Object[] { id, tag });
        }
    }

    /**
     * Starts the whole load's loader once: the customers as staging hands them over, then the tags, then the external
     * ids and the run's record, in one transaction that commits when staging has finished ({@link #load}).
     */
    private void startWhole() {
        if (wholeLoading != null) {
            return;
        }
        wholeCustomers = new DerbyBulkInsert("SB_CUSTOMER", CUSTOMER_COLUMNS, BATCHES_AHEAD);
        wholeTags = new DerbyBulkInsert("SB_CUSTOMER_TAG", TAG_COLUMNS, 0);
        wholeIndexing = search.indexBesideLoad();
        wholeLoading = new java.util.concurrent.CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                long[] through = new long[2]; // the file row and records committed, known once staging has finished
                unitOfWork.write(em -> {
                    Connection connection = em.unwrap(Connection.class);
                    try {
                        wholeCustomers.insert(connection);
                        wholeTags.insert(connection);
                        // complete now: staging handed over its last rows before it finished the inserts
                        runExternalIds.put(connection, externalIds);
                        through[0] = lastRow;
                        through[1] = (run == null ? 0 : run.records()) + staged;
                        if (run != null) {
                            run.record(connection, through[0], through[1]);
                        }
                    } catch (SQLException e) {
                        throw new PersistenceException(e.getMessage(), e);
                    }
                    return null;
                });
                if (run != null) {
                    run.committed(through[0], through[1]);
                }
                wholeLoading.complete(null);
            } catch (Throwable e) {
                wholeCustomers.stop(); // staging must not wait for a loader that is gone
                wholeTags.stop();
                wholeLoading.completeExceptionally(e);
            }
        }, "Salesbench customer bulk load");
        loader.setDaemon(true);
        loader.start();
    }

    /** Hands the chunk staged so far to the loader (whole batches: a chunk ends where a batch does). */
    private void submitChunk() {
        if (customerRows.isEmpty() && lastRow == submittedRow) {
            return;
        }
        chunks.submit(new Chunk(customerRows, tagRows, externalIds, indexed, now == null ? null : now.toInstant()), lastRow, customerRows.size(),
                idRanges);
        submittedRow = lastRow;
        customerRows = new ArrayList<>();
        tagRows = new ArrayList<>();
        externalIds = new HashMap<>();
        indexed = new ArrayList<>();
        idRanges = new ArrayList<>();
    }

    /**
     * On the loader's connection, in the chunk's transaction: the customers, then their tags, then their external ids
     * (the entity's existing ones read once per run, not per chunk).
     */
    private void load(Connection connection, Chunk chunk) throws SQLException {
        insert(connection, "SB_CUSTOMER", CUSTOMER_COLUMNS, chunk.customers());
        insert(connection, "SB_CUSTOMER_TAG", TAG_COLUMNS, chunk.tags());
        runExternalIds.put(connection, chunk.externalIds());
    }

    /** On the loader thread once the chunk committed, before the next one loads: its customers into the search index. */
    private void index(Chunk chunk) {
        if (!chunk.indexed().isEmpty()) {
            search.bulkWritten(chunk.indexed(), chunk.stamp());
            indexedChunks = true;
        }
    }

    private static void insert(Connection connection, String table, List<String> columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (DerbyBulkInsert insert = new DerbyBulkInsert(table, columns, 0)) {
            insert.add(rows);
            insert.finish();
            insert.insert(connection);
        }
    }

    @Override
    public int staged() {
        return staged;
    }

    @Override
    public void load() throws ImportException {
        if (whole) {
            if (wholeLoading == null) {
                return; // nothing new to load
            }
            wholeCustomers.finish();
            wholeTags.finish();
            wholeIndexing.finish(); // its last segment is written while Derby sorts and builds the table's indexes
            try {
                wholeLoading.join();
                loaded = true;
            } catch (CompletionException e) {
                // the loader's transaction rolled back: nothing of the load remains
                throw new ImportException(NLS.bind(ImportMessages.Bulk_loadFailed, rootMessage(e)));
            }
            // the documents indexed beside the load go into the search index, which then follows the load's stamp
            indexedChunks = wholeIndexing.committed(now.toInstant());
            return;
        }
        submitChunk();
        try {
            chunks.finish();
            loaded = true;
        } catch (CompletionException e) {
            // the failed chunk rolled back; the ones before it are removed again, so nothing of the load remains
            chunks.undo(this::remove);
            throw new ImportException(NLS.bind(ImportMessages.Bulk_loadFailed, rootMessage(e)));
        }
    }

    @Override
    public void undo() {
        if (whole) {
            if (loaded) {
                unitOfWork.write(em -> {
                    for (long[] range : idRanges) {
                        remove(em, range[0], range[1]);
                    }
                    if (run != null) {
                        try {
                            run.record(em.unwrap(Connection.class), run.resumedAfterRow(), run.resumedRecords());
                        } catch (SQLException e) {
                            throw new PersistenceException(e.getMessage(), e);
                        }
                    }
                    return null;
                });
                if (run != null) {
                    run.committed(run.resumedAfterRow(), run.resumedRecords());
                }
            }
            loaded = false;
            return;
        }
        chunks.undo(this::remove);
        loaded = false;
    }

    /**
     * Tags (and anything else that hangs on a customer) follow by ON DELETE CASCADE; the search index forgets the range
     * once its removal committed (a crash before leaves documents the next opening's count check drops).
     */
    private void remove(EntityManager em, long first, long last) {
        em.createNativeQuery("DELETE FROM SB_CUSTOMER WHERE ID BETWEEN ? AND ?").setParameter(1, first).setParameter(2, last).executeUpdate();
        ExternalIds.removeRange(em, CustomersTarget.ENTITY, first, last);
        unitOfWork.afterCommit(() -> search.deleted(java.util.stream.LongStream.rangeClosed(first, last).boxed().toList()));
    }

    @Override
    public void announce() {
        if (loaded && indexedChunks) {
            search.bulkIndexed(); // before the catch-up below, which then needs the short margin only
        }
        if (loaded && service instanceof CustomerServiceImpl impl) {
            // at once, not only on the event, which is delivered asynchronously: a command line that closes the database
            // right after the import would close the index before the event arrived and leave it to the next start
            impl.search().imported();
        }
        if (loaded && events != null) {
            events.publishImported(CustomersTarget.ENTITY, staged);
        }
    }

    /** Without {@link #load}, stops the loader and waits for it: the chunks it committed stay, the record says how far. */
    @Override
    public void close() {
        chunks.close();
        if (wholeLoading != null) {
            if (!wholeLoading.isDone()) {
                wholeCustomers.stop(); // its transaction rolls back
                wholeTags.stop();
                try {
                    wholeLoading.join();
                } catch (CompletionException expected) {
                    // the stopped insert failed, as it should
                }
            }
            wholeCustomers.close();
            wholeTags.close();
            wholeIndexing.close(); // after committed(), nothing; else the index stays as it was
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
