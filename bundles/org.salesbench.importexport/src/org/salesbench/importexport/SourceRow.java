package org.salesbench.importexport;

import java.util.List;

/**
 * One data row as the file has it.
 *
 * @param number the row number a person sees in a spreadsheet (the header is row 1)
 * @param values the cell texts, possibly fewer or more than the header has columns
 */
public record SourceRow(long number, List<String> values) {

    public String value(int column) {
        return column < values.size() ? values.get(column) : null;
    }
}
