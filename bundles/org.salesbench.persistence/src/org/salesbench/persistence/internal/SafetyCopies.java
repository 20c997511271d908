package org.salesbench.persistence.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a restore keeps the database it replaces: a new name beside it, never one already there. */
public final class SafetyCopies {

    /** Marks a safety copy's name, so a folder of backups can tell them apart. */
    public static final String MARK = "-before-restore-";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private SafetyCopies() {
    }

    /** {@code folder/<name>-before-restore-<time><extension>}, with a counter if that is taken. */
    public static Path next(Path folder, String name, String extension) {
        String stem = name + MARK + LocalDateTime.now().format(WHEN);
        Path candidate = folder.resolve(stem + extension);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + "-" + n + extension);
        }
        return candidate;
    }
}
