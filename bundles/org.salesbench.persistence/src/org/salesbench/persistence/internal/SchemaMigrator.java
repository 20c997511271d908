package org.salesbench.persistence.internal;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.wiring.BundleWiring;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseException.Reason;
import org.salesbench.persistence.SchemaVersion;
import org.salesbench.persistence.internal.EntityContributions.ChangelogDescriptor;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the schema up to date with Liquibase, one contributed changelog after the other, in one transaction. A
 * change set runs once; a failing one rolls the whole migration back and stops the start, naming the change. A schema a newer
 * Salesbench changed is refused before anything runs, and a lock a crashed process left is released first.
 */
public final class SchemaMigrator {

    /** Liquibase reports every step at INFO through java.util.logging; only problems concern our users. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private SchemaMigrator() {
    }

    /** Brings the schema up to date; returns what the user should know about the opening (a released stale lock). */
    public static List<String> migrate(Connection connection, List<ChangelogDescriptor> changelogs, String databaseName) {
        return migrate(connection, changelogs, databaseName, Integer.MAX_VALUE);
    }

    /**
     * Runs at most {@code changeSetsOfLast} change sets of the last changelog: makes a database as an
     * older version of Salesbench left it, for upgrade tests.
     *
     * @throws DatabaseException {@link Reason#NEWER_SCHEMA} when a newer Salesbench has changed the schema, naming
     *         both versions; nothing is changed then
     */
    public static List<String> migrate(Connection connection, List<ChangelogDescriptor> changelogs, String databaseName,
            int changeSetsOfLast) {
        return migration(connection, changelogs, databaseName, changeSetsOfLast).notices();
    }

    /**
     * What an opening's migration did.
     *
     * @param notices what the user should know (a released stale lock)
     * @param checked whether Liquibase compared the changelogs with the database; false when the
     *        {@link SchemaFingerprint} said the schema is the one these changelogs made
     * @param millis how long the migration took
     */
    public record Migration(List<String> notices, boolean checked, long millis) {
    }

    /**
     * Brings the schema up to date as {@link #migrate(Connection, List, String, int)} does and says whether Liquibase
     * had to look: an unchanged schema (its {@link SchemaFingerprint} recorded, nothing run since, the lock free) is
     * not parsed, locked nor compared again.
     */
    public static Migration migration(Connection connection, List<ChangelogDescriptor> changelogs, String databaseName,
            int changeSetsOfLast) {
        long start = System.nanoTime();
        List<String> notices = new ArrayList<>();
        String fingerprint;
        try {
            StaleLocks.release(connection, databaseName).ifPresent(notices::add);
            fingerprint = changeSetsOfLast == Integer.MAX_VALUE ? SchemaFingerprint.of(connection, changelogs) : null;
            if (SchemaFingerprint.matches(connection, fingerprint)) {
                return new Migration(List.copyOf(notices), false, (System.nanoTime() - start) / 1_000_000);
            }
        } catch (java.sql.SQLException e) {
            throw new DatabaseException(Reason.MIGRATION, NLS.bind(Messages.Database_migrationFailed,
                    new Object[] {databaseName, "-", rootMessage(e)}), e);
        }
        try {
            migrateInOneTransaction(connection, changelogs, databaseName, changeSetsOfLast, fingerprint);
        } catch (RuntimeException e) {
            rollBack(connection, e);
            throw e;
        }
        return new Migration(List.copyOf(notices), true, (System.nanoTime() - start) / 1_000_000);
    }

