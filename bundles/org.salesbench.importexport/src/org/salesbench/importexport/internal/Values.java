package org.salesbench.importexport.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.io.SpreadsheetText;
import org.salesbench.core.validation.Decimals;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.ValueMapping;

/** Turns cell texts into field values by the field's type; refuses with a message for the user. */
public final class Values {

    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The year-first forms; year-last ones ({@code 03/04/2026}) are read by the column's convention. */
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuu年M月d日"), DateTimeFormatter.ofPattern("uuuuMMdd"))
            .stream().map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();

    private Values() {
    }

    /** {@code null} for an empty cell; numbers and dates by the convention the file's locale gives, if any. */
    static Object convert(TargetField field, List<String> picklist, String text, ValueMapping mapping) throws Refused {
        return convert(field, picklist, text, mapping, mapping.locale() == null ? ColumnConvention.UNDECIDED : ColumnConvention.of(mapping.locale()));
    }

    /**
     * {@code null} for an empty cell. A text Salesbench neutralised on export ({@code '=1+2}) is read as it was; numbers
     * and year-last dates are read by the column's convention, and refused where it does not decide them.
     */
    static Object convert(TargetField field, List<String> picklist, String text, ValueMapping mapping, ColumnConvention convention)
            throws Refused {
        if (text == null) {
            return null;
        }
        String s = SpreadsheetText.restore(text.strip());
        if (s.isEmpty()) {
            return null;
        }
        switch (field.type()) {
        case TEXT:
            String mappedText = mapping.map(field.name(), s);
            return mappedText != null ? mappedText : s;
        case NUMBER:
            return number(field, s, convention);
        case DATE:
            return date(field, s, convention);
        case DATETIME:
            return dateTime(field, s, convention);
        case BOOLEAN:
            switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是", "x", "✓":
                return Boolean.TRUE;
            case "false", "no", "n", "0", "否":
                return Boolean.FALSE;
            default:
                throw new Refused(NLS.bind(Messages.Value_notBoolean, field.label(), s));
            }
        case PICKLIST:
            String mapped = mapping.map(field.name(), s);
            String candidate = mapped != null ? mapped : s;
            for (String allowed : picklist) {
                if (allowed.equalsIgnoreCase(candidate.strip())) {
                    return allowed;
                }
            }
            String vendor = mapped != null ? null : field.valueAlias(s);
            if (vendor != null) {
                for (String allowed : picklist) {
                    if (allowed.equalsIgnoreCase(vendor)) {
                        return allowed;
                    }
                }
            }
            throw new Refused(NLS.bind(Messages.Value_notInPicklist, new Object[] { field.label(), s, String.join(", ", picklist) }));
        case LIST:
            return Arrays.stream(s.split("[;,|、；，\\n]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        default:
            throw new IllegalStateException(field.type().name());
        }
    }

    /**
     * A number as the convention reads it: grouping by the other separator (in groups of three), spaces or apostrophes,
     * currency signs ignored; bounded (no huge exponent, at most 15 digits before the point, as DECIMAL(19,4) holds).
     */
    static BigDecimal number(TargetField field, String s, ColumnConvention convention) throws Refused {
        String bare = ColumnConvention.bareNumber(s);
        char evidence = ColumnConvention.decimalEvidence(bare);
        if (convention.conflict() != null && evidence != ColumnConvention.NONE) {
            throw mixed(field, s, convention.conflict());
        }
        char decimal = convention.decimal() != null ? convention.decimal() : evidence;
        if (decimal == ColumnConvention.AMBIGUOUS) {
            throw new Refused(NLS.bind(Messages.Value_numberAmbiguous, field.label(), s));
        }
        try {
            if (decimal == ColumnConvention.NONE || bare.indexOf('e') >= 0 || bare.indexOf('E') >= 0) {
                return Decimals.parseAmount(bare);
            }
            char group = decimal == '.' ? ',' : '.';
            int point = bare.indexOf(decimal);
            if (point != bare.lastIndexOf(decimal)) {
                throw new NumberFormatException(bare);
            }
            String whole = point < 0 ? bare : bare.substring(0, point);
            String fraction = point < 0 ? "" : bare.substring(point + 1);
            if (fraction.indexOf(group) >= 0 || !grouped(whole.replaceFirst("^[+-]", ""), group)) {
                throw new NumberFormatException(bare);
            }
            return Decimals.parseAmount(whole.replace(String.valueOf(group), "") + (point < 0 ? "" : "." + fraction));
        } catch (Decimals.OutOfRange e) {
            throw new Refused(Decimals.tooLarge(field.label(), s));
        } catch (NumberFormatException e) {
            throw new Refused(NLS.bind(Messages.Value_notNumber, field.label(), s));
        }
    }

    /** Digits, or groups of three digits after a first of one to three. */
    private static boolean grouped(String whole, char group) {
        if (whole.indexOf(group) < 0) {
            return true;
        }
        String[] parts = whole.split(java.util.regex.Pattern.quote(String.valueOf(group)), -1);
        if (parts[0].isEmpty() || parts[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].length() != 3) {
                return false;
            }
        }
        return true;
    }

