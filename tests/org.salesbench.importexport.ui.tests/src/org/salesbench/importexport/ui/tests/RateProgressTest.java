package org.salesbench.importexport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.salesbench.importexport.ui.internal.RateProgress;

/**
 * The import job's progress in the wizard: a bar over the file's batches when its rows are known, and each of the
 * engine's messages followed by rows so far, rows per second and the time left, from a clock the test moves.
 */
class RateProgressTest {

    /** What the job's monitor was told. */
    private static final class Recorded extends NullProgressMonitor {
        int totalWork;
        int worked;
        final List<String> subTasks = new ArrayList<>();

        @Override
        public void beginTask(String name, int total) {
            totalWork = total;
        }

        @Override
        public void worked(int work) {
            worked += work;
        }

        @Override
        public void subTask(String name) {
            subTasks.add(name);
        }
    }

    @Test
    void aKnownFileShowsABarOverItsBatchesWithRowsPerSecondAndTimeLeft() {
        Recorded job = new Recorded();
        long[] now = { 0 };
        RateProgress progress = new RateProgress(job, () -> now[0], 1_000, 2_500);
        progress.beginTask("Importing", IProgressMonitor.UNKNOWN);
        assertEquals(3, job.totalWork, "2,500 rows in batches of 1,000: three batches");

        now[0] = 2_000_000_000L; // two seconds in, one batch done
        progress.worked(1);
        progress.subTask("1000 rows read");
        String line = job.subTasks.get(0);
        assertTrue(line.startsWith("1000 rows read"), line);
        // 1,000 of 2,500 rows at 500 rows/s: 3 s left
        for (String part : new String[] { "1000", "2500", "500", "3 s" }) {
            assertTrue(line.contains(part), line + " shows " + part);
        }
        assertEquals(1, job.worked);

        now[0] = 4_000_000_000L; // the last batch is short: rows never pass the file's count
        progress.worked(2);
        assertTrue(progress.line().startsWith("2500"), progress.line());
        assertTrue(progress.line().contains("0 s"), progress.line());
    }

    @Test
    void anUnknownFileKeepsTheEnginesOpenBarAndShowsRowsAndRate() {
        Recorded job = new Recorded();
        long[] now = { 0 };
        RateProgress progress = new RateProgress(job, () -> now[0], 500, -1);
        progress.beginTask("Importing", IProgressMonitor.UNKNOWN);
        assertEquals(IProgressMonitor.UNKNOWN, job.totalWork);
        now[0] = 1_000_000_000L;
        progress.worked(4);
        progress.subTask("2000 rows read");
        String line = job.subTasks.get(0);
        assertTrue(line.contains("2000") && line.contains("2000 rows read"), line);
        assertTrue(!line.contains("3 s") && !line.contains("left") && !line.contains("剩"), "no time left without a row count: " + line);
    }
}
