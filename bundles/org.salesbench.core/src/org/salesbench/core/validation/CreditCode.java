package org.salesbench.core.validation;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character alphabet, the last being a weighted mod-31 checksum of the first 17.
 */
public final class CreditCode {

    public static final int LENGTH = 18;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Upper-cases and strips spaces, as people type codes. */
    public static String normalise(String code) {
        return code == null ? null : code.replace(" ", "").replace("\u3000", "").toUpperCase();
    }

    /** The checksum character for the first 17 characters, or -1 if one of them is not in the alphabet. */
    public static int checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                return -1;
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    /** Appends the checksum to 17 valid characters (demo data and tests use it). */
    public static String withCheckCharacter(String first17) {
        int c = checkCharacter(first17);
        if (c < 0) {
            throw new IllegalArgumentException(first17);
        }
        return first17 + (char) c;
    }

    /** Adds an error to {@code errors} if {@code code} (already normalised) is not a valid code. */
    public static void validate(Validator errors, String field, String label, String code) {
        if (code.length() != LENGTH) {
            errors.add(field, Messages.Validation_creditCodeLength, label, code, code.length());
            return;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                errors.add(field, Messages.Validation_creditCodeCharacters, label, code);
                return;
            }
        }
        int expected = checkCharacter(code.substring(0, 17));
        if (expected != code.charAt(17)) {
            errors.add(field, Messages.Validation_creditCodeChecksum, label, code, String.valueOf((char) expected));
        }
    }

    public static boolean isValid(String code) {
        Validator v = new Validator();
        validate(v, "code", "code", normalise(code));
        return v.isEmpty();
    }
}
