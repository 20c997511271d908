package org.salesbench.customers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.ConcurrentChangeException;

/**
 * Customers, their contacts and activities. Every method checks the current user's permission,
 * validates before it writes ({@link ValidationException} names each refused field), writes in one
 * transaction, and posts {@code org/salesbench/customer/*} events after commit.
 */
public interface CustomerService {

    /** Creates a customer with its contacts and activities. Does not check for duplicates: call {@link #findDuplicates} first. */
    Customer create(Customer customer);

    /**
     * Creates many customers in one transaction (imports, demo data). All are validated first; if
     * any is refused, none is written and the errors name the record ("Record 12: Name is required").
     */
    List<Customer> createAll(List<Customer> customers);

    /**
     * Saves changes to a customer read earlier, children included.
     *
     * @throws ConcurrentChangeException if someone saved it in the meantime; nothing is overwritten
     */
    Customer update(Customer customer);

    /** Deletes a customer with its contacts and activities as it is now, whatever its version (tools). */
    void delete(long id);

    /**
     * Puts the records the user saw in the recycle bin, each only at the version seen ({@code id -> version}), in one
     * transaction: a bulk delete. If one changed or went since, none goes.
     *
     * @throws org.salesbench.persistence.ConcurrentChangeException naming the record that changed and who changed it
     */
    void deleteAll(Map<Long, Long> seenVersions);

    /** Deletes the record at the version the user saw; see {@link #deleteAll}. */
    default void delete(long id, long seenVersion) {
        deleteAll(Map.of(id, seenVersion));
    }

    /** The customer with contacts and activities loaded, if it exists and may be read. */
    Optional<Customer> find(long id);

    /** Validates without saving; the same rules {@link #create} and {@link #update} apply. */
    void validate(Customer customer);

    /** Existing customers the given one may duplicate, most certain first. */
    List<DuplicateCandidate> findDuplicates(Customer customer);

    /**
     * The customers named {@code name}: those whose name is exactly {@code name} (stripped) if there are any, else
     * those whose name folds to the same ("ACME Co., Ltd." and "ａｃｍｅ" both fold to "acme"); ids ascending, empty
     * for a blank name. Answered from the customer search index and confirmed in the database by id, so no id is
     * ever wrong. The index is current once a write has committed: customers written in the caller's own open
     * transaction are not found.
     */
    List<Long> idsByName(String name);

    /** Logs an activity on a customer and moves its next follow-up to the activity's next-step date. */
    Activity logActivity(long customerId, Activity activity);

    /** How many customers match. */
    long count(CustomerFilter filter);

    /** One page of the list, from {@code offset}, at most {@code limit} rows. */
    List<CustomerRow> page(CustomerFilter filter, CustomerSort sort, int offset, int limit);

    /**
     * The ids of every matching customer in list order: a snapshot a virtual table keeps, so that
     * any row can then be fetched by id ({@link #rows}) without OFFSET scans.
     */
    long[] ids(CustomerFilter filter, CustomerSort sort);

    /** The rows of the given ids, in the given order (ids no longer there are left out). */
    List<CustomerRow> rows(long[] ids);

    /**
     * Whether the search index behind the list is being built or catching up with the database; list calls then
     * wait for it, and a view may say so.
     */
    default boolean isSearchCatchingUp() {
        return false;
    }

    /** The grades customers may have, in order (A, B, C, D unless configured). */
    List<String> grades();

    /** Every tag in use, sorted. */
    List<String> tags();

    /**
     * Deletes at once, for good, every customer of the given owners with its contacts and activities (their
     * opportunities, quotes and stage history follow by ON DELETE CASCADE): how demo or benchmark data is cleared
     * before it is made again. Needs the right to delete each owner's customers; returns how many were deleted.
     */
    int purgeOwnedBy(Collection<String> owners);
}
