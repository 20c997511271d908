package org.salesbench.cli.internal.commands;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** For the tests outside this package: the checksum of every table two databases share, as migrate-db computes it. */
public final class TableChecksums {

    private TableChecksums() {
    }

    /** By upper-case table name: the rows and hash of each table on the Derby {@code source} or the PostgreSQL {@code target}. */
    public static Map<String, String> of(Connection source, Connection target, boolean ofTarget) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        for (TableCopy.Table table : TableCopy.layout(source, target).tables()) {
            TableCopy.Checksum sum = ofTarget ? TableCopy.checksum(target, table, false, true) : TableCopy.checksum(source, table, true, false);
            sums.put(table.label(), sum.rows() + " " + sum.hash());
        }
        return sums;
    }
}
