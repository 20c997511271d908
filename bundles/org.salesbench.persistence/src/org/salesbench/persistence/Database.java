package org.salesbench.persistence;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.ComponentFactory;
import org.osgi.service.component.ComponentInstance;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.model.AuditListener;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.DatabaseException.Reason;
import org.salesbench.persistence.internal.BackupChannel;
import org.salesbench.persistence.internal.EntityContributions;
import org.salesbench.persistence.internal.EntityContributions.EntityDescriptor;
import org.salesbench.persistence.internal.MaskedReads;
import org.salesbench.persistence.internal.Messages;
import org.salesbench.persistence.internal.PersistenceUnits;
import org.salesbench.persistence.internal.SchemaMigrator;

/**
 * An open Salesbench database: migrated to the current schema, with one persistence unit over
 * every contributed entity. It is the {@link UnitOfWork} that services use.
 * <p>
 * In a running installation the database is a component made by the component factory {@value #FACTORY}: the
 * workbench and the command line {@link #start} it from their settings, and it is the {@link UnitOfWork} and
 * {@code Database} service the modules' components come up over until it is {@link #close() closed}. Tests and
 * tools outside the service registry {@link #open} one of their own.
 */
@Component(factory = Database.FACTORY, service = {UnitOfWork.class, Database.class})
public final class Database implements UnitOfWork, AutoCloseable {

    /** The name of the component factory that makes the installation's database. */
    public static final String FACTORY = "org.salesbench.persistence.database";

    /** Selects that {@link ComponentFactory} among the services. */
    public static final String FACTORY_FILTER = "(" + ComponentConstants.COMPONENT_FACTORY + "=" + FACTORY + ")";

    /** The unit a new component serves; the leading dot keeps it out of the service's properties. */
    private static final String UNIT_PROPERTY = ".salesbench.unit";

    /** The property the start-up benchmark sets ({@code StartupTimes} in the UI): the opening prints its phases too. */
    private static final String STARTUP_TIMES = "salesbench.startup.times";
    private static final String STARTUP_MARKER = "SALESBENCH-DATABASE:";

    private static final String SQLSTATE_DERBY_IN_USE = "XSDB6";
    private static final String DERBY_PAGE_CACHE = "derby.storage.pageCacheSize";
    private static final String DERBY_LOG_BUFFER = "derby.storage.logBufferSize";

