package org.salesbench.importexport.tests;

import org.eclipse.core.runtime.NullProgressMonitor;

/** A monitor that says "cancelled" once the engine has handed over {@code batches} batches. */
final class CancelAfter extends NullProgressMonitor {
    private int worked;
    private final int batches;

    CancelAfter(int batches) {
        this.batches = batches;
    }

    @Override
    public void worked(int work) {
        worked += work;
    }

    @Override
    public boolean isCanceled() {
        return worked >= batches;
    }
}
