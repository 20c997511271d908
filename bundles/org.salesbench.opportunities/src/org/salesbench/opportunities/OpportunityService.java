package org.salesbench.opportunities;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.salesbench.core.validation.ValidationException;

/**
 * Opportunities: create and edit, move through stages (rules checked, history written), win or
 * lose, and the board. Every method checks permission, validates before it writes
 * ({@link ValidationException} names each refused field), writes in one transaction and posts
 * {@code org/salesbench/opportunity/*} events after commit.
 */
public interface OpportunityService {

    /**
     * Creates an opportunity in an open stage of its pipeline (the first open stage when none is
     * set), with the stage's probability unless one is given, and writes its first history row.
     */
    Opportunity create(Opportunity opportunity);

    /** Saves changes other than the stage (use {@link #moveToStage}); refused if the stage differs from the stored one. */
    Opportunity update(Opportunity opportunity);

    /** Deletes an opportunity as it is now, whatever its version (tools). */
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

    Optional<Opportunity> find(long id);

    /**
     * The opportunities with these ids the current user may read, loaded as {@link #find} loads one but a page at a
     * time in a few queries (the workflow's first look at every record); deleted, unknown and unreadable ones are left
     * out, the rest come in no particular order.
     */
    default List<Opportunity> findAll(long[] ids) {
        List<Opportunity> found = new java.util.ArrayList<>();
        for (long id : ids) {
            try {
                find(id).ifPresent(found::add);
            } catch (org.salesbench.core.security.AccessDeniedException e) {
                // not the current user's to read: left out
            }
        }
        return found;
    }

    void validate(Opportunity opportunity);

    /**
     * Why the opportunity may not enter the stage, in the user's language (empty: it may). The
     * board asks this to explain a refused drag before it moves anything.
     */
    List<String> refusals(long opportunityId, long stageId);

    /**
     * Moves the opportunity to another stage of its pipeline: the stage's rules are checked, the
     * probability becomes the stage's default, and a {@link StageHistory} row is written. Moving to a
     * won stage closes the deal today; a lost stage needs {@link #markLost} (a loss reason).
     *
     * @throws ValidationException naming {@code stageId} if the stage is unknown, of another
     *                             pipeline, or its rules refuse the move
     */
    Opportunity moveToStage(long opportunityId, long stageId);

    /**
     * {@link #moveToStage(long, long)} of the opportunity the user saw (a board's card): refused if it is no longer at
     * {@code seenVersion}.
     *
     * @throws org.salesbench.persistence.ConcurrentChangeException naming the opportunity and who changed it
     */
    Opportunity moveToStage(long opportunityId, long stageId, long seenVersion);

    /** Moves the opportunity to its pipeline's won stage, closed on {@code wonOn} (today if {@code null}). */
    Opportunity markWon(long opportunityId, LocalDate wonOn);

    /** Moves the opportunity to its pipeline's lost stage with the (required) reason, closed on {@code lostOn} (today if {@code null}). */
    Opportunity markLost(long opportunityId, String lossReason, LocalDate lostOn);

    /** {@link #markLost(long, String, LocalDate)} of the opportunity the user saw, refused if it is no longer at {@code seenVersion}. */
    Opportunity markLost(long opportunityId, String lossReason, LocalDate lostOn, long seenVersion);

    /** The stage changes of an opportunity, oldest first. */
    List<StageHistory> history(long opportunityId);

    /** The board of a pipeline: per stage the count and summed amount (SQL aggregates) and the first {@code cardsPerStage} cards. */
    Board board(long pipelineId, BoardFilter filter, int cardsPerStage);

    /** More cards of one stage column, in the column's order (open: by expected close date; won/lost: most recently closed first). */
    List<BoardCard> cards(long stageId, BoardFilter filter, int offset, int limit);

    long count(OpportunityFilter filter);

    /** One page of the opportunity list, by expected close date. */
    List<OpportunityRow> page(OpportunityFilter filter, int offset, int limit);

    /**
     * One page of the opportunity list in {@code sort}'s order (sorted in the database, so the pages follow one another
     * in it); {@code null} is {@link OpportunitySort#DEFAULT}. A column whose field the user's roles hide sorts as the
     * default: the order alone would tell what the blank column holds.
     */
    List<OpportunityRow> page(OpportunityFilter filter, OpportunitySort sort, int offset, int limit);

    /** The ids of every opportunity the filter selects, in the list's order: an export reads the records in chunks of them. */
    long[] ids(OpportunityFilter filter);

    /** Opportunities of one customer, for its editor page, newest first. */
    List<OpportunityRow> ofCustomer(long customerId);

    /**
     * Deletes at once, for good, every opportunity of the given owners with its stage history, quotes, team and
     * competitors: how demo or benchmark data is cleared before it is made again. Needs the right to delete each
     * owner's opportunities; returns how many were deleted.
     */
    int purgeOwnedBy(Collection<String> owners);
}
