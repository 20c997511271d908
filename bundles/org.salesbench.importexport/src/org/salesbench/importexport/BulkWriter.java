package org.salesbench.importexport;

import java.io.IOException;
import java.util.List;

import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.importexport.targets.ImportRun;

/**
 * A target writer that can also take a large file's new records the fast way: it validates and
 * matches rows in memory, stages the new ones (with ids reserved up front) and loads them with the
 * database's bulk load, in a transaction of its own that may run while staging goes on and commits at
 * {@link Staging#load}. The engine keeps the modes exact around it: nothing is loaded when an all-or-nothing
 * run has a failed row or is cancelled, and a committed load is undone by the reserved ids when what
 * follows it fails.
 */
public interface BulkWriter extends TargetWriter {

    /** Whether this run may take the bulk path (the database has a bulk load, the settings allow it). */
    boolean bulkApplies(ImportSettings settings);

    /** Starts staging a run: reads once the existing keys the match uses. */
    Staging stage(MatchPolicy match) throws IOException;

    /**
     * Whether {@link #stage(MatchPolicy, ImportRun)} commits the load in chunks ({@code BulkChunks}) and keeps the run's
     * record: then the engine opens the record, and resumes an interrupted run of the same file after its last committed
     * row. A writer that loads in one transaction answers {@code false} (a crash during its load leaves the whole load
     * for the database's recovery to undo).
     */
    default boolean commitsInChunks() {
        return false;
    }

    /** Starts staging a run whose chunks advance {@code run}'s record; by default the run is not kept. */
    default Staging stage(MatchPolicy match, ImportRun run) throws IOException {
        return stage(match);
    }

    /** The new records of one run, staged until {@link #load}. */
    interface Staging extends AutoCloseable {

        /**
         * Validates and matches {@code rows}; new ones are staged and come back {@code CREATED} with their
         * reserved id, matched ones {@code SKIPPED}, invalid ones {@code FAILED}. A row that matches a record
         * to be updated comes back {@code null}: the engine writes it through {@link TargetWriter#write}.
         */
        List<RowOutcome> stage(List<ImportRow> rows);

        /** How many new records are staged. */
        int staged();

        /**
         * Loads the rest of the staged records and commits them all; on failure nothing of them remains.
         *
         * @throws ImportException naming what the database refused
         */
        void load() throws ImportException;

        /**
         * Removes what {@link #load} wrote (by the reserved ids), for an all-or-nothing run that failed after it. A writer
         * that commits in chunks removes the chunks it committed while staging too, whether {@link #load} ran or not.
         */
        void undo();

        /** Announces the loaded records with one event, once the run has succeeded. */
        void announce();

        /** Ends the run: a load not committed by {@link #load} is rolled back. */
        @Override
        void close();
    }
}
