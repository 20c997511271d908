package org.salesbench.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.salesbench.persistence.internal.EntityContributions.ChangelogDescriptor;

import liquibase.Liquibase;

/**
 * Lets a start skip Liquibase when the schema is the one these changelogs made. Liquibase parses every changelog,
 * takes its lock and compares every change set with the database's change log at each start, which was most of the
 * time a start spent opening the database. After a complete migration the migrator records here a SHA-256 over what
 * decides the schema (the database product, Liquibase's version, and each changelog's bundle, its version without
 * the build qualifier, path and bytes) together with the number of change sets the database's change log then held.
 * A start whose changelogs hash to a recorded fingerprint, whose change log still holds that many change sets and
 * whose Liquibase lock is free has nothing to migrate; anything else (a changed or added changelog, an upgraded module, a change set another
 * Salesbench ran, a migration under way or interrupted) goes through Liquibase with all its checks.
 * <p>
 * The table {@value #TABLE} is the persistence bundle's (its changelog makes it). Each installation whose set of
 * modules differs keeps a row of its own; rows recorded for another number of change sets can never match and are
 * dropped at the next record.
 */
public final class SchemaFingerprint {

    public static final String TABLE = "SB_SCHEMA_FINGERPRINT";

    private SchemaFingerprint() {
    }

    /** The fingerprint of the changelogs for the database behind {@code connection}; null when one cannot be read. */
    public static String of(Connection connection, List<ChangelogDescriptor> changelogs) throws SQLException {
        return of(connection.getMetaData().getDatabaseProductName(), changelogs);
    }

    /** The fingerprint of the changelogs for a database of {@code product}; null when one cannot be read. */
    public static String of(String product, List<ChangelogDescriptor> changelogs) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            return null; // every Java has SHA-256; without it the migrator simply always checks
        }
        add(sha, product);
        Bundle engine = FrameworkUtil.getBundle(Liquibase.class);
        add(sha, engine == null ? "-" : engine.getVersion().toString());
        for (ChangelogDescriptor changelog : changelogs) {
            Bundle bundle = changelog.bundle();
            add(sha, bundle.getSymbolicName());
            add(sha, release(bundle.getVersion()));
            add(sha, changelog.path());
            URL entry = bundle.getEntry(changelog.path());
            if (entry == null) {
                entry = bundle.getResource(changelog.path());
            }
            if (entry == null) {
                return null; // Liquibase names the missing changelog
            }
            try (InputStream in = entry.openStream()) {
                byte[] bytes = in.readAllBytes();
                add(sha, Integer.toString(bytes.length));
                sha.update(bytes);
            } catch (IOException e) {
                return null;
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * A bundle's version without its build qualifier: every build of the same release has the same changelogs' bytes
     * (which the fingerprint holds) and so the same schema, and a new build must not cost its first start a whole
     * Liquibase comparison. A new release (another major, minor or micro version) is compared once, as its custom
     * changes may do more than their changelogs say.
     */
    static String release(Version version) {
        return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
    }

    private static void add(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    /**
     * Whether the database was completely migrated with changelogs of this {@code fingerprint} and nothing changed
     * its schema since: then no change set can be pending. Reads only; a database without the table (made before
     * it existed) or one this user may not read answers false, leaving the transaction as it found it.
     */
    public static boolean matches(Connection connection, String fingerprint) throws SQLException {
        if (fingerprint == null || !JdbcTables.exists(connection, TABLE) || !JdbcTables.exists(connection, "DATABASECHANGELOG")
                || !JdbcTables.exists(connection, "DATABASECHANGELOGLOCK")) {
            return false;
        }
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE")) {
                if (rs.next() && rs.getInt(1) > 0) {
                    return false; // a migration is under way (a stale lock was released before we got here)
                }
            }
            int changeSets = changeSets(connection);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT CHANGE_SETS FROM " + TABLE + " WHERE FINGERPRINT = ?")) {
                select.setString(1, fingerprint);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() && rs.getInt(1) == changeSets;
                }
            }
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            return false; // cannot tell: Liquibase checks
        } finally {
            if (savepoint != null) {
                releaseQuietly(connection, savepoint);
            }
        }
    }

    /**
     * Records that the database is completely migrated with changelogs of this {@code fingerprint}, in the
     * connection's transaction. A failure (a team member whose role may not write the table) only costs the next start
     * its shortcut, so it is not one of the opening's.
     */
    public static void record(Connection connection, String fingerprint) throws SQLException {
        if (fingerprint == null || !JdbcTables.exists(connection, TABLE)) {
            return;
        }
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            int changeSets = changeSets(connection);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + TABLE + " WHERE FINGERPRINT = ? OR CHANGE_SETS <> ?")) {
                delete.setString(1, fingerprint);
                delete.setInt(2, changeSets);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + TABLE + " (FINGERPRINT, CHANGE_SETS, RECORDED_AT) VALUES (?, ?, ?)")) {
                insert.setString(1, fingerprint);
                insert.setInt(2, changeSets);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
        } finally {
            if (savepoint != null) {
                releaseQuietly(connection, savepoint);
            }
        }
    }

    private static int changeSets(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void releaseQuietly(Connection connection, Savepoint savepoint) {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException ignored) {
            // rolled back to it already, or the driver keeps none: nothing to release
        }
    }
}
