package org.salesbench.importexport.internal;

import java.text.DecimalFormatSymbols;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.salesbench.importexport.FieldType;

/**
 * How one column of a file writes numbers and dates: its decimal separator ({@code 1.234,56} or {@code 1,234.56}) and
 * whether {@code 03/04/2026} puts the day or the month first. Taken from the file's declared locale, or detected from
 * all of the column's values ({@link Detector}); {@code null} parts are undecided, and a value that needs them is then a
 * row error rather than a guess. A column whose values contradict each other carries the {@code conflict} to report.
 */
record ColumnConvention(Character decimal, Boolean dayFirst, Conflict conflict) {

    /** Two values of the column written in incompatible ways, with their rows. */
    record Conflict(String first, long firstRow, String second, long secondRow) {
    }

    static final ColumnConvention UNDECIDED = new ColumnConvention(null, null, null);

    /** What {@link #decimalEvidence} says of a value that could be read both ways. */
    static final char AMBIGUOUS = '?';
    /** What {@link #decimalEvidence} says of a value without separators. */
    static final char NONE = 0;

    /** Day, month (either order) and a four-digit year, separated by slashes, dashes or dots. */
    static final Pattern YEAR_LAST = Pattern.compile("(\\d{1,2})([/\\-.])(\\d{1,2})\\2(\\d{4})");
    /** A dotted date (day first wherever it is written), which says nothing of how a column writes slashes. */
    private static final Pattern DOTTED = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\..*");

    /** The locale's decimal separator and day-month order ({@code null} for a locale that writes the year first). */
    static ColumnConvention of(Locale locale) {
        char separator = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        Character decimal = separator == '.' || separator == ',' ? separator : null;
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
        int day = pattern.indexOf('d'), month = pattern.indexOf('M'), year = pattern.indexOf('y');
        Boolean dayFirst = day < 0 || month < 0 || year >= 0 && year < day && year < month ? null : day < month;
        return new ColumnConvention(decimal, dayFirst, null);
    }

