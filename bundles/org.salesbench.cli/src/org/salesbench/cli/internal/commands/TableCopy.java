package org.salesbench.cli.internal.commands;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tables two migrated Salesbench databases share, found from JDBC metadata (so every installed module's tables
 * are found without naming one), their copy from one to the other and a checksum computed the same way on both.
 * <p>
 * A table is the target's table of that name; its columns are the target's, each read from the source column of the
 * same name. Tables are ordered parents first by the target's foreign keys.
 */
final class TableCopy {

    /** The migrations' bookkeeping (Liquibase's, and the schema fingerprint): each database keeps its own, written by its own migration. */
    private static final Set<String> MIGRATION_TABLES = Set.of("DATABASECHANGELOG", "DATABASECHANGELOGLOCK", "SB_SCHEMA_FINGERPRINT");
    private static final int BATCH = 1_000;

    record Column(String name, String sourceName, int type, boolean text, boolean large) {
    }

    /** A table of both databases; {@code name} as the target spells it, {@code sourceName} as the source does. */
    record Table(String name, String sourceName, List<Column> columns, List<Column> key) {

        String label() {
            return name.toUpperCase(Locale.ROOT);
        }
    }

    /** What the migration found: the shared tables parents first, and the tables only one side has. */
    record Layout(List<Table> tables, List<String> onlyInTarget, List<String> onlyInSource, List<String> columnProblems) {
    }

    /** The rows of a table and a SHA-256 over them in key order, each value normalised as {@link #normalised} says. */
    record Checksum(long rows, String hash) {
    }

    private TableCopy() {
    }

