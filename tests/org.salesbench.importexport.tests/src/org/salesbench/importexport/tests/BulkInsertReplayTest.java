package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.salesbench.importexport.targets.BulkInsertRows;
import org.salesbench.importexport.targets.DerbyBulkInsert;

/**
 * Derby runs a statement a second time when its plan is invalidated while it runs (the index statistics daemon does it
 * as a table grows), after rolling back what the first run inserted. A bulk insert's table function must then give the
 * second run every row again: before, the second run read an empty queue, and a chunk's 500 external ids vanished
 * without an error (seen in {@code ChunkedBulkImportTest}, about one run in a hundred). Here Derby's own bulk insert is
 * the first run, and the next ones are the table function read again as Derby's next execution reads it.
 */
@Timeout(60) // the old table function blocked for ever on the second run's read of its emptied queue
class BulkInsertReplayTest {

    private static final List<String> COLUMNS = List.of("ID", "NAME");

    private ImportFixture fx;

    @BeforeEach
    void open() {
        fx = new ImportFixture();
        fx.db.write(em -> em.createNativeQuery("CREATE TABLE REPLAY_ROWS (ID BIGINT NOT NULL, NAME VARCHAR(20))").executeUpdate());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    /** Derby's own first execution of the insert, committed; the rows it wrote, by id. */
    private List<Long> loaded(DerbyBulkInsert insert) {
        fx.db.write(em -> {
            try {
                insert.insert(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        return fx.db.read(em -> em.createNativeQuery("SELECT ID FROM REPLAY_ROWS ORDER BY ID").getResultList().stream()
                .map(id -> ((Number) id).longValue()).toList());
    }

    @Test
    void everyLaterExecutionReadsEveryRowFromTheFirstAgainAfterAWholeOrAPartialRead() throws Exception {
        try (DerbyBulkInsert insert = new DerbyBulkInsert("REPLAY_ROWS", COLUMNS, 0)) {
            insert.add(rows(0, 3));
            insert.add(rows(3, 5));
            insert.finish();
            List<Long> all = List.of(0L, 1L, 2L, 3L, 4L);
            assertEquals(all, loaded(insert));
            assertEquals(all, read(execution(insert), Integer.MAX_VALUE), "the second run reads every row again");
            assertEquals(List.of(0L, 1L), read(execution(insert), 2));
            assertEquals(all, read(execution(insert), Integer.MAX_VALUE), "after a partial read, the next run from the first row again");
        }
    }

    @Test
    void aStreamingInsertRefusesASecondExecutionRatherThanLoadingPartOfItsRows() throws Exception {
        try (DerbyBulkInsert insert = new DerbyBulkInsert("REPLAY_ROWS", COLUMNS, 4)) {
            insert.add(rows(0, 2));
            insert.finish();
            assertEquals(List.of(0L, 1L), loaded(insert));
            BulkInsertRows second = execution(insert);
            SQLException refused = assertThrows(SQLException.class, second::next);
            assertTrue(refused.getMessage().contains("REPLAY_ROWS") && refused.getMessage().contains("again"), refused.getMessage());
        }
    }

    @Test
    void aSpilledInsertReplaysWhatItHeldInMemoryButRefusesOnceItsFileWasRead() throws Exception {
        try (DerbyBulkInsert held = DerbyBulkInsert.spilling("REPLAY_ROWS", COLUMNS, 10)) {
            held.add(rows(0, 3));
            held.finish();
            assertEquals(List.of(0L, 1L, 2L), loaded(held));
            assertEquals(List.of(0L, 1L, 2L), read(execution(held), Integer.MAX_VALUE), "nothing spilled: replayed from memory");
        }
        try (DerbyBulkInsert spilled = DerbyBulkInsert.spilling("REPLAY_ROWS", COLUMNS, 2)) {
            spilled.add(rows(0, 2));
            spilled.add(rows(2, 5)); // past two rows in memory: to the spill file
            spilled.finish();
            fx.db.write(em -> em.createNativeQuery("DELETE FROM REPLAY_ROWS").executeUpdate());
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L), loaded(spilled));
            assertThrows(SQLException.class, execution(spilled)::next);
        }
    }

    /** One execution's table function, as Derby makes it with the insert's key. */
    private static BulkInsertRows execution(DerbyBulkInsert insert) throws Exception {
        java.lang.reflect.Field key = DerbyBulkInsert.class.getDeclaredField("key");
        key.setAccessible(true);
        return new BulkInsertRows("APP", "T", (String) key.get(insert));
    }

    /** The first column of up to {@code limit} rows. */
    private static List<Long> read(BulkInsertRows rows, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        while (ids.size() < limit && rows.next()) {
            ids.add(rows.getLong(1));
        }
        return ids;
    }

    private static List<Object[]> rows(int from, int to) {
        List<Object[]> rows = new ArrayList<>();
        for (long i = from; i < to; i++) {
            rows.add(new Object[] { i, "t" + i });
        }
        return rows;
    }
}
