package org.salesbench.persistence.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.expressions.ExpressionSQLPrinter;
import org.eclipse.persistence.internal.helper.DatabaseTable;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink's half of reading through the masking views of a team server: for a session that may not read a record
 * kind's table whole (its columns of hidden fields are locked, or may be), every SELECT names the masking view
 * {@code <TABLE>_V} in its FROM clause, while INSERT, UPDATE and DELETE keep naming the table.
 * <p>
 * How: EclipseLink prints a table into a SELECT's FROM clause (joins and sub-selects included) through
 * {@link DatabaseTable#printSQL}, and into INSERT, UPDATE and DELETE statements through
 * {@link DatabaseTable#getQualifiedNameDelimited} alone. The descriptor's table is replaced, before the session logs
 * in (so every field the descriptor initialises refers to it), by a {@link ViewReadTable} of the same name whose
 * {@code printSQL} names the view. Columns are printed by alias ({@code t0.NAME}) or unqualified, never with the
 * table's name, so the rest of the statement is unchanged. The alternatives did less: a descriptor's custom read SQL
 * ({@code DescriptorQueryManager.setReadObjectSQLString}) covers find by id and read-all only, not JPQL with criteria
 * nor joins; a read-only twin entity mapped to the view would need every JPQL query to name the twin; a table
 * qualifier moves writes too. A path that still printed the table would be refused by the database, never shown a
 * hidden value.
 */
public final class MaskedReads implements SessionCustomizer {

    /** The session property holding the map table → masking view (upper case) this session reads through. */
    public static final String PROPERTY = "salesbench.masking-views";

    private final Map<String, String> viewOfTable;

    public MaskedReads(Map<String, String> viewOfTable) {
        this.viewOfTable = Map.copyOf(viewOfTable);
    }

    /**
     * The masking views the connection's user reads through: those of the schema's record kinds whose table the user
     * does not own (its owner reads the tables; an embedded database has no views). Table and view in upper case.
     */
    public static Map<String, String> of(Connection connection) throws SQLException {
        Map<String, String> views = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT T.RELNAME, V.RELNAME FROM PG_CLASS V JOIN PG_NAMESPACE N ON N.OID = V.RELNAMESPACE"
                        + " JOIN PG_CLASS T ON T.RELNAMESPACE = N.OID AND T.RELKIND = 'r' AND V.RELNAME = LEFT(T.RELNAME, 61) || '_v'"
                        + " WHERE N.NSPNAME = CURRENT_SCHEMA() AND V.RELKIND = 'v'"
                        + " AND OBJ_DESCRIPTION(V.OID, 'pg_class') LIKE 'salesbench:field-mask of %'"
                        + " AND NOT PG_HAS_ROLE(CURRENT_USER, T.RELOWNER, 'MEMBER')")) {
            while (rs.next()) {
                views.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getString(2).toUpperCase(Locale.ROOT));
            }
        }
        return views;
    }

    @Override
    public void customize(Session session) {
        session.setProperty(PROPERTY, viewOfTable);
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            if (descriptor.getTables().size() != 1) {
                continue;
            }
            DatabaseTable table = descriptor.getTables().get(0);
            String view = viewOfTable.get(table.getName().toUpperCase(Locale.ROOT));
            if (view == null || table instanceof ViewReadTable) {
                continue;
            }
            ViewReadTable reading = new ViewReadTable(table, view);
            descriptor.getTables().set(0, reading);
            if (descriptor.getDefaultTable() != null && descriptor.getDefaultTable().equals(table)) {
                descriptor.setDefaultTable(reading);
            }
        }
    }

    /** A table that SELECTs read from its masking view; everything else (equality, writes) sees the table. */
    static final class ViewReadTable extends DatabaseTable {
        private static final long serialVersionUID = 1L;
        private final DatabaseTable view;

        ViewReadTable(DatabaseTable table, String view) {
            super(table.getName(), table.getTableQualifier());
            this.view = new DatabaseTable(view, table.getTableQualifier());
            setUseDelimiters(table.shouldUseDelimiters());
        }

        @Override
        public void printSQL(ExpressionSQLPrinter printer) throws IOException {
            view.printSQL(printer);
        }
    }
}
