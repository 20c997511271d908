package org.salesbench.workflow.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.AnyRecordMergeParticipant;
import org.salesbench.customers.CustomerMergeParticipant;
import org.salesbench.customers.RecordMergeParticipant;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;

/**
 * When two customers, two contacts or two leads (any record a merge merges) are merged, the tasks about the merged one
 * become tasks about the survivor, and back when the merge is undone. Through JPA, so the audit trail records each move;
 * in the merge's transaction.
 */
@Component(service = { RecordMergeParticipant.class, CustomerMergeParticipant.class })
public class TasksRecordMerge implements AnyRecordMergeParticipant {

    private final UnitOfWork unitOfWork;

    @Activate
    public TasksRecordMerge(@Reference UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Map<String, List<Long>> moveRecord(String entity, long fromId, long intoId) {
        return unitOfWork.write(em -> {
            List<Task> tasks = em.createQuery("SELECT t FROM Task t WHERE t.relatedEntity = :entity AND t.relatedId = :id ORDER BY t.id", Task.class)
                    .setParameter("entity", entity).setParameter("id", fromId).getResultList();
            List<Long> moved = new ArrayList<>();
            for (Task task : tasks) {
                task.setRelated(new RecordRef(entity, intoId));
                moved.add(task.getId());
            }
            em.flush();
            Map<String, List<Long>> result = new LinkedHashMap<>();
            result.put(Task.ENTITY, moved);
            return result;
        });
    }

    @Override
    public Map<String, Integer> moveRecordBack(String entity, long fromId, long intoId, Map<String, List<Long>> moved) {
        return unitOfWork.write(em -> {
            int back = 0;
            for (long id : moved.getOrDefault(Task.ENTITY, List.of())) {
                Task task = em.find(Task.class, id);
                RecordRef related = task == null ? null : task.getRelated();
                if (related == null || !related.entity().equals(entity) || related.id() != intoId) {
                    throw new ValidationException(List.of(new FieldError(Task.ENTITY, NLS.bind(Messages.TasksRecordMerge_moved, new Object[] { id, entity, intoId }), id)));
                }
                task.setRelated(new RecordRef(entity, fromId));
                back++;
            }
            em.flush();
            Map<String, Integer> result = new LinkedHashMap<>();
            result.put(Task.ENTITY, back);
            return result;
        });
    }
}
