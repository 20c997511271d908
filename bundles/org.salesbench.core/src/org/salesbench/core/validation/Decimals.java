package org.salesbench.core.validation;

import java.math.BigDecimal;

import org.eclipse.osgi.util.NLS;

/**
 * Numbers read from text (a form field, a file's cell, a command-line argument), bounded before anything is computed:
 * a text of at most {@value #MAX_CHARS} characters with an exponent within ±{@value #MAX_EXPONENT}, so no input such
 * as {@code 1e300000000} ever builds a huge number; amounts within the columns' DECIMAL(19,4).
 */
public final class Decimals {

    /** DECIMAL(19,4) holds 19 digits, 4 of them after the point. */
    public static final int AMOUNT_INTEGER_DIGITS = 15;
    static final int MAX_CHARS = 100;
    static final int MAX_EXPONENT = 100;

    /** A number beyond the bounds; a {@link NumberFormatException} so every "not a number" handler refuses it too. */
    public static final class OutOfRange extends NumberFormatException {
        private static final long serialVersionUID = 1L;

        public OutOfRange(String text) {
            super(text);
        }
    }

    private Decimals() {
    }

    /**
     * A number in plain or scientific notation ({@code -1234.5}, {@code 1.2e3}).
     *
     * @throws OutOfRange            when the text is too long or its exponent too large
     * @throws NumberFormatException when it is not a number
     */
    public static BigDecimal parse(String text) {
        String s = text.strip();
        if (s.length() > MAX_CHARS) {
            throw new OutOfRange(s.substring(0, 20) + "…");
        }
        int e = Math.max(s.indexOf('e'), s.indexOf('E'));
        if (e >= 0) {
            String exponent = s.substring(e + 1);
            String digits = exponent.startsWith("+") || exponent.startsWith("-") ? exponent.substring(1) : exponent;
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new NumberFormatException(s);
            }
            if (digits.length() > 3 || Integer.parseInt(digits) > MAX_EXPONENT) {
                throw new OutOfRange(s);
            }
        }
        return new BigDecimal(s);
    }

    /** {@link #parse} and {@link #requireAmount}. */
    public static BigDecimal parseAmount(String text) {
        return requireAmount(parse(text));
    }

    /** The value, if it fits an amount column; {@link OutOfRange} otherwise. */
    public static BigDecimal requireAmount(BigDecimal value) {
        if (!fitsAmount(value)) {
            throw new OutOfRange(value.toString());
        }
        return value;
    }

    /** Whether the value has at most {@value #AMOUNT_INTEGER_DIGITS} digits before the point (it is rounded after it). */
    public static boolean fitsAmount(BigDecimal value) {
        return value == null || integerDigits(value) <= AMOUNT_INTEGER_DIGITS;
    }

    /** The digits before the point, computed from precision and scale (never from the number's expansion). */
    public static long integerDigits(BigDecimal value) {
        return value.signum() == 0 ? 0 : (long) value.precision() - value.scale();
    }

    /** "Amount: 1e20 is too large (at most 15 digits before the decimal point)", the words forms and imports use. */
    public static String tooLarge(String label, Object value) {
        return NLS.bind(Messages.Validation_tooLarge, new Object[] { label, value, AMOUNT_INTEGER_DIGITS });
    }
}
