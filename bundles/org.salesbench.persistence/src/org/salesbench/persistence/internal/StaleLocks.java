package org.salesbench.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

/**
 * Liquibase's change-log lock left by a process that died while migrating: every later start would wait for it and
 * fail. A lock granted before this process started cannot be this process's, and a migration takes seconds, so it is
 * released, with a message naming who held it and since when.
 */
public final class StaleLocks {

    private StaleLocks() {
    }

    public static Optional<String> release(Connection connection, String databaseName) throws SQLException {
        if (!JdbcTables.exists(connection, "DATABASECHANGELOGLOCK")) {
            return Optional.empty();
        }
        String lockedBy;
        Timestamp granted;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT LOCKEDBY, LOCKGRANTED FROM DATABASECHANGELOGLOCK WHERE LOCKED = ? AND LOCKGRANTED IS NOT NULL")) {
            select.setBoolean(1, true);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty(); // the usual case: no lock at all, and no need to ask when this process started
                }
                lockedBy = rs.getString(1);
                granted = rs.getTimestamp(2);
            }
        }
        Optional<Instant> processStart = ProcessHandle.current().info().startInstant();
        if (processStart.isEmpty() || !granted.toInstant().isBefore(processStart.get())) {
            return Optional.empty();
        }
        Timestamp started = Timestamp.from(processStart.get());
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE DATABASECHANGELOGLOCK SET LOCKED = ?, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE LOCKED = ? AND LOCKGRANTED < ?")) {
            update.setBoolean(1, false);
            update.setBoolean(2, true);
            update.setTimestamp(3, started);
            update.executeUpdate();
        }
        if (!connection.getAutoCommit()) {
            connection.commit(); // Liquibase takes the lock in a transaction of its own
        }
        return Optional.of(NLS.bind(Messages.Database_staleLockReleased, new Object[] {databaseName,
                lockedBy == null ? "?" : lockedBy, granted.toInstant()}));
    }
}
