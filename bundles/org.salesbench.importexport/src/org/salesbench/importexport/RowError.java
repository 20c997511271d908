package org.salesbench.importexport;

/**
 * One line of the error report: the spreadsheet row number (header = 1), the file column (header
 * text, empty when the error is about the whole row), the value and a message for the user.
 */
public record RowError(long row, String column, String value, String message) {
}