    private static void migrateInOneTransaction(Connection connection, List<ChangelogDescriptor> changelogs, String databaseName,
            int changeSetsOfLast, String fingerprint) {
        inLiquibaseScope(databaseName, () -> {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new OneTransaction(connection));
            List<Liquibase> parsed = new ArrayList<>();
            for (ChangelogDescriptor changelog : changelogs) {
                parsed.add(inChangelogScope(changelog, databaseName, () -> {
                    Liquibase liquibase = new Liquibase(changelog.path(), new ClassLoaderResourceAccessor(loaderOf(changelog)), database);
                    liquibase.getDatabaseChangeLog(); // parsed now, in the changelog's scope (custom changes are its classes)
                    return liquibase;
                }));
            }
            SchemaVersion version = SchemaVersion.compare(SchemaVersion.ranChangeSets(connection), knownChangeSets(parsed));
            if (version.newerThanThisSalesbench()) {
                throw new DatabaseException(Reason.NEWER_SCHEMA, NLS.bind(Messages.Database_newerSchema, new Object[] {
                        databaseName, version.database(), version.thisSalesbench(), version.unknown().get(0)}), null);
            }
            for (int index = 0; index < changelogs.size(); index++) {
                Liquibase liquibase = parsed.get(index);
                boolean last = index == changelogs.size() - 1;
                inChangelogScope(changelogs.get(index), databaseName, () -> {
                    if (last && changeSetsOfLast != Integer.MAX_VALUE) {
                        liquibase.update(changeSetsOfLast, new Contexts(), new LabelExpression());
                    } else {
                        liquibase.update(new Contexts(), new LabelExpression());
                    }
                    return null;
                });
            }
            if (changeSetsOfLast == Integer.MAX_VALUE) {
                PicklistAdoption.adopt(connection, EntityContributions.picklistColumns());
            }
            connection.commit(); // the migration's one commit (OneTransaction)
            SchemaFingerprint.record(connection, fingerprint);
            return null;
        });
    }

    private static void rollBack(Connection connection, RuntimeException failure) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (java.sql.SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** The schema version of the database behind {@code connection}, compared with the installed changelogs'. */
    public static SchemaVersion schemaVersion(Connection connection, List<ChangelogDescriptor> changelogs, String databaseName) {
        try {
            return schemaVersion(connection, changelogs, databaseName, SchemaVersion.ranChangeSets(connection));
        } catch (java.sql.SQLException e) {
            throw new DatabaseException(Reason.MIGRATION, NLS.bind(Messages.Database_migrationFailed,
                    new Object[] {databaseName, "-", rootMessage(e)}), e);
        }
    }

    /**
     * The schema version of a database that ran the change sets {@code ran} ({@link SchemaVersion#key}s), compared
     * with the installed changelogs, which are parsed for the database behind {@code connection}.
     */
    public static SchemaVersion schemaVersion(Connection connection, List<ChangelogDescriptor> changelogs, String databaseName,
            List<String> ran) {
        return inLiquibaseScope(databaseName, () -> {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            List<Liquibase> parsed = new ArrayList<>();
            for (ChangelogDescriptor changelog : changelogs) {
                parsed.add(inChangelogScope(changelog, databaseName, () -> {
                    Liquibase liquibase = new Liquibase(changelog.path(), new ClassLoaderResourceAccessor(loaderOf(changelog)), database);
                    liquibase.getDatabaseChangeLog();
                    return liquibase;
                }));
            }
            return SchemaVersion.compare(ran, knownChangeSets(parsed));
        });
    }

    /**
     * Liquibase's connection with its commits turned into savepoints, so that a whole migration is one transaction
     * (Derby and PostgreSQL both roll DDL back). Liquibase commits a change set before it records it as run: a process
     * killed between the two (Ctrl+C in a first start) left a change that the next start ran again and failed on
     * ("Index … does not exist"), and a failing change set left the ones before it as half an upgrade. Now the migration
     * commits once, after every changelog, or everything is rolled back. Liquibase's own rollbacks (it probes for its
     * tables and rolls the failed probe back on PostgreSQL) go back to its last commit, as before.
     */
    private static final class OneTransaction extends JdbcConnection {

        private final Connection connection;
        private Savepoint lastCommit;

        OneTransaction(Connection connection) throws java.sql.SQLException {
            super(connection);
            this.connection = connection;
            connection.setAutoCommit(false); // as Liquibase set it, and left it, before
            lastCommit = connection.setSavepoint();
        }

        @Override
        public void commit() throws liquibase.exception.DatabaseException {
            try {
                // released first: releasing a savepoint releases the ones set after it too
                connection.releaseSavepoint(lastCommit);
                lastCommit = connection.setSavepoint();
            } catch (java.sql.SQLException e) {
                throw new liquibase.exception.DatabaseException(e);
            }
        }

        @Override
        public void rollback() throws liquibase.exception.DatabaseException {
            try {
                connection.rollback(lastCommit);
            } catch (java.sql.SQLException e) {
                throw new liquibase.exception.DatabaseException(e);
            }
        }

        @Override
        public void setAutoCommit(boolean autoCommit) {
            // turning auto-commit on would commit the migration so far: the caller's connection keeps its mode
        }
    }

    private static Set<String> knownChangeSets(List<Liquibase> changelogs) throws Exception {
        Set<String> known = new LinkedHashSet<>();
        for (Liquibase liquibase : changelogs) {
            for (ChangeSet changeSet : liquibase.getDatabaseChangeLog().getChangeSets()) {
                known.add(SchemaVersion.key(changeSet.getStoredFilePath(), changeSet.getId(), changeSet.getAuthor()));
            }
        }
        return known;
    }

    private static ClassLoader loaderOf(ChangelogDescriptor changelog) {
        return changelog.bundle().adapt(BundleWiring.class).getClassLoader();
    }

    private static <T> T inChangelogScope(ChangelogDescriptor changelog, String databaseName, Scope.ScopedRunnerWithReturn<T> work) {
        ClassLoader liquibaseLoader = Liquibase.class.getClassLoader();
        // custom changes (data migrations) are classes of the contributing bundle
        ClassLoader changelogLoader = new ClassLoader(loaderOf(changelog)) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                return liquibaseLoader.loadClass(name);
            }
        };
        try {
            return Scope.child(Map.of(Scope.Attr.classLoader.name(), changelogLoader), work);
        } catch (DatabaseException e) {
            throw e;
        } catch (Exception e) {
            throw new DatabaseException(Reason.MIGRATION, NLS.bind(Messages.Database_migrationFailed,
                    new Object[] {databaseName, changelog.bundle().getSymbolicName() + "/" + changelog.path(), rootMessage(e)}), e);
        }
    }

    private static <T> T inLiquibaseScope(String databaseName, Scope.ScopedRunnerWithReturn<T> work) {
        ClassLoader liquibaseLoader = Liquibase.class.getClassLoader();
        // Liquibase makes its root scope on first use from the context class loader: let it see its own services
        Thread thread = Thread.currentThread();
        ClassLoader contextLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(liquibaseLoader);
        try {
            return Scope.child(Map.of(Scope.Attr.classLoader.name(), liquibaseLoader,
                    Scope.Attr.serviceLocator.name(), new BundleServiceLocator(liquibaseLoader),
                    "liquibase.showSummary", "OFF", "liquibase.showBanner", "false",
                    // the update command reads its summary settings under the command namespace
                    "liquibase.command.showSummary", "OFF", "liquibase.command.showSummaryOutput", "LOG"),
                    // made inside the scope: it looks up Liquibase's log service through our locator
                    () -> Scope.child(Map.of(Scope.Attr.ui.name(), new liquibase.ui.LoggerUIService()), work));
        } catch (DatabaseException e) {
            throw e;
        } catch (Exception e) {
            throw new DatabaseException(Reason.MIGRATION, NLS.bind(Messages.Database_migrationFailed,
                    new Object[] {databaseName, "-", rootMessage(e)}), e);
        } finally {
            thread.setContextClassLoader(contextLoader);
        }
    }

    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
