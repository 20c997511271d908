package org.salesbench.core.registry;

import java.util.function.Supplier;

import org.osgi.service.component.ComponentServiceObjects;

/**
 * A service a component needs only now and then (a scheduled job's runs), held by its {@link ComponentServiceObjects}:
 * binding those activates nothing, so the component comes up without the service and what that references; the
 * service is got on the first {@link #get()} (the job's first run) and kept until {@link #release()} (the component's
 * deactivation). The workbench's schedulers hold their services so, which keeps them out of its start until the first
 * view painted. Outside a component (a test), {@link #of(Object)} wraps a service that is there already.
 *
 * @param <S> the service's type
 */
public final class ServiceOnFirstUse<S> implements Supplier<S> {

    private final ComponentServiceObjects<S> objects;
    private S service;

    private ServiceOnFirstUse(ComponentServiceObjects<S> objects, S service) {
        this.objects = objects;
        this.service = service;
    }

    /** The service of {@code objects}, got when first asked for. */
    public static <S> ServiceOnFirstUse<S> from(ComponentServiceObjects<S> objects) {
        if (objects == null) {
            throw new IllegalArgumentException("No service objects to get the service from");
        }
        return new ServiceOnFirstUse<>(objects, null);
    }

    /** A service that is there already (a test's); {@link #release()} leaves it alone. */
    public static <S> ServiceOnFirstUse<S> of(S service) {
        if (service == null) {
            throw new IllegalArgumentException("No service");
        }
        return new ServiceOnFirstUse<>(null, service);
    }

    /** The service, got now if this is the first time. */
    @Override
    public synchronized S get() {
        if (service == null) {
            service = objects.getService();
            if (service == null) {
                throw new IllegalStateException("The service is gone: " + objects.getServiceReference());
            }
        }
        return service;
    }

    /** Gives the service back, if it was got from service objects; a later {@link #get()} gets it anew. */
    public synchronized void release() {
        if (service != null && objects != null) {
            S given = service;
            service = null;
            objects.ungetService(given);
        }
    }
}
