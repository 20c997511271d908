package org.salesbench.persistence;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.salesbench.persistence.internal.EntityContributions.ChangelogDescriptor;
import org.salesbench.persistence.internal.SchemaFingerprint;
import org.salesbench.persistence.internal.SchemaMigrator;

/**
 * New embedded Derby databases made from a migrated template instead of by running every change set: a test suite
 * opens hundreds of fresh databases, and running the whole schema's migrations for each was most of its time. Only
 * when the system property {@value #PROPERTY} is {@code true} (the test runtimes set it; the product never does):
 * the first new database of a JVM runs the migrations into an in-memory template, whose Derby backup every later new
 * database is created from ({@code createFrom}). The migrator still runs on the copy and finds nothing to do, so
 * its checks (a newer schema, stale locks) see a database exactly as a migrated one.
 * <p>
 * With {@value #FOLDER_PROPERTY} set too (the build sets it to a folder of its own run), a template is kept there
 * under a hash of its changelogs' files, so each test JVM of a build reuses the one the first JVM made instead of
 * migrating again: a build starts some thirty test JVMs.
 */
final class DerbyTemplates {

    static final String PROPERTY = "salesbench.derby.templates";
    static final String FOLDER_PROPERTY = "salesbench.derby.templates.folder";

    private static final String PREFIX = "jdbc:derby:";
    /** Derby's database product name, as its driver reports it: part of a template's fingerprint. */
    private static final String DERBY = "Apache Derby";
    /** Derby's SQLState for "database not found" when booting without {@code create=true}. */
    private static final String NOT_FOUND = "XJ004";
    /** The database name of a kept template: its backup is the folder of that name. */
    private static final String TEMPLATE_NAME = "salesbench-template";
    /** One backup per set of changelogs: the set a JVM installs decides the schema. */
    private static final Map<List<ChangelogDescriptor>, Path> TEMPLATES = new ConcurrentHashMap<>();

    private DerbyTemplates() {
    }

    /**
     * The settings to make the database with: {@code settings} themselves, unless templates are on and this is a new
     * embedded Derby database, which is then created from the template of {@code changelogs}.
     */
    static DatabaseSettings creating(DatabaseSettings settings, List<ChangelogDescriptor> changelogs) {
        if (!Boolean.getBoolean(PROPERTY) || settings.dialect() != DatabaseSettings.Dialect.DERBY
                || !settings.url().startsWith(PREFIX)) {
            return settings;
        }
        String rest = settings.url().substring(PREFIX.length());
        String[] parts = rest.split(";");
        String name = parts[0];
        StringBuilder otherAttributes = new StringBuilder();
        boolean create = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
            if (attribute.equals("create=true")) {
                create = true;
            } else if (attribute.startsWith("createfrom") || attribute.startsWith("restorefrom")
                    || attribute.startsWith("rollforwardrecoveryfrom")) {
                return settings;
            } else if (!attribute.isEmpty()) {
                otherAttributes.append(';').append(parts[i]);
            }
        }
        if (!create || name.startsWith("//") || exists(name, settings)) {
            return settings;
        }
        Path template = TEMPLATES.computeIfAbsent(List.copyOf(changelogs), DerbyTemplates::makeTemplate);
        return new DatabaseSettings(PREFIX + name + ";createFrom=" + template + otherAttributes, settings.user(),
                settings.password());
    }

    private static boolean exists(String name, DatabaseSettings settings) {
        if (!name.startsWith("memory:")) {
            String path = name.startsWith("directory:") ? name.substring("directory:".length()) : name;
            // a folder that exists but is no database is left to Derby, which names the problem
            return Files.exists(Path.of(path));
        }
        try (Connection connection = Database.connect(new DatabaseSettings(PREFIX + name, settings.user(), settings.password()))) {
            return true;
        } catch (SQLException e) {
            if (NOT_FOUND.equals(e.getSQLState())) {
                return false;
            }
            return true; // booting it failed for another reason: opening it the usual way reports that
        }
    }

    private static Path makeTemplate(List<ChangelogDescriptor> changelogs) {
        String shared = System.getProperty(FOLDER_PROPERTY, "");
        if (shared.isBlank()) {
            return makeTemplate(changelogs, null);
        }
        try {
            Path folder = Path.of(shared);
            String fingerprint = SchemaFingerprint.of(DERBY, changelogs);
            if (fingerprint == null) {
                return makeTemplate(changelogs, null); // a changelog that cannot be read: Liquibase names it
            }
            Path kept = folder.resolve(fingerprint);
            if (Files.isDirectory(kept)) {
                return kept.resolve(TEMPLATE_NAME);
            }
            Files.createDirectories(folder);
            Path made = makeTemplate(changelogs, Files.createTempDirectory(folder, "making-"));
            try {
                // atomic: a JVM that looks while another one writes sees no template, or a whole one
                Files.move(made.getParent(), kept, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException madeMeanwhile) {
                Backups.deleteTree(made.getParent());
            }
            return kept.resolve(TEMPLATE_NAME);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the Derby template database in " + shared + ": " + e.getMessage(), e);
        }
    }

    /** Makes the template as a backup in {@code keepIn}, or in a temporary folder deleted at exit when null. */
    private static Path makeTemplate(List<ChangelogDescriptor> changelogs, Path keepIn) {
        String name = "salesbench-template-" + UUID.randomUUID();
        try {
            Path folder = keepIn != null ? keepIn : Files.createTempDirectory("salesbench-derby-template");
            try (Connection connection = Database.connect(new DatabaseSettings(PREFIX + "memory:" + name + ";create=true", null, null))) {
                connection.setAutoCommit(false);
                SchemaMigrator.migrate(connection, changelogs, "template");
                connection.commit();
                connection.setAutoCommit(true);
                try (CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                    backup.setString(1, folder.toString());
                    backup.execute();
                }
            }
            drop(name);
            if (keepIn != null) {
                return Files.move(folder.resolve(name), folder.resolve(TEMPLATE_NAME));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Backups.deleteTree(folder);
                } catch (IOException ignored) {
                    // a temporary folder: the system cleans it some day
                }
            }, "salesbench-derby-template-cleanup"));
            return folder.resolve(name);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot make the Derby template database: " + e.getMessage(), e);
        }
    }

    private static void drop(String name) {
        try (Connection connection = Database.connect(new DatabaseSettings(PREFIX + "memory:" + name + ";drop=true", null, null))) {
            // Derby answers a drop with an exception, never a connection
        } catch (SQLException expected) {
            // 08006: dropped
        }
    }
}
