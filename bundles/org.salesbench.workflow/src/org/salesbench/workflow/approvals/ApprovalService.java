package org.salesbench.workflow.approvals;

import java.util.List;
import java.util.Optional;

/**
 * The approval engine: definitions (saved only when valid), requests started for records of contributed
 * {@link ApprovalSubject}s, and the decisions on them. Approval rights come from the definition: a decision needs the
 * approver to be one of the current step's open assignees (whatever their roles let them do with the record's owner's
 * records: a manager two levels up, named users outside the owner's chain), and nobody approves their own request. On a
 * team server an open assignee reads and writes the request under row-level security even when their roles do not
 * reach it. Bad input is refused with a {@link org.salesbench.core.validation.ValidationException}
 * naming the field; refused permission with an {@link org.salesbench.core.security.AccessDeniedException}.
 * Every change posts {@code EventTopics.topic(ENTITY, …)} with the request's id after commit.
 */
public interface ApprovalService {

    /** The entity name of approval requests (events, permissions). */
    String ENTITY = "approval";

    /** Which requests {@link #list} returns. */
    enum Filter {
        /** Pending requests the current user may decide now. */
        PENDING_FOR_ME,
        /** Requests the current user asked for. */
        MINE,
        /** Every request the current user may see, newest first. */
        ALL
    }

    /** Validates and saves a definition (an administrator's right); refuses what could never run, naming it. */
    ApprovalDefinition saveDefinition(ApprovalDefinition definition);

    /** Every definition, by entity type and priority. */
    List<ApprovalDefinition> definitions();

    /** Every definition in {@code sort}'s order (the database's), ties by id. */
    List<ApprovalDefinition> definitions(DefinitionSort sort);

    /** The definition with this id, with its steps. */
    Optional<ApprovalDefinition> findDefinition(long definitionId);

    /**
     * Deletes a definition (an administrator's right); refused while a pending request follows it (decide or recall it
     * first, or make the definition inactive so no new request starts).
     */
    void deleteDefinition(long definitionId);

    /** Whether the current user may create, edit and delete definitions (an administrator's right by default). */
    boolean mayEditDefinitions();

    /** The fields a definition's condition may use for this entity type, typed; empty for a type no module contributes. */
    List<SubjectField> subjectFields(String entityType);

    /** The entity types with a contributed subject (what a definition may approve). */
    List<String> subjectTypes();

    /** The active definition whose condition the record meets, if any. */
    Optional<ApprovalDefinition> matchingDefinition(String entityType, long recordId);

    /** The active definition whose condition these field values meet (a record not yet saved, an editor's hint). */
    Optional<ApprovalDefinition> matchingDefinition(String entityType, java.util.Map<String, Object> values);

    /**
     * Starts the matching definition for a record on behalf of the current user (the requester) and locks the record;
     * empty when no definition matches. A record has at most one pending request.
     */
    Optional<ApprovalRequest> start(String entityType, long recordId);

    Optional<ApprovalRequest> find(long requestId);

    /** The record's pending request, if any. */
    Optional<ApprovalRequest> pendingFor(String entityType, long recordId);

    /** The record's latest request, pending or finished. */
    Optional<ApprovalRequest> latestFor(String entityType, long recordId);

    /** The requests of {@code filter}, newest first. */
    default List<ApprovalRequest> list(Filter filter) {
        return list(filter, ApprovalSort.DEFAULT);
    }

    /** The requests of {@code filter} in the order {@code sort} says (the database sorts). */
    List<ApprovalRequest> list(Filter filter, ApprovalSort sort);

    /**
     * The latest request (pending or finished) of each of these records of {@code entityType} that has one, in the order
     * {@code sort} says: an opportunity's Approvals page lists its quotes' requests so.
     */
    List<ApprovalRequest> latestFor(String entityType, java.util.Collection<Long> recordIds, ApprovalSort sort);

    /** The open approvers of the request's current step. */
    List<String> currentApprovers(long requestId);

    /** Whether the current user may approve or reject the request now. */
    boolean mayDecide(long requestId);

    /**
     * Whether the current user is or was an approver of a request for the record (an assignment on any step, also a
     * closed one): the record's module lets them read it whatever their roles reach, as the team server's row-level
     * security does ({@code SB_PROTECT_APPROVABLE}).
     */
    boolean isApproverOf(String entityType, long recordId);

    /**
     * Whether this thread is inside the engine's decision of the record by the current user, after the engine checked
     * that they decide its current step (an approve or reject calling {@link ApprovalSubject#decided}): the record's
     * module records the decision by the assignment's right instead of asking the user's roles.
     */
    boolean isDeciding(String entityType, long recordId);

    /** The request's history, oldest first. */
    List<ApprovalHistoryEntry> history(long requestId);

    /** Approves the current step for the current user; the last step approved approves the record. */
    ApprovalRequest approve(long requestId, String comment);

    /** Rejects the request (a comment is required); the record's module is told. */
    ApprovalRequest reject(long requestId, String comment);

    /** Hands the current user's open decision on to another active user. */
    ApprovalRequest delegate(long requestId, String toLogin, String comment);

    /** Withdraws a pending request (only its requester); the record is unlocked. */
    ApprovalRequest recall(long requestId, String comment);

    /**
     * Escalates every pending request whose current step has waited longer than its SLA: the approvers of the step it
     * escalates to join it, once per SLA period. Called by the scheduler or the reminder job; returns how many escalated.
     */
    int escalateOverdue();

    /**
     * Brings the current user's approval tasks in line with their open decisions: a task for each step waiting on them
     * (made once, whichever client runs it), their tasks of decided steps closed. On a team server a requester may not
     * give their approver a task, so each approver's own client makes it on its next scheduled run. Returns how many
     * tasks it made or closed (0 without a task service).
     */
    int syncMyTasks();

    /**
     * Closes the record's pending request when its module decided without the engine (e.g. the quotes' own approve and
     * refuse buttons, after the module checked the decider's right): the history names who decided there. Returns
     * whether a pending request was closed.
     */
    boolean settledOutside(String entityType, long recordId, boolean approved, String decidedBy, String comment);

    /**
     * Withdraws the record's pending request when its module withdrew the record by a right of its own (e.g. deleting it,
     * which the module checked): closed as recalled with the comment, by the current user whoever requested it; the
     * record is not told (its module changes it itself). Returns whether a pending request was withdrawn.
     */
    boolean withdrawnOutside(String entityType, long recordId, String comment);

    /**
     * Refuses an edit of a record in approval by anyone but an approver of its current step (the seam an owning service
     * calls before it writes; the subject's lock callback is the other).
     */
    void checkEditable(String entityType, long recordId);
}
