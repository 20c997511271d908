package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.internal.ImportEngine;
import org.salesbench.importexport.targets.ImportRun;

/**
 * The customers' bulk load commits in chunks ({@link ImportRun#CHUNK_ROWS_PROPERTY}), each whole (customers, tags,
 * external ids and the run's record in one transaction), so that a crash leaves Derby at most one chunk to undo; the
 * same import again resumes after the last committed chunk without duplicates, and a run that must end with nothing
 * removes the chunks it committed. Small files take the bulk path here ({@link ImportEngine#BULK_BYTES_PROPERTY} 0) in
 * chunks of 500; the kill itself is {@code CrashHarnessTest}'s (a child process killed with SIGKILL).
 */
class ChunkedBulkImportTest {

    private static final int ROWS = 2_500;
    private static final int CHUNK = 500;
    private static final int BATCH = 250;

    @TempDir
    Path dir;
    private ImportFixture fx;

    @BeforeEach
    void open() {
        System.setProperty(ImportEngine.BULK_BYTES_PROPERTY, "0");
        System.setProperty(ImportRun.CHUNK_ROWS_PROPERTY, Integer.toString(CHUNK));
        // the chunks themselves: into an empty table the whole file is one bulk load (the last test)
        System.setProperty(ImportRun.WHOLE_INTO_EMPTY_PROPERTY, "false");
        fx = new ImportFixture();
    }

    @AfterEach
    void close() {
        fx.close();
        System.clearProperty(ImportEngine.BULK_BYTES_PROPERTY);
        System.clearProperty(ImportRun.CHUNK_ROWS_PROPERTY);
        System.clearProperty(ImportRun.WHOLE_INTO_EMPTY_PROPERTY);
    }

    private Path file(String name, IntFunction<String> special) throws IOException {
        StringBuilder text = new StringBuilder("Name,External Id,Tags\n");
        for (int i = 0; i < ROWS; i++) {
            String line = special.apply(i);
            text.append(line != null ? line : "Chunk Trading Co " + i + ",chunk-" + i + ",\"a;b\"").append('\n');
        }
        return ImportFixture.utf8(dir.resolve(name), text.toString());
    }

    private ImportSettings settings(Path file) throws IOException {
        return fx.auto(file, "customers").withBatchSize(BATCH);
    }

    private long lastRecordedRow() {
        return fx.db.read(em -> ((Number) em.createNativeQuery("SELECT COALESCE(MAX(LAST_ROW), 0) FROM SB_IMPORT_RUN").getSingleResult()).longValue());
    }

    private long recordedRecords() {
        return fx.db.read(em -> ((Number) em.createNativeQuery("SELECT COALESCE(SUM(RECORDS), 0) FROM SB_IMPORT_RUN").getSingleResult()).longValue());
    }

    /**
     * How many of the file's customers the search index holds as it is, without a catch-up (a name look-up on Derby
     * answers from the index as it stands): the chunks are indexed as they commit, not by a catch-up afterwards.
     */
    private int indexed() {
        List<String> names = java.util.stream.IntStream.range(0, ROWS).mapToObj(i -> "Chunk Trading Co " + i).toList();
        return fx.customers.search().idsNamed(names, List.of()).length;
    }

