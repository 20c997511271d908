package org.salesbench.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.SetupException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Attaches the audit triggers (insert, update, delete; statement level, with transition tables) to every declared
 * table of a PostgreSQL database that has them not yet, or has them under another entity name than it declares now. Run at each migration, so a module installed later is
 * attached on the next start; a table that does not exist is skipped.
 */
public class AuditTriggers implements CustomTaskChange {

    /** The trigger names, one per operation: a trigger with transition tables serves one event. */
    static final List<String> OPERATIONS = List.of("INSERT", "UPDATE", "DELETE");

    @Override
    public void execute(Database database) throws CustomChangeException {
        if (!(database instanceof PostgresDatabase)) {
            return; // Derby has no statement triggers with transition tables: AuditTrailImpl records there
        }
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            attach(connection, AuditedTables.all());
            if (ownsAuditTable(connection)) {
                protect(connection, AuditedTables.all());
            }
        } catch (SQLException e) {
            throw new CustomChangeException("attaching the audit triggers: " + e.getMessage(), e);
        }
    }

    public static void attach(Connection connection, List<AuditedTables.Descriptor> tables) throws SQLException {
        for (AuditedTables.Descriptor table : tables) {
            String name = table.table().toLowerCase(Locale.ROOT);
            if (!exists(connection, name)) {
                continue;
            }
            for (String operation : OPERATIONS) {
                String trigger = "sb_audit_" + operation.toLowerCase(Locale.ROOT);
                String function = "sb_audit_changes(" + literal(table.entity()) + ",";
                String attached = triggerDefinition(connection, name, trigger);
                if (attached != null && attached.contains(function)) {
                    continue;
                }
                if (attached != null) { // attached under another entity name (the module renamed it): attached again
                    try (Statement s = connection.createStatement()) {
                        s.execute("DROP TRIGGER " + trigger + " ON " + name);
                    }
                }
                String transition = switch (operation) {
                case "INSERT" -> "NEW TABLE AS new_rows";
                case "UPDATE" -> "OLD TABLE AS old_rows NEW TABLE AS new_rows";
                default -> "OLD TABLE AS old_rows";
                };
                try (Statement s = connection.createStatement()) {
                    // names come from plugin.xml declarations, never from users; quoted as literals all the same
                    s.execute("CREATE TRIGGER " + trigger + " AFTER " + operation + " ON " + name + " REFERENCING " + transition
                            + " FOR EACH STATEMENT EXECUTE FUNCTION sb_audit_changes(" + literal(table.entity()) + ", "
                            + literal(String.join(",", table.ignoredColumns())) + ")");
                }
            }
        }
    }

    /**
     * On a team server a user reads the history of the records they may see, and nobody writes it but its triggers:
     * {@code SB_AUDIT_VISIBLE} asks each event's record under the reader's own row-level security (everyone's events
     * of an entity for those who read every record of it), and the table's comment tells the team role's grants
     * to leave it read-only. Rewritten at every migration by the table's owner, so a module added later is included.
     */
    static void protect(Connection connection, List<AuditedTables.Descriptor> tables) throws SQLException {
        StringBuilder cases = new StringBuilder();
        for (AuditedTables.Descriptor table : tables) {
            cases.append(" WHEN ").append(literal(table.entity())).append(" THEN ").append(literal(table.table().toUpperCase(Locale.ROOT)));
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE FUNCTION SB_AUDIT_VISIBLE(P_ENTITY TEXT, P_ID BIGINT) RETURNS BOOLEAN LANGUAGE plpgsql STABLE AS $$\n"
                    + "DECLARE T TEXT; SEEN BOOLEAN;\n"
                    + "BEGIN\n"
                    + "  IF SB_VISIBLE_OWNERS(P_ENTITY, 'READ') IS NULL THEN RETURN TRUE; END IF;\n"
                    + "  T := CASE P_ENTITY" + cases + " END;\n"
                    + "  IF T IS NULL OR P_ID IS NULL THEN RETURN FALSE; END IF;\n"
                    + "  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE ID = $1)', T) INTO SEEN USING P_ID;\n"
                    + "  RETURN SEEN;\n"
                    + "END $$");
            s.execute("ALTER TABLE SB_AUDIT_EVENT ENABLE ROW LEVEL SECURITY");
            s.execute("DROP POLICY IF EXISTS SB_READ ON SB_AUDIT_EVENT");
            s.execute("CREATE POLICY SB_READ ON SB_AUDIT_EVENT FOR SELECT USING (SB_AUDIT_VISIBLE(ENTITY, RECORD_ID))");
            s.execute("COMMENT ON TABLE SB_AUDIT_EVENT IS 'salesbench:read-only (written by its triggers only)'");
        }
    }

    private static boolean ownsAuditTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(
                "SELECT PG_HAS_ROLE(CURRENT_USER, C.RELOWNER, 'MEMBER') FROM PG_CLASS C WHERE C.OID = TO_REGCLASS('sb_audit_event')")) {
            return r.next() && r.getBoolean(1);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    /** The trigger's definition as the server prints it, or {@code null} when the table has no such trigger. */
    private static String triggerDefinition(Connection connection, String table, String trigger) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = to_regclass(?) AND tgname = ?")) {
            p.setString(1, table);
            p.setString(2, trigger);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String getConfirmationMessage() {
        return "audit triggers attached";
    }

    @Override
    public void setUp() throws SetupException {
    }

    @Override
    public void setFileOpener(ResourceAccessor accessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
