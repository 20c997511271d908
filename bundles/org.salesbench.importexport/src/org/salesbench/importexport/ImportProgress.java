package org.salesbench.importexport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What an import's progress shows besides its rows, the same on the CLI's standard error and in the wizard: the
 * file's rows when they can be counted cheaply beforehand (a text file's lines), the rate, and the time left.
 */
public final class ImportProgress {

    private ImportProgress() {
    }

    /** The data rows of a CSV or other text file (its lines after the header), or -1 for another kind of file. */
    public static long textRows(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt"))) {
            return -1;
        }
        long lines = 0;
        int last = '\n';
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        } catch (IOException e) {
            return -1;
        }
        if (last != '\n') {
            lines++;
        }
        return Math.max(0, lines - 1);
    }

    /** Rows per second, rounded; 0 before any time has passed. */
    public static long rate(long rows, long elapsedNanos) {
        return elapsedNanos <= 0 ? 0 : Math.round(rows * 1e9 / elapsedNanos);
    }

    /** Seconds left at {@code rate} rows/s for the rows not done yet, or -1 when that is not known. */
    public static long secondsLeft(long rows, long totalRows, long rate) {
        return totalRows > 0 && rate > 0 ? Math.max(0, totalRows - rows) / rate : -1;
    }

    /** 42 s, 3:05, 1:02:03. */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