    /** The tables of the connection's current schema, by upper-case name, with the name as the database spells it. */
    static Map<String, String> tables(Connection connection) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String upper = name.toUpperCase(Locale.ROOT);
                if (!MIGRATION_TABLES.contains(upper)) {
                    tables.put(upper, name);
                }
            }
        }
        return tables;
    }

    /** Whether the connection's current schema has been migrated by Salesbench (it has Liquibase's change log). */
    static boolean isMigrated(Connection connection) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase("DATABASECHANGELOG")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Layout layout(Connection source, Connection target) throws SQLException {
        Map<String, String> sourceTables = tables(source);
        Map<String, String> targetTables = tables(target);
        List<String> onlyInTarget = targetTables.keySet().stream().filter(t -> !sourceTables.containsKey(t)).toList();
        List<String> onlyInSource = sourceTables.keySet().stream().filter(t -> !targetTables.containsKey(t)).toList();
        List<String> columnProblems = new ArrayList<>();
        Map<String, Table> shared = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : targetTables.entrySet()) {
            String sourceName = sourceTables.get(t.getKey());
            if (sourceName == null) {
                continue;
            }
            Map<String, String> sourceColumns = new HashMap<>();
            try (ResultSet rs = source.getMetaData().getColumns(null, source.getSchema(), sourceName, "%")) {
                while (rs.next()) {
                    sourceColumns.put(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), rs.getString("COLUMN_NAME"));
                }
            }
            List<Column> columns = new ArrayList<>();
            Map<String, Column> byName = new HashMap<>();
            try (ResultSet rs = target.getMetaData().getColumns(null, target.getSchema(), t.getValue(), "%")) {
                while (rs.next()) {
                    String name = rs.getString("COLUMN_NAME");
                    String upper = name.toUpperCase(Locale.ROOT);
                    String sourceColumn = sourceColumns.remove(upper);
                    if (sourceColumn == null) {
                        columnProblems.add(t.getKey() + "." + upper);
                        continue;
                    }
                    int type = rs.getInt("DATA_TYPE");
                    Column c = new Column(name, sourceColumn, type, isText(type), isLarge(type, rs.getString("TYPE_NAME")));
                    columns.add(c);
                    byName.put(upper, c);
                }
            }
            sourceColumns.keySet().forEach(c -> columnProblems.add(t.getKey() + "." + c));
            TreeMap<Short, Column> key = new TreeMap<>();
            try (ResultSet rs = target.getMetaData().getPrimaryKeys(null, target.getSchema(), t.getValue())) {
                while (rs.next()) {
                    Column c = byName.get(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                    if (c != null) {
                        key.put(rs.getShort("KEY_SEQ"), c);
                    }
                }
            }
            // without a primary key the rows are ordered by every column that can be ordered
            List<Column> order = key.isEmpty() ? columns.stream().filter(c -> !c.large()).toList() : List.copyOf(key.values());
            shared.put(t.getKey(), new Table(t.getValue(), sourceName, List.copyOf(columns), order));
        }
        return new Layout(parentsFirst(target, shared), onlyInTarget, onlyInSource, columnProblems);
    }

    /**
     * The tables ordered so that every table comes after the tables its foreign keys name (ties by name, so the order
     * is the same on every run). A table naming itself is inserted in key order; a cycle, which no changelog makes
     * today, is left in name order and the server's foreign keys then refuse the copy.
     */
    private static List<Table> parentsFirst(Connection target, Map<String, Table> tables) throws SQLException {
        Map<String, Set<String>> parents = new HashMap<>();
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            Set<String> names = new TreeSet<>();
            try (ResultSet rs = target.getMetaData().getImportedKeys(null, target.getSchema(), t.getValue().name())) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toUpperCase(Locale.ROOT);
                    if (!parent.equals(t.getKey()) && tables.containsKey(parent)) {
                        names.add(parent);
                    }
                }
            }
            parents.put(t.getKey(), names);
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        TreeSet<String> waiting = new TreeSet<>(tables.keySet());
        while (!waiting.isEmpty()) {
            String next = waiting.stream().filter(t -> placed.containsAll(parents.get(t))).findFirst().orElse(waiting.first());
            waiting.remove(next);
            placed.add(next);
            ordered.add(tables.get(next));
        }
        return ordered;
    }

    private static boolean isText(int type) {
        return switch (type) {
        case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> true;
        default -> false;
        };
    }

    /** Types that cannot be ordered by (Derby refuses to sort CLOB and BLOB; PostgreSQL's text is a VARCHAR of no length). */
    private static boolean isLarge(int type, String typeName) {
        return switch (type) {
        case Types.CLOB, Types.NCLOB, Types.BLOB, Types.LONGVARBINARY, Types.LONGVARCHAR, Types.LONGNVARCHAR -> true;
        default -> "text".equalsIgnoreCase(typeName) || "bytea".equalsIgnoreCase(typeName);
        };
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Rows of a table of this connection's current schema. */
    static long count(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Empties the target's tables, children first. */
    static void deleteAll(Connection target, List<Table> tables) throws SQLException {
        try (Statement s = target.createStatement()) {
            for (int i = tables.size() - 1; i >= 0; i--) {
                s.executeUpdate("DELETE FROM " + quote(tables.get(i).name()));
            }
        }
    }

    /** Copies the rows of {@code table} in key order, in batches, on the target's open transaction; returns how many. */
    static long copy(Connection source, Connection target, Table table) throws SQLException {
        String insert = "INSERT INTO " + quote(table.name()) + " (" + table.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "))
                + ") VALUES (" + table.columns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        long rows = 0;
        try (Statement read = source.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                PreparedStatement write = target.prepareStatement(insert)) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery(select(table, true, false))) {
                int pending = 0;
                while (rs.next()) {
                    for (int i = 0; i < table.columns().size(); i++) {
                        transfer(rs, i + 1, write, table.columns().get(i).type());
                    }
                    write.addBatch();
                    rows++;
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    write.executeBatch();
                }
            }
        }
        return rows;
    }

    /** One value from the source into the target's parameter, converted to the target column's type. */
    private static void transfer(ResultSet from, int index, PreparedStatement to, int targetType) throws SQLException {
        switch (targetType) {
        case Types.BOOLEAN, Types.BIT -> {
            boolean value = from.getBoolean(index);
            if (from.wasNull()) {
                to.setNull(index, targetType);
            } else {
                to.setBoolean(index, value);
            }
        }
        case Types.TIMESTAMP -> {
            Timestamp value = from.getTimestamp(index);
            // the server keeps microseconds: the copy cuts what it would round, so both sides hold the same instant
            to.setTimestamp(index, value == null ? null : Timestamp.valueOf(value.toLocalDateTime().truncatedTo(ChronoUnit.MICROS)));
        }
        case Types.DATE -> to.setDate(index, from.getDate(index));
        case Types.TIME -> to.setTime(index, from.getTime(index));
        case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB ->
            to.setString(index, from.getString(index));
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> to.setBytes(index, from.getBytes(index));
        case Types.DECIMAL, Types.NUMERIC -> to.setBigDecimal(index, from.getBigDecimal(index));
        default -> {
            Object value = from.getObject(index);
            if (value == null) {
                to.setNull(index, targetType);
            } else {
                to.setObject(index, value, targetType);
            }
        }
        }
    }

    /** The SELECT of every column in key order, with the target's names or the source's. */
    private static String select(Table table, boolean fromSource, boolean postgres) {
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(table.columns().stream().map(c -> quote(fromSource ? c.sourceName() : c.name())).collect(Collectors.joining(", ")));
        sql.append(" FROM ").append(quote(fromSource ? table.sourceName() : table.name()));
        if (!table.key().isEmpty()) {
            // Derby orders text by code point; PostgreSQL by the database's collation unless told to compare bytes
            sql.append(" ORDER BY ").append(table.key().stream()
                    .map(c -> quote(fromSource ? c.sourceName() : c.name()) + (postgres && c.text() ? " COLLATE \"C\"" : "") + " NULLS LAST")
                    .collect(Collectors.joining(", ")));
        }
        return sql.toString();
    }

    /** The checksum of {@code table} on the source ({@code fromSource}) or the target, computed the same way on both. */
    static Checksum checksum(Connection connection, Table table, boolean fromSource, boolean postgres) throws SQLException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long rows = 0;
        try (Statement read = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery(select(table, fromSource, postgres))) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String value = normalised(rs, i, meta.getColumnType(i));
                        if (value == null) {
                            digest.update((byte) 0);
                        } else {
                            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                            digest.update((byte) 1);
                            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                            digest.update((byte) ':');
                            digest.update(bytes);
                        }
                    }
                    digest.update((byte) '\n');
                    rows++;
                }
            }
        }
        return new Checksum(rows, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * A value as text that is the same on Derby and PostgreSQL for the same datum: booleans as {@code true}/{@code false},
     * whole numbers and decimals without trailing zeros, timestamps to the microsecond (what the server keeps) in ISO
     * form, dates and times in ISO form, binary data in hex; {@code null} for SQL NULL.
     */
    static String normalised(ResultSet rs, int index, int type) throws SQLException {
        String value = switch (type) {
        case Types.BOOLEAN, Types.BIT -> Boolean.toString(rs.getBoolean(index));
        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Long.toString(rs.getLong(index));
        case Types.DECIMAL, Types.NUMERIC -> {
            BigDecimal d = rs.getBigDecimal(index);
            yield d == null ? null : d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        case Types.REAL -> Float.toString(rs.getFloat(index));
        case Types.FLOAT, Types.DOUBLE -> Double.toString(rs.getDouble(index));
        case Types.TIMESTAMP -> {
            Timestamp t = rs.getTimestamp(index);
            yield t == null ? null : t.toLocalDateTime().truncatedTo(ChronoUnit.MICROS).toString();
        }
        case Types.DATE -> {
            java.sql.Date d = rs.getDate(index);
            yield d == null ? null : d.toLocalDate().toString();
        }
        case Types.TIME -> {
            java.sql.Time t = rs.getTime(index);
            yield t == null ? null : t.toLocalTime().toString();
        }
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
            byte[] b = rs.getBytes(index);
            yield b == null ? null : HexFormat.of().formatHex(b);
        }
        default -> rs.getString(index);
        };
        return rs.wasNull() ? null : value;
    }

    /** The table with the most rows, for a message; ties by name. */
    static Map.Entry<String, Long> largest(Connection connection, Iterable<Table> tables) throws SQLException {
        Map.Entry<String, Long> largest = null;
        for (Table t : tables) {
            long rows = count(connection, t.name());
            if (rows > 0 && (largest == null || rows > largest.getValue())) {
                largest = Map.entry(t.label(), rows);
            }
        }
        return largest;
    }
}
