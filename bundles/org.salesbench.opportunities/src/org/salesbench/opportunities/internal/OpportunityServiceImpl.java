package org.salesbench.opportunities.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;

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
import org.salesbench.core.security.Scope;
import org.salesbench.core.security.FieldMask;
import org.salesbench.core.security.FieldSecurity;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Validator;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.Board;
import org.salesbench.opportunities.BoardCard;
import org.salesbench.opportunities.BoardColumn;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.ForecastCategory;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityRow;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.OpportunitySort;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.ProductCatalog;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageHistory;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.StageRule;
import org.salesbench.opportunities.assignment.AssignableKind;
import org.salesbench.opportunities.assignment.AssignmentService;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.BoundPicklists;
import org.salesbench.persistence.Picklists;
import org.salesbench.persistence.SoftDeletingService;
import org.salesbench.persistence.SqlParameters;
import org.salesbench.persistence.UnitOfWork;

/** Opportunities: validation, stage rules, stage history, the board; one transaction per call, events after commit. */
@Component(service = { OpportunityService.class, RecycleBinKind.class })
public class OpportunityServiceImpl extends SoftDeletingService implements OpportunityService {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    private final Clock clock;
    private final Map<String, StageRule> rules = new ConcurrentHashMap<>();

    @Activate
    public OpportunityServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security,
            @Reference DomainEventPublisher events) {
        this(unitOfWork, security, events, Clocks.system());
    }

    /** With the clock that says what "today" is: close dates in the past, this quarter, overdue deals. */
    public OpportunityServiceImpl(UnitOfWork unitOfWork, SecurityService security, DomainEventPublisher events, Clock clock) {
        super(Opportunity.ENTITY, "SB_OPPORTUNITY", "NAME", 200, unitOfWork, security, events);
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.clock = clock;
        BuiltInStageRules.all().forEach(r -> rules.put(r.id(), r));
        this.picklists = new BoundPicklists(unitOfWork, security);
    }

    /** The lead sources a deal's source and campaign name (the workbench's and the CLI's picklist service; a bare setup opens its own). */
    private final BoundPicklists picklists;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setPicklists(Picklists picklists) {
        this.picklists.bind(picklists);
    }

    public void unsetPicklists(Picklists picklists) {
        this.picklists.unbind(picklists);
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

    /** The products an opportunity may name (the quotes module's catalogue); absent in a bare setup. */
    private volatile ProductCatalog productCatalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setProductCatalog(ProductCatalog catalog) {
        this.productCatalog = catalog;
    }

    public void unsetProductCatalog(ProductCatalog catalog) {
        if (this.productCatalog == catalog) {
            this.productCatalog = null;
        }
    }

    /** Stage rules contributed by other modules (the quotes module's {@link StageRule#QUOTE}, add-ons). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addStageRule(StageRule rule) {
        rules.put(rule.id(), rule);
    }

    public void removeStageRule(StageRule rule) {
        rules.remove(rule.id(), rule);
    }

    @Override
    public Opportunity create(Opportunity opportunity) {
        security.check(Action.CREATE, Opportunity.ENTITY, null);
        prepare(opportunity);
        boolean ownerGiven = opportunity.getOwner() != null;
        return unitOfWork.write(em -> {
            Validator v = new Validator();
            resolve(em, v, opportunity);
            if (opportunity.getStage() != null && opportunity.getStage().isClosed()) {
                v.add("stage", Messages.Opportunity_closedStageOnCreate, Messages.Opportunity_stage);
            }
            validate(v, opportunity, LocalDate.now(clock));
            v.throwIfInvalid();
            if (opportunity.getEngagedOn() == null) {
                opportunity.setEngagedOn(LocalDate.now(clock));
            }
            Stage stage = opportunity.getStage();
            if (opportunity.getProbability() == 0) {
                opportunity.setProbability(stage.getProbability());
            }
            opportunity.setState(stage.getKind());
            Instant now = clock.instant();
            opportunity.setStageEnteredAt(now);
            if (opportunity.getIndustry() == null) {
                opportunity.setIndustry(opportunity.getCustomer().getIndustry());
            }
            em.persist(opportunity);
            em.persist(new StageHistory(opportunity, null, stage, security.currentUser().login(), now));
            AssignmentService assigner = assignment;
            if (!ownerGiven && assigner != null) {
                em.flush();
                assigner.autoAssign(AssignableKind.OPPORTUNITY, opportunity.getId());
            }
            unitOfWork.afterCommit(() -> events.publish(Opportunity.ENTITY, Change.CREATED, opportunity.getId()));
            return opportunity;
        });
    }

    @Override
    public Opportunity update(Opportunity opportunity) {
        prepare(opportunity);
        return unitOfWork.write(em -> {
            Opportunity stored = em.find(Opportunity.class, opportunity.getId());
            if (stored == null || stored.isDeleted()) {
                throw notFound(opportunity.getId());
            }
            // an editor's copy older than the stored deal: refused here, naming who changed it (the commit's check cannot)
            ConcurrentChangeException.checkVersion(Opportunity.ENTITY, opportunity.getId(), opportunity.getVersion(), stored.getVersion(),
                    stored.getUpdatedBy());
            // the stored owner decides, or an edit share (the database's update policy lets the same through)
            security.checkUpdate(Opportunity.ENTITY, stored.getOwner(), opportunity.getOwner(), stored.getId());
            FieldSecurity.checkEdits(security, Opportunity.ENTITY, stored, opportunity);
            Validator v = new Validator();
            resolve(em, v, opportunity);
            if (opportunity.getStage() != null && !stored.getStage().getId().equals(opportunity.getStage().getId())) {
                v.add("stage", Messages.Opportunity_useMoveToStage, Messages.Opportunity_stage);
            }
            validate(v, opportunity, createdOn(stored));
            v.throwIfInvalid();
            // derived columns follow the stored stage, whatever the caller's copy says
            opportunity.setState(stored.getState());
            opportunity.setStageEnteredAt(stored.getStageEnteredAt());
            Opportunity merged = em.merge(opportunity);
            unitOfWork.afterCommit(() -> events.publish(Opportunity.ENTITY, Change.UPDATED, merged.getId()));
            return merged;
        });
    }

    /** To the recycle bin with its quotes (trigger); its history stays with it, leads keep the id until it is purged. */
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
        return Messages.RecycleBin_opportunities;
    }

    /** Refused while its customer is in the recycle bin: restoring the customer brings the deal back with it. */
    @Override
    protected void checkRestore(EntityManager em, long id) {
        Opportunity opportunity = em.find(Opportunity.class, id);
        refuseRestoreIf(opportunity.getCustomer().isDeleted(), "customer",
                NLS.bind(Messages.RecycleBin_customerDeleted, opportunity.getName(), opportunity.getCustomer().getName()), id);
    }

    /** A customer's deals go to the bin with it, and keep it from being purged while they exist. */
    @Override
    public List<Dependent> dependentsOf(String entity, long id) {
        if (!Customer.ENTITY.equals(entity)) {
            return List.of();
        }
        long deals = unitOfWork.read(em -> ((Number) MaskingViews.query(em, "SELECT COUNT(*) FROM {SB_OPPORTUNITY} WHERE CUSTOMER_ID = ?")
                .setParameter(1, id).getSingleResult()).longValue());
        return List.of(new Dependent(Opportunity.ENTITY, Messages.RecycleBin_opportunities, deals, Fate.MOVED_TO_BIN, true));
    }


    /**
     * The READ check of a stored deal: the user's roles, a share of the deal, or a place on its customer's account team
     * (a share of the customer), which the database's row-level security lets through too.
     */
    private void checkRead(Opportunity opportunity) {
        if (security.isPermitted(Action.READ, Opportunity.ENTITY, opportunity.getOwner())
                || opportunity.getCustomer() != null && security.isSharedWith("customer", opportunity.getCustomer().getId(), false)) {
            return;
        }
        security.check(Action.READ, Opportunity.ENTITY, opportunity.getOwner(), opportunity.getId());
    }

    @Override
    public Optional<Opportunity> find(long id) {
        return unitOfWork.read(em -> {
            Opportunity opportunity = em.find(Opportunity.class, id);
            if (opportunity == null || opportunity.isDeleted()) {
                return Optional.empty();
            }
            checkRead(opportunity);
            load(opportunity);
            if (!security.fieldRules(Opportunity.ENTITY).isEmpty()) {
                em.detach(opportunity); // blanked fields must never be written back
                FieldSecurity.redact(security, Opportunity.ENTITY, opportunity);
            }
            return Optional.of(opportunity);
        });
    }

    /** Ids per query: under every database's limit on the parameters of one statement. */
    private static final int FIND_ALL_PAGE = 1000;

    @Override
    public List<Opportunity> findAll(long[] ids) {
        if (ids.length == 0) {
            return List.of();
        }
        boolean redact = !security.fieldRules(Opportunity.ENTITY).isEmpty();
        return unitOfWork.read(em -> {
            List<Opportunity> found = new ArrayList<>();
            for (int from = 0; from < ids.length; from += FIND_ALL_PAGE) {
                List<Long> page = new ArrayList<>();
                for (int i = from; i < Math.min(ids.length, from + FIND_ALL_PAGE); i++) {
                    page.add(ids[i]);
                }
                // the customer, stage, pipeline and both collections of the whole page in one query each, not per record
                List<Opportunity> loaded = em.createQuery("SELECT o FROM Opportunity o WHERE o.id IN :ids", Opportunity.class)
                        .setParameter("ids", page).setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "o.customer")
                        .setHint("eclipselink.batch", "o.stage").setHint("eclipselink.batch", "o.pipeline")
                        .setHint("eclipselink.batch", "o.teamMembers").setHint("eclipselink.batch", "o.competitors").getResultList();
                for (Opportunity opportunity : loaded) {
                    if (opportunity.isDeleted() || !security.isPermitted(Action.READ, Opportunity.ENTITY, opportunity.getOwner())) {
                        continue;
                    }
                    load(opportunity);
                    if (redact) {
                        em.detach(opportunity); // blanked fields must never be written back
                        FieldSecurity.redact(security, Opportunity.ENTITY, opportunity);
                    }
                    found.add(opportunity);
                }
            }
            return found;
        });
    }

    private static void load(Opportunity opportunity) {
        opportunity.getTeamMembers().size();
        opportunity.getCompetitors().size();
        PipelineServiceImpl.load(opportunity.getPipeline());
    }

    @Override
    public void validate(Opportunity opportunity) {
        prepare(opportunity);
        unitOfWork.read(em -> {
            Validator v = new Validator();
            resolve(em, v, opportunity);
            LocalDate createdOn = opportunity.getCreatedAt() == null ? LocalDate.now(clock)
                    : LocalDate.ofInstant(opportunity.getCreatedAt(), clock.getZone());
            validate(v, opportunity, createdOn);
            v.throwIfInvalid();
            return null;
        });
    }

    /** Whether {@link #create} hands a deal created without an owner to the assignment service (switched on for deals). */
    public boolean assignsNewDeals() {
        AssignmentService assigner = assignment;
        return assigner != null && assigner.isAutoAssignEnabled(AssignableKind.OPPORTUNITY);
    }

    /** The stage rules {@link #checkNew} can judge on a deal not yet stored: they need nothing beyond it. */
    private static final Set<String> IN_MEMORY_RULES = Set.of(StageRule.AMOUNT, StageRule.CLOSE_DATE, StageRule.NEXT_STEP);

    /**
     * Whether {@link #checkNew} can judge a new deal closed on {@code stage}: each of its rules needs nothing but the deal,
     * or says what it says of every new deal without one ({@link StageRule#judgesNewDeals}, e.g. workflow's process).
     */
    public boolean checksInMemory(Stage stage) {
        for (String ruleId : stage.getRequiredRules()) {
            StageRule rule = rules.get(ruleId);
            if (!IN_MEMORY_RULES.contains(ruleId) && (rule == null || !rule.judgesNewDeals())) {
                return false;
            }
        }
        return true;
    }

    /**
     * For an import's bulk load, which writes a new deal's rows itself: what {@link #create} makes of {@code o} and,
     * for a deal closed on {@code target} ({@code o}'s closed date and loss reason set), what the move there
     * ({@link #markWon}, {@link #markLost}) makes of it, in memory and with the same checks and messages. {@code o}
     * has its customer (no id needed) and pipeline; it is left as they would store it (stage, state,
     * probability, engaged and closed dates, forecast category). The target's rules must be
     * {@link #checksInMemory judged in memory}.
     *
     * @param newDeals what the rules that judge new deals without a stored one said, by rule, stage created on and
     *        target stage: kept by the caller for its run, so each is asked once per pair of stages
     * @return the errors, none when the deal may be stored
     */
    public List<FieldError> checkNew(Opportunity o, Stage target, Map<List<Object>, Optional<String>> newDeals) {
        security.check(Action.CREATE, Opportunity.ENTITY, null);
        prepare(o);
        LocalDate today = LocalDate.now(clock);
        Validator v = new Validator();
        v.required("customer", Messages.Opportunity_customer, o.getCustomer());
        // a closed deal is created on the first open stage and moved; an open one is created on its stage
        Stage first = target.isClosed() ? o.getPipeline().firstStage(StageKind.OPEN).orElse(null) : target;
        o.setStage(first);
        v.required("stage", Messages.Opportunity_stage, first);
        validate(v, o, today);
        if (!v.errors().isEmpty()) {
            return v.errors();
        }
        if (o.getEngagedOn() == null) {
            o.setEngagedOn(today);
        }
        if (o.getProbability() == 0) {
            o.setProbability(first.getProbability());
        }
        o.setState(first.getKind());
        if (target.getId().equals(first.getId())) {
            return List.of();
        }
        if (o.getClosedOn() != null && o.getEngagedOn() != null && o.getClosedOn().isBefore(o.getEngagedOn())) {
            o.setEngagedOn(o.getClosedOn());
        }
        for (String ruleId : target.getRequiredRules()) { // as checkRules, for the deal as the move would find it just created
            StageRule rule = rules.get(ruleId);
            String refusal = IN_MEMORY_RULES.contains(ruleId) ? rule.refusal(o, target).orElse(null)
                    : newDeals.computeIfAbsent(List.of(ruleId, first.getId(), target.getId()), k -> rule.refusalOfNewDeals(first, target)).orElse(null);
            if (refusal != null) {
                v.add("stageId", Messages.Rule_refused, target.getLabel(), refusal);
            }
        }
        if (target.getKind() == StageKind.LOST && blank(o.getLossReason())) {
            v.add("lossReason", Messages.Opportunity_lossReasonRequired, Messages.Opportunity_lossReason);
        }
        validate(v, o, today);
        if (!v.errors().isEmpty()) {
            return v.errors();
        }
        o.setStage(target);
        o.setState(target.getKind());
        o.setProbability(target.getProbability());
        switch (target.getKind()) {
            case WON -> o.setForecastCategory(ForecastCategory.CLOSED);
            case LOST -> o.setForecastCategory(ForecastCategory.OMITTED);
            case OPEN -> {
            }
        }
        if (o.getClosedOn() == null && target.isClosed()) {
            o.setClosedOn(today);
        }
        return List.of();
    }

    /** The field rules that need no database. */
    private static void validate(Validator v, Opportunity o, LocalDate createdOn) {
        if (v.required("name", Messages.Opportunity_name, o.getName())) {
            v.maxLength("name", Messages.Opportunity_name, o.getName(), 200);
        }
        if (v.required("amount", Messages.Opportunity_amount, o.getAmount())) {
            v.notNegative("amount", Messages.Opportunity_amount, o.getAmount().getAmount());
            v.amount("amount", Messages.Opportunity_amount, o.getAmount().getAmount());
        }
        // historic deals (an import) set the day they were engaged; others start the day they are created
        if (o.getEngagedOn() == null) {
            v.notBefore("expectedCloseDate", Messages.Opportunity_closeDate, o.getExpectedCloseDate(), Messages.Opportunity_createdOn, createdOn);
        } else {
            v.notBefore("expectedCloseDate", Messages.Opportunity_closeDate, o.getExpectedCloseDate(), Messages.Opportunity_engagedOn, o.getEngagedOn());
        }
        if (o.getProbability() < 0 || o.getProbability() > 100) {
            v.add("probability", Messages.Probability_range, Messages.Opportunity_probability, o.getProbability());
        }
        v.required("forecastCategory", Messages.Opportunity_forecastCategory, o.getForecastCategory());
        o.getTeamMembers().forEach(m -> v.maxLength("teamMembers", Messages.Opportunity_teamMember, m, 64));
        o.getCompetitors().forEach(c -> v.maxLength("competitors", Messages.Opportunity_competitor, c, 128));
        v.maxLength("nextStep", Messages.Opportunity_nextStep, o.getNextStep(), 500);
        v.maxLength("lossReason", Messages.Opportunity_lossReason, o.getLossReason(), 500);
        v.maxLength("source", Messages.Opportunity_source, o.getSource(), 64);
        v.maxLength("industry", Messages.Opportunity_industry, o.getIndustry(), 64);
        v.maxLength("description", Messages.Opportunity_description, o.getDescription(), 4000);
        if (o.getState() == StageKind.LOST && (o.getLossReason() == null || o.getLossReason().isBlank())) {
            v.add("lossReason", Messages.Opportunity_lossReasonRequired, Messages.Opportunity_lossReason);
        }
    }

    /**
     * Replaces the customer, pipeline and stage the caller set with the stored ones, naming the
     * field of each that does not exist or does not fit; a missing stage becomes the first open one.
     */
    private void resolve(EntityManager em, Validator v, Opportunity o) {
        if (v.required("customer", Messages.Opportunity_customer, o.getCustomer())) {
            Customer customer = o.getCustomer().getId() == null ? null : em.find(Customer.class, o.getCustomer().getId());
            if (customer == null) {
                v.add("customer", Messages.Customer_notFound, Messages.Opportunity_customer, o.getCustomer().getId());
            }
            o.setCustomer(customer);
        }
        if (o.getProductId() != null) {
            ProductCatalog catalog = productCatalog;
            if (catalog == null || catalog.find(o.getProductId()).isEmpty()) {
                v.add("product", Messages.Product_notFound, Messages.Opportunity_product, o.getProductId());
            }
        }
        Pipeline pipeline = null;
        if (o.getPipeline() == null && o.getStage() != null && o.getStage().getId() != null) {
            Stage stage = em.find(Stage.class, o.getStage().getId());
            pipeline = stage == null ? null : stage.getPipeline();
        } else if (v.required("pipeline", Messages.Opportunity_pipeline, o.getPipeline())) {
            pipeline = o.getPipeline().getId() == null ? null : em.find(Pipeline.class, o.getPipeline().getId());
            if (pipeline == null) {
                v.add("pipeline", Messages.Pipeline_notFound, o.getPipeline().getId());
            }
        }
        if (pipeline == null) {
            if (o.getStage() != null && o.getPipeline() == null) {
                v.add("stage", Messages.Stage_notFound, Messages.Opportunity_stage, o.getStage().getId());
            }
            return;
        }
        o.setPipeline(pipeline);
        if (o.getStage() == null) {
            o.setStage(pipeline.firstStage(StageKind.OPEN).orElse(null));
            v.required("stage", Messages.Opportunity_stage, o.getStage());
            return;
        }
        Stage stage = o.getStage().getId() == null ? null : em.find(Stage.class, o.getStage().getId());
        if (stage == null) {
            v.add("stage", Messages.Stage_notFound, Messages.Opportunity_stage, o.getStage().getId());
        } else if (!stage.getPipeline().getId().equals(pipeline.getId())) {
            v.add("stage", Messages.Stage_otherPipeline, Messages.Opportunity_stage, stage.getLabel(), stage.getPipeline().getLabel(),
                    pipeline.getLabel());
        } else {
            o.setStage(stage);
        }
    }

    private void prepare(Opportunity o) {
        if (o.getName() != null) {
            o.setName(o.getName().strip());
        }
        // codes stored, labels shown: a source or campaign named by a code or either label is stored as the code (any
        // other text as written, as before)
        o.setSource(picklists.leadSource(o.getSource()));
        o.setCampaign(picklists.leadSource(o.getCampaign()));
        LocalDate close = o.getExpectedCloseDate();
        o.setCloseMonth(close == null ? null : close.getYear() * 100 + close.getMonthValue());
        o.getCompetitors().replaceAll(String::strip);
        o.getCompetitors().removeIf(String::isEmpty);
        List<String> members = o.getTeamMembers().stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
        o.getTeamMembers().clear();
        o.getTeamMembers().addAll(members);
    }

    private LocalDate createdOn(Opportunity stored) {
        return LocalDate.ofInstant(stored.getCreatedAt(), clock.getZone());
    }

    @Override
    public List<String> refusals(long opportunityId, long stageId) {
        return unitOfWork.read(em -> {
            Opportunity opportunity = em.find(Opportunity.class, opportunityId);
            if (opportunity == null || opportunity.isDeleted()) {
                throw notFound(opportunityId);
            }
            checkRead(opportunity);
            Validator v = new Validator();
            Stage target = checkTarget(em, v, opportunity, stageId);
            if (target != null) {
                checkRules(v, opportunity, target);
                if (target.getKind() == StageKind.LOST && blank(opportunity.getLossReason())) {
                    v.add("lossReason", Messages.Opportunity_lossReasonRequired, Messages.Opportunity_lossReason);
                }
            }
            return v.errors().stream().map(FieldError::message).toList();
        });
    }

    @Override
    public Opportunity moveToStage(long opportunityId, long stageId) {
        return move(opportunityId, null, stageId, null, null);
    }

    @Override
    public Opportunity moveToStage(long opportunityId, long stageId, long seenVersion) {
        return move(opportunityId, seenVersion, stageId, null, null);
    }

    @Override
    public Opportunity markWon(long opportunityId, LocalDate wonOn) {
        return move(opportunityId, null, null, StageKind.WON, o -> o.setClosedOn(wonOn == null ? LocalDate.now(clock) : wonOn));
    }

    @Override
    public Opportunity markLost(long opportunityId, String lossReason, LocalDate lostOn) {
        return markLost(opportunityId, null, lossReason, lostOn);
    }

    @Override
    public Opportunity markLost(long opportunityId, String lossReason, LocalDate lostOn, long seenVersion) {
        return markLost(opportunityId, Long.valueOf(seenVersion), lossReason, lostOn);
    }

    private Opportunity markLost(long opportunityId, Long seenVersion, String lossReason, LocalDate lostOn) {
        return move(opportunityId, seenVersion, null, StageKind.LOST, o -> {
            o.setLossReason(lossReason == null ? null : lossReason.strip());
            o.setClosedOn(lostOn == null ? LocalDate.now(clock) : lostOn);
        });
    }

    /**
     * Moves to {@code stageId}, or to the pipeline's first stage of {@code kind}; {@code change} edits the deal first.
     * With a {@code seenVersion} the deal must still be as the user saw it (the commit's version check covers a change
     * committed after this read).
     */
    private Opportunity move(long opportunityId, Long seenVersion, Long stageId, StageKind kind, java.util.function.Consumer<Opportunity> change) {
        return unitOfWork.write(em -> {
            Opportunity o = em.find(Opportunity.class, opportunityId);
            if (o == null || o.isDeleted()) {
                throw notFound(opportunityId);
            }
            if (seenVersion != null) {
                ConcurrentChangeException.checkVersion(Opportunity.ENTITY, opportunityId, seenVersion, o.getVersion(), o.getUpdatedBy());
            }
            security.check(Action.UPDATE, Opportunity.ENTITY, o.getOwner(), opportunityId); // a deal shared to edit moves too
            Validator v = new Validator();
            long targetId = stageId != null ? stageId
                    : o.getPipeline().firstStage(kind).map(Stage::getId).orElse(-1L);
            Stage target = checkTarget(em, v, o, targetId);
            v.throwIfInvalid();
            if (target.getId().equals(o.getStage().getId()) && change == null) {
                return o; // a drop on its own column
            }
            if (change != null) {
                change.accept(o);
            }
            if (o.getClosedOn() != null && o.getEngagedOn() != null && o.getClosedOn().isBefore(o.getEngagedOn())) {
                o.setEngagedOn(o.getClosedOn()); // recorded after the fact: selling cannot have begun after it closed
            }
            checkRules(v, o, target);
            if (target.getKind() == StageKind.LOST && blank(o.getLossReason())) {
                v.add("lossReason", Messages.Opportunity_lossReasonRequired, Messages.Opportunity_lossReason);
            }
            validate(v, o, createdOn(o));
            v.throwIfInvalid();
            Stage from = o.getStage();
            Instant now = clock.instant();
            o.setStage(target);
            o.setState(target.getKind());
            o.setProbability(target.getProbability());
            o.setStageEnteredAt(now);
            switch (target.getKind()) {
                case WON -> {
                    o.setForecastCategory(ForecastCategory.CLOSED);
                    if (o.getClosedOn() == null) {
                        o.setClosedOn(LocalDate.now(clock));
                    }
                }
                case LOST -> {
                    o.setForecastCategory(ForecastCategory.OMITTED);
                    if (o.getClosedOn() == null) {
                        o.setClosedOn(LocalDate.now(clock));
                    }
                }
                case OPEN -> {
                    if (from.isClosed()) { // reopened
                        o.setClosedOn(null);
                        o.setForecastCategory(ForecastCategory.PIPELINE);
                    }
                }
            }
            if (from.getId().equals(target.getId())) {
                return o; // won or lost again: new date or reason, no new history row
            }
            em.persist(new StageHistory(o, from, target, security.currentUser().login(), now));
            unitOfWork.afterCommit(() -> events.publish(Opportunity.ENTITY, Change.UPDATED, opportunityId));
            return o;
        });
    }

    private static Stage checkTarget(EntityManager em, Validator v, Opportunity o, long stageId) {
        Stage target = em.find(Stage.class, stageId);
        if (target == null) {
            v.add("stageId", Messages.Stage_notFound, Messages.Opportunity_stage, stageId);
            return null;
        }
        if (!target.getPipeline().getId().equals(o.getPipeline().getId())) {
            v.add("stageId", Messages.Stage_otherPipeline, Messages.Opportunity_stage, target.getLabel(), target.getPipeline().getLabel(),
                    o.getPipeline().getLabel());
            return null;
        }
        return target;
    }

    private void checkRules(Validator v, Opportunity o, Stage target) {
        for (String ruleId : target.getRequiredRules()) {
            StageRule rule = rules.get(ruleId);
            String refusal = rule == null ? NLS.bind(Messages.Rule_missing, ruleId) : rule.refusal(o, target).orElse(null);
            if (refusal != null) {
                v.add("stageId", Messages.Rule_refused, target.getLabel(), refusal);
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public List<StageHistory> history(long opportunityId) {
        return unitOfWork.read(em -> {
            Opportunity o = em.find(Opportunity.class, opportunityId);
            if (o == null || o.isDeleted()) {
                throw notFound(opportunityId);
            }
            security.check(Action.READ, Opportunity.ENTITY, o.getOwner());
            return em.createQuery("SELECT h FROM StageHistory h WHERE h.opportunity.id = :id ORDER BY h.movedAt, h.id", StageHistory.class)
                    .setParameter("id", opportunityId).getResultList();
        });
    }

    @Override
    public Board board(long pipelineId, BoardFilter filter, int cardsPerStage) {
        security.check(Action.READ, Opportunity.ENTITY, null);
        checkFilterable(filter);
        return unitOfWork.read(em -> {
            Pipeline pipeline = em.find(Pipeline.class, pipelineId);
            if (pipeline == null) {
                throw new ValidationException(List.of(new FieldError("pipelineId", NLS.bind(Messages.Pipeline_notFound, pipelineId), pipelineId)));
            }
            return masked(OpportunityQueries.board(em, pipeline, filter, cardsPerStage, LocalDate.now(clock),
                    security.scope(Action.READ, Opportunity.ENTITY) == Scope.ALL));
        });
    }

    /** The board as the user's field rules let them see it: a hidden amount is blank on the cards and in the column totals. */
    private Board masked(Board board) {
        FieldMask mask = FieldMask.of(security, Opportunity.ENTITY);
        if (mask.isEmpty()) {
            return board;
        }
        List<BoardColumn> columns = new ArrayList<>();
        for (BoardColumn c : board.columns()) {
            columns.add(new BoardColumn(c.stageId(), c.label(), c.kind(), c.probability(), c.count(),
                    mask.hides("amount") ? List.of() : c.totals(), mask.applyAll(c.cards())));
        }
        return new Board(board.pipelineId(), board.pipelineLabel(), columns);
    }

    @Override
    public List<BoardCard> cards(long stageId, BoardFilter filter, int offset, int limit) {
        security.check(Action.READ, Opportunity.ENTITY, null);
        checkFilterable(filter);
        return unitOfWork.read(em -> {
            Stage stage = em.find(Stage.class, stageId);
            if (stage == null) {
                throw new ValidationException(List.of(new FieldError("stageId", NLS.bind(Messages.Stage_notFound, Messages.Opportunity_stage, stageId), stageId)));
            }
            return FieldMask.of(security, Opportunity.ENTITY).applyAll(OpportunityQueries.cards(em, stage, filter, offset, limit, LocalDate.now(clock)));
        });
    }

    @Override
    public long count(OpportunityFilter filter) {
        security.check(Action.READ, Opportunity.ENTITY, null);
        checkFilterable(filter);
        return unitOfWork.read(em -> OpportunityQueries.count(em, filter, LocalDate.now(clock)));
    }

    @Override
    public List<OpportunityRow> page(OpportunityFilter filter, int offset, int limit) {
        security.check(Action.READ, Opportunity.ENTITY, null);
        FieldMask mask = checkFilterable(filter);
        return mask.applyAll(unitOfWork.read(em -> OpportunityQueries.page(em, filter, offset, limit, LocalDate.now(clock))));
    }

    @Override
    public List<OpportunityRow> page(OpportunityFilter filter, OpportunitySort sort, int offset, int limit) {
        security.check(Action.READ, Opportunity.ENTITY, null);
        FieldMask mask = checkFilterable(filter);
        OpportunitySort order = sort == null || mask.hides(sort.column().field()) ? OpportunitySort.DEFAULT : sort;
        return mask.applyAll(unitOfWork.read(em -> OpportunityQueries.page(em, filter, order, offset, limit, LocalDate.now(clock))));
    }

    @Override
    public long[] ids(OpportunityFilter filter) {
        security.check(Action.READ, Opportunity.ENTITY, null);
        checkFilterable(filter);
        return unitOfWork.read(em -> OpportunityQueries.ids(em, filter, LocalDate.now(clock)));
    }

    private void checkFilterable(BoardFilter filter) {
        if (filter != null) {
            checkFilterable(new OpportunityFilter(null, null, Set.of(), Set.of(), filter.owners(), filter.closingThisQuarter(), filter.overdue()));
        }
    }

    /** Refuses a filter on a field the user's roles hide: the deals it keeps would tell what the field holds. */
    private FieldMask checkFilterable(OpportunityFilter filter) {
        FieldMask mask = FieldMask.of(security, Opportunity.ENTITY);
        if (!mask.isEmpty() && filter != null) {
            List<String> read = new ArrayList<>();
            if (!filter.stageIds().isEmpty() || !filter.states().isEmpty()) {
                read.add("stage");
            }
            if (filter.pipelineId() != null) {
                read.add("pipeline");
            }
            if (!filter.owners().isEmpty()) {
                read.add("owner");
            }
            if (filter.closingThisQuarter() || filter.overdue()) {
                read.add("expectedCloseDate");
            }
            mask.checkFilterable(security, read);
        }
        return mask;
    }

    @Override
    public List<OpportunityRow> ofCustomer(long customerId) {
        security.check(Action.READ, Opportunity.ENTITY, null);
        return FieldMask.of(security, Opportunity.ENTITY).applyAll(unitOfWork.read(em -> OpportunityQueries.ofCustomer(em, customerId)));
    }

    static ValidationException notFound(long id) {
        return new ValidationException(new ArrayList<>(List.of(new FieldError("id", NLS.bind(Messages.Opportunity_notFound, id), id))));
    }

    @Override
    public int purgeOwnedBy(Collection<String> owners) {
        if (owners.isEmpty()) {
            return 0;
        }
        owners.forEach(owner -> security.check(Action.DELETE, Opportunity.ENTITY, owner));
        return unitOfWork.write(em -> {
            String in = SqlParameters.in(owners.size());
            // as in delete: leads converted into these deals forget them; history, members and competitors follow by ON DELETE CASCADE
            SqlParameters.bind(MaskingViews.query(em, "UPDATE SB_LEAD SET OPPORTUNITY_ID = NULL WHERE OPPORTUNITY_ID IN (SELECT ID FROM {SB_OPPORTUNITY} WHERE OWNER"
                    + in + ")"), owners).executeUpdate();
            int deleted = SqlParameters.bind(MaskingViews.query(em, "DELETE FROM SB_OPPORTUNITY WHERE OWNER" + in), owners).executeUpdate();
            // one event for the lot, as for an import: views read the list again
            unitOfWork.afterCommit(() -> events.publishImported(Opportunity.ENTITY, deleted));
            return deleted;
        });
    }
}
