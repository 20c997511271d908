package org.salesbench.workflow.internal.cli;

import java.io.PrintStream;
import java.util.List;

import org.salesbench.cli.TextCells;

/** Rows of text printed as an aligned table, RFC 4180 CSV or a JSON array of objects. */
final class TaskTables {

    private TaskTables() {
    }

    static void table(List<String> header, List<List<String>> rows, PrintStream out) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        line(header, widths, out);
        for (List<String> row : rows) {
            line(row, widths, out);
        }
    }

    private static void line(List<String> cells, int[] widths, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c).replace('\n', ' ');
            sb.append(cell);
            if (c < cells.size() - 1) {
                sb.append(" ".repeat(widths[c] - cell.length() + 2));
            }
        }
        out.println(sb);
    }

    static void csv(List<String> header, List<List<String>> rows, PrintStream out) {
        out.println(csvLine(header));
        rows.forEach(r -> out.println(csvLine(r)));
    }

    private static String csvLine(List<String> cells) {
        return String.join(",", cells.stream().map(TextCells::csvText).toList());
    }

    static void json(List<String> header, List<List<String>> rows, PrintStream out) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r == 0 ? "\n  {" : ",\n  {");
            for (int c = 0; c < header.size(); c++) {
                sb.append(c == 0 ? "" : ", ").append(quoted(header.get(c))).append(": ").append(quoted(rows.get(r).get(c)));
            }
            sb.append('}');
        }
        out.println(sb.append(rows.isEmpty() ? "]" : "\n]"));
    }

    private static String quoted(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
            case '"' -> sb.append("\\\"");
            case '\\' -> sb.append("\\\\");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> sb.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return sb.append('"').toString();
    }
}
