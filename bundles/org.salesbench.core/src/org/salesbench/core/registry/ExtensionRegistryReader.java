package org.salesbench.core.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;

/**
 * Reads one extension point into typed descriptors, once and lazily (the first call to
 * {@link #descriptors()}). A contribution whose descriptor cannot be made is logged with its
 * bundle id and skipped, so one broken add-on never hides the others.
 *
 * @param <D> the descriptor type
 */
public class ExtensionRegistryReader<D> {

    private final String extensionPointId;
    private final String elementName;
    private final Function<IConfigurationElement, D> factory;
    private final Comparator<? super D> order;
    private volatile List<D> descriptors;

    /**
     * @param extensionPointId the full id, e.g. {@code org.salesbench.persistence.entities}
     * @param elementName      the element to read, or {@code null} for every element
     * @param factory          makes a descriptor; may throw {@link IllegalArgumentException} for a bad contribution
     * @param order            the order of {@link #descriptors()}, or {@code null} for registry order
     */
    public ExtensionRegistryReader(String extensionPointId, String elementName,
            Function<IConfigurationElement, D> factory, Comparator<? super D> order) {
        this.extensionPointId = extensionPointId;
        this.elementName = elementName;
        this.factory = factory;
        this.order = order;
    }

    public List<D> descriptors() {
        List<D> result = descriptors;
        if (result == null) {
            synchronized (this) {
                result = descriptors;
                if (result == null) {
                    result = read();
                    descriptors = result;
                }
            }
        }
        return result;
    }

    /** Forgets what was read, e.g. after bundles were installed. */
    public synchronized void reset() {
        descriptors = null;
    }

    private List<D> read() {
        List<D> result = new ArrayList<>();
        if (Platform.getExtensionRegistry() == null) {
            return List.of();
        }
        for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor(extensionPointId)) {
            if (elementName != null && !elementName.equals(element.getName())) {
                continue;
            }
            try {
                result.add(factory.apply(element));
            } catch (RuntimeException e) {
                logBadContribution(extensionPointId, element, e);
            }
        }
        if (order != null) {
            result.sort(order);
        }
        return List.copyOf(result);
    }

    /** Logs a contribution that was skipped, naming the contributing bundle. */
    public static void logBadContribution(String extensionPointId, IConfigurationElement element, Throwable e) {
        String bundle = element.getContributor().getName();
        ILog.of(ExtensionRegistryReader.class).log(new Status(IStatus.ERROR, bundle,
                "Skipped a contribution of " + bundle + " to " + extensionPointId + ": " + e.getMessage(), e));
    }

    /** A required attribute, or an {@link IllegalArgumentException} that names it. */
    public static String requiredAttribute(IConfigurationElement element, String name) {
        String value = element.getAttribute(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("<" + element.getName() + "> has no '" + name + "' attribute");
        }
        return value;
    }

    public static int intAttribute(IConfigurationElement element, String name, int defaultValue) {
        String value = element.getAttribute(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is not a whole number: " + value, e);
        }
    }
}
