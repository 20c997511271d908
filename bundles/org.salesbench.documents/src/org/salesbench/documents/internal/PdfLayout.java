package org.salesbench.documents.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.eclipse.osgi.util.NLS;
import org.salesbench.documents.Block;
import org.salesbench.documents.Block.Column;
import org.salesbench.documents.Block.Entry;
import org.salesbench.documents.Document;
import org.salesbench.documents.Messages;

/**
 * Lays a {@link Document} out on A4 pages, top to bottom, breaking pages where a block or a table row does
 * not fit; page numbers are added in a second pass, once the page count is known. One instance per document.
 */
final class PdfLayout {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN_X = 50;
    private static final float MARGIN_TOP = 56;
    private static final float MARGIN_BOTTOM = 60;
    private static final float FOOTER_Y = 32;
    private static final float TITLE_SIZE = 18;
    private static final float SUBTITLE_SIZE = 10;
    private static final float HEADING_SIZE = 12;
    private static final float BODY_SIZE = 9.5f;
    private static final float TABLE_SIZE = 9;
    private static final float FOOTER_SIZE = 8;
    private static final float GRAND_TOTAL_SIZE = 11.5f;
    private static final float LEADING = 1.35f;
    private static final float CELL_PADDING = 4;
    private static final float BLOCK_GAP = 12;
    private static final Rgb TEXT = new Rgb(0x20, 0x20, 0x20);
    private static final Rgb MUTED = new Rgb(0x60, 0x60, 0x60);
    private static final Rgb RULE = new Rgb(0xB0, 0xB0, 0xB0);
    private static final Rgb HEADER_FILL = new Rgb(0xEC, 0xEF, 0xF3);

    private final PDDocument pdf;
    private final PDType0Font font;
    private final CmapLookup cmap;
    private final float contentWidth = PAGE.getWidth() - 2 * MARGIN_X;
    private PDPageContentStream out;
    private float y;

    PdfLayout(PDDocument pdf, PDType0Font font, CmapLookup cmap) {
        this.pdf = pdf;
        this.font = font;
        this.cmap = cmap;
    }

    void render(Document document) throws IOException {
        newPage();
        try {
            text(document.title(), MARGIN_X, TITLE_SIZE, TEXT);
            y -= TITLE_SIZE * LEADING;
            if (document.subtitle() != null && !document.subtitle().isBlank()) {
                for (String line : wrap(document.subtitle(), contentWidth, SUBTITLE_SIZE)) {
                    text(line, MARGIN_X, SUBTITLE_SIZE, MUTED);
                    y -= SUBTITLE_SIZE * LEADING;
                }
            }
            y -= 4;
            rule(MARGIN_X, MARGIN_X + contentWidth, y, 0.8f);
            y -= BLOCK_GAP;
            for (Block block : document.blocks()) {
                switch (block) {
                    case Block.Paragraph p -> paragraph(p.text());
                    case Block.KeyValues kv -> keyValues(kv);
                    case Block.Table t -> table(t);
                    case Block.Totals t -> totals(t.lines());
                    case Block.Image i -> image(i);
                }
                y -= BLOCK_GAP;
            }
        } finally {
            out.close();
        }
        footers(document.footer());
    }

    // ---- blocks

    private void paragraph(String text) throws IOException {
        for (String line : wrap(text, contentWidth, BODY_SIZE)) {
            ensureSpace(BODY_SIZE * LEADING);
            text(line, MARGIN_X, BODY_SIZE, TEXT);
            y -= BODY_SIZE * LEADING;
        }
    }

    private void heading(String heading) throws IOException {
        if (heading == null || heading.isBlank()) {
            return;
        }
        // keep a heading with at least two lines of what follows
        ensureSpace(HEADING_SIZE * LEADING + 3 * TABLE_SIZE * LEADING);
        text(heading, MARGIN_X, HEADING_SIZE, TEXT);
        y -= HEADING_SIZE * LEADING;
    }

