package org.salesbench.importexport.targets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

/**
 * Reads the filter of an export as people type it after {@code --filter}: {@code key=value} terms separated by commas,
 * alternatives by {@code |}; a term without {@code =} is search text ({@code text}), so {@code --filter 华为} selects
 * what the list view's search box finds. Each target says which keys it takes; an unknown key or value is refused with
 * what is allowed.
 */
public final class FilterTerms {

    /** A term: the key in lower case ({@code text} for bare search text) and its value. */
    public record Term(String key, String value) {

        /** The alternatives of the value, stripped, blanks left out. */
        public List<String> alternatives() {
            return Arrays.stream(value.split("\\|")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        }

        /** Whether the value says yes ({@code true}, {@code 1}, {@code yes}). */
        public boolean yes() {
            return Boolean.parseBoolean(value) || value.equals("1") || value.equalsIgnoreCase("yes");
        }

        /** The constants the value names (ignoring case), each one of {@code allowed}. */
        public <E extends Enum<E>> Set<E> choices(Set<E> allowed) {
            Set<E> chosen = new LinkedHashSet<>();
            for (String s : value.split("\\|")) {
                E found = allowed.stream().filter(e -> e.name().equalsIgnoreCase(s.strip())).findFirst()
                        .orElseThrow(() -> badChoice(key, s.strip(), allowed.stream().map(Enum::name).sorted().toList()));
                chosen.add(found);
            }
            return chosen;
        }

        /** The refusal of a key this filter does not take, naming those it does. */
        public IllegalArgumentException unknownKey(String keys) {
            return new IllegalArgumentException(NLS.bind(TargetMessages.Filter_badKey, key, keys));
        }
    }

    private FilterTerms() {
    }

    /** The terms of {@code text} in order; bare search text becomes one {@code text} term at the end. */
    public static List<Term> parse(String text) {
        List<Term> terms = new ArrayList<>();
        String search = null;
        for (String term : text.split(",")) {
            int equals = term.indexOf('=');
            if (equals < 0) {
                search = search == null ? term.strip() : search + "," + term;
            } else {
                terms.add(new Term(term.substring(0, equals).strip().toLowerCase(Locale.ROOT), term.substring(equals + 1).strip()));
            }
        }
        if (search != null) {
            terms.add(new Term("text", search));
        }
        return terms;
    }

    /** The refusal of a value that is none of {@code allowed}. */
    public static IllegalArgumentException badChoice(String key, String value, List<String> allowed) {
        return new IllegalArgumentException(NLS.bind(TargetMessages.Filter_badChoice, new Object[] { key, value, String.join(", ", allowed) }));
    }
}
