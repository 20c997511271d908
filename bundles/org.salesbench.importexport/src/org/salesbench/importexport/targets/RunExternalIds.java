package org.salesbench.importexport.targets;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The external ids of a bulk load that commits in chunks ({@link BulkChunks}), written with each chunk: the entity's
 * external ids already in the table are read once, with the first chunk, and each chunk's then either re-point one of
 * those ({@link ExternalIds#put}) or go in by Derby's bulk insert. {@link BulkLoad#putExternalIds} reads every external
 * id of the entity each time it is called, which per chunk made a 1,000,000-row load quadratic. Only for embedded Derby,
 * where this process is the only writer; the chunks must be put one after another (the loader thread does).
 */
public final class RunExternalIds {

    private final String entity;
    /** The entity's external ids in the table as of the last chunk committed; null until the first chunk. */
    private Set<String> known;
    /** Those of the last chunk put, known once it committed (the next chunk is only put after that). */
    private Set<String> lastChunk = Set.of();

    public RunExternalIds(String entity) {
        this.entity = entity;
    }

    /** Records the chunk's external ids (external id to record id), in the chunk's transaction. */
    public void put(Connection connection, Map<String, Long> externalIds) throws SQLException {
        if (known == null) {
            known = read(connection);
        } else {
            known.addAll(lastChunk);
        }
        lastChunk = Set.of();
        if (externalIds.isEmpty()) {
            return;
        }
        Map<String, Long> repointed = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(externalIds.size());
        externalIds.forEach((external, id) -> {
            if (known.contains(external)) {
                repointed.put(external, id);
            } else {
                rows.add(new Object[] { entity, external, id });
            }
        });
        ExternalIds.put(connection, entity, repointed);
        if (!rows.isEmpty()) {
            ExternalIds.bulkInsert(connection, entity, rows);
        }
        lastChunk = new HashSet<>(externalIds.keySet());
    }

    private Set<String> read(Connection connection) throws SQLException {
        Set<String> ids = new HashSet<>();
        ExternalIds.eachOf(connection, entity, ids::add);
        return ids;
    }
}
