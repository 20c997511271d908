package org.salesbench.customers;

import java.util.List;

/**
 * Finds existing customers by the keys people tell companies apart by — folded name, credit code, a contact's phone or
 * e-mail — for other modules' duplicate checks (lead screening), import matching and merges. The customers module
 * owns how these keys are folded and indexed; callers never read its tables or its search index.
 */
public interface CustomerLookup {

    /** The form of a company name that names alike share (case, width, punctuation and company suffixes folded). */
    String foldName(String name);

    /** The digits of a phone number without a country code, as phones are compared; {@code null} when it has none. */
    String phoneDigits(String phone);

    /** The customers of this name: the exact name first, then those alike after folding; oldest first. */
    List<Long> idsByName(String name);

    /** The customers with this unified social credit code (as typed or normalised), oldest first. */
    List<Long> idsByCreditCode(String creditCode);

    /** The customers one of whose contacts has this phone number (digits compared; fewer than five digits match nothing). */
    List<DuplicateCandidate> byPhone(String phone);

    /** The customers one of whose contacts has this e-mail address (case ignored). */
    List<DuplicateCandidate> byEmail(String email);
}
