package org.salesbench.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.ComponentFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.salesbench.cli.CommandException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.UnitOfWork;

/**
 * The database and the services of one command: starts the database on first use, as the workbench
 * does, so that it is the {@link UnitOfWork} service the modules' DS components (customer service,
 * import engine, demo data …) come up over; closes it at the end.
 */
final class ServiceSession implements AutoCloseable {

    private static final long SERVICE_TIMEOUT_MS = 20_000;

    private final BundleContext context;
    private final DatabaseSettings settings;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    /** Where the opening's notices go (a lock a crashed process left, released). */
    private final PrintStream err;
    private Database database;

    ServiceSession(BundleContext context, DatabaseSettings settings, PrintStream err) {
        this.context = context;
        this.settings = settings;
        this.err = err;
    }

    DatabaseSettings settings() {
        return settings;
    }

    Database database() throws CommandException {
        if (database == null) {
            @SuppressWarnings("unchecked")
            ComponentFactory<Database> databases = await(ComponentFactory.class, Database.FACTORY_FILTER, Database.class.getName());
            try {
                database = Database.start(databases, settings);
                database.notices().forEach(err::println);
            } catch (DatabaseException e) {
                throw CommandException.data(e.getMessage(), e);
            }
        }
        return database;
    }

    <S> S service(Class<S> type) throws CommandException {
        database();
        return await(type, null, type.getName());
    }

    /** The service of {@code type} matching {@code filter} (or any), waiting for it to come up; {@code name} is for the message. */
    private <S> S await(Class<S> type, String filter, String name) throws CommandException {
        ServiceTracker<S, S> tracker;
        if (filter == null) {
            tracker = new ServiceTracker<>(context, type, null);
        } else {
            try {
                Filter selection = context.createFilter("(&(" + Constants.OBJECTCLASS + "=" + type.getName() + ")" + filter + ")");
                tracker = new ServiceTracker<>(context, selection, null);
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException(filter, e);
            }
        }
        tracker.open();
        trackers.add(tracker);
        try {
            S service = tracker.waitForService(SERVICE_TIMEOUT_MS);
            if (service == null) {
                throw CommandException.data(NLS.bind(Messages.Cli_serviceMissing, name), null);
            }
            return type.cast(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandException.data(NLS.bind(Messages.Cli_serviceMissing, name), e);
        }
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
