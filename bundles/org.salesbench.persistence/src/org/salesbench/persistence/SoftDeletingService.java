package org.salesbench.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.recyclebin.DeletedRecord;
import org.salesbench.core.recyclebin.RecycleBinKind;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;

import jakarta.persistence.EntityManager;

/**
 * The base of a service whose records go to the recycle bin: delete, restore, purge and the bin's listing of one
 * table through {@link SoftDeletion}, with the DELETED event after a delete and UPDATED after a restore. A subclass
 * registers itself as a {@link RecycleBinKind} service, names the kind ({@link #label()}) and adds what is its own in
 * the hooks (a refusal to restore, the links it clears before a purge, its index).
 */
public abstract class SoftDeletingService implements RecycleBinKind {

    private final SoftDeletion deletion;
    private final String entity;
    private final int order;
    private final DomainEventPublisher publisher;

    /**
     * @param nameColumn the SQL expression (over the table's columns) that names a record in the recycle bin
     * @param order      where the kind comes in the bin's list
     */
    protected SoftDeletingService(String entity, String table, String nameColumn, int order, UnitOfWork unitOfWork, SecurityService security,
            DomainEventPublisher publisher) {
        this.deletion = new SoftDeletion(entity, table, nameColumn, unitOfWork, security);
        this.entity = entity;
        this.order = order;
        this.publisher = publisher;
    }

    /** Puts the record in the recycle bin as it is now, after checking DELETE against its stored owner. */
    protected void softDelete(long id, Supplier<? extends RuntimeException> notFound) {
        deletion.delete(id, notFound, () -> deleted(id));
    }

    /**
     * Puts the records in the recycle bin at the versions the user saw, in one transaction: if one of them changed
     * since, none goes ({@link ConcurrentChangeException} naming it and who changed it).
     */
    protected void softDelete(Map<Long, Long> seenVersions, Function<Long, ? extends RuntimeException> notFound) {
        deletion.delete(seenVersions, notFound, this::deleted);
    }

    private void deleted(long id) {
        onDeleted(id);
        publisher.publish(entity, Change.DELETED, id);
    }

    @Override
    public String entity() {
        return entity;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public List<DeletedRecord> deleted(int limit) {
        return deletion.deleted(limit);
    }

    @Override
    public Optional<DeletedRecord> findDeleted(long id) {
        return deletion.findDeleted(id);
    }

    @Override
    public void restore(long id, Long seenVersion) {
        deletion.restore(id, seenVersion, em -> checkRestore(em, id), () -> {
            onRestored(id);
            publisher.publish(entity, Change.UPDATED, id);
        });
    }

    @Override
    public void purge(long id, Long seenVersion) {
        deletion.purge(id, seenVersion, em -> beforePurge(em, id), () -> onPurged(id));
    }

    /** Throws to refuse bringing the record back (what it belongs to is deleted); in the restore's transaction. */
    protected void checkRestore(EntityManager em, long id) {
    }

    /** Refuses the restore, naming {@code field}, when {@code refused} (what the record belongs to is in the bin itself). */
    protected static void refuseRestoreIf(boolean refused, String field, String message, long id) {
        if (refused) {
            throw new ValidationException(List.of(new FieldError(field, message, id)));
        }
    }

    /** Clears the module's own links to the record, in the purge's transaction. */
    protected void beforePurge(EntityManager em, long id) {
    }

    /** After a delete committed, before the event. */
    protected void onDeleted(long id) {
    }

    /** After a restore committed, before the event. */
    protected void onRestored(long id) {
    }

    /** After a purge committed. */
    protected void onPurged(long id) {
    }
}
