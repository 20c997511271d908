package org.salesbench.ui.internal.about;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

/**
 * The libraries the running Salesbench bundles and their licences, read from each bundle: its {@code Bundle-License}
 * header (what Maven Central's OSGi bundles declare), else the licence its {@code about.html} names (Eclipse's bundles).
 */
public final class Libraries {

    /** One bundled library. */
    public record Library(String name, String symbolicName, String version, String licence) {
    }

    /** Licence names an about.html may give, the most specific first. */
    private static final String[][] KNOWN = {
        {"eclipse public license - v 2.0", "Eclipse Public License 2.0"},
        {"epl-2.0", "Eclipse Public License 2.0"},
        {"eclipse public license - v 1.0", "Eclipse Public License 1.0"},
        {"eclipse distribution license", "Eclipse Distribution License 1.0"},
        {"apache license, version 2.0", "Apache License 2.0"},
        {"apache license 2.0", "Apache License 2.0"},
        {"mit license", "MIT License"},
        {"bsd", "BSD License"},
    };

    private Libraries() {
    }

    /** Salesbench's own version: the workbench bundle's. */
    public static String productVersion() {
        return FrameworkUtil.getBundle(Libraries.class).getVersion().toString();
    }

    /** Every bundle of the running product that is not Salesbench's own, by name. */
    public static List<Library> bundled() {
        List<Library> libraries = new ArrayList<>();
        for (Bundle bundle : FrameworkUtil.getBundle(Libraries.class).getBundleContext().getBundles()) {
            String id = bundle.getSymbolicName();
            if (bundle.getBundleId() == 0 || id == null || id.startsWith("org.salesbench.")) {
                continue;
            }
            String name = bundle.getHeaders().get(Constants.BUNDLE_NAME);
            libraries.add(new Library(name == null || name.startsWith("%") ? id : name, id, bundle.getVersion().toString(), licence(bundle)));
        }
        libraries.sort(Comparator.comparing((Library l) -> l.name().toLowerCase(Locale.ROOT)).thenComparing(Library::symbolicName));
        return libraries;
    }

    /** The bundle's licence as people name it, or {@code null} when the bundle does not say. */
    static String licence(Bundle bundle) {
        String header = bundle.getHeaders("").get("Bundle-License");
        if (header != null && !header.isBlank()) {
            return readable(header);
        }
        URL about = bundle.getEntry("about.html");
        if (about != null) {
            try (InputStream in = about.openStream()) {
                String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                for (String[] known : KNOWN) {
                    if (text.contains(known[0])) {
                        return known[1];
                    }
                }
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    /** A Bundle-License header ({@code "Apache-2.0"; link="…"}, a URL or a name) as a licence name. */
    static String readable(String header) {
        String first = header.split(";")[0].split(",(?=\\s*\\S)")[0].strip().replace("\"", "");
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.contains("apache") && lower.contains("2")) {
            return "Apache License 2.0";
        }
        if (lower.contains("epl-2.0") || lower.contains("epl-v20") || lower.contains("epl-2")) {
            return "Eclipse Public License 2.0";
        }
        if (lower.contains("epl-v10") || lower.contains("epl-1.0")) {
            return "Eclipse Public License 1.0";
        }
        if (lower.contains("edl") || lower.contains("eclipse distribution")) {
            return "Eclipse Distribution License 1.0";
        }
        return first;
    }
}
