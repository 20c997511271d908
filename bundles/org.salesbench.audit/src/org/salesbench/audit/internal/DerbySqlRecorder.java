package org.salesbench.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.databaseaccess.DatasourceCall;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.queries.ObjectLevelModifyQuery;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.salesbench.audit.AuditKind;

/**
 * On embedded Derby, records the {@code UPDATE} and {@code DELETE} statements a service sends to an audited table as SQL
 * (a cascade of deletions, a bulk update) rather than through an entity, which the {@link DerbyChangeRecorder} does
 * not see: reads the rows the statement's WHERE clause selects before it runs, and compares them with what they are
 * after, on the statement's own connection, so in its transaction. The PostgreSQL triggers do the same in the server.
 */
final class DerbySqlRecorder extends SessionEventAdapter {

    private static final Pattern STATEMENT = Pattern.compile("^\\s*(DELETE\\s+FROM|UPDATE)\\s+([A-Za-z0-9_.\"]+)\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The rows a statement touches, read before it runs, by the statement being run on this thread. */
    private final ThreadLocal<Map<Object, Pending>> pending = ThreadLocal.withInitial(IdentityHashMap::new);
    private final DerbyChangeRecorder.Writer writer;

    /**
     * Above this many rows a statement is recorded as one entry naming the statement and its row count: on the single-user
     * embedded database such a statement is a clean-up (a failed bulk load undone, demo data cleared), and reading every
     * row twice would make it slow.
     */
    static final int ROW_BY_ROW_LIMIT = 1000;

    /** What a statement is about to change: the rows before, or only their number above {@link #ROW_BY_ROW_LIMIT}. */
    private record Pending(AuditedTables.Descriptor table, boolean delete, List<Map<String, Object>> before, long count, String sql) {
    }

    DerbySqlRecorder(DerbyChangeRecorder.Writer writer) {
        this.writer = writer;
    }

    @Override
    public void preExecuteCall(SessionEvent event) {
        if (!(event.getCall() instanceof DatasourceCall call) || call.getQuery() instanceof ObjectLevelModifyQuery
                || call.getQuery() == null || call.getQuery().getAccessor() == null) {
            return; // an entity's own write: the descriptor listener records it
        }
        String sql = call instanceof org.eclipse.persistence.internal.databaseaccess.DatabaseCall db ? db.getSQLString() : null;
        if (sql == null) {
            return;
        }
        Matcher m = STATEMENT.matcher(sql);
        if (!m.matches()) {
            return;
        }
        String tableName = m.group(2).replace("\"", "");
        tableName = tableName.substring(tableName.lastIndexOf('.') + 1);
        AuditedTables.Descriptor table = AuditedTables.ofTable(tableName).orElse(null);
        if (table == null) {
            return;
        }
        boolean delete = m.group(1).toUpperCase(Locale.ROOT).startsWith("DELETE");
        String rest = m.group(3);
        int where = topLevelWhere(rest);
        String condition = where < 0 ? null : rest.substring(where + "WHERE".length());
        List<Object> parameters = call.getParameters() == null ? List.of() : call.getParameters();
        if (!delete && !setsRecordedColumn(table, where < 0 ? rest : rest.substring(0, where))) {
            return; // a derived column recomputed: nothing the history shows
        }
        int skipped = where < 0 ? 0 : placeholders(rest.substring(0, where));
        List<Object> conditionParameters = parameters.size() >= skipped ? parameters.subList(skipped, parameters.size()) : List.of();
        Connection connection = call.getQuery().getAccessor().getConnection();
        try {
            long count = count(connection, tableName, condition, conditionParameters);
            if (count > ROW_BY_ROW_LIMIT) {
                pending.get().put(call, new Pending(table, delete, null, count, sql));
            } else if (count > 0) {
                pending.get().put(call, new Pending(table, delete, select(connection, tableName, condition, conditionParameters), count, sql));
            }
        } catch (SQLException e) {
            throw DatabaseException.sqlException(e, (AbstractSession) event.getSession(), false);
        }
    }

    @Override
    public void postExecuteCall(SessionEvent event) {
        Pending p = pending.get().remove(event.getCall());
        if (p == null) {
            return;
        }
        AbstractSession session = (AbstractSession) event.getSession();
        Connection connection = ((DatasourceCall) event.getCall()).getQuery().getAccessor().getConnection();
        try {
            if (p.before() == null) {
                writer.write(connection, session, p.table(), null, p.delete() ? AuditKind.DELETED : AuditKind.CHANGED, null, null, null,
                        p.count() + " rows: " + p.sql().strip());
            } else if (p.delete()) {
                for (Map<String, Object> row : p.before()) {
                    if (exists(connection, p.table().table(), row.get("id"))) {
                        continue; // the WHERE clause changed between the two reads: only what went is recorded
                    }
                    writer.deleted(connection, session, p.table(), id(row), row);
                }
            } else {
                for (Map<String, Object> old : p.before()) {
                    List<Map<String, Object>> now = select(connection, p.table().table(), "ID = ?", List.of(old.get("id")));
                    if (!now.isEmpty()) {
                        writer.changed(connection, session, p.table(), id(old), old, now.get(0));
                    }
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.sqlException(e, session, false);
        }
    }

    private static Long id(Map<String, Object> row) {
        return row.get("id") instanceof Number n ? n.longValue() : null;
    }

    private static long count(Connection connection, String table, String condition, List<Object> parameters) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table + (condition == null ? "" : " WHERE " + condition))) {
            for (int i = 0; i < parameters.size(); i++) {
                count.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Whether {@code SET a = …, b = …} assigns a column the history records. */
    static boolean setsRecordedColumn(AuditedTables.Descriptor table, String setList) {
        String list = setList.strip();
        if (!list.regionMatches(true, 0, "SET", 0, 3)) {
            return true; // not understood: read the rows
        }
        int depth = 0;
        boolean quoted = false;
        int start = 3;
        for (int i = 3; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                String assignment = list.substring(start, i);
                int equals = assignment.indexOf('=');
                String column = (equals < 0 ? assignment : assignment.substring(0, equals)).strip().replace("\"", "");
                if (table.records(column)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean exists(Connection connection, String table, Object id) throws SQLException {
        return !select(connection, table, "ID = ?", List.of(id)).isEmpty();
    }

    private static List<Map<String, Object>> select(Connection connection, String table, String condition, List<Object> parameters)
            throws SQLException {
        String sql = "SELECT * FROM " + table + (condition == null ? "" : " WHERE " + condition);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnName(c).toLowerCase(Locale.ROOT), r.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Where the statement's own WHERE begins (outside quotes and parentheses), or -1. */
    static int topLevelWhere(String sql) {
        int depth = 0;
        boolean quoted = false;
        String upper = sql.toUpperCase(Locale.ROOT);
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && upper.startsWith("WHERE", i) && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))
                    && (i + 5 >= sql.length() || !Character.isLetterOrDigit(sql.charAt(i + 5)))) {
                return i;
            }
        }
        return -1;
    }

    /** The parameter markers outside quotes: those of a SET list come before the WHERE clause's. */
    static int placeholders(String sql) {
        int count = 0;
        boolean quoted = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '?') {
                count++;
            }
        }
        return count;
    }
}
