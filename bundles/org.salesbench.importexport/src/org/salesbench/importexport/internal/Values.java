package org.salesbench.importexport.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
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

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuu年M月d日"), DateTimeFormatter.ofPattern("uuuuMMdd"),
            DateTimeFormatter.ofPattern("M/d/uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"))
            .stream().map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();

    private Values() {
    }

    /** {@code null} for an empty cell. */
    static Object convert(TargetField field, List<String> picklist, String text, ValueMapping mapping) throws Refused {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        switch (field.type()) {
        case TEXT:
            String mappedText = mapping.map(field.name(), s);
            return mappedText != null ? mappedText : s;
        case NUMBER:
            try {
                return new BigDecimal(s.replaceAll("[,\\s¥$€￥]", ""));
            } catch (NumberFormatException e) {
                throw new Refused(NLS.bind(Messages.Value_notNumber, field.label(), s));
            }
        case DATE:
            return date(field, s);
        case DATETIME:
            return dateTime(field, s);
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
            throw new Refused(NLS.bind(Messages.Value_notInPicklist, new Object[] { field.label(), s, String.join(", ", picklist) }));
        case LIST:
            return Arrays.stream(s.split("[;,|、；，\\n]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        default:
            throw new IllegalStateException(field.type().name());
        }
    }

    private static LocalDate date(TargetField field, String s) throws Refused {
        String t = s.length() > 10 && (s.charAt(10) == 'T' || s.charAt(10) == ' ') ? s.substring(0, 10) : s;
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

    private static LocalDateTime dateTime(TargetField field, String s) throws Refused {
        String t = s.replace('/', '-').replace(' ', 'T');
        try {
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t + ":00".repeat(t.length() == 13 ? 2 : 0));
            } catch (DateTimeParseException again) {
                if (s.length() <= 11) {
                    try {
                        return date(field, s).atStartOfDay();
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

    /** The text a field value is exported as, in a form {@link #convert} reads back. */
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
