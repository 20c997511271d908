package org.salesbench.customers;

import java.util.Set;

/**
 * What the customer list shows: every criterion is optional ({@code null} or empty means "any").
 * {@code text} matches name, short name, contact names, phones, e-mails and tags.
 * {@code followUpOverdue} keeps customers whose next follow-up is before today.
 */
public record CustomerFilter(String text, Set<String> grades, Set<CustomerStatus> statuses, String owner, String tag,
        boolean followUpOverdue) {

    public static final CustomerFilter ALL = new CustomerFilter(null, Set.of(), Set.of(), null, null, false);

    public CustomerFilter {
        grades = grades == null ? Set.of() : Set.copyOf(grades);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        text = text == null || text.isBlank() ? null : text.trim();
        owner = owner == null || owner.isBlank() ? null : owner.trim();
        tag = tag == null || tag.isBlank() ? null : tag.trim();
    }

    public static CustomerFilter text(String text) {
        return new CustomerFilter(text, Set.of(), Set.of(), null, null, false);
    }

    public CustomerFilter withText(String newText) {
        return new CustomerFilter(newText, grades, statuses, owner, tag, followUpOverdue);
    }
}
