package org.salesbench.core.recyclebin;

import java.util.List;
import java.util.Optional;

/**
 * What a module contributes to the recycle bin for one kind of record it owns: an OSGi service, found by
 * {@link RecycleBin}. The module's service deletes by marking the record (its {@code DELETED_AT}/{@code DELETED_BY}
 * columns); records that belong to it follow through the database (triggers of the owning modules' changelogs).
 * Every method checks the current user's permission against the record's stored owner.
 */
public interface RecycleBinKind {

    /** The kind, an {@code ENTITY} constant such as {@code "customer"}. */
    String entity();

    /** The kind's name for people, plural ("Customers"). */
    String label();

    /** Where the kind comes in the recycle bin's list of kinds, low first. */
    default int order() {
        return 1000;
    }

    /** The deleted records of this kind, most recently deleted first, at most {@code limit}. */
    List<DeletedRecord> deleted(int limit);

    /** The record if it is in the bin. */
    Optional<DeletedRecord> findDeleted(long id);

    /** Brings the record back as it is now (and what went to the bin with it); refused while what it belongs to is deleted. */
    default void restore(long id) {
        restore(id, null);
    }

    /**
     * Brings the record back (and what went to the bin with it); refused while what it belongs to is deleted, and
     * when its version is no longer {@code seenVersion} (someone restored, changed and deleted it again since).
     *
     * @param seenVersion the version the user saw ({@link DeletedRecord#version()}), {@code null} for no check
     */
    void restore(long id, Long seenVersion);

    /** Deletes the record for good. {@link RecycleBin#purge} has checked that nothing blocks it. */
    default void purge(long id) {
        purge(id, null);
    }

    /** Deletes the record for good if its version is still {@code seenVersion} ({@code null}: any). */
    void purge(long id, Long seenVersion);

    /**
     * The records of this kind that depend on the record {@code entity}/{@code id} of another kind, with what its
     * deletion does to them; empty when none depend on it or when this kind does not refer to that one.
     */
    default List<Dependent> dependentsOf(String entity, long id) {
        return List.of();
    }
}
