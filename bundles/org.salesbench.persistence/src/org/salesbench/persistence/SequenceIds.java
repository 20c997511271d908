package org.salesbench.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ids for rows written in JDBC batches (a bulk import), from the same table generator the entities use (SB_SEQUENCE,
 * row SB_ID): one increment reserves a block, as EclipseLink does, so both never hand out the same id.
 * It runs on the import's own transaction, so a rolled-back import leaves the counter as it was.
 */
public final class SequenceIds {

    private SequenceIds() {
    }

    public static long[] allocate(Connection connection, int count) throws SQLException {
        long first = reserve(connection, count);
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = first + i;
        }
        return ids;
    }

    /** Reserves {@code count} consecutive ids and returns the first. */
    public static long reserve(Connection connection, long count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE SB_SEQUENCE SET SEQ_COUNT = SEQ_COUNT + ? WHERE SEQ_NAME = 'SB_ID'");
                PreparedStatement select = connection.prepareStatement("SELECT SEQ_COUNT FROM SB_SEQUENCE WHERE SEQ_NAME = 'SB_ID'")) {
            update.setLong(1, count);
            if (update.executeUpdate() != 1) {
                throw new SQLException("no SB_ID row in SB_SEQUENCE");
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }
}
