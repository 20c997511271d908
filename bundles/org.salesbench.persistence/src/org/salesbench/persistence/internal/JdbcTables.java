package org.salesbench.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Whether a table exists in the connection's current schema, whatever case the database folds unquoted names to
 * (Derby upper, PostgreSQL lower). Only the current schema counts: a PostgreSQL server holds other schemas (other
 * teams' databases, other test runs) with tables of the same names, which unqualified SQL here never reads.
 * <p>
 * On Derby both read its catalog ({@code SYS.SYSTABLES}, {@code SYS.SYSCOLUMNS}) with one small query, which Derby
 * compiles once a boot and then finds in its statement cache: {@code DatabaseMetaData.getTables} made Derby compile its
 * large metadata query at every start, about a quarter of the database opening's CPU, for the schema check's few
 * questions. Other databases answer through the JDBC metadata.
 */
public final class JdbcTables {

    private JdbcTables() {
    }

    /** Derby's product name, as its driver reports it. */
    private static final String DERBY = "Apache Derby";

    private static final String DERBY_TABLE = "SELECT 1 FROM SYS.SYSTABLES T JOIN SYS.SYSSCHEMAS S ON T.SCHEMAID = S.SCHEMAID"
            + " WHERE S.SCHEMANAME = CURRENT SCHEMA AND T.TABLENAME IN (?, ?)";

    private static final String DERBY_COLUMN = "SELECT 1 FROM SYS.SYSCOLUMNS C JOIN SYS.SYSTABLES T ON C.REFERENCEID = T.TABLEID"
            + " JOIN SYS.SYSSCHEMAS S ON T.SCHEMAID = S.SCHEMAID WHERE S.SCHEMANAME = CURRENT SCHEMA"
            + " AND ((T.TABLENAME = ? AND C.COLUMNNAME = ?) OR (T.TABLENAME = ? AND C.COLUMNNAME = ?))";

    public static boolean exists(Connection connection, String name) throws SQLException {
        if (isDerby(connection)) {
            return any(connection, DERBY_TABLE, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
        }
        String schema = literalPattern(connection, connection.getSchema());
        for (String candidate : new String[] {name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = connection.getMetaData().getTables(null, schema, candidate, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code table} of the current schema has {@code column}: a partial migration (an upgrade run changelog by
     * changelog, as the layout tests do) may not have added it yet.
     */
    public static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        if (isDerby(connection)) {
            return any(connection, DERBY_COLUMN, table.toUpperCase(Locale.ROOT), column.toUpperCase(Locale.ROOT),
                    table.toLowerCase(Locale.ROOT), column.toLowerCase(Locale.ROOT));
        }
        String schema = literalPattern(connection, connection.getSchema());
        for (boolean upper : new boolean[] {true, false}) {
            String t = upper ? table.toUpperCase(Locale.ROOT) : table.toLowerCase(Locale.ROOT);
            String c = upper ? column.toUpperCase(Locale.ROOT) : column.toLowerCase(Locale.ROOT);
            try (ResultSet rs = connection.getMetaData().getColumns(null, schema, literalPattern(connection, t), literalPattern(connection, c))) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDerby(Connection connection) throws SQLException {
        return DERBY.equals(connection.getMetaData().getDatabaseProductName());
    }

    /** Whether the catalog query {@code sql} finds a row for these names. */
    private static boolean any(Connection connection, String sql, String... names) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < names.length; i++) {
                select.setString(i + 1, names[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A name as a metadata search pattern that matches only itself (schema names may hold _ and %). */
    private static String literalPattern(Connection connection, String name) throws SQLException {
        if (name == null) {
            return null;
        }
        String escape = connection.getMetaData().getSearchStringEscape();
        return escape == null || escape.isEmpty() ? name : name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
