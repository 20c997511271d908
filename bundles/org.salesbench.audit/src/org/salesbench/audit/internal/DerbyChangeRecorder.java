package org.salesbench.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.sessions.AbstractRecord;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.mappings.DatabaseMapping.WriteType;
import org.eclipse.persistence.queries.WriteObjectQuery;
import org.salesbench.audit.AuditKind;
import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.time.Clocks;
import org.salesbench.persistence.ClientName;

/**
 * Records the changes of one audited table on embedded Derby, where no trigger can compare rows: listens to the
 * persistence unit's writes of the table's entity and writes the same entries the PostgreSQL triggers write, on the
 * writing connection, so in the same transaction. Only installed on Derby, so the two never both write.
 */
final class DerbyChangeRecorder extends DescriptorEventAdapter {

    static final String INSERT = "INSERT INTO SB_AUDIT_EVENT (ENTITY, RECORD_ID, KIND, FIELD, OLD_VALUE, NEW_VALUE, USER_NAME, "
            + "CHANGED_AT, CLIENT_APP, CLIENT_ADDR, DETAILS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)";

    private static final String DELETED_AT = "deleted_at";
    private static final int VALUE_LENGTH = 4000;

    private final AuditedTables.Descriptor table;
    private final Writer writer;

    DerbyChangeRecorder(AuditedTables.Descriptor table, Writer writer) {
        this.table = table;
        this.writer = writer;
    }

    @Override
    public void postInsert(DescriptorEvent event) {
        writer.write(connection(event.getSession()), event.getSession(), table, recordId(event), AuditKind.CREATED, null, null, null);
    }

    @Override
    public void postUpdate(DescriptorEvent event) {
        AbstractSession session = event.getSession();
        Object backup = event.getQuery() instanceof WriteObjectQuery w ? w.getBackupClone() : null;
        if (backup == null || backup == event.getObject()) {
            return; // nothing to compare with: not a change made through a unit of work
        }
        writer.changed(connection(session), session, table, recordId(event), row(event, backup), row(event, event.getObject()));
    }

    @Override
    public void postDelete(DescriptorEvent event) {
        writer.deleted(connection(event.getSession()), event.getSession(), table, recordId(event), row(event, event.getObject()));
    }

    private static Map<String, Object> row(DescriptorEvent event, Object entity) {
        AbstractRecord record = event.getDescriptor().getObjectBuilder().buildRow(entity, event.getSession(), WriteType.UPDATE);
        Map<String, Object> row = new LinkedHashMap<>();
        for (DatabaseField field : record.getFields()) {
            row.put(field.getName().toLowerCase(Locale.ROOT), record.get(field));
        }
        return row;
    }

    private static Connection connection(AbstractSession session) {
        return session.getAccessor().getConnection();
    }

    private static Long recordId(DescriptorEvent event) {
        return event.getObject() instanceof AbstractEntity e ? e.getId() : null;
    }

    /** Writes entries as the current user, by the application's clock, on the connection of the change. */
    static final class Writer {

        private final Supplier<String> currentUser;

        Writer(Supplier<String> currentUser) {
            this.currentUser = currentUser;
        }

        /** One entry per recorded column whose value differs; a DELETED_AT set or cleared is a deletion or restoration. */
        void changed(Connection connection, AbstractSession session, AuditedTables.Descriptor table, Long id, Map<String, Object> before,
                Map<String, Object> after) {
            for (Map.Entry<String, Object> column : after.entrySet()) {
                if (!table.records(column.getKey()) || !before.containsKey(column.getKey())) {
                    continue;
                }
                String oldValue = text(before.get(column.getKey()));
                String newValue = text(column.getValue());
                if (Objects.equals(oldValue, newValue)) {
                    continue;
                }
                AuditKind kind = !DELETED_AT.equals(column.getKey()) ? AuditKind.CHANGED
                        : newValue == null ? AuditKind.RESTORED : AuditKind.DELETED;
                write(connection, session, table, id, kind, column.getKey(), oldValue, newValue);
            }
        }

        /** A removed row, kept whole as JSON in the old value. */
        void deleted(Connection connection, AbstractSession session, AuditedTables.Descriptor table, Long id, Map<String, Object> row) {
            StringBuilder json = new StringBuilder("{");
            for (Map.Entry<String, Object> column : row.entrySet()) {
                String value = text(column.getValue());
                if (json.length() > 1) {
                    json.append(", ");
                }
                json.append(quote(column.getKey())).append(": ").append(value == null ? "null" : quote(value));
            }
            write(connection, session, table, id, AuditKind.DELETED, null, json.append('}').toString(), null);
        }

        void write(Connection connection, AbstractSession session, AuditedTables.Descriptor table, Long recordId, AuditKind kind,
                String field, String oldValue, String newValue) {
            write(connection, session, table, recordId, kind, field, oldValue, newValue, null);
        }

        void write(Connection connection, AbstractSession session, AuditedTables.Descriptor table, Long recordId, AuditKind kind,
                String field, String oldValue, String newValue, String details) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bind(insert, table.entity(), recordId, kind, field, oldValue, newValue, currentUser.get(), Instant.now(Clocks.system()),
                        ClientName.current(), details);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw DatabaseException.sqlException(e, session, false); // rolls the change back with its audit
            }
        }
    }

    /** Binds {@link #INSERT}'s parameters; also used for events that are no row change. */
    static void bind(PreparedStatement insert, String entity, Long recordId, AuditKind kind, String field, String oldValue,
            String newValue, String user, Instant at, String client, String details) throws SQLException {
        insert.setString(1, entity);
        if (recordId == null) {
            insert.setNull(2, Types.BIGINT);
        } else {
            insert.setLong(2, recordId);
        }
        insert.setString(3, kind.code());
        setText(insert, 4, field);
        setText(insert, 5, clip(oldValue));
        setText(insert, 6, clip(newValue));
        insert.setString(7, user);
        insert.setTimestamp(8, Timestamp.from(at));
        setText(insert, 9, client);
        setText(insert, 10, clip(details));
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    static String clip(String value) {
        return value == null || value.length() <= VALUE_LENGTH ? value : value.substring(0, VALUE_LENGTH);
    }

    /** A column value as text, as PostgreSQL's {@code ->>} shows it closely enough: empty for null. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        return value.toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
            case '"' -> b.append("\\\"");
            case '\\' -> b.append("\\\\");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
                if (c < 0x20) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            }
        }
        return b.append('"').toString();
    }
}
