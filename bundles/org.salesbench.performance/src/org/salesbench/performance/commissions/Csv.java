package org.salesbench.performance.commissions;

import java.math.BigDecimal;

import org.salesbench.core.io.SpreadsheetText;

/** CSV cells of statements and score sheets, as every CSV Salesbench writes: text neutralised for spreadsheets. */
public final class Csv {

    private Csv() {
    }

    /** A text cell: neutralised ({@link SpreadsheetText}), quoted when it holds a comma, a quote or a line break. */
    public static String text(String text) {
        if (text == null) {
            return "";
        }
        String t = SpreadsheetText.neutralise(text);
        if (t.indexOf(',') < 0 && t.indexOf('"') < 0 && t.indexOf('\n') < 0 && t.indexOf('\r') < 0) {
            return t;
        }
        return '"' + t.replace("\"", "\"\"") + '"';
    }

    public static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** Appends one CSV record of ready cells. */
    public static void row(StringBuilder csv, String... cells) {
        csv.append(String.join(",", cells)).append("\r\n");
    }
}
