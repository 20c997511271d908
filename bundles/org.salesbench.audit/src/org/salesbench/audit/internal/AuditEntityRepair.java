package org.salesbench.audit.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.salesbench.audit.AuditKind;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.SetupException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Gives entries written under the wrong entity name their table's entity: before a module declared each of its tables
 * under an entity of its own, the rows of several tables were audited under one name (contracts' receipts, payment-plan
 * rows, write-offs, credit, plan amendments and invoices under {@code contract}, by their own ids). Every record id comes
 * from the one id sequence ({@code SB_ID}), so an id names one row of one table; among the tables one module declares:
 * <ol>
 * <li>an entry whose record is not a row of its entity's table but is a row of another of the module's tables takes that
 * table's entity;</li>
 * <li>an entry whose record is in none of them any more (deleted since) takes the entity of the one table of the module
 * whose columns hold every field its entries name (the fields changed, and the columns of the whole row a deletion
 * kept), when that table is not its entity's own; with no field to go by (only its creation), or several tables that
 * fit, it keeps its name and is counted.</li>
 * </ol>
 * Entries whose record is a row of its entity's table are never touched. Runs once, on Derby and PostgreSQL alike.
 */
public class AuditEntityRepair implements CustomTaskChange {

    private String summary = "no audit entry needed another entity";

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            Result result = repair(connection, AuditedTables.all());
            summary = result.toString();
        } catch (SQLException e) {
            throw new CustomChangeException("giving old audit entries their table's entity: " + e.getMessage(), e);
        }
    }

    /** What a repair did: entries moved to each entity, and records whose entries were left under their name. */
    public record Result(Map<String, Integer> moved, int recordsLeft) {
        @Override
        public String toString() {
            return "audit entries given their table's entity: " + moved + "; records left as they were (nothing tells their table): " + recordsLeft;
        }
    }

    public static Result repair(Connection connection, List<AuditedTables.Descriptor> declared) throws SQLException {
        Map<String, Integer> moved = new LinkedHashMap<>();
        int left = 0;
        Map<String, List<AuditedTables.Descriptor>> byModule = new LinkedHashMap<>();
        for (AuditedTables.Descriptor d : declared) {
            if (d.module() != null && table(connection, d.table()) != null) {
                byModule.computeIfAbsent(d.module(), m -> new ArrayList<>()).add(d);
            }
        }
        for (List<AuditedTables.Descriptor> module : byModule.values()) {
            if (module.size() < 2) {
                continue;
            }
            Map<String, Set<String>> columns = new LinkedHashMap<>();
            for (AuditedTables.Descriptor d : module) {
                columns.put(d.table(), columns(connection, table(connection, d.table())));
            }
            for (String entity : module.stream().map(AuditedTables.Descriptor::entity).distinct().toList()) {
                List<String> own = module.stream().filter(d -> d.entity().equals(entity)).map(d -> table(connection, d.table())).toList();
                // EXISTS, not IN: an anti-join the database hashes at any size (NOT IN over 300,000 ids rescans the list per entry)
                String notOwn = String.join(" AND ", own.stream().map(ServerSide::absent).toList());
                // 1. the record is a row of another of the module's tables
                for (AuditedTables.Descriptor other : module) {
                    if (other.entity().equals(entity)) {
                        continue;
                    }
                    try (PreparedStatement update = connection.prepareStatement("UPDATE SB_AUDIT_EVENT SET ENTITY = ? WHERE ENTITY = ? AND "
                            + notOwn + " AND EXISTS (SELECT 1 FROM " + table(connection, other.table()) + " R WHERE R.ID = SB_AUDIT_EVENT.RECORD_ID)")) {
                        update.setString(1, other.entity());
                        update.setString(2, entity);
                        int n = update.executeUpdate();
                        if (n > 0) {
                            moved.merge(other.entity(), n, Integer::sum);
                        }
                    }
                }
                // 2. the record is gone: its fields tell the table, when one table alone has them all
                String gone = notOwn + String.join("", module.stream().filter(d -> !d.entity().equals(entity))
                        .map(d -> " AND " + ServerSide.absent(table(connection, d.table()))).toList());
                Map<Long, Set<String>> fields = new LinkedHashMap<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT RECORD_ID, KIND, FIELD, OLD_VALUE FROM SB_AUDIT_EVENT"
                        + " WHERE ENTITY = ? AND RECORD_ID IS NOT NULL AND " + gone)) {
                    select.setString(1, entity);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            Set<String> named = fields.computeIfAbsent(rs.getLong(1), id -> new HashSet<>());
                            if (rs.getString(3) != null) {
                                named.add(rs.getString(3).toLowerCase(Locale.ROOT));
                            } else if (AuditKind.DELETED.code().equals(rs.getString(2)) && rs.getString(4) != null) {
                                named.addAll(jsonKeys(rs.getString(4)));
                            }
                        }
                    }
                }
                for (Map.Entry<Long, Set<String>> record : fields.entrySet()) {
                    List<AuditedTables.Descriptor> fit = record.getValue().isEmpty() ? List.of()
                            : module.stream().filter(d -> columns.get(d.table()).containsAll(record.getValue())).toList();
                    if (fit.size() != 1) {
                        left++; // nothing, or several tables, fit its fields
                        continue;
                    }
                    if (fit.get(0).entity().equals(entity)) {
                        continue; // a deleted row of its own table
                    }
                    try (PreparedStatement update = connection.prepareStatement("UPDATE SB_AUDIT_EVENT SET ENTITY = ? WHERE ENTITY = ? AND RECORD_ID = ?")) {
                        update.setString(1, fit.get(0).entity());
                        update.setString(2, entity);
                        update.setLong(3, record.getKey());
                        moved.merge(fit.get(0).entity(), update.executeUpdate(), Integer::sum);
                    }
                }
            }
        }
        return new Result(moved, left);
    }

    /** Conditions on an entry of {@code SB_AUDIT_EVENT}. */
    private static final class ServerSide {
        /** The entry's record is no row of {@code table}. */
        static String absent(String table) {
            return "NOT EXISTS (SELECT 1 FROM " + table + " R WHERE R.ID = SB_AUDIT_EVENT.RECORD_ID)";
        }
    }

    /** The table's name as the database spells it (upper case on Derby, lower case on PostgreSQL), or null when it is not there. */
    private static String table(Connection connection, String name) {
        try {
            DatabaseMetaData meta = connection.getMetaData();
            for (String spelled : List.of(name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
                try (ResultSet rs = meta.getTables(null, connection.getSchema(), spelled, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return spelled;
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static Set<String> columns(Connection connection, String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, connection.getSchema(), table, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** The keys of a JSON object's top level (the whole row a deletion kept), lower case. */
    static Set<String> jsonKeys(String json) {
        Set<String> keys = new HashSet<>();
        int depth = 0;
        boolean expectKey = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = i + 1;
                StringBuilder text = new StringBuilder();
                while (end < json.length() && json.charAt(end) != '"') {
                    if (json.charAt(end) == '\\' && end + 1 < json.length()) {
                        end++;
                    }
                    text.append(json.charAt(end));
                    end++;
                }
                if (depth == 1 && expectKey) {
                    keys.add(text.toString().toLowerCase(Locale.ROOT));
                    expectKey = false;
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
                expectKey = depth == 1 && c == '{';
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 1) {
                expectKey = true;
            }
        }
        return keys;
    }

    @Override
    public String getConfirmationMessage() {
        return summary;
    }

    @Override
    public void setUp() throws SetupException {
        // nothing to set up
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
        // reads no file
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
