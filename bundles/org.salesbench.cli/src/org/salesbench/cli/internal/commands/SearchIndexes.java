package org.salesbench.cli.internal.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The search indexes beside a database ({@code DatabaseSettings.searchIndexFolder}): caches the modules rebuild from the data when missing. */
final class SearchIndexes {

    private SearchIndexes() {
    }

    /** Deletes the folder with everything in it, so that the next opening of the database rebuilds its indexes; nothing when there is none. */
    static void delete(Path folder) throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
