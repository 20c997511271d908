package org.salesbench.workflow.tests.approvals;

import java.util.List;
import java.util.Optional;

import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.approvals.SubjectField;
import org.salesbench.workflow.approvals.SubjectRecord;

/** A subject contributed through the test fragment's fragment.xml: only its fields matter to the reader's test. */
public class ContributedSubject implements ApprovalSubject {

    @Override
    public List<SubjectField> fields() {
        return List.of(new SubjectField("amount", SubjectField.Type.NUMBER));
    }

    @Override
    public Optional<SubjectRecord> read(Context context, long recordId) {
        return Optional.empty();
    }

    @Override
    public void lock(Context context, long recordId) {
    }

    @Override
    public void unlock(Context context, long recordId) {
    }

    @Override
    public void decided(Context context, long recordId, boolean approved, String comment) {
    }
}
