package org.salesbench.cli;

import org.salesbench.core.io.SpreadsheetText;

/**
 * How a command writes one cell of its output as a table, CSV or JSON, so every command's formats read the same: a
 * terminal cell width that counts a Chinese character as two, RFC 4180 quoting (text cells neutralised against formula
 * injection), and a JSON string literal.
 */
public final class TextCells {

    private TextCells() {
    }

    /** The columns a terminal gives {@code text}: CJK characters and full-width forms take two. */
    public static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            boolean wide = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                    || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60);
            width += wide ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    /** A CSV cell: quoted (quotes doubled) only when it holds a comma, a quote or a line break. */
    public static String csv(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * A CSV cell of text (not a number): {@link #csv} of the text neutralised as every CSV Salesbench writes it, so a
     * spreadsheet opening the output runs no formula ({@link SpreadsheetText}).
     */
    public static String csvText(String text) {
        return csv(SpreadsheetText.neutralise(text));
    }

    /** A JSON string literal, control characters escaped. */
    public static String json(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
