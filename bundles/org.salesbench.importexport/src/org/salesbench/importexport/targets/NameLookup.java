package org.salesbench.importexport.targets;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.validation.FieldError;

/**
 * Finds the one record a row's text names, for one import run: a user by login, e-mail or display name, a product
 * by code or name. Keys are tried in the order given, ignoring case and surrounding spaces; a text that names
 * several records by the first key that knows it is ambiguous. Never a guess at a spelling.
 *
 * @param <V> what a found record gives the row (a login, an id)
 */
public final class NameLookup<V> {

    private record Ambiguous(int count) {
    }

    private final Map<String, Object> byKey = new HashMap<>();
    private final String unknownMessage;
    private final String ambiguousMessage;

    /**
     * @param keys             the key functions, most exact first (blank keys are ignored)
     * @param unknownMessage   the message for a text that names nothing, with {0} for the text
     * @param ambiguousMessage the message for a text that names several records, with {0} for the text and {1} for their count
     */
    public <R> NameLookup(Collection<R> records, Function<R, V> valueOf, List<Function<R, String>> keys, String unknownMessage,
            String ambiguousMessage) {
        this.unknownMessage = unknownMessage;
        this.ambiguousMessage = ambiguousMessage;
        for (Function<R, String> key : keys) {
            Map<String, Object> found = new HashMap<>();
            for (R record : records) {
                String k = key.apply(record);
                if (k == null || k.isBlank()) {
                    continue;
                }
                V value = valueOf.apply(record);
                found.merge(fold(k), value, (a, b) -> a.equals(b) ? a : new Ambiguous(a instanceof Ambiguous x ? x.count() + 1 : 2));
            }
            found.forEach(byKey::putIfAbsent);
        }
    }

    private static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** The value of the record {@code text} names, or a {@link FieldError} on {@code field} that says why there is none. */
    public Object find(String field, String text) {
        Object found = byKey.get(fold(text));
        if (found == null) {
            return new FieldError(field, NLS.bind(unknownMessage, text.strip()), text);
        }
        if (found instanceof Ambiguous a) {
            return new FieldError(field, NLS.bind(ambiguousMessage, text.strip(), a.count()), text);
        }
        return found;
    }
}
