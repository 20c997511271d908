package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.tests.CliFixture.Result;
import org.salesbench.persistence.Database;

/**
 * {@code report} on a small data set whose figures are known by hand:
 * <pre>
 *   alice  WON   100.00  closed 2026-01-10
 *   alice  WON   200.00  closed 2026-01-20
 *   bob    WON   350.00  closed 2026-02-05
 *   bob    LOST  400.00  closed 2026-02-06
 *   alice  OPEN  500.00  closing 2026-03-15
 *   bob    WON   999.00  closed 2025-12-31   (before the period)
 * </pre>
 * Won revenue 2026-01-01..2026-03-31: by month 2026-01 = 300.00 (2 deals), 2026-02 = 350.00 (1); by owner
 * (largest first) bob = 350.00 (1), alice = 300.00 (2); team "East" (alice) = 300.00.
 */
class ReportCommandTest {

    private static final String[] PERIOD = { "--from", "2026-01-01", "--to", "2026-03-31" };

    @TempDir
    Path dir;
    private CliFixture cli;

    @BeforeEach
    void setUp() throws SQLException {
        cli = new CliFixture(dir);
        Result list = cli.run("report", "list"); // opens and migrates the database
        assertEquals(0, list.code(), list.toString());
        try (Connection c = Database.connect(cli.settings)) {
            long pipeline;
            long won;
            long lost;
            long open;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT p.ID, st.ID, st.KIND FROM SB_PIPELINE p JOIN SB_STAGE st"
                    + " ON st.PIPELINE_ID = p.ID WHERE p.ID = (SELECT MIN(ID) FROM SB_PIPELINE) ORDER BY st.ID")) {
                long[] found = new long[4];
                while (rs.next()) {
                    found[0] = rs.getLong(1);
                    int slot = switch (rs.getString(3)) {
                        case "WON" -> 1;
                        case "LOST" -> 2;
                        default -> 3;
                    };
                    if (found[slot] == 0) {
                        found[slot] = rs.getLong(2);
                    }
                }
                pipeline = found[0];
                won = found[1];
                lost = found[2];
                open = found[3];
            }
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY,"
                    + " OWNER, NAME, NORMALIZED_NAME, STATUS) VALUES (900001, 1, ?, 't', ?, 't', 'alice', '上海星辰科技有限公司', '上海星辰科技', 'ACTIVE')")) {
                ps.setTimestamp(1, now);
                ps.setTimestamp(2, now);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO SB_TEAM (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, NAME)"
                        + " VALUES (900002, 1, CURRENT_TIMESTAMP, 't', CURRENT_TIMESTAMP, 't', 't', 'East')");
                s.executeUpdate("INSERT INTO SB_TEAM_MEMBER (TEAM_ID, LOGIN) VALUES (900002, 'alice')");
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_DEAL)) {
                long id = 900100;
                insert(ps, id++, now, "alice", "100.00", "2026-01-10", pipeline, won, "WON");
                insert(ps, id++, now, "alice", "200.00", "2026-01-20", pipeline, won, "WON");
                insert(ps, id++, now, "bob", "350.00", "2026-02-05", pipeline, won, "WON");
                insert(ps, id++, now, "bob", "400.00", "2026-02-06", pipeline, lost, "LOST");
                insert(ps, id++, now, "alice", "500.00", "2026-03-15", pipeline, open, "OPEN");
                insert(ps, id++, now, "bob", "999.00", "2025-12-31", pipeline, won, "WON");
            }
        }
    }

    private static final String INSERT_DEAL = "INSERT INTO SB_OPPORTUNITY (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY,"
            + " OWNER, CUSTOMER_ID, NAME, AMOUNT, CURRENCY, CLOSE_DATE, CLOSE_MONTH, PIPELINE_ID, STAGE_ID, STATE, STAGE_ENTERED_AT, PROBABILITY,"
            + " FORECAST_CATEGORY, CLOSED_ON, ENGAGED_ON) VALUES (?, 1, ?, 't', ?, 't', ?, 900001, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static void insert(PreparedStatement ps, long id, Timestamp now, String owner, String amount, String day, long pipeline, long stage,
            String state) throws SQLException {
        LocalDate date = LocalDate.parse(day);
        ps.setLong(1, id);
        ps.setTimestamp(2, now);
        ps.setTimestamp(3, now);
        ps.setString(4, owner);
        ps.setString(5, "商机 " + id);
        ps.setBigDecimal(6, new java.math.BigDecimal(amount));
        ps.setDate(7, Date.valueOf(date));
        ps.setInt(8, date.getYear() * 100 + date.getMonthValue());
        ps.setLong(9, pipeline);
        ps.setLong(10, stage);
        ps.setString(11, state);
        ps.setTimestamp(12, now);
        ps.setInt(13, state.equals("WON") ? 100 : state.equals("LOST") ? 0 : 40);
        ps.setString(14, state.equals("WON") ? "CLOSED" : state.equals("LOST") ? "OMITTED" : "COMMIT");
        ps.setDate(15, state.equals("OPEN") ? null : Date.valueOf(date));
        ps.setDate(16, Date.valueOf(date.minusDays(30)));
        ps.executeUpdate();
    }

    private Result report(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "report";
        System.arraycopy(args, 0, all, 1, args.length);
        Result r = cli.run(all);
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    private static String[] with(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void jsonIsAnArrayOfRowsWithNamedFields() {
        Result r = report(with(new String[] { "won-revenue", "--by", "month", "--format", "json" }, PERIOD));
        assertEquals("[\n  {\"month\": \"2026-01\", \"won_revenue\": 300.00, \"won_count\": 2},\n"
                + "  {\"month\": \"2026-02\", \"won_revenue\": 350.00, \"won_count\": 1}\n]\n", r.out().replace("\r\n", "\n"));
    }

    @Test
    void csvAndTableShowTheSameFiguresAndFiltersNarrowThem() {
        Result csv = report(with(new String[] { "won-revenue", "--by", "owner", "--format", "csv" }, PERIOD));
        assertEquals(List.of("owner,won_revenue,won_count", "bob,350.00,1", "alice,300.00,2"), csv.out().lines().toList());

        Result table = report(with(new String[] { "won-revenue", "--by", "month" }, PERIOD));
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Month") || lines.get(0).contains("(CNY)"), table.toString());
        assertTrue(lines.get(1).matches("-+( +-+)+"), table.toString());
        assertTrue(lines.get(2).startsWith("2026-01") && lines.get(2).endsWith("300.00  2") || lines.get(2).matches("2026-01 +300\\.00 +2"),
                table.toString());

        Result bob = report(with(new String[] { "won-revenue", "--by", "month", "--owner", "bob", "--format", "csv" }, PERIOD));
        assertEquals(List.of("month,won_revenue,won_count", "2026-02,350.00,1"), bob.out().lines().toList());
        Result east = report(with(new String[] { "won-revenue", "--by", "owner", "--team", "east", "--format", "csv" }, PERIOD));
        assertEquals(List.of("owner,won_revenue,won_count", "alice,300.00,2"), east.out().lines().toList());
        Result before = report("won-revenue", "--by", "month", "--to", "2025-12-31", "--format", "csv");
        assertEquals(List.of("month,won_revenue,won_count", "2025-12,999.00,1"), before.out().lines().toList());
    }

    /**
     * A report's text cells are neutralised as every CSV Salesbench writes (issue 15): an owner a spreadsheet would take
     * for a formula gets a leading quote, on screen ({@code --format csv}) and in the file ({@code --output x.csv}).
     */
    @Test
    void aTextCellASpreadsheetWouldRunIsNeutralisedInTheReportsCsv() throws SQLException, IOException {
        try (Connection c = Database.connect(cli.settings); Statement s = c.createStatement();
                ResultSet won = s.executeQuery("SELECT PIPELINE_ID, STAGE_ID FROM SB_OPPORTUNITY WHERE ID = 900100");
                PreparedStatement ps = c.prepareStatement(INSERT_DEAL)) {
            won.next();
            insert(ps, 900200, new Timestamp(System.currentTimeMillis()), "=1+2", "70.00", "2026-03-01", won.getLong(1), won.getLong(2), "WON");
        }
        Result csv = report(with(new String[] { "won-revenue", "--by", "owner", "--format", "csv" }, PERIOD));
        assertTrue(csv.out().lines().anyMatch("'=1+2,70.00,1"::equals), csv.toString());
        Path file = dir.resolve("owners.csv");
        report(with(new String[] { "won-revenue", "--by", "owner", "--output", file.toString() }, PERIOD));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.lines().anyMatch("'=1+2,70.00,1"::equals), text);
    }

    @Test
    void aPeriodWithoutDataOrADeletedOwnerIsAnEmptyReportNotAnError() {
        Result empty = report("won-revenue", "--from", "2030-01-01", "--to", "2030-12-31", "--format", "json");
        assertEquals("[]", empty.out().strip());
        assertTrue(empty.err().contains("No data for this filter."), empty.toString());
        Result nobody = report(with(new String[] { "won-revenue", "--owner", "no-such-user", "--format", "csv" }, PERIOD));
        assertEquals(1, nobody.out().lines().count(), "the header only: " + nobody);
    }

    @Test
    void outputWritesXlsxAndPdfByTheExtension() throws IOException {
        Path xlsx = dir.resolve("won.xlsx");
        Result r = report(with(new String[] { "won-revenue", "--by", "owner", "--output", xlsx.toString() }, PERIOD));
        assertTrue(r.out().contains("(2 rows)") && r.out().contains(xlsx.toString()), r.toString());
        byte[] bytes = Files.readAllBytes(xlsx);
        assertEquals('P', bytes[0]);
        assertEquals('K', bytes[1]);
        Path pdf = dir.resolve("won.pdf");
        report(with(new String[] { "won-revenue", "--by", "month", "--output", pdf.toString() }, PERIOD));
        assertTrue(Files.readString(pdf, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        Path csv = dir.resolve("won.csv");
        report(with(new String[] { "won-revenue", "--by", "month", "--output", csv.toString() }, PERIOD));
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "BOM for Excel");
        assertTrue(text.contains("2026-01,300.00,2"), text);
        assertFalse(Files.exists(dir.resolve("won.csv.partial")));
    }

    @Test
    void listNamesEveryReportWithItsMetricDefinitions() {
        Result r = report("list");
        for (String id : List.of("funnel", "won-revenue", "win-loss", "sales-cycle", "forecast", "pipeline-trend", "activity", "customer-profile")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(id + " (")), id + ": " + r.out());
        }
        assertTrue(r.out().contains("--by owner|team|product|sector|region|month"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("    won_revenue: ") && l.contains(" = ")), r.out());
        assertFalse(r.out().contains(": ?"), "every metric a report names is in the catalogue: " + r.out());
    }

    @Test
    void aBadFilterIsAUsageErrorNamingTheOption() {
        Result r = cli.run("report", "won-revenue", "--from", "2026-03-01", "--to", "2026-01-01");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--to"), r.toString());
        assertFalse(r.err().contains("\tat "), r.toString());
        Result team = cli.run("report", "won-revenue", "--team", "West");
        assertEquals(2, team.code(), team.toString());
        assertTrue(team.err().contains("There is no team \"West\". Teams: East"), team.toString());
    }
}
