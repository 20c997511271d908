package org.salesbench.opportunities.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Contact;
import org.salesbench.customers.RecordMergeParticipant;
import org.salesbench.opportunities.Lead;
import org.salesbench.persistence.UnitOfWork;

/**
 * When two contacts are merged, the leads converted into the merged contact name the survivor (their conversion link),
 * and the merged one again when the merge is undone. Through JPA (the audit trail sees each), in the merge's transaction.
 */
@Component(service = RecordMergeParticipant.class)
public class LeadsContactMerge implements RecordMergeParticipant {

    /** The leads whose contact link moved: counted as leads. */
    static final String CONTACT_LEADS = Lead.ENTITY;

    private final UnitOfWork unitOfWork;

    @Activate
    public LeadsContactMerge(@Reference UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Map<String, List<Long>> moveRecord(String entity, long fromId, long intoId) {
        if (!Contact.ENTITY.equals(entity)) {
            return Map.of();
        }
        return unitOfWork.write(em -> {
            List<Lead> leads = em.createQuery("SELECT l FROM Lead l WHERE l.contactId = :from AND l.deletedAt IS NULL ORDER BY l.id", Lead.class)
                    .setParameter("from", fromId).getResultList();
            leads.forEach(l -> l.setContactId(intoId));
            em.flush();
            Map<String, List<Long>> moved = new LinkedHashMap<>();
            if (!leads.isEmpty()) {
                moved.put(CONTACT_LEADS, leads.stream().map(Lead::getId).toList());
            }
            return moved;
        });
    }

    @Override
    public Map<String, Integer> moveRecordBack(String entity, long fromId, long intoId, Map<String, List<Long>> moved) {
        if (!Contact.ENTITY.equals(entity)) {
            return Map.of();
        }
        return unitOfWork.write(em -> {
            int back = 0;
            for (long id : moved.getOrDefault(CONTACT_LEADS, List.of())) {
                Lead lead = em.find(Lead.class, id);
                if (lead == null || lead.isDeleted() || !Long.valueOf(intoId).equals(lead.getContactId())) {
                    throw new ValidationException(List.of(new FieldError(Lead.ENTITY,
                            NLS.bind(Messages.Merge_contactNotThere, new Object[] { Lead.ENTITY, id, intoId }), id)));
                }
                lead.setContactId(fromId);
                back++;
            }
            em.flush();
            return back == 0 ? Map.<String, Integer>of() : Map.of(Lead.ENTITY, back);
        });
    }
}
