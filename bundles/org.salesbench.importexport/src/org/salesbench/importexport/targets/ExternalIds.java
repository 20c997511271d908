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
 * record id), table SB_IMPORT_EXTERNAL_ID, so that the next import of the same export updates
 * rather than duplicates, and relations (a contact's customer) resolve by those ids.
 */
public final class ExternalIds {

    private ExternalIds() {
    }

    /** Record ids by external id, for those of {@code externalIds} that are known and whose record still exists in {@code table}. */
    public static Map<String, Long> find(Connection connection, String entity, String table, Collection<String> externalIds) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        List<String> ids = externalIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String sql = "SELECT x.EXTERNAL_ID, x.RECORD_ID FROM SB_IMPORT_EXTERNAL_ID x JOIN " + table
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
        try (PreparedStatement select = connection.prepareStatement("SELECT x.EXTERNAL_ID, x.RECORD_ID FROM SB_IMPORT_EXTERNAL_ID x JOIN "
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
        try (PreparedStatement select = connection.prepareStatement("SELECT EXTERNAL_ID FROM SB_IMPORT_EXTERNAL_ID WHERE ENTITY = ?")) {
            select.setString(1, entity);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    action.accept(rs.getString(1));
                }
            }
        }
    }

    /** Forgets the external ids of the records with ids from {@code first} to {@code last} (a bulk load undone). */
    public static void removeRange(jakarta.persistence.EntityManager em, String entity, long first, long last) {
        em.createNativeQuery("DELETE FROM SB_IMPORT_EXTERNAL_ID WHERE ENTITY = ? AND RECORD_ID BETWEEN ? AND ?").setParameter(1, entity)
                .setParameter(2, first).setParameter(3, last).executeUpdate();
    }

    /** Records (or re-points) the external ids of records just written. */
    public static void put(Connection connection, String entity, Map<String, Long> recordByExternalId) throws SQLException {
        if (recordByExternalId.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM SB_IMPORT_EXTERNAL_ID WHERE ENTITY = ? AND EXTERNAL_ID = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO SB_IMPORT_EXTERNAL_ID (ENTITY, EXTERNAL_ID, RECORD_ID) VALUES (?, ?, ?)")) {
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

    /** The external id of each of the given records, for export (a read: no connection of its own). */
    public static Map<Long, String> of(jakarta.persistence.EntityManager em, String entity, Collection<Long> recordIds) {
        Map<Long, String> found = new HashMap<>();
        List<Long> ids = List.copyOf(recordIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            var query = em.createNativeQuery("SELECT RECORD_ID, EXTERNAL_ID FROM SB_IMPORT_EXTERNAL_ID WHERE ENTITY = ? AND RECORD_ID IN ("
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