    private void keyValues(Block.KeyValues block) throws IOException {
        heading(block.heading());
        float labelWidth = contentWidth * 0.28f;
        float valueX = MARGIN_X + labelWidth;
        float valueWidth = contentWidth - labelWidth;
        for (Entry entry : block.entries()) {
            List<String> labels = wrap(entry.label(), labelWidth - CELL_PADDING, BODY_SIZE);
            List<String> values = wrap(entry.value(), valueWidth, BODY_SIZE);
            int lines = Math.max(labels.size(), values.size());
            ensureSpace(lines * BODY_SIZE * LEADING);
            for (int i = 0; i < lines; i++) {
                if (i < labels.size()) {
                    text(labels.get(i), MARGIN_X, BODY_SIZE, MUTED);
                }
                if (i < values.size()) {
                    text(values.get(i), valueX, BODY_SIZE, TEXT);
                }
                y -= BODY_SIZE * LEADING;
            }
        }
    }

    private void table(Block.Table table) throws IOException {
        heading(table.heading());
        List<Column> columns = table.columns();
        float totalWeight = 0;
        for (Column c : columns) {
            totalWeight += c.weight();
        }
        float[] widths = new float[columns.size()];
        float[] xs = new float[columns.size()];
        float x = MARGIN_X;
        for (int i = 0; i < widths.length; i++) {
            widths[i] = contentWidth * columns.get(i).weight() / totalWeight;
            xs[i] = x;
            x += widths[i];
        }
        List<String> headers = columns.stream().map(Column::header).toList();
        row(headers, columns, xs, widths, true, null);
        for (List<String> cells : table.rows()) {
            row(cells, columns, xs, widths, false, headers);
        }
    }

