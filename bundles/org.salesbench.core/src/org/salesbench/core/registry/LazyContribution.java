package org.salesbench.core.registry;

import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ISafeRunnable;
import org.eclipse.core.runtime.SafeRunner;

/**
 * The object a contribution names in a class attribute, created on first use inside
 * {@link SafeRunner}. A class that cannot be loaded or is of the wrong type is logged once and
 * yields an empty result from then on.
 *
 * @param <T> the type the contribution must implement
 */
public final class LazyContribution<T> {

    private final IConfigurationElement element;
    private final String classAttribute;
    private final Class<T> type;
    private T instance;
    private boolean failed;

    public LazyContribution(IConfigurationElement element, String classAttribute, Class<T> type) {
        ExtensionRegistryReader.requiredAttribute(element, classAttribute);
        this.element = element;
        this.classAttribute = classAttribute;
        this.type = type;
    }

    public synchronized Optional<T> get() {
        if (instance == null && !failed) {
            SafeRunner.run(new ISafeRunnable() {
                @Override
                public void run() throws CoreException {
                    Object created = element.createExecutableExtension(classAttribute);
                    if (!type.isInstance(created)) {
                        throw new IllegalArgumentException(created.getClass().getName() + " does not implement " + type.getName());
                    }
                    instance = type.cast(created);
                }

                @Override
                public void handleException(Throwable e) {
                    failed = true;
                    ExtensionRegistryReader.logBadContribution(element.getDeclaringExtension().getExtensionPointUniqueIdentifier(),
                            element, e);
                }
            });
        }
        return Optional.ofNullable(instance);
    }

    /** The bundle that contributed it. */
    public String contributor() {
        return element.getContributor().getName();
    }

    /** Calls into contributed code safely: a throwing contribution is logged and {@code fallback} returned. */
    public static <R> R safeCall(String what, java.util.concurrent.Callable<R> call, R fallback) {
        Object[] result = {fallback};
        SafeRunner.run(new ISafeRunnable() {
            @Override
            public void run() throws Exception {
                result[0] = call.call();
            }

            @Override
            public void handleException(Throwable e) {
                org.eclipse.core.runtime.ILog.of(LazyContribution.class).error("Contribution failed: " + what, e);
            }
        });
        @SuppressWarnings("unchecked")
        R r = (R) result[0];
        return r;
    }
}
