package org.salesbench.core.io;

/**
 * Text cells of the CSV and XLSX files Salesbench writes, safe to open in a spreadsheet (OWASP's rule against CSV
 * injection): a text starting with {@code = + - @}, a tab or a carriage return gets a leading single quote, so the
 * spreadsheet shows it as text instead of running it as a formula. Numbers are written as numbers and never pass
 * here, so {@code -5} in a number column stays a number. {@link #restore} undoes it when such a file is imported again;
 * a text that already starts with quotes before such a character gets one more, so the round trip is exact.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** The text as a cell holds it: with a leading quote when a spreadsheet would take it for a formula. */
    public static String neutralise(String text) {
        return text != null && needsQuote(text, 0) ? "'" + text : text;
    }

    /** The text a {@link #neutralise neutralised} cell held before: one leading quote fewer where it added one. */
    public static String restore(String text) {
        return text != null && text.startsWith("'") && needsQuote(text, 1) ? text.substring(1) : text;
    }

    /** Whether the text from {@code from} on, after any quotes (their run is why the round trip is exact), starts with a character a spreadsheet reads as a formula. */
    private static boolean needsQuote(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        if (i >= text.length()) {
            return false;
        }
        char first = text.charAt(i);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