    @Test
    void chunksCommitWhileTheFileIsReadAndAnInterruptedRunIsResumedWithoutDuplicates() throws IOException {
        Path file = file("chunks.csv", i -> null);
        long[] committedWhileReading = { 0 };
        // stops after four batches (1,000 rows), as a crash would, but in-process: valid-rows keeps what it committed
        NullProgressMonitor stopsAfterFour = new NullProgressMonitor() {
            private int batches;

            @Override
            public void worked(int work) {
                batches += work;
                if (batches == 4) {
                    // the file is still being read (the engine waits for this call): the loader commits the first chunk meanwhile
                    awaitTheFirstChunk(committedWhileReading, 20);
                }
            }

            @Override
            public boolean isCanceled() {
                return batches >= 4;
            }
        };
        ImportResult stopped = fx.engine.run(file, ReadOptions.DETECT, settings(file).withMode(Mode.VALID_ROWS), stopsAfterFour);
        assertEquals(Outcome.CANCELLED_AT_BATCH, stopped.outcome());
        assertTrue(committedWhileReading[0] >= CHUNK + 1, "a chunk was committed while the file was still read: " + committedWhileReading[0]);
        assertEquals(4 * BATCH, fx.customerCount());
        assertEquals(2 * 4 * BATCH, fx.count("SB_CUSTOMER_TAG"), "every committed customer has both its tags");
        assertEquals(4 * BATCH, fx.count("SB_IMPORT_EXTERNAL_ID"));
        assertEquals(4 * BATCH + 1, lastRecordedRow(), "the run's record: committed through the fourth batch's last row (rows start at 2)");
        assertEquals(4 * BATCH, recordedRecords());
        assertEquals(4 * BATCH, indexed(), "the committed chunks are in the search index already: a restart has nothing of them to catch up with");

        // the same import again (all-or-nothing, no match key: without the record it would duplicate what is there)
        ImportResult resumed = fx.importFile(file, "customers", settings(file));
        assertEquals(Outcome.COMPLETED, resumed.outcome(), () -> resumed.errors().toString());
        assertEquals(ROWS - 4 * BATCH, resumed.created(), "only the rows after the committed ones are imported");
        assertEquals(ROWS, fx.customerCount());
        assertEquals(ROWS, fx.customerNames().stream().distinct().count(), "no customer twice");
        assertEquals(ROWS, fx.count("SB_IMPORT_EXTERNAL_ID"));
        assertEquals(1, resumed.notes().size(), resumed.notes().toString());
        ImportResult.Note note = resumed.notes().get(0);
        assertTrue(note.message().contains("after row " + (4 * BATCH + 1)), note.message());
        assertEquals(4 * BATCH, note.count(), "the note says how many records the interrupted run had committed");
        assertEquals(0, fx.count("SB_IMPORT_RUN"), "a completed run leaves no record: the next import of the file starts afresh");
        assertEquals(ROWS, indexed(), "every chunk of the resumed run is indexed as it committed (no IMPORTED catch-up runs here)");
    }

    @Test
    void aFailedRowLateInTheFileRemovesTheCommittedChunksAllOrNothing() throws IOException {
        String tooLong = "名".repeat(201);
        Path file = file("late-failure.csv", i -> i == 2_200 ? tooLong + ",chunk-x," : null);
        ImportResult result = fx.importFile(file, "customers", settings(file));
        assertEquals(Outcome.ROLLED_BACK, result.outcome());
        assertEquals(1, result.failed());
        assertEquals(2_202, result.errors().get(0).row());
        assertEquals(0, fx.customerCount(), "the four chunks committed before the failed row are removed again");
        assertEquals(0, fx.count("SB_CUSTOMER_TAG"));
        assertEquals(0, fx.count("SB_IMPORT_EXTERNAL_ID"));
        assertEquals(0, fx.count("SB_IMPORT_RUN"), "nothing is left to resume");
        assertTrue(fx.imported.isEmpty(), "no event for a load that was undone");
        assertEquals(0, indexed(), "the removed chunks are out of the search index again");

        // corrected, the file imports whole
        Path fixed = file("late-failure.csv", i -> null);
        ImportResult again = fx.importFile(fixed, "customers", settings(fixed));
        assertEquals(Outcome.COMPLETED, again.outcome(), () -> again.errors().toString());
        assertEquals(ROWS, again.created());
        assertEquals(List.of("customer:" + ROWS), fx.imported);
    }

