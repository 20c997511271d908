package org.salesbench.importexport.internal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.importexport.ImportProgress;

/**
 * The import's progress on standard error, redrawn in place at most four times a second: rows so far, rows per second,
 * and the time left when the number of rows is known (a text file's lines, counted before the import). The engine
 * reports a batch at a time ({@link #worked}), so the rows are batches times the batch size; {@link #finish} prints
 * the exact count with the whole run's rate.
 */
final class TerminalProgress extends NullProgressMonitor {

    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream err;
    private final LongSupplier nanos;
    private final int batchSize;
    private final long totalRows;
    private final long start;
    /** What the line begins with (a migration's file name), or {@code null}. */
    private String label;
    /** The monitor whose cancel this one reports (a migration's, for each file's progress), or {@code null}: its own. */
    private org.eclipse.core.runtime.IProgressMonitor cancelledWith;
    private long lastDraw = Long.MIN_VALUE;
    private long batches;
    private int drawnWidth;

    /**
     * @param totalRows the file's rows if known, else a negative number
     */
    TerminalProgress(PrintStream err, LongSupplier nanos, int batchSize, long totalRows) {
        this.err = err;
        this.nanos = nanos;
        this.batchSize = batchSize;
        this.totalRows = totalRows;
        this.start = nanos.getAsLong();
    }

    /** A line per file of a migration: "Contact.csv: 3000 of 30000 rows…", cancelled when {@code cancelledWith} is. */
    TerminalProgress forFile(String fileLabel, org.eclipse.core.runtime.IProgressMonitor cancelled) {
        this.label = fileLabel;
        this.cancelledWith = cancelled;
        return this;
    }

    @Override
    public boolean isCanceled() {
        return cancelledWith != null ? cancelledWith.isCanceled() : super.isCanceled();
    }

    @Override
    public void setCanceled(boolean cancelled) {
        if (cancelledWith != null) {
            cancelledWith.setCanceled(cancelled);
        } else {
            super.setCanceled(cancelled);
        }
    }

    /** Whether the process's standard error is a terminal someone watches (not a file or a pipe). */
    static boolean stderrIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22 and later: a console is there even when redirected; isTerminal says whether it is one
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console is a terminal
        }
    }

    /** The data rows of a CSV or other text file (its lines after the header), or -1 for another kind of file. */
    static long textRows(Path file) {
        return ImportProgress.textRows(file);
    }

    @Override
    public void worked(int work) {
        batches += work;
        draw(false);
    }

    private void draw(boolean force) {
        long now = nanos.getAsLong();
        if (!force && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        long rows = totalRows >= 0 ? Math.min(totalRows, batches * batchSize) : batches * batchSize;
        long rate = rate(rows, now - start);
        String line = totalRows > 0 && rate > 0
                ? NLS.bind(CliMessages.Progress_lineLeft, new Object[] { rows, totalRows, rate, duration((totalRows - rows) / rate) })
                : NLS.bind(CliMessages.Progress_line, rows, rate);
        write(line);
    }

    private void write(String text) {
        String line = label == null ? text : NLS.bind(CliMessages.Progress_file, label, text);
        String padded = line.length() < drawnWidth ? line + " ".repeat(drawnWidth - line.length()) : line;
        err.print('\r' + padded);
        err.flush();
        drawnWidth = line.length();
    }

    /** The last line: the exact number of rows the file had, the time taken and the rate. */
    void finish(long rows) {
        long elapsed = nanos.getAsLong() - start;
        write(NLS.bind(CliMessages.Progress_done, new Object[] { rows, String.format(Locale.ROOT, "%.1f", elapsed / 1e9), rate(rows, elapsed) }));
        err.println();
    }

    private static long rate(long rows, long elapsedNanos) {
        return ImportProgress.rate(rows, elapsedNanos);
    }

    /** 42 s, 3:05, 1:02:03. */
    static String duration(long seconds) {
        return ImportProgress.duration(seconds);
    }
}
