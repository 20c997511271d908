package org.salesbench.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Rows of text as an aligned table, RFC 4180 CSV or a JSON array of objects keyed by the column names: what a command
 * prints for {@code --format table|csv|json}.
 */
public final class RowPrinter {

    private RowPrinter() {
    }

    /** Prints {@code rows} under {@code columns}; {@code format} is {@code csv}, {@code json} or anything else for a table. */
    public static void print(String format, List<String> columns, List<List<String>> rows, PrintStream out) {
        switch (format) {
            case "csv" -> csv(columns, rows, out);
            case "json" -> json(columns, rows, out);
            default -> table(columns, rows, out);
        }
    }

    private static void table(List<String> columns, List<List<String>> rows, PrintStream out) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = TextCells.width(columns.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], TextCells.width(row.get(c)));
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
            sb.append(cells.get(c)).append(" ".repeat(widths[c] - TextCells.width(cells.get(c)) + (c + 1 < cells.size() ? 2 : 0)));
        }
        out.println(sb.toString().stripTrailing());
    }

    private static void csv(List<String> columns, List<List<String>> rows, PrintStream out) {
        out.println(String.join(",", columns.stream().map(TextCells::csv).toList()));
        for (List<String> row : rows) {
            out.println(String.join(",", row.stream().map(TextCells::csv).toList()));
        }
    }

    private static void json(List<String> columns, List<List<String>> rows, PrintStream out) {
        StringBuilder json = new StringBuilder("[");
        for (int r = 0; r < rows.size(); r++) {
            json.append(r == 0 ? "\n  {" : ",\n  {");
            for (int c = 0; c < columns.size(); c++) {
                json.append(c == 0 ? "" : ", ").append(TextCells.json(columns.get(c))).append(": ").append(TextCells.json(rows.get(r).get(c)));
            }
            json.append('}');
        }
        out.println(json.append(rows.isEmpty() ? "]" : "\n]"));
    }
}
