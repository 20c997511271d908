package org.salesbench.customers.internal;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

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
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Activity;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.DuplicateCandidate.Reason;
import org.salesbench.customers.DuplicateGroup;
import org.salesbench.customers.DuplicateGroup.Member;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.RecordMerge;
import org.salesbench.customers.RecordMergeParticipant;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.SoftDeletion;
import org.salesbench.persistence.Picklists;
import org.salesbench.persistence.UnitOfWork;

import jakarta.persistence.EntityManager;

/**
 * The duplicate finder and the merge of contacts, built as the customers' ({@link CustomerMergeImpl}): the survivor
 * keeps its field values but those taken (and fills its empty ones), gains the other's phones and e-mails and, when the
 * other was its customer's primary contact, the primary flag; the activities that name the other name the survivor, and
 * every module's records that point at it move through its {@link RecordMergeParticipant} (tasks, the leads converted
 * into it); the other goes to the recycle bin. What the undo needs is kept in {@code SB_CUSTOMER_MERGE} (entity
 * {@code contact}) in the same {@link MergeRecordText} form.
 */
@Component(service = RecordMerge.class)
public class ContactMergeImpl implements RecordMerge {

    /** The fields a contact merge can take from the merged contact; phones and e-mails are always gathered. */
    public static final List<String> FIELDS = List.of("name", "title", "department", "decisionRole");

