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
                    set(record, rule.getKey(), null);
                }
            }
        }
        return record;
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
                set(edited, rule.getKey(), before);
            } else if (rule.getValue() == FieldAccess.READ && !Objects.equals(before, get(edited, rule.getKey()))) {
                throw new AccessDeniedException(SecurityMessages.fieldReadOnly(security.currentUser().login(), entity, rule.getKey()));
            }
        }
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
