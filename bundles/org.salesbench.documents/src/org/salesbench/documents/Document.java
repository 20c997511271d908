package org.salesbench.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.salesbench.documents.Block.Column;
import org.salesbench.documents.Block.Entry;

/**
 * A printable business document (a quote, a report): a title, an optional subtitle, body blocks and a
 * footer line; the renderer adds page numbers to the footer. Immutable; made with {@link #builder(String)}.
 */
public final class Document {

    private final String title;
    private final String subtitle;
    private final List<Block> blocks;
    private final String footer;
    private final Locale locale;

    private Document(Builder b) {
        this.title = b.title;
        this.subtitle = b.subtitle;
        this.blocks = List.copyOf(b.blocks);
        this.footer = b.footer;
        this.locale = b.locale;
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public String title() {
        return title;
    }

    /** May be null. */
    public String subtitle() {
        return subtitle;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** Text at the bottom left of every page; may be null. */
    public String footer() {
        return footer;
    }

    /** The document's language, recorded in the PDF for screen readers and search. */
    public Locale locale() {
        return locale;
    }

    public static final class Builder {
        private final String title;
        private String subtitle;
        private final List<Block> blocks = new ArrayList<>();
        private String footer;
        private Locale locale = Locale.getDefault();

        private Builder(String title) {
            this.title = Objects.requireNonNull(title, "title");
        }

        public Builder subtitle(String text) {
            this.subtitle = text;
            return this;
        }

        public Builder paragraph(String text) {
            blocks.add(new Block.Paragraph(text));
            return this;
        }

        public Builder keyValues(String heading, Entry... entries) {
            blocks.add(new Block.KeyValues(heading, Arrays.asList(entries)));
            return this;
        }

        public Builder keyValues(String heading, List<Entry> entries) {
            blocks.add(new Block.KeyValues(heading, entries));
            return this;
        }

        public Builder table(String heading, List<Column> columns, List<List<String>> rows) {
            blocks.add(new Block.Table(heading, columns, rows));
            return this;
        }

        public Builder image(String heading, byte[] png, float width, float height) {
            blocks.add(new Block.Image(heading, png, width, height));
            return this;
        }

        public Builder totals(Entry... lines) {
            blocks.add(new Block.Totals(Arrays.asList(lines)));
            return this;
        }

        public Builder block(Block block) {
            blocks.add(Objects.requireNonNull(block, "block"));
            return this;
        }

        public Builder footer(String text) {
            this.footer = text;
            return this;
        }

        public Builder locale(Locale value) {
            this.locale = Objects.requireNonNull(value, "locale");
            return this;
        }

        public Document build() {
            return new Document(this);
        }
    }
}
