package org.salesbench.core.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;

/**
 * Collects field errors for one record; {@link #throwIfInvalid()} ends validation. The field
 * rules live here once, so forms, imports and the command line refuse the same values with the
 * same words. {@code label} is the localised field name shown to the user.
 */
public final class Validator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern PHONE_CHARS = Pattern.compile("^\\+?[0-9 ()\\-]+(\\s*(ext|x|转)\\s*[0-9]+)?$");

    private final List<FieldError> errors = new ArrayList<>();

    public Validator add(String field, String template, Object... args) {
        errors.add(new FieldError(field, NLS.bind(template, args), args.length > 1 ? args[1] : null));
        return this;
    }

    public boolean required(String field, String label, Object value) {
        boolean missing = value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
        if (missing) {
            add(field, Messages.Validation_required, label);
        }
        return !missing;
    }

    public void maxLength(String field, String label, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, Messages.Validation_tooLong, label, max);
        }
    }

    public void email(String field, String label, String value) {
        if (value != null && !value.isBlank() && !isEmail(value)) {
            add(field, Messages.Validation_email, label, value);
        }
    }

    public void phone(String field, String label, String value) {
        if (value != null && !value.isBlank() && !isPhone(value)) {
            add(field, Messages.Validation_phone, label, value);
        }
    }

    public void notNegative(String field, String label, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            add(field, Messages.Validation_negative, label);
        }
    }

    /** An amount must fit its DECIMAL(19,4) column: a field error here rather than a database error at save. */
    public void amount(String field, String label, BigDecimal value) {
        if (!Decimals.fitsAmount(value)) {
            errors.add(new FieldError(field, Decimals.tooLarge(label, value.toString()), value));
        }
    }

    public void notBefore(String field, String label, LocalDate value, String otherLabel, LocalDate other) {
        if (value != null && other != null && value.isBefore(other)) {
            add(field, Messages.Validation_dateBefore, label, value, otherLabel, other);
        }
    }

    public void oneOf(String field, String label, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(field, Messages.Validation_notInList, label, value, String.join(", ", allowed));
        }
    }

    public static boolean isEmail(String value) {
        return EMAIL.matcher(value.trim()).matches();
    }

    public static boolean isPhone(String value) {
        String v = value.trim();
        if (!PHONE_CHARS.matcher(v).matches()) {
            return false;
        }
        long digits = v.chars().filter(Character::isDigit).count();
        return digits >= 5 && digits <= 20;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
