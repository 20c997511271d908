package org.salesbench.customers.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.AuditTrail;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Activity;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerMerge;
import org.salesbench.customers.CustomerMergeParticipant;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.DuplicateCandidate.Reason;
import org.salesbench.customers.DuplicateGroup;
import org.salesbench.customers.DuplicateGroup.Member;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.UnitOfWork;

import jakarta.persistence.EntityManager;

/**
 * The duplicate finder and the merge of two customers. The merge moves the customers module's own children (contacts,
 * activities) through JPA, so the audit trail sees each move, asks every {@link CustomerMergeParticipant} to move its
 * module's records, and puts the merged customer in the recycle bin through the customer service, all in one unit of
 * work.
 */
@Component(service = { CustomerMerge.class, org.salesbench.customers.RecordMerge.class })
public class CustomerMergeImpl implements CustomerMerge {

    /** The record key of the moved contacts that were the merged customer's primary contact. */
    private static final String PRIMARY_CONTACT = "contact/primary";

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    private final CustomerService customers;
    private final List<CustomerMergeParticipant> participants = new CopyOnWriteArrayList<>();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    @Activate
    public CustomerMergeImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference DomainEventPublisher events,
            @Reference CustomerService customers) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.customers = customers;
    }

    /** The modules that move their records on a merge (opportunities and leads, contracts …). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addParticipant(CustomerMergeParticipant participant) {
        participants.add(participant);
    }

    public void removeParticipant(CustomerMergeParticipant participant) {
        participants.remove(participant);
    }

    /** The audit trail the merge is recorded in (DS sets it when the audit bundle runs; tests call this). */
    public CustomerMergeImpl auditTrail(AuditTrail trail) {
        this.audit = trail;
        return this;
    }

    // ---- the duplicate finder

    @Override
    public List<DuplicateGroup> duplicates(int limit) {
        security.check(Action.READ, Customer.ENTITY, null);
        return unitOfWork.read(em -> {
            List<DuplicateGroup> groups = new ArrayList<>();
            groups.addAll(sameColumn(em, "CREDIT_CODE", Reason.CREDIT_CODE));
            groups.addAll(sameContactValue(em, "SB_CONTACT_PHONE", "PHONE", Reason.PHONE));
            groups.addAll(sameContactValue(em, "SB_CONTACT_EMAIL", "EMAIL", Reason.EMAIL));
            groups.addAll(sameColumn(em, "NORMALIZED_NAME", Reason.NAME));
            return groups.size() > limit ? List.copyOf(groups.subList(0, Math.max(0, limit))) : groups;
        });
    }

    /** One query: the customers whose {@code column} (not empty) another customer has too, by value then id. */
    private static List<DuplicateGroup> sameColumn(EntityManager em, String column, Reason reason) {
        List<?> rows = MaskingViews.query(em, "SELECT c." + column + ", c.ID, c.NAME, c.VERSION FROM {SB_CUSTOMER} c WHERE c.DELETED_AT IS NULL AND c." + column
                + " IN (SELECT d." + column + " FROM {SB_CUSTOMER} d WHERE d.DELETED_AT IS NULL AND d." + column + " IS NOT NULL AND d." + column
                + " <> '' GROUP BY d." + column + " HAVING COUNT(*) > 1) ORDER BY c." + column + ", c.ID").getResultList();
        List<DuplicateGroup> groups = new ArrayList<>();
        String key = null;
        List<Member> members = null;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            if (!r[0].equals(key)) {
                key = (String) r[0];
                members = new ArrayList<>();
                groups.add(new DuplicateGroup(reason, key, members));
            }
            members.add(new Member(((Number) r[1]).longValue(), (String) r[2], ((Number) r[3]).longValue()));
        }
        return groups.stream().map(g -> new DuplicateGroup(g.reason(), g.value(), List.copyOf(g.members()))).toList();
    }

    /**
     * One pass over the contacts' phones or e-mails, keyed by the digits (without a country code) or the lower-case
     * address in a hash map: the customers sharing a key are a group.
     */
    private List<DuplicateGroup> sameContactValue(EntityManager em, String table, String column, Reason reason) {
        List<?> rows = MaskingViews.query(em, "SELECT v." + column + ", c.ID, c.NAME, c.VERSION FROM " + table + " v JOIN {SB_CONTACT} k ON k.ID = v.CONTACT_ID"
                + " JOIN {SB_CUSTOMER} c ON c.ID = k.CUSTOMER_ID WHERE k.DELETED_AT IS NULL AND c.DELETED_AT IS NULL").getResultList();
        Map<String, TreeSet<Long>> byKey = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> versions = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String key = reason == Reason.PHONE ? phoneKey((String) r[0]) : emailKey((String) r[0]);
            if (key != null) {
                long id = ((Number) r[1]).longValue();
                byKey.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
                names.putIfAbsent(id, (String) r[2]);
                versions.putIfAbsent(id, ((Number) r[3]).longValue());
            }
        }
        Map<String, TreeSet<Long>> shared = new TreeMap<>();
        byKey.forEach((key, ids) -> {
            if (ids.size() > 1) {
                shared.put(key, ids);
            }
        });
        List<DuplicateGroup> groups = new ArrayList<>();
        shared.forEach((key, ids) -> groups.add(new DuplicateGroup(reason, key, ids.stream().map(id -> new Member(id, names.get(id), versions.get(id))).toList())));
        groups.sort(Comparator.comparing((DuplicateGroup g) -> g.members().get(0).id()).thenComparing(DuplicateGroup::value));
        return groups;
    }

    static String phoneKey(String phone) {
        String digits = phone == null ? "" : SearchTerms.withoutCountryCode(SearchTerms.digits(phone));
        return digits.length() < 5 ? null : digits;
    }

    static String emailKey(String email) {
        String key = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        return key.indexOf('@') <= 0 ? null : key;
    }

    // ---- the merge

    @Override
    public MergeResult merge(long keepId, long otherId, Set<String> takeFromOther, Long keepVersion, Long otherVersion) {
        Set<String> take = takeFromOther == null ? Set.of() : takeFromOther;
        for (String field : take) {
            if (!FIELDS.contains(field)) {
                throw refused("take", NLS.bind(Messages.Merge_unknownField, field, String.join(", ", FIELDS)), field);
            }
        }
        if (keepId == otherId) {
            throw refused("other", NLS.bind(Messages.Merge_same, keepId), otherId);
        }
        MergeResult result = unitOfWork.write(em -> {
            Customer keep = existing(em, keepId, "keep");
            Customer other = existing(em, otherId, "other");
            if (keepVersion != null) {
                ConcurrentChangeException.checkVersion(Customer.ENTITY, keepId, keepVersion, keep.getVersion(), keep.getUpdatedBy());
            }
            if (otherVersion != null) {
                ConcurrentChangeException.checkVersion(Customer.ENTITY, otherId, otherVersion, other.getVersion(), other.getUpdatedBy());
            }
            security.check(Action.UPDATE, Customer.ENTITY, keep.getOwner());
            security.check(Action.DELETE, Customer.ENTITY, other.getOwner());
            long keepBefore = keep.getVersion();
            if (take.contains("owner")) {
                security.check(Action.UPDATE, Customer.ENTITY, other.getOwner());
            }
            String otherName = other.getName();
            MergeRecordText record = new MergeRecordText();
            for (String field : FIELDS) {
                record.field(field, get(keep, field));
            }
            record.tags(keep.getTags());
            takeFields(keep, other, take);
            for (String tag : other.getTags()) {
                keep.getTags().add(tag);
            }
            keep.setNormalizedName(CompanyNames.normalise(keep.getName()));
            Map<String, Integer> moved = new LinkedHashMap<>();
            boolean hasPrimary = keep.getContacts().stream().anyMatch(k -> !k.isDeleted() && k.isPrimary());
            int contacts = 0;
            for (Contact contact : List.copyOf(other.getContacts())) {
                if (!contact.isDeleted()) {
                    record.moved(Contact.ENTITY, contact.getId());
                    if (contact.isPrimary()) {
                        record.moved(PRIMARY_CONTACT, contact.getId());
                    }
                    contact.setPrimary(contact.isPrimary() && !hasPrimary);
                    hasPrimary |= contact.isPrimary();
                    other.getContacts().remove(contact);
                    keep.addContact(contact);
                    contacts++;
                }
            }
            moved.put(Contact.ENTITY, contacts);
            int activities = 0;
            for (Activity activity : List.copyOf(other.getActivities())) {
                if (!activity.isDeleted()) {
                    record.moved(Activity.ENTITY, activity.getId());
                    other.getActivities().remove(activity);
                    keep.addActivity(activity);
                    activities++;
                }
            }
            moved.put(Activity.ENTITY, activities);
            customers.validate(keep);
            em.flush();
            for (CustomerMergeParticipant participant : participants) {
                participant.moveCustomer(otherId, keepId).forEach((entity, ids) -> {
                    ids.forEach(id -> record.moved(entity, id));
                    if (entity.indexOf('/') < 0) {
                        moved.merge(entity, ids.size(), Integer::sum);
                    }
                });
            }
            em.flush();
            long otherNow = version(em, otherId);
            customers.delete(otherId, otherNow);
            em.flush();
            CustomerMergeRecord saved = new CustomerMergeRecord(keepId, otherId, version(em, keepId), version(em, otherId), record.text());
            saved.setOwner(keep.getOwner());
            saved.setKeepBefore(keepBefore);
            em.persist(saved);
            em.flush();
            AuditTrail trail = audit;
            String details = NLS.bind(Messages.Merge_audit, new Object[] { otherId, otherName, describe(moved), saved.getId() });
            if (trail != null) {
                trail.record(Customer.ENTITY, keepId, AuditKind.OTHER, details);
            }
            unitOfWork.afterCommit(() -> {
                CustomerSearch.of(unitOfWork.settings()).written(List.of(keepId));
                events.publish(Customer.ENTITY, Change.UPDATED, keepId);
            });
            return new MergeResult(keepId, otherId, moved, saved.getId());
        });
        return result;
    }

    @Override
    public List<MergeResult> mergeEach(long keepId, List<Long> otherIds, List<Set<String>> takes, List<Long> seenVersions) {
        return mergeEach(unitOfWork, this, keepId, otherIds, takes, seenVersions);
    }

    /**
     * {@link org.salesbench.customers.RecordMerge#mergeEach}, for any kind: each other merged in turn into the survivor,
     * taking the fields of its set, in one unit of work (each merge joins it), the survivor's seen version checked on the
     * first only.
     */
    static List<MergeResult> mergeEach(UnitOfWork unitOfWork, org.salesbench.customers.RecordMerge merge, long keepId, List<Long> otherIds,
            List<Set<String>> takes, List<Long> seenVersions) {
        if (otherIds.isEmpty()) {
            throw refused("merge", Messages.MergeAll_none, keepId);
        }
        if (seenVersions != null && seenVersions.size() != otherIds.size() + 1) {
            throw refused("seenVersion", NLS.bind(Messages.MergeAll_versions, otherIds.size() + 1, seenVersions.size()), seenVersions);
        }
        if (new java.util.HashSet<>(otherIds).size() != otherIds.size()) {
            throw refused("merge", NLS.bind(Messages.MergeAll_twice, otherIds), otherIds);
        }
        if (takes.size() != otherIds.size()) {
            throw new IllegalArgumentException(takes.size() + " sets of fields for " + otherIds.size() + " records");
        }
        return unitOfWork.write(em -> {
            List<MergeResult> results = new ArrayList<>();
            for (int i = 0; i < otherIds.size(); i++) {
                Long keepVersion = seenVersions == null || i > 0 ? null : seenVersions.get(0);
                Long otherVersion = seenVersions == null ? null : seenVersions.get(i + 1);
                results.add(merge.merge(keepId, otherIds.get(i), takes.get(i), keepVersion, otherVersion));
            }
            return List.copyOf(results);
        });
    }

    @Override
    public List<MergeResult> unmergeAll(List<Long> mergeIds) {
        return unmergeAll(unitOfWork, this, mergeIds);
    }

    /** {@link org.salesbench.customers.RecordMerge#unmergeAll}, for any kind: the last merge first, in one unit of work. */
    static List<MergeResult> unmergeAll(UnitOfWork unitOfWork, org.salesbench.customers.RecordMerge merge, List<Long> mergeIds) {
        return unitOfWork.write(em -> {
            List<MergeResult> results = new ArrayList<>();
            for (int i = mergeIds.size() - 1; i >= 0; i--) {
                results.add(merge.unmerge(mergeIds.get(i)));
                em.flush();
            }
            return List.copyOf(results);
        });
    }

    /** The customer's version as stored now (flushed changes included). */
    private static long version(EntityManager em, long customerId) {
        return ((Number) MaskingViews.query(em, "SELECT VERSION FROM {SB_CUSTOMER} WHERE ID = ?").setParameter(1, customerId).getSingleResult())
                .longValue();
    }

    // ---- the undo

    @Override
    public MergeResult unmerge(long mergeId) {
        return unitOfWork.write(em -> {
            CustomerMergeRecord saved = em.find(CustomerMergeRecord.class, mergeId);
            if (saved == null) {
                throw refused("merge", NLS.bind(Messages.Unmerge_unknown, mergeId), mergeId);
            }
            if (!Customer.ENTITY.equals(saved.getEntity())) {
                throw refused("merge", NLS.bind(Messages.Unmerge_otherKind, new Object[] { mergeId, saved.getEntity(), Customer.ENTITY }), mergeId);
            }
            if (saved.getUndoneAt() != null) {
                throw refused("merge", NLS.bind(Messages.Unmerge_done, new Object[] { mergeId, saved.getUndoneBy(), saved.getUndoneAt() }), mergeId);
            }
            long keepId = saved.getKeepId();
            long otherId = saved.getMergedId();
            Customer keep = em.find(Customer.class, keepId);
            if (keep == null || keep.isDeleted()) {
                throw refused("keep", NLS.bind(Messages.Unmerge_keepGone, mergeId, keepId), keepId);
            }
            if (!saved.keepUnchanged(em, keep.getVersion())) {
                throw refused("keep", NLS.bind(Messages.Unmerge_changed, new Object[] { mergeId, keepId, keep.getName(), keep.getUpdatedBy() }), keepId);
            }
            List<?> other = MaskingViews.query(em, "SELECT VERSION, DELETED_AT, NAME, UPDATED_BY FROM {SB_CUSTOMER} WHERE ID = ?").setParameter(1, otherId)
                    .getResultList();
            if (other.isEmpty() || ((Object[]) other.get(0))[1] == null) {
                throw refused("other", NLS.bind(Messages.Unmerge_otherGone, mergeId, otherId), otherId);
            }
            Object[] o = (Object[]) other.get(0);
            if (((Number) o[0]).longValue() != saved.getMergedVersion()) {
                throw refused("other", NLS.bind(Messages.Unmerge_changed, new Object[] { mergeId, otherId, o[2], o[3] }), otherId);
            }
            security.check(Action.UPDATE, Customer.ENTITY, keep.getOwner());
            MergeRecordText record = MergeRecordText.parse(saved.getRecord());
            // the merged customer comes back from the bin (as the recycle bin would bring it back: checked, audited)
            new org.salesbench.persistence.SoftDeletion(Customer.ENTITY, "SB_CUSTOMER", "NAME", unitOfWork, security).restore(otherId,
                    saved.getMergedVersion(), x -> { }, () -> { });
            em.flush();
            Customer restored = em.find(Customer.class, otherId);
            em.refresh(restored);
            Map<String, Integer> movedBack = new LinkedHashMap<>();
            List<Long> primary = record.ids(PRIMARY_CONTACT);
            int contacts = 0;
            for (long id : record.ids(Contact.ENTITY)) {
                Contact contact = em.find(Contact.class, id);
                if (contact == null || contact.isDeleted() || contact.getCustomer() == null || contact.getCustomer().getId() != keepId) {
                    throw refused("contact", NLS.bind(Messages.Unmerge_recordMoved, new Object[] { mergeId, Contact.ENTITY, id, keepId }), id);
                }
                keep.getContacts().remove(contact);
                contact.setPrimary(primary.contains(id));
                restored.addContact(contact);
                contacts++;
            }
            movedBack.put(Contact.ENTITY, contacts);
            int activities = 0;
            for (long id : record.ids(Activity.ENTITY)) {
                Activity activity = em.find(Activity.class, id);
                if (activity == null || activity.isDeleted() || activity.getCustomer() == null || activity.getCustomer().getId() != keepId) {
                    throw refused("activity", NLS.bind(Messages.Unmerge_recordMoved, new Object[] { mergeId, Activity.ENTITY, id, keepId }), id);
                }
                keep.getActivities().remove(activity);
                restored.addActivity(activity);
                activities++;
            }
            movedBack.put(Activity.ENTITY, activities);
            for (String field : FIELDS) {
                set(keep, field, record.field(field));
            }
            keep.getTags().clear();
            keep.getTags().addAll(record.tags());
            keep.setNormalizedName(CompanyNames.normalise(keep.getName()));
            customers.validate(keep);
            em.flush();
            Map<String, List<Long>> theirs = record.participants();
            if (!theirs.isEmpty()) {
                for (CustomerMergeParticipant participant : participants) {
                    participant.moveBack(otherId, keepId, theirs).forEach((entity, count) -> movedBack.merge(entity, count, Integer::sum));
                }
            }
            em.flush();
            saved.undone(java.time.Instant.now(org.salesbench.core.time.Clocks.system()), security.currentUser().login());
            saved.setKeepUndone(version(em, keepId));
            AuditTrail trail = audit;
            if (trail != null) {
                trail.record(Customer.ENTITY, keepId, AuditKind.OTHER,
                        NLS.bind(Messages.Unmerge_audit, new Object[] { mergeId, otherId, restored.getName(), describe(movedBack) }));
                trail.record(Customer.ENTITY, otherId, AuditKind.OTHER, NLS.bind(Messages.Unmerge_auditOther, mergeId, keepId));
            }
            unitOfWork.afterCommit(() -> {
                CustomerSearch.of(unitOfWork.settings()).written(List.of(keepId, otherId));
                events.publish(Customer.ENTITY, Change.UPDATED, keepId);
                events.publish(Customer.ENTITY, Change.UPDATED, otherId);
            });
            return new MergeResult(keepId, otherId, movedBack, mergeId);
        });
    }

    /** "2 contact, 3 activity, 1 opportunity" for the audit trail's details. */
    static String describe(Map<String, Integer> moved) {
        StringBuilder text = new StringBuilder();
        moved.forEach((entity, count) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(count).append(' ').append(entity);
        });
        return text.toString();
    }

    private static void takeFields(Customer keep, Customer other, Set<String> take) {
        for (String field : FIELDS) {
            Object mine = get(keep, field);
            Object theirs = get(other, field);
            boolean empty = mine == null || mine instanceof String s && s.isBlank();
            if (theirs != null && (take.contains(field) || empty && !"name".equals(field))) {
                set(keep, field, theirs);
            }
        }
    }

    private static Object get(Customer c, String field) {
        return switch (field) {
        case "name" -> c.getName();
        case "shortName" -> c.getShortName();
        case "creditCode" -> c.getCreditCode();
        case "industry" -> c.getIndustry();
        case "region" -> c.getRegion();
        case "address" -> c.getAddress();
        case "size" -> c.getSize();
        case "grade" -> c.getGrade();
        case "source" -> c.getSource();
        case "status" -> c.getStatus();
        case "nextFollowUp" -> c.getNextFollowUp();
        case "needs" -> c.getNeeds();
        case "notes" -> c.getNotes();
        case "owner" -> c.getOwner();
        default -> throw new IllegalArgumentException(field);
        };
    }

    private static void set(Customer c, String field, Object value) {
        switch (field) {
        case "name" -> c.setName((String) value);
        case "shortName" -> c.setShortName((String) value);
        case "creditCode" -> c.setCreditCode((String) value);
        case "industry" -> c.setIndustry((String) value);
        case "region" -> c.setRegion((String) value);
        case "address" -> c.setAddress((String) value);
        case "size" -> c.setSize((String) value);
        case "grade" -> c.setGrade((String) value);
        case "source" -> c.setSource((String) value);
        case "status" -> c.setStatus((org.salesbench.customers.CustomerStatus) value);
        case "nextFollowUp" -> c.setNextFollowUp((java.time.LocalDate) value);
        case "needs" -> c.setNeeds((String) value);
        case "notes" -> c.setNotes((String) value);
        case "owner" -> c.setOwner((String) value);
        default -> throw new IllegalArgumentException(field);
        }
    }

    private static Customer existing(EntityManager em, long id, String field) {
        Customer customer = em.find(Customer.class, id);
        if (customer == null || customer.isDeleted()) {
            throw refused(field, NLS.bind(Messages.Customer_notFound, id), id);
        }
        return customer;
    }

    static ValidationException refused(String field, String message, Object value) {
        return new ValidationException(List.of(new FieldError(field, message, value)));
    }
}
