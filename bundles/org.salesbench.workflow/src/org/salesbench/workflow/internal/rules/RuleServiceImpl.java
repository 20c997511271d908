package org.salesbench.workflow.internal.rules;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.ISafeRunnable;
import org.eclipse.core.runtime.SafeRunner;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.AfterFirstView;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.internal.TaskServiceImpl;
import org.salesbench.workflow.rules.ActionContext;
import org.salesbench.workflow.rules.FieldType;
import org.salesbench.workflow.rules.ParameterText;
import org.salesbench.workflow.rules.RecordChange;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleAction;
import org.salesbench.workflow.rules.RuleActionCall;
import org.salesbench.workflow.rules.RuleCondition;
import org.salesbench.workflow.rules.RuleContribution;
import org.salesbench.workflow.rules.RuleEntity;
import org.salesbench.workflow.rules.RuleExecution;
import org.salesbench.workflow.rules.Operator;
import org.salesbench.workflow.rules.RuleField;
import org.salesbench.workflow.rules.RuleRecords;
import org.salesbench.workflow.rules.RuleService;
import org.salesbench.workflow.rules.RuleServices;
import org.salesbench.workflow.rules.RuleTrigger;

/**
 * The rules and their engine. Domain events (posted after commit) are queued and handled one at a time on the engine's
 * own thread, so a rule never runs inside, nor can break, the transaction that fired it. Each action runs inside
 * {@link SafeRunner} in its own service call (its own transaction): a failing one is logged with the execution and the
 * other actions and rules still run. A change made by rules' actions carries the chain of rules that caused it, so no
 * rule runs twice for one originating change (and no chain grows past {@link #MAX_DEPTH}).
 */
@Component(service = { RuleService.class, EventHandler.class }, property = EventConstants.EVENT_TOPIC + "=" + EventTopics.ALL)
public class RuleServiceImpl implements RuleService, EventHandler {

    /** The most rules in a row that may change one record because of one originating change. */
    static final int MAX_DEPTH = 10;
    /** How long a change made by rules stays linked to its originating change (the event arrives well within it). */
    private static final Duration CHAIN_LIFETIME = Duration.ofMinutes(1);
    /** How long the enabled rules are cached (another client of a team server may change them). */
    private static final Duration RULES_LIFETIME = Duration.ofSeconds(30);
    /** How long a scheduled rule's claim of a record and day is kept. */
    private static final Duration CLAIM_LIFETIME = Duration.ofDays(2);

    /** The rules that caused a change of a record, and how many changes in a row they made. */
    private record Chain(Set<Long> rules, List<String> names, int depth, Instant expires) {
        static final Chain NONE = new Chain(Set.of(), List.of(), 0, Instant.MAX);

        Chain with(Rule rule) {
            Set<Long> ids = new LinkedHashSet<>(rules);
            ids.add(rule.getId());
            List<String> n = new ArrayList<>(names);
            n.add(rule.getName());
            return new Chain(ids, n, depth + 1, Instant.now().plus(CHAIN_LIFETIME));
        }