    /** One table row; {@code repeatHeaders} is the header row to draw first when the row starts a new page. */
    private void row(List<String> cells, List<Column> columns, float[] xs, float[] widths, boolean header,
            List<String> repeatHeaders) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> cellLines = wrap(cells.get(i), widths[i] - 2 * CELL_PADDING, TABLE_SIZE);
            wrapped.add(cellLines);
            lines = Math.max(lines, cellLines.size());
        }
        float height = lines * TABLE_SIZE * LEADING + 2 * CELL_PADDING;
        if (y - height < MARGIN_BOTTOM) {
            newPageAfterClosing();
            if (repeatHeaders != null) {
                row(repeatHeaders, columns, xs, widths, true, null);
            }
        }
        float left = xs[0];
        float right = xs[xs.length - 1] + widths[widths.length - 1];
        if (header) {
            HEADER_FILL.fill(out);
            out.addRect(left, y - height, right - left, height);
            out.fill();
        }
        for (int i = 0; i < wrapped.size(); i++) {
            float lineY = y - CELL_PADDING - TABLE_SIZE;
            for (String line : wrapped.get(i)) {
                float width = width(line, TABLE_SIZE);
                float textX = switch (columns.get(i).align()) {
                    case LEFT -> xs[i] + CELL_PADDING;
                    case RIGHT -> xs[i] + widths[i] - CELL_PADDING - width;
                    case CENTER -> xs[i] + (widths[i] - width) / 2;
                };
                textAt(line, textX, lineY, TABLE_SIZE, header ? MUTED : TEXT);
                lineY -= TABLE_SIZE * LEADING;
            }
        }
        y -= height;
        rule(left, right, y, header ? 0.8f : 0.4f);
    }

    private void image(Block.Image image) throws IOException {
        heading(image.heading());
        float scale = Math.min(1, contentWidth / image.width());
        float width = image.width() * scale;
        float height = image.height() * scale;
        ensureSpace(height);
        PDImageXObject picture = PDImageXObject.createFromByteArray(pdf, image.png(), image.heading() == null ? "image" : image.heading());
        out.drawImage(picture, MARGIN_X, y - height, width, height);
        y -= height;
    }

    private void totals(List<Entry> lines) throws IOException {
        float width = contentWidth * 0.45f;
        float left = MARGIN_X + contentWidth - width;
        float right = MARGIN_X + contentWidth;
        ensureSpace(lines.size() * GRAND_TOTAL_SIZE * LEADING + CELL_PADDING);
        for (int i = 0; i < lines.size(); i++) {
            boolean grand = i == lines.size() - 1 && lines.size() > 1;
            float size = grand ? GRAND_TOTAL_SIZE : BODY_SIZE;
            if (grand) {
                rule(left, right, y - 1, 0.8f);
                y -= CELL_PADDING;
            }
            Entry line = lines.get(i);
            textAt(clean(line.label()), left + CELL_PADDING, y - size, size, grand ? TEXT : MUTED);
            String value = clean(line.value());
            textAt(value, right - CELL_PADDING - width(value, size), y - size, size, TEXT);
            y -= size * LEADING + 1;
        }
    }

    private void footers(String footer) throws IOException {
        int count = pdf.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (PDPageContentStream s = new PDPageContentStream(pdf, pdf.getPage(i), AppendMode.APPEND, true, true)) {
                out = s;
                rule(MARGIN_X, MARGIN_X + contentWidth, FOOTER_Y + FOOTER_SIZE + 4, 0.4f);
                if (footer != null && !footer.isBlank()) {
                    String text = clean(footer);
                    List<String> fitted = wrap(text, contentWidth * 0.7f, FOOTER_SIZE);
                    textAt(fitted.get(0), MARGIN_X, FOOTER_Y, FOOTER_SIZE, MUTED);
                }
                String page = NLS.bind(Messages.Document_pageOf, i + 1, count);
                textAt(page, MARGIN_X + contentWidth - width(page, FOOTER_SIZE), FOOTER_Y, FOOTER_SIZE, MUTED);
            }
        }
        out = null;
    }

    // ---- pages and drawing

    private void newPage() throws IOException {
        PDPage page = new PDPage(PAGE);
        pdf.addPage(page);
        out = new PDPageContentStream(pdf, page);
        y = PAGE.getHeight() - MARGIN_TOP;
    }

    private void newPageAfterClosing() throws IOException {
        out.close();
        newPage();
    }

    private void ensureSpace(float height) throws IOException {
        if (y - height < MARGIN_BOTTOM) {
            newPageAfterClosing();
        }
    }

    /** Draws one line whose top is at the cursor. */
    private void text(String text, float x, float size, Rgb color) throws IOException {
        textAt(clean(text), x, y - size, size, color);
    }

    private void textAt(String text, float x, float baseline, float size, Rgb color) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        color.fill(out);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    private void rule(float fromX, float toX, float atY, float lineWidth) throws IOException {
        RULE.stroke(out);
        out.setLineWidth(lineWidth);
        out.moveTo(fromX, atY);
        out.lineTo(toX, atY);
        out.stroke();
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** A colour in 8-bit RGB; kept free of java.awt so the bundle stays headless. */
    private record Rgb(int r, int g, int b) {
        void fill(PDPageContentStream s) throws IOException {
            s.setNonStrokingColor(r / 255f, g / 255f, b / 255f);
        }

        void stroke(PDPageContentStream s) throws IOException {
            s.setStrokingColor(r / 255f, g / 255f, b / 255f);
        }
    }

    // ---- text

    /**
     * Replaces what the font cannot draw: tabs and other control characters become spaces, characters without a
     * glyph become "?" (PDFBox would otherwise refuse the whole document).
     */
    String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                sb.append(' ');
            } else if (cmap.getGlyphId(cp) == 0) {
                sb.append('?');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /**
     * Greedy line breaking: Latin words break at spaces, CJK characters anywhere (as Chinese typesetting does), and
     * a word too long for a line is cut where it overflows. Explicit line breaks are kept.
     */
    List<String> wrap(String text, float maxWidth, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            lines.add("");
            return lines;
        }
        for (String paragraph : text.split("\r?\n", -1)) {
            String clean = clean(paragraph).strip();
            StringBuilder line = new StringBuilder();
            for (String token : tokens(clean)) {
                String candidate = line + token;
                if (width(candidate, size) <= maxWidth) {
                    line.append(token);
                    continue;
                }
                if (!line.isEmpty() && !line.toString().isBlank()) {
                    lines.add(line.toString().stripTrailing());
                }
                line.setLength(0);
                String rest = token.stripLeading();
                while (width(rest, size) > maxWidth && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), size) > maxWidth) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Splits into words (with their leading space) and single CJK characters. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (isBreakableAnywhere(cp)) {
                if (!word.isEmpty()) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                tokens.add(text.substring(i, i + n));
            } else if (cp == ' ' && !word.isEmpty() && !word.toString().isBlank()) {
                tokens.add(word.toString());
                word.setLength(0);
                word.append(' ');
            } else {
                word.appendCodePoint(cp);
            }
            i += n;
        }
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private static boolean isBreakableAnywhere(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}
