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
    /** What separates the words of a text (compiled once: a bulk load splits two names a customer). */
    private static final java.util.regex.Pattern WORD_BREAK = java.util.regex.Pattern.compile("[\\s\\p{Punct}\\p{IsPunctuation}]+");

    private SearchTerms() {
    }

    /**
     * Where a search term comes from, as field rules name it ({@code entity.field}): a word the user types matches only
     * the terms of sources their roles let them see, so that a hidden value cannot be found one search at a time.
     */
    public static final String NAME = "customer.name", SHORT_NAME = "customer.shortName", CREDIT_CODE = "customer.creditCode",
            TAGS = "customer.tags", CONTACT_NAME = "contact.name", PHONES = "contact.phones", EMAILS = "contact.emails";
    /** Every source, the customer's name first. */
    public static final List<String> SOURCES = List.of(NAME, SHORT_NAME, CREDIT_CODE, TAGS, CONTACT_NAME, PHONES, EMAILS);

    /** Every term of the customer, whatever its source. */
    public static Set<String> of(Customer customer) {
        Set<String> terms = new LinkedHashSet<>();
        bySource(customer).values().forEach(terms::addAll);
        return terms;
    }

    /** The customer's terms by {@link #SOURCES source}; a source without terms is left out. */
    public static java.util.Map<String, Set<String>> bySource(Customer customer) {
        java.util.Map<String, Set<String>> terms = new java.util.LinkedHashMap<>();
        Set<String> name = new LinkedHashSet<>();
        addText(name, customer.getName());
        String folded = CompanyNames.normalise(customer.getName());
        if (!startsATerm(name, folded)) {
            addText(name, folded);
        }
        put(terms, NAME, name);
        Set<String> shortName = new LinkedHashSet<>();
        addText(shortName, customer.getShortName());
        put(terms, SHORT_NAME, shortName);
        if (customer.getCreditCode() != null && !customer.getCreditCode().isEmpty()) {
            put(terms, CREDIT_CODE, new LinkedHashSet<>(List.of(customer.getCreditCode().toLowerCase(Locale.ROOT))));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : customer.getTags()) {
            addText(tags, tag);
        }
        put(terms, TAGS, tags);
        Set<String> contactNames = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        for (Contact contact : customer.getContacts()) {
            addText(contactNames, contact.getName());
            addPhones(phones, contact.getPhones());
            addEmails(emails, contact.getEmails());
        }
        put(terms, CONTACT_NAME, contactNames);
        put(terms, PHONES, phones);
        put(terms, EMAILS, emails);
        return terms;
    }

    /**
     * Whether one of the {@code terms} of a text starts with {@code folded} (a word without spaces or punctuation): then
     * every term {@link #addText} would make of it is the start of a term already there (its suffixes start the same
     * suffixes of that term's word, which are terms too when it is CJK), so it finds nothing more. A company's folded name
     * is mostly its name without the legal form ("深圳华为技术" of "深圳华为技术有限公司"): its terms are left out, a third
     * of a Chinese name's; a folded name that joins words ("foobar" of "Foo-Bar Ltd") keeps its own.
     */
    static boolean startsATerm(Set<String> terms, String folded) {
        if (folded.isEmpty()) {
            return true;
        }
        for (String term : terms) {
            if (term.startsWith(folded)) {
                return true;
            }
        }
        return false;
    }

    private static void put(java.util.Map<String, Set<String>> terms, String source, Set<String> values) {
        if (!values.isEmpty()) {
            terms.put(source, values);
        }
    }

    /** Lower-cased words; for CJK runs every suffix as well. */
    public static void addText(Set<String> terms, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String word : WORD_BREAK.split(fold(text))) {
            if (word.isEmpty()) {
                continue;
            }
            add(terms, word);
            if (hasCjk(word)) {
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

    private static boolean hasCjk(String word) {
        for (int i = 0; i < word.length();) {
            int c = word.codePointAt(i);
            if (isCjk(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
