package org.salesbench.importexport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.io.AtomicFiles;
import org.salesbench.core.io.SpreadsheetText;
import org.salesbench.importexport.internal.Messages;

/**
 * The summary of an import run and its error report. In {@link Outcome#ROLLED_BACK} and
 * {@link Outcome#CANCELLED_ROLLED_BACK} nothing was written and the counts say what would have been.
 *
 * @param lastCommittedRow the last row whose batch was committed (0 if none), for a run stopped in valid-rows mode
 * @param notes            what the run mapped or chose for the user to know of, each with how many rows it concerned
 */
public record ImportResult(Outcome outcome, int created, int updated, int skipped, int failed, List<RowError> errors,
        long lastCommittedRow, List<Note> notes) {

    /** A thing the run did to some rows (e.g. mapped "technolgy" to "technology"), and in how many. */
    public record Note(String message, int count) {
    }

    public enum Outcome {
        /** every row was processed and the valid ones are in the database */
        COMPLETED,
        /** all-or-nothing: some row failed, so nothing was written */
        ROLLED_BACK,
        /** all-or-nothing: cancelled, nothing was written */
        CANCELLED_ROLLED_BACK,
        /** valid-rows: cancelled; the batches up to {@code lastCommittedRow} are in the database, nothing after */
        CANCELLED_AT_BATCH
    }

    public ImportResult {
        errors = List.copyOf(errors);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public ImportResult(Outcome outcome, int created, int updated, int skipped, int failed, List<RowError> errors, long lastCommittedRow) {
        this(outcome, created, updated, skipped, failed, errors, lastCommittedRow, List.of());
    }

    /** Whether a cancel stopped the run (the user's Cancel, or Ctrl+C on the command line). */
    public boolean cancelled() {
        return outcome == Outcome.CANCELLED_ROLLED_BACK || outcome == Outcome.CANCELLED_AT_BATCH;
    }

    /**
     * What a cancelled run wrote, in the user's language ("Cancelled: the rows up to row 2000 were imported, none after
     * it."), or {@code null} when the run was not cancelled.
     */
    public String cancelNote() {
        return switch (outcome) {
        case CANCELLED_ROLLED_BACK -> Messages.Import_cancelledRolledBack;
        case CANCELLED_AT_BATCH -> NLS.bind(Messages.Import_cancelledAtBatch, lastCommittedRow);
        default -> null;
        };
    }

    public boolean wroteNothing() {
        return outcome == Outcome.ROLLED_BACK || outcome == Outcome.CANCELLED_ROLLED_BACK;
    }

    /** Writes the error report as CSV (UTF-8 with BOM): row, column, value, message; whole or not at all. */
    public void writeErrorReport(Path file) throws IOException {
        AtomicFiles.write(file, this::writeErrorReport);
    }

    public void writeErrorReport(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord("row", "column", "value", "message");
        for (RowError e : errors) {
            // the value is the file's text as it was: a formula there must not run when the report is opened
            printer.printRecord(e.row(), SpreadsheetText.neutralise(e.column()), SpreadsheetText.neutralise(e.value()),
                    SpreadsheetText.neutralise(e.message()));
        }
        printer.flush();
    }
}
