package org.salesbench.customers.internal;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.customers.AnyRecordMergeParticipant;
import org.salesbench.customers.CustomerMergeParticipant;
import org.salesbench.customers.RecordMergeParticipant;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.persistence.UnitOfWork;

/**
 * A merged record's ids in the system it was imported from (a Salesforce account id) name the survivor after a merge
 * of customers, contacts or leads, so that the next import of the same export, matched on the external id, updates the
 * survivor instead of the merged record in the recycle bin; the undo names the merged record again. Here rather than in
 * the import module, whose bundle cannot see the customers' merge API (the customers module builds on it).
 */
@Component(service = { CustomerMergeParticipant.class, RecordMergeParticipant.class })
public class ExternalIdsMerge implements AnyRecordMergeParticipant {

    /**
     * The key of what moved, before the entity: the merged record whose ids moved, kept for the undo, not counted (a
     * merge keeps keys that start with its own entity for itself).
     */
    private static final String MOVED = "externalIds/";

    private final UnitOfWork unitOfWork;

    @Activate
    public ExternalIdsMerge(@Reference UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Map<String, List<Long>> moveRecord(String entity, long fromId, long intoId) {
        int moved = unitOfWork.write(em -> ExternalIds.merged(em, entity, fromId, intoId));
        // a merge calls the undo's participants only when one of them moved something
        return moved == 0 ? Map.of() : Map.of(MOVED + entity, List.of(fromId));
    }

    @Override
    public Map<String, Integer> moveRecordBack(String entity, long fromId, long intoId, Map<String, List<Long>> moved) {
        if (moved.containsKey(MOVED + entity)) {
            unitOfWork.write(em -> ExternalIds.unmerged(em, entity, fromId, intoId));
        }
        return Map.of();
    }
}
