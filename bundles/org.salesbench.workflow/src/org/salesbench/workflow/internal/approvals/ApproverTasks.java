package org.salesbench.workflow.internal.approvals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskPriority;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.TaskStatus;
import org.salesbench.workflow.approvals.ApprovalAction;
import org.salesbench.workflow.approvals.ApprovalAssignment;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalStatus;
import org.salesbench.workflow.approvals.ApprovalStep;

/**
 * One task per approver per step: made with {@link TaskService#createOnce} under the key of the approver's assignment
 * ({@code approval:<request>:<assignment>}), so a second run or a second client never makes another, and closed when the
 * assignment is: completed when the approver decided, cancelled when others decided the step, the request was recalled
 * or rejected. A rule id on the task makes the reminder pop-up announce it to the approver. What the current user may
 * not do (give a manager a task, close another person's) is left to that person's own client ({@link #syncMine}).
 */
final class ApproverTasks {

    /** The rule id on approvers' tasks. */
    static final String RULE = "approval";
    private static final String KEY_PREFIX = RULE + ":";
    private static final int TITLE_LENGTH = 200;

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final TaskService tasks;

    ApproverTasks(UnitOfWork unitOfWork, SecurityService security, TaskService tasks) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.tasks = tasks;
    }

    boolean uses(TaskService service) {
        return tasks == service;
    }

    static String key(long requestId, long assignmentId) {
        return KEY_PREFIX + requestId + ":" + assignmentId;
    }

    private record Snapshot(ApprovalRequest request, ApprovalStep step, List<ApprovalAssignment> assignments, Map<String, Task> openTasks) {
    }

    /**
     * Makes the tasks of the request's open approvers and closes those of the others, as far as the current user may.
     * Never throws: a task not made does not undo a decision; returns how many tasks it made or closed.
     */
    int sync(long requestId) {
        try {
            return syncRequest(requestId);
        } catch (RuntimeException e) {
            ILog.of(ApproverTasks.class).warn(NLS.bind(Messages.Task_syncFailed, requestId, e.getMessage()), e);
            return 0;
        }
    }

    private int syncRequest(long requestId) {
        Snapshot snapshot = unitOfWork.read(em -> {
            ApprovalRequest request = em.find(ApprovalRequest.class, requestId);
            if (request == null) {
                return null;
            }
            ApprovalDefinition definition = em.find(ApprovalDefinition.class, request.getDefinitionId());
            ApprovalStep step = definition == null || request.getCurrentStep() > definition.getSteps().size() ? null
                    : definition.getSteps().get(request.getCurrentStep() - 1);
            List<ApprovalAssignment> assignments = em.createQuery("SELECT a FROM ApprovalAssignment a WHERE a.requestId = :id ORDER BY a.id",
                    ApprovalAssignment.class).setParameter("id", requestId).getResultList();
            Map<String, Task> open = new HashMap<>();
            em.createQuery("SELECT t FROM Task t WHERE t.occurrenceKey LIKE :prefix AND t.status = :open", Task.class)
                    .setParameter("prefix", KEY_PREFIX + requestId + ":%").setParameter("open", TaskStatus.OPEN).getResultList()
                    .forEach(t -> open.put(t.getOccurrenceKey(), t));
            return new Snapshot(request, step, assignments, open);
        });
        if (snapshot == null) {
            return 0;
        }
        int changed = 0;
        ApprovalRequest request = snapshot.request();
        for (ApprovalAssignment assignment : snapshot.assignments()) {
            String key = key(requestId, assignment.getId());
            boolean waiting = assignment.isOpen() && request.getStatus() == ApprovalStatus.PENDING && assignment.getStep() == request.getCurrentStep();
            try {
                if (waiting) {
                    if (security.isPermitted(Action.CREATE, Task.ENTITY, assignment.getApprover())
                            && tasks.createOnce(task(request, snapshot.step(), assignment, key)).isPresent()) {
                        changed++;
                    }
                } else if (snapshot.openTasks().containsKey(key)) {
                    Task task = snapshot.openTasks().get(key);
                    if (security.isPermitted(Action.UPDATE, Task.ENTITY, task.getAssignee())) {
                        boolean decidedThemselves = assignment.getDecidedAt() != null
                                && (assignment.getDecision() == ApprovalAction.APPROVED || assignment.getDecision() == ApprovalAction.REJECTED);
                        if (decidedThemselves) {
                            tasks.complete(task.getId());
                        } else {
                            tasks.cancel(task.getId());
                        }
                        changed++;
                    }
                }
            } catch (RuntimeException e) {
                // one approver's task (an inactive user, a refused right) does not hold back the others'
                ILog.of(ApproverTasks.class).warn(NLS.bind(Messages.Task_syncFailed, requestId, e.getMessage()), e);
            }
        }
        return changed;
    }

    /** Syncs every request the current user has an open decision on, or an open approval task for. */
    int syncMine() {
        String me = security.currentUser().login().toLowerCase(Locale.ROOT);
        Set<Long> requestIds = unitOfWork.read(em -> {
            Set<Long> ids = new TreeSet<>(em.createQuery("SELECT DISTINCT a.requestId FROM ApprovalAssignment a, ApprovalRequest r"
                    + " WHERE r.id = a.requestId AND r.status = :pending AND a.decision IS NULL AND LOWER(a.approver) = :me", Long.class)
                    .setParameter("pending", ApprovalStatus.PENDING).setParameter("me", me).getResultList());
            for (String key : em.createQuery("SELECT t.occurrenceKey FROM Task t WHERE t.createdByRule = :rule AND t.status = :open"
                    + " AND LOWER(t.owner) = :me", String.class).setParameter("rule", RULE).setParameter("open", TaskStatus.OPEN)
                    .setParameter("me", me).getResultList()) {
                String[] parts = key.split(":");
                if (parts.length == 3) {
                    ids.add(Long.parseLong(parts[1]));
                }
            }
            return ids;
        });
        int changed = 0;
        for (long id : requestIds) {
            changed += sync(id);
        }
        return changed;
    }

    private static Task task(ApprovalRequest request, ApprovalStep step, ApprovalAssignment assignment, String key) {
        String title = NLS.bind(Messages.Task_title, new Object[] { request.getRecordLabel(), request.getDefinitionName(), request.getCurrentStep(),
                request.getStepCount() });
        Task task = new Task(title.length() > TITLE_LENGTH ? title.substring(0, TITLE_LENGTH) : title,
                new RecordRef(request.getEntityType(), request.getRecordId()),
                step == null || step.getSlaHours() <= 0 ? null : request.getStepStartedAt().plus(Duration.ofHours(step.getSlaHours())));
        task.setDescription(NLS.bind(Messages.Task_description, request.getRequester(), step == null ? "" : step.getName()));
        task.setAssignee(assignment.getApprover());
        task.setPriority(TaskPriority.HIGH);
        task.setCreatedByRule(RULE);
        task.setOccurrenceKey(key);
        return task;
    }
}
