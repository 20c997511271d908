package org.salesbench.opportunities.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.recyclebin.Dependent;
import org.salesbench.core.recyclebin.Dependent.Fate;
import org.salesbench.core.recyclebin.RecycleBinKind;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldMask;
import org.salesbench.core.security.FieldSecurity;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Validator;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.CustomerLookup;
import org.salesbench.opportunities.ConversionRequest;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadConversion;
import org.salesbench.opportunities.LeadDuplicate;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.LeadRow;
import org.salesbench.opportunities.LeadScreening;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadSort;
import org.salesbench.opportunities.LeadSource;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.ScoringRule;
import org.salesbench.opportunities.ScoringRuleKind;
import org.salesbench.opportunities.assignment.AssignableKind;
import org.salesbench.opportunities.assignment.AssignmentService;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.BoundPicklists;
import org.salesbench.persistence.Picklists;
import org.salesbench.persistence.SoftDeletingService;
import org.salesbench.persistence.SoftDeletion;
import org.salesbench.persistence.SqlParameters;
import org.salesbench.persistence.UnitOfWork;

/** Leads: screening on every save, conversion through the customer and opportunity services in one transaction. */
@Component(service = { LeadService.class, RecycleBinKind.class })
public class LeadServiceImpl extends SoftDeletingService implements LeadService {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    private final CustomerService customers;
    private final CustomerLookup lookup;
    private final OpportunityService opportunities;
    private final Clock clock;

