package org.salesbench.documents.internal.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.salesbench.documents.Align;
import org.salesbench.documents.Block;
import org.salesbench.documents.Block.Column;
import org.salesbench.documents.Block.Entry;
import org.salesbench.documents.Document;

/**
 * Lays out a rendered template as a {@link Document}, line by line (the markup is described on
 * {@link org.salesbench.documents.templates.DocumentTemplates}). Placeholder values arrive wrapped in
 * {@link #VALUE_START} and {@link #VALUE_END}, so a customer named "# 1 | Ltd" is text, never a title or a cell border.
 */
final class TemplateMarkup {

    static final char VALUE_START = '\u0001';
    static final char VALUE_END = '\u0002';

    private final List<String> paragraph = new ArrayList<>();
    private List<List<String>> tableRows = new ArrayList<>();
    private List<Column> tableColumns;
    private final List<Entry> totals = new ArrayList<>();
    private String heading;
    private boolean titled;
    private String title = "";
    private final List<Block> blocks = new ArrayList<>();
    private String subtitle;
    private String footer;

    private TemplateMarkup() {
    }

    /** The document of a rendered template; {@code fallbackTitle} if it has no {@code #} line. */
    static Document layout(String rendered, String fallbackTitle, Locale locale) {
        TemplateMarkup markup = new TemplateMarkup();
        for (String line : lines(rendered)) {
            markup.line(line);
        }
        markup.flush();
        Document.Builder doc = Document.builder(markup.titled ? markup.title : fallbackTitle).locale(locale)
                .subtitle(markup.subtitle).footer(markup.footer);
        markup.blocks.forEach(doc::block);
        return doc.build();
    }

    /** Lines of the rendered text; a line break inside a value does not end a line. */
    static List<String> lines(String text) {
        return splitOutsideValues(text, '\n');
    }

    /** {@code text} cut at every {@code separator} that is not inside a value. */
    private static List<String> splitOutsideValues(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean inValue = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == VALUE_START) {
                inValue = true;
            } else if (c == VALUE_END) {
                inValue = false;
            }
            if (!inValue && c == separator) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private void line(String raw) {
        String line = raw.strip();
        if (line.isBlank()) {
            // a blank line ends a paragraph only: a section's tag lines may leave blank lines between table rows
            endParagraph();
        } else if (line.startsWith("|")) {
            endParagraph();
            endTotals();
            tableRow(cells(line.substring(1)));
        } else if (line.startsWith(">")) {
            endParagraph();
            endTable();
            List<String> cells = cells(line.substring(1));
            totals.add(new Entry(text(cells.get(0)), cells.size() > 1 ? text(String.join("|", cells.subList(1, cells.size()))) : ""));
        } else {
            endTable();
            endTotals();
            if (line.startsWith("# ")) {
                endParagraph();
                if (!titled) {
                    titled = true;
                    title = text(line.substring(2));
                } else {
                    startHeading(text(line.substring(2)));
                }
            } else if (line.startsWith("## ")) {
                endParagraph();
                startHeading(text(line.substring(3)));
            } else if (line.startsWith("@subtitle ")) {
                subtitle = text(line.substring("@subtitle ".length()));
            } else if (line.startsWith("@footer ")) {
                footer = text(line.substring("@footer ".length()));
            } else {
                paragraph.add(text(line));
            }
        }
    }

    private void startHeading(String text) {
        if (heading != null) {
            blocks.add(new Block.KeyValues(heading, List.of()));
        }
        heading = text;
    }

    private String takeHeading() {
        String h = heading;
        heading = null;
        return h;
    }

    private void tableRow(List<String> cells) {
        if (tableColumns == null) {
            tableColumns = new ArrayList<>();
            for (String cell : cells) {
                tableColumns.add(Column.left(text(cell), 1));
            }
            return;
        }
        if (tableRows.isEmpty() && isAlignmentRow(cells)) {
            List<Column> aligned = new ArrayList<>();
            for (int i = 0; i < tableColumns.size(); i++) {
                String spec = i < cells.size() ? cells.get(i).trim() : "-";
                Align align = spec.startsWith(":") && spec.endsWith(":") && spec.length() > 1 ? Align.CENTER
                        : spec.endsWith(":") ? Align.RIGHT : Align.LEFT;
                float weight = Math.max(1, spec.replace(":", "").length());
                aligned.add(new Column(tableColumns.get(i).header(), align, weight));
            }
            tableColumns = aligned;
            return;
        }
        List<String> row = new ArrayList<>();
        for (String cell : cells) {
            row.add(text(cell).replace('\n', ' '));
        }
        tableRows.add(row);
    }

    private static boolean isAlignmentRow(List<String> cells) {
        return cells.stream().allMatch(c -> c.trim().matches(":?-+:?"));
    }

    private void endTable() {
        if (tableColumns != null) {
            blocks.add(new Block.Table(takeHeading(), tableColumns, tableRows));
            tableColumns = null;
            tableRows = new ArrayList<>();
        }
    }

    private void endTotals() {
        if (!totals.isEmpty()) {
            if (heading != null) {
                blocks.add(new Block.KeyValues(takeHeading(), List.of()));
            }
            blocks.add(new Block.Totals(totals));
            totals.clear();
        }
    }

    private void endParagraph() {
        if (!paragraph.isEmpty()) {
            if (heading != null) {
                blocks.add(new Block.KeyValues(takeHeading(), List.of()));
            }
            blocks.add(new Block.Paragraph(String.join("\n", paragraph)));
            paragraph.clear();
        }
    }

    private void flush() {
        endTable();
        endTotals();
        endParagraph();
        if (heading != null) {
            blocks.add(new Block.KeyValues(takeHeading(), List.of()));
        }
    }

    /** The cells of a table or totals line after its first '|' or '>': split at '|' outside values, a closing '|' dropped. */
    private static List<String> cells(String rest) {
        List<String> cells = splitOutsideValues(rest, '|');
        if (cells.size() > 1 && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    /** Text without the value marks, trimmed. */
    private static String text(String marked) {
        StringBuilder s = new StringBuilder(marked.length());
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c != VALUE_START && c != VALUE_END) {
                s.append(c);
            }
        }
        return s.toString().trim();
    }
}
