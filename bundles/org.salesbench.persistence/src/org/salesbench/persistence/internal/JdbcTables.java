package org.salesbench.persistence.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Whether a table exists, whatever case the database folds unquoted names to (Derby upper, PostgreSQL lower). */
public final class JdbcTables {

    private JdbcTables() {
    }

    public static boolean exists(Connection connection, String name) throws SQLException {
        for (String candidate : new String[] {name.toUpperCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = connection.getMetaData().getTables(null, null, candidate, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