    /** The conglomerate (heap) that holds SB_CUSTOMER's rows: Derby's bulk insert into an empty table writes a new one. */
    private long customerHeap() {
        return fx.db.read(em -> ((Number) em.createNativeQuery("SELECT c.CONGLOMERATENUMBER FROM SYS.SYSCONGLOMERATES c"
                + " JOIN SYS.SYSTABLES t ON c.TABLEID = t.TABLEID WHERE t.TABLENAME = 'SB_CUSTOMER' AND c.ISINDEX = FALSE").getSingleResult())
                .longValue());
    }

    @Test
    void intoAnEmptyTableTheWholeFileIsOneBulkLoadAndIntoAFilledOneItCommitsInChunks() throws IOException {
        System.setProperty(ImportRun.WHOLE_INTO_EMPTY_PROPERTY, "true");
        long emptyHeap = customerHeap();
        Path file = file("into-empty.csv", i -> null);
        ImportResult whole = fx.importFile(file, "customers", settings(file));
        assertEquals(Outcome.COMPLETED, whole.outcome(), () -> whole.errors().toString());
        assertEquals(ROWS, whole.created());
        long loadedHeap = customerHeap();
        assertTrue(loadedHeap != emptyHeap, "Derby's bulk load wrote the empty table a new heap (unlogged), not " + ROWS + " logged inserts");
        assertEquals(ROWS, fx.customerCount());
        assertEquals(2 * ROWS, fx.count("SB_CUSTOMER_TAG"));
        assertEquals(ROWS, fx.count("SB_IMPORT_EXTERNAL_ID"));
        assertEquals(0, fx.count("SB_IMPORT_RUN"));
        assertEquals(List.of("customer:" + ROWS), fx.imported);
        fx.customers.search().awaitCurrent(); // a whole load is indexed by the IMPORTED catch-up, in the background
        assertEquals(ROWS, indexed());

        // the table holds rows now: the next file goes in chunks (row by row into the same heap), each committed as it is read
        Path more = ImportFixture.utf8(dir.resolve("into-filled.csv"), "Name,External Id\n"
                + java.util.stream.IntStream.range(0, ROWS).mapToObj(i -> "Second Wave Co " + i + ",wave-" + i + "\n").collect(java.util.stream.Collectors.joining()));
        long[] committedWhileReading = { 0 };
        ImportResult chunked = fx.engine.run(more, ReadOptions.DETECT, settings(more), watchesTheFirstChunk(committedWhileReading, 20));
        assertEquals(Outcome.COMPLETED, chunked.outcome(), () -> chunked.errors().toString());
        assertTrue(committedWhileReading[0] >= CHUNK + 1, "a chunk was committed while the file was still read: " + committedWhileReading[0]);
        assertEquals(loadedHeap, customerHeap(), "into a table that holds rows nothing replaces the heap");
        assertEquals(2 * ROWS, fx.customerCount());
        assertEquals(2 * ROWS, fx.count("SB_IMPORT_EXTERNAL_ID"));
        assertEquals(0, fx.count("SB_IMPORT_RUN"));
    }
    /**
     * External ids of another kind already in SB_IMPORT_EXTERNAL_ID (as a products or leads import leaves them; set here
     * directly): Derby's bulk insert into that table, no longer empty, would be row by row and logged, so a whole load
     * of a file with external ids would leave a kill all of them to undo. Into an empty SB_CUSTOMER such a file commits
     * in chunks instead (each chunk's undo bounded; the first is still the bulk load's new heap), and keeps the other
     * kind's ids; a file without external ids is still one whole bulk load.
     */
    @Test
    void intoAnEmptyTableAFileWithExternalIdsCommitsInChunksWhileOtherExternalIdsAreHeld() throws IOException {
        System.setProperty(ImportRun.WHOLE_INTO_EMPTY_PROPERTY, "true");
        holdOtherExternalIds();
        long emptyHeap = customerHeap();
        Path file = file("with-ids.csv", i -> null);
        long[] committedWhileReading = { 0 };
        ImportResult result = fx.engine.run(file, ReadOptions.DETECT, settings(file), watchesTheFirstChunk(committedWhileReading, 5));
        assertEquals(Outcome.COMPLETED, result.outcome(), () -> result.errors().toString());
        assertTrue(committedWhileReading[0] >= CHUNK + 1,
                "a chunk was committed while the file was still read (not one transaction whose external ids a kill would undo one by one): "
                        + committedWhileReading[0]);
        assertTrue(customerHeap() != emptyHeap, "the first chunk into the empty table is still Derby's bulk load (a new heap)");
        assertEquals(ROWS, fx.customerCount());
        assertEquals(2 * ROWS, fx.count("SB_CUSTOMER_TAG"));
        assertEquals(ROWS, count("SELECT COUNT(*) FROM SB_IMPORT_EXTERNAL_ID x JOIN SB_CUSTOMER c ON c.ID = x.RECORD_ID WHERE x.ENTITY = 'customer'"),
                "every customer has its external id");
        assertEquals(OTHER_IDS, count("SELECT COUNT(*) FROM SB_IMPORT_EXTERNAL_ID WHERE ENTITY = 'product'"), "the other kind's ids are kept");
        assertEquals(0, fx.count("SB_IMPORT_RUN"));
        assertEquals(ROWS, indexed(), "each chunk was indexed as it committed");
    }

