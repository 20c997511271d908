package org.salesbench.ui;

import java.util.Collection;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Looks up the OSGi services the model bundles provide (customer service, unit of work …) for UI
 * code that is created by the workbench and so cannot have them injected.
 */
public final class Services {

    private Services() {
    }

    /**
     * The service of the given type.
     *
     * @throws IllegalStateException naming the service if none is registered (e.g. the database is not open)
     */
    public static <T> T get(Class<T> type) {
        return get(type, null);
    }

    /**
     * The service of the given type whose properties match {@code filter} (an LDAP filter; {@code null} for any), e.g.
     * one component factory among several.
     *
     * @throws IllegalStateException naming the service if none is registered
     */
    public static <T> T get(Class<T> type, String filter) {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        T service = null;
        if (context != null) {
            Collection<ServiceReference<T>> references;
            try {
                references = context.getServiceReferences(type, filter);
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException(filter, e);
            }
            for (ServiceReference<T> reference : references) {
                service = context.getService(reference);
                if (service != null) {
                    break;
                }
            }
        }
        if (service == null) {
            throw new IllegalStateException("No " + type.getName() + (filter == null ? "" : " " + filter) + " service is available");
        }
        return service;
    }

    /** The service of the given type, or empty where no installed module provides it. */
    public static <T> Optional<T> find(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        ServiceReference<T> reference = context == null ? null : context.getServiceReference(type);
        return Optional.ofNullable(reference == null ? null : context.getService(reference));
    }
}
