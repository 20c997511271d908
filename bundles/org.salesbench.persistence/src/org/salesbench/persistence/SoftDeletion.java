package org.salesbench.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.recyclebin.DeletedRecord;
import org.salesbench.core.recyclebin.Messages;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;

import jakarta.persistence.EntityManager;

/**
 * Soft deletion of one module's table, the one way every service deletes, restores, purges and lists its records in
 * the recycle bin ({@link org.salesbench.core.recyclebin.RecycleBinKind}). The table has {@code ID}, {@code OWNER},
 * {@code VERSION}, {@code DELETED_AT} and {@code DELETED_BY}; a delete or restore bumps the version, so a copy read
 * before it cannot be saved over it. What belongs to the record follows by the owning modules' triggers (deleted and
 * restored with it, matched by the same {@code DELETED_AT}); a purge is the real {@code DELETE}, the foreign keys
 * decide what goes with it. Call it from the module that owns the table: no one else writes it.
 */
public final class SoftDeletion {

    private final String entity;
    private final String table;
    private final String nameColumn;
    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final Clock clock;

    /**
     * @param entity     the {@code ENTITY} constant of the records
     * @param table      the table, owned by the calling module
     * @param nameColumn the SQL expression (over the table's columns) that names a record in the recycle bin
     */
    public SoftDeletion(String entity, String table, String nameColumn, UnitOfWork unitOfWork, SecurityService security) {
        this.entity = entity;
        this.table = table;
        this.nameColumn = nameColumn;
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.clock = Clocks.system();
    }

    /** The condition that leaves deleted rows out of native SQL, for the table under {@code alias} ("o" gives "o.DELETED_AT IS NULL"). */
    public static String notDeleted(String alias) {
        return (alias == null || alias.isEmpty() ? "" : alias + ".") + "DELETED_AT IS NULL";
    }

    /**
     * Puts the record in the recycle bin after checking DELETE against its stored owner, whatever its version: for
     * tools acting on the record as it is now. What a person deleted goes through {@link #delete(Map, Function, Consumer)}.
     *
     * @param notFound    the exception when there is no such record outside the bin
     * @param afterCommit run after the commit (events, indexes)
     */
    public void delete(long id, Supplier<? extends RuntimeException> notFound, Runnable afterCommit) {
        unitOfWork.write(em -> {
            Stored stored = stored(em, id, false).orElseThrow(notFound);
            markDeleted(em, id, stored);
            unitOfWork.afterCommit(afterCommit);
            return null;
        });
    }

    /**
     * Puts the records in the recycle bin, each only at the version the user saw, in one transaction: if any of them
     * changed or went since ({@link ConcurrentChangeException}), is missing ({@code notFound}) or may not be deleted,
     * none goes.
     *
     * @param seenVersions the version the user saw of each record, by id
     * @param afterCommit  run after the commit for each id
     */
    public void delete(Map<Long, Long> seenVersions, Function<Long, ? extends RuntimeException> notFound, Consumer<Long> afterCommit) {
        unitOfWork.write(em -> {
            for (Map.Entry<Long, Long> seen : seenVersions.entrySet()) {
                long id = seen.getKey();
                Stored stored = stored(em, id, false).orElseGet(() -> {
                    // in the bin already, or purged: either way changed since it was seen
                    Stored deleted = stored(em, id, true).orElseThrow(() -> notFound.apply(id));
                    throw ConcurrentChangeException.of(entity, id, deleted.changedBy());
                });
                ConcurrentChangeException.checkVersion(entity, id, seen.getValue(), stored.version(), stored.changedBy());
                markDeleted(em, id, stored);
                unitOfWork.afterCommit(() -> afterCommit.accept(id));
            }
            return null;
        });
    }

    private void markDeleted(EntityManager em, long id, Stored stored) {
        security.check(Action.DELETE, entity, stored.owner());
        Timestamp now = Timestamp.from(clock.instant());
        String login = security.currentUser().login();
        int changed = em.createNativeQuery("UPDATE " + table + " SET DELETED_AT = ?, DELETED_BY = ?, UPDATED_AT = ?, UPDATED_BY = ?, VERSION = VERSION + 1"
                + " WHERE ID = ? AND VERSION = ? AND DELETED_AT IS NULL").setParameter(1, now).setParameter(2, login).setParameter(3, now)
                .setParameter(4, login).setParameter(5, id).setParameter(6, stored.version()).executeUpdate();
        if (changed != 1) {
            throw raced(em, id);
        }
    }

    /** The row changed between reading and writing it (another transaction committed first): who did it, if it is still there. */
    private ConcurrentChangeException raced(EntityManager em, long id) {
        String changedBy = stored(em, id, false).or(() -> stored(em, id, true)).map(Stored::changedBy).orElse(null);
        return ConcurrentChangeException.of(entity, id, changedBy);
    }

    /**
     * Puts the rows matching {@code condition} (over the table's columns, with positional {@code parameters}) in the
     * recycle bin, in the caller's transaction: for records that go as part of another's change (the contacts taken off
     * a customer), whose permission the caller checked.
     *
     * @return how many rows went
     */
    public int deleteWhere(EntityManager em, String condition, List<?> parameters) {
        Timestamp now = Timestamp.from(clock.instant());
        String login = security.currentUser().login();
        var update = em.createNativeQuery("UPDATE " + table + " SET DELETED_AT = ?, DELETED_BY = ?, UPDATED_AT = ?, UPDATED_BY = ?, VERSION = VERSION + 1"
                + " WHERE DELETED_AT IS NULL AND (" + condition + ")").setParameter(1, now).setParameter(2, login).setParameter(3, now)
                .setParameter(4, login);
        for (int i = 0; i < parameters.size(); i++) {
            update.setParameter(5 + i, parameters.get(i));
        }
        return update.executeUpdate();
    }

