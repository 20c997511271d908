package org.salesbench.core.events;

/**
 * EventAdmin topics of domain changes: {@code org/salesbench/<entity>/<CHANGE>}. Events are
 * posted after the transaction commits, so a subscriber always sees committed data.
 */
public final class EventTopics {

    public static final String PREFIX = "org/salesbench/";
    /** Every change of every entity, for subscribers that want all. */
    public static final String ALL = PREFIX + "*";

    /** Event property: the id of the changed record (a {@link Long}). */
    public static final String PROPERTY_ID = "id";
    /** Event property: the entity name, e.g. {@code customer}. */
    public static final String PROPERTY_ENTITY = "entity";
    /** Event property: the login name of the user who made the change. */
    public static final String PROPERTY_USER = "user";

    /** Event property of an {@link #imported} event: how many records the bulk write created or changed (an {@link Integer}). */
    public static final String PROPERTY_COUNT = "count";

    public enum Change {
        CREATED, UPDATED, DELETED
    }

    private EventTopics() {
    }

    /** The topic for one kind of change of one entity, e.g. {@code org/salesbench/customer/CREATED}. */
    public static String topic(String entity, Change change) {
        return PREFIX + entity + "/" + change.name();
    }

    /**
     * The topic of a bulk write, e.g. {@code org/salesbench/customer/IMPORTED}: one event for an import of many
     * records instead of one per record. Subscribers that keep derived data re-read what changed since they last
     * looked (records carry their {@code UPDATED_AT}).
     */
    public static String imported(String entity) {
        return PREFIX + entity + "/IMPORTED";
    }

    /** The wildcard topic of all changes to one entity, e.g. {@code org/salesbench/customer/*}. */
    public static String allOf(String entity) {
        return PREFIX + entity + "/*";
    }
}
