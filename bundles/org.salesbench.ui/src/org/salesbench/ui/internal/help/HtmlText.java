package org.salesbench.ui.internal.help;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guide's simple HTML (headings, paragraphs, lists, bold and code) as text with style ranges, for a StyledText:
 * the guide needs no browser engine.
 */
final class HtmlText {

    enum Style {
        TITLE, HEADING, BOLD, CODE
    }

    record Range(int start, int length, Style style) {
    }

    private static final Pattern TOKEN = Pattern.compile("<(/?)([a-zA-Z0-9]+)[^>]*>|<!--.*?-->|<![^>]*>|<\\?[^>]*>|([^<]+)", Pattern.DOTALL);

    final String text;
    final List<Range> ranges;

    private HtmlText(String text, List<Range> ranges) {
        this.text = text;
        this.ranges = ranges;
    }

    static HtmlText of(String html) {
        StringBuilder out = new StringBuilder();
        List<Range> ranges = new ArrayList<>();
        int[] open = new int[Style.values().length];
        boolean inHead = false;
        Matcher m = TOKEN.matcher(html);
        while (m.find()) {
            String words = m.group(3);
            if (words != null) {
                if (!inHead) {
                    String t = decode(words.replaceAll("\\s+", " "));
                    if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                        t = t.stripLeading();
                    }
                    out.append(t);
                }
                continue;
            }
            if (m.group(2) == null) {
                continue; // comment, doctype, processing instruction
            }
            boolean closing = !m.group(1).isEmpty();
            String tag = m.group(2).toLowerCase(java.util.Locale.ROOT);
            switch (tag) {
                case "head" -> inHead = !closing;
                case "h1", "h2", "h3" -> {
                    Style style = tag.equals("h1") ? Style.TITLE : Style.HEADING;
                    if (!closing) {
                        paragraph(out);
                        open[style.ordinal()] = out.length();
                    } else {
                        ranges.add(new Range(open[style.ordinal()], out.length() - open[style.ordinal()], style));
                        out.append('\n');
                    }
                }
                case "p", "ul", "ol" -> {
                    if (!closing) {
                        paragraph(out);
                    } else {
                        lineEnd(out);
                    }
                }
                case "li" -> {
                    if (!closing) {
                        lineEnd(out);
                        out.append("  \u2022 ");
                    }
                }
                case "br" -> out.append('\n');
                case "b", "strong", "code" -> {
                    Style style = tag.equals("code") ? Style.CODE : Style.BOLD;
                    if (!closing) {
                        open[style.ordinal()] = out.length();
                    } else {
                        ranges.add(new Range(open[style.ordinal()], out.length() - open[style.ordinal()], style));
                    }
                }
                default -> {
                    // other tags carry no style here
                }
            }
        }
        ranges.sort(java.util.Comparator.comparingInt(Range::start));
        return new HtmlText(out.toString().strip(), ranges);
    }

    /** A blank line before a new block, unless at the start. */
    private static void paragraph(StringBuilder out) {
        lineEnd(out);
        if (out.length() > 0 && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
            out.append('\n');
        }
    }

    private static void lineEnd(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static String decode(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    }
}