    /**
     * Takes the record out of the recycle bin after checking DELETE against its stored owner.
     *
     * @param seenVersion the version the bin showed, {@code null} for the record as it is now; another version (it was
     *                    restored, changed and deleted again since) is a {@link ConcurrentChangeException}
     * @param check       runs first in the same transaction and throws to refuse (a record whose parent is deleted)
     * @param afterCommit run after the commit
     */
    public void restore(long id, Long seenVersion, Consumer<EntityManager> check, Runnable afterCommit) {
        unitOfWork.write(em -> {
            Stored stored = stored(em, id, true).orElseThrow(() -> notInBin(id));
            if (seenVersion != null) {
                ConcurrentChangeException.checkVersion(entity, id, seenVersion, stored.version(), stored.changedBy());
            }
            security.check(Action.DELETE, entity, stored.owner());
            check.accept(em);
            int changed = em.createNativeQuery("UPDATE " + table + " SET DELETED_AT = NULL, DELETED_BY = NULL, UPDATED_AT = ?, UPDATED_BY = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ? AND DELETED_AT IS NOT NULL").setParameter(1, Timestamp.from(clock.instant()))
                    .setParameter(2, security.currentUser().login()).setParameter(3, id).setParameter(4, stored.version()).executeUpdate();
            if (changed != 1) {
                throw raced(em, id);
            }
            unitOfWork.afterCommit(afterCommit);
            return null;
        });
    }

    /**
     * Deletes a record of the bin for good: an administrator's act ({@link RecycleBin#ENTITY}), after the bin's checks.
     *
     * @param seenVersion the version the bin showed, {@code null} for the record as it is now
     * @param before      runs first in the same transaction (clearing the table's own links to the record)
     */
    public void purge(long id, Long seenVersion, Consumer<EntityManager> before, Runnable afterCommit) {
        security.check(Action.DELETE, RecycleBin.ENTITY, null);
        unitOfWork.write(em -> {
            Stored stored = stored(em, id, true).orElseThrow(() -> notInBin(id));
            if (seenVersion != null) {
                ConcurrentChangeException.checkVersion(entity, id, seenVersion, stored.version(), stored.changedBy());
            }
            before.accept(em);
            if (em.createNativeQuery("DELETE FROM " + table + " WHERE ID = ? AND VERSION = ? AND DELETED_AT IS NOT NULL").setParameter(1, id)
                    .setParameter(2, stored.version()).executeUpdate() != 1) {
                throw raced(em, id);
            }
            unitOfWork.afterCommit(afterCommit);
            return null;
        });
    }

    /** The records in the bin, most recently deleted first. */
    public List<DeletedRecord> deleted(int limit) {
        security.check(Action.READ, entity, null);
        return unitOfWork.read(em -> MaskingViews.query(em, "SELECT ID, " + nameColumn + ", OWNER, DELETED_AT, DELETED_BY, VERSION FROM " + readFrom(em)
                + " WHERE DELETED_AT IS NOT NULL ORDER BY DELETED_AT DESC, ID DESC").setMaxResults(limit).getResultList().stream()
                .map(row -> record((Object[]) row)).toList());
    }

    public Optional<DeletedRecord> findDeleted(long id) {
        security.check(Action.READ, entity, null);
        return unitOfWork.read(em -> MaskingViews.query(em, "SELECT ID, " + nameColumn + ", OWNER, DELETED_AT, DELETED_BY, VERSION FROM " + readFrom(em)
                + " WHERE ID = ? AND DELETED_AT IS NOT NULL").setParameter(1, id).getResultList().stream()
                .map(row -> record((Object[]) row)).findFirst());
    }

    /**
     * What the bin's lists read: the table, or its masking view under the table's name (the name column may name the
     * table's columns qualified, as a quote's deal look-up does).
     */
    private String readFrom(EntityManager em) {
        return MaskingViews.masked(em, table) ? MaskingViews.table(em, table) + " " + table : table;
    }

    private DeletedRecord record(Object[] row) {
        return new DeletedRecord(entity, ((Number) row[0]).longValue(), String.valueOf(row[1]), (String) row[2], instant(row[3]), (String) row[4],
                ((Number) row[5]).longValue());
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i : ((java.util.Date) value).toInstant();
    }

    /** The owner, version and last writer of the row, in the bin or not. */
    private record Stored(String owner, long version, String changedBy) {
    }

    private Optional<Stored> stored(EntityManager em, long id, boolean deleted) {
        return em.createNativeQuery("SELECT OWNER, VERSION, " + (deleted ? "DELETED_BY" : "UPDATED_BY") + " FROM " + table + " WHERE ID = ? AND DELETED_AT IS "
                + (deleted ? "NOT NULL" : "NULL")).setParameter(1, id).getResultList().stream()
                .map(row -> new Stored((String) ((Object[]) row)[0], ((Number) ((Object[]) row)[1]).longValue(), (String) ((Object[]) row)[2])).findFirst();
    }

    private static RuntimeException notInBin(long id) {
        return new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Restore_notInBin, id), id)));
    }
}
