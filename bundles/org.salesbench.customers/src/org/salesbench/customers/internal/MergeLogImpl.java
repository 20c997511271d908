package org.salesbench.customers.internal;

import java.time.Instant;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.AuditTrail;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.MergeLog;
import org.salesbench.persistence.UnitOfWork;

/** The merge log of other modules' merges: rows of {@code SB_CUSTOMER_MERGE} with their entity. */
@Component(service = MergeLog.class)
public class MergeLogImpl implements MergeLog {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    @Activate
    public MergeLogImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security) {
        this.unitOfWork = unitOfWork;
        this.security = security;
    }

    /** The audit trail merges are recorded in (DS sets it when the audit bundle runs; tests call this). */
    public MergeLogImpl auditTrail(AuditTrail trail) {
        this.audit = trail;
        return this;
    }

    @Override
    public long save(Entry entry, String owner, java.util.function.LongFunction<String> details) {
        return unitOfWork.write(em -> {
            MergeRecordText text = new MergeRecordText();
            entry.before().forEach(text::text);
            entry.moved().forEach((kind, ids) -> ids.forEach(id -> text.moved(kind, id)));
            CustomerMergeRecord saved = new CustomerMergeRecord(entry.entity(), entry.keepId(), entry.mergedId(), entry.keepVersion(), entry.mergedVersion(),
                    text.text());
            saved.setKeepBefore(entry.keepBefore());
            saved.setOwner(owner);
            em.persist(saved);
            em.flush();
            AuditTrail trail = audit;
            if (trail != null) {
                trail.record(entry.entity(), entry.keepId(), AuditKind.OTHER, details.apply(saved.getId()));
            }
            return saved.getId();
        });
    }

    @Override
    public Entry toUndo(String entity, long mergeId) {
        return unitOfWork.write(em -> {
            CustomerMergeRecord saved = em.find(CustomerMergeRecord.class, mergeId);
            if (saved == null) {
                throw CustomerMergeImpl.refused("merge", NLS.bind(Messages.Unmerge_unknown, mergeId), mergeId);
            }
            if (!entity.equals(saved.getEntity())) {
                throw CustomerMergeImpl.refused("merge", NLS.bind(Messages.Unmerge_otherKind, new Object[] { mergeId, saved.getEntity(), entity }), mergeId);
            }
            if (saved.getUndoneAt() != null) {
                throw CustomerMergeImpl.refused("merge", NLS.bind(Messages.Unmerge_done, new Object[] { mergeId, saved.getUndoneBy(), saved.getUndoneAt() }),
                        mergeId);
            }
            MergeRecordText text = MergeRecordText.parse(saved.getRecord());
            return new Entry(mergeId, entity, saved.getKeepId(), saved.getMergedId(), saved.getKeepBefore() == null ? -1 : saved.getKeepBefore(),
                    saved.getKeepVersion(), saved.getMergedVersion(), text.values(), text.moved());
        });
    }

    @Override
    public boolean keepUnchanged(long mergeId, long current) {
        return unitOfWork.write(em -> em.find(CustomerMergeRecord.class, mergeId).keepUnchanged(em, current));
    }

    @Override
    public void undone(long mergeId, long keepVersion, String keepDetails, String mergedDetails) {
        unitOfWork.write(em -> {
            CustomerMergeRecord saved = em.find(CustomerMergeRecord.class, mergeId);
            AuditTrail trail = audit;
            if (trail != null) {
                trail.record(saved.getEntity(), saved.getKeepId(), AuditKind.OTHER, keepDetails);
                trail.record(saved.getEntity(), saved.getMergedId(), AuditKind.OTHER, mergedDetails);
            }
            saved.undone(Instant.now(Clocks.system()), security.currentUser().login());
            saved.setKeepUndone(keepVersion);
            em.flush();
            return null;
        });
    }
}
