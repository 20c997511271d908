package org.salesbench.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The floor of any loader on this stack: Derby's own import procedure ({@code SYSCS_IMPORT_TABLE}) on exactly the rows
 * each command wrote. The benchmark counts every table of the commands' database before the first and after each
 * command ({@link #count}); afterwards each command's new rows are exported by table ({@code SYSCS_EXPORT_QUERY}) and
 * imported, command by command, into a fresh migrated database with its triggers dropped ({@link #measure}): the same
 * tables, indexes, foreign keys and row counts, with no JVM start, no reading or checking of a source file, no search
 * index and no trigger work. What a command takes beyond this is ours; what this takes already is the stack's.
 */
final class DerbyImportFloor {

    /** One command's share of the floor. */
    record Step(double seconds, double cpuSeconds, Map<String, Long> rows) {
    }

    private final DatabaseSettings source;
    private final List<Map<String, Long>> counts = new ArrayList<>();

    DerbyImportFloor(DatabaseSettings source) {
        this.source = source;
    }

    /** Counts the rows of every table in the commands' database, then shuts it down for the next command's process. */
    void count() throws SQLException {
        try (Connection connection = Database.connect(source)) {
            counts.add(tableCounts(connection));
        } finally {
            ImportBenchmark.shutdown(source);
        }
    }

    /** Exports what each command added and imports it, command by command, into a fresh database in {@code dir}. */
    List<Step> measure(Path dir, LocalSecurityService security) throws Exception {
        List<Map<String, Long>> added = new ArrayList<>(); // per command: table → rows it added, in foreign-key order
        List<Map<String, Path>> exported = new ArrayList<>();
        Path folder = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-files"));
        try (Connection connection = Database.connect(source)) {
            List<String> order = parentsFirst(connection, counts.get(0).keySet());
            for (int step = 1; step < counts.size(); step++) {
                Map<String, Long> rows = new LinkedHashMap<>();
                Map<String, Path> files = new LinkedHashMap<>();
                for (String table : order) {
                    long before = counts.get(step - 1).get(table);
                    long after = counts.get(step).get(table);
                    if (after > before) {
                        Path file = folder.resolve(step + "-" + table + ".del");
                        Files.deleteIfExists(file);
                        try (PreparedStatement export = connection
                                .prepareStatement("CALL SYSCS_UTIL.SYSCS_EXPORT_QUERY(?, ?, NULL, NULL, 'UTF-8')")) {
                            // in a heap's order: the commands only add rows, so the step's rows are those after the earlier ones
                            export.setString(1, "SELECT * FROM APP.\"" + table + "\" OFFSET " + before + " ROWS FETCH NEXT " + (after - before)
                                    + " ROWS ONLY");
                            export.setString(2, file.toString());
                            export.execute();
                        }
                        rows.put(table, after - before);
                        files.put(table, file);
                    }
                }
                added.add(rows);
                exported.add(files);
            }
        } finally {
            ImportBenchmark.shutdown(source);
        }

        ImportBenchmark.fresh(dir);
        DatabaseSettings floor = DatabaseSettings.embedded(dir);
        Database.open(floor, security).close(); // the same schema, migrated
        List<Step> steps = new ArrayList<>();
        try (Connection connection = Database.connect(floor)) {
            dropTriggers(connection);
            for (int step = 0; step < added.size(); step++) {
                double cpu = MoveInCliBenchmark.ownCpuSeconds();
                long start = System.nanoTime();
                for (Map.Entry<String, Path> file : exported.get(step).entrySet()) {
                    try (PreparedStatement load = connection
                            .prepareStatement("CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE(NULL, ?, ?, NULL, NULL, 'UTF-8', 0)")) {
                        load.setString(1, file.getKey());
                        load.setString(2, file.getValue().toString());
                        load.execute();
                    }
                }
                steps.add(new Step((System.nanoTime() - start) / 1e9, MoveInCliBenchmark.ownCpuSeconds() - cpu, added.get(step)));
                for (Path file : exported.get(step).values()) {
                    Files.delete(file);
                }
            }
        } finally {
            ImportBenchmark.shutdown(floor);
        }
        return steps;
    }

    private static Map<String, Long> tableCounts(Connection connection) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : names(connection, "SELECT T.TABLENAME FROM SYS.SYSTABLES T JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = T.SCHEMAID "
                + "WHERE S.SCHEMANAME = 'APP' AND T.TABLETYPE = 'T'")) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM APP.\"" + table + "\"")) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    /** The tables ordered so that a table a foreign key refers to comes before the table that holds the key. */
    private static List<String> parentsFirst(Connection connection, Set<String> tables) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String table : tables) {
            Set<String> own = new HashSet<>();
            try (ResultSet keys = meta.getImportedKeys(null, "APP", table)) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME");
                    if (!parent.equals(table) && tables.contains(parent)) {
                        own.add(parent);
                    }
                }
            }
            parents.put(table, own);
        }
        List<String> order = new ArrayList<>();
        while (order.size() < tables.size()) {
            int before = order.size();
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                if (!order.contains(table.getKey()) && order.containsAll(table.getValue())) {
                    order.add(table.getKey());
                }
            }
            if (order.size() == before) {
                throw new IllegalStateException("foreign keys in a cycle among " + parents);
            }
        }
        return order;
    }

    /** The floor has no trigger work: the loads set their tables' triggers aside too and do their work set-wise. */
    private static void dropTriggers(Connection connection) throws SQLException {
        List<String> triggers = names(connection, "SELECT T.TRIGGERNAME FROM SYS.SYSTRIGGERS T JOIN SYS.SYSSCHEMAS S ON S.SCHEMAID = T.SCHEMAID "
                + "WHERE S.SCHEMANAME = 'APP'");
        try (Statement statement = connection.createStatement()) {
            for (String trigger : triggers) {
                statement.execute("DROP TRIGGER APP.\"" + trigger + "\"");
            }
        }
    }

    /** The first column of every row {@code sql} selects. */
    private static List<String> names(Connection connection, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
