package org.salesbench.ui;

import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
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
        return find(type).orElseThrow(() -> new IllegalStateException("No " + type.getName() + " service is available"));
    }

    /** The service of the given type, or empty where no installed module provides it. */
    public static <T> Optional<T> find(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        ServiceReference<T> reference = context == null ? null : context.getServiceReference(type);
        return Optional.ofNullable(reference == null ? null : context.getService(reference));
    }
}
