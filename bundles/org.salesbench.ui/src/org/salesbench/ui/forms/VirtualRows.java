package org.salesbench.ui.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;

/**
 * The rows behind an {@code SWT.VIRTUAL} table (or a {@link VirtualGrid}) of a list view, read a block at a time in a job as
 * they scroll into view and kept in a bounded cache. Each {@link #restart restart} (a new filter or
 * sort) starts a generation: results of an older one are dropped when they arrive.
 *
 * @param <R> the row type
 */
public final class VirtualRows<R> {

    /** Where the blocks of the current generation come from. */
    @FunctionalInterface
    public interface BlockSource<R> {
        /**
         * Called on the UI thread for a block that is not loaded; returns the read to run in a job, or
         * {@code null} to leave the block unread for now (the view clears the table when it can read it).
         */
        Supplier<List<R>> reader(int block);
    }

    /** What shows the rows: an SWT table, or a grid. */
    public interface Shown {
        Display display();

        boolean isDisposed();

        int count();

        /** The row count changed: everything shown is asked for again. */
        void reset(int count);

        /** The rows {@code from} to {@code to} (inclusive) arrived: they are asked for again. */
        void arrived(int from, int to);
    }

    private final Shown table;
    private final int blockSize;
    private final String jobName;
    private final Object jobFamily;
    private final Map<Integer, List<R>> blocks;
    private final Set<Integer> loading = new HashSet<>();
    private Consumer<RuntimeException> failed = e -> { };
    private BlockSource<R> source = block -> null;
    private int generation;

    /**
     * @param cachedBlocks how many blocks are kept; the least recently shown are forgotten first
     * @param jobFamily    the family the reading jobs belong to (tests join it)
     */
    public VirtualRows(Table table, int blockSize, int cachedBlocks, String jobName, Object jobFamily) {
        this(new Shown() {
            @Override
            public Display display() {
                return table.getDisplay();
            }

            @Override
            public boolean isDisposed() {
                return table.isDisposed();
            }

            @Override
            public int count() {
                return table.getItemCount();
            }

            @Override
            public void reset(int count) {
                table.setItemCount(count);
                table.clearAll();
            }

            @Override
            public void arrived(int from, int to) {
                table.clear(from, to);
            }
        }, blockSize, cachedBlocks, jobName, jobFamily);
    }

    /** Rows shown by something other than an SWT table (a grid). */
    public VirtualRows(Shown shown, int blockSize, int cachedBlocks, String jobName, Object jobFamily) {
        this.table = shown;
        this.blockSize = blockSize;
        this.jobName = jobName;
        this.jobFamily = jobFamily;
        this.blocks = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<R>> eldest) {
                return size() > cachedBlocks;
            }
        };
    }

    /** Where a failed read is reported, on the UI thread. */
    public void onFailure(Consumer<RuntimeException> reporter) {
        this.failed = reporter;
    }

    public int blockSize() {
        return blockSize;
    }

    /** Starts a new generation reading from {@code blocks}; returns it for {@link #isCurrent}. */
    public int restart(BlockSource<R> blocksOfGeneration) {
        source = blocksOfGeneration;
        return ++generation;
    }

    /** Whether {@code requested} is still the latest generation (a newer filter was not applied since). */
    public boolean isCurrent(int requested) {
        return requested == generation && !table.isDisposed();
    }

    /** Shows the first block and the row count of the current generation; older rows are forgotten. */
    public void show(List<R> first, long count) {
        blocks.clear();
        loading.clear();
        blocks.put(0, first);
        table.reset((int) Math.min(count, Integer.MAX_VALUE));
    }

    /**
     * Shows {@code all} as the whole list of the current generation (a list read at once): it is kept in blocks as a
     * paged list's rows are, and no block is read later.
     */
    public void showAll(List<R> all) {
        source = block -> null;
        blocks.clear();
        loading.clear();
        for (int from = 0, block = 0; from < all.size() || block == 0; from += blockSize, block++) {
            blocks.put(block, List.copyOf(all.subList(from, Math.min(all.size(), from + blockSize))));
        }
        table.reset(all.size());
    }

    /**
     * The row at {@code index}, or {@code null} while its block is read (the table's item is cleared
     * when it arrives, so SWT asks again). Call from the table's {@code SWT.SetData} listener.
     */
    public R row(int index) {
        int block = index / blockSize;
        List<R> rows = blocks.get(block);
        if (rows == null) {
            load(block);
            return null;
        }
        int offset = index % blockSize;
        return offset < rows.size() ? rows.get(offset) : null;
    }

    /** The row at {@code index} if its block is read, else {@code null}; reads nothing. */
    public R peek(int index) {
        List<R> rows = blocks.get(index / blockSize);
        int offset = index % blockSize;
        return rows != null && offset < rows.size() ? rows.get(offset) : null;
    }

    /** Whether the row at {@code index} is loaded (a missing row past the end of a short block is not "loading"). */
    public boolean isLoaded(int index) {
        return blocks.containsKey(index / blockSize);
    }

    private void load(int block) {
        if (loading.contains(block)) {
            return;
        }
        Supplier<List<R>> reader = source.reader(block);
        if (reader == null) {
            return;
        }
        loading.add(block);
        int requested = generation;
        run(() -> reader.get(), rows -> {
            if (!isCurrent(requested)) {
                return;
            }
            blocks.put(block, rows);
            loading.remove(block);
            int from = block * blockSize;
            int to = Math.min(table.count(), from + blockSize) - 1;
            if (from <= to) {
                table.arrived(from, to);
            }
        }, requested);
    }

    /**
     * Runs {@code work} in a job of this list's family and hands its result to {@code done} on the UI
     * thread if generation {@code requested} is still current; a failure goes to the failure reporter.
     */
    public <T> void run(Supplier<T> work, Consumer<T> done, int requested) {
        var display = table.display();
        Job job = new Job(jobName) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    T result = work.get();
                    display.asyncExec(() -> {
                        if (isCurrent(requested)) {
                            done.accept(result);
                        }
                    });
                } catch (RuntimeException e) {
                    display.asyncExec(() -> {
                        if (isCurrent(requested)) {
                            loading.clear();
                            failed.accept(e);
                        }
                    });
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == jobFamily;
            }
        };
        job.setSystem(true);
        job.schedule();
    }

    /** The rows read so far, block by block (tests look at them). */
    public List<R> loaded() {
        List<R> rows = new ArrayList<>();
        List<Integer> loadedBlocks = new ArrayList<>(blocks.keySet());
        loadedBlocks.sort(null);
        loadedBlocks.forEach(b -> rows.addAll(blocks.get(b)));
        return rows;
    }
}