        Chain union(Chain other) {
            Set<Long> ids = new LinkedHashSet<>(rules);
            ids.addAll(other.rules);
            List<String> n = new ArrayList<>(names);
            other.names.stream().filter(x -> !n.contains(x)).forEach(n::add);
            return new Chain(ids, n, Math.max(depth, other.depth), other.expires);
        }
    }

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final RuleServices services;
    private final ScheduledExecutorService engine = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "Salesbench rules");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<RecordRef, Chain> chains = new ConcurrentHashMap<>();
    private final Object idle = new Object();
    private int queued;
    private volatile List<Rule> enabledRules;
    private volatile Instant enabledRulesRead = Instant.MIN;
    /** Reads the picklists conditions compare codes of; made when first needed. */
    private volatile org.salesbench.persistence.Picklists picklists;
    private final java.util.concurrent.atomic.AtomicLong rulesGeneration = new java.util.concurrent.atomic.AtomicLong();

    @Activate
    public RuleServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, BundleContext context) {
        this(unitOfWork, security, new BundleServices(context));
        // timed from the workbench's first view painted (at once elsewhere): not in the way of the start
        AfterFirstView.run(() -> {
            if (engine.isShutdown()) {
                return; // closed before the first view painted
            }
            // scheduled rules run once a day per record (their tasks' occurrence keys carry the day); looking hourly is enough
            engine.scheduleWithFixedDelay(this::runScheduledRules, 5, 60, TimeUnit.MINUTES);
            // records made while no rule watched them (by a client without rules, an import, an older version) get the
            // values "field changed" compares with; snapshots of entities no rule watches any more go
            engine.schedule(this::watchAll, 1, TimeUnit.MINUTES);
        });
    }

    /** The engine with the services its contributions call given directly (tests, benchmarks). */
    public RuleServiceImpl(UnitOfWork unitOfWork, SecurityService security, RuleServices services) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.services = services;
    }

    @Deactivate
    public void close() {
        engine.shutdownNow();
    }

    // ---- rules -------------------------------------------------------------------------------------------------

    @Override
    public List<Rule> list(org.salesbench.workflow.rules.RuleSort sort) {
        String column = switch (sort.column()) {
            case NAME -> "r.name";
            case ENTITY -> "r.recordEntity";
            case TRIGGER -> "r.triggerId";
            case ENABLED -> "r.enabled";
        };
        return unitOfWork.read(em -> em.createQuery("SELECT r FROM Rule r" + org.salesbench.persistence.JpqlOrder.by(column, "r.id", sort.ascending()), Rule.class)
                .getResultList()).stream()
                .filter(r -> security.isPermitted(Action.READ, Rule.ENTITY, r.getOwner())).toList();
    }

    @Override
    public Optional<Rule> find(long id) {
        return Optional.ofNullable(unitOfWork.read(em -> em.find(Rule.class, id)))
                .filter(r -> security.isPermitted(Action.READ, Rule.ENTITY, r.getOwner()));
    }

    @Override
    public List<FieldError> problems(Rule rule) {
        return RuleValidator.problems(rule);
    }

    @Override
    public Rule save(Rule rule) {
        List<FieldError> problems = problems(rule);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Set<String> entities = new LinkedHashSet<>();
        Rule saved = unitOfWork.write(em -> {
            if (rule.getId() == null) {
                security.check(Action.CREATE, Rule.ENTITY, security.currentUser().login());
                em.persist(rule);
                entities.add(rule.getEntity());
                return rule;
            }
            Rule stored = em.find(Rule.class, rule.getId());
            if (stored == null) {
                throw new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Run_noRule, rule.getId()), rule.getId())));
            }
            security.check(Action.UPDATE, Rule.ENTITY, stored.getOwner());
            entities.add(stored.getEntity());
            entities.add(rule.getEntity());
            return em.merge(rule);
        });
        forgetEnabledRules();
        entities.forEach(this::queueWatch);
        return saved;
    }

    @Override
    public void delete(long id) {
        String entity = unitOfWork.write(em -> {
            Rule stored = em.find(Rule.class, id);
            if (stored != null) {
                security.check(Action.DELETE, Rule.ENTITY, stored.getOwner());
                em.remove(stored);
                return stored.getEntity();
            }
            return null;
        });
        forgetEnabledRules();
        if (entity != null) {
            queueWatch(entity);
        }
    }

    @Override
    public List<RuleExecution> log(Long ruleId, int limit) {
        return unitOfWork.read(em -> {
            var query = em.createQuery("SELECT e FROM RuleExecution e" + (ruleId == null ? "" : " WHERE e.ruleId = :rule")
                    + " ORDER BY e.executedAt DESC, e.id DESC", RuleExecution.class);
            if (ruleId != null) {
                query.setParameter("rule", ruleId);
            }
            return query.setMaxResults(limit).getResultList();
        });
    }

    @Override
    public Map<Long, RuleExecution> lastExecutions() {
        Map<Long, RuleExecution> last = new HashMap<>();
        unitOfWork.read(em -> em.createQuery("SELECT e FROM RuleExecution e WHERE e.id IN"
                + " (SELECT MAX(x.id) FROM RuleExecution x GROUP BY x.ruleId)", RuleExecution.class).getResultList())
                .forEach(e -> last.put(e.getRuleId(), e));
        return last;
    }

    @Override
    public List<RuleEntity> entities() {
        return RuleEntities.all().stream().map(d -> new RuleEntity(d.id(), d.label())).toList();
    }

    @Override
    public List<RuleField> fields(String entity) {
        return RuleEntities.records(entity).map(RuleRecords::fields).orElse(List.of());
    }

    @Override
    public List<RuleContribution> triggers() {
        return RuleTriggers.all().stream().map(d -> d.trigger().get()
                .map(t -> new RuleContribution(d.id(), d.label(), t.parameters(), t.scheduled()))).flatMap(Optional::stream).toList();
    }

    @Override
    public List<RuleContribution> actions() {
        return RuleActions.all().stream().map(d -> d.action().get()
                .map(a -> new RuleContribution(d.id(), d.label(), a.parameters(), false))).flatMap(Optional::stream).toList();
    }

    // ---- running by hand or on schedule ---------------------------------------------------------------------------

    @Override
    public List<RuleExecution> run(long ruleId, RecordRef record) {
        Rule rule = find(ruleId).orElseThrow(() -> refused("rule", NLS.bind(Messages.Run_noRule, ruleId), ruleId));
        security.check(Action.UPDATE, Rule.ENTITY, rule.getOwner());
        RuleRecords records = RuleEntities.records(rule.getEntity())
                .orElseThrow(() -> refused("entity", NLS.bind(Messages.Rule_entityUnknown, rule.getEntity(), ""), rule.getEntity()));
        if (record != null) {
            if (!record.entity().equals(rule.getEntity())) {
                throw refused("record", NLS.bind(Messages.Run_entityMismatch, new Object[] { rule.getName(), rule.getEntity(), record.entity() }), record);
            }
            Map<String, Object> values = records.read(services, record.id())
                    .orElseThrow(() -> refused("record", NLS.bind(Messages.Run_noRecord, record.entity(), record.id()), record));
            if (!conditionsHold(rule, records.fields(), values, this::codeOf)) {
                return List.of();
            }
            return List.of(fire(rule, records, record, values, RecordChange.Kind.MANUAL, Chain.NONE, UUID.randomUUID().toString()));
        }
        boolean scheduled = RuleTriggers.trigger(rule.getTriggerId()).map(RuleTrigger::scheduled).orElse(false);
        long[] ids = scheduled ? records.ids(services) : null;
        if (ids == null) {
            throw refused("record", NLS.bind(Messages.Run_notScheduled, rule.getName()), null);
        }
        return runScheduled(rule, records, ids, false);
    }

    /**
     * Fires a scheduled rule on those of {@code ids} that meet its conditions, once a day each: a by-hand run always
     * runs (someone asked for it), the tick ({@code claim}) only once it has claimed the rule, record and day in the
     * database, so however many clients of a team server tick, every action runs once.
     */
    private List<RuleExecution> runScheduled(Rule rule, RuleRecords records, long[] ids, boolean claim) {
        List<RuleExecution> executions = new ArrayList<>();
        String day = LocalDate.now(Clocks.system()).toString();
        for (long id : ids) {
            RecordRef ref = new RecordRef(rule.getEntity(), id);
            Optional<Map<String, Object>> values = records.read(services, id);
            if (values.isPresent() && conditionsHold(rule, records.fields(), values.get(), this::codeOf)
                    && (!claim || claim(occurrenceKey(rule, ref, day)))) {
                executions.add(fire(rule, records, ref, values.get(), RecordChange.Kind.SCHEDULED, Chain.NONE, day));
            }
        }
        return executions;
    }

    /**
     * Runs every enabled scheduled rule (the hourly tick; also what a server's cron may call): each rule, record and
     * day runs once across every client of the database and every tick of the day. Returns what this call ran.
     */
    public List<RuleExecution> runScheduledRules() {
        List<RuleExecution> executions = new ArrayList<>();
        try {
            pruneClaims();
            for (Rule rule : enabledRules()) {
                if (RuleTriggers.trigger(rule.getTriggerId()).map(RuleTrigger::scheduled).orElse(false)) {
                    RuleEntities.records(rule.getEntity()).ifPresent(records -> {
                        long[] ids = records.ids(services);
                        if (ids != null) {
                            executions.addAll(runScheduled(rule, records, ids, true));
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            ILog.of(getClass()).error("Scheduled rules failed", e);
        }
        return executions;
    }

    private static String occurrenceKey(Rule rule, RecordRef ref, String occurrence) {
        return "rule:" + rule.getId() + ":" + ref + ":" + occurrence;
    }

    /**
     * Claims one occurrence of a scheduled rule for this client: the first to insert its key has it, the others meet
     * the primary key. A client that dies between the claim and the actions leaves that occurrence undone for the day
     * rather than risk running it twice.
     */
    private boolean claim(String key) {
        boolean taken = !unitOfWork.read(em -> em.createNativeQuery("SELECT 1 FROM SB_RULE_CLAIM WHERE OCCURRENCE_KEY = ?")
                .setParameter(1, key).getResultList()).isEmpty();
        if (taken) {
            return false; // the usual case on a later tick: no failed insert to log
        }
        try {
            unitOfWork.write(em -> em.createNativeQuery("INSERT INTO SB_RULE_CLAIM (OCCURRENCE_KEY, CLAIMED_AT, CLAIMED_BY) VALUES (?, ?, ?)")
                    .setParameter(1, key).setParameter(2, Timestamp.from(Instant.now(Clocks.system())))
                    .setParameter(3, security.currentUser().login()).executeUpdate());
            return true;
        } catch (RuntimeException e) {
            if (TaskServiceImpl.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Claims serve the day they are for; two days on nobody asks for them again. */
    private void pruneClaims() {
        Instant before = Instant.now(Clocks.system()).minus(CLAIM_LIFETIME);
        unitOfWork.write(em -> em.createNativeQuery("DELETE FROM SB_RULE_CLAIM WHERE CLAIMED_AT < ?")
                .setParameter(1, Timestamp.from(before)).executeUpdate());
    }

    // ---- reacting to changes ------------------------------------------------------------------------------------

    @Override
    public void handleEvent(Event event) {
        Object entity = event.getProperty(EventTopics.PROPERTY_ENTITY);
        Object id = event.getProperty(EventTopics.PROPERTY_ID);
        String topic = event.getTopic();
        if (entity instanceof String e && id instanceof Long recordId) {
            if (topic.endsWith("/" + EventTopics.Change.CREATED.name())) {
                changed(e, EventTopics.Change.CREATED, recordId);
            } else if (topic.endsWith("/" + EventTopics.Change.UPDATED.name())) {
                changed(e, EventTopics.Change.UPDATED, recordId);
            } else if (topic.endsWith("/" + EventTopics.Change.DELETED.name())) {
                changed(e, EventTopics.Change.DELETED, recordId);
            }
        } else if (entity instanceof String e && topic.equals(EventTopics.imported(e)) && RuleEntities.find(e).isPresent()) {
            queueWatch(e); // an import posts one event for many records: those it made get their snapshot
        }
    }

    /** Queues a committed change of a record for the rules (what the event handler calls). */
    public void changed(String entity, EventTopics.Change change, long id) {
        if (RuleEntities.find(entity).isEmpty()) {
            return;
        }
        RecordRef ref = new RecordRef(entity, id);
        if (change == EventTopics.Change.DELETED) {
            queue(() -> forgetSnapshot(ref), "Rules could not forget " + ref);
            return;
        }
        RecordChange.Kind kind = change == EventTopics.Change.CREATED ? RecordChange.Kind.CREATED : RecordChange.Kind.UPDATED;
        queue(() -> handle(ref, kind), "Rules failed on " + ref);
    }

    /** Runs {@code work} on the engine's thread, counted until done so that {@link #awaitIdle} waits for it. */
    private void queue(Runnable work, String failure) {
        synchronized (idle) {
            queued++;
        }
        try {
            engine.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    ILog.of(getClass()).error(failure, e);
                } finally {
                    synchronized (idle) {
                        queued--;
                        idle.notifyAll();
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            synchronized (idle) {
                queued--;
                idle.notifyAll();
            }
        }
    }

    /** Waits until every queued change (and those the rules' own actions caused) has been handled. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (queued > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    private void handle(RecordRef ref, RecordChange.Kind kind) {
        List<Rule> rules = changeRules(ref.entity());
        Optional<RuleRecords> catalogue = RuleEntities.records(ref.entity());
        if (rules.isEmpty() || catalogue.isEmpty()) {
            return;
        }
        RuleRecords records = catalogue.get();
        Optional<Map<String, Object>> read = records.read(services, ref.id());
        if (read.isEmpty()) {
            return;
        }
        Map<String, Object> values = read.get();
        Map<String, Object> before = snapshot(ref, records.fields());
        keepSnapshot(ref, values);
        Chain chain = chains.remove(ref);
        if (chain == null || chain.expires().isBefore(Instant.now())) {
            chain = Chain.NONE;
        }
        RecordChange change = new RecordChange(ref, kind, before, values);
        boolean fired = false;
        for (Rule rule : rules) {
            Optional<RuleTrigger> trigger = RuleTriggers.trigger(rule.getTriggerId());
            if (trigger.isEmpty() || trigger.get().scheduled()) {
                continue;
            }
            Throwable[] failure = new Throwable[1];
            boolean fires = isolated(() -> trigger.get().fires(change, rule.getTriggerParameters()), failure);
            if (failure[0] != null) {
                log(execution(rule, ref, kind, chain.depth(), RuleExecution.Outcome.FAILED, NLS.bind(Messages.Engine_triggerFailed, message(failure[0]))));
                continue;
            }
            if (!fires || !conditionsHold(rule, records.fields(), values, this::codeOf)) {
                continue;
            }
            if (chain.rules().contains(rule.getId())) {
                log(execution(rule, ref, kind, chain.depth(), RuleExecution.Outcome.LOOP_STOPPED,
                        NLS.bind(Messages.Engine_loopStopped, String.join(" → ", chain.names()))));
            } else if (chain.depth() >= MAX_DEPTH) {
                log(execution(rule, ref, kind, chain.depth(), RuleExecution.Outcome.LOOP_STOPPED, NLS.bind(Messages.Engine_depthStopped, chain.depth())));
            } else {
                fire(rule, records, ref, values, kind, chain, UUID.randomUUID().toString());
                fired = true;
            }
        }
        if (fired && records.read(services, ref.id()).map(now -> sameValues(now, values)).orElse(true)) {
            chains.remove(ref); // the actions left the record as it was: no change of theirs will come back
        }
    }

    /** The enabled rules of an entity that a change fires (not the scheduled ones): while there are any, snapshots are kept. */
    private List<Rule> changeRules(String entity) {
        return enabledRules().stream().filter(r -> r.getEntity().equals(entity))
                .filter(r -> !RuleTriggers.trigger(r.getTriggerId()).map(RuleTrigger::scheduled).orElse(false)).toList();
    }

    private List<Rule> enabledRules() {
        List<Rule> rules = enabledRules;
        if (rules == null || enabledRulesRead.plus(RULES_LIFETIME).isBefore(Instant.now())) {
            long generation = rulesGeneration.get();
            rules = unitOfWork.read(em -> em.createQuery("SELECT r FROM Rule r WHERE r.enabled = TRUE ORDER BY r.name, r.id", Rule.class)
                    .getResultList());
            // a rule saved while this read ran may be missing from it: kept only if no save came in between
            if (generation == rulesGeneration.get()) {
                enabledRules = rules;
                enabledRulesRead = Instant.now();
            }
        }
        return rules;
    }

    /** Drops the cached rules after a save or delete has committed, so the next read sees it. */
    private void forgetEnabledRules() {
        rulesGeneration.incrementAndGet();
        enabledRules = null;
    }

    /** Runs a rule's actions on a record, each on its own, and logs the execution. */
    private RuleExecution fire(Rule rule, RuleRecords records, RecordRef ref, Map<String, Object> values, RecordChange.Kind kind,
            Chain chain, String occurrence) {
        chains.merge(ref, chain.with(rule), Chain::union);
        String occurrenceKey = occurrenceKey(rule, ref, occurrence);
        List<String> errors = new ArrayList<>();
        List<RuleActionCall> calls = rule.getActions();
        for (int i = 0; i < calls.size(); i++) {
            RuleActionCall call = calls.get(i);
            Optional<RuleActions.Descriptor> descriptor = RuleActions.find(call.actionId());
            String part = NLS.bind(Messages.Rule_actionPart, i + 1, descriptor.map(RuleActions.Descriptor::label).orElse(call.actionId()));
            if (descriptor.isEmpty()) {
                errors.add(part + ": " + NLS.bind(Messages.Engine_actionMissing, call.actionId()));
                continue;
            }
            Optional<RuleAction> action = descriptor.get().action().get();
            if (action.isEmpty()) {
                errors.add(part + ": " + NLS.bind(Messages.Engine_actionNotLoaded, call.actionId()));
                continue;
            }
            ActionContext context = new Context(rule, ref, values, call.parameters(), records, services, occurrenceKey + ":" + (i + 1));
            Throwable[] failure = new Throwable[1];
            isolated(() -> {
                action.get().execute(context);
                return true;
            }, failure);
            if (failure[0] != null) {
                errors.add(part + ": " + message(failure[0]));
            }
        }
        RuleExecution execution = execution(rule, ref, kind, chain.depth(),
                errors.isEmpty() ? RuleExecution.Outcome.SUCCEEDED : RuleExecution.Outcome.FAILED, errors.isEmpty() ? null : String.join("; ", errors));
        return log(execution);
    }

    private static RuleExecution execution(Rule rule, RecordRef ref, RecordChange.Kind kind, int depth, RuleExecution.Outcome outcome, String error) {
        RuleExecution execution = new RuleExecution(rule, ref.entity(), ref.id(), kind, Instant.now(Clocks.system()), depth);
        execution.setOutcome(outcome);
        execution.setError(error);
        return execution;
    }

    private RuleExecution log(RuleExecution execution) {
        try {
            return unitOfWork.write(em -> {
                em.persist(execution);
                return execution;
            });
        } catch (RuntimeException e) {
            ILog.of(getClass()).error("Could not log the execution of rule " + execution.getRuleName(), e);
            return execution;
        }
    }

    /** Calls contributed code inside SafeRunner (which logs what it throws); the failure, if any, lands in {@code failure[0]}. */
    private static boolean isolated(java.util.concurrent.Callable<Boolean> call, Throwable[] failure) {
        boolean[] result = { false };
        SafeRunner.run(new ISafeRunnable() {
            @Override
            public void run() throws Exception {
                result[0] = call.call();
            }

            @Override
            public void handleException(Throwable e) {
                failure[0] = e;
            }
        });
        return result[0];
    }

    private static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Conditions in order, AND binding tighter than OR; a rule without conditions always holds. */
    static boolean conditionsHold(Rule rule, List<RuleField> fields, Map<String, Object> values,
            java.util.function.BinaryOperator<String> codeOf) {
        boolean any = false;
        boolean group = true;
        List<RuleCondition> conditions = rule.getConditions();
        for (int i = 0; i < conditions.size(); i++) {
            RuleCondition c = conditions.get(i);
            if (i > 0 && c.join() == RuleCondition.Join.OR) {
                any |= group;
                group = true;
            }
            group &= holds(c, fields, values, codeOf);
        }
        return any || group;
    }

    /**
     * Whether one condition holds; a field that stores a picklist's codes compares the codes its value and the
     * condition's name ({@code codeOf(list, text)}), so a condition written with a label still matches.
     */
    private static boolean holds(RuleCondition c, List<RuleField> fields, Map<String, Object> values,
            java.util.function.BinaryOperator<String> codeOf) {
        Optional<RuleField> field = fields.stream().filter(f -> f.name().equals(c.field())).findFirst();
        if (field.isEmpty() || c.operator() == null) {
            return false;
        }
        try {
            Object operand = c.operator().needsValue() ? field.get().type().parse(c.value()) : null;
            Object actual = values.get(c.field());
            String list = field.get().picklist();
            if (list != null && c.operator() != Operator.CONTAINS) {
                operand = operand instanceof String text ? codeOf.apply(list, text) : operand;
                actual = actual instanceof String text && !text.isBlank() ? codeOf.apply(list, text) : actual;
            }
            return c.operator().test(actual, operand);
        } catch (IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }

    /** The code of the value of {@code list} that {@code text} names (code or label in either language), else the text. */
    private String codeOf(String list, String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        org.salesbench.persistence.Picklists lists = picklists;
        if (lists == null) {
            picklists = lists = org.salesbench.persistence.Picklists.open(unitOfWork, security);
        }
        return lists.resolveOrKeep(list, text);
    }

    // ---- what the engine last saw of a record -------------------------------------------------------------------

    private void queueWatch(String entity) {
        queue(() -> watch(entity), "Rules could not take the snapshots of " + entity);
    }

    /** {@link #watch} of every entity rules know, and the removal of snapshots of entities no longer contributed. */
    private void watchAll() {
        try {
            forgetEnabledRules();
            Set<String> known = new HashSet<>();
            RuleEntities.all().forEach(d -> {
                known.add(d.id());
                watch(d.id());
            });
            List<?> stored = unitOfWork.read(em -> em.createNativeQuery("SELECT DISTINCT RECORD_ENTITY FROM SB_RULE_SNAPSHOT_FIELD").getResultList());
            stored.stream().map(Object::toString).filter(e -> !known.contains(e)).forEach(this::forgetSnapshots);
        } catch (RuntimeException e) {
            ILog.of(getClass()).error("Rules could not take or prune their snapshots", e);
        }
    }

    /**
     * While change-fired rules watch {@code entity}, every record of it the catalogue lists has a snapshot, so "field
     * changed" fires on a record's first change after the rule was made too; once none does, its snapshots go (they
     * would only grow stale: the engine does not follow changes no rule watches). A catalogue that cannot list its
     * records gets a record's snapshot when the engine first handles a change of it.
     */
    void watch(String entity) {
        if (changeRules(entity).isEmpty()) {
            forgetSnapshots(entity);
            return;
        }
        Optional<RuleRecords> catalogue = RuleEntities.records(entity);
        long[] ids = catalogue.map(r -> r.ids(services)).orElse(null);
        if (ids == null) {
            return;
        }
        Set<Long> kept = new HashSet<>();
        unitOfWork.read(em -> em.createNativeQuery("SELECT DISTINCT RECORD_ID FROM SB_RULE_SNAPSHOT_FIELD WHERE RECORD_ENTITY = ?")
                .setParameter(1, entity).getResultList()).forEach(id -> kept.add(((Number) id).longValue()));
        long[] missing = java.util.Arrays.stream(ids).filter(id -> !kept.contains(id)).toArray();
        // a page at a time: the catalogue reads it in a few queries, and its snapshots are written in one transaction
        for (int from = 0; from < missing.length; from += SNAPSHOT_PAGE) {
            long[] page = java.util.Arrays.copyOfRange(missing, from, Math.min(missing.length, from + SNAPSHOT_PAGE));
            keepSnapshots(entity, catalogue.get().readAll(services, page));
        }
    }

    /** Records whose first snapshots are read and written together when a rule starts to watch their entity. */
    static final int SNAPSHOT_PAGE = 2000;

    /**
     * {@link #keepSnapshot} of many records of one entity: one transaction, JDBC batches of deletes and inserts, a row per
     * field. A field the user's roles hide is neither written nor deleted: its value here is the masked one (null), and
     * on a team server its rows are not theirs to see or write (the table's SB_FIELD_ROWS policy), so the value a user
     * who sees the field last kept stays.
     */
    private void keepSnapshots(String entity, Map<Long, Map<String, Object>> values) {
        if (values.isEmpty()) {
            return;
        }
        Set<String> hidden = hiddenFields(entity);
        unitOfWork.write(em -> {
            java.sql.Connection c = em.unwrap(java.sql.Connection.class);
            try (java.sql.PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM SB_RULE_SNAPSHOT_FIELD WHERE RECORD_ENTITY = ? AND RECORD_ID = ? AND FIELD = ?");
                    java.sql.PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO SB_RULE_SNAPSHOT_FIELD (RECORD_ENTITY, RECORD_ID, FIELD, FIELD_VALUE) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<Long, Map<String, Object>> record : values.entrySet()) {
                    // a change the engine handled meanwhile may have kept one already: the record's current values win
                    for (Map.Entry<String, Object> field : record.getValue().entrySet()) {
                        if (hidden.contains(field.getKey())) {
                            continue;
                        }
                        delete.setString(1, entity);
                        delete.setLong(2, record.getKey());
                        delete.setString(3, field.getKey());
                        delete.addBatch();
                        insert.setString(1, entity);
                        insert.setLong(2, record.getKey());
                        insert.setString(3, field.getKey());
                        insert.setString(4, FieldType.format(field.getValue()));
                        insert.addBatch();
                    }
                }
                delete.executeBatch();
                insert.executeBatch();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Rules could not keep the snapshots of " + entity + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** The fields of {@code entity} the user's roles hide: the engine neither keeps nor compares them. */
    private Set<String> hiddenFields(String entity) {
        Set<String> hidden = new HashSet<>();
        security.fieldRules(entity).forEach((field, access) -> {
            if (access == org.salesbench.core.security.FieldAccess.HIDDEN) {
                hidden.add(field);
            }
        });
        return hidden;
    }

    private void forgetSnapshots(String entity) {
        unitOfWork.write(em -> em.createNativeQuery("DELETE FROM SB_RULE_SNAPSHOT_FIELD WHERE RECORD_ENTITY = ?")
                .setParameter(1, entity).executeUpdate());
    }

    private void forgetSnapshot(RecordRef ref) {
        unitOfWork.write(em -> em.createNativeQuery("DELETE FROM SB_RULE_SNAPSHOT_FIELD WHERE RECORD_ENTITY = ? AND RECORD_ID = ?")
                .setParameter(1, ref.entity()).setParameter(2, ref.id()).executeUpdate());
        chains.remove(ref);
    }

    /** How many records of {@code entity} the engine keeps a snapshot of (tests, the benchmark). */
    public long snapshots(String entity) {
        return unitOfWork.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(DISTINCT RECORD_ID) FROM SB_RULE_SNAPSHOT_FIELD WHERE RECORD_ENTITY = ?")
                .setParameter(1, entity).getSingleResult()).longValue());
    }

    private Map<String, Object> snapshot(RecordRef ref, List<RuleField> fields) {
        List<?> rows = unitOfWork.read(em -> em.createNativeQuery(
                "SELECT FIELD, FIELD_VALUE FROM SB_RULE_SNAPSHOT_FIELD WHERE RECORD_ENTITY = ? AND RECORD_ID = ?")
                .setParameter(1, ref.entity()).setParameter(2, ref.id()).getResultList());
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, String> text = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            text.put((String) r[0], (String) r[1]);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (RuleField field : fields) {
            String value = text.get(field.name());
            try {
                values.put(field.name(), value == null ? null : field.type().parse(value));
            } catch (IllegalArgumentException e) {
                values.put(field.name(), null);
            }
        }
        return values;
    }

    private void keepSnapshot(RecordRef ref, Map<String, Object> values) {
        keepSnapshots(ref.entity(), Map.of(ref.id(), values));
    }

    private static boolean sameValues(Map<String, Object> a, Map<String, Object> b) {
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys.stream().allMatch(k -> Objects.equals(FieldType.format(a.get(k)), FieldType.format(b.get(k))));
    }

    private static ValidationException refused(String field, String message, Object value) {
        return new ValidationException(List.of(new FieldError(field, message, value)));
    }

    /** What one action is handed. */
    private record Context(Rule rule, RecordRef record, Map<String, Object> values, Map<String, String> parameters, RuleRecords records,
            RuleServices services, String occurrenceKey) implements ActionContext {

        @Override
        public String parameter(String name) {
            return parameters.get(name);
        }
    }
}
