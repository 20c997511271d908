package org.salesbench.core.recyclebin;

import java.time.Instant;

/**
 * A record in the recycle bin: still in its table, marked deleted, hidden from every list, count, report and export.
 *
 * @param entity    the kind, an {@code ENTITY} constant such as {@code "customer"}
 * @param name      what the record was called, as its lists showed it
 * @param owner     the login of its owner, who may restore it
 * @param deletedAt when it was deleted
 * @param deletedBy the login of who deleted it
 * @param version   its version when it was listed: a restore or purge of what was shown checks it
 */
public record DeletedRecord(String entity, long id, String name, String owner, Instant deletedAt, String deletedBy, long version) {
}
