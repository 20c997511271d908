package org.salesbench.customers.internal;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;

/**
 * The terms a customer is found by. Text filters become prefix look-ups on the keyword terms of the
 * customer search index, which stay fast at a million customers where {@code LIKE '%…%'} scans the table.
 * Chinese names have no spaces, so every suffix of a CJK run is a term: "华为" finds
 * "深圳华为技术有限公司" through the term "华为技术…".
 */
public final class SearchTerms {

    static final int MAX_TERM = 200;

    private SearchTerms() {
    }

    public static Set<String> of(Customer customer) {
        Set<String> terms = new LinkedHashSet<>();
        addText(terms, customer.getName());
        addText(terms, customer.getShortName());
        addText(terms, CompanyNames.normalise(customer.getName()));
        if (customer.getCreditCode() != null) {
            terms.add(customer.getCreditCode().toLowerCase(Locale.ROOT));
        }
        for (String tag : customer.getTags()) {
            addText(terms, tag);
        }
        for (Contact contact : customer.getContacts()) {
            addText(terms, contact.getName());
            addPhones(terms, contact.getPhones());
            addEmails(terms, contact.getEmails());
        }
        return terms;
    }

    /** Lower-cased words; for CJK runs every suffix as well. */
    public static void addText(Set<String> terms, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String word : fold(text).split("[\\s\\p{Punct}\\p{IsPunctuation}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            add(terms, word);
            if (word.codePoints().anyMatch(SearchTerms::isCjk)) {
                for (int i = 1; i < word.length(); i++) {
                    add(terms, word.substring(i));
                }
            }
        }
    }

    public static void addPhones(Set<String> terms, Collection<String> phones) {
        for (String phone : phones) {
            String digits = digits(phone);
            if (!digits.isEmpty()) {
                add(terms, digits);
                add(terms, withoutCountryCode(digits));
            }
        }
    }

    public static void addEmails(Set<String> terms, Collection<String> emails) {
        for (String email : emails) {
            String e = fold(email).trim();
            add(terms, e);
            int at = e.indexOf('@');
            if (at > 0) {
                add(terms, e.substring(0, at));
                add(terms, e.substring(at + 1));
            }
        }
    }

    /** The term an e-mail address is found by exactly (folded like the indexed ones). */
    public static String emailTerm(String email) {
        String e = fold(email).trim();
        return e.length() > MAX_TERM ? e.substring(0, MAX_TERM) : e;
    }

    /** The words of a user's search input, each to be matched as a term prefix. */
    public static List<String> queryWords(String input) {
        String trimmed = input.strip();
        if (trimmed.matches("[+\\d][\\d\\s()\\-]*") && digits(trimmed).length() >= 5) {
            return List.of(withoutCountryCode(digits(trimmed))); // a phone number typed with spaces
        }
        return java.util.Arrays.stream(fold(input).split("\\s+"))
                .map(w -> w.matches("[+\\d][\\d\\s()\\-]*") ? withoutCountryCode(digits(w)) : w.replaceAll("^[\\p{Punct}]+|[\\p{Punct}]+$", ""))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    public static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("\\D", "");
    }

    /** 8613800138000 and 008613800138000 are the mobile 13800138000. */
    public static String withoutCountryCode(String digits) {
        if (digits.startsWith("0086") && digits.length() > 4) {
            return digits.substring(4);
        }
        if (digits.startsWith("86") && digits.length() == 13) {
            return digits.substring(2);
        }
        return digits;
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static void add(Set<String> terms, String term) {
        if (!term.isEmpty()) {
            terms.add(term.length() > MAX_TERM ? term.substring(0, MAX_TERM) : term);
        }
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
