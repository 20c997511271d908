package org.salesbench.importexport.targets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids records have in the system they were imported from (a Salesforce account id, a Zoho
 * record id), so that the next import of the same export updates rather than duplicates, and relations
 * (a contact's customer) resolve by those ids. An entity's ids live in the table its import target declares
 * ({@code externalIdTable} on {@code org.salesbench.importexport.targets}, made by the module's changelog with
 * {@link #COLUMNS} and the shared table's keys), or else in the shared {@value #SHARED_TABLE}. Every read and
 * write of external ids goes through {@link #table}: a table of one entity that is empty is filled by Derby's
 * unlogged bulk insert whatever other entities hold.
 */
public final class ExternalIds {

    /** The table of the external ids of entities whose targets declare none. */
    public static final String SHARED_TABLE = "SB_IMPORT_EXTERNAL_ID";
    /** The external ids merges re-pointed, by entity, merged record and survivor: what {@link #unmerged} points back. */
    private static final String MERGED_TABLE = "SB_IMPORT_EXTERNAL_ID_MERGED";
    /** The columns of every external-id table, in order. */
    public static final List<String> COLUMNS = List.of("ENTITY", "EXTERNAL_ID", "RECORD_ID");

    private ExternalIds() {
    }

    /** The table that holds {@code entity}'s external ids. */
    public static String table(String entity) {
        return org.salesbench.importexport.internal.TargetRegistry.externalIdTables().getOrDefault(entity, SHARED_TABLE);
    }

    /**
     * Deletes from {@value #SHARED_TABLE} the rows of the entities whose targets declare a table of their own: the
     * module's changelog that made that table copied them into it (a module's changelog writes only its own tables, so
     * the shared table's owner deletes them). Nothing reads them there any more; deleted so they take no room.
     */
    public static void retireDeclared(jakarta.persistence.EntityManager em) {
        for (String entity : org.salesbench.importexport.internal.TargetRegistry.externalIdTables().keySet()) {
            em.createNativeQuery("DELETE FROM " + SHARED_TABLE + " WHERE ENTITY = ?").setParameter(1, entity).executeUpdate();
        }
    }

    /** Whether the table {@code entity}'s external ids live in holds any row (of any entity it is shared with). */
    public static boolean tableHoldsRows(jakarta.persistence.EntityManager em, String entity) {
        return !em.createNativeQuery("SELECT 1 FROM " + table(entity) + " FETCH FIRST 1 ROWS ONLY").getResultList().isEmpty();
    }

    /**
     * Every external id of {@code entity} with the record it names, whether or not that record is still there (a
     * look-up that checks the records itself); unlike {@link #all}, no join.
     */
    public static Map<String, Long> recordsOf(Connection connection, String entity) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT EXTERNAL_ID, RECORD_ID FROM " + table(entity) + " WHERE ENTITY = ?")) {
            select.setString(1, entity);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return found;
    }

    /** Record ids by external id, for those of {@code externalIds} that are known and whose record still exists in {@code table}. */
    public static Map<String, Long> find(Connection connection, String entity, String table, Collection<String> externalIds) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        List<String> ids = externalIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String sql = "SELECT x.EXTERNAL_ID, x.RECORD_ID FROM " + table(entity) + " x JOIN " + table
                    + " r ON r.ID = x.RECORD_ID WHERE x.ENTITY = ? AND x.EXTERNAL_ID IN (" + "?,".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, entity);
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Every external id of {@code entity} whose record still exists in {@code table}, with its record (the oldest where
     * one external id names several), for a bulk import that matches a whole file at once.
     */
    public static Map<String, Long> all(Connection connection, String entity, String table) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT x.EXTERNAL_ID, x.RECORD_ID FROM " + table(entity) + " x JOIN "
                + table + " r ON r.ID = x.RECORD_ID WHERE x.ENTITY = ?")) {
            select.setString(1, entity);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.merge(rs.getString(1), rs.getLong(2), Math::min);
                }
            }
        }
        return found;
    }

    /** Hands every external id the entity has to {@code action} (a load's look-up of what may be there already). */
    static void eachOf(Connection connection, String entity, java.util.function.Consumer<String> action) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT EXTERNAL_ID FROM " + table(entity) + " WHERE ENTITY = ?")) {
            select.setString(1, entity);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    action.accept(rs.getString(1));
                }
            }
        }
    }

    /**
     * Inserts new external ids (rows of {@link #COLUMNS}, none of them in the table yet) by Derby's bulk insert, in the
     * caller's transaction: unlogged when the entity's table is empty.
     */
    static void bulkInsert(Connection connection, String entity, List<Object[]> rows) throws SQLException {
        try (DerbyBulkInsert insert = new DerbyBulkInsert(table(entity), COLUMNS, 0)) {
            insert.add(rows);
            insert.finish();
            insert.insert(connection);
        }
    }

    /** Forgets the external ids of the records with ids from {@code first} to {@code last} (a bulk load undone). */
    public static void removeRange(jakarta.persistence.EntityManager em, String entity, long first, long last) {
        em.createNativeQuery("DELETE FROM " + table(entity) + " WHERE ENTITY = ? AND RECORD_ID BETWEEN ? AND ?").setParameter(1, entity)
                .setParameter(2, first).setParameter(3, last).executeUpdate();
    }

    /** Records (or re-points) the external ids of records just written. */
    public static void put(Connection connection, String entity, Map<String, Long> recordByExternalId) throws SQLException {
        if (recordByExternalId.isEmpty()) {
            return;
        }
        String table = table(entity);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE ENTITY = ? AND EXTERNAL_ID = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + table + " (ENTITY, EXTERNAL_ID, RECORD_ID) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> e : recordByExternalId.entrySet()) {
                delete.setString(1, entity);
                delete.setString(2, e.getKey());
                delete.addBatch();
                insert.setString(1, entity);
                insert.setString(2, e.getKey());
                insert.setLong(3, e.getValue());
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    /**
     * Re-points the external ids of record {@code fromId} of {@code entity} to record {@code intoId}, which a merge keeps
     * in its place, so that the next import of the same export updates the survivor instead of the merged record (which
     * is in the recycle bin); each move is kept for {@link #unmerged}. In the caller's transaction.
     *
     * @return how many external ids moved
     */
    public static int merged(jakarta.persistence.EntityManager em, String entity, long fromId, long intoId) {
        String table = table(entity);
        em.createNativeQuery("INSERT INTO " + MERGED_TABLE + " (ENTITY, FROM_RECORD_ID, INTO_RECORD_ID, EXTERNAL_ID) SELECT ENTITY, ?, ?, EXTERNAL_ID FROM "
                + table + " WHERE ENTITY = ? AND RECORD_ID = ?").setParameter(1, fromId).setParameter(2, intoId).setParameter(3, entity)
                .setParameter(4, fromId).executeUpdate();
        return em.createNativeQuery("UPDATE " + table + " SET RECORD_ID = ? WHERE ENTITY = ? AND RECORD_ID = ?").setParameter(1, intoId)
                .setParameter(2, entity).setParameter(3, fromId).executeUpdate();
    }

    /**
     * Undoes {@link #merged}: the external ids it moved from {@code fromId} to {@code intoId} that still name
     * {@code intoId} name {@code fromId} again (one a later import gave to another record stays there).
     *
     * @return how many external ids moved back
     */
    public static int unmerged(jakarta.persistence.EntityManager em, String entity, long fromId, long intoId) {
        int back = em.createNativeQuery("UPDATE " + table(entity) + " SET RECORD_ID = ? WHERE ENTITY = ? AND RECORD_ID = ? AND EXTERNAL_ID IN (SELECT "
                + "m.EXTERNAL_ID FROM " + MERGED_TABLE + " m WHERE m.ENTITY = ? AND m.FROM_RECORD_ID = ? AND m.INTO_RECORD_ID = ?)").setParameter(1, fromId)
                .setParameter(2, entity).setParameter(3, intoId).setParameter(4, entity).setParameter(5, fromId).setParameter(6, intoId)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM " + MERGED_TABLE + " WHERE ENTITY = ? AND FROM_RECORD_ID = ? AND INTO_RECORD_ID = ?").setParameter(1, entity)
                .setParameter(2, fromId).setParameter(3, intoId).executeUpdate();
        return back;
    }

    /** The external id of each of the given records, for export (a read: no connection of its own). */
    public static Map<Long, String> of(jakarta.persistence.EntityManager em, String entity, Collection<Long> recordIds) {
        Map<Long, String> found = new HashMap<>();
        List<Long> ids = List.copyOf(recordIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            var query = em.createNativeQuery("SELECT RECORD_ID, EXTERNAL_ID FROM " + table(entity) + " WHERE ENTITY = ? AND RECORD_ID IN ("
                    + "?,".repeat(chunk.size() - 1) + "?)").setParameter(1, entity);
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 2, chunk.get(i));
            }
            for (Object row : query.getResultList()) {
                Object[] cells = (Object[]) row;
                found.put(((Number) cells[0]).longValue(), (String) cells[1]);
            }
        }
        return found;
    }
}
