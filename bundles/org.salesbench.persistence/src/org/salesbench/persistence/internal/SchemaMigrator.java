package org.salesbench.persistence.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.wiring.BundleWiring;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseException.Reason;
import org.salesbench.persistence.internal.EntityContributions.ChangelogDescriptor;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the schema up to date with Liquibase, one contributed changelog after the other. A
 * change set runs once; a failing one is rolled back and stops the start, naming the change.
 */
public final class SchemaMigrator {

    /** Liquibase reports every step at INFO through java.util.logging; only problems concern our users. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private SchemaMigrator() {
    }

    public static void migrate(Connection connection, List<ChangelogDescriptor> changelogs, String databaseName) {
        migrate(connection, changelogs, databaseName, Integer.MAX_VALUE);
    }

    /**
     * Runs at most {@code changeSetsOfLast} change sets of the last changelog: makes a database as an
     * older version of Salesbench left it, for upgrade tests.
     */
    public static void migrate(Connection connection, List<ChangelogDescriptor> changelogs, String databaseName,
            int changeSetsOfLast) {
        ClassLoader liquibaseLoader = Liquibase.class.getClassLoader();
        // Liquibase makes its root scope on first use from the context class loader: let it see its own services
        Thread thread = Thread.currentThread();
        ClassLoader contextLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(liquibaseLoader);
        try {
            Scope.child(Map.of(Scope.Attr.classLoader.name(), liquibaseLoader,
                    Scope.Attr.serviceLocator.name(), new BundleServiceLocator(liquibaseLoader),
                    "liquibase.showSummary", "OFF", "liquibase.showBanner", "false",
                    // the update command reads its summary settings under the command namespace
                    "liquibase.command.showSummary", "OFF", "liquibase.command.showSummaryOutput", "LOG"),
                    // made inside the scope: it looks up Liquibase's log service through our locator
                    () -> Scope.child(Scope.Attr.ui.name(), new liquibase.ui.LoggerUIService(), () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                for (int index = 0; index < changelogs.size(); index++) {
                    ChangelogDescriptor changelog = changelogs.get(index);
                    boolean last = index == changelogs.size() - 1;
                    ClassLoader bundleLoader = changelog.bundle().adapt(BundleWiring.class).getClassLoader();
                    // custom changes (data migrations) are classes of the contributing bundle
                    ClassLoader changelogLoader = new ClassLoader(bundleLoader) {
                        @Override
                        protected Class<?> findClass(String name) throws ClassNotFoundException {
                            return liquibaseLoader.loadClass(name);
                        }
                    };
                    try {
                        Scope.child(Scope.Attr.classLoader.name(), changelogLoader, () -> {
                            Liquibase liquibase = new Liquibase(changelog.path(), new ClassLoaderResourceAccessor(bundleLoader), database);
                            if (last && changeSetsOfLast != Integer.MAX_VALUE) {
                                liquibase.update(changeSetsOfLast, new Contexts(), new LabelExpression());
                            } else {
                                liquibase.update(new Contexts(), new LabelExpression());
                            }
                        });
                    } catch (Exception e) {
                        throw new DatabaseException(Reason.MIGRATION, NLS.bind(Messages.Database_migrationFailed,
                                new Object[] {databaseName, changelog.bundle().getSymbolicName() + "/" + changelog.path(),
                                        rootMessage(e)}), e);
                    }
                }
            }));
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
