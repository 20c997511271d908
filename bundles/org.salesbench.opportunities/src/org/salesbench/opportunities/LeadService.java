package org.salesbench.opportunities;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.ConcurrentChangeException;

/**
 * Leads: screening (score, grade, duplicate flag), qualification and conversion. Every method
 * checks the current user's permission, validates before it writes ({@link ValidationException}
 * names each refused field), writes in one transaction and posts {@code org/salesbench/lead/*}
 * events after commit.
 */
public interface LeadService {

    /** Screens the lead (score, grade, duplicate flag) and saves it. */
    Lead create(Lead lead);

    /**
     * Re-screens and saves a lead read earlier. Disqualifying needs a reason; a converted lead keeps its links.
     *
     * @throws ConcurrentChangeException if someone saved it in the meantime
     */
    Lead update(Lead lead);

    /** Deletes a lead as it is now, whatever its version (tools). */
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

    Optional<Lead> find(long id);

    /** Validates without saving; the same rules {@link #create} and {@link #update} apply. */
    void validate(Lead lead);

    /** Scores the lead against the configured rules and looks for duplicates, without saving anything. */
    LeadScreening screen(Lead lead);

    /** Marks the lead disqualified with the given reason (required). */
    Lead disqualify(long id, String reason);

    /**
     * Turns a qualified lead into a customer (or attaches it to an existing one), a contact and an
     * opportunity in the pipeline's first open stage, in one transaction: if any part fails,
     * nothing is written. The lead becomes {@link LeadStatus#CONVERTED} with links to all three.
     */
    LeadConversion convert(long leadId, ConversionRequest request);

    /**
     * Records that a lead was converted to an existing customer before it came here (another CRM's converted lead,
     * migrated): it becomes {@link LeadStatus#CONVERTED}, linked to the customer, converted at {@code convertedAt}
     * ({@code null}: now); no contact or opportunity is made (the other system's were migrated as they are).
     *
     * @throws org.salesbench.core.validation.ValidationException when the lead is converted already or the customer does not exist
     */
    Lead recordConversion(long leadId, long customerId, java.time.Instant convertedAt);

    long count(LeadFilter filter);

    /** One page of the lead list, newest first. */
    List<LeadRow> page(LeadFilter filter, int offset, int limit);

    /**
     * One page of the lead list in {@code sort}'s order (in the database, so pages follow one another in it); {@code null}
     * is {@link LeadSort#DEFAULT}. A column whose field the user's roles hide sorts as the default.
     */
    List<LeadRow> page(LeadFilter filter, LeadSort sort, int offset, int limit);

    /** The leads converted to the customer or flagged as its duplicates, for its editor page, newest first. */
    List<LeadRow> ofCustomer(long customerId);

    /** The ids of every lead the filter selects, in the list's order: an export reads the records in chunks of them. */
    long[] ids(LeadFilter filter);

    /**
     * The lead sources in order, the values of the picklist {@link org.salesbench.persistence.Picklists#LEAD_SOURCE}
     * (the one list imports, migrated campaigns, the Picklists page and {@code cli picklists} edit); only active ones if
     * {@code activeOnly}.
     */
    List<LeadSource> sources(boolean activeOnly);

    /**
     * Makes the lead-source picklist the given list, in its order (codes unique, names required): a new code is added,
     * a known one renamed or (de)activated as given, and a value left out is deactivated, never deleted (records keep
     * it). One transaction. Editing a picklist is an administrator's right ({@link org.salesbench.persistence.Picklists}).
     *
     * @throws org.salesbench.core.validation.ValidationException naming the source and what is wrong with it
     * @throws org.salesbench.core.security.AccessDeniedException when the user may not edit picklists
     */
    List<LeadSource> saveSources(List<LeadSource> sources);

    /** The scoring rules, grades included. */
    List<ScoringRule> scoringRules();

    /** Replaces the scoring rules; saved leads keep their score until they are next saved or re-screened. */
    List<ScoringRule> saveScoringRules(List<ScoringRule> rules);

    /**
     * Deletes at once, for good, every lead of the given owners; deals converted from them and leads marked as
     * their duplicates keep no link to them. How demo or benchmark data is cleared before it is made again. Needs
     * the right to delete each owner's leads; returns how many were deleted.
     */
    int purgeOwnedBy(Collection<String> owners);
}
