package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.importexport.ColumnMapping;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.ValueMapping;
import org.salesbench.importexport.internal.ImportEngine;
import org.salesbench.importexport.targets.BulkLoad;

/**
 * Opportunities through the bulk path (Derby's bulk insert, taken here for a small file by lowering the engine's size
 * threshold) against the service path on the same files, in two databases seeded alike: the same deals field by field,
 * the same stage history, the same board totals by stage and won revenue (checked against the file's own sums), the
 * same row errors and notes; an all-or-nothing run with a bad row writes nothing; a second run matching on the
 * external id changes nothing.
 */
class BulkOpportunitiesImportTest {

    @TempDir
    Path dir;
    private SalesDataSetFiles files;
    private SalesFixture service;
    private SalesFixture bulk;

    @BeforeEach
    void open() throws IOException {
        files = new SalesDataSetFiles(dir, 12, 4, 60);
        service = seeded();
        bulk = seeded();
    }

    private SalesFixture seeded() throws IOException {
        SalesFixture f = new SalesFixture();
        assertEquals(Outcome.COMPLETED, f.importFile(files.accounts, "customers", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING).outcome());
        assertEquals(Outcome.COMPLETED, f.importFile(files.products, "products", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING).outcome());
        assertEquals(Outcome.COMPLETED, f.importFile(files.teams, "users", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING).outcome());
        return f;
    }

    @AfterEach
    void close() {
        service.close();
        bulk.close();
    }

    private static ImportResult run(SalesFixture f, boolean viaBulk, Path file, ValueMapping values, Mode mode, MatchPolicy match)
            throws IOException {
        return run(f, viaBulk, "opportunities", file, values, mode, match);
    }

