package org.salesbench.opportunities.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.CustomerLookup;
import org.salesbench.customers.DuplicateCandidate.Reason;
import org.salesbench.customers.DuplicateGroup;
import org.salesbench.customers.DuplicateGroup.Member;
import org.salesbench.customers.MergeLog;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.RecordMerge;
import org.salesbench.customers.RecordMergeParticipant;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.SoftDeletion;
import org.salesbench.persistence.Picklists;
import org.salesbench.persistence.UnitOfWork;

import jakarta.persistence.EntityManager;

/**
 * The duplicate finder and the merge of leads, as customers and contacts merge: the survivor keeps its field values
 * but those taken (and fills its empty ones); when only the merged lead was converted, the survivor takes its
 * conversion (customer, contact, deal, time, status) and the deal names the survivor as its lead; the leads flagged as
 * the merged one's duplicates point at the survivor; tasks about it move through each {@link RecordMergeParticipant};
 * the merged lead goes to the recycle bin. Kept for the undo in the customers module's {@link MergeLog}.
 */
@Component(service = RecordMerge.class)
public class LeadMergeImpl implements RecordMerge {

    /** The fields a lead merge can take from the merged lead. */
    public static final List<String> FIELDS = List.of("company", "creditCode", "contactName", "contactTitle", "phone", "email", "source", "campaign",
            "industry", "size", "need", "grade", "owner");

    private static final String CONVERSION = "conversion";
    private static final String DEAL = Opportunity.ENTITY;
    private static final String DUPLICATES = Lead.ENTITY + "/duplicateLead";

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    private final CustomerLookup lookup;
    private final MergeLog log;
    private final SoftDeletion bin;
    private final List<RecordMergeParticipant> participants = new CopyOnWriteArrayList<>();

