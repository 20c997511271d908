package org.salesbench.persistence.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import liquibase.servicelocator.ServiceLocator;

/**
 * Finds Liquibase's own plugins (change types, databases, parsers) by reading the
 * {@code META-INF/services} files of the Liquibase bundle. {@code ServiceLoader} sees nothing of
 * them inside OSGi, where the bundle's services are meant for a mediator that processes them only
 * under conditions we do not control; reading the files directly works the same everywhere.
 */
final class BundleServiceLocator implements ServiceLocator {

    private final ClassLoader loader;

    BundleServiceLocator(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public <T> List<T> findInstances(Class<T> type) {
        List<T> instances = new ArrayList<>();
        for (String className : classNames(type)) {
            try {
                Class<?> c = loader.loadClass(className);
                if (type.isAssignableFrom(c)) {
                    instances.add(type.cast(c.getDeclaredConstructor().newInstance()));
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                // a plugin whose optional dependency (servlets, a commercial extension) is absent: not needed here
            }
        }
        return instances;
    }

    private Set<String> classNames(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(loader.getResources("META-INF/services/" + type.getName()))) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null;) {
                        int hash = line.indexOf('#');
                        String name = (hash < 0 ? line : line.substring(0, hash)).trim();
                        if (!name.isEmpty()) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the Liquibase services " + type.getName(), e);
        }
        return names;
    }
}
