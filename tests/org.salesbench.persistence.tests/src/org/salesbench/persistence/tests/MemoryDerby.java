package org.salesbench.persistence.tests;

import java.sql.Connection;
import java.sql.SQLException;

import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/** A test's named in-memory Derby database, on a raw connection (no migration), dropped after the test. */
final class MemoryDerby {

    private MemoryDerby() {
    }

    /** A raw connection to {@code jdbc:derby:NAME}, making the database if it is not there. */
    static Connection connect(String name) throws SQLException {
        return Database.connect(new DatabaseSettings("jdbc:derby:" + name + ";create=true", null, null));
    }

    /** Drops the database, if the test made one. */
    static void drop(String name) {
        try {
            Database.connect(new DatabaseSettings("jdbc:derby:" + name + ";drop=true", null, null)).close();
        } catch (SQLException expected) {
            // 08006: dropped (or XJ004: the test made none)
        }
    }
}
