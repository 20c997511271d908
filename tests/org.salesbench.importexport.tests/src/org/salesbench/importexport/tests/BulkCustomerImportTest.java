package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RowError;
import org.salesbench.importexport.internal.Messages;
import org.salesbench.persistence.DatabaseSettings;

/**
 * Files large enough (over 1 MB) for the bulk path: the new customers go to Derby's bulk insert through a
 * table function while the file is still read. It is the path when the run announces one IMPORTED event
 * instead of one CREATED event per customer.
 */
class BulkCustomerImportTest {

    private static final String HEADER = "Name,Short Name,Credit Code,Industry,Address,Tags,Notes,Grade,Next Follow-up\n";
    private static final int ROWS = 4_000;
    /** Makes each generated row long enough that ROWS of them pass the bulk path's 1 MB with a few rows, not thousands. */
    private static final String PADDING = "，" + "客户要求按季度回访并提供现场技术支持服务".repeat(2);
    private static final String CODE_A = CreditCode.withCheckCharacter("91440300MA5FABCD1");
    private static final String NOTES = "line one\nline two, with a comma and \"quotes\"\r\nline three";

    @TempDir
    Path dir;
    private ImportFixture fx;

    @BeforeEach
    void open() {
        fx = new ImportFixture();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    /** {@code ROWS} generated customers; {@code special} gives the line of a row instead (or {@code null}). */
    private Path file(String name, String prefix, IntFunction<String> special) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < ROWS; i++) {
            String line = special.apply(i);
            if (line == null) {
                line = csv(prefix + " 深圳市测试科技有限公司 " + i) + ",," + "," + csv("软件") + "," + csv("广东省深圳市南山区科技园南区第" + i + "号")
                        + "," + csv("战略客户;5G") + "," + csv("常规备注 regular notes for row " + i + PADDING) + "," + "ABCD".charAt(i % 4) + ",2026-12-01";
            }
            text.append(line).append('\n');
        }
        Path file = ImportFixture.utf8(dir.resolve(name), text.toString());
        assertTrue(Files.size(file) > 1 << 20, "large enough for the bulk path: " + Files.size(file));
        return file;
    }

    private static String csv(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private ImportSettings settings(Path file) throws IOException {
        return fx.auto(file, "customers");
    }

    private Object[] row(long id) {
        return fx.db.read(em -> (Object[]) em.createNativeQuery("SELECT NAME, SHORT_NAME, NOTES, ADDRESS, GRADE, CREATED_AT, UPDATED_AT, "
                + "NORMALIZED_NAME, NEXT_FOLLOW_UP, STATUS, VERSION, OWNER FROM SB_CUSTOMER WHERE ID = ?").setParameter(1, id).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<String> tags(long id) {
        return fx.db.read(em -> (List<String>) em.createNativeQuery("SELECT TAG FROM SB_CUSTOMER_TAG WHERE CUSTOMER_ID = ? ORDER BY TAG")
                .setParameter(1, id).getResultList());
    }

    @Test
    void largeFileLoadsInBulkWithQuotesLineBreaksAndChineseIntact() throws IOException {
        String tricky = "Acme, \"Quoted\" 公司";
        Path file = file("big.csv", "A", i -> i == 3210
                ? csv(tricky) + "," + csv("") + ",," + csv("制造") + "," + csv("北京市海淀区 \"中关村\", 1号") + "," + csv(" 标签一 ;标签二") + ","
                        + csv(NOTES) + ",A,"
                : null);
        ImportResult result = fx.importFile(file, "customers", settings(file));

        assertEquals(Outcome.COMPLETED, result.outcome(), () -> result.errors().toString());
        assertEquals(ROWS, result.created());
        assertEquals(ROWS, fx.customerCount());
        assertEquals(List.of("customer:" + ROWS), fx.imported, "one event for the whole load");
        assertTrue(fx.events.isEmpty(), "no event per customer");

        long id = fx.idOf(tricky);
        Object[] row = row(id);
        assertEquals(tricky, row[0]);
        assertNull(row[1], "an empty cell is no value");
        assertEquals(NOTES, row[2], "quotes, commas and both kinds of line break survive the load");
        assertEquals("北京市海淀区 \"中关村\", 1号", row[3]);
        assertEquals("A", row[4]);
        assertEquals(row[5], row[6], "created and updated at the import's time, so the search index picks the rows up");
        assertEquals(List.of("标签一", "标签二"), tags(id));
        assertEquals(2L * ROWS, fx.count("SB_CUSTOMER_TAG"));

        long other = fx.idOf("A 深圳市测试科技有限公司 17");
        Object[] otherRow = row(other);
        assertEquals("广东省深圳市南山区科技园南区第17号", otherRow[3]);
        assertEquals(java.sql.Date.valueOf("2026-12-01"), otherRow[8], "a day arrives as that day");
        assertEquals(List.of(CustomerStatus.PROSPECT.name(), 1L), List.of(otherRow[9], ((Number) otherRow[10]).longValue()), "the default status, version 1");
        assertEquals(fx.customers.find(other).orElseThrow().getOwner(), otherRow[11]);
        assertNull(row[8], "no follow-up day is NULL");
        assertEquals(List.of("5G", "战略客户"), tags(other));
        assertEquals("Acme, \"Quoted\" 公司", fx.customers.find(id).orElseThrow().getName(), "the entity reads what was loaded");

        // the ids came from the shared sequence: the service hands out the next ones
        long max = fx.db.read(em -> ((Number) em.createNativeQuery("SELECT MAX(ID) FROM SB_CUSTOMER").getSingleResult()).longValue());
        Customer later = fx.customers.create(new Customer("Created after the import"));
        assertTrue(later.getId() > max, later.getId() + " > " + max);
    }

    /**
     * Into an empty table the load is one transaction, its customers indexed beside it from memory: when the import has
     * returned, the search index finds them without its catch-up reading one back from the database, and the next opening
     * of the index (the next start) re-reads nothing either.
     */
    @Test
    void aWholeLoadIsIndexedBesideItSoNeitherTheCatchUpNorTheNextOpeningReadsItBack() throws Exception {
        fx.close();
        DatabaseSettings embedded = DatabaseSettings.embedded(dir.resolve("db"));
        fx = new ImportFixture(embedded);
        Path file = file("whole.csv", "W", i -> null);
        ImportResult result = fx.importFile(file, "customers", settings(file));
        assertEquals(Outcome.COMPLETED, result.outcome(), () -> result.errors().toString());
        assertEquals(ROWS, result.created());

        CustomerSearch search = fx.customers.search();
        Job.getJobManager().join(CustomerSearch.FAMILY, null); // the IMPORTED catch-up
        assertEquals(0, search.lastImportCaughtUp(), "the catch-up after the load read no customer back");
        assertEquals(ROWS, search.count(CustomerFilter.ALL));
        long id = fx.idOf("W 深圳市测试科技有限公司 1234");
        assertEquals(List.of(id), Arrays.stream(search.ids(CustomerFilter.text("W 深圳市测试科技有限公司 1234"), CustomerSort.DEFAULT)).boxed()
                .toList(), "found by its name's words");
        assertEquals(ROWS, search.count(new CustomerFilter(null, java.util.Set.of(), java.util.Set.of(), null, "5G", false)), "and by tag");
        search.close();

        CustomerServiceImpl next = new CustomerServiceImpl(fx.db, new LocalSecurityService("importer"), (entity, change, record) -> { });
        try {
            assertEquals(ROWS, next.count(CustomerFilter.ALL));
            assertEquals(0, next.search().lastOpeningCaughtUp(), "the index was current: its next opening read nothing again");
            assertEquals(-1, next.search().lastBuildMillis(), "nor was it rebuilt");
        } finally {
            next.search().close();
        }
    }

    @Test
    void matchesExistingCustomersAndDuplicatesInsideTheFile() throws IOException {
        Customer byCode = new Customer("Existing Credit Co");
        byCode.setCreditCode(CODE_A);
        long codeId = fx.customers.create(byCode).getId();
        long nameId = fx.customers.create(new Customer("北京老客户科技有限公司")).getId();

        Path file = file("match.csv", "B", i -> switch (i) {
        case 10 -> csv("Another name, same code") + ",," + CODE_A + ",,,,,,";
        case 20 -> csv("北京老客户科技 有限公司") + ",,,,,,,,"; // the same name once folded
        case 30, 3000 -> csv("文件内重复公司") + ",,,,,,,,";
        default -> null;
        });
        ImportSettings settings = settings(file).withMatch(new MatchPolicy(List.of("creditCode", "name"), OnMatch.SKIP));
        ImportResult result = fx.importFile(file, "customers", settings);

        assertEquals(Outcome.COMPLETED, result.outcome(), () -> result.errors().toString());
        assertEquals(3, result.skipped(), "one by credit code, one by name, the second of two equal rows");
        assertEquals(ROWS - 3, result.created());
        assertEquals(2 + ROWS - 3, fx.customerCount());
        assertTrue(result.errors().stream().anyMatch(e -> e.row() == 3002 && e.message().contains("32")), result.errors().toString());
        assertEquals("Existing Credit Co", row(codeId)[0], "a skipped match is left as it is");
        assertEquals("北京老客户科技有限公司", row(nameId)[0]);
    }

    @Test
    void updatesMatchedCustomersThroughTheServiceAndUndoesTheLoadWhenAnUpdateFails() throws IOException {
        Customer existing = new Customer("Old Name Co");
        existing.setCreditCode(CODE_A);
        existing.setGrade("B");
        long id = fx.customers.create(existing).getId();
        MatchPolicy byCode = new MatchPolicy(List.of("creditCode"), OnMatch.UPDATE);

        Path file = file("update.csv", "C", i -> i == 100 ? csv("Renamed Co") + ",," + CODE_A + ",,,,,A," : null);
        ImportResult result = fx.importFile(file, "customers", settings(file).withMatch(byCode));
        assertEquals(Outcome.COMPLETED, result.outcome(), () -> result.errors().toString());
        assertEquals(1, result.updated());
        assertEquals(ROWS - 1, result.created());
        assertEquals("Renamed Co", row(id)[0]);
        assertEquals("A", row(id)[4]);
        assertTrue(fx.events.contains(id), "the update went through the service, which announces it");

        // the update of the matched row fails the service's rules after the new rows were loaded: they go again
        String tooLong = "S".repeat(65);
        Path failing = file("update-fails.csv", "D", i -> i == 100 ? csv("Renamed Again") + "," + csv(tooLong) + "," + CODE_A + ",,,,,," : null);
        ImportResult rolledBack = fx.importFile(failing, "customers", settings(failing).withMatch(byCode));
        assertEquals(Outcome.ROLLED_BACK, rolledBack.outcome());
        assertEquals(1, rolledBack.failed());
        assertEquals(102, rolledBack.errors().get(0).row());
        assertEquals("Short Name", rolledBack.errors().get(0).column());
        assertEquals(ROWS, fx.customerCount(), "the second file's new customers were removed again");
        assertEquals(2L * (ROWS - 1), fx.count("SB_CUSTOMER_TAG"));
        assertEquals("Renamed Co", row(id)[0]);
        assertEquals(1, fx.imported.size(), "nothing announced for the undone load");
    }

    @Test
    void aFailedRowMidFileLoadsNothingAllOrNothingAndTheOthersInValidRows() throws IOException {
        String tooLong = "名".repeat(201);
        Path file = file("fails.csv", "E", i -> i == 2000 ? csv(tooLong) + ",,,,,,,," : null);
        ImportResult all = fx.importFile(file, "customers", settings(file));
        assertEquals(Outcome.ROLLED_BACK, all.outcome());
        assertEquals(1, all.failed());
        RowError error = all.errors().get(0);
        assertEquals(2002, error.row());
        assertEquals("Name", error.column(), "the error names the column of the field the service's rule refused");
        assertEquals(0, fx.customerCount());
        assertEquals(0, fx.count("SB_CUSTOMER_TAG"));
        assertTrue(fx.imported.isEmpty());

        ImportResult valid = fx.importFile(file, "customers", settings(file).withMode(Mode.VALID_ROWS));
        assertEquals(Outcome.COMPLETED, valid.outcome());
        assertEquals(ROWS - 1, valid.created());
        assertEquals(1, valid.failed());
        assertEquals(ROWS - 1, fx.customerCount());
        assertEquals(ROWS + 1, valid.lastCommittedRow());
    }

    @Test
    void aLoadTheDatabaseRefusesEndsWithItsReasonAndWritesNothingInEitherMode() throws IOException {
        // a rule only the database knows, so every row passes validation and the bulk insert itself fails
        fx.db.write(em -> em.createNativeQuery("ALTER TABLE SB_CUSTOMER ADD CONSTRAINT TEST_REFUSED_NAME CHECK (NAME <> 'Refused Co')")
                .executeUpdate());
        Path file = file("refused.csv", "R", i -> i == 3000 ? csv("Refused Co") + ",,,,,,,," : null);
        for (Mode mode : Mode.values()) {
            ImportException e = assertThrows(ImportException.class, () -> fx.importFile(file, "customers", settings(file).withMode(mode)));
            assertTrue(e.getMessage().contains("TEST_REFUSED_NAME"), e.getMessage());
            assertEquals(0, fx.customerCount(), mode + ": the rows loaded before the refused one are rolled back too");
            assertEquals(0, fx.count("SB_CUSTOMER_TAG"));
            assertEquals(0, fx.count("SB_IMPORT_EXTERNAL_ID"));
            assertTrue(fx.imported.isEmpty());
            // the indexer had every document and wrote its segment before the database refused the load: deleted again
            assertEquals(0, fx.customers.search().count(CustomerFilter.ALL), mode + ": the search index holds none of the refused load");
        }
        // the table is not left locked: the service writes at once
        assertTrue(fx.customers.create(new Customer("After the refused load")).getId() > 0);
    }

    @Test
    void validRowsUpdatesMatchedCustomersAfterTheLoad() throws IOException {
        Customer existing = new Customer("Valid Rows Old Name");
        existing.setCreditCode(CODE_A);
        long id = fx.customers.create(existing).getId();
        Path file = file("valid-update.csv", "V", i -> i == 2500 ? csv("Valid Rows New Name") + ",," + CODE_A + ",,,,,B," : null);
        ImportResult result = fx.importFile(file, "customers",
                settings(file).withMode(Mode.VALID_ROWS).withMatch(new MatchPolicy(List.of("creditCode"), OnMatch.UPDATE)));
        assertEquals(Outcome.COMPLETED, result.outcome(), () -> result.errors().toString());
        assertEquals(1, result.updated());
        assertEquals(ROWS - 1, result.created());
        assertEquals("Valid Rows New Name", row(id)[0]);
        assertEquals(ROWS, fx.customerCount());
    }

    @Test
    void externalIdsOfLoadedCustomersMatchTheNextImport() throws IOException {
        StringBuilder text = new StringBuilder("Account ID,Account Name,Description\n");
        for (int i = 0; i < ROWS; i++) {
            text.append("SF-").append(i).append(',').append(csv("Salesforce Account " + i)).append(',')
                    .append(csv("an account exported from another CRM (Salesforce), with a description long enough to make this a large file, " + i + PADDING)).append('\n');
        }
        Path file = ImportFixture.utf8(dir.resolve("sf.csv"), text.toString());
        assertTrue(Files.size(file) > 1 << 20);
        ImportResult first = fx.importFile(file, "customers", settings(file));
        assertEquals(ROWS, first.created(), () -> first.errors().toString());
        assertEquals(ROWS, fx.count("SB_IMPORT_EXTERNAL_ID"), "each loaded customer's external id is kept");

        ImportSettings byExternalId = settings(file).withMatch(new MatchPolicy(List.of("externalId"), OnMatch.SKIP));
        ImportResult again = fx.importFile(file, "customers", byExternalId);
        assertEquals(Outcome.COMPLETED, again.outcome());
        assertEquals(ROWS, again.skipped(), "every row found by its external id, read once before the run");
        assertEquals(0, again.created());
        assertEquals(ROWS, fx.customerCount());
    }

    @Test
    void cancelLoadsNothingAllOrNothingAndTheWholeBatchesInValidRows() throws IOException {
        Path file = file("cancel.csv", "F", i -> null);
        ImportSettings settings = settings(file).withBatchSize(1_000);
        ImportResult all = fx.engine.run(file, ReadOptions.DETECT, settings, new CancelAfter(3));
        assertEquals(Outcome.CANCELLED_ROLLED_BACK, all.outcome());
        assertEquals(0, fx.customerCount());

        ImportResult valid = fx.engine.run(file, ReadOptions.DETECT, settings.withMode(Mode.VALID_ROWS), new CancelAfter(3));
        assertEquals(Outcome.CANCELLED_AT_BATCH, valid.outcome());
        assertEquals(3_001, valid.lastCommittedRow(), "rows 2 to 3,001 (three batches) are in, nothing after");
        assertEquals(3_000, fx.customerCount());
        List<String> names = new ArrayList<>(fx.customerNames());
        assertTrue(names.contains("F 深圳市测试科技有限公司 2999") && !names.contains("F 深圳市测试科技有限公司 3000"), names.size() + " names");
    }

    @Test
    void aCancelPressedWhileDerbyLoadsUndoesTheLoadAllOrNothing() throws IOException {
        Path file = file("cancel-late.csv", "G", i -> null);
        String loading = Messages.Progress_loading.substring(0, Messages.Progress_loading.indexOf('{'));
        NullProgressMonitor cancelDuringLoad = new NullProgressMonitor() {
            @Override
            public void subTask(String name) {
                if (name.startsWith(loading)) {
                    setCanceled(true); // pressed while the load runs: nothing checks it until the load is done
                }
            }
        };
        ImportResult all = fx.engine.run(file, ReadOptions.DETECT, settings(file).withBatchSize(1_000), cancelDuringLoad);
        assertEquals(Outcome.CANCELLED_ROLLED_BACK, all.outcome());
        assertEquals(0, fx.customerCount(), "the loaded rows are deleted again");
    }
}
