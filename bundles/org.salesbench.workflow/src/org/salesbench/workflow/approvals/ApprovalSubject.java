package org.salesbench.workflow.approvals;

import java.util.List;
import java.util.Optional;

/**
 * What a module contributes through {@code org.salesbench.workflow.approvalSubjects} so its records can be approved:
 * the fields a definition's condition may use, how to read them for a record, how the record is locked while in
 * approval, and what the decision does to it. The engine calls every method inside {@code SafeRunner}; the
 * {@link Context} gives the module's own services (a contributed class is made by the extension registry, not DS).
 * <p>
 * Besides {@link #decided}, the engine posts {@code EventTopics.topic("approval", Change.UPDATED)} with the request's
 * id after every change, for modules that move their state by events.
 */
public interface ApprovalSubject {

    /** The services of the running installation, looked up when needed. */
    interface Context {
        <S> S service(Class<S> type);
    }

    /** The fields a condition may use, typed. */
    List<SubjectField> fields();

    /** The record's label, owner and field values; empty when there is no such record. */
    Optional<SubjectRecord> read(Context context, long recordId);

    /** Called when a request starts: the record is locked for edits (e.g. its status says so). */
    void lock(Context context, long recordId);

    /** Called when a request is recalled: the record can be edited again. */
    void unlock(Context context, long recordId);

    /**
     * Called when the last step is approved, or a step rejects, by the deciding user's session: the module moves the
     * record's state (and unlocks it) and may check its own permissions.
     */
    void decided(Context context, long recordId, boolean approved, String comment);
}
