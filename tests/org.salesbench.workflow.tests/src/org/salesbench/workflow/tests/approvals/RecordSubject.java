package org.salesbench.workflow.tests.approvals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.approvals.SubjectField;
import org.salesbench.workflow.approvals.SubjectRecord;

/**
 * A module's records as the engine sees them, like a contract: an amount in CNY and a region, owned by a salesperson.
 * It remembers what the engine told it (locks and decisions), which is what a module would act on.
 */
final class RecordSubject implements ApprovalSubject {

    static final String ENTITY = "deal";

    record Decision(long recordId, boolean approved, String comment) {
    }

    private final Map<Long, SubjectRecord> records = new HashMap<>();
    final Set<Long> locked = new HashSet<>();
    final List<Decision> decisions = new ArrayList<>();

    long add(long id, String label, String owner, String amount, String region) {
        records.put(id, new SubjectRecord(label, owner, Map.of("amount", new BigDecimal(amount), "region", region)));
        return id;
    }

    @Override
    public List<SubjectField> fields() {
        return List.of(new SubjectField("amount", SubjectField.Type.NUMBER), new SubjectField("region", SubjectField.Type.TEXT));
    }

    @Override
    public Optional<SubjectRecord> read(Context context, long recordId) {
        return Optional.ofNullable(records.get(recordId));
    }

    @Override
    public void lock(Context context, long recordId) {
        locked.add(recordId);
    }

    @Override
    public void unlock(Context context, long recordId) {
        locked.remove(recordId);
    }

    @Override
    public void decided(Context context, long recordId, boolean approved, String comment) {
        locked.remove(recordId);
        decisions.add(new Decision(recordId, approved, comment));
    }
}
