package org.salesbench.persistence.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.salesbench.persistence.Backups;
import org.salesbench.persistence.Backups.Restored;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseException.Reason;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.PostgresServer;
import org.salesbench.persistence.SchemaVersion;

/**
 * Backup and restore of a PostgreSQL database with the server's own tools: {@code pg_dump --format=custom} (one
 * snapshot, so people go on working) and {@code pg_restore --clean --single-transaction} (all or nothing). The
 * connection goes to them in {@code PG*} environment variables, never on the command line.
 */
public final class PostgresTools {

    private PostgresTools() {
    }

    /** Dumps the database into {@code folder/<database>.dump}. */
    public static Path dump(DatabaseSettings settings, Path folder) {
        PostgresServer server = PostgresServer.of(settings.url());
        Path file = folder.resolve(baseName(server) + ".dump");
        dumpInto(settings, server, file);
        return file;
    }

    /** pg_dump into a file beside {@code file}, renamed to it once complete: a failure leaves no half dump behind. */
    private static void dumpInto(DatabaseSettings settings, PostgresServer server, Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            run(settings, "pg_dump", dumpArguments(server, partial), file);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Backup_toolFailed, new Object[] {"pg_dump", file, e.getMessage()}), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // only a leftover; the message above says what failed
            }
        }
    }

    /** The database's name, and the schema's if the URL names one. */
    private static String baseName(PostgresServer server) {
        return server.database() + (server.schema() == null ? "" : "-" + server.schema());
    }

    /** The whole database, or only the schema the URL names (one database may hold several Salesbench schemas). */
    private static List<String> dumpArguments(PostgresServer server, Path file) {
        List<String> arguments = new ArrayList<>(List.of("--format=custom", "--file=" + file));
        if (server.schema() != null) {
            arguments.add("--schema=" + server.schema());
        }
        return arguments;
    }

    /** Restores a dump (a file, or a folder with one {@code .dump}), after dumping the database as it is beside it. */
    public static Restored restore(DatabaseSettings settings, Path backup) {
        Path file = dumpFile(backup);
        checkSchema(settings, file);
        PostgresServer server = PostgresServer.of(settings.url());
        Path safety = SafetyCopies.next(file.toAbsolutePath().getParent(), baseName(server), ".dump");
        dumpInto(settings, server, safety);
        // the schema itself stays: an extension the migration made in it (pg_trgm) is not in a schema's dump, and
        // dropping the schema would fail on it; every object of the dump is dropped and made again
        String contents = run(settings, "pg_restore", List.of("--list", file.toString()), file);
        Path list;
        try {
            list = Files.createTempFile("salesbench-restore", ".list");
            Files.writeString(list, contents.lines().filter(l -> !l.matches("^\\d+; \\d+ \\d+ SCHEMA - .*"))
                    .collect(java.util.stream.Collectors.joining("\n")));
        } catch (IOException e) {
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Restore_failed, file, e.getMessage()), e);
        }
        try {
            run(settings, "pg_restore", List.of("--clean", "--if-exists", "--single-transaction", "--exit-on-error",
                    "--use-list=" + list, "--dbname=" + server.database(), file.toString()), file);
        } finally {
            try {
                Files.deleteIfExists(list);
            } catch (IOException e) {
                // a list of names in the temporary folder
            }
        }
        return new Restored(file, safety);
    }

    private static Path dumpFile(Path backup) {
        if (Files.isRegularFile(backup)) {
            return backup;
        }
        List<Path> dumps = new ArrayList<>();
        if (Files.isDirectory(backup)) {
            try (var files = Files.list(backup)) {
                files.filter(f -> f.getFileName().toString().endsWith(".dump") && !f.getFileName().toString().contains(SafetyCopies.MARK))
                        .forEach(dumps::add);
            } catch (IOException e) {
                throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Restore_failed, backup, e.getMessage()), e);
            }
        }
        if (dumps.size() != 1) {
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Restore_noDump, backup), null);
        }
        return dumps.get(0);
    }

    /** Reads the dump's change log (pg_restore prints its COPY data) and compares it with this Salesbench's. */
    private static void checkSchema(DatabaseSettings settings, Path file) {
        String copy = run(settings, "pg_restore", List.of("--data-only", "--table=databasechangelog", "--file=-", file.toString()), file);
        List<String> ran = new ArrayList<>();
        List<String> columns = null;
        for (String line : copy.split("\n")) {
            if (columns == null) {
                if (line.startsWith("COPY ") && line.contains("databasechangelog (")) {
                    columns = List.of(line.substring(line.indexOf('(') + 1, line.indexOf(')')).replace(" ", "").split(","));
                }
                continue;
            }
            if (line.equals("\\.")) {
                break;
            }
            String[] values = line.split("\t", -1);
            ran.add(SchemaVersion.key(values[columns.indexOf("filename")], values[columns.indexOf("id")],
                    values[columns.indexOf("author")]));
        }
        SchemaVersion version;
        try (Connection c = Database.connect(settings)) {
            try {
                version = SchemaMigrator.schemaVersion(c, EntityContributions.changelogs(), settings.displayName(), ran);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback(); // only read; Liquibase's parse leaves a transaction open
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Restore_failed, file, e.getMessage()), e);
        }
        Backups.refuseNewer(version, file);
    }

    /** Runs a PostgreSQL tool and returns what it printed; a missing tool or a failure is a {@link Reason#BACKUP} error. */
    private static String run(DatabaseSettings settings, String tool, List<String> arguments, Path file) {
        PostgresServer server = PostgresServer.of(settings.url());
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("PGHOST", server.host());
        environment.put("PGPORT", Integer.toString(server.port()));
        environment.put("PGDATABASE", server.database());
        if (settings.user() != null) {
            environment.put("PGUSER", settings.user());
        }
        if (settings.password() != null) {
            environment.put("PGPASSWORD", settings.password());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Backup_toolMissing, tool), e);
        }
        try {
            process.getOutputStream().close();
            // both streams are read at once, so neither fills its pipe and stops the tool
            var errors = new java.util.concurrent.CompletableFuture<String>();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    errors.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    errors.complete(e.getMessage());
                }
            });
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Backup_toolFailed, new Object[] {tool, file,
                        errors.join().strip()}), null);
            }
            return out;
        } catch (IOException e) {
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Backup_toolFailed, new Object[] {tool, file, e.getMessage()}), e);
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Backup_toolFailed, new Object[] {tool, file, e.getMessage()}), e);
        }
    }
}
