package org.salesbench.importexport;

import java.util.List;

/**
 * Writes batches of rows for one import run. {@link #write} is called inside a transaction of the
 * context's unit of work; it must validate every row with the module's own rules, write only the
 * valid ones, and return one outcome per row in order. It throws only when the database refuses a
 * write (the engine then rolls the batch back).
 */
public interface TargetWriter {

    List<RowOutcome> write(List<ImportRow> rows, MatchPolicy match);
}