    @Activate
    public LeadMergeImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference DomainEventPublisher events,
            @Reference CustomerLookup lookup, @Reference MergeLog log) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.lookup = lookup;
        this.log = log;
        this.bin = new SoftDeletion(Lead.ENTITY, "SB_LEAD", "COMPANY", unitOfWork, security);
    }

    /** The modules whose records point at leads (tasks …). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addParticipant(RecordMergeParticipant participant) {
        participants.add(participant);
    }

    public void removeParticipant(RecordMergeParticipant participant) {
        participants.remove(participant);
    }

    @Override
    public String entity() {
        return Lead.ENTITY;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    // ---- the duplicate finder

    /** Leads (not in the recycle bin) with the same credit code, phone digits, e-mail or folded company: one query each. */
    @Override
    public List<DuplicateGroup> duplicates(int limit) {
        security.check(Action.READ, Lead.ENTITY, null);
        return unitOfWork.read(em -> {
            List<DuplicateGroup> groups = new ArrayList<>();
            groups.addAll(sameColumn(em, "CREDIT_CODE", Reason.CREDIT_CODE));
            groups.addAll(sameColumn(em, "PHONE_DIGITS", Reason.PHONE));
            groups.addAll(sameColumn(em, "EMAIL", Reason.EMAIL));
            groups.addAll(sameColumn(em, "NORMALIZED_COMPANY", Reason.NAME));
            return groups.size() > limit ? List.copyOf(groups.subList(0, Math.max(0, limit))) : groups;
        });
    }

    private static List<DuplicateGroup> sameColumn(EntityManager em, String column, Reason reason) {
        List<?> rows = MaskingViews.query(em, "SELECT l." + column + ", l.ID, l.COMPANY, l.CONTACT_NAME, l.VERSION FROM {SB_LEAD} l WHERE l.DELETED_AT IS NULL AND l."
                + column + " IN (SELECT d." + column + " FROM {SB_LEAD} d WHERE d.DELETED_AT IS NULL AND d." + column + " IS NOT NULL AND d." + column
                + " <> '' GROUP BY d." + column + " HAVING COUNT(*) > 1) ORDER BY l." + column + ", l.ID").getResultList();
        Map<String, List<Member>> groups = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String name = r[3] == null ? (String) r[2] : r[2] + " (" + r[3] + ")";
            groups.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new Member(((Number) r[1]).longValue(), name, ((Number) r[4]).longValue()));
        }
        List<DuplicateGroup> result = new ArrayList<>();
        groups.forEach((value, members) -> result.add(new DuplicateGroup(reason, value, List.copyOf(members))));
        return result;
    }

    // ---- the merge

    @Override
    public MergeResult merge(long keepId, long otherId, Set<String> takeFromOther, Long keepVersion, Long otherVersion) {
        Set<String> take = takeFromOther == null ? Set.of() : takeFromOther;
        for (String field : take) {
            if (!FIELDS.contains(field)) {
                throw refused("take", NLS.bind(Messages.LeadMerge_unknownField, field, String.join(", ", FIELDS)), field);
            }
        }
        if (keepId == otherId) {
            throw refused("other", NLS.bind(Messages.LeadMerge_same, keepId), otherId);
        }
        return unitOfWork.write(em -> {
            Lead keep = existing(em, keepId, "keep");
            Lead other = existing(em, otherId, "other");
            if (keepVersion != null) {
                ConcurrentChangeException.checkVersion(Lead.ENTITY, keepId, keepVersion, keep.getVersion(), keep.getUpdatedBy());
            }
            if (otherVersion != null) {
                ConcurrentChangeException.checkVersion(Lead.ENTITY, otherId, otherVersion, other.getVersion(), other.getUpdatedBy());
            }
            security.check(Action.UPDATE, Lead.ENTITY, keep.getOwner());
            security.check(Action.DELETE, Lead.ENTITY, other.getOwner());
            if (take.contains("owner")) {
                security.check(Action.UPDATE, Lead.ENTITY, other.getOwner());
            }
            long keepBefore = keep.getVersion();
            Map<String, String> before = new LinkedHashMap<>();
            for (String field : FIELDS) {
                Object value = get(keep, field);
                if (value != null) {
                    before.put("field." + field, value instanceof Enum<?> e ? e.name() : value.toString());
                }
            }
            List<String> took = new ArrayList<>();
            for (String field : FIELDS) {
                Object mine = get(keep, field);
                Object theirs = get(other, field);
                boolean empty = mine == null || mine instanceof String s && s.isBlank();
                if (theirs != null && (take.contains(field) || empty && !"company".equals(field))) {
                    if (!theirs.equals(mine)) {
                        took.add(fieldLabel(field));
                    }
                    set(keep, field, theirs);
                }
            }
            keep.setNormalizedCompany(lookup.foldName(keep.getCompany()));
            keep.setPhoneDigits(keep.getPhone() == null ? null : lookup.phoneDigits(keep.getPhone()));
            Map<String, List<Long>> moved = new LinkedHashMap<>();
            Map<String, Integer> counted = new LinkedHashMap<>();
            if (keep.getConvertedAt() == null && keep.getCustomerId() == null && other.getConvertedAt() != null) {
                // the survivor takes the merged lead's conversion; its deal names the survivor
                before.put("status", keep.getStatus().name());
                keep.setCustomerId(other.getCustomerId());
                keep.setContactId(other.getContactId());
                keep.setOpportunityId(other.getOpportunityId());
                keep.setConvertedAt(other.getConvertedAt());
                keep.setStatus(other.getStatus());
                moved.put(CONVERSION, List.of(otherId));
                List<Opportunity> deals = em.createQuery("SELECT o FROM Opportunity o WHERE o.leadId = :lead ORDER BY o.id", Opportunity.class)
                        .setParameter("lead", otherId).getResultList();
                deals.forEach(o -> o.setLeadId(keepId));
                moved.put(DEAL, deals.stream().map(Opportunity::getId).toList());
                counted.put(DEAL, deals.size());
            }
            List<Lead> flagged = em.createQuery("SELECT l FROM Lead l WHERE l.duplicateLeadId = :lead AND l.deletedAt IS NULL AND l.id <> :keep ORDER BY l.id",
                    Lead.class).setParameter("lead", otherId).setParameter("keep", keepId).getResultList();
            flagged.forEach(l -> l.setDuplicateLeadId(keepId));
            moved.put(DUPLICATES, flagged.stream().map(Lead::getId).toList());
            em.flush();
            for (RecordMergeParticipant participant : participants) {
                participant.moveRecord(Lead.ENTITY, otherId, keepId).forEach((entity, ids) -> {
                    moved.computeIfAbsent(entity, k -> new ArrayList<>()).addAll(ids);
                    if (entity.indexOf('/') < 0) {
                        counted.merge(entity, ids.size(), Integer::sum);
                    }
                });
            }
            em.flush();
            String otherName = other.getCompany();
            bin.delete(otherId, () -> refused("other", NLS.bind(Messages.LeadMerge_notFound, otherId), otherId), () -> { });
            em.flush();
            long mergeId = log.save(new MergeLog.Entry(0, Lead.ENTITY, keepId, otherId, keepBefore, version(em, keepId), version(em, otherId), before, moved),
                    keep.getOwner(), id -> NLS.bind(Messages.LeadMerge_audit, new Object[] { otherId, otherName, describe(counted), id })
                            + (took.isEmpty() ? "" : " " + NLS.bind(Messages.LeadMerge_took, String.join(", ", took))));
            unitOfWork.afterCommit(() -> events.publish(Lead.ENTITY, Change.UPDATED, keepId));
            return new MergeResult(keepId, otherId, counted, mergeId);
        });
    }

    @Override
    public List<MergeResult> mergeEach(long keepId, List<Long> otherIds, List<Set<String>> takes, List<Long> seenVersions) {
        if (otherIds.isEmpty() || seenVersions != null && seenVersions.size() != otherIds.size() + 1 || takes.size() != otherIds.size()) {
            throw refused("merge", NLS.bind(Messages.LeadMerge_versions, otherIds.size() + 1), otherIds);
        }
        return unitOfWork.write(em -> {
            if (seenVersions != null) {
                // every lead at the version the list showed, checked before the first merge: merging one re-points the
                // leads flagged as its duplicates, which may be in the group too, at the survivor (a change of theirs)
                for (int i = 0; i <= otherIds.size(); i++) {
                    long id = i == 0 ? keepId : otherIds.get(i - 1);
                    Lead lead = existing(em, id, i == 0 ? "keep" : "other");
                    if (seenVersions.get(i) != null) {
                        ConcurrentChangeException.checkVersion(Lead.ENTITY, id, seenVersions.get(i), lead.getVersion(), lead.getUpdatedBy());
                    }
                }
            }
            List<MergeResult> results = new ArrayList<>();
            for (int i = 0; i < otherIds.size(); i++) {
                results.add(merge(keepId, otherIds.get(i), takes.get(i), null, null));
            }
            return List.copyOf(results);
        });
    }

    @Override
    public Map<String, String> shown(long id) {
        Picklists picklists = Picklists.open(unitOfWork, security);
        return unitOfWork.read(em -> {
            Lead l = em.find(Lead.class, id);
            if (l == null || l.isDeleted()) {
                throw refused("id", NLS.bind(Messages.Lead_notFound, id), id);
            }
            security.check(Action.READ, Lead.ENTITY, l.getOwner());
            Map<String, String> shown = new LinkedHashMap<>();
            for (String field : FIELDS) {
                Object value = get(l, field);
                String text = value == null ? "" : switch (field) {
                case "source", "campaign" -> picklists.label(Picklists.LEAD_SOURCE, (String) value);
                case "industry" -> picklists.label(Picklists.INDUSTRY, (String) value);
                case "size" -> picklists.label(Picklists.COMPANY_SIZE, (String) value);
                default -> value.toString();
                };
                shown.put(field, text.replace('\n', ' ').strip());
            }
            return shown;
        });
    }

    @Override
    public String fieldLabel(String field) {
        return switch (field) {
        case "company" -> Messages.Lead_company;
        case "creditCode" -> Messages.Lead_creditCode;
        case "contactName" -> Messages.Lead_contactName;
        case "contactTitle" -> Messages.Lead_contactTitle;
        case "phone" -> Messages.Lead_phone;
        case "email" -> Messages.Lead_email;
        case "source" -> Messages.Lead_source;
        case "campaign" -> Messages.Lead_campaign;
        case "industry" -> Messages.Lead_industry;
        case "size" -> Messages.Lead_size;
        case "need" -> Messages.Lead_need;
        case "grade" -> Messages.Lead_grade;
        case "owner" -> Messages.Lead_owner;
        default -> field;
        };
    }

    @Override
    public List<MergeResult> unmergeAll(List<Long> mergeIds) {
        return unitOfWork.write(em -> {
            List<MergeResult> results = new ArrayList<>();
            for (int i = mergeIds.size() - 1; i >= 0; i--) {
                results.add(unmerge(mergeIds.get(i)));
                em.flush();
            }
            return List.copyOf(results);
        });
    }

    static String describe(Map<String, Integer> moved) {
        StringBuilder text = new StringBuilder();
        moved.forEach((entity, count) -> text.append(text.length() > 0 ? ", " : "").append(count).append(' ').append(entity));
        return text.length() == 0 ? "0 task" : text.toString();
    }

    private static long version(EntityManager em, long leadId) {
        return ((Number) MaskingViews.query(em, "SELECT VERSION FROM {SB_LEAD} WHERE ID = ?").setParameter(1, leadId).getSingleResult()).longValue();
    }

    // ---- the undo

    @Override
    public MergeResult unmerge(long mergeId) {
        return unitOfWork.write(em -> {
            MergeLog.Entry saved = log.toUndo(Lead.ENTITY, mergeId);
            long keepId = saved.keepId();
            long otherId = saved.mergedId();
            Lead keep = em.find(Lead.class, keepId);
            if (keep == null || keep.isDeleted()) {
                throw refused("keep", NLS.bind(Messages.LeadUnmerge_gone, mergeId, keepId), keepId);
            }
            if (!log.keepUnchanged(mergeId, keep.getVersion())) {
                throw refused("keep", NLS.bind(Messages.LeadUnmerge_changed, new Object[] { mergeId, keepId, keep.getCompany(), keep.getUpdatedBy() }), keepId);
            }
            Lead other = em.find(Lead.class, otherId);
            if (other == null || !other.isDeleted()) {
                throw refused("other", NLS.bind(Messages.LeadUnmerge_gone, mergeId, otherId), otherId);
            }
            if (other.getVersion() != saved.mergedVersion()) {
                throw refused("other", NLS.bind(Messages.LeadUnmerge_changed, new Object[] { mergeId, otherId, other.getCompany(), other.getUpdatedBy() }),
                        otherId);
            }
            security.check(Action.UPDATE, Lead.ENTITY, keep.getOwner());
            em.detach(other);
            bin.restore(otherId, saved.mergedVersion(), x -> { }, () -> { });
            em.flush();
            Map<String, Integer> movedBack = new LinkedHashMap<>();
            Map<String, List<Long>> moved = saved.moved();
            if (moved.containsKey(CONVERSION)) {
                keep.setCustomerId(null);
                keep.setContactId(null);
                keep.setOpportunityId(null);
                keep.setConvertedAt(null);
                keep.setStatus(LeadStatus.valueOf(saved.before().get("status")));
                int deals = 0;
                for (long id : moved.getOrDefault(DEAL, List.of())) {
                    Opportunity o = em.find(Opportunity.class, id);
                    if (o == null || !Long.valueOf(keepId).equals(o.getLeadId())) {
                        throw refused(DEAL, NLS.bind(Messages.LeadUnmerge_recordMoved, new Object[] { mergeId, DEAL, id, keepId }), id);
                    }
                    o.setLeadId(otherId);
                    deals++;
                }
                movedBack.put(DEAL, deals);
            }
            for (long id : moved.getOrDefault(DUPLICATES, List.of())) {
                Lead l = em.find(Lead.class, id);
                if (l == null || !Long.valueOf(keepId).equals(l.getDuplicateLeadId())) {
                    throw refused(Lead.ENTITY, NLS.bind(Messages.LeadUnmerge_recordMoved, new Object[] { mergeId, Lead.ENTITY, id, keepId }), id);
                }
                l.setDuplicateLeadId(otherId);
            }
            for (String field : FIELDS) {
                String text = saved.before().get("field." + field);
                set(keep, field, text);
            }
            keep.setNormalizedCompany(lookup.foldName(keep.getCompany()));
            keep.setPhoneDigits(keep.getPhone() == null ? null : lookup.phoneDigits(keep.getPhone()));
            em.flush();
            for (RecordMergeParticipant participant : participants) {
                participant.moveRecordBack(Lead.ENTITY, otherId, keepId, moved).forEach((entity, count) -> movedBack.merge(entity, count, Integer::sum));
            }
            em.flush();
            Lead restored = em.find(Lead.class, otherId);
            log.undone(mergeId, version(em, keepId),
                    NLS.bind(Messages.LeadUnmerge_audit, new Object[] { mergeId, otherId, restored.getCompany(), describe(movedBack) }),
                    NLS.bind(Messages.LeadUnmerge_auditOther, mergeId, keepId));
            unitOfWork.afterCommit(() -> {
                events.publish(Lead.ENTITY, Change.UPDATED, keepId);
                events.publish(Lead.ENTITY, Change.UPDATED, otherId);
            });
            return new MergeResult(keepId, otherId, movedBack, mergeId);
        });
    }

    private static Object get(Lead l, String field) {
        return switch (field) {
        case "company" -> l.getCompany();
        case "creditCode" -> l.getCreditCode();
        case "contactName" -> l.getContactName();
        case "contactTitle" -> l.getContactTitle();
        case "phone" -> l.getPhone();
        case "email" -> l.getEmail();
        case "source" -> l.getSource();
        case "campaign" -> l.getCampaign();
        case "industry" -> l.getIndustry();
        case "size" -> l.getSize();
        case "need" -> l.getNeed();
        case "grade" -> l.getGrade();
        case "owner" -> l.getOwner();
        default -> throw new IllegalArgumentException(field);
        };
    }

    private static void set(Lead l, String field, Object value) {
        switch (field) {
        case "company" -> l.setCompany((String) value);
        case "creditCode" -> l.setCreditCode((String) value);
        case "contactName" -> l.setContactName((String) value);
        case "contactTitle" -> l.setContactTitle((String) value);
        case "phone" -> l.setPhone((String) value);
        case "email" -> l.setEmail((String) value);
        case "source" -> l.setSource((String) value);
        case "campaign" -> l.setCampaign((String) value);
        case "industry" -> l.setIndustry((String) value);
        case "size" -> l.setSize((String) value);
        case "need" -> l.setNeed((String) value);
        case "grade" -> l.setGrade((String) value);
        case "owner" -> l.setOwner((String) value);
        default -> throw new IllegalArgumentException(field);
        }
    }

    private static Lead existing(EntityManager em, long id, String field) {
        Lead lead = em.find(Lead.class, id);
        if (lead == null || lead.isDeleted()) {
            throw refused(field, NLS.bind(Messages.LeadMerge_notFound, id), id);
        }
        return lead;
    }

    private static ValidationException refused(String field, String message, Object value) {
        return new ValidationException(List.of(new FieldError(field, message, value)));
    }
}
