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

    /** Licence texts and names a bundle's about.html or licence file may hold, the most specific first. */
    private static final String[][] KNOWN = {
        {"eclipse public license[^0-9]{0,40}2\\.0|epl-2\\.0|epl-v20", "Eclipse Public License 2.0"},
        {"eclipse public license[^0-9]{0,40}1\\.0|epl-v10", "Eclipse Public License 1.0"},
        {"eclipse distribution license", "Eclipse Distribution License 1.0"},
        {"apache license[^0-9]{0,40}2\\.0", "Apache License 2.0"},
        {"gnu lesser general public license", "GNU LGPL"},
        {"unicode(, inc\\.)? license|unicode license agreement", "Unicode License"},
        {"mit license|permission is hereby granted, free of charge", "MIT License"},
        {"redistribution and use in source and binary forms", "BSD License"},
    };

    /** Where a bundle keeps the text of its licence: Eclipse's about.html, else the library's own licence file. */
    private static final String[] LICENCE_FILES = {"about.html", "META-INF/LICENSE", "META-INF/LICENSE.txt", "META-INF/LICENSE.md",
        "LICENSE", "LICENSE.txt", "license.html", "META-INF/LICENSE.html", "LICENSE.html"};

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
        for (String file : LICENCE_FILES) {
            URL url = bundle.getEntry(file);
            if (url == null) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                for (String[] known : KNOWN) {
                    if (java.util.regex.Pattern.compile(known[0]).matcher(text).find()) {
                        return known[1];
                    }
                }
            } catch (IOException e) {
                // unreadable: try the next file
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
        if (lower.contains("bsd")) {
            return lower.contains("3") ? "BSD-3-Clause" : lower.contains("2") ? "BSD-2-Clause" : "BSD License";
        }
        if (lower.contains("mit")) {
            return "MIT License";
        }
        return first;
    }
}
