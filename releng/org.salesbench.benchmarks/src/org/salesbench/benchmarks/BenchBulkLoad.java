package org.salesbench.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How the benchmarks fill Derby fast without the services: ids reserved in one step, rows written to CSV files and
 * loaded with Derby's import procedure, which into an empty table without insert triggers is a bulk insert that sorts
 * each index once (row-by-row inserts maintain every index and trigger per row).
 */
final class BenchBulkLoad {

    private BenchBulkLoad() {
    }

    /** Reserves {@code count} ids of the shared sequence; returns the first. */
    static long reserveIds(Connection c, long count) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE SB_SEQUENCE SET SEQ_COUNT = SEQ_COUNT + ? WHERE SEQ_NAME = 'SB_ID'")) {
            update.setLong(1, count);
            update.executeUpdate();
        }
        try (ResultSet rs = c.createStatement().executeQuery("SELECT SEQ_COUNT FROM SB_SEQUENCE WHERE SEQ_NAME = 'SB_ID'")) {
            rs.next();
            return rs.getLong(1) - count + 1;
        }
    }

    /** Derby's bulk import of a UTF-8 CSV file into the named columns (empty fields are NULL). */
    static void importFile(Connection c, String table, String columns, Path file) throws SQLException {
        try (PreparedStatement call = c.prepareStatement("CALL SYSCS_UTIL.SYSCS_IMPORT_DATA(NULL, ?, ?, NULL, ?, ',', '\"', 'UTF-8', 0)")) {
            call.setString(1, table);
            call.setString(2, columns);
            call.setString(3, file.toString());
            call.execute();
        }
        c.commit();
    }

    /**
     * Drops the insert triggers of the opportunities and their stage history before a load: Derby fires row triggers
     * after the statement from a copy of every inserted row, and a table with insert triggers gets no bulk insert.
     */
    static void dropOpportunityInsertTriggers(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER SB_OPP_TOTAL_INS_ROW");
            s.execute("DROP TRIGGER SB_OPP_TOTAL_INS");
            s.execute("DROP TRIGGER SB_HISTORY_REACHED");
        }
        c.commit();
    }

    /**
     * After the load: the stage totals and each deal's furthest stage computed as the opportunities changelog's
     * migration computes them, and the triggers made again word for word as the changelog makes them.
     */
    static void restoreOpportunityInsertTriggers(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM SB_STAGE_TOTAL");
            s.executeUpdate("INSERT INTO SB_STAGE_TOTAL (STAGE_ID, CURRENCY, OPEN_COUNT, OPEN_AMOUNT) SELECT STAGE_ID, CURRENCY, COUNT(*),"
                    + " SUM(COALESCE(AMOUNT, 0)) FROM SB_OPPORTUNITY WHERE STATE = 'OPEN' AND CURRENCY IS NOT NULL GROUP BY STAGE_ID, CURRENCY");
            s.execute("CREATE TRIGGER SB_OPP_TOTAL_INS_ROW AFTER INSERT ON SB_OPPORTUNITY REFERENCING NEW AS N FOR EACH ROW"
                    + " WHEN (N.STATE = 'OPEN' AND N.CURRENCY IS NOT NULL)"
                    + " INSERT INTO SB_STAGE_TOTAL (STAGE_ID, CURRENCY, OPEN_COUNT, OPEN_AMOUNT) SELECT N.STAGE_ID, N.CURRENCY, 0, 0 FROM SYSIBM.SYSDUMMY1"
                    + " WHERE NOT EXISTS (SELECT 1 FROM SB_STAGE_TOTAL t WHERE t.STAGE_ID = N.STAGE_ID AND t.CURRENCY = N.CURRENCY)");
            s.execute("CREATE TRIGGER SB_OPP_TOTAL_INS AFTER INSERT ON SB_OPPORTUNITY REFERENCING NEW AS N FOR EACH ROW"
                    + " WHEN (N.STATE = 'OPEN' AND N.CURRENCY IS NOT NULL)"
                    + " UPDATE SB_STAGE_TOTAL SET OPEN_COUNT = OPEN_COUNT + 1, OPEN_AMOUNT = OPEN_AMOUNT + COALESCE(N.AMOUNT, 0)"
                    + " WHERE STAGE_ID = N.STAGE_ID AND CURRENCY = N.CURRENCY");
            s.executeUpdate("UPDATE SB_OPPORTUNITY SET REACHED_POSITION = (SELECT MAX(s.POSITION) FROM SB_STAGE_HISTORY h"
                    + " JOIN SB_STAGE s ON s.ID = h.TO_STAGE_ID WHERE h.OPPORTUNITY_ID = SB_OPPORTUNITY.ID AND s.KIND <> 'LOST')");
            s.execute("CREATE TRIGGER SB_HISTORY_REACHED AFTER INSERT ON SB_STAGE_HISTORY REFERENCING NEW AS N FOR EACH ROW"
                    + " UPDATE SB_OPPORTUNITY SET REACHED_POSITION = (SELECT s.POSITION FROM SB_STAGE s WHERE s.ID = N.TO_STAGE_ID)"
                    + " WHERE ID = N.OPPORTUNITY_ID AND EXISTS (SELECT 1 FROM SB_STAGE s WHERE s.ID = N.TO_STAGE_ID AND s.KIND <> 'LOST'"
                    + " AND (SB_OPPORTUNITY.REACHED_POSITION IS NULL OR SB_OPPORTUNITY.REACHED_POSITION < s.POSITION))");
        }
        c.commit();
    }

    /** Fresh statistics, as a database that has lived a while has them. */
    static void updateStatistics(Connection c, String... tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
            }
        } catch (SQLException e) {
            System.out.println("BENCH statistics not updated: " + e.getMessage());
        }
        c.commit();
    }
}
