package org.salesbench.core.recyclebin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.salesbench.core.settings.TeamSettings;

/**
 * The recycle bin: every kind of deleted record the installed modules contribute ({@link RecycleBinKind}), what
 * depends on a record, restore and purge. A record is restorable by its owner (the DELETE right on it) for
 * {@link #retention()} after its deletion, and by an administrator at any time; only an administrator (the DELETE right
 * on {@link #ENTITY}) purges, and never a record others still depend on ({@link Dependent#blocksPurge()}).
 */
public interface RecycleBin {

    /** The entity name of the bin itself: the DELETE right on it is the right to purge and to restore late. */
    String ENTITY = "recycle-bin";

    int DEFAULT_RETENTION_DAYS = 30;

    /**
     * How many days a deleted record stays restorable by its owner: a team setting (stored in the database, set by an
     * administrator in Preferences › Team settings or with {@code settings set}), not a client's property.
     */
    TeamSettings.Setting RETENTION = new TeamSettings.Setting("recycle-bin.retention-days", Messages.Retention_description,
            DEFAULT_RETENTION_DAYS, 1, 3650);

    /** The kinds of record the installed modules put in the bin, in order. */
    List<RecycleBinKind> kinds();

    /** Deleted records of one kind ({@code null}: of every kind), most recently deleted first, at most {@code limit}. */
    List<DeletedRecord> deleted(String entity, int limit);

    /**
     * The record if it is in the bin: how a record that links to another (a lead to its customer) shows the link as
     * deleted. Empty when it is not deleted (or not there at all) or the kind is not installed.
     */
    Optional<DeletedRecord> findDeleted(String entity, long id);

    /** How long a deleted record stays restorable by its owner. */
    Duration retention();

    /** Until when its owner may restore the record. */
    default Instant restorableUntil(DeletedRecord record) {
        return record.deletedAt().plus(retention());
    }

    /** What depends on the record, from every kind: for the deletion's confirmation and the purge's refusal. */
    List<Dependent> dependents(String entity, long id);

    /** Brings a deleted record back with what went to the bin with it. */
    void restore(String entity, long id);

    /**
     * Brings back the record the user saw in the bin, refused with a concurrent-change error of the persistence
     * layer if it changed since (restored, edited and deleted again).
     */
    void restore(DeletedRecord seen);

    /**
     * Deletes a record of the bin for good.
     *
     * @throws PurgeRefusedException naming, with counts, what still depends on it
     */
    void purge(String entity, long id);

    /** Deletes for good the record the user saw in the bin, refused like {@link #restore(DeletedRecord)} if it changed since. */
    void purge(DeletedRecord seen);

    /** What {@link #purgeExpired} did: the records purged and those refused, each with why. */
    record PurgeResult(List<DeletedRecord> purged, List<String> refused) {
    }

    /**
     * Purges every record of the bin deleted longer than {@link #retention()} ago (administrators only); a record others
     * still depend on is left, with the reason in the result.
     */
    PurgeResult purgeExpired();
}
