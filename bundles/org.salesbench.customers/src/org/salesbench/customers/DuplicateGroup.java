package org.salesbench.customers;

import java.util.List;

import org.salesbench.customers.DuplicateCandidate.Reason;

/**
 * Customers that are likely the same, and why: they share {@code value} (the credit code, folded name, phone digits
 * or e-mail address) by {@code reason}. Members in id order.
 */
public record DuplicateGroup(Reason reason, String value, List<Member> members) {

    /** One customer of a group, at the version read (what a merge may check it against). */
    public record Member(long id, String name, long version) {
    }
}
