package org.salesbench.workflow.internal.reminders;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.eclipse.core.runtime.ISafeRunnable;
import org.eclipse.core.runtime.SafeRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.Validator;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.internal.TaskServiceImpl;
import org.salesbench.workflow.reminders.ReminderContext;
import org.salesbench.workflow.reminders.ReminderEngine;
import org.salesbench.workflow.reminders.ReminderOccurrence;
import org.salesbench.workflow.reminders.ReminderRule;
import org.salesbench.workflow.reminders.ReminderRun;
import org.salesbench.workflow.reminders.ReminderSetting;

/**
 * Runs the contributed reminder rules and makes their tasks once: the task's occurrence key is the rule's id and the
 * occurrence's key, unique in the database, so a second run, a restart or another client finds the task there.
 */
@Component(service = ReminderEngine.class)
public class ReminderEngineImpl implements ReminderEngine {

    /** Tasks inserted per transaction: big enough to be fast, small enough to keep a lock short. */
    private static final int BATCH = 2000;

    private final UnitOfWork unitOfWork;
    private final TaskService tasks;
    private final SecurityService security;
    private final Supplier<Clock> clock;
    private final Supplier<List<ReminderRules.Descriptor>> rules;

    @Activate
    public ReminderEngineImpl(@Reference UnitOfWork unitOfWork, @Reference TaskService tasks, @Reference SecurityService security) {
        this(unitOfWork, tasks, security, Clocks::system, ReminderRules::all);
    }

    /** With the clock and the rules given, for tests and the benchmark. */
    public ReminderEngineImpl(UnitOfWork unitOfWork, TaskService tasks, SecurityService security, Supplier<Clock> clock,
            Supplier<List<ReminderRules.Descriptor>> rules) {
        this.unitOfWork = unitOfWork;
        this.tasks = tasks;
        this.security = security;
        this.clock = clock;
        this.rules = rules;
    }

    @Override
    public synchronized List<ReminderRun> run() {
        List<ReminderRun> runs = new ArrayList<>();
        for (ReminderRules.Descriptor descriptor : rules.get()) {
            if (ReminderSettings.enabled(descriptor)) {
                ReminderRun run = runRule(descriptor);
                record(run);
                runs.add(run);
            }
        }
        return runs;
    }

    @Override
    public List<ReminderSetting> settings() {
        return rules.get().stream().map(d -> new ReminderSetting(d.id(), d.label(), ReminderSettings.enabled(d), ReminderSettings.days(d), d.enabled(),
                d.days())).toList();
    }

    @Override
    public void configure(String ruleId, boolean enabled, int days) {
        Validator v = new Validator();
        if (rules.get().stream().noneMatch(d -> d.id().equals(ruleId))) {
            v.add("ruleId", Messages.Settings_unknownRule, ruleId);
        }
        if (days < 0) {
            v.add("days", Messages.Settings_negativeDays, ruleId, days);
        }
        v.throwIfInvalid();
        ReminderSettings.set(ruleId, enabled, days);
    }

    @Override
    public void resetSettings(String ruleId) {
        ReminderSettings.reset(ruleId);
    }

