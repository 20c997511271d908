package org.salesbench.customers;

import java.util.List;
import java.util.Map;

/**
 * A {@link RecordMergeParticipant} whose records follow a merged customer as they follow any other merged record
 * (tasks about it, its external ids): it is a {@link CustomerMergeParticipant} too, for the entity
 * {@link Customer#ENTITY}. Register the component under both services.
 */
public interface AnyRecordMergeParticipant extends RecordMergeParticipant, CustomerMergeParticipant {

    @Override
    default Map<String, List<Long>> moveCustomer(long fromId, long intoId) {
        return moveRecord(Customer.ENTITY, fromId, intoId);
    }

    @Override
    default Map<String, Integer> moveBack(long fromId, long intoId, Map<String, List<Long>> moved) {
        return moveRecordBack(Customer.ENTITY, fromId, intoId, moved);
    }
}
