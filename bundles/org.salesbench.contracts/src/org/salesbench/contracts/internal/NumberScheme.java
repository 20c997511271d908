package org.salesbench.contracts.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.validation.Validator;

/**
 * A contract numbering scheme such as {@code HT-{yyyy}-{seq:5}}: literal text (letters, digits, {@code - _ / .}), the
 * creation date's {@code {yyyy}}, {@code {yy}}, {@code {MM}} and {@code {dd}}, and exactly one {@code {seq:N}}, the
 * counter of the scheme's period zero-padded to N digits (1 to 12). The period is what the date placeholders render, so
 * {@code {yyyy}} restarts the counter every year and a scheme without a date never restarts it.
 */
final class NumberScheme {

    /** The longest number the contract table holds. */
    static final int MAX_LENGTH = 64;

    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9\\-_/.]*");
    private static final Pattern SEQ = Pattern.compile("seq:(\\d{1,2})");

    private sealed interface Part permits Text, DatePart, Seq {
    }

    private record Text(String text) implements Part {
    }

    private record DatePart(String token) implements Part {
    }

    private record Seq(int digits) implements Part {
    }

    private final String pattern;
    private final List<Part> parts;

    private NumberScheme(String pattern, List<Part> parts) {
        this.pattern = pattern;
        this.parts = parts;
    }

    /** The scheme of {@code pattern}; a pattern that cannot number contracts is refused, naming what is wrong. */
    static NumberScheme parse(String pattern) {
        Validator v = new Validator();
        List<Part> parts = new ArrayList<>();
        int seqs = 0;
        String text = pattern == null ? "" : pattern.strip();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            literal(v, text, text.substring(at, m.start()), parts);
            String token = m.group(1);
            Matcher seq = SEQ.matcher(token);
            if (seq.matches()) {
                int digits = Integer.parseInt(seq.group(1));
                if (digits < 1 || digits > 12) {
                    v.add("numberPattern", Messages.Number_seqDigits, text, digits);
                }
                parts.add(new Seq(digits));
                seqs++;
            } else if (List.of("yyyy", "yy", "MM", "dd").contains(token)) {
                parts.add(new DatePart(token));
            } else {
                v.add("numberPattern", Messages.Number_unknownPlaceholder, text, "{" + token + "}");
            }
            at = m.end();
        }
        literal(v, text, text.substring(at), parts);
        if (seqs != 1) {
            v.add("numberPattern", Messages.Number_oneSeq, text);
        }
        v.throwIfInvalid();
        NumberScheme scheme = new NumberScheme(text, List.copyOf(parts));
        if (scheme.format(LocalDate.of(2000, 1, 1), 0).length() > MAX_LENGTH || text.length() > MAX_LENGTH) {
            new Validator().add("numberPattern", Messages.Number_tooLong, text, MAX_LENGTH).throwIfInvalid();
        }
        return scheme;
    }

    private static void literal(Validator v, String pattern, String literal, List<Part> parts) {
        if (literal.isEmpty()) {
            return;
        }
        if (!LITERAL.matcher(literal).matches()) {
            v.add("numberPattern", Messages.Number_badText, pattern, literal);
        }
        parts.add(new Text(literal));
    }

    /** The pattern as configured: the counters' scheme key. */
    String pattern() {
        return pattern;
    }

    /** The counter's period for a contract created on {@code date}: the date placeholders rendered, or "-" without one. */
    String period(LocalDate date) {
        StringBuilder period = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof DatePart d) {
                period.append(period.isEmpty() ? "" : "-").append(render(d.token(), date));
            }
        }
        return period.isEmpty() ? "-" : period.toString();
    }

    /** The number of the {@code sequence}-th contract of the date's period. */
    String format(LocalDate date, long sequence) {
        StringBuilder number = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Text t -> number.append(t.text());
                case DatePart d -> number.append(render(d.token(), date));
                case Seq s -> {
                    String digits = Long.toString(sequence);
                    number.append("0".repeat(Math.max(0, s.digits() - digits.length()))).append(digits);
                }
            }
        }
        return number.toString();
    }

    private static String render(String token, LocalDate date) {
        return switch (token) {
            case "yyyy" -> String.format("%04d", date.getYear());
            case "yy" -> String.format("%02d", date.getYear() % 100);
            case "MM" -> String.format("%02d", date.getMonthValue());
            case "dd" -> String.format("%02d", date.getDayOfMonth());
            default -> throw new IllegalStateException(NLS.bind("unknown date placeholder {0}", token));
        };
    }
}
