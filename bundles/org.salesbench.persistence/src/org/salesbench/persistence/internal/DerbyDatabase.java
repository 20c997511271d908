package org.salesbench.persistence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Stream;

import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.DatabaseSettings.Dialect;

/** The embedded Derby database behind the settings: its name in the URL, its folder, whether it exists. */
public final class DerbyDatabase {

    private static final String PREFIX = "jdbc:derby:";
    private static final String NOT_FOUND = "XJ004";
    private static final String SHUTDOWN_OK = "08006";

    private final DatabaseSettings settings;
    /** what follows {@code jdbc:derby:} up to the attributes: a path, or {@code memory:name} */
    private final String name;

    private DerbyDatabase(DatabaseSettings settings, String name) {
        this.settings = settings;
        this.name = name;
    }

    /** The embedded Derby database of the settings; they must name one ({@link Dialect#DERBY}). */
    public static DerbyDatabase of(DatabaseSettings settings) {
        if (settings.dialect() != Dialect.DERBY) {
            throw new IllegalArgumentException(settings.displayName());
        }
        String rest = settings.url().substring(PREFIX.length());
        int semicolon = rest.indexOf(';');
        return new DerbyDatabase(settings, semicolon < 0 ? rest : rest.substring(0, semicolon));
    }

    /** The last element of the database's path, which is also the folder a Derby backup makes. */
    public String folderName() {
        return Path.of(plainName()).getFileName().toString();
    }

    private String plainName() {
        return name.startsWith("memory:") ? name.substring("memory:".length())
                : name.startsWith("directory:") ? name.substring("directory:".length()) : name;
    }

    /** The database's folder on disk; none for an in-memory database. */
    public Optional<Path> directory() {
        return name.startsWith("memory:") || name.startsWith("classpath:") || name.startsWith("jar:") ? Optional.empty()
                : Optional.of(Path.of(plainName()).toAbsolutePath());
    }

    public Connection connect(String attributes) throws SQLException {
        return Database.connect(new DatabaseSettings(PREFIX + name + attributes, settings.user(), settings.password()));
    }

    /** Whether the database exists; it is left shut down. */
    public boolean exists() throws SQLException {
        try (Connection c = connect("")) {
            // it exists: it was booted by this check
        } catch (SQLException e) {
            if (NOT_FOUND.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
        shutdown();
        return true;
    }

    public void shutdown() throws SQLException {
        try (Connection c = connect(";shutdown=true")) {
            // Derby answers a clean shutdown with an exception
        } catch (SQLException e) {
            if (!SHUTDOWN_OK.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** Derby's online backup into {@code folder}: a consistent copy even while others write; makes {@code folder/}{@link #folderName()}. */
    public void backup(Connection connection, Path folder) throws SQLException {
        try (CallableStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            call.setString(1, folder.toString());
            call.execute();
        }
    }

    /** The bytes of the files under {@code folder}; 0 if there is none yet. */
    public static long size(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // went while we counted: Derby's backup renames and deletes as it goes
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
