package org.salesbench.persistence.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;

/**
 * Sees EclipseLink, the JDBC drivers (through this bundle's imports) and every bundle that
 * contributes entities, so one persistence unit can span classes of many bundles.
 */
final class ContributionClassLoader extends ClassLoader {

    private final List<Bundle> bundles;

    ContributionClassLoader(ClassLoader parent, Set<Bundle> bundles) {
        super(parent);
        this.bundles = List.copyOf(new LinkedHashSet<>(bundles));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (Bundle bundle : bundles) {
            try {
                return bundle.loadClass(name);
            } catch (ClassNotFoundException e) {
                // try the next bundle
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (Bundle bundle : bundles) {
            URL url = bundle.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Bundle bundle : bundles) {
            Enumeration<URL> found = bundle.getResources(name);
            if (found != null) {
                urls.addAll(Collections.list(found));
            }
        }
        return Collections.enumeration(urls);
    }
}
