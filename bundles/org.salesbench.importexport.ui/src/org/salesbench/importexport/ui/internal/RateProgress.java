package org.salesbench.importexport.ui.internal;

import java.util.function.LongSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.osgi.util.NLS;
import org.salesbench.importexport.ImportProgress;

/**
 * The import job's progress as the wizard's user sees it: a bar over the file's batches when its rows are known
 * (a text file's lines), and each of the engine's messages followed by the rows so far, rows per second and the time
 * left. The engine reports a batch at a time, so rows are batches times the batch size (at most the file's rows).
 */
public final class RateProgress extends ProgressMonitorWrapper {

    private final LongSupplier nanos;
    private final int batchSize;
    private final long totalRows;
    private final long start;
    private long batches;

    /**
     * @param totalRows the file's rows if known, else a negative number
     */
    public RateProgress(IProgressMonitor monitor, LongSupplier nanos, int batchSize, long totalRows) {
        super(monitor);
        this.nanos = nanos;
        this.batchSize = batchSize;
        this.totalRows = totalRows;
        this.start = nanos.getAsLong();
    }

    @Override
    public void beginTask(String name, int totalWork) {
        // the engine does not know the rows; with a known count the bar shows batches done of all
        int work = totalWork == UNKNOWN && totalRows > 0 ? (int) Math.min(Integer.MAX_VALUE, (totalRows + batchSize - 1) / batchSize) : totalWork;
        super.beginTask(name, work);
    }

    @Override
    public void worked(int work) {
        batches += work;
        super.worked(work);
    }

    @Override
    public void subTask(String name) {
        super.subTask(NLS.bind(Messages.Progress_withRate, name, line()));
    }

    /** Rows so far, rows/s and, when the file's rows are known, the time left. */
    public String line() {
        long rows = totalRows >= 0 ? Math.min(totalRows, batches * batchSize) : batches * batchSize;
        long rate = ImportProgress.rate(rows, nanos.getAsLong() - start);
        long left = ImportProgress.secondsLeft(rows, totalRows, rate);
        return left >= 0 ? NLS.bind(Messages.Progress_rateLeft, new Object[] { rows, totalRows, rate, ImportProgress.duration(left) })
                : NLS.bind(Messages.Progress_rate, rows, rate);
    }
}
