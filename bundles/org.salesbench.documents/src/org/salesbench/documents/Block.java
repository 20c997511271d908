package org.salesbench.documents;

import java.util.List;
import java.util.Objects;

/**
 * One part of a {@link Document}'s body, laid out top to bottom. The set is closed on purpose: a
 * renderer must know how to draw every kind.
 */
public sealed interface Block {

    /** A run of text, wrapped to the page width. */
    record Paragraph(String text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Labelled values in two columns ("Customer: 上海星辰科技有限公司"), with an optional heading. */
    record KeyValues(String heading, List<Entry> entries) implements Block {
        public KeyValues {
            entries = List.copyOf(entries);
        }
    }

    /**
     * A table: a header row from the columns, then the rows; every row has one cell a column. When a
     * table runs over a page, its header row is repeated on the next page.
     */
    record Table(String heading, List<Column> columns, List<List<String>> rows) implements Block {
        public Table {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException(Messages.Document_tableWithoutColumns);
            }
            rows = rows.stream().map(List::copyOf).toList();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).size() != columns.size()) {
                    throw new IllegalArgumentException(org.eclipse.osgi.util.NLS.bind(Messages.Document_rowWidth,
                            new Object[] { heading == null ? "" : heading, i + 1, rows.get(i).size(), columns.size() }));
                }
            }
        }
    }

    /**
     * Summary lines under a table, right-aligned at the page's right edge; the last line is the grand total
     * and is set larger, under a rule.
     */
    record Totals(List<Entry> lines) implements Block {
        public Totals {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A picture (a chart) in PNG, with an optional heading, drawn {@code width} by {@code height} points and
     * scaled down to the page width if it is wider; kept whole on one page.
     */
    record Image(String heading, byte[] png, float width, float height) implements Block {
        public Image {
            Objects.requireNonNull(png, "png");
            if (!(width > 0) || !(height > 0)) {
                throw new IllegalArgumentException("image size must be positive: " + width + " x " + height);
            }
        }
    }

    /** A label and its value. */
    record Entry(String label, String value) {
        public Entry {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }
    }

    /** A table column: its header, alignment and relative width (weights are shared out over the page width). */
    record Column(String header, Align align, float weight) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(align, "align");
            if (!(weight > 0)) {
                throw new IllegalArgumentException("weight must be positive: " + weight);
            }
        }

        public static Column left(String header, float weight) {
            return new Column(header, Align.LEFT, weight);
        }

        public static Column right(String header, float weight) {
            return new Column(header, Align.RIGHT, weight);
        }

        public static Column center(String header, float weight) {
            return new Column(header, Align.CENTER, weight);
        }
    }
}
