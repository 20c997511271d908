package org.salesbench.core.recyclebin;

import org.eclipse.osgi.util.NLS;

/**
 * Records of one kind that depend on a record (a customer's opportunities, say), for the deletion's confirmation and
 * the purge's refusal.
 *
 * @param entity      the dependents' kind
 * @param label       the kind's name for people, plural ("Opportunities")
 * @param count       how many there are (in the bin or not)
 * @param fate        what deleting the record does to them
 * @param blocksPurge whether the record cannot be purged while they exist
 */
public record Dependent(String entity, String label, long count, Fate fate, boolean blocksPurge) {

    /** What deleting the record they depend on does to the dependents. */
    public enum Fate {
        /** They go to the recycle bin with it, and come back when it is restored. */
        MOVED_TO_BIN,
        /** They stay where they are and keep their link, which shows the record as deleted. */
        KEEP_LINK
    }

    /** "3 Opportunities: go to the recycle bin with it and come back with it", for confirmations. */
    public String describe() {
        return NLS.bind(fate == Fate.MOVED_TO_BIN ? Messages.Dependent_movedToBin : Messages.Dependent_keepLink, count, label);
    }
}
