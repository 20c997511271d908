package org.salesbench.importexport.targets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The row triggers of a table's inserts on embedded Derby, dropped inside a bulk load's transaction and created again,
 * as they were and in the order they were created (the order Derby fires them in), before it commits. Derby runs a row
 * trigger's statement once per inserted row, so a million-row bulk load with a trigger that keeps a total does a
 * million updates; without the trigger the load is one pass, and the loader does the trigger's work once, set-based,
 * in the same transaction. Derby's DDL is transactional: a load that rolls back (a refusal, a cancel, a kill) gets the
 * triggers back with it, and while the transaction runs the table is locked (the bulk insert locks it anyway), so no
 * other writer of it runs without them. Only for an embedded, single-user Derby database, where the bulk path runs.
 */
public final class SuspendedTriggers {

    private final List<String> creates;

    private SuspendedTriggers(List<String> creates) {
        this.creates = creates;
    }

    /**
     * Drops the insert triggers of {@code table} (in the connection's current schema) and returns what creates them
     * again; in the caller's transaction.
     */
    public static SuspendedTriggers dropInsertTriggers(Connection connection, String table) throws SQLException {
        List<String> creates = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT t.TRIGGERNAME, s.SCHEMANAME, t.FIRINGTIME, t.TYPE, t.STATE, "
                + "t.REFERENCINGNEW, t.NEWREFERENCINGNAME, t.WHENCLAUSETEXT, t.TRIGGERDEFINITION FROM SYS.SYSTRIGGERS t "
                + "JOIN SYS.SYSTABLES tb ON tb.TABLEID = t.TABLEID JOIN SYS.SYSSCHEMAS s ON s.SCHEMAID = tb.SCHEMAID "
                + "WHERE tb.TABLENAME = ? AND s.SCHEMANAME = ? AND t.EVENT = 'I' ORDER BY t.CREATIONTIMESTAMP")) {
            select.setString(1, table);
            select.setString(2, connection.getSchema());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String name = quoted(rs.getString(2)) + "." + quoted(rs.getString(1));
                    if (!"E".equals(rs.getString(5))) {
                        throw new SQLException("trigger " + name + " is disabled: a bulk load does not know how to put it back");
                    }
                    StringBuilder create = new StringBuilder("CREATE TRIGGER ").append(name)
                            .append("B".equals(rs.getString(3)) ? " NO CASCADE BEFORE" : " AFTER").append(" INSERT ON ")
                            .append(quoted(rs.getString(2))).append('.').append(quoted(table));
                    if (rs.getBoolean(6)) {
                        create.append(" REFERENCING NEW AS ").append(rs.getString(7));
                    }
                    create.append("R".equals(rs.getString(4)) ? " FOR EACH ROW" : " FOR EACH STATEMENT");
                    if (rs.getString(8) != null) {
                        create.append(" WHEN (").append(rs.getString(8)).append(')');
                    }
                    creates.add(create.append(' ').append(rs.getString(9)).toString());
                    drops.add("DROP TRIGGER " + name);
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
            }
        }
        return new SuspendedTriggers(creates);
    }

    /** Creates the dropped triggers again, in their order; in the same transaction as the drop. */
    public void restore(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String create : creates) {
                statement.execute(create);
            }
        }
    }

    /** How many triggers were dropped. */
    public int count() {
        return creates.size();
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