    private ReminderRun runRule(ReminderRules.Descriptor descriptor) {
        Clock now = clock.get();
        Instant startedAt = Instant.now(now);
        long start = System.nanoTime();
        int days = ReminderSettings.days(descriptor);
        Context context = new Context(startedAt, now.getZone(), days);
        List<ReminderOccurrence> found = new ArrayList<>();
        int[] made = {0};
        String[] error = {null};
        Optional<ReminderRule> rule = descriptor.rule().get();
        if (rule.isEmpty()) {
            error[0] = "class of " + descriptor.id() + " from " + descriptor.rule().contributor() + " could not be created";
        } else {
            SafeRunner.run(new ISafeRunnable() {
                @Override
                public void run() {
                    found.addAll(rule.get().due(context));
                }

                @Override
                public void handleException(Throwable e) {
                    error[0] = e.getClass().getSimpleName() + ": " + e.getMessage();
                    org.eclipse.core.runtime.ILog.of(ReminderEngineImpl.class)
                            .error("Reminder rule " + descriptor.id() + " from " + descriptor.rule().contributor() + " failed", e);
                }
            });
        }
        if (error[0] == null) {
            try {
                made[0] = makeTasks(descriptor.id(), found);
            } catch (RuntimeException e) {
                error[0] = e.getMessage();
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new ReminderRun(descriptor.id(), descriptor.label(), startedAt, millis, found.size(), made[0], error[0]);
    }

    private int makeTasks(String ruleId, List<ReminderOccurrence> occurrences) {
        int made = 0;
        for (int i = 0; i < occurrences.size(); i += BATCH) {
            List<Task> batch = new ArrayList<>();
            for (ReminderOccurrence o : occurrences.subList(i, Math.min(occurrences.size(), i + BATCH))) {
                batch.add(taskOf(ruleId, o));
            }
            if (tasks instanceof TaskServiceImpl impl) {
                made += impl.createEachOnce(batch).size();
            } else {
                for (Task task : batch) {
                    made += tasks.createOnce(task).isPresent() ? 1 : 0;
                }
            }
        }
        return made;
    }

    /** The task of an occurrence; its key is the rule's id and the occurrence's own key. */
    public static Task taskOf(String ruleId, ReminderOccurrence occurrence) {
        Task task = new Task(occurrence.title(), occurrence.record(), occurrence.dueAt());
        task.setAssignee(occurrence.assignee());
        task.setCreatedByRule(ruleId);
        task.setOccurrenceKey(ruleId + ":" + occurrence.occurrenceKey());
        return task;
    }

    private void record(ReminderRun run) {
        String by = security.currentUser().login();
        unitOfWork.write(em -> em.createNativeQuery(
                "INSERT INTO SB_REMINDER_RUN (RULE_ID, STARTED_AT, MILLIS, OCCURRENCES, TASKS_MADE, ERROR, RUN_BY) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, run.ruleId()).setParameter(2, Timestamp.from(run.startedAt())).setParameter(3, run.millis())
                .setParameter(4, run.found()).setParameter(5, run.made())
                .setParameter(6, run.error() == null ? null : truncate(run.error(), 1000)).setParameter(7, by).executeUpdate());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public List<ReminderRun> lastRuns() {
        Map<String, String> labels = new java.util.HashMap<>();
        List<String> order = new ArrayList<>();
        for (ReminderRules.Descriptor d : rules.get()) {
            labels.put(d.id(), d.label());
            order.add(d.id());
        }
        List<Object[]> rows = unitOfWork.read(em -> rows(em, "SELECT R.RULE_ID, R.STARTED_AT, R.MILLIS, R.OCCURRENCES, R.TASKS_MADE, R.ERROR"
                + " FROM SB_REMINDER_RUN R WHERE R.ID = (SELECT MAX(L.ID) FROM SB_REMINDER_RUN L WHERE L.RULE_ID = R.RULE_ID)"));
        List<ReminderRun> runs = new ArrayList<>();
        for (Object[] r : rows) {
            String id = (String) r[0];
            runs.add(new ReminderRun(id, labels.getOrDefault(id, id), ((Timestamp) r[1]).toInstant(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), (String) r[5]));
        }
        runs.sort(java.util.Comparator.comparingInt(run -> order.indexOf(run.ruleId()) < 0 ? Integer.MAX_VALUE : order.indexOf(run.ruleId())));
        return runs;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    private final class Context implements ReminderContext {
        private final Instant now;
        private final ZoneId zone;
        private final int days;

        Context(Instant now, ZoneId zone, int days) {
            this.now = now;
            this.zone = zone;
            this.days = days;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public ZoneId zone() {
            return zone;
        }

        @Override
        public int days() {
            return days;
        }

        @Override
        public <T> T read(Function<EntityManager, T> query) {
            return unitOfWork.read(query);
        }
    }
}
