package org.salesbench.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
     * Puts the record in the recycle bin after checking DELETE against its stored owner.
     *
     * @param notFound    the exception when there is no such record outside the bin
     * @param afterCommit run after the commit (events, indexes)
     */
    public void delete(long id, Supplier<? extends RuntimeException> notFound, Runnable afterCommit) {
        unitOfWork.write(em -> {
            String owner = storedOwner(em, id, false).orElseThrow(notFound);
            security.check(Action.DELETE, entity, owner);
            Timestamp now = Timestamp.from(clock.instant());
            String login = security.currentUser().login();
            em.createNativeQuery("UPDATE " + table + " SET DELETED_AT = ?, DELETED_BY = ?, UPDATED_AT = ?, UPDATED_BY = ?, VERSION = VERSION + 1"
                    + " WHERE ID = ? AND DELETED_AT IS NULL").setParameter(1, now).setParameter(2, login).setParameter(3, now).setParameter(4, login)
                    .setParameter(5, id).executeUpdate();
            unitOfWork.afterCommit(afterCommit);
            return null;
        });
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
     * @param check       runs first in the same transaction and throws to refuse (a record whose parent is deleted)
     * @param afterCommit run after the commit
     */
    public void restore(long id, Consumer<EntityManager> check, Runnable afterCommit) {
        unitOfWork.write(em -> {
            String owner = storedOwner(em, id, true).orElseThrow(() -> notInBin(id));
            security.check(Action.DELETE, entity, owner);
            check.accept(em);
            em.createNativeQuery("UPDATE " + table + " SET DELETED_AT = NULL, DELETED_BY = NULL, UPDATED_AT = ?, UPDATED_BY = ?, VERSION = VERSION + 1"
                    + " WHERE ID = ? AND DELETED_AT IS NOT NULL").setParameter(1, Timestamp.from(clock.instant()))
                    .setParameter(2, security.currentUser().login()).setParameter(3, id).executeUpdate();
            unitOfWork.afterCommit(afterCommit);
            return null;
        });
    }

    /**
     * Deletes a record of the bin for good: an administrator's act ({@link RecycleBin#ENTITY}), after the bin's checks.
     *
     * @param before runs first in the same transaction (clearing the table's own links to the record)
     */
    public void purge(long id, Consumer<EntityManager> before, Runnable afterCommit) {
        security.check(Action.DELETE, RecycleBin.ENTITY, null);
        unitOfWork.write(em -> {
            storedOwner(em, id, true).orElseThrow(() -> notInBin(id));
            before.accept(em);
            em.createNativeQuery("DELETE FROM " + table + " WHERE ID = ? AND DELETED_AT IS NOT NULL").setParameter(1, id).executeUpdate();
            unitOfWork.afterCommit(afterCommit);
            return null;
        });
    }

    /** The records in the bin, most recently deleted first. */
    public List<DeletedRecord> deleted(int limit) {
        security.check(Action.READ, entity, null);
        return unitOfWork.read(em -> em.createNativeQuery("SELECT ID, " + nameColumn + ", OWNER, DELETED_AT, DELETED_BY FROM " + table
                + " WHERE DELETED_AT IS NOT NULL ORDER BY DELETED_AT DESC, ID DESC").setMaxResults(limit).getResultList().stream()
                .map(row -> record((Object[]) row)).toList());
    }

    public Optional<DeletedRecord> findDeleted(long id) {
        security.check(Action.READ, entity, null);
        return unitOfWork.read(em -> em.createNativeQuery("SELECT ID, " + nameColumn + ", OWNER, DELETED_AT, DELETED_BY FROM " + table
                + " WHERE ID = ? AND DELETED_AT IS NOT NULL").setParameter(1, id).getResultList().stream()
                .map(row -> record((Object[]) row)).findFirst());
    }

    private DeletedRecord record(Object[] row) {
        return new DeletedRecord(entity, ((Number) row[0]).longValue(), String.valueOf(row[1]), (String) row[2], instant(row[3]), (String) row[4]);
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i : ((java.util.Date) value).toInstant();
    }

    private Optional<String> storedOwner(EntityManager em, long id, boolean deleted) {
        return em.createNativeQuery("SELECT OWNER FROM " + table + " WHERE ID = ? AND DELETED_AT IS " + (deleted ? "NOT NULL" : "NULL"))
                .setParameter(1, id).getResultList().stream().map(String.class::cast).findFirst();
    }

    private static RuntimeException notInBin(long id) {
        return new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Restore_notInBin, id), id)));
    }
}
