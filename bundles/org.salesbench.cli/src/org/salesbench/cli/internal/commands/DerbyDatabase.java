package org.salesbench.cli.internal.commands;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.internal.Messages;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.DatabaseSettings.Dialect;

/** The embedded Derby database behind the settings: its name in the URL, and whether it exists. */
final class DerbyDatabase {

    private static final String PREFIX = "jdbc:derby:";
    private static final String NOT_FOUND = "XJ004";
    private static final String SHUTDOWN_OK = "08006";

    final DatabaseSettings settings;
    /** what follows {@code jdbc:derby:} up to the attributes: a path, or {@code memory:name} */
    final String name;

    private DerbyDatabase(DatabaseSettings settings, String name) {
        this.settings = settings;
        this.name = name;
    }

    /** The embedded Derby database, or a usage error naming pg_dump/pg_restore for PostgreSQL. */
    static DerbyDatabase of(DatabaseSettings settings, String postgresMessage) throws CommandException {
        if (settings.dialect() == Dialect.POSTGRESQL) {
            throw CommandException.usage(postgresMessage);
        }
        if (settings.dialect() != Dialect.DERBY) {
            throw CommandException.usage(NLS.bind(Messages.Backup_notEmbedded, settings.displayName()));
        }
        String rest = settings.url().substring(PREFIX.length());
        int semicolon = rest.indexOf(';');
        return new DerbyDatabase(settings, semicolon < 0 ? rest : rest.substring(0, semicolon));
    }

    /** The last element of the database's path, which is also the folder a Derby backup makes. */
    String folderName() {
        String plain = name.startsWith("memory:") ? name.substring("memory:".length()) : name.startsWith("directory:")
                ? name.substring("directory:".length()) : name;
        return Path.of(plain).getFileName().toString();
    }

    Connection connect(String attributes) throws SQLException {
        return Database.connect(new DatabaseSettings(PREFIX + name + attributes, settings.user(), settings.password()));
    }

    /** Whether the database exists; it is left shut down. */
    boolean exists() throws SQLException {
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

    void shutdown() throws SQLException {
        try (Connection c = connect(";shutdown=true")) {
            // Derby answers a clean shutdown with an exception
        } catch (SQLException e) {
            if (!SHUTDOWN_OK.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
