package org.salesbench.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;

import org.salesbench.persistence.internal.EntityContributions.ChangelogDescriptor;

/**
 * A hash of what a set of changelogs would do to a new database: each contributing bundle's changelog and every file
 * beside it or below (the files it includes), in changelog order. Two sets with the same fingerprint migrate a new
 * database to the same schema.
 */
public final class ChangelogFingerprint {

    private ChangelogFingerprint() {
    }

    public static String of(List<ChangelogDescriptor> changelogs) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        for (ChangelogDescriptor changelog : changelogs) {
            digest.update((changelog.bundle().getSymbolicName() + '/' + changelog.path() + '\n').getBytes(StandardCharsets.UTF_8));
            int slash = changelog.path().lastIndexOf('/');
            String folder = slash < 0 ? "/" : changelog.path().substring(0, slash);
            List<URL> files = new ArrayList<>();
            Enumeration<URL> entries = changelog.bundle().findEntries(folder, "*", true);
            if (entries != null) {
                files.addAll(Collections.list(entries));
            }
            files.sort(Comparator.comparing(URL::getPath));
            for (URL file : files) {
                if (file.getPath().endsWith("/")) {
                    continue;
                }
                digest.update((file.getPath() + '\n').getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.openStream()) {
                    digest.update(in.readAllBytes());
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }
}