    private static ImportResult run(SalesFixture f, boolean viaBulk, String target, Path file, ValueMapping values, Mode mode, MatchPolicy match)
            throws IOException {
        ColumnMapping columns = f.engine.preview(file, ReadOptions.DETECT, target).mapping();
        ImportSettings settings = new ImportSettings(target, columns).withValues(values).withMode(mode);
        if (match != null) {
            settings = settings.withMatch(match);
        }
        if (!viaBulk) {
            return f.engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());
        }
        System.setProperty(ImportEngine.BULK_BYTES_PROPERTY, "1");
        // two rows of each later table (a contact's phones, a deal's history, the external ids) in memory, the rest
        // through a spill file: every comparison below reads what went through one
        System.setProperty(BulkLoad.SPILL_ROWS_PROPERTY, "2");
        try {
            return f.engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());
        } finally {
            System.clearProperty(ImportEngine.BULK_BYTES_PROPERTY);
            System.clearProperty(BulkLoad.SPILL_ROWS_PROPERTY);
        }
    }

    /** Both paths on the same file: the same outcome, counts, row errors and notes. */
    private ImportResult both(Path file, ValueMapping values, Mode mode, MatchPolicy match) throws IOException {
        return both("opportunities", file, values, mode, match);
    }

    private ImportResult both(String target, Path file, ValueMapping values, Mode mode, MatchPolicy match) throws IOException {
        ImportResult viaService = run(service, false, target, file, values, mode, match);
        ImportResult viaBulk = run(bulk, true, target, file, values, mode, match);
        assertEquals(viaService.outcome(), viaBulk.outcome(), () -> viaBulk.errors().toString());
        assertEquals(List.of(viaService.created(), viaService.updated(), viaService.skipped(), viaService.failed()),
                List.of(viaBulk.created(), viaBulk.updated(), viaBulk.skipped(), viaBulk.failed()), () -> viaBulk.errors().toString());
        assertEquals(errors(viaService), errors(viaBulk), "a bad row is reported the same way on both paths");
        assertEquals(notes(viaService), notes(viaBulk), "the same notes, as often");
        return viaBulk;
    }

    private static List<String> errors(ImportResult result) {
        return result.errors().stream().map(e -> e.row() + " | " + e.column() + " | " + e.value() + " | " + e.message()).toList();
    }

    private static Map<String, Integer> notes(ImportResult result) {
        Map<String, Integer> notes = new TreeMap<>();
        result.notes().forEach(n -> notes.merge(n.message(), n.count(), Integer::sum));
        return notes;
    }

    @SuppressWarnings("unchecked")
    private static List<String> rows(SalesFixture f, String sql) {
        return f.db.read(em -> ((List<Object>) em.createNativeQuery(sql).getResultList()).stream()
                .map(r -> r instanceof Object[] cells ? Arrays.toString(cells) : String.valueOf(r)).toList());
    }

    private static final String EXTERNAL = "(SELECT x.EXTERNAL_ID FROM SB_OPPORTUNITY_EXTERNAL_ID x WHERE x.ENTITY = 'opportunity' AND x.RECORD_ID = o.ID)";
    /** Every stored column of a deal but its id and times, with what its ids point at. */
    private static final String DEALS = "SELECT " + EXTERNAL + ", c.NAME, o.NAME, o.AMOUNT, o.CURRENCY, o.CLOSE_DATE, o.CLOSE_MONTH, p.NAME, s.NAME, "
            + "o.STATE, o.PROBABILITY, o.FORECAST_CATEGORY, o.NEXT_STEP, o.LOSS_REASON, o.CLOSED_ON, o.SOURCE, o.CAMPAIGN, o.INDUSTRY, "
            + "o.DESCRIPTION, (SELECT pr.NAME FROM SB_PRODUCT pr WHERE pr.ID = o.PRODUCT_ID), o.ENGAGED_ON, o.OWNER, o.CREATED_BY, o.UPDATED_BY, o.VERSION, o.REACHED_POSITION, o.LEAD_ID, "
            + "o.DELETED_AT, o.DELETED_BY FROM SB_OPPORTUNITY o JOIN SB_CUSTOMER c ON c.ID = o.CUSTOMER_ID JOIN SB_PIPELINE p ON p.ID = o.PIPELINE_ID "
            + "JOIN SB_STAGE s ON s.ID = o.STAGE_ID ORDER BY 1, o.NAME";
    private static final String HISTORY = "SELECT " + EXTERNAL + ", f.NAME, t.NAME, h.MOVED_BY, h.AMOUNT, h.CURRENCY, h.PROBABILITY, h.OWNER, "
            + "h.VERSION FROM SB_STAGE_HISTORY h "
            + "JOIN SB_OPPORTUNITY o ON o.ID = h.OPPORTUNITY_ID LEFT JOIN SB_STAGE f ON f.ID = h.FROM_STAGE_ID JOIN SB_STAGE t ON t.ID = h.TO_STAGE_ID "
            + "ORDER BY 1, h.ID";
    private static final String BOARD_TOTALS = "SELECT s.NAME, t.CURRENCY, t.OPEN_COUNT, t.OPEN_AMOUNT FROM SB_STAGE_TOTAL t "
            + "JOIN SB_STAGE s ON s.ID = t.STAGE_ID ORDER BY s.NAME, t.CURRENCY";
    private static final String BY_STAGE = "SELECT s.NAME, o.STATE, COUNT(*), SUM(o.AMOUNT) FROM SB_OPPORTUNITY o JOIN SB_STAGE s ON s.ID = o.STAGE_ID "
            + "GROUP BY s.NAME, o.STATE ORDER BY s.NAME";

    private void sameRecords(String sql) {
        List<String> expected = rows(service, sql);
        assertTrue(!expected.isEmpty(), sql);
        assertEquals(expected, rows(bulk, sql), sql);
    }

    @Test
    void dealsAndTheirStageHistoryLoadInBulkAsTheServiceWritesThem() throws IOException {
        // all or nothing: a bad row loads nothing, on either path
        Path bad = Files.writeString(dir.resolve("bad.csv"), String.join("\r\n",
                "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value,Next Step,Reason Lost",
                "B1,AgentA Smith-0,Zeta Basic,Acctaon 0,Won,2017-01-02,2017-02-03,500,,",
                "B2,AgentA Smith-0,Zeta Basic,Acctaon 0,Negotiating,2017-01-02,,,,",
                "B3,Nobody Known,Zeta Basic,Acctaon 0,Won,2017-01-02,2017-02-03,500,,",
                "B4,AgentA Smith-0,Zeta Ultra,Acctaon 0,Won,2017-01-02,2017-02-03,500,,",
                "B5,AgentA Smith-0,Zeta Basic,Acctaon 0,Lost,2017-01-02,2017-02-03,0,,",
                "B6,AgentA Smith-0,Zeta Basic,,Engaging,2017-01-02,,,,",
                "B7,AgentA Smith-0,Zeta Basic,Nowhere Ltd,Engaging,2017-01-02,,,,",
                "B8,AgentB Smith-1,Mu Special,Acctbon 1,Engaging,2017-03-02,2017-01-02,70,call back,",
                "B9,AgentB Smith-1,Mu Special,Acctbon 1,Lost,2017-01-02,2017-05-03,-5,,",
                "B10,AgentB Smith-1,Kappa 500,Acctcon 2,Engaging,2017-01-02,2030-01-02,26768.5,send the offer,",
                "B11,AgentB Smith-1,Mu Special,Acctbon 1,Lost,2017-01-02,2017-05-03,60,, 价格 ",
                "B12,AgentB Smith-1,Mu Special,Acctbon 1,Lost,2017-01-02,2017-05-04,61,,Went quiet", ""));
        ValueMapping values = ValueMapping.NONE.with("stage", "Won", "Closed won").with("stage", "Lost", "Closed lost")
                .with("stage", "Engaging", "Needs analysis").with("amount", "", "0");
        ImportResult refused = both(bad, values, Mode.ALL_OR_NOTHING, null);
        assertEquals(Outcome.ROLLED_BACK, refused.outcome());
        assertTrue(refused.failed() >= 7, refused.errors().toString());
        assertEquals(0, bulk.count("SELECT COUNT(*) FROM SB_OPPORTUNITY"), "nothing half-written");
        assertEquals(0, bulk.count("SELECT COUNT(*) FROM SB_STAGE_HISTORY"));
        assertEquals(0, bulk.count("SELECT COUNT(*) FROM SB_STAGE_TOTAL WHERE OPEN_COUNT <> 0"));
        assertEquals(0, bulk.count("SELECT COUNT(*) FROM SB_OPPORTUNITY_EXTERNAL_ID WHERE ENTITY = 'opportunity'"));

        // the file: the same records on both paths
        ImportResult loaded = both(files.pipeline, SalesDataSetImportTest.pipelineValues(), Mode.ALL_OR_NOTHING, null);
        assertEquals(Outcome.COMPLETED, loaded.outcome(), loaded.errors().toString());
        assertEquals(files.opportunities, loaded.created());
        assertTrue(files.withoutAccount > 0 && files.won > 0 && files.lost > 0 && files.engaging > 0, "the file has every kind of deal");
        // the bulk path took the file: the deals it loaded carry the load's one time; those on the placeholder account
        // went through the service after it
        assertEquals(1, bulk.count("SELECT COUNT(DISTINCT o.CREATED_AT) FROM SB_OPPORTUNITY o JOIN SB_CUSTOMER c ON c.ID = o.CUSTOMER_ID "
                + "WHERE c.NAME <> 'No account (imported)'"));
        assertTrue(service.count("SELECT COUNT(DISTINCT CREATED_AT) FROM SB_OPPORTUNITY") > 1, "the service stamps each deal as it writes it");
        sameRecords(DEALS);
        sameRecords(HISTORY);
        assertEquals(files.opportunities + files.won + files.lost, bulk.count("SELECT COUNT(*) FROM SB_STAGE_HISTORY"),
                "one history row into an open deal's stage; a closed one's creation and its close");
        sameRecords(BOARD_TOTALS);
        sameRecords(BY_STAGE);
        assertEquals(0, files.wonValue.compareTo(bulk.sum("SELECT SUM(AMOUNT) FROM SB_OPPORTUNITY WHERE STATE = 'WON'")), "won revenue to the cent");
        assertEquals(files.won, bulk.count("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE STATE = 'WON'"));
        BigDecimal openAmount = bulk.sum("SELECT SUM(AMOUNT) FROM SB_OPPORTUNITY WHERE STATE = 'OPEN'");
        assertEquals(0, openAmount.compareTo(bulk.sum("SELECT SUM(OPEN_AMOUNT) FROM SB_STAGE_TOTAL")), "the board's totals hold every open deal");
        assertEquals(files.engaging + files.prospecting, bulk.count("SELECT SUM(OPEN_COUNT) FROM SB_STAGE_TOTAL"));

        // a second run matching on the external ids skips every deal and writes nothing
        ImportResult again = both(files.pipeline, SalesDataSetImportTest.pipelineValues(), Mode.ALL_OR_NOTHING,
                new MatchPolicy(List.of("externalId"), OnMatch.SKIP));
        assertEquals(files.opportunities, again.skipped());
        assertEquals(0, again.created());
        assertEquals(files.opportunities, bulk.count("SELECT COUNT(*) FROM SB_OPPORTUNITY"));
        sameRecords(DEALS);
        sameRecords(HISTORY);
        sameRecords(BOARD_TOTALS);

        // valid rows: the bad file's good rows, the same on both paths
        ImportResult partial = both(bad, values.with("lossReason", "", "Not recorded"), Mode.VALID_ROWS, null);
        assertEquals(Outcome.COMPLETED, partial.outcome());
        assertEquals(5, partial.created(), partial.errors().toString());
        assertEquals(List.of("B1", "B10", "B11", "B12", "B5"), rows(bulk, "SELECT EXTERNAL_ID FROM SB_OPPORTUNITY_EXTERNAL_ID WHERE ENTITY = 'opportunity' "
                + "AND EXTERNAL_ID LIKE 'B%' ORDER BY EXTERNAL_ID"));
        // the loss reason is stored as the list's code when it names one (here its Chinese label), else as written (noted)
        assertEquals(List.of("[B11, PRICE]", "[B12, Went quiet]", "[B5, Not recorded]"), rows(bulk, "SELECT x.EXTERNAL_ID, o.LOSS_REASON "
                + "FROM SB_OPPORTUNITY o JOIN SB_OPPORTUNITY_EXTERNAL_ID x ON x.ENTITY = 'opportunity' AND x.RECORD_ID = o.ID WHERE o.STATE = 'LOST' "
                + "AND x.EXTERNAL_ID LIKE 'B%' ORDER BY 1"));
        assertTrue(partial.notes().stream().anyMatch(n -> n.message().contains("Went quiet")), partial.notes().toString());
        sameRecords(DEALS);
        sameRecords(HISTORY);
        sameRecords(BOARD_TOTALS);

        // the insert triggers the bulk load dropped for its transaction are back as they were, in their order, and keep
        // the board's totals for the service's inserts after it
        sameRecords(INSERT_TRIGGERS);
        ImportResult viaService = run(service, false, bad, values.with("lossReason", "", "Not recorded"), Mode.VALID_ROWS, null);
        ImportResult afterBulk = run(bulk, false, bad, values.with("lossReason", "", "Not recorded"), Mode.VALID_ROWS, null);
        assertEquals(5, afterBulk.created(), afterBulk.errors().toString());
        assertEquals(viaService.created(), afterBulk.created());
        sameRecords(BOARD_TOTALS);
        assertEquals(0, bulk.sum("SELECT SUM(AMOUNT) FROM SB_OPPORTUNITY WHERE STATE = 'OPEN'").compareTo(bulk.sum("SELECT SUM(OPEN_AMOUNT) FROM SB_STAGE_TOTAL")));
    }

    /** Each deal's furthest stage, by its external id. */
    private static final String REACHED = "SELECT " + EXTERNAL + ", o.NAME, o.REACHED_POSITION FROM SB_OPPORTUNITY o ORDER BY 1, o.NAME";
    private static final String INSERT_TRIGGERS = "SELECT tb.TABLENAME, t.TRIGGERNAME, t.FIRINGTIME, t.TYPE, t.STATE, t.NEWREFERENCINGNAME, "
            + "CAST(t.WHENCLAUSETEXT AS VARCHAR(4000)), CAST(t.TRIGGERDEFINITION AS VARCHAR(4000)) FROM SYS.SYSTRIGGERS t "
            + "JOIN SYS.SYSTABLES tb ON tb.TABLEID = t.TABLEID WHERE t.EVENT = 'I' AND tb.TABLENAME IN ('SB_OPPORTUNITY', 'SB_STAGE_HISTORY') "
            + "ORDER BY tb.TABLENAME, t.CREATIONTIMESTAMP";
    /**
     * Every stored column of a stage-history row but its id and the import's own times, with what its ids point at (a
     * move the rows that moved nothing name too has several external ids: the first and how many).
     */
    private static final String MOVES = "SELECT " + EXTERNAL + ", (SELECT MIN(x.EXTERNAL_ID) || ' of ' || CHAR(COUNT(*)) FROM SB_STAGE_HISTORY_EXTERNAL_ID x"
            + " WHERE x.ENTITY = 'stageHistory' AND x.RECORD_ID = h.ID), f.NAME, t.NAME, h.MOVED_BY, CASE WHEN h.MOVED_AT < TIMESTAMP('2020-01-01 00:00:00') THEN CHAR(h.MOVED_AT)"
            + " ELSE 'the import' END, h.AMOUNT, h.CURRENCY, h.PROBABILITY, h.OWNER, h.CREATED_BY, h.UPDATED_BY, h.VERSION FROM SB_STAGE_HISTORY h"
            + " JOIN SB_OPPORTUNITY o ON o.ID = h.OPPORTUNITY_ID LEFT JOIN SB_STAGE f ON f.ID = h.FROM_STAGE_ID JOIN SB_STAGE t ON t.ID = h.TO_STAGE_ID"
            + " ORDER BY 1, h.MOVED_AT, h.ID";

    /**
     * Another CRM's stage history (Salesforce's OpportunityHistory.csv, target stageHistory) of the deals: through the
     * bulk load the same moves as row by row through JPA (rows out of time order, rows that move nothing, moves before
     * the import's own rows that replace them, amounts, a deal or stage that is not there), the same board totals and
     * furthest stages; all or nothing with a bad row loads nothing; a second run skips every row.
     */
    @Test
    void stageHistoryLoadsInBulkAsJpaWritesIt() throws IOException {
        assertEquals(Outcome.COMPLETED, both(files.pipeline, SalesDataSetImportTest.pipelineValues(), Mode.ALL_OR_NOTHING, null).outcome());
        String[] stages = { "Qualification", "Needs analysis", "Proposal", "Negotiation" };
        StringBuilder csv = new StringBuilder("Id,OpportunityId,StageName,Amount,CreatedDate\r\n");
        int rows = 0;
        for (int i = 0; i < files.opportunities; i++) {
            String deal = String.format("OPP%05d", i);
            java.time.LocalDateTime start = java.time.LocalDateTime.of(2016, 11, 1, 8, 0).plusDays(i);
            List<String> lines = new java.util.ArrayList<>();
            int steps = 1 + i % stages.length;
            for (int k = 0; k < steps; k++) {
                lines.add(String.format("H%05d-%d,%s,%s,%s,%sZ", i, k, deal, stages[k], k == 0 ? "" : Integer.toString(100 * (i + k)),
                        start.plusDays(3L * k)));
                if (k == 0 && i % 2 == 0) { // the amount changed, the stage did not: moves nothing
                    lines.add(String.format("H%05d-x,%s,%s,%d,%sZ", i, deal, stages[0], 50 + i, start.plusHours(5)));
                }
            }
            if (i % 5 == 0) { // written out of time order: the later move first
                java.util.Collections.reverse(lines);
            }
            for (String line : lines) {
                csv.append(line).append("\r\n");
                rows++;
            }
        }
        csv.append("HBAD-1,NOPE,Qualification,,2016-11-01T08:00:00Z\r\n");
        csv.append("HBAD-2,OPP00001,Dreaming,,2016-11-01T08:00:00Z\r\n");
        Path history = Files.writeString(dir.resolve("OpportunityHistory.csv"), csv);
        Path good = Files.writeString(dir.resolve("OpportunityHistoryGood.csv"), csv.substring(0, csv.indexOf("HBAD-1")));

        List<String> reachedBefore = rows(bulk, REACHED);
        ImportResult refused = both("stageHistory", history, ValueMapping.NONE, Mode.ALL_OR_NOTHING, null);
        assertEquals(Outcome.ROLLED_BACK, refused.outcome());
        assertEquals(2, refused.failed(), refused.errors().toString());
        sameRecords(MOVES);
        assertEquals(reachedBefore, rows(bulk, REACHED), "a refused load raises no deal's furthest stage");
        sameRecords(INSERT_TRIGGERS);
        assertEquals(0, bulk.count("SELECT COUNT(*) FROM SB_STAGE_HISTORY_EXTERNAL_ID WHERE ENTITY = 'stageHistory'"), "nothing half-written");

        ImportResult loaded = both("stageHistory", history, ValueMapping.NONE, Mode.VALID_ROWS, null);
        assertEquals(Outcome.COMPLETED, loaded.outcome());
        assertEquals(2, loaded.failed(), loaded.errors().toString());
        assertEquals(rows, loaded.created() + loaded.skipped());
        assertTrue(loaded.skipped() > 0 && loaded.created() > files.opportunities, "rows that moved nothing, and moves");
        sameRecords(MOVES);
        sameRecords(BOARD_TOTALS);
        sameRecords(DEALS);
        // the history's insert trigger was set aside for the load and its work done once: the furthest stages the
        // moves raised are those the trigger gives row by row (DEALS above), some were raised, and the trigger is back
        List<String> reachedAfter = rows(bulk, REACHED);
        assertTrue(java.util.stream.IntStream.range(0, reachedAfter.size()).anyMatch(i -> !reachedAfter.get(i).equals(reachedBefore.get(i))),
                "the history raised some deals' furthest stage");
        sameRecords(INSERT_TRIGGERS);
        assertTrue(bulk.count("SELECT COUNT(*) FROM SB_STAGE_HISTORY WHERE VERSION > 1") > 0, "moves after an inserted one changed");
        assertEquals(files.opportunities, bulk.count("SELECT COUNT(*) FROM SB_STAGE_HISTORY WHERE FROM_STAGE_ID IS NULL"),
                "each deal's history starts once");

        ImportResult again = both("stageHistory", good, ValueMapping.NONE, Mode.ALL_OR_NOTHING,
                new MatchPolicy(List.of("externalId"), OnMatch.SKIP));
        assertEquals(rows, again.skipped());
        assertEquals(0, again.created());
        sameRecords(MOVES);
    }
}
