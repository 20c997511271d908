package org.salesbench.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/** Makes a database look as a newer Salesbench left it: one more change set in a changelog this version has. */
public final class NewerSchema {

    public static final String ID = "from-a-newer-salesbench-1";

    private NewerSchema() {
    }

    public static void addChangeSetOfANewerSalesbench(Connection c) throws SQLException {
        String file;
        int order;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT FILENAME, ORDEREXECUTED FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED DESC")) {
            rs.next();
            file = rs.getString(1);
            order = rs.getInt(2);
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED,"
                + " ORDEREXECUTED, EXECTYPE) VALUES (?, 'salesbench', ?, ?, ?, 'EXECUTED')")) {
            insert.setString(1, ID);
            insert.setString(2, file);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.setInt(4, order + 1);
            insert.executeUpdate();
        }
    }
}