    /** The text of a number without currency signs, spaces and apostrophes (the grouping some locales use). */
    static String bareNumber(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (BARE_NOT.indexOf(text.charAt(i)) >= 0) {
                return BARE_DROPPED.matcher(text).replaceAll("").replace('−', '-');
            }
        }
        return text; // most numbers: nothing to drop, and no pattern run for each of a large file's values
    }

    /** What {@link #bareNumber} drops ({@code \s} is these six in a Java pattern) or turns into a minus sign. */
    private static final String BARE_NOT = " \t\n\u000B\f\r\u00A0\u2007\u2009\u202F'’¥$€￥£−";
    private static final Pattern BARE_DROPPED = Pattern.compile("[\\s\\u00A0\\u2007\\u2009\\u202F'’¥$€￥£]");

    /**
     * Which decimal separator a bare number shows by itself: '.' or ',', {@link #NONE} when it has none, {@link #AMBIGUOUS}
     * when one separator with three digits after it could be either ({@code 1.234}).
     */
    static char decimalEvidence(String bare) {
        int dots = count(bare, '.'), commas = count(bare, ',');
        if (dots > 0 && commas > 0) {
            return bare.lastIndexOf('.') > bare.lastIndexOf(',') ? '.' : ',';
        }
        if (dots + commas == 0) {
            return NONE;
        }
        char separator = dots > 0 ? '.' : ',';
        if (dots + commas > 1) {
            return separator == '.' ? ',' : '.'; // repeated: it groups thousands
        }
        int at = bare.indexOf(separator);
        String before = bare.substring(0, at).replaceFirst("^[+-]", "");
        int after = bare.length() - at - 1;
        // a thousands group has exactly three digits after it and one to three (not a lone 0) before
        boolean couldGroup = after == 3 && !before.isEmpty() && before.length() <= 3 && !before.equals("0");
        return couldGroup ? AMBIGUOUS : separator;
    }

    /** Whether a year-last date shows by itself that the day comes first; {@code null} when it does not tell. */
    static Boolean dayFirstEvidence(String text) {
        Matcher m = YEAR_LAST.matcher(text.strip());
        if (!m.lookingAt()) {
            return null;
        }
        if (m.group(2).equals(".")) {
            return Boolean.TRUE; // 03.04.2026 is day first wherever dots are written
        }
        int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(3));
        if (a > 12 && b <= 12) {
            return Boolean.TRUE;
        }
        return b > 12 && a <= 12 ? Boolean.FALSE : null;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /**
     * Collects what a column's values show of its convention, value by value, and decides once all were seen. It reads
     * every value of a large file before the import (the first of its two passes), so a value that cannot show anything,
     * or show anything not seen already, is let go before any pattern runs: a number with neither a dot nor a comma, a
     * date led by three digits (a year first, which {@link #YEAR_LAST} and the dotted form never match), a column that
     * has shown both of its sides (its conflict is then fixed by the first ones).
     */
    static final class Detector {
        /** Whether a field of this type is read by a convention. */
        static boolean reads(FieldType type) {
            return type == FieldType.NUMBER || type == FieldType.DATE || type == FieldType.DATETIME;
        }

        private String dot, comma, dayFirst, monthFirst;
        private long dotRow, commaRow, dayFirstRow, monthFirstRow;

        void observe(FieldType type, String text, long row) {
            if (text == null || text.isBlank()) {
                return;
            }
            if (type == FieldType.NUMBER ? dot != null && comma != null || !hasSeparator(text)
                    : dayFirst != null && monthFirst != null || ledByThreeDigits(text)) {
                return;
            }
            String value = text.strip();
            if (type == FieldType.NUMBER) {
                char evidence = decimalEvidence(bareNumber(value));
                if (evidence == '.' && dot == null) {
                    dot = value;
                    dotRow = row;
                } else if (evidence == ',' && comma == null) {
                    comma = value;
                    commaRow = row;
                }
            } else if (type == FieldType.DATE || type == FieldType.DATETIME) {
                // dotted dates are day first by themselves and say nothing of how the column writes slashes
                Boolean evidence = DOTTED.matcher(value).matches() ? null : dayFirstEvidence(value);
                if (Boolean.TRUE.equals(evidence) && dayFirst == null) {
                    dayFirst = value;
                    dayFirstRow = row;
                } else if (Boolean.FALSE.equals(evidence) && monthFirst == null) {
                    monthFirst = value;
                    monthFirstRow = row;
                }
            }
        }

        /** Whether a number's text has a decimal or grouping separator ({@link #decimalEvidence} is {@link #NONE} without). */
        private static boolean hasSeparator(String text) {
            return text.indexOf('.') >= 0 || text.indexOf(',') >= 0;
        }

        /** Whether a date's text (leading blanks aside) starts with three digits, as a year-first date does. */
        private static boolean ledByThreeDigits(String text) {
            int i = 0;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i + 3 <= text.length() && isDigit(text.charAt(i)) && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 2));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        ColumnConvention result() {
            Conflict conflict = null;
            Character decimal = null;
            if (dot != null && comma != null) {
                conflict = dotRow < commaRow ? new Conflict(dot, dotRow, comma, commaRow) : new Conflict(comma, commaRow, dot, dotRow);
            } else if (dot != null || comma != null) {
                decimal = dot != null ? '.' : ',';
            }
            Boolean first = null;
            if (dayFirst != null && monthFirst != null) {
                conflict = dayFirstRow < monthFirstRow ? new Conflict(dayFirst, dayFirstRow, monthFirst, monthFirstRow)
                        : new Conflict(monthFirst, monthFirstRow, dayFirst, dayFirstRow);
            } else if (dayFirst != null || monthFirst != null) {
                first = dayFirst != null;
            }
            return new ColumnConvention(decimal, first, conflict);
        }
    }
}