    @Activate
    public LeadServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference DomainEventPublisher events,
            @Reference CustomerService customers, @Reference CustomerLookup lookup, @Reference OpportunityService opportunities) {
        this(unitOfWork, security, events, customers, lookup, opportunities, Clocks.system());
    }

    /** With the clock that stamps conversions. */
    public LeadServiceImpl(UnitOfWork unitOfWork, SecurityService security, DomainEventPublisher events,
            CustomerService customers, CustomerLookup lookup, OpportunityService opportunities, Clock clock) {
        super(Lead.ENTITY, "SB_LEAD", "COMPANY", 300, unitOfWork, security, events);
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.customers = customers;
        this.lookup = lookup;
        this.opportunities = opportunities;
        this.clock = clock;
        this.picklists = new BoundPicklists(unitOfWork, security);
    }

    /** The workbench's and the CLI's picklist service (one cache for every reader); a bare setup opens its own. */
    private final BoundPicklists picklists;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setPicklists(Picklists picklists) {
        this.picklists.bind(picklists);
    }

    public void unsetPicklists(Picklists picklists) {
        this.picklists.unbind(picklists);
    }

    private Picklists picklists() {
        return picklists.get();
    }

    /** Assigns new records created without an owner, when that is switched on; absent in a bare setup. */
    private volatile AssignmentService assignment;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setAssignmentService(AssignmentService assignment) {
        this.assignment = assignment;
    }

    public void unsetAssignmentService(AssignmentService assignment) {
        if (this.assignment == assignment) {
            this.assignment = null;
        }
    }

    @Override
    public Lead create(Lead lead) {
        security.check(Action.CREATE, Lead.ENTITY, null);
        prepare(lead);
        validate(lead);
        if (lead.getStatus() == LeadStatus.CONVERTED) {
            throw new ValidationException(List.of(new FieldError("status", NLS.bind(Messages.Lead_notQualified, Messages.Lead_status,
                    lead.getStatus()), lead.getStatus())));
        }
        boolean ownerGiven = lead.getOwner() != null;
        return unitOfWork.write(em -> {
            apply(lead, LeadScreener.screen(em, customers, lead));
            em.persist(lead);
            AssignmentService assigner = assignment;
            if (!ownerGiven && assigner != null) {
                em.flush();
                assigner.autoAssign(AssignableKind.LEAD, lead.getId());
            }
            unitOfWork.afterCommit(() -> events.publish(Lead.ENTITY, Change.CREATED, lead.getId()));
            return lead;
        });
    }

    @Override
    public Lead update(Lead lead) {
        security.check(Action.UPDATE, Lead.ENTITY, lead.getOwner());
        prepare(lead);
        validate(lead);
        return unitOfWork.write(em -> {
            Lead stored = em.find(Lead.class, lead.getId());
            if (stored == null || stored.isDeleted()) {
                throw notFound(lead.getId());
            }
            security.check(Action.UPDATE, Lead.ENTITY, stored.getOwner()); // the stored owner decides
            FieldSecurity.checkEdits(security, Lead.ENTITY, stored, lead);
            if ((lead.getStatus() == LeadStatus.CONVERTED) != (stored.getStatus() == LeadStatus.CONVERTED)) {
                throw new ValidationException(List.of(new FieldError("status", stored.getStatus() == LeadStatus.CONVERTED
                        ? Messages.Lead_alreadyConverted : NLS.bind(Messages.Lead_notQualified, Messages.Lead_status, stored.getStatus()), lead.getStatus())));
            }
            // the conversion links are the service's to write
            lead.setCustomerId(stored.getCustomerId());
            lead.setContactId(stored.getContactId());
            lead.setOpportunityId(stored.getOpportunityId());
            lead.setConvertedAt(stored.getConvertedAt());
            apply(lead, LeadScreener.screen(em, customers, lead));
            Lead merged = em.merge(lead);
            unitOfWork.afterCommit(() -> events.publish(Lead.ENTITY, Change.UPDATED, merged.getId()));
            return merged;
        });
    }

    /** To the recycle bin: opportunities and leads that name it keep the id until it is purged. */
    @Override
    public void delete(long id) {
        softDelete(id, () -> notFound(id));
    }

    @Override
    public void deleteAll(Map<Long, Long> seenVersions) {
        softDelete(seenVersions, id -> notFound(id));
    }

    @Override
    public String label() {
        return Messages.RecycleBin_leads;
    }

    /** The deals converted from it and the leads marked its duplicates lose the id. */
    @Override
    protected void beforePurge(EntityManager em, long id) {
        MaskingViews.query(em, "UPDATE SB_OPPORTUNITY SET LEAD_ID = NULL WHERE LEAD_ID = ?").setParameter(1, id).executeUpdate();
        MaskingViews.query(em, "UPDATE SB_LEAD SET DUPLICATE_LEAD_ID = NULL WHERE DUPLICATE_LEAD_ID = ?").setParameter(1, id).executeUpdate();
    }

    /** A customer's leads stay when it is deleted, and show it as deleted; a purge takes the id from them. */
    @Override
    public List<Dependent> dependentsOf(String entity, long id) {
        if (!Customer.ENTITY.equals(entity)) {
            return List.of();
        }
        long leads = unitOfWork.read(em -> ((Number) MaskingViews.query(em, "SELECT COUNT(*) FROM {SB_LEAD} WHERE CUSTOMER_ID = ? OR DUPLICATE_CUSTOMER_ID = ?")
                .setParameter(1, id).setParameter(2, id).getSingleResult()).longValue());
        return List.of(new Dependent(Lead.ENTITY, Messages.RecycleBin_leads, leads, Fate.KEEP_LINK, false));
    }

    @Override
    public Optional<Lead> find(long id) {
        return unitOfWork.read(em -> {
            Lead lead = em.find(Lead.class, id);
            if (lead == null || lead.isDeleted()) {
                return Optional.empty();
            }
            security.check(Action.READ, Lead.ENTITY, lead.getOwner());
            if (!security.fieldRules(Lead.ENTITY).isEmpty()) {
                em.detach(lead); // blanked fields must never be written back
                FieldSecurity.redact(security, Lead.ENTITY, lead);
            }
            return Optional.of(lead);
        });
    }

    @Override
    public void validate(Lead lead) {
        Validator v = new Validator();
        if (v.required("company", Messages.Lead_company, lead.getCompany())) {
            v.maxLength("company", Messages.Lead_company, lead.getCompany(), 200);
        }
        String code = CreditCode.normalise(lead.getCreditCode());
        if (code != null && !code.isEmpty()) {
            CreditCode.validate(v, "creditCode", Messages.Lead_creditCode, code);
        }
        v.maxLength("contactName", Messages.Lead_contactName, lead.getContactName(), 128);
        v.maxLength("contactTitle", Messages.Lead_contactTitle, lead.getContactTitle(), 128);
        v.phone("phone", Messages.Lead_phone, lead.getPhone());
        v.maxLength("phone", Messages.Lead_phone, lead.getPhone(), 32);
        v.email("email", Messages.Lead_email, lead.getEmail());
        v.maxLength("email", Messages.Lead_email, lead.getEmail(), 254);
        v.maxLength("industry", Messages.Lead_industry, lead.getIndustry(), 64);
        v.maxLength("need", Messages.Lead_need, lead.getNeed(), 4000);
        if (lead.getBudget() != null) {
            v.notNegative("budget", Messages.Lead_budget, lead.getBudget().getAmount());
            v.amount("budget", Messages.Lead_budget, lead.getBudget().getAmount());
        }
        v.required("status", Messages.Lead_status, lead.getStatus());
        v.maxLength("disqualifyReason", Messages.Lead_disqualifyReason, lead.getDisqualifyReason(), 500);
        if (lead.getStatus() == LeadStatus.DISQUALIFIED && (lead.getDisqualifyReason() == null || lead.getDisqualifyReason().isBlank())) {
            v.add("disqualifyReason", Messages.Lead_disqualifyReasonRequired, Messages.Lead_disqualifyReason);
        }
        if (lead.getSource() != null && !lead.getSource().isBlank()) {
            if (!isSource(lead.getSource())) {
                v.add("source", Messages.Lead_unknownSource, Messages.Lead_source, lead.getSource());
            }
        }
        v.throwIfInvalid();
    }

    /**
     * Whether {@code code} is a lead source's: the list as read (kept a while), else the table itself (a value another
     * reader of the picklists added a moment ago, say an import's {@code --add-values}).
     */
    private boolean isSource(String code) {
        if (picklists().values(Picklists.LEAD_SOURCE).stream().anyMatch(p -> p.code().equals(code))) {
            return true;
        }
        return unitOfWork.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SB_PICKLIST_VALUE WHERE LIST_ID = ?1 AND CODE = ?2")
                .setParameter(1, Picklists.LEAD_SOURCE).setParameter(2, code).getSingleResult()).longValue() > 0);
    }

    /** Normalises what people type and keeps the folded columns in step. */
    private void prepare(Lead lead) {
        if (lead.getCompany() != null) {
            lead.setCompany(lead.getCompany().strip());
        }
        lead.setNormalizedCompany(lookup.foldName(lead.getCompany()));
        String code = CreditCode.normalise(lead.getCreditCode());
        lead.setCreditCode(code == null || code.isEmpty() ? null : code);
        lead.setPhone(blankToNull(lead.getPhone()));
        lead.setPhoneDigits(lead.getPhone() == null ? null : lookup.phoneDigits(lead.getPhone()));
        String email = blankToNull(lead.getEmail());
        lead.setEmail(email == null ? null : email.toLowerCase(Locale.ROOT));
        lead.setContactName(blankToNull(lead.getContactName()));
        // codes stored, labels shown: a source or campaign named by a code or either label is stored as the code
        lead.setSource(picklists.leadSource(lead.getSource()));
        lead.setCampaign(picklists.leadSource(lead.getCampaign()));
        lead.setSize(picklists.code(Picklists.COMPANY_SIZE, lead.getSize()));
        lead.setIndustry(blankToNull(lead.getIndustry()));
        if (lead.getStatus() != LeadStatus.DISQUALIFIED && lead.getStatus() != null) {
            lead.setDisqualifyReason(blankToNull(lead.getDisqualifyReason()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void apply(Lead lead, LeadScreening screening) {
        lead.setScore(screening.score());
        lead.setGrade(screening.grade());
        lead.setDuplicate(screening.isDuplicate());
        LeadDuplicate first = screening.duplicates().isEmpty() ? null : screening.duplicates().get(0);
        lead.setDuplicateReason(first == null ? null : first.reason());
        lead.setDuplicateCustomerId(screening.duplicates().stream().filter(d -> d.kind() == LeadDuplicate.Kind.CUSTOMER)
                .map(LeadDuplicate::id).findFirst().orElse(null));
        lead.setDuplicateLeadId(screening.duplicates().stream().filter(d -> d.kind() == LeadDuplicate.Kind.LEAD)
                .map(LeadDuplicate::id).findFirst().orElse(null));
    }

    @Override
    public LeadScreening screen(Lead lead) {
        security.check(Action.READ, Lead.ENTITY, null);
        prepare(lead);
        return unitOfWork.read(em -> LeadScreener.screen(em, customers, lead));
    }

    @Override
    public Lead disqualify(long id, String reason) {
        Lead lead = find(id).orElseThrow(() -> notFound(id));
        lead.setStatus(LeadStatus.DISQUALIFIED);
        lead.setDisqualifyReason(reason);
        return update(lead);
    }

    @Override
    public LeadConversion convert(long leadId, ConversionRequest request) {
        ConversionRequest r = request == null ? ConversionRequest.DEFAULTS : request;
        return unitOfWork.write(em -> {
            Lead lead = em.find(Lead.class, leadId);
            if (lead == null || lead.isDeleted()) {
                throw notFound(leadId);
            }
            security.check(Action.UPDATE, Lead.ENTITY, lead.getOwner());
            if (lead.getStatus() != LeadStatus.QUALIFIED) {
                throw new ValidationException(List.of(new FieldError("status", lead.getStatus() == LeadStatus.CONVERTED ? Messages.Lead_alreadyConverted
                        : NLS.bind(Messages.Lead_notQualified, Messages.Lead_status, lead.getStatus()), lead.getStatus())));
            }
            Pipeline pipeline = pipeline(em, r.pipelineId());

            // 1. the customer: the one asked for, else the duplicate screening finds now, else a new one
            Long existingId = r.customerId() != null ? r.customerId()
                    : LeadScreener.screen(em, customers, lead).duplicates().stream().filter(d -> d.kind() == LeadDuplicate.Kind.CUSTOMER)
                            .map(LeadDuplicate::id).findFirst().orElse(null);
            Contact contact = contactOf(lead);
            Customer customer;
            boolean created = existingId == null;
            if (created) {
                Customer fresh = new Customer(lead.getCompany());
                fresh.setCreditCode(lead.getCreditCode());
                fresh.setIndustry(lead.getIndustry());
                fresh.setSize(lead.getSize());
                fresh.setSource(lead.getSource());
                fresh.setNeeds(lead.getNeed());
                fresh.setStatus(CustomerStatus.PROSPECT);
                fresh.setOwner(lead.getOwner());
                contact.setPrimary(true);
                fresh.addContact(contact);
                customer = customers.create(fresh);
            } else {
                customer = em.find(Customer.class, existingId);
                if (customer == null) {
                    throw new ValidationException(List.of(new FieldError("customerId", NLS.bind(Messages.Customer_notFound,
                            Messages.Opportunity_customer, existingId), existingId)));
                }
                customer.addContact(contact);
                em.persist(contact);
                customer = customers.update(customer);
            }
            em.flush();

            // 2. the opportunity, through its service: same rules, first history row, event after commit
            Opportunity opportunity = new Opportunity(customer, r.opportunityName() != null ? r.opportunityName()
                    : NLS.bind(Messages.Conversion_opportunityName, lead.getCompany()),
                    r.amount() != null ? r.amount() : lead.getBudget() != null ? lead.getBudget() : org.salesbench.core.model.Money.zero(
                            org.salesbench.core.model.Money.DEFAULT_CURRENCY));
            opportunity.setPipeline(pipeline);
            opportunity.setExpectedCloseDate(r.expectedCloseDate());
            opportunity.setLeadId(lead.getId());
            opportunity.setSource(lead.getSource());
            opportunity.setIndustry(lead.getIndustry());
            opportunity.setDescription(lead.getNeed());
            // the converter names no owner for the deal: the assignment strategy picks one when that is
            // switched on for opportunities, otherwise the lead's owner keeps it
            AssignmentService assigner = assignment;
            if (assigner == null || !assigner.isAutoAssignEnabled(AssignableKind.OPPORTUNITY)) {
                opportunity.setOwner(lead.getOwner());
            }
            opportunity = opportunities.create(opportunity);

            // 3. the lead keeps the links
            lead.setStatus(LeadStatus.CONVERTED);
            lead.setCustomerId(customer.getId());
            lead.setContactId(contact.getId());
            lead.setOpportunityId(opportunity.getId());
            lead.setConvertedAt(clock.instant());
            LeadConversion result = new LeadConversion(leadId, customer.getId(), created, contact.getId(), opportunity.getId());
            unitOfWork.afterCommit(() -> events.publish(Lead.ENTITY, Change.UPDATED, leadId));
            return result;
        });
    }

    @Override
    public Lead recordConversion(long leadId, long customerId, Instant convertedAt) {
        return unitOfWork.write(em -> {
            Lead lead = em.find(Lead.class, leadId);
            if (lead == null || lead.isDeleted()) {
                throw notFound(leadId);
            }
            security.check(Action.UPDATE, Lead.ENTITY, lead.getOwner());
            if (lead.getStatus() == LeadStatus.CONVERTED) {
                throw new ValidationException(List.of(new FieldError("status", Messages.Lead_alreadyConverted, lead.getStatus())));
            }
            Customer customer = em.find(Customer.class, customerId);
            if (customer == null || customer.isDeleted()) {
                throw new ValidationException(List.of(new FieldError("customerId", NLS.bind(Messages.Customer_notFound,
                        Messages.Opportunity_customer, customerId), customerId)));
            }
            lead.setStatus(LeadStatus.CONVERTED);
            lead.setCustomerId(customerId);
            lead.setConvertedAt(convertedAt != null ? convertedAt : clock.instant());
            unitOfWork.afterCommit(() -> events.publish(Lead.ENTITY, Change.UPDATED, leadId));
            return lead;
        });
    }

    private static Contact contactOf(Lead lead) {
        Contact contact = new Contact(lead.getContactName() != null ? lead.getContactName() : lead.getCompany());
        contact.setTitle(lead.getContactTitle());
        if (lead.getPhone() != null) {
            contact.getPhones().add(lead.getPhone());
        }
        if (lead.getEmail() != null) {
            contact.getEmails().add(lead.getEmail());
        }
        return contact;
    }

    private static Pipeline pipeline(EntityManager em, Long pipelineId) {
        if (pipelineId != null) {
            Pipeline p = em.find(Pipeline.class, pipelineId);
            if (p == null) {
                throw new ValidationException(List.of(new FieldError("pipelineId", NLS.bind(Messages.Pipeline_notFound, pipelineId), pipelineId)));
            }
            return p;
        }
        List<Pipeline> active = em.createQuery("SELECT p FROM Pipeline p WHERE p.active = TRUE ORDER BY p.position, p.id", Pipeline.class)
                .setMaxResults(1).getResultList();
        if (active.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("pipelineId", NLS.bind(Messages.Pipeline_notFound, ""), null)));
        }
        return active.get(0);
    }

    private static ValidationException notFound(long id) {
        return new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Lead_notFound, id), id)));
    }

    // --- the list -------------------------------------------------------------------------

    private static String where(LeadFilter filter, List<Object> params) {
        List<String> conditions = new ArrayList<>(List.of(SoftDeletion.notDeleted(null)));
        if (filter.text() != null && !filter.text().isBlank()) {
            String prefix = filter.text().strip().toUpperCase(Locale.ROOT).replace("%", "") + "%";
            conditions.add("(UPPER(COMPANY) LIKE ? OR UPPER(CONTACT_NAME) LIKE ?)");
            params.add(prefix);
            params.add(prefix);
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add("STATUS IN (" + String.join(", ", java.util.Collections.nCopies(filter.statuses().size(), "?")) + ")");
            filter.statuses().forEach(s -> params.add(s.name()));
        }
        if (filter.owner() != null) {
            conditions.add("OWNER = ?");
            params.add(filter.owner());
        }
        if (filter.duplicatesOnly()) {
            conditions.add("DUPLICATE = TRUE");
        }
        if (filter.source() != null) {
            conditions.add("SOURCE = ?");
            params.add(filter.source());
        }
        return " WHERE " + String.join(" AND ", conditions);
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    @Override
    public long count(LeadFilter filter) {
        security.check(Action.READ, Lead.ENTITY, null);
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return unitOfWork.read(em -> ((Number) bind(MaskingViews.query(em, "SELECT COUNT(*) FROM {SB_LEAD}" + where), params).getSingleResult()).longValue());
    }

    @Override
    public List<LeadRow> page(LeadFilter filter, int offset, int limit) {
        security.check(Action.READ, Lead.ENTITY, null);
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return rows(where + " ORDER BY CREATED_AT DESC, ID DESC OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit)
                + " ROWS ONLY", params);
    }

    @Override
    public List<LeadRow> page(LeadFilter filter, LeadSort sort, int offset, int limit) {
        security.check(Action.READ, Lead.ENTITY, null);
        LeadSort order = sort == null || FieldMask.of(security, Lead.ENTITY).hides(sort.column().field()) ? LeadSort.DEFAULT : sort;
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        String direction = order.ascending() ? "" : " DESC";
        return rows(where + " ORDER BY " + order.column().sqlColumn() + direction + ", ID" + direction + " OFFSET " + Math.max(0, offset)
                + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY", params);
    }

    @Override
    public List<LeadRow> ofCustomer(long customerId) {
        security.check(Action.READ, Lead.ENTITY, null);
        return rows(" WHERE (CUSTOMER_ID = ? OR DUPLICATE_CUSTOMER_ID = ?) AND " + SoftDeletion.notDeleted(null) + " ORDER BY CREATED_AT DESC, ID DESC",
                new ArrayList<>(List.of(customerId, customerId)));
    }

    /** Lead list rows of {@code SB_LEAD} with the given WHERE/ORDER tail. */
    private List<LeadRow> rows(String tail, List<Object> params) {
        FieldMask mask = FieldMask.of(security, Lead.ENTITY);
        return mask.applyAll(unitOfWork.read(em -> {
            List<LeadRow> rows = new ArrayList<>();
            for (Object row : bind(MaskingViews.query(em, "SELECT ID, COMPANY, CONTACT_NAME, SOURCE, INDUSTRY, STATUS, SCORE, GRADE, DUPLICATE, OWNER, CREATED_AT,"
                    + " VERSION FROM {SB_LEAD}" + tail), params).getResultList()) {
                Object[] r = (Object[]) row;
                rows.add(new LeadRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        LeadStatus.valueOf((String) r[5]), ((Number) r[6]).intValue(), (String) r[7], Boolean.TRUE.equals(r[8]) || Integer.valueOf(1).equals(r[8]),
                        (String) r[9], r[10] instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) r[10], ((Number) r[11]).longValue()));
            }
            return rows;
        }));
    }

    @Override
    public long[] ids(LeadFilter filter) {
        security.check(Action.READ, Lead.ENTITY, null);
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return unitOfWork.read(em -> bind(MaskingViews.query(em, "SELECT ID FROM {SB_LEAD}" + where + " ORDER BY CREATED_AT DESC, ID DESC"), params)
                .getResultList().stream().mapToLong(id -> ((Number) id).longValue()).toArray());
    }

    // --- configuration ----------------------------------------------------------------------

    @Override
    public List<LeadSource> sources(boolean activeOnly) {
        security.check(Action.READ, Lead.ENTITY, null);
        Picklists p = picklists();
        return (activeOnly ? p.activeValues(Picklists.LEAD_SOURCE) : p.values(Picklists.LEAD_SOURCE)).stream().map(LeadSource::of).toList();
    }

    @Override
    public List<LeadSource> saveSources(List<LeadSource> sources) {
        security.check(Action.READ, Lead.ENTITY, null);
        Validator v = new Validator();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            LeadSource s = sources.get(i);
            String prefix = "sources[" + i + "].";
            if (s.getCode() != null) {
                s.setCode(s.getCode().strip());
            }
            if (v.required(prefix + "code", Messages.Source_code, s.getCode())) {
                v.maxLength(prefix + "code", Messages.Source_code, s.getCode(), 64);
                if (!codes.add(s.getCode().toUpperCase(Locale.ROOT))) {
                    v.add(prefix + "code", Messages.Pipeline_duplicateStage, Messages.Source_code, s.getCode());
                }
            }
            if (v.required(prefix + "name", Messages.Source_name, s.getName())) {
                v.maxLength(prefix + "name", Messages.Source_name, s.getName(), 128);
                v.maxLength(prefix + "name", Messages.Source_name, s.getNameZh(), 128);
            }
        }
        v.throwIfInvalid();
        Picklists p = picklists();
        String list = Picklists.LEAD_SOURCE;
        try {
            unitOfWork.write(em -> {
                Map<String, PicklistValue> stored = new java.util.HashMap<>();
                p.values(list).forEach(value -> stored.put(value.code().toUpperCase(Locale.ROOT), value));
                List<String> order = new ArrayList<>();
                for (LeadSource s : sources) {
                    String zh = s.getNameZh() == null || s.getNameZh().isBlank() ? s.getName() : s.getNameZh();
                    PicklistValue old = stored.remove(s.getCode().toUpperCase(Locale.ROOT));
                    if (old == null) {
                        order.add(p.add(list, s.getCode(), s.getName(), zh).code());
                        continue;
                    }
                    if (!old.labelEn().equals(s.getName().strip()) || !old.labelZh().equals(zh.strip())) {
                        p.rename(list, old.code(), s.getName(), zh);
                    }
                    if (old.active() != s.isActive()) {
                        p.setActive(list, old.code(), s.isActive());
                    }
                    order.add(old.code());
                }
                for (PicklistValue left : stored.values()) { // left out: no longer offered, kept for the records that have it
                    if (left.active()) {
                        p.setActive(list, left.code(), false);
                    }
                }
                for (int i = 0; i < order.size(); i++) {
                    List<String> now = p.values(list).stream().map(PicklistValue::code).toList();
                    if (!order.get(i).equals(now.get(i))) {
                        p.move(list, order.get(i), i);
                    }
                }
                return null;
            });
        } catch (IllegalArgumentException e) { // a code malformed or taken, a name another source has
            throw new ValidationException(List.of(new FieldError("sources", e.getMessage(), null)));
        }
        return sources(false);
    }

    @Override
    public List<ScoringRule> scoringRules() {
        security.check(Action.READ, Lead.ENTITY, null);
        return unitOfWork.read(em -> em.createQuery("SELECT r FROM ScoringRule r ORDER BY r.kind, r.points DESC, r.id", ScoringRule.class).getResultList());
    }

    @Override
    public List<ScoringRule> saveScoringRules(List<ScoringRule> rules) {
        security.check(Action.UPDATE, Lead.ENTITY, null);
        Validator v = new Validator();
        String sizes = String.join(", ", picklists().activeValues(Picklists.COMPANY_SIZE).stream().map(s -> s.code()).toList());
        for (int i = 0; i < rules.size(); i++) {
            ScoringRule rule = rules.get(i);
            String prefix = "rules[" + i + "].";
            if (!v.required(prefix + "kind", Messages.ScoringRule_kind, rule.getKind())) {
                continue;
            }
            v.maxLength(prefix + "value", Messages.ScoringRule_value, rule.getValue(), 200);
            String value = rule.getValue() == null ? null : rule.getValue().strip();
            switch (rule.getKind()) {
                case BUDGET_AT_LEAST -> {
                    if (v.required(prefix + "value", Messages.ScoringRule_value, value) && !LeadScreener.isNumber(value)) {
                        v.add(prefix + "value", Messages.ScoringRule_badNumber, Messages.ScoringRule_value, value);
                    }
                }
                case SIZE -> {
                    if (v.required(prefix + "value", Messages.ScoringRule_value, value)) {
                        // a company size's code or either label, stored as the code
                        java.util.Optional<String> size = picklists().resolve(Picklists.COMPANY_SIZE, value);
                        if (size.isEmpty()) {
                            v.add(prefix + "value", Messages.ScoringRule_badSize, Messages.ScoringRule_value, value, sizes);
                        } else {
                            rule.setValue(size.get());
                        }
                    }
                }
                case EXISTING_CUSTOMER, WON_BEFORE -> {
                    // no value
                }
                default -> v.required(prefix + "value", Messages.ScoringRule_value, value);
            }
            if (rule.getKind() == ScoringRuleKind.GRADE) {
                v.notNegative(prefix + "points", Messages.ScoringRule_points, java.math.BigDecimal.valueOf(rule.getPoints()));
            }
        }
        v.throwIfInvalid();
        // an industry rule compares the lead's industry code: a value naming an industry by its code or label in
        // either language is stored as its code, any other text as written
        org.salesbench.persistence.Picklists picklists = rules.stream().anyMatch(r -> r.getKind() == ScoringRuleKind.INDUSTRY)
                ? org.salesbench.persistence.Picklists.open(unitOfWork, security)
                : null;
        List<String> values = rules.stream().map(rule -> {
            String value = rule.getValue() == null ? null : rule.getValue().strip();
            return rule.getKind() == ScoringRuleKind.INDUSTRY && value != null
                    ? picklists.resolve(org.salesbench.persistence.Picklists.INDUSTRY, value).orElse(value)
                    : value;
        }).toList();
        return unitOfWork.write(em -> {
            em.createQuery("DELETE FROM ScoringRule r").executeUpdate();
            List<ScoringRule> saved = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                ScoringRule rule = rules.get(i);
                String value = values.get(i);
                ScoringRule copy = new ScoringRule(rule.getKind(), value, rule.getPoints());
                em.persist(copy);
                saved.add(copy);
            }
            return saved;
        });
    }

    @Override
    public int purgeOwnedBy(Collection<String> owners) {
        if (owners.isEmpty()) {
            return 0;
        }
        owners.forEach(owner -> security.check(Action.DELETE, Lead.ENTITY, owner));
        return unitOfWork.write(em -> {
            String in = SqlParameters.in(owners.size());
            String ofOwners = " IN (SELECT ID FROM {SB_LEAD} WHERE OWNER" + in + ")";
            // as in delete: deals converted from these leads and leads marked as their duplicates forget them
            SqlParameters.bind(MaskingViews.query(em, "UPDATE SB_OPPORTUNITY SET LEAD_ID = NULL WHERE LEAD_ID" + ofOwners), owners).executeUpdate();
            SqlParameters.bind(MaskingViews.query(em, "UPDATE SB_LEAD SET DUPLICATE_LEAD_ID = NULL WHERE DUPLICATE_LEAD_ID" + ofOwners), owners).executeUpdate();
            int deleted = SqlParameters.bind(MaskingViews.query(em, "DELETE FROM SB_LEAD WHERE OWNER" + in), owners).executeUpdate();
            // one event for the lot, as for an import: views read the list again
            unitOfWork.afterCommit(() -> events.publishImported(Lead.ENTITY, deleted));
            return deleted;
        });
    }
}
