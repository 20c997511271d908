package org.salesbench.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.salesbench.cli.CommandException;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.UnitOfWork;

/**
 * The database and the services of one command: opens the database on first use and offers it as
 * the {@link UnitOfWork} service, as the workbench does, so the modules' DS components (customer
 * service, import engine, demo data …) come up over it; unregisters and closes it at the end.
 */
final class ServiceSession implements AutoCloseable {

    private static final long SERVICE_TIMEOUT_MS = 20_000;

    private final BundleContext context;
    private final DatabaseSettings settings;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private Database database;
    private ServiceRegistration<?> registration;

    ServiceSession(BundleContext context, DatabaseSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    DatabaseSettings settings() {
        return settings;
    }

    Database database() throws CommandException {
        if (database == null) {
            SecurityService security = await(SecurityService.class);
            try {
                database = Database.open(settings, security);
            } catch (DatabaseException e) {
                throw CommandException.data(e.getMessage(), e);
            }
            registration = context.registerService(new String[] { UnitOfWork.class.getName(), Database.class.getName() }, database, null);
        }
        return database;
    }

    <S> S service(Class<S> type) throws CommandException {
        database();
        return await(type);
    }

    private <S> S await(Class<S> type) throws CommandException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        try {
            S service = tracker.waitForService(SERVICE_TIMEOUT_MS);
            if (service == null) {
                throw CommandException.data(NLS.bind(Messages.Cli_serviceMissing, type.getName()), null);
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandException.data(NLS.bind(Messages.Cli_serviceMissing, type.getName()), e);
        }
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
