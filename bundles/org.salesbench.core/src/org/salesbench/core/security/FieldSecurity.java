package org.salesbench.core.security;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Objects;

/**
 * Field-level security for a record as a service hands it out and takes it back: a field the user may not see is
 * blanked on the way out and keeps its stored value on the way in; a field the user may only read may not change.
 * Fields are named as the entity class names them ({@code notes}, {@code amount}).
 */
public final class FieldSecurity {

    private FieldSecurity() {
    }

    /**
     * Blanks the fields of a detached {@code record} that the user may not see. Never call it on a record the
     * persistence context still manages: the blank would be written back.
     */
    public static <T> T redact(SecurityService security, String entity, T record) {
        if (record != null) {
            for (Map.Entry<String, FieldAccess> rule : security.fieldRules(entity).entrySet()) {
                if (rule.getValue() == FieldAccess.HIDDEN) {
                    set(record, rule.getKey(), blank(field(record.getClass(), rule.getKey()).getType()));
                }
            }
        }
        return record;
    }

    /** Each of {@code records} (a customer's contacts, its activities) as {@link #redact} leaves it. */
    public static void redactAll(SecurityService security, String entity, Iterable<?> records) {
        if (!security.fieldRules(entity).isEmpty()) {
            for (Object record : records) {
                redact(security, entity, record);
            }
        }
    }

    /**
     * Before a new {@code record} is written: a field the user may not edit (read-only or hidden) must be left blank,
     * since a new record has no stored value to keep.
     *
     * @throws AccessDeniedException naming the user, the entity and the first such field that holds a value
     */
    public static void checkNew(SecurityService security, String entity, Object record) {
        String field = firstUnwritable(security.fieldRules(entity), record);
        if (field != null) {
            throw new AccessDeniedException(SecurityMessages.fieldReadOnly(security.currentUser().login(), entity, field));
        }
    }

    /**
     * The first field of a new {@code record} that holds a value although {@code rules} let the user only read it or
     * not see it; {@code null} when there is none. Imports ask this per row, with the rules resolved once.
     */
    public static String firstUnwritable(Map<String, FieldAccess> rules, Object record) {
        Object fresh = null;
        for (Map.Entry<String, FieldAccess> rule : rules.entrySet()) {
            Object value = get(record, rule.getKey());
            if (rule.getValue() != FieldAccess.EDIT && !isBlank(value)) {
                // a value every new record starts with (a customer's status) is no choice of the user's
                fresh = fresh == null ? fresh(record.getClass()) : fresh;
                if (fresh == null || !Objects.equals(value, get(fresh, rule.getKey()))) {
                    return rule.getKey();
                }
            }
        }
        return null;
    }

    /**
     * The values of the fields {@code rules} keep the user from writing (read-only or hidden), taken from a stored
     * record before something (an import row) is applied to it; see {@link #firstChanged}.
     */
    public static Map<String, Object> unwritableValues(Map<String, FieldAccess> rules, Object record) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (Map.Entry<String, FieldAccess> rule : rules.entrySet()) {
            if (rule.getValue() != FieldAccess.EDIT) {
                values.put(rule.getKey(), copyOf(get(record, rule.getKey())));
            }
        }
        return values;
    }

    /**
     * The first field the user may not write whose value in {@code record} is no longer what {@link #unwritableValues}
     * saw; {@code null} when none changed. A blank and an absent value are the same.
     */
    public static String firstChanged(Map<String, Object> before, Object record) {
        for (Map.Entry<String, Object> field : before.entrySet()) {
            Object now = get(record, field.getKey());
            if (!(isBlank(now) && isBlank(field.getValue())) && !same(field.getValue(), now)) {
                return field.getKey();
            }
        }
        return null;
    }

    /** Equal values; 100 and 100.00 are the same amount. */
    private static boolean same(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** A record of the type as its no-argument constructor makes it; {@code null} when there is none. */
    private static Object fresh(Class<?> type) {
        try {
            java.lang.reflect.Constructor<?> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code value} says nothing: null, empty text, an empty collection, false or zero. */
    public static boolean isBlank(Object value) {
        return value == null || value instanceof CharSequence text && text.toString().isBlank()
                || value instanceof java.util.Collection<?> c && c.isEmpty() || value instanceof java.util.Map<?, ?> m && m.isEmpty()
                || Boolean.FALSE.equals(value) || value instanceof Number n && !(n instanceof java.math.BigDecimal) && n.doubleValue() == 0;
    }

    /** What a hidden field of this type shows: nothing (an empty list, false for a primitive flag). */
    private static Object blank(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type.isPrimitive()) {
            return type == char.class ? Character.valueOf('\0') : defaultNumber(type);
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return new java.util.ArrayList<>();
        }
        if (java.util.Set.class.isAssignableFrom(type)) {
            return new java.util.LinkedHashSet<>();
        }
        return null;
    }

    private static Object defaultNumber(Class<?> type) {
        return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
    }

    /**
     * Before {@code edited} replaces {@code stored}: hidden fields take their stored value (the user never saw them),
     * read-only fields must be unchanged.
     *
     * @throws AccessDeniedException naming the first read-only field that changed
     */
    public static void checkEdits(SecurityService security, String entity, Object stored, Object edited) {
        for (Map.Entry<String, FieldAccess> rule : security.fieldRules(entity).entrySet()) {
            Object before = get(stored, rule.getKey());
            if (rule.getValue() == FieldAccess.HIDDEN) {
                set(edited, rule.getKey(), copyOf(before));
            } else if (rule.getValue() == FieldAccess.READ && !Objects.equals(before, get(edited, rule.getKey()))) {
                throw new AccessDeniedException(SecurityMessages.fieldReadOnly(security.currentUser().login(), entity, rule.getKey()));
            }
        }
    }

    /** A stored collection copied, so that the edited record does not share the managed one. */
    private static Object copyOf(Object value) {
        if (value instanceof java.util.List<?> list) {
            return new java.util.ArrayList<>(list);
        }
        if (value instanceof java.util.Set<?> set) {
            return new java.util.LinkedHashSet<>(set);
        }
        return value;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no field " + name);
    }

    private static Object get(Object record, String name) {
        try {
            return field(record.getClass(), name).get(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Object record, String name, Object value) {
        try {
            field(record.getClass(), name).set(record, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
