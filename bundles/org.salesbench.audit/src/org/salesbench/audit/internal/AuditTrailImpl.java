package org.salesbench.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.sessions.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.audit.AuditEntry;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.AuditQuery;
import org.salesbench.audit.AuditTrail;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.persistence.ClientName;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings.Dialect;

/**
 * The audit trail over the open database. On PostgreSQL the triggers the migration attached record every row change
 * and {@code SB_AUDIT_RECORD} the other events, both as the signed-in role by the server's clock; on embedded Derby
 * this component puts a {@link DerbyChangeRecorder} on every audited entity of the persistence unit, a
 * {@link DerbySqlRecorder} on the SQL statements sent to audited tables, and writes the other events itself. Immediate,
 * so the recorders are in place before the first write: they go on the persistence unit as it deploys.
 */
@Component(service = AuditTrail.class, immediate = true)
public final class AuditTrailImpl implements AuditTrail {

    private static final String COLUMNS = "ID, ENTITY, RECORD_ID, KIND, FIELD, OLD_VALUE, NEW_VALUE, USER_NAME, CHANGED_AT, "
            + "CLIENT_APP, CLIENT_ADDR, DETAILS";

    private final Database database;
    private final SecurityService security;
    /** Takes the recorders off again; the unit's deploying thread adds to it. */
    private final List<Runnable> uninstall = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public AuditTrailImpl(@Reference Database database, @Reference SecurityService security) {
        this.database = database;
        this.security = security;
        if (!postgres()) {
            // when the unit deploys (the first JPA use), before anything writes through it: not the start's work
            uninstall.add(database.whenUnitReady(this::installRecorders));
        }
    }

    private boolean postgres() {
        return database.settings().dialect() == Dialect.POSTGRESQL;
    }

