package org.salesbench.workflow.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.Scope;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.Validator;
import org.salesbench.persistence.JpqlOrder;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.users.User;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskComment;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskPriority;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.TaskSort;
import org.salesbench.workflow.TaskStatus;

/**
 * Tasks: validation, permission checks against the stored assignee, events after commit. A rule's task is made once
 * per occurrence by the database's unique occurrence key, so two clients running the same rule at once cannot both
 * make it.
 */
@Component(service = TaskService.class)
public class TaskServiceImpl implements TaskService {

    /** SQLSTATE of a unique-constraint violation, the same on Derby and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Up to this many tasks made at once are announced one event each; more as one {@code IMPORTED} event. */
    static final int EVENTS_PER_TASK_UP_TO = 50;

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    private final Supplier<Clock> clock;

    @Activate
    public TaskServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security,
            @Reference DomainEventPublisher events) {
        this(unitOfWork, security, events, Clocks::system);
    }

    /** With the clock given, for tests that move time. */
    public TaskServiceImpl(UnitOfWork unitOfWork, SecurityService security, DomainEventPublisher events, Supplier<Clock> clock) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Task create(Task task) {
        prepareNew(task);
        return unitOfWork.write(em -> {
            validateAssignee(em, task.getAssignee());
            em.persist(task);
            em.flush();
            unitOfWork.afterCommit(() -> events.publish(Task.ENTITY, Change.CREATED, task.getId()));
            return task;
        });
    }

    /**
     * {@inheritDoc}
     * <p>
     * Call it outside any other write: it is a transaction of its own, so that the database's refusal of a second
     * task for the occurrence ends only this insert.
     */
    @Override
    public Optional<Task> createOnce(Task task) {
        requireOccurrenceKey(task);
        try {
            return Optional.of(create(task));
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Makes the tasks of many occurrences at once, each once: one transaction for those whose key no task visible to
     * this session has yet; if another client made one of them meanwhile, the batch falls back to
     * {@link #createOnce} one by one. Tasks the current user may not create are skipped.
     *
     * @return the tasks made
     */
    public List<Task> createEachOnce(List<Task> tasks) {
        List<Task> allowed = new ArrayList<>();
        Map<String, Task> byKey = new HashMap<>();
        for (Task task : tasks) {
            requireOccurrenceKey(task);
            if (task.getAssignee() == null || task.getAssignee().isBlank()) {
                task.setAssignee(security.currentUser().login());
            }
            if (security.isPermitted(Action.CREATE, Task.ENTITY, task.getAssignee()) && byKey.putIfAbsent(task.getOccurrenceKey(), task) == null) {
                normalise(task);
                validate(task);
                allowed.add(task);
            }
        }
        if (allowed.isEmpty()) {
            return List.of();
        }
        List<String> existing = existingKeys(new ArrayList<>(byKey.keySet()));
        List<Task> fresh = allowed.stream().filter(t -> !existing.contains(t.getOccurrenceKey())).toList();
        if (fresh.isEmpty()) {
            return List.of();
        }
        try {
            return unitOfWork.write(em -> {
                List<String> known = new ArrayList<>();
                for (Task task : fresh) {
                    if (!known.contains(task.getAssignee())) {
                        validateAssignee(em, task.getAssignee());
                        known.add(task.getAssignee());
                    }
                    task.setStatus(TaskStatus.OPEN);
                    em.persist(task);
                }
                em.flush();
                unitOfWork.afterCommit(() -> {
                    // a few new reminders are announced one by one (each may become a pop-up), a flood as one import
                    if (fresh.size() <= EVENTS_PER_TASK_UP_TO) {
                        fresh.forEach(t -> events.publish(Task.ENTITY, Change.CREATED, t.getId()));
                    } else {
                        events.publishImported(Task.ENTITY, fresh.size());
                    }
                });
                return fresh;
            });
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            List<Task> made = new ArrayList<>();
            for (Task task : fresh) {
                Task copy = copyOf(task);
                createOnce(copy).ifPresent(made::add);
            }
            return made;
        }
    }

    /** The keys among {@code keys} that have a task, in chunks small enough for any database's parameter limit. */
    private List<String> existingKeys(List<String> keys) {
        List<String> found = new ArrayList<>();
        int chunk = 500;
        for (int i = 0; i < keys.size(); i += chunk) {
            List<String> part = keys.subList(i, Math.min(keys.size(), i + chunk));
            found.addAll(unitOfWork.read(em -> em.createQuery(
                    "SELECT t.occurrenceKey FROM Task t WHERE t.occurrenceKey IN :keys", String.class)
                    .setParameter("keys", part).getResultList()));
        }
        return found;
    }

    @Override
    public Optional<Task> find(long id) {
        return unitOfWork.read(em -> Optional.ofNullable(em.find(Task.class, id)))
                .filter(t -> security.isPermitted(Action.READ, Task.ENTITY, t.getOwner()));
    }

    @Override
    public List<Task> list(TaskFilter filter, int offset, int limit) {
        return list(filter, TaskSort.DEFAULT, offset, limit);
    }

    @Override
    public List<Task> list(TaskFilter filter, TaskSort sort, int offset, int limit) {
        security.check(Action.READ, Task.ENTITY, null);
        return unitOfWork.read(em -> {
            TypedQuery<Task> q = query(em, filter, "SELECT t FROM Task t", orderBy(sort == null ? TaskSort.DEFAULT : sort), Task.class);
            return q.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(0, limit)).getResultList();
        });
    }

    /** {@code sort} as a JPQL {@code ORDER BY}, the id last so that every page follows one order. */
    private static String orderBy(TaskSort sort) {
        String direction = sort.ascending() ? " ASC" : " DESC";
        String key = switch (sort.column()) {
            case TITLE -> "t.title" + direction;
            // no due time: last when the soonest come first, first the other way round
            case DUE -> "t.dueAt" + direction + (sort.ascending() ? " NULLS LAST" : " NULLS FIRST");
            case PRIORITY -> JpqlOrder.byDeclaration("t.priority", TaskPriority.class) + direction;
            case ASSIGNEE -> "t.owner" + direction;
            case STATUS -> JpqlOrder.byDeclaration("t.status", TaskStatus.class) + direction;
        };
        return " ORDER BY " + key + ", t.id" + direction;
    }

    @Override
    public long count(TaskFilter filter) {
        security.check(Action.READ, Task.ENTITY, null);
        return unitOfWork.read(em -> query(em, filter, "SELECT COUNT(t) FROM Task t", "", Long.class).getSingleResult());
    }

    /**
     * The filter as JPQL. On a team server row-level security keeps out what the user may not read; a user whose
     * roles reach only their own tasks gets the same restriction in the query, so an embedded test of a rep's view
     * sees what the server would show.
     */
    private <T> TypedQuery<T> query(EntityManager em, TaskFilter filter, String select, String order, Class<T> type) {
        TaskFilter f = filter == null ? TaskFilter.all() : filter;
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.assignee() != null && !f.assignee().isBlank()) {
            where.append(" AND t.owner = :assignee");
            params.put("assignee", f.assignee().trim());
        }
        if (!security.currentUser().localOwner() && security.scope(Action.READ, Task.ENTITY) == Scope.OWN) {
            where.append(" AND t.owner = :me");
            params.put("me", security.currentUser().login());
        }
        if (!f.statuses().isEmpty()) {
            where.append(" AND t.status IN :statuses");
            params.put("statuses", List.copyOf(f.statuses()));
        }
        if (f.dueFrom() != null) {
            where.append(" AND t.dueAt >= :dueFrom");
            params.put("dueFrom", f.dueFrom());
        }
        if (f.dueBefore() != null) {
            where.append(" AND t.dueAt < :dueBefore");
            params.put("dueBefore", f.dueBefore());
        }
        if (f.related() != null) {
            where.append(" AND t.relatedEntity = :relatedEntity AND t.relatedId = :relatedId");
            params.put("relatedEntity", f.related().entity());
            params.put("relatedId", f.related().id());
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" AND LOWER(t.title) LIKE :text");
            params.put("text", "%" + f.text().trim().toLowerCase(Locale.ROOT) + "%");
        }
        TypedQuery<T> q = em.createQuery(select + where + order, type);
        params.forEach(q::setParameter);
        return q;
    }

    @Override
    public Task complete(long id) {
        return change(id, task -> {
            task.setStatus(TaskStatus.DONE);
            task.setCompletedAt(now());
            task.setCompletedBy(security.currentUser().login());
        });
    }

    @Override
    public Task cancel(long id) {
        return change(id, task -> task.setStatus(TaskStatus.CANCELLED));
    }

    @Override
    public Task snooze(long id, Instant until) {
        if (until == null) {
            new Validator().add("remindAt", Messages.Task_snoozeUntilRequired).throwIfInvalid();
        }
        return change(id, task -> {
            task.setRemindAt(until);
            if (task.getDueAt() != null && task.getDueAt().isBefore(until)) {
                task.setDueAt(until);
            }
        });
    }

    @Override
    public Task reassign(long id, String assignee) {
        String to = assignee == null ? null : assignee.trim();
        Validator v = new Validator();
        v.required("assignee", Messages.Task_assignee, to);
        v.throwIfInvalid();
        return unitOfWork.write(em -> {
            Task task = stored(em, id);
            // whoever reaches the task's assignee for an edit (the assignee, their manager, an administrator) hands it
            // to any active colleague; the new assignee need not be someone the giver could edit tasks of
            if (!security.isPermitted(Action.UPDATE, Task.ENTITY, task.getOwner())) {
                throw new AccessDeniedException(NLS.bind(Messages.Task_reassignDenied,
                        new Object[] { security.currentUser().login(), task.getTitle(), task.getOwner() }));
            }
            validateAssignee(em, to);
            task.setAssignee(to);
            em.flush();
            unitOfWork.afterCommit(() -> events.publish(Task.ENTITY, Change.UPDATED, id));
            return task;
        });
    }

    @Override
    public TaskComment comment(long taskId, String body) {
        String text = body == null ? null : body.trim();
        Validator v = new Validator();
        if (v.required("body", Messages.Task_comment, text)) {
            v.maxLength("body", Messages.Task_comment, text, 2000);
        }
        v.throwIfInvalid();
        return unitOfWork.write(em -> {
            Task task = stored(em, taskId);
            security.check(Action.READ, Task.ENTITY, task.getOwner());
            TaskComment comment = new TaskComment(taskId, text);
            comment.setOwner(security.currentUser().login());
            em.persist(comment);
            em.flush();
            unitOfWork.afterCommit(() -> events.publish(Task.ENTITY, Change.UPDATED, taskId));
            return comment;
        });
    }

    @Override
    public List<TaskComment> comments(long taskId) {
        return unitOfWork.read(em -> {
            Task task = stored(em, taskId);
            security.check(Action.READ, Task.ENTITY, task.getOwner());
            return em.createQuery("SELECT c FROM TaskComment c WHERE c.taskId = :t ORDER BY c.createdAt, c.id", TaskComment.class)
                    .setParameter("t", taskId).getResultList();
        });
    }

    @Override
    public int purgeOwnedBy(Collection<String> assignees) {
        if (assignees.isEmpty()) {
            return 0;
        }
        assignees.forEach(owner -> security.check(Action.DELETE, Task.ENTITY, owner));
        List<String> owners = List.copyOf(assignees);
        int purged = unitOfWork.write(em -> {
            em.createQuery("DELETE FROM TaskComment c WHERE c.taskId IN (SELECT t.id FROM Task t WHERE t.owner IN :owners)")
                    .setParameter("owners", owners).executeUpdate();
            return em.createQuery("DELETE FROM Task t WHERE t.owner IN :owners").setParameter("owners", owners).executeUpdate();
        });
        events.publishImported(Task.ENTITY, purged);
        return purged;
    }

    private Task change(long id, Consumer<Task> edit) {
        return unitOfWork.write(em -> changeIn(em, id, edit));
    }

    private Task changeIn(EntityManager em, long id, Consumer<Task> edit) {
        Task task = stored(em, id);
        security.check(Action.UPDATE, Task.ENTITY, task.getOwner());
        edit.accept(task);
        em.flush();
        unitOfWork.afterCommit(() -> events.publish(Task.ENTITY, Change.UPDATED, id));
        return task;
    }

    private static Task stored(EntityManager em, long id) {
        Task task = em.find(Task.class, id);
        if (task == null) {
            new Validator().add("id", Messages.Task_notFound, id).throwIfInvalid();
        }
        return task;
    }

    private void prepareNew(Task task) {
        if (task.getAssignee() == null || task.getAssignee().isBlank()) {
            task.setAssignee(security.currentUser().login());
        }
        normalise(task);
        validate(task);
        security.check(Action.CREATE, Task.ENTITY, task.getAssignee());
        task.setStatus(TaskStatus.OPEN);
    }

    private static void normalise(Task task) {
        if (task.getTitle() != null) {
            task.setTitle(task.getTitle().trim());
        }
        if (task.getAssignee() != null) {
            task.setAssignee(task.getAssignee().trim());
        }
        if (task.getDescription() != null && task.getDescription().isBlank()) {
            task.setDescription(null);
        }
    }

    /** The field rules of a task, the same for a form, an import and a rule. */
    static void validate(Task task) {
        Validator v = new Validator();
        if (v.required("title", Messages.Task_title, task.getTitle())) {
            v.maxLength("title", Messages.Task_title, task.getTitle(), 200);
        }
        v.maxLength("description", Messages.Task_description, task.getDescription(), 2000);
        v.maxLength("occurrenceKey", Messages.Task_occurrenceKey, task.getOccurrenceKey(), 255);
        v.maxLength("createdByRule", Messages.Task_createdByRule, task.getCreatedByRule(), 64);
        v.required("priority", Messages.Task_priority, task.getPriority());
        v.throwIfInvalid();
    }

    /** The assignee is the current user or an active user; an embedded database's owner needs no user row. */
    private void validateAssignee(EntityManager em, String assignee) {
        if (assignee.equals(security.currentUser().login())) {
            return;
        }
        Optional<User> user = em.createQuery("SELECT u FROM User u WHERE u.login = :l", User.class)
                .setParameter("l", assignee).getResultStream().findFirst();
        if (user.isEmpty() || !user.get().isActive()) {
            new Validator().add("assignee", user.isEmpty() ? Messages.Task_unknownAssignee : Messages.Task_inactiveAssignee,
                    Messages.Task_assignee, assignee).throwIfInvalid();
        }
    }

    private static void requireOccurrenceKey(Task task) {
        Validator v = new Validator();
        v.required("occurrenceKey", Messages.Task_occurrenceKey, task.getOccurrenceKey());
        v.throwIfInvalid();
    }

    private Instant now() {
        return Instant.now(clock.get());
    }

    /** Whether the database refused a row because its unique key is taken, wherever in the cause chain it says so. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Task copyOf(Task task) {
        Task copy = new Task(task.getTitle(), task.getRelated(), task.getDueAt());
        copy.setDescription(task.getDescription());
        copy.setAssignee(task.getAssignee());
        copy.setPriority(task.getPriority());
        copy.setRemindAt(task.getRemindAt());
        copy.setCreatedByRule(task.getCreatedByRule());
        copy.setOccurrenceKey(task.getOccurrenceKey());
        return copy;
    }
}