    @Test
    void intoAnEmptyTableAFileWithoutExternalIdsIsOneBulkLoadWhileOtherExternalIdsAreHeld() throws IOException {
        System.setProperty(ImportRun.WHOLE_INTO_EMPTY_PROPERTY, "true");
        holdOtherExternalIds();
        long emptyHeap = customerHeap();
        Path file = ImportFixture.utf8(dir.resolve("without-ids.csv"), "Name,Tags\n"
                + java.util.stream.IntStream.range(0, ROWS).mapToObj(i -> "No Id Co " + i + ",\"a;b\"\n").collect(java.util.stream.Collectors.joining()));
        long[] committedWhileReading = { 0 };
        ImportResult result = fx.engine.run(file, ReadOptions.DETECT, settings(file), watchesTheFirstChunk(committedWhileReading, 5));
        assertEquals(Outcome.COMPLETED, result.outcome(), () -> result.errors().toString());
        assertEquals(0, committedWhileReading[0], "one transaction: nothing was committed while the file was read");
        assertTrue(customerHeap() != emptyHeap, "Derby's bulk load wrote the empty table a new heap");
        assertEquals(ROWS, fx.customerCount());
        assertEquals(OTHER_IDS, fx.count("SB_IMPORT_EXTERNAL_ID"), "no external id written, the other kind's kept");
    }

    private static final int OTHER_IDS = 3;

    private void holdOtherExternalIds() {
        fx.db.write(em -> {
            for (int i = 0; i < OTHER_IDS; i++) {
                em.createNativeQuery("INSERT INTO SB_IMPORT_EXTERNAL_ID (ENTITY, EXTERNAL_ID, RECORD_ID) VALUES ('product', ?, ?)")
                        .setParameter(1, "P-" + i).setParameter(2, 900_000L + i).executeUpdate();
            }
            return null;
        });
    }

    private long count(String sql) {
        return fx.db.read(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    /** Until the run's record says the first chunk is committed, {@code seconds} at most; the row it says in {@code committed[0]}. */
    private void awaitTheFirstChunk(long[] committed, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while ((committed[0] = lastRecordedRow()) < CHUNK + 1 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits at the fourth batch (the file still being read) until the first chunk's record is committed, {@code seconds} at most. */
    private NullProgressMonitor watchesTheFirstChunk(long[] committedWhileReading, int seconds) {
        return new NullProgressMonitor() {
            private int batches;

            @Override
            public void worked(int work) {
                batches += work;
                if (batches == 4) {
                    awaitTheFirstChunk(committedWhileReading, seconds);
                }
            }
        };
    }
}