    private void installRecorders(jakarta.persistence.EntityManagerFactory unit) {
        Session session = JpaHelper.getServerSession(unit);
        DerbyChangeRecorder.Writer writer = new DerbyChangeRecorder.Writer(() -> security.currentUser().login());
        DerbySqlRecorder statements = new DerbySqlRecorder(writer);
        session.getEventManager().addListener(statements);
        uninstall.add(() -> session.getEventManager().removeListener(statements));
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            if (descriptor.isAggregateDescriptor() || descriptor.getTableName() == null) {
                continue;
            }
            AuditedTables.ofTable(descriptor.getTableName()).ifPresent(table -> {
                DerbyChangeRecorder recorder = new DerbyChangeRecorder(table, writer);
                descriptor.getEventManager().addListener(recorder);
                uninstall.add(() -> descriptor.getEventManager().removeListener(recorder));
            });
        }
    }

    /** Takes the recorders off the persistence unit (when the database closes, or a test is done). */
    @Deactivate
    public void dispose() {
        while (!uninstall.isEmpty()) { // the first takes back the installing, or waits for a deploy under way to end
            uninstall.remove(0).run();
        }
    }

    @Override
    public List<String> entities() {
        return AuditedTables.entities();
    }

    @Override
    public String fieldLabel(String entity, String field) {
        return AuditedTables.fieldLabel(entity, field);
    }

    @Override
    public List<AuditEntry> search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM SB_AUDIT_EVENT WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.entity() != null) {
            sql.append(" AND ENTITY = ?").append(parameters.size() + 1);
            parameters.add(query.entity());
        }
        if (query.recordId() != null) {
            sql.append(" AND RECORD_ID = ?").append(parameters.size() + 1);
            parameters.add(query.recordId());
        }
        if (query.user() != null) {
            sql.append(" AND USER_NAME = ?").append(parameters.size() + 1);
            parameters.add(query.user());
        }
        if (query.field() != null) {
            sql.append(" AND FIELD = ?").append(parameters.size() + 1);
            parameters.add(query.field().toLowerCase(Locale.ROOT));
        }
        if (query.since() != null) {
            sql.append(" AND CHANGED_AT >= ?").append(parameters.size() + 1);
            parameters.add(Timestamp.from(query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND CHANGED_AT < ?").append(parameters.size() + 1);
            parameters.add(Timestamp.from(query.until()));
        }
        sql.append(" ORDER BY ID DESC OFFSET ").append(query.offset()).append(" ROWS FETCH NEXT ").append(query.limit())
                .append(" ROWS ONLY");
        return database.read(em -> {
            Query q = em.createNativeQuery(sql.toString());
            for (int i = 0; i < parameters.size(); i++) {
                q.setParameter(i + 1, parameters.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            for (Object row : q.getResultList()) {
                entries.add(entry((Object[]) row));
            }
            return entries;
        });
    }

    private static AuditEntry entry(Object[] r) {
        return new AuditEntry(((Number) r[0]).longValue(), (String) r[1], r[2] == null ? null : ((Number) r[2]).longValue(),
                AuditKind.of((String) r[3]), (String) r[4], (String) r[5], (String) r[6], (String) r[7], instant(r[8]),
                (String) r[9], (String) r[10], (String) r[11]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("CHANGED_AT read as " + value.getClass().getName());
    }

    @Override
    public void record(String entity, Long recordId, AuditKind kind, String details) {
        if (entity == null || entity.isBlank() || kind == null) {
            throw new IllegalArgumentException("an audit event needs an entity and a kind");
        }
        if (!postgres() && !database.isUnitDeployed()) {
            // nothing has needed JPA yet, so no write is under way either (a command line's export or count): the event is
            // one row, inserted on a connection of its own rather than after deploying the persistence unit for it
            try (Connection connection = Database.connect(database.settings())) {
                insert(connection, entity, recordId, kind, null, null, null, details);
            } catch (SQLException e) {
                throw new IllegalStateException("recording " + kind.code() + " of " + entity + ": " + e.getMessage(), e);
            }
            return;
        }
        database.write(em -> {
            if (postgres()) {
                em.createNativeQuery("SELECT SB_AUDIT_RECORD(?1, CAST(?2 AS BIGINT), ?3, ?4)")
                        .setParameter(1, entity).setParameter(2, recordId).setParameter(3, kind.code())
                        .setParameter(4, DerbyChangeRecorder.clip(details)).getResultList();
            } else {
                insert(em, entity, recordId, kind, details);
            }
            return null;
        });
    }

    @Override
    public void recordChange(String entity, long recordId, String field, String oldValue, String newValue) {
        if (entity == null || entity.isBlank() || field == null || field.isBlank()) {
            throw new IllegalArgumentException("a recorded change needs an entity and a field");
        }
        database.write(em -> {
            if (postgres()) {
                em.createNativeQuery("SELECT SB_AUDIT_RECORD_CHANGE(?1, CAST(?2 AS BIGINT), ?3, ?4, ?5)")
                        .setParameter(1, entity).setParameter(2, recordId).setParameter(3, field)
                        .setParameter(4, DerbyChangeRecorder.clip(oldValue)).setParameter(5, DerbyChangeRecorder.clip(newValue)).getResultList();
            } else {
                insert(em, entity, recordId, AuditKind.CHANGED, field, oldValue, newValue, null);
            }
            return null;
        });
    }

    private void insert(EntityManager em, String entity, Long recordId, AuditKind kind, String details) {
        insert(em, entity, recordId, kind, null, null, null, details);
    }

    private void insert(EntityManager em, String entity, Long recordId, AuditKind kind, String field, String oldValue, String newValue,
            String details) {
        insert(em.unwrap(Connection.class), entity, recordId, kind, field, oldValue, newValue, details);
    }

    private void insert(Connection connection, String entity, Long recordId, AuditKind kind, String field, String oldValue, String newValue,
            String details) {
        try (PreparedStatement insert = connection.prepareStatement(DerbyChangeRecorder.INSERT)) {
            DerbyChangeRecorder.bind(insert, entity, recordId, kind, field, DerbyChangeRecorder.clip(oldValue), DerbyChangeRecorder.clip(newValue),
                    security.currentUser().login(), Instant.now(Clocks.system()), ClientName.current(), details);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording " + kind.code() + " of " + entity + ": " + e.getMessage(), e);
        }
    }
}
