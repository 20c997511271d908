package org.salesbench.persistence.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether a table exists in the connection's current schema, whatever case the database folds unquoted names to
 * (Derby upper, PostgreSQL lower). Only the current schema counts: a PostgreSQL server holds other schemas (other
 * teams' databases, other test runs) with tables of the same names, which unqualified SQL here never reads.
 */
public final class JdbcTables {

    private JdbcTables() {
    }

    public static boolean exists(Connection connection, String name) throws SQLException {
        String schema = literalPattern(connection, connection.getSchema());
        for (String candidate : new String[] {name.toUpperCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT)}) {
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
        String schema = literalPattern(connection, connection.getSchema());
        for (boolean upper : new boolean[] {true, false}) {
            String t = upper ? table.toUpperCase(java.util.Locale.ROOT) : table.toLowerCase(java.util.Locale.ROOT);
            String c = upper ? column.toUpperCase(java.util.Locale.ROOT) : column.toLowerCase(java.util.Locale.ROOT);
            try (ResultSet rs = connection.getMetaData().getColumns(null, schema, literalPattern(connection, t), literalPattern(connection, c))) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
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