    private static final String PRIMARY = "primary";

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    private final CustomerService customers;
    private final SoftDeletion bin;
    private final List<RecordMergeParticipant> participants = new CopyOnWriteArrayList<>();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    @Activate
    public ContactMergeImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference DomainEventPublisher events,
            @Reference CustomerService customers) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.customers = customers;
        this.bin = new SoftDeletion(Contact.ENTITY, "SB_CONTACT", "NAME", unitOfWork, security);
    }

    /** The modules whose records point at contacts (tasks, leads …). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addParticipant(RecordMergeParticipant participant) {
        participants.add(participant);
    }

    public void removeParticipant(RecordMergeParticipant participant) {
        participants.remove(participant);
    }

    /** The audit trail the merge is recorded in (DS sets it when the audit bundle runs; tests call this). */
    public ContactMergeImpl auditTrail(AuditTrail trail) {
        this.audit = trail;
        return this;
    }

    @Override
    public String entity() {
        return Contact.ENTITY;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    // ---- the duplicate finder

    /**
     * Contacts (not in the recycle bin, nor their customer) with the same phone (digits, no country code), e-mail (case
     * ignored) or folded name (case, width, spaces and punctuation ignored): one pass over each into a hash map. A
     * member's name is the contact's with its customer's in brackets.
     */
    @Override
    public List<DuplicateGroup> duplicates(int limit) {
        security.check(Action.READ, Contact.ENTITY, null);
        return unitOfWork.read(em -> {
            Map<Long, Member> members = new HashMap<>();
            List<Map.Entry<Long, String>> names = new ArrayList<>();
            for (Object row : MaskingViews.query(em, "SELECT k.ID, k.NAME, k.VERSION, c.NAME FROM {SB_CONTACT} k JOIN {SB_CUSTOMER} c ON c.ID = k.CUSTOMER_ID"
                    + " WHERE k.DELETED_AT IS NULL AND c.DELETED_AT IS NULL").getResultList()) {
                Object[] r = (Object[]) row;
                long id = ((Number) r[0]).longValue();
                members.put(id, new Member(id, r[1] + " (" + r[3] + ")", ((Number) r[2]).longValue()));
                names.add(Map.entry(id, (String) r[1]));
            }
            List<DuplicateGroup> groups = new ArrayList<>();
            groups.addAll(grouped(Reason.PHONE, values(em, "SB_CONTACT_PHONE", "PHONE", members), CustomerMergeImpl::phoneKey, members));
            groups.addAll(grouped(Reason.EMAIL, values(em, "SB_CONTACT_EMAIL", "EMAIL", members), CustomerMergeImpl::emailKey, members));
            groups.addAll(grouped(Reason.NAME, names, ContactMergeImpl::nameKey, members));
            return groups.size() > limit ? List.copyOf(groups.subList(0, Math.max(0, limit))) : groups;
        });
    }

    /** Each (contact id, value) of the contacts' phones or e-mails: a contact with two numbers gives two. */
    private static List<Map.Entry<Long, String>> values(EntityManager em, String table, String column, Map<Long, Member> live) {
        List<Map.Entry<Long, String>> values = new ArrayList<>();
        for (Object row : MaskingViews.query(em, "SELECT CONTACT_ID, " + column + " FROM " + table).getResultList()) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            if (live.containsKey(id) && r[1] != null) {
                values.add(Map.entry(id, (String) r[1]));
            }
        }
        return values;
    }

    private static List<DuplicateGroup> grouped(Reason reason, List<Map.Entry<Long, String>> values, Function<String, String> key,
            Map<Long, Member> members) {
        Map<String, TreeSet<Long>> byKey = new HashMap<>();
        for (Map.Entry<Long, String> value : values) {
            String k = key.apply(value.getValue());
            if (k != null) {
                byKey.computeIfAbsent(k, x -> new TreeSet<>()).add(value.getKey());
            }
        }
        Map<String, TreeSet<Long>> shared = new TreeMap<>();
        byKey.forEach((k, ids) -> {
            if (ids.size() > 1) {
                shared.put(k, ids);
            }
        });
        List<DuplicateGroup> groups = new ArrayList<>();
        shared.forEach((k, ids) -> groups.add(new DuplicateGroup(reason, k, ids.stream().map(members::get).toList())));
        groups.sort(Comparator.comparing((DuplicateGroup g) -> g.members().get(0).id()).thenComparing(DuplicateGroup::value));
        return groups;
    }

    /** A person's name folded: width (NFKC), case, spaces and punctuation ignored; null when under two characters. */
    static String nameKey(String name) {
        if (name == null) {
            return null;
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return folded.codePointCount(0, folded.length()) < 2 ? null : folded;
    }

    // ---- the merge

    @Override
    public MergeResult merge(long keepId, long otherId, Set<String> takeFromOther, Long keepVersion, Long otherVersion) {
        Set<String> take = takeFromOther == null ? Set.of() : takeFromOther;
        for (String field : take) {
            if (!FIELDS.contains(field)) {
                throw CustomerMergeImpl.refused("take", NLS.bind(Messages.ContactMerge_unknownField, field, String.join(", ", FIELDS)), field);
            }
        }
        if (keepId == otherId) {
            throw CustomerMergeImpl.refused("other", NLS.bind(Messages.ContactMerge_same, keepId), otherId);
        }
        return unitOfWork.write(em -> {
            Contact keep = existing(em, keepId, "keep");
            Contact other = existing(em, otherId, "other");
            if (keepVersion != null) {
                ConcurrentChangeException.checkVersion(Contact.ENTITY, keepId, keepVersion, keep.getVersion(), keep.getUpdatedBy());
            }
            if (otherVersion != null) {
                ConcurrentChangeException.checkVersion(Contact.ENTITY, otherId, otherVersion, other.getVersion(), other.getUpdatedBy());
            }
            security.check(Action.UPDATE, Contact.ENTITY, keep.getOwner());
            security.check(Action.DELETE, Contact.ENTITY, other.getOwner());
            long keepBefore = keep.getVersion();
            String otherName = other.getName();
            MergeRecordText record = new MergeRecordText();
            for (String field : FIELDS) {
                record.field(field, get(keep, field));
            }
            record.list("phone", keep.getPhones());
            record.list("email", keep.getEmails());
            record.text(PRIMARY, Boolean.toString(keep.isPrimary()));
            List<String> took = new ArrayList<>();
            for (String field : FIELDS) {
                Object mine = get(keep, field);
                Object theirs = get(other, field);
                boolean empty = mine == null || mine instanceof String s && s.isBlank();
                if (theirs != null && (take.contains(field) || empty)) {
                    if (!theirs.equals(mine)) {
                        took.add(fieldLabel(field));
                    }
                    set(keep, field, theirs);
                }
            }
            gather(keep.getPhones(), other.getPhones(), CustomerMergeImpl::phoneKey);
            gather(keep.getEmails(), other.getEmails(), CustomerMergeImpl::emailKey);
            boolean sameCustomer = keep.getCustomer().getId().equals(other.getCustomer().getId());
            if (sameCustomer && other.isPrimary()) {
                keep.setPrimary(true);
            }
            Map<String, Integer> moved = new LinkedHashMap<>();
            List<Activity> activities = em.createQuery("SELECT a FROM Activity a WHERE a.contact.id = :id ORDER BY a.id", Activity.class)
                    .setParameter("id", otherId).getResultList();
            for (Activity activity : activities) {
                activity.setContact(keep);
                record.moved(Activity.ENTITY, activity.getId());
            }
            moved.put(Activity.ENTITY, activities.size());
            customers.validate(keep.getCustomer());
            em.flush();
            for (RecordMergeParticipant participant : participants) {
                participant.moveRecord(Contact.ENTITY, otherId, keepId).forEach((entity, ids) -> {
                    ids.forEach(id -> record.moved(entity, id));
                    if (entity.indexOf('/') < 0) {
                        moved.merge(entity, ids.size(), Integer::sum);
                    }
                });
            }
            em.flush();
            Customer otherCustomer = other.getCustomer();
            otherCustomer.getContacts().remove(other);
            bin.delete(otherId, () -> CustomerMergeImpl.refused("other", NLS.bind(Messages.ContactMerge_notFound, otherId), otherId), () -> { });
            em.flush();
            CustomerMergeRecord saved = new CustomerMergeRecord(Contact.ENTITY, keepId, otherId, version(em, keepId), version(em, otherId), record.text());
            saved.setKeepBefore(keepBefore);
            saved.setOwner(keep.getOwner());
            em.persist(saved);
            em.flush();
            AuditTrail trail = audit;
            if (trail != null) {
                trail.record(Contact.ENTITY, keepId, AuditKind.OTHER,
                        NLS.bind(Messages.ContactMerge_audit, new Object[] { otherId, otherName, CustomerMergeImpl.describe(moved), saved.getId() })
                                + (took.isEmpty() ? "" : " " + NLS.bind(Messages.ContactMerge_took, String.join(", ", took))));
            }
            List<Long> touched = List.copyOf(new LinkedHashSet<>(List.of(keep.getCustomer().getId(), otherCustomer.getId())));
            unitOfWork.afterCommit(() -> written(touched));
            return new MergeResult(keepId, otherId, moved, saved.getId());
        });
    }

    @Override
    public List<MergeResult> mergeEach(long keepId, List<Long> otherIds, List<Set<String>> takes, List<Long> seenVersions) {
        return CustomerMergeImpl.mergeEach(unitOfWork, this, keepId, otherIds, takes, seenVersions);
    }

    @Override
    public List<MergeResult> unmergeAll(List<Long> mergeIds) {
        return CustomerMergeImpl.unmergeAll(unitOfWork, this, mergeIds);
    }

    /** Adds the other's values the list has not (compared by {@code key}). */
    private static void gather(List<String> mine, List<String> theirs, Function<String, String> key) {
        Set<String> have = new java.util.HashSet<>();
        mine.forEach(v -> have.add(String.valueOf(key.apply(v))));
        for (String value : theirs) {
            if (have.add(String.valueOf(key.apply(value)))) {
                mine.add(value);
            }
        }
    }

    private void written(List<Long> customerIds) {
        CustomerSearch.of(unitOfWork.settings()).written(customerIds);
        customerIds.forEach(id -> events.publish(Customer.ENTITY, Change.UPDATED, id));
    }

    private static long version(EntityManager em, long contactId) {
        return ((Number) MaskingViews.query(em, "SELECT VERSION FROM {SB_CONTACT} WHERE ID = ?").setParameter(1, contactId).getSingleResult()).longValue();
    }

    // ---- the undo

    @Override
    public MergeResult unmerge(long mergeId) {
        return unitOfWork.write(em -> {
            CustomerMergeRecord saved = em.find(CustomerMergeRecord.class, mergeId);
            if (saved == null) {
                throw CustomerMergeImpl.refused("merge", NLS.bind(Messages.Unmerge_unknown, mergeId), mergeId);
            }
            if (!Contact.ENTITY.equals(saved.getEntity())) {
                throw CustomerMergeImpl.refused("merge", NLS.bind(Messages.Unmerge_otherKind, new Object[] { mergeId, saved.getEntity(), Contact.ENTITY }),
                        mergeId);
            }
            if (saved.getUndoneAt() != null) {
                throw CustomerMergeImpl.refused("merge", NLS.bind(Messages.Unmerge_done, new Object[] { mergeId, saved.getUndoneBy(), saved.getUndoneAt() }),
                        mergeId);
            }
            long keepId = saved.getKeepId();
            long otherId = saved.getMergedId();
            Contact keep = em.find(Contact.class, keepId);
            if (keep == null) {
                throw CustomerMergeImpl.refused("keep", NLS.bind(Messages.ContactUnmerge_keepGone, mergeId, keepId), keepId);
            }
            if (!saved.keepUnchanged(em, keep.getVersion())) {
                throw CustomerMergeImpl.refused("keep",
                        NLS.bind(Messages.ContactUnmerge_changed, new Object[] { mergeId, keepId, keep.getName(), keep.getUpdatedBy() }), keepId);
            }
            List<?> other = MaskingViews.query(em, "SELECT k.VERSION, k.DELETED_AT, k.NAME, k.UPDATED_BY, c.DELETED_AT FROM {SB_CONTACT} k"
                    + " JOIN {SB_CUSTOMER} c ON c.ID = k.CUSTOMER_ID WHERE k.ID = ?").setParameter(1, otherId).getResultList();
            if (other.isEmpty() || ((Object[]) other.get(0))[1] == null || ((Object[]) other.get(0))[4] != null) {
                throw CustomerMergeImpl.refused("other", NLS.bind(Messages.ContactUnmerge_otherGone, mergeId, otherId), otherId);
            }
            Object[] o = (Object[]) other.get(0);
            if (((Number) o[0]).longValue() != saved.getMergedVersion()) {
                throw CustomerMergeImpl.refused("other", NLS.bind(Messages.ContactUnmerge_changed, new Object[] { mergeId, otherId, o[2], o[3] }), otherId);
            }
            security.check(Action.UPDATE, Contact.ENTITY, keep.getOwner());
            MergeRecordText record = MergeRecordText.parse(saved.getRecord());
            bin.restore(otherId, saved.getMergedVersion(), x -> { }, () -> { });
            em.flush();
            Contact restored = em.find(Contact.class, otherId);
            em.refresh(restored);
            if (!restored.getCustomer().getContacts().contains(restored)) {
                restored.getCustomer().getContacts().add(restored);
            }
            Map<String, Integer> movedBack = new LinkedHashMap<>();
            int activities = 0;
            for (long id : record.ids(Activity.ENTITY)) {
                Activity activity = em.find(Activity.class, id);
                if (activity == null || activity.getContact() == null || activity.getContact().getId() != keepId) {
                    throw CustomerMergeImpl.refused("activity", NLS.bind(Messages.ContactUnmerge_recordMoved, new Object[] { mergeId, Activity.ENTITY, id, keepId }),
                            id);
                }
                activity.setContact(restored);
                activities++;
            }
            movedBack.put(Activity.ENTITY, activities);
            for (String field : FIELDS) {
                String text = record.text("field." + field);
                set(keep, field, text);
            }
            keep.getPhones().clear();
            keep.getPhones().addAll(record.list("phone"));
            keep.getEmails().clear();
            keep.getEmails().addAll(record.list("email"));
            keep.setPrimary(Boolean.parseBoolean(record.text(PRIMARY)));
            customers.validate(keep.getCustomer());
            em.flush();
            Map<String, List<Long>> theirs = record.participants();
            if (!theirs.isEmpty()) {
                for (RecordMergeParticipant participant : participants) {
                    participant.moveRecordBack(Contact.ENTITY, otherId, keepId, theirs).forEach((entity, count) -> movedBack.merge(entity, count, Integer::sum));
                }
            }
            em.flush();
            saved.undone(Instant.now(Clocks.system()), security.currentUser().login());
            saved.setKeepUndone(version(em, keepId));
            AuditTrail trail = audit;
            if (trail != null) {
                trail.record(Contact.ENTITY, keepId, AuditKind.OTHER, NLS.bind(Messages.ContactUnmerge_audit,
                        new Object[] { mergeId, otherId, restored.getName(), CustomerMergeImpl.describe(movedBack) }));
                trail.record(Contact.ENTITY, otherId, AuditKind.OTHER, NLS.bind(Messages.ContactUnmerge_auditOther, mergeId, keepId));
            }
            List<Long> touched = List.copyOf(new LinkedHashSet<>(List.of(keep.getCustomer().getId(), restored.getCustomer().getId())));
            unitOfWork.afterCommit(() -> written(touched));
            return new MergeResult(keepId, otherId, movedBack, mergeId);
        });
    }

    private static Object get(Contact c, String field) {
        return switch (field) {
        case "name" -> c.getName();
        case "title" -> c.getTitle();
        case "department" -> c.getDepartment();
        case "decisionRole" -> c.getDecisionRole();
        default -> throw new IllegalArgumentException(field);
        };
    }

    private static void set(Contact c, String field, Object value) {
        switch (field) {
        case "name" -> c.setName((String) value);
        case "title" -> c.setTitle((String) value);
        case "department" -> c.setDepartment((String) value);
        case "decisionRole" -> c.setDecisionRole((String) value);
        default -> throw new IllegalArgumentException(field);
        }
    }

    @Override
    public Map<String, String> shown(long id) {
        return unitOfWork.read(em -> {
            Contact c = existing(em, id, "id");
            security.check(Action.READ, Contact.ENTITY, c.getOwner());
            Map<String, String> shown = new LinkedHashMap<>();
            Picklists picklists = Picklists.open(unitOfWork, security);
            for (String field : FIELDS) {
                Object value = get(c, field);
                shown.put(field, value == null ? "" : "decisionRole".equals(field) ? picklists.label(Picklists.DECISION_ROLE, (String) value)
                        : value.toString().strip());
            }
            return shown;
        });
    }

    @Override
    public String fieldLabel(String field) {
        return switch (field) {
        case "name" -> Messages.Contact_name;
        case "title" -> Messages.Contact_title;
        case "department" -> Messages.Contact_department;
        case "decisionRole" -> Messages.Contact_decisionRole;
        default -> field;
        };
    }

    private static Contact existing(EntityManager em, long id, String field) {
        Contact contact = em.find(Contact.class, id);
        if (contact == null || contact.isDeleted() || contact.getCustomer() == null || contact.getCustomer().isDeleted()) {
            throw CustomerMergeImpl.refused(field, NLS.bind(Messages.ContactMerge_notFound, id), id);
        }
        return contact;
    }
}