    private static Refused mixed(TargetField field, String s, ColumnConvention.Conflict conflict) {
        return new Refused(NLS.bind(Messages.Value_mixedConventions, new Object[] { field.label(), s, conflict.first(), conflict.firstRow(),
                conflict.second(), conflict.secondRow() }));
    }

    private static LocalDate date(TargetField field, String s, ColumnConvention convention) throws Refused {
        String t = s.length() > 10 && (s.charAt(10) == 'T' || s.charAt(10) == ' ') ? s.substring(0, 10) : s;
        Matcher yearLast = ColumnConvention.YEAR_LAST.matcher(t);
        if (yearLast.matches()) {
            return yearLastDate(field, s, yearLast, convention);
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(t, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return LocalDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new Refused(NLS.bind(Messages.Value_notDate, field.label(), s));
        }
    }

    /** {@code 03/04/2026}: day or month first as the column's convention or the value itself says; never a guess. */
    private static LocalDate yearLastDate(TargetField field, String s, Matcher m, ColumnConvention convention) throws Refused {
        int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(3)), year = Integer.parseInt(m.group(4));
        Boolean dayFirst;
        if (m.group(2).equals(".") || a == b) {
            dayFirst = Boolean.TRUE;
        } else if (convention.conflict() != null) {
            throw mixed(field, s, convention.conflict());
        } else {
            dayFirst = convention.dayFirst() != null ? convention.dayFirst() : ColumnConvention.dayFirstEvidence(s);
        }
        if (dayFirst == null) {
            throw new Refused(NLS.bind(Messages.Value_dateAmbiguous, field.label(), s));
        }
        try {
            return dayFirst ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
        } catch (DateTimeException e) {
            throw new Refused(NLS.bind(Messages.Value_notDate, field.label(), s));
        }
    }

    private static LocalDateTime dateTime(TargetField field, String s, ColumnConvention convention) throws Refused {
        Matcher yearLast = ColumnConvention.YEAR_LAST.matcher(s);
        if (yearLast.lookingAt()) {
            LocalDate day = yearLastDate(field, s, yearLast, convention);
            String rest = s.substring(yearLast.end()).strip();
            if (rest.isEmpty()) {
                return day.atStartOfDay();
            }
            try {
                return day.atTime(LocalTime.parse(rest.length() == 4 ? "0" + rest : rest));
            } catch (DateTimeParseException e) {
                throw new Refused(NLS.bind(Messages.Value_notDateTime, field.label(), s));
            }
        }
        String t = s.replace('/', '-').replace(' ', 'T');
        if (t.length() > 16 && t.charAt(10) == 'T' && (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$"))) {
            try { // an instant as Salesforce writes it (2024-01-15T09:30:00.000Z): the local time it was here
                return java.time.OffsetDateTime.parse(t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2"))
                        .atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime();
            } catch (DateTimeParseException e) {
                throw new Refused(NLS.bind(Messages.Value_notDateTime, field.label(), s));
            }
        }
        try {
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t + ":00".repeat(t.length() == 13 ? 2 : 0));
            } catch (DateTimeParseException again) {
                if (s.length() <= 11) {
                    try {
                        return date(field, s, convention).atStartOfDay();
                    } catch (Refused notADate) {
                        // fall through to the date-time message
                    }
                }
                throw new Refused(NLS.bind(Messages.Value_notDateTime, field.label(), s));
            }
        }
    }

    /** What header texts are compared as: NFKC, lower case, without spaces, punctuation and underscores. */
    static String headerKey(String header) {
        if (header == null) {
            return "";
        }
        return Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\p{Punct}\\p{IsPunctuation}_]+", "");
    }

    /**
     * A value for an export: numbers and days stay typed, so a spreadsheet sums and sorts them (text formats write
     * them plainly); everything else as {@link #format} writes it, the form the import reads back.
     */
    public static Object typed(Object value) {
        return value instanceof Number || value instanceof java.time.LocalDate ? value : format(value);
    }

    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.util.Collection<?> c) {
            return String.join("; ", c.stream().map(String::valueOf).toList());
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }
}
