package org.salesbench.workflow.internal.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.Stage;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.users.Role;
import org.salesbench.users.UserService;
import org.salesbench.workflow.process.Checklist;
import org.salesbench.workflow.process.ChecklistItem;
import org.salesbench.workflow.process.ChecklistTick;
import org.salesbench.workflow.process.ProcessBoard;
import org.salesbench.workflow.process.ProcessService;
import org.salesbench.workflow.process.ProcessStep;
import org.salesbench.workflow.process.StepRecord;

/**
 * The process service: steps in SB_PROCESS_STEP/SB_PROCESS_ITEM, ticks in SB_PROCESS_TICK, the board by SQL. Not
 * immediate: {@link ProcessGating} names the process's stage rule on the pipelines' stages when the application starts
 * (in the workbench after its first view painted), and gets this service only then, so that it and the services it
 * references (opportunities, pipelines, security, users) do not come up with the database before the first view.
 */
@Component(service = ProcessService.class)
public class ProcessServiceImpl implements ProcessService {

    private static final int MAX_LABEL = 200;
    private static final int MAX_NAME = 128;

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    private final PipelineService pipelines;
    private final OpportunityService opportunities;
    private final Clock clock;

    /** Checks owner roles against the installation's roles; absent in a bare setup, where any role name is taken. */
    private volatile UserService users;

