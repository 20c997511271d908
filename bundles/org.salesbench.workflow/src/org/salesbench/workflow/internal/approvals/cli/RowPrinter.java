package org.salesbench.workflow.internal.approvals.cli;

import java.io.PrintStream;
import java.util.List;

/** Rows of text as an aligned table, RFC 4180 CSV or a JSON array of objects keyed by the column names. */
final class RowPrinter {

    private RowPrinter() {
    }

    static void print(String format, List<String> columns, List<List<String>> rows, PrintStream out) {
        switch (format) {
            case "csv" -> csv(columns, rows, out);
            case "json" -> json(columns, rows, out);
            default -> table(columns, rows, out);
        }
    }

    private static void table(List<String> columns, List<List<String>> rows, PrintStream out) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = width(columns.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        line(columns, widths, out);
        for (List<String> row : rows) {
            line(row, widths, out);
        }
    }

    private static void line(List<String> cells, int[] widths, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            sb.append(cells.get(c)).append(" ".repeat(widths[c] - width(cells.get(c)) + (c + 1 < cells.size() ? 2 : 0)));
        }
        out.println(sb.toString().stripTrailing());
    }

    /** Columns a terminal gives the text: a Chinese character takes two. */
    private static int width(String text) {
        return text.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0xFF00 && cp <= 0xFFEF) ? 2 : 1).sum();
    }

    private static void csv(List<String> columns, List<List<String>> rows, PrintStream out) {
        out.println(String.join(",", columns.stream().map(RowPrinter::csvCell).toList()));
        for (List<String> row : rows) {
            out.println(String.join(",", row.stream().map(RowPrinter::csvCell).toList()));
        }
    }

    private static String csvCell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static void json(List<String> columns, List<List<String>> rows, PrintStream out) {
        StringBuilder json = new StringBuilder("[");
        for (int r = 0; r < rows.size(); r++) {
            json.append(r == 0 ? "\n  {" : ",\n  {");
            for (int c = 0; c < columns.size(); c++) {
                json.append(c == 0 ? "" : ", ").append(jsonString(columns.get(c))).append(": ").append(jsonString(rows.get(r).get(c)));
            }
            json.append('}');
        }
        out.println(json.append(rows.isEmpty() ? "]" : "\n]"));
    }

    private static String jsonString(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(ch -> {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", ch));
                    } else {
                        sb.appendCodePoint(ch);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