    private final DatabaseSettings settings;
    /** Who writes: stamped on every row this unit writes (on a team server the triggers stamp the database user). */
    private final Supplier<String> writer;
    private final String login;
    /** The persistence unit, deployed and logged in when something first needs it. */
    private final JpaUnit unit;
    /** What the opening did that the user should know (a lock a crashed process left, released). */
    private final List<String> notices;
    /** Answers backup requests of other processes while this one holds an embedded database; null if none. */
    private volatile BackupChannel.Listener backupListener;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The component this database is, when {@link #start} made it; closing disposes it. */
    private volatile ComponentInstance<Database> component;

    private record Transaction(EntityManager em, List<Runnable> afterCommit) {
    }

    /** A migrated database with its persistence unit ready to deploy, not yet offered to anyone; {@code login} is who. */
    private record OpenUnit(DatabaseSettings settings, JpaUnit unit, String login, List<String> notices) {
    }

    /**
     * The EclipseLink unit over every contributed entity, made on first need: its metadata, deploy and login cost a
     * start more than anything else of the opening, and the first view (the Customers list, which reads the search
     * index) needs no entity. Whoever needs the unit first waits for it; {@link #whenReady} actions (the audit trail's
     * recorders) run on it before anyone else gets it.
     */
    private static final class JpaUnit {

        private final DatabaseSettings settings;
        private final Map<String, String> maskingViews;
        private final List<Consumer<EntityManagerFactory>> onReady = new ArrayList<>();
        private volatile EntityManagerFactory factory;
        private boolean closed;

        JpaUnit(DatabaseSettings settings, Map<String, String> maskingViews) {
            this.settings = settings;
            this.maskingViews = maskingViews;
        }

        EntityManagerFactory get() {
            EntityManagerFactory ready = factory;
            return ready != null ? ready : deploy();
        }

        private synchronized EntityManagerFactory deploy() {
            if (factory != null) {
                return factory;
            }
            if (closed) {
                throw new IllegalStateException("the database " + settings.displayName() + " is closed");
            }
            long started = System.nanoTime();
            List<String> classNames = new ArrayList<>();
            Set<Bundle> bundles = new HashSet<>();
            for (EntityDescriptor entity : EntityContributions.entities()) {
                classNames.add(entity.className());
                bundles.add(entity.bundle());
            }
            EntityManagerFactory made = new PersistenceProvider().createContainerEntityManagerFactory(
                    PersistenceUnits.unitInfo(classNames, bundles, settings), PersistenceUnits.properties(settings, maskingViews));
            try {
                made.createEntityManager().close(); // log in now, so a failure surfaces here and not in a later query
                onReady.forEach(action -> action.accept(made));
            } catch (PersistenceException e) {
                made.close();
                throw translateConnectFailure(settings, e);
            } catch (RuntimeException e) {
                made.close();
                throw e;
            }
            onReady.clear();
            if (Boolean.getBoolean(STARTUP_TIMES)) {
                System.out.println(STARTUP_MARKER + " jpa=" + (System.nanoTime() - started) / 1_000_000 + " at="
                        + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " thread="
                        + Thread.currentThread().getName());
                new Throwable("the persistence unit deployed for").printStackTrace(); // who needed it, on stderr
            }
            factory = made;
            return made;
        }

        synchronized void whenReady(Consumer<EntityManagerFactory> action) {
            if (factory != null) {
                action.accept(factory);
            } else {
                onReady.add(action);
            }
        }

        synchronized void forget(Consumer<EntityManagerFactory> action) {
            onReady.remove(action);
        }

        boolean isDeployed() {
            return factory != null;
        }

        synchronized void close() {
            closed = true;
            onReady.clear();
            if (factory != null) {
                factory.close();
            }
        }
    }

    private Database(OpenUnit unit, Supplier<String> writer) {
        this.settings = unit.settings();
        this.login = unit.login();
        this.writer = writer;
        this.unit = unit.unit();
        this.notices = unit.notices();
    }

    /** For the component runtime: the database over the unit {@link #start} opened, written as its login. */
    @Activate
    public Database(Map<String, Object> properties) {
        this((OpenUnit) properties.get(UNIT_PROPERTY), null);
    }

    /**
     * Opens the database as {@link #open} does and offers it to the running installation as the {@link UnitOfWork}
     * and {@code Database} services until it is {@link #close() closed}: how the workbench and the command line open
     * theirs. The opening runs here, in the caller's thread, so that a failure reaches the caller with its reason (a
     * component that fails to activate is only logged).
     *
     * @param components the component factory {@link #FACTORY_FILTER} selects
     * @throws DatabaseException naming what went wrong; nothing is offered then
     */
    public static Database start(ComponentFactory<Database> components, DatabaseSettings settings) {
        OpenUnit unit = openUnit(settings);
        ComponentInstance<Database> instance;
        try {
            instance = components.newInstance(new Hashtable<>(Map.of(UNIT_PROPERTY, unit)));
        } catch (RuntimeException e) {
            shutDown(settings, unit.unit());
            throw e;
        }
        Database database = instance.getInstance();
        database.component = instance;
        database.backupListener = BackupChannel.listen(database);
        return database;
    }

    /**
     * Opens the database, creating it if it is new and migrating its schema, for the caller alone (no service).
     *
     * @throws DatabaseException naming what went wrong ({@link Reason#IN_USE} when another process has it open)
     */
    public static Database open(DatabaseSettings settings, SecurityService security) {
        return new Database(openUnit(settings), () -> security.currentUser().login());
    }

    private static OpenUnit openUnit(DatabaseSettings settings) {
        String login;
        Map<String, String> maskingViews;
        List<String> notices;
        long started = System.nanoTime();
        SchemaMigrator.Migration migration;
        long connected;
        try (Connection connection = connect(DerbyTemplates.creating(settings, EntityContributions.changelogs()))) {
            connected = System.nanoTime();
            connection.setAutoCommit(false);
            try {
                migration = SchemaMigrator.migration(connection, EntityContributions.changelogs(), settings.displayName(),
                        Integer.MAX_VALUE);
                notices = new ArrayList<>(migration.notices());
                login = login(connection, settings);
                maskingViews = settings.dialect() == DatabaseSettings.Dialect.POSTGRESQL ? MaskedReads.of(connection) : Map.of();
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw translateConnectFailure(settings, e);
        }
        notices.forEach(notice -> ILog.of(Database.class).warn(notice));
        if (Boolean.getBoolean(STARTUP_TIMES)) {
            long now = System.nanoTime();
            System.out.println(STARTUP_MARKER + " connect=" + (connected - started) / 1_000_000 + " schema=" + migration.millis()
                    + " liquibase=" + migration.checked() + " jpa=deferred total=" + (now - started) / 1_000_000);
        }
        return new OpenUnit(settings, new JpaUnit(settings, maskingViews), login, List.copyOf(notices));
    }

    /**
     * Who the connection is: on a team server the database user ({@code CURRENT_USER}), which no preference,
     * property or argument can change; on an embedded database its local owner.
     */
    private static String login(Connection connection, DatabaseSettings settings) throws SQLException {
        if (settings.dialect() != DatabaseSettings.Dialect.POSTGRESQL) {
            return LocalSecurityService.localLogin();
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT CURRENT_USER")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** What the opening did that the user should know, e.g. that it released a lock a crashed process left. */
    public List<String> notices() {
        return notices;
    }

    /**
     * The user this database is signed in as: on a team server the database user, on an embedded database its local
     * owner ({@link #isShared()} tells which).
     */
    public String login() {
        return login;
    }

    /** Whether this is a team server that many people sign in to, each as themselves (else an embedded database). */
    public boolean isShared() {
        return settings.dialect() == DatabaseSettings.Dialect.POSTGRESQL;
    }

    /** A raw connection for migrations, backups and bulk loads; only this bundle opens them. */
    public static Connection connect(DatabaseSettings settings) throws SQLException {
        // Derby's default page cache (1,000 pages) is far smaller than a million customers' working set:
        // a random page of the list then waits on the disk. Read when the engine boots; a user's setting wins.
        if (System.getProperty(DERBY_PAGE_CACHE) == null) {
            System.setProperty(DERBY_PAGE_CACHE, Integer.toString(pageCachePages(Runtime.getRuntime().maxMemory())));
        }
        // Derby writes its log synchronously, one buffer at a time (32 KB by default): a bulk write then waits on a
        // disk sync every 32 KB. With 1 MB buffers the same log costs a tenth of the syncs; a commit still syncs at once.
        if (System.getProperty(DERBY_LOG_BUFFER) == null) {
            System.setProperty(DERBY_LOG_BUFFER, Integer.toString(1 << 20));
        }
        Driver driver;
        try {
            driver = (Driver) Class.forName(settings.dialect().driverClass, true, Database.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new DatabaseException(Reason.CONNECT, NLS.bind(Messages.Database_cannotConnect, settings.displayName(),
                    "no JDBC driver " + settings.dialect().driverClass), e);
        }
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        if (settings.dialect() == DatabaseSettings.Dialect.POSTGRESQL) {
            properties.setProperty("ApplicationName", ClientName.current());
        }
        Connection connection = driver.connect(settings.url(), properties);
        if (connection == null) {
            throw new SQLException("the driver does not accept " + settings.displayName(), "08001");
        }
        return connection;
    }

    /**
     * The page cache Salesbench gives Derby in a heap of {@code maxHeap} bytes: 8,000 pages, or as many of Derby's largest
     * pages (32 KB, a customer table's) as fit in a quarter of the heap. The product's 1 GB heap gets the 8,000 (250 MB);
     * a command line run in 512 MB gets 4,000, so that the cache and a 1,000,000-row import's own data fit beside each other.
     */
    static int pageCachePages(long maxHeap) {
        return (int) Math.max(1_000, Math.min(8_000, maxHeap / 4 / (32 * 1024)));
    }

    static DatabaseException translateConnectFailure(DatabaseSettings settings, Throwable e) {
        if (e instanceof DatabaseException de) {
            return de;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (SQLSTATE_DERBY_IN_USE.equals(s.getSQLState())) {
                        return new DatabaseException(Reason.IN_USE, NLS.bind(Messages.Database_inUse, settings.displayName()), e);
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new DatabaseException(Reason.CONNECT, NLS.bind(Messages.Database_cannotConnect, settings.displayName(),
                root.getMessage()), e);
    }

    @Override
    public DatabaseSettings settings() {
        return settings;
    }

    /** The persistence unit, deployed and logged in now if nothing needed it before. */
    public EntityManagerFactory entityManagerFactory() {
        return unit.get();
    }

    /**
     * Runs {@code action} on the persistence unit as soon as it is deployed, before anyone uses it (at once if it is
     * already): how a component that must hook into every JPA write (the audit trail's recorders) does so without
     * deploying the unit itself. The action must not ask this database for its unit.
     *
     * @return what takes the action back if it has not run yet (the component went away first)
     */
    public Runnable whenUnitReady(Consumer<EntityManagerFactory> action) {
        unit.whenReady(action);
        return () -> unit.forget(action);
    }

    /** Whether the persistence unit has been deployed (something needed JPA). */
    public boolean isUnitDeployed() {
        return unit.isDeployed();
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        Transaction tx = current.get();
        if (tx != null) {
            return work.apply(tx.em());
        }
        EntityManager em = unit.get().createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /**
     * {@inheritDoc} While nothing has deployed the persistence unit (and outside a write), on a plain JDBC connection
     * of this database's settings, through the same masking views the unit would read; should JDBC fail, through the
     * unit, which then says why.
     */
    @Override
    public List<Object[]> rows(String sql, List<?> parameters, int offset, int limit) {
        if (current.get() != null || unit.isDeployed() || closed.get() || limit == 0) { // no engine takes FETCH FIRST 0 ROWS
            return UnitOfWork.super.rows(sql, parameters, offset, limit);
        }
        // both Derby and PostgreSQL take the standard clause; its parameters follow the query's own
        String paged = MaskingViews.sql(unit.maskingViews, sql) + (offset > 0 ? " OFFSET " + offset + " ROWS" : "")
                + (limit >= 0 ? " FETCH FIRST " + limit + " ROWS ONLY" : "");
        try (Connection c = connect(settings); PreparedStatement select = c.prepareStatement(paged)) {
            c.setReadOnly(true);
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            return UnitOfWork.super.rows(sql, parameters, offset, limit);
        }
    }

    @Override
    public <T> T write(Function<EntityManager, T> work) {
        Transaction outer = current.get();
        if (outer != null) {
            return work.apply(outer.em());
        }
        EntityManager em = unit.get().createEntityManager();
        Transaction tx = new Transaction(em, new ArrayList<>());
        current.set(tx);
        EntityTransaction transaction = em.getTransaction();
        try {
            T result = AuditListener.runAs(writer == null ? login : writer.get(), () -> {
                transaction.begin();
                T r = work.apply(em);
                em.flush();
                transaction.commit();
                return r;
            });
            current.remove();
            tx.afterCommit().forEach(Runnable::run);
            return result;
        } catch (RuntimeException e) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            throw translateWriteFailure(e);
        } finally {
            current.remove();
            em.close();
        }
    }

    private RuntimeException translateWriteFailure(RuntimeException e) {
        // JPA's exception often carries no entity (a merge of a stale copy, e.g. a user saved from a list row) while
        // EclipseLink's, its cause, names the object: look through the whole chain, so the conflict can say who changed it
        boolean stale = false;
        Object entity = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrentChangeException) {
                return e;
            }
            if (t instanceof OptimisticLockException ole) {
                stale = true;
                entity = entity != null ? entity : ole.getEntity();
            }
            if (t instanceof org.eclipse.persistence.exceptions.OptimisticLockException ole) {
                stale = true;
                entity = entity != null || ole.getQuery() == null ? entity : ole.getObject(); // getObject() fails without its query
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (stale) {
            return conflict(entity, e);
        }
        if (e instanceof PersistenceException) {
            return new DatabaseException(Reason.STATEMENT, NLS.bind(Messages.Database_statementFailed,
                    SchemaMigrator.rootMessage(e)), e);
        }
        return e;
    }

    /** The conflict of a stale entity, naming who saved the stored version when it can still be read. */
    private ConcurrentChangeException conflict(Object stale, RuntimeException cause) {
        String changedBy = null;
        Long id = stale instanceof AbstractEntity entity ? entity.getId() : null;
        if (stale instanceof AbstractEntity entity && id != null) {
            try {
                changedBy = read(em -> {
                    AbstractEntity stored = em.find(entity.getClass(), id);
                    return stored == null ? null : stored.getUpdatedBy();
                });
            } catch (RuntimeException e) {
                cause.addSuppressed(e); // who it was is a courtesy: the conflict itself is what matters
            }
        }
        return new ConcurrentChangeException(stale, stale == null ? null : stale.toString(), id, changedBy, cause);
    }

    @Override
    public void afterCommit(Runnable action) {
        Transaction tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("afterCommit outside a write");
        }
        tx.afterCommit().add(action);
    }

    /**
     * Closes the unit and, for embedded Derby, shuts the database down so another process may open it. A database
     * {@link #start} made stops being a service first.
     */
    @Override
    public void close() {
        ComponentInstance<Database> instance = component;
        if (instance != null) {
            instance.dispose(); // unregisters the services, then deactivates: see deactivate()
        } else {
            shutDown();
        }
    }

    @Deactivate
    void deactivate() {
        component = null;
        shutDown();
    }

    private void shutDown() {
        if (closed.compareAndSet(false, true)) {
            BackupChannel.Listener listener = backupListener;
            if (listener != null) {
                listener.close();
            }
            shutDown(settings, unit);
        }
    }

    private static void shutDown(DatabaseSettings settings, JpaUnit unit) {
        unit.close();
        if (settings.dialect() == DatabaseSettings.Dialect.DERBY) {
            String url = settings.url();
            int semicolon = url.indexOf(';');
            String base = semicolon < 0 ? url : url.substring(0, semicolon);
            try {
                connect(new DatabaseSettings(base + ";shutdown=true", settings.user(), settings.password())).close();
            } catch (SQLException expected) {
                // Derby answers a clean shutdown with SQLState 08006
            }
        }
    }
}