    @Activate
    public ProcessServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference DomainEventPublisher events,
            @Reference PipelineService pipelines, @Reference OpportunityService opportunities) {
        this(unitOfWork, security, events, pipelines, opportunities, Clocks.system());
    }

    /** With the clock that says what "now" is: SLA breaches, the time open records have spent in a step. */
    public ProcessServiceImpl(UnitOfWork unitOfWork, SecurityService security, DomainEventPublisher events, PipelineService pipelines,
            OpportunityService opportunities, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.pipelines = pipelines;
        this.opportunities = opportunities;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setUserService(UserService userService) {
        this.users = userService;
    }

    public void unsetUserService(UserService userService) {
        if (this.users == userService) {
            this.users = null;
        }
    }

    @Override
    public List<ProcessStep> steps(long pipelineId) {
        return unitOfWork.read(em -> em.createQuery("SELECT s FROM ProcessStep s WHERE s.pipelineId = :p ORDER BY s.position", ProcessStep.class)
                .setParameter("p", pipelineId).getResultList());
    }

    @Override
    public List<String> problems(long pipelineId, List<ProcessStep> steps) {
        Pipeline pipeline = pipelines.find(pipelineId).orElseThrow(() -> invalid("pipelineId", NLS.bind(Messages.Pipeline_notFound, pipelineId)));
        Map<Long, Stage> stages = pipeline.getStages().stream().collect(Collectors.toMap(Stage::getId, s -> s));
        List<String> problems = new ArrayList<>();
        Map<Long, ProcessStep> byStage = new HashMap<>();
        ProcessStep leadStep = null;
        Set<String> roles = knownRoles();
        for (int i = 0; i < steps.size(); i++) {
            ProcessStep step = steps.get(i);
            String name = step.getName() == null || step.getName().isBlank() ? null : step.getLabel();
            if (name == null) {
                problems.add(NLS.bind(Messages.Step_nameRequired, i + 1));
                name = String.valueOf(i + 1);
            } else if (step.getName().strip().length() > MAX_NAME) {
                problems.add(NLS.bind(Messages.Item_tooLong, new Object[] {name, 0, MAX_NAME}));
            }
            if (step.getStageId() == null) {
                if (leadStep != null) {
                    problems.add(NLS.bind(Messages.Step_leadTwice, leadStep.getLabel(), name));
                }
                leadStep = step;
            } else if (!stages.containsKey(step.getStageId())) {
                problems.add(NLS.bind(Messages.Step_stageUnknown, new Object[] {name, step.getStageId(), pipeline.getLabel()}));
            } else {
                ProcessStep other = byStage.put(step.getStageId(), step);
                if (other != null) {
                    problems.add(NLS.bind(Messages.Step_stageTwice, new Object[] {other.getLabel(), name, stages.get(step.getStageId()).getLabel()}));
                }
            }
            if (step.getSlaDays() != null && step.getSlaDays() < 0) {
                problems.add(NLS.bind(Messages.Step_slaNegative, name, step.getSlaDays()));
            }
            String role = step.getOwnerRole();
            if (role != null && !role.isBlank() && roles != null && !roles.contains(role.strip())) {
                problems.add(NLS.bind(Messages.Step_roleUnknown, new Object[] {name, role, String.join(", ", roles)}));
            }
            Set<String> keys = new HashSet<>();
            for (int j = 0; j < step.getItems().size(); j++) {
                ChecklistItem item = step.getItems().get(j);
                if (item.getLabel() == null || item.getLabel().isBlank()) {
                    problems.add(NLS.bind(Messages.Item_labelRequired, name, j + 1));
                } else if (item.getLabel().strip().length() > MAX_LABEL) {
                    problems.add(NLS.bind(Messages.Item_tooLong, new Object[] {name, j + 1, MAX_LABEL}));
                }
                if (item.getKey() != null && !keys.add(item.getKey())) {
                    problems.add(NLS.bind(Messages.Item_keyTwice, name, item.getKey()));
                }
            }
        }
        return problems;
    }

    private Set<String> knownRoles() {
        UserService userService = users;
        return userService == null ? null : userService.roles().stream().map(Role::name).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Override
    public List<ProcessStep> save(long pipelineId, List<ProcessStep> steps) {
        security.check(Action.UPDATE, ProcessStep.ENTITY, null);
        List<String> problems = problems(pipelineId, steps);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.stream().map(p -> new FieldError("steps", p, null)).toList());
        }
        List<ProcessStep> saved = unitOfWork.write(em -> {
            Map<Long, ProcessStep> stored = new HashMap<>();
            for (ProcessStep s : em.createQuery("SELECT s FROM ProcessStep s WHERE s.pipelineId = :p", ProcessStep.class)
                    .setParameter("p", pipelineId).getResultList()) {
                stored.put(s.getId(), s);
            }
            List<ProcessStep> result = new ArrayList<>();
            int position = 0;
            for (ProcessStep step : steps) {
                ProcessStep target = step.getId() == null ? null : stored.remove(step.getId());
                if (target == null) {
                    target = new ProcessStep();
                    target.setPipelineId(pipelineId);
                    em.persist(target);
                }
                target.takeNameOf(step);
                target.setStageId(step.getStageId());
                target.setPosition(position++);
                target.setOwnerRole(step.getOwnerRole() == null || step.getOwnerRole().isBlank() ? null : step.getOwnerRole().strip());
                target.setSlaDays(step.getSlaDays());
                Set<String> used = step.getItems().stream().map(ChecklistItem::getKey).filter(k -> k != null).collect(Collectors.toSet());
                List<ChecklistItem> items = new ArrayList<>();
                for (ChecklistItem item : step.getItems()) {
                    ChecklistItem copy = item.getLabelKey() != null && item.getKey() != null
                            ? ChecklistItem.shipped(item.getKey(), item.getLabelKey(), item.getLabel().strip(), item.isRequired())
                            : new ChecklistItem(item.getKey() != null ? item.getKey() : newKey(item.getLabel(), used), item.getLabel().strip(), item.isRequired());
                    items.add(copy);
                }
                target.getItems().clear();
                target.getItems().addAll(items);
                em.flush();
                // ticks of items no longer on the list go with them
                Set<String> keys = items.stream().map(ChecklistItem::getKey).collect(Collectors.toSet());
                for (ChecklistTick tick : em.createQuery("SELECT t FROM ChecklistTick t WHERE t.stepId = :s", ChecklistTick.class)
                        .setParameter("s", target.getId()).getResultList()) {
                    if (!keys.contains(tick.getItemKey())) {
                        em.remove(tick);
                    }
                }
                result.add(target);
            }
            for (ProcessStep removed : stored.values()) {
                em.createQuery("DELETE FROM ChecklistTick t WHERE t.stepId = :s").setParameter("s", removed.getId()).executeUpdate();
                em.remove(removed);
            }
            unitOfWork.afterCommit(() -> events.publish(ProcessStep.ENTITY, Change.UPDATED, pipelineId));
            return result;
        });
        applyGating(pipelineId);
        return saved;
    }

    private static String newKey(String label, Set<String> used) {
        String base = label == null ? "item" : label.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.isEmpty() || base.length() > 40) {
            base = "item";
        }
        String key = base;
        for (int n = 2; used.contains(key); n++) {
            key = base + "-" + n;
        }
        used.add(key);
        return key;
    }

    /**
     * Names the process's stage rule on every stage of the pipeline that lacks it, through the pipelines' own service
     * (SB_STAGE_RULE is theirs): with no step for a stage, the rule lets every move pass.
     */
    void applyGating(long pipelineId) {
        if (steps(pipelineId).isEmpty()) {
            return;
        }
        Pipeline pipeline = pipelines.find(pipelineId).orElse(null);
        if (pipeline == null || pipeline.getStages().stream().allMatch(s -> s.getRequiredRules().contains(STAGE_RULE))) {
            return;
        }
        pipeline.getStages().stream().filter(s -> !s.getRequiredRules().contains(STAGE_RULE)).forEach(s -> s.getRequiredRules().add(STAGE_RULE));
        pipelines.update(pipeline);
    }

    /**
     * The shipped processes are written by the changelog, which may not touch the pipelines' stage rules: they are named
     * here, when the application starts ({@link ProcessGating}), if the user may edit pipelines (the owner of an embedded database always may);
     * otherwise the first save of a process by a power user does it.
     */
    void applyGatingWherePermitted() {
        try {
            // what is left to name, found by two queries on plain JDBC while nothing has deployed the persistence unit:
            // once named (the first start after the changelog), a start pays nothing here, not JPA's deploy, which the
            // command line's first command often does not need (an export, a count after a crash)
            Set<Long> lacking = pipelines.pipelinesWithAStageLacking(STAGE_RULE);
            if (lacking.isEmpty()) {
                return;
            }
            for (Object[] row : unitOfWork.rows("SELECT DISTINCT PIPELINE_ID FROM SB_PROCESS_STEP", List.of(), 0, -1)) {
                long pipelineId = ((Number) row[0]).longValue();
                if (lacking.contains(pipelineId)) {
                    applyGating(pipelineId);
                }
            }
        } catch (AccessDeniedException notAPowerUser) {
            // a rep's client: the gating is named when a power user saves a process
        }
    }

    @Override
    public Checklist checklist(long opportunityId) {
        Opportunity o = opportunity(opportunityId);
        return unitOfWork.read(em -> {
            Optional<ProcessStep> step = em.createQuery("SELECT s FROM ProcessStep s WHERE s.stageId = :stage", ProcessStep.class)
                    .setParameter("stage", o.getStage().getId()).getResultList().stream().findFirst();
            List<ChecklistTick> ticks = step.map(s -> em.createQuery(
                    "SELECT t FROM ChecklistTick t WHERE t.opportunityId = :o AND t.stepId = :s ORDER BY t.tickedAt", ChecklistTick.class)
                    .setParameter("o", opportunityId).setParameter("s", s.getId()).getResultList()).orElse(List.of());
            return new Checklist(opportunityId, step, ticks);
        });
    }

    @Override
    public Checklist tick(long opportunityId, String itemKey, boolean ticked) {
        Opportunity o = opportunity(opportunityId);
        security.check(Action.UPDATE, Opportunity.ENTITY, o.getOwner());
        Checklist current = checklist(opportunityId);
        ProcessStep step = current.step().orElseThrow(() -> invalid("stageId", NLS.bind(Messages.Tick_noStep, o.getName(), o.getStage().getLabel())));
        if (step.getItems().stream().noneMatch(i -> i.getKey().equals(itemKey))) {
            throw invalid("itemKey", NLS.bind(Messages.Tick_unknownItem, step.getLabel(), itemKey));
        }
        unitOfWork.write(em -> {
            List<ChecklistTick> existing = em.createQuery(
                    "SELECT t FROM ChecklistTick t WHERE t.opportunityId = :o AND t.stepId = :s AND t.itemKey = :k", ChecklistTick.class)
                    .setParameter("o", opportunityId).setParameter("s", step.getId()).setParameter("k", itemKey).getResultList();
            if (ticked && existing.isEmpty()) {
                ChecklistTick tick = new ChecklistTick(opportunityId, step.getId(), itemKey, security.currentUser().login(), clock.instant());
                tick.setOwner(o.getOwner());
                em.persist(tick);
            } else if (!ticked) {
                existing.forEach(em::remove);
            }
            unitOfWork.afterCommit(() -> events.publish(Opportunity.ENTITY, Change.UPDATED, opportunityId));
            return null;
        });
        return checklist(opportunityId);
    }

    private Opportunity opportunity(long opportunityId) {
        return opportunities.find(opportunityId)
                .orElseThrow(() -> invalid("opportunityId", NLS.bind(Messages.Opportunity_notFound, opportunityId)));
    }

    @Override
    public ProcessBoard board(long pipelineId) {
        security.check(Action.READ, Opportunity.ENTITY, null);
        List<ProcessStep> steps = steps(pipelineId);
        return unitOfWork.read(em -> ProcessQueries.board(em, unitOfWork.settings().dialect(), pipelineId, steps, clock.instant()));
    }

    @Override
    public List<StepRecord> records(long stepId, int limit) {
        security.check(Action.READ, Opportunity.ENTITY, null);
        return unitOfWork.read(em -> {
            ProcessStep step = em.find(ProcessStep.class, stepId);
            if (step == null) {
                throw invalid("stepId", NLS.bind(Messages.Step_notFound, stepId));
            }
            return ProcessQueries.records(em, unitOfWork.settings().dialect(), step, clock.instant(), limit);
        });
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message, null)));
    }
}
