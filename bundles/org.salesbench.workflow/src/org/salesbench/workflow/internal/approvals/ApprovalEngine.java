package org.salesbench.workflow.internal.approvals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
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
import org.salesbench.core.security.SecurityMessages;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.approvals.ApprovalAction;
import org.salesbench.workflow.approvals.ApprovalAssignment;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalHistoryEntry;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApprovalSort;
import org.salesbench.workflow.approvals.ApprovalStatus;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.approvals.SubjectField;
import org.salesbench.workflow.approvals.SubjectRecord;

/**
 * The approval engine on the database: definitions checked by {@link DefinitionValidator}, requests with one
 * {@link ApprovalAssignment} per approver of the current step, and a history row for everything that happens. The
 * record's module hears of the outcome inside the deciding transaction ({@link ApprovalSubject#decided}), so a module
 * that refuses the decision rolls it back.
 */
@Component(service = ApprovalService.class)
public class ApprovalEngine implements ApprovalService {

    /** The record ("entity:id") whose decision this thread is recording after the engine checked the decider. */
    private static final ThreadLocal<String> DECIDING = new ThreadLocal<>();

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;
    private final UserService users;
    private final Function<String, Optional<ApprovalSubject>> subjects;
    private final ApprovalSubject.Context context;
    private final Clock clock;
    /** Makes and closes the approvers' tasks; null while no task service runs (the engine works without). */
    private volatile ApproverTasks approverTasks;

    @Activate
    public ApprovalEngine(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference DomainEventPublisher events,
            @Reference UserService users, BundleContext bundle) {
        this(unitOfWork, security, events, users, ApprovalSubjects::subject, servicesOf(bundle), Clocks.system());
    }

    /** With the subjects, the services they use and the clock that dates decisions and SLAs (tests give their own). */
    public ApprovalEngine(UnitOfWork unitOfWork, SecurityService security, DomainEventPublisher events, UserService users,
            Function<String, Optional<ApprovalSubject>> subjects, ApprovalSubject.Context context, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
        this.users = users;
        this.subjects = subjects;
        this.context = context;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setTaskService(TaskService tasks) {
        useTasks(tasks);
    }

    void unsetTaskService(TaskService tasks) {
        ApproverTasks current = approverTasks;
        if (current != null && current.uses(tasks)) {
            approverTasks = null;
        }
    }

    /** Gives every approver of a step a task through {@code tasks} from now on (DS does it; tests and tools call it). */
    public void useTasks(TaskService tasks) {
        approverTasks = tasks == null ? null : new ApproverTasks(unitOfWork, security, tasks);
    }

    @Override
    public int syncMyTasks() {
        ApproverTasks tasks = approverTasks;
        return tasks == null ? 0 : tasks.syncMine();
    }

    private static ApprovalSubject.Context servicesOf(BundleContext bundle) {
        return new ApprovalSubject.Context() {
            @Override
            public <S> S service(Class<S> type) {
                ServiceReference<S> reference = bundle.getServiceReference(type);
                S service = reference == null ? null : bundle.getService(reference);
                if (service == null) {
                    throw new IllegalStateException(NLS.bind(Messages.Approval_serviceMissing, type.getName()));
                }
                return service;
            }
        };
    }

    // ---- definitions

    @Override
    public ApprovalDefinition saveDefinition(ApprovalDefinition definition) {
        security.check(definition.isNew() ? Action.CREATE : Action.UPDATE, ApprovalDefinition.ENTITY, definition.getOwner());
        new DefinitionValidator(subjects, users).validate(definition);
        return unitOfWork.write(em -> {
            boolean nameTaken = em.createQuery("SELECT d FROM ApprovalDefinition d WHERE d.name = :name", ApprovalDefinition.class)
                    .setParameter("name", definition.getName()).getResultStream().anyMatch(d -> !d.getId().equals(definition.getId()));
            if (nameTaken) {
                throw invalid("name", NLS.bind(Messages.Definition_nameTaken, definition.getName()));
            }
            ApprovalDefinition saved = definition.isNew() ? persist(em, definition) : em.merge(definition);
            em.flush();
            saved.getSteps().size();
            return saved;
        });
    }

    private static ApprovalDefinition persist(EntityManager em, ApprovalDefinition definition) {
        em.persist(definition);
        return definition;
    }

    @Override
    public List<ApprovalDefinition> definitions() {
        return definitions(" ORDER BY d.entityType, d.priority, d.name");
    }

    @Override
    public List<ApprovalDefinition> definitions(org.salesbench.workflow.approvals.DefinitionSort sort) {
        String column = switch (sort.column()) {
            case NAME -> "d.name";
            case ENTITY -> "d.entityType";
            case PRIORITY -> "d.priority";
            case ACTIVE -> "d.active";
        };
        return definitions(org.salesbench.persistence.JpqlOrder.by(column, "d.id", sort.ascending()));
    }

    private List<ApprovalDefinition> definitions(String orderBy) {
        return unitOfWork.read(em -> {
            List<ApprovalDefinition> all = em.createQuery("SELECT d FROM ApprovalDefinition d" + orderBy, ApprovalDefinition.class)
                    .getResultList();
            all.forEach(d -> d.getSteps().size());
            return all;
        });
    }

    @Override
    public Optional<ApprovalDefinition> findDefinition(long definitionId) {
        return unitOfWork.read(em -> {
            Optional<ApprovalDefinition> found = Optional.ofNullable(em.find(ApprovalDefinition.class, definitionId));
            found.ifPresent(d -> d.getSteps().size());
            return found;
        });
    }

    @Override
    public void deleteDefinition(long definitionId) {
        unitOfWork.write(em -> {
            ApprovalDefinition definition = em.find(ApprovalDefinition.class, definitionId);
            if (definition == null) {
                throw invalid("id", NLS.bind(Messages.Definition_notFound, definitionId));
            }
            security.check(Action.DELETE, ApprovalDefinition.ENTITY, definition.getOwner());
            long pending = em.createQuery("SELECT COUNT(r) FROM ApprovalRequest r WHERE r.definitionId = :id AND r.status = :pending", Long.class)
                    .setParameter("id", definitionId).setParameter("pending", ApprovalStatus.PENDING).getSingleResult();
            if (pending > 0) {
                throw invalid("id", NLS.bind(Messages.Definition_inUse, definition.getName(), pending));
            }
            em.remove(definition);
            return null;
        });
    }

    @Override
    public boolean mayEditDefinitions() {
        String me = me();
        return security.isPermitted(Action.CREATE, ApprovalDefinition.ENTITY, me) && security.isPermitted(Action.UPDATE, ApprovalDefinition.ENTITY, me)
                && security.isPermitted(Action.DELETE, ApprovalDefinition.ENTITY, me);
    }

    @Override
    public List<SubjectField> subjectFields(String entityType) {
        return entityType == null ? List.of() : subjects.apply(entityType).map(ApprovalSubject::fields).orElse(List.of());
    }

    @Override
    public List<String> subjectTypes() {
        return ApprovalSubjects.all().stream().map(ApprovalSubjects.Descriptor::entityType).toList();
    }

    @Override
    public Optional<ApprovalDefinition> matchingDefinition(String entityType, long recordId) {
        ApprovalSubject subject = subject(entityType);
        SubjectRecord record = read(subject, entityType, recordId);
        return match(subject, entityType, record.values());
    }

    @Override
    public Optional<ApprovalDefinition> matchingDefinition(String entityType, Map<String, Object> values) {
        return match(subject(entityType), entityType, values);
    }

    private Optional<ApprovalDefinition> match(ApprovalSubject subject, String entityType, Map<String, Object> values) {
        List<ApprovalDefinition> candidates = unitOfWork.read(em -> {
            List<ApprovalDefinition> found = em.createQuery("SELECT d FROM ApprovalDefinition d WHERE d.entityType = :type AND d.active = TRUE"
                    + " ORDER BY d.priority, d.name", ApprovalDefinition.class).setParameter("type", entityType).getResultList();
            found.forEach(d -> d.getSteps().size());
            return found;
        });
        for (ApprovalDefinition definition : candidates) {
            Optional<SubjectField> field = subject.fields().stream().filter(f -> f.name().equals(definition.getConditionField())).findFirst();
            if (field.isPresent() && definition.matches(field.get().type(), values.get(field.get().name()))) {
                return Optional.of(definition);
            }
        }
        return Optional.empty();
    }

    // ---- requests

    @Override
    public Optional<ApprovalRequest> start(String entityType, long recordId) {
        ApprovalSubject subject = subject(entityType);
        SubjectRecord record = read(subject, entityType, recordId);
        Optional<ApprovalDefinition> definition = match(subject, entityType, record.values());
        if (definition.isEmpty()) {
            return Optional.empty();
        }
        String requester = me();
        ApprovalRequest started = unitOfWork.write(em -> {
            if (pending(em, entityType, recordId).isPresent()) {
                throw invalid("record", NLS.bind(Messages.Approval_alreadyPending, entityType + " #" + recordId));
            }
            ApprovalRequest request = new ApprovalRequest(definition.get(), entityType, recordId, record.label(), record.owner(),
                    requester, clock.instant());
            em.persist(request);
            em.flush();
            history(em, request, ApprovalAction.SUBMITTED, null, null);
            assign(em, request, definition.get().getSteps().get(0));
            subject.lock(context, recordId);
            announce(request);
            return request;
        });
        return Optional.of(started);
    }

    @Override
    public Optional<ApprovalRequest> find(long requestId) {
        return unitOfWork.read(em -> Optional.ofNullable(em.find(ApprovalRequest.class, requestId)));
    }

    @Override
    public Optional<ApprovalRequest> pendingFor(String entityType, long recordId) {
        return unitOfWork.read(em -> pending(em, entityType, recordId));
    }

    @Override
    public Optional<ApprovalRequest> latestFor(String entityType, long recordId) {
        return unitOfWork.read(em -> em.createQuery("SELECT r FROM ApprovalRequest r WHERE r.entityType = :type AND r.recordId = :id"
                + " ORDER BY r.id DESC", ApprovalRequest.class).setParameter("type", entityType).setParameter("id", recordId)
                .setMaxResults(1).getResultStream().findFirst());
    }

    private static Optional<ApprovalRequest> pending(EntityManager em, String entityType, long recordId) {
        return em.createQuery("SELECT r FROM ApprovalRequest r WHERE r.entityType = :type AND r.recordId = :id AND r.status = :pending",
                ApprovalRequest.class).setParameter("type", entityType).setParameter("id", recordId)
                .setParameter("pending", ApprovalStatus.PENDING).getResultStream().findFirst();
    }

    @Override
    public List<ApprovalRequest> list(Filter filter, ApprovalSort sort) {
        String me = me().toLowerCase(Locale.ROOT);
        String order = orderBy(sort);
        return unitOfWork.read(em -> switch (filter) {
            case MINE -> em.createQuery("SELECT r FROM ApprovalRequest r WHERE LOWER(r.owner) = :me" + order, ApprovalRequest.class)
                    .setParameter("me", me).getResultList();
            case ALL -> em.createQuery("SELECT r FROM ApprovalRequest r" + order, ApprovalRequest.class).getResultList();
            case PENDING_FOR_ME -> security.currentUser().localOwner()
                    ? em.createQuery("SELECT r FROM ApprovalRequest r WHERE r.status = :pending" + order, ApprovalRequest.class)
                            .setParameter("pending", ApprovalStatus.PENDING).getResultList()
                    : em.createQuery("SELECT r FROM ApprovalRequest r WHERE r.status = :pending AND EXISTS (SELECT a FROM ApprovalAssignment a"
                            + " WHERE a.requestId = r.id AND a.step = r.currentStep AND a.decision IS NULL AND LOWER(a.approver) = :me)"
                            + order, ApprovalRequest.class)
                            .setParameter("pending", ApprovalStatus.PENDING).setParameter("me", me).getResultList();
        });
    }

    @Override
    public List<ApprovalRequest> latestFor(String entityType, java.util.Collection<Long> recordIds, ApprovalSort sort) {
        if (recordIds.isEmpty()) {
            return List.of();
        }
        return unitOfWork.read(em -> em.createQuery("SELECT r FROM ApprovalRequest r WHERE r.entityType = :type AND r.recordId IN :ids"
                + " AND r.id = (SELECT MAX(l.id) FROM ApprovalRequest l WHERE l.entityType = r.entityType AND l.recordId = r.recordId)"
                + orderBy(sort), ApprovalRequest.class).setParameter("type", entityType).setParameter("ids", List.copyOf(recordIds))
                .getResultList());
    }

    /** {@code ORDER BY} the sort's column, then the id, both the same way (no requests that tie come in a random order). */
    private static String orderBy(ApprovalSort sort) {
        ApprovalSort order = sort == null ? ApprovalSort.DEFAULT : sort;
        String column = switch (order.column()) {
            case ID -> null;
            case RECORD -> "r.entityType" + (order.ascending() ? " ASC" : " DESC") + ", r.recordLabel";
            case REQUESTER -> "LOWER(r.owner)";
            case STATUS -> org.salesbench.persistence.JpqlOrder.byDeclaration("r.status", ApprovalStatus.class);
            case STEP -> "r.currentStep";
            case DEFINITION -> "r.definitionName";
            case SUBMITTED -> "r.createdAt";
        };
        return org.salesbench.persistence.JpqlOrder.by(column, "r.id", order.ascending());
    }

    @Override
    public List<String> currentApprovers(long requestId) {
        return unitOfWork.read(em -> {
            ApprovalRequest request = load(em, requestId);
            return openAssignments(em, request).stream().map(ApprovalAssignment::getApprover).toList();
        });
    }

    @Override
    public boolean mayDecide(long requestId) {
        try {
            return unitOfWork.read(em -> {
                ApprovalRequest request = load(em, requestId);
                // an open assignment on the current step is the right to decide (see checkDecider)
                boolean local = security.currentUser().localOwner();
                return request.getStatus() == ApprovalStatus.PENDING && (local || openAssignment(em, request).isPresent() && !isRequester(request));
            });
        } catch (ValidationException e) {
            return false;
        }
    }

    @Override
    public boolean isApproverOf(String entityType, long recordId) {
        if (entityType == null) {
            return false;
        }
        return unitOfWork.read(em -> em.createQuery("SELECT COUNT(a) FROM ApprovalAssignment a, ApprovalRequest r WHERE a.requestId = r.id"
                + " AND r.entityType = :type AND r.recordId = :id AND LOWER(a.approver) = :me", Long.class).setParameter("type", entityType)
                .setParameter("id", recordId).setParameter("me", me().toLowerCase(java.util.Locale.ROOT)).getSingleResult() > 0);
    }

    @Override
    public boolean isDeciding(String entityType, long recordId) {
        return (entityType + ":" + recordId).equals(DECIDING.get());
    }

    /** Tells the record's module the outcome, marking the record as decided by the current user for {@link #isDeciding}. */
    private void decided(ApprovalRequest request, boolean approved, String comment) {
        String previous = DECIDING.get();
        DECIDING.set(request.getEntityType() + ":" + request.getRecordId());
        try {
            subject(request.getEntityType()).decided(context, request.getRecordId(), approved, comment);
        } finally {
            if (previous == null) {
                DECIDING.remove();
            } else {
                DECIDING.set(previous);
            }
        }
    }

    @Override
    public List<ApprovalHistoryEntry> history(long requestId) {
        return unitOfWork.read(em -> em.createQuery("SELECT h FROM ApprovalHistoryEntry h WHERE h.requestId = :id ORDER BY h.occurredAt, h.id",
                ApprovalHistoryEntry.class).setParameter("id", requestId).getResultList());
    }

    // ---- decisions

    @Override
    public ApprovalRequest approve(long requestId, String comment) {
        return unitOfWork.write(em -> {
            ApprovalRequest request = loadPending(em, requestId);
            ApprovalAssignment mine = checkDecider(em, request);
            Instant now = clock.instant();
            mine.close(ApprovalAction.APPROVED, now);
            history(em, request, ApprovalAction.APPROVED, blankToNull(comment), null);
            ApprovalDefinition definition = definition(em, request);
            ApprovalStep step = definition.getSteps().get(request.getCurrentStep() - 1);
            boolean stepDone = !step.isAllRequired() || openAssignments(em, request).isEmpty();
            if (stepDone) {
                // the others of a one-of step need not decide any more
                openAssignments(em, request).forEach(a -> a.close(ApprovalAction.APPROVED, null));
                if (request.getCurrentStep() < request.getStepCount()) {
                    request.setCurrentStep(request.getCurrentStep() + 1);
                    request.setStepStartedAt(now);
                    request.setEscalations(0);
                    assign(em, request, definition.getSteps().get(request.getCurrentStep() - 1));
                } else {
                    request.setStatus(ApprovalStatus.APPROVED);
                    request.setDecidedAt(now);
                    decided(request, true, blankToNull(comment));
                }
            }
            announce(request);
            return request;
        });
    }

    @Override
    public ApprovalRequest reject(long requestId, String comment) {
        if (comment == null || comment.isBlank()) {
            throw invalid("comment", Messages.Approval_commentRequired);
        }
        return unitOfWork.write(em -> {
            ApprovalRequest request = loadPending(em, requestId);
            ApprovalAssignment mine = checkDecider(em, request);
            Instant now = clock.instant();
            mine.close(ApprovalAction.REJECTED, now);
            openAssignments(em, request).forEach(a -> a.close(ApprovalAction.REJECTED, null));
            history(em, request, ApprovalAction.REJECTED, comment.trim(), null);
            request.setStatus(ApprovalStatus.REJECTED);
            request.setDecidedAt(now);
            decided(request, false, comment.trim());
            announce(request);
            return request;
        });
    }

    @Override
    public ApprovalRequest delegate(long requestId, String toLogin, String comment) {
        String to = toLogin == null ? "" : toLogin.trim();
        Optional<User> delegate = to.isEmpty() ? Optional.empty() : users.findUser(to);
        if (delegate.isEmpty() || !delegate.get().isActive()) {
            throw invalid("to", NLS.bind(Messages.Approval_unknownUser, to));
        }
        return unitOfWork.write(em -> {
            ApprovalRequest request = loadPending(em, requestId);
            ApprovalAssignment mine = checkDecider(em, request);
            String login = delegate.get().getLogin();
            if (login.equalsIgnoreCase(request.getRequester())) {
                throw invalid("to", NLS.bind(Messages.Approval_delegateToRequester, login));
            }
            if (login.equalsIgnoreCase(me()) || openAssignments(em, request).stream().anyMatch(a -> a.getApprover().equalsIgnoreCase(login))) {
                throw invalid("to", NLS.bind(Messages.Approval_delegateToApprover, login));
            }
            mine.close(ApprovalAction.DELEGATED, clock.instant());
            em.persist(new ApprovalAssignment(request, request.getCurrentStep(), login));
            history(em, request, ApprovalAction.DELEGATED, blankToNull(comment), login);
            announce(request);
            return request;
        });
    }

    @Override
    public ApprovalRequest recall(long requestId, String comment) {
        return unitOfWork.write(em -> {
            ApprovalRequest request = loadPending(em, requestId);
            if (!isRequester(request) && !security.currentUser().localOwner()) {
                throw new AccessDeniedException(NLS.bind(Messages.Approval_recallNotRequester, me(), request.getRequester()));
            }
            openAssignments(em, request).forEach(a -> a.close(ApprovalAction.RECALLED, null));
            history(em, request, ApprovalAction.RECALLED, blankToNull(comment), null);
            request.setStatus(ApprovalStatus.RECALLED);
            request.setDecidedAt(clock.instant());
            subject(request.getEntityType()).unlock(context, request.getRecordId());
            announce(request);
            return request;
        });
    }

    @Override
    public int escalateOverdue() {
        Instant now = clock.instant();
        List<Long> pendingIds = unitOfWork.read(em -> em.createQuery("SELECT r.id FROM ApprovalRequest r WHERE r.status = :pending ORDER BY r.id",
                Long.class).setParameter("pending", ApprovalStatus.PENDING).getResultList());
        int escalated = 0;
        for (Long id : pendingIds) {
            // one transaction per request: one that cannot be escalated does not hold back the others
            boolean done;
            try {
                done = escalate(id, now);
            } catch (ConcurrentChangeException e) {
                // another client escalated or decided it meanwhile: its change stands, this run leaves the request alone
                done = false;
            } catch (RuntimeException e) {
                // e.g. a lock conflict with another client, or a definition gone: the next run tries again
                ILog.of(ApprovalEngine.class).warn(NLS.bind(Messages.Escalation_failed, id, e.getMessage()), e);
                done = false;
            }
            escalated += done ? 1 : 0;
        }
        return escalated;
    }

    /** Escalates one request if its step is past its SLA; one transaction, so two clients never both escalate it. */
    private boolean escalate(long id, Instant now) {
        return unitOfWork.write(em -> {
            ApprovalRequest request = em.find(ApprovalRequest.class, id);
            if (request == null || request.getStatus() != ApprovalStatus.PENDING) {
                return false;
            }
            ApprovalDefinition definition = definition(em, request);
            ApprovalStep step = definition.getSteps().get(request.getCurrentStep() - 1);
            if (step.getSlaHours() <= 0) {
                return false;
            }
            Instant due = request.getStepStartedAt().plus(Duration.ofHours((long) step.getSlaHours() * (request.getEscalations() + 1)));
            Optional<ApprovalStep> target = escalationTarget(definition, step, request.getEscalations() + 1);
            if (!now.isAfter(due) || target.isEmpty()) {
                return false;
            }
            Set<String> open = new HashSet<>();
            openAssignments(em, request).forEach(a -> open.add(a.getApprover().toLowerCase(Locale.ROOT)));
            List<String> added = new ArrayList<>();
            for (String login : resolve(target.get(), request)) {
                if (open.add(login.toLowerCase(Locale.ROOT))) {
                    em.persist(new ApprovalAssignment(request, request.getCurrentStep(), login));
                    added.add(login);
                }
            }
            request.setEscalations(request.getEscalations() + 1);
            history(em, request, ApprovalAction.ESCALATED, NLS.bind(Messages.Approval_slaPassed, step.getName(), step.getSlaHours()),
                    String.join(",", added));
            announce(request);
            return true;
        });
    }

    /**
     * Closes the record's pending request when its module decided without the engine (the quotes' own approve and
     * refuse buttons): the history says who decided there, and the request no longer blocks a new submission.
     * Returns whether a request was closed.
     */
    @Override
    public boolean settledOutside(String entityType, long recordId, boolean approved, String decidedBy, String comment) {
        return unitOfWork.write(em -> {
            Optional<ApprovalRequest> pending = pending(em, entityType, recordId);
            if (pending.isEmpty()) {
                return false;
            }
            ApprovalRequest request = pending.get();
            ApprovalAction action = approved ? ApprovalAction.APPROVED : ApprovalAction.REJECTED;
            openAssignments(em, request).forEach(a -> a.close(action, null));
            em.persist(new ApprovalHistoryEntry(request, decidedBy == null ? me() : decidedBy, clock.instant(), action, comment));
            request.setStatus(approved ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED);
            request.setDecidedAt(clock.instant());
            announce(request);
            return true;
        });
    }

    @Override
    public boolean withdrawnOutside(String entityType, long recordId, String comment) {
        return unitOfWork.write(em -> {
            Optional<ApprovalRequest> pending = pending(em, entityType, recordId);
            if (pending.isEmpty()) {
                return false;
            }
            ApprovalRequest request = pending.get();
            openAssignments(em, request).forEach(a -> a.close(ApprovalAction.RECALLED, null));
            history(em, request, ApprovalAction.RECALLED, blankToNull(comment), null);
            request.setStatus(ApprovalStatus.RECALLED);
            request.setDecidedAt(clock.instant());
            announce(request);
            return true;
        });
    }

    /** The step the {@code level}-th escalation of {@code step} hands over to, following the escalation chain. */
    private static Optional<ApprovalStep> escalationTarget(ApprovalDefinition definition, ApprovalStep step, int level) {
        ApprovalStep current = step;
        for (int i = 0; i < level; i++) {
            Integer next = current.getEscalateToStep();
            if (next == null || next < 1 || next > definition.getSteps().size()) {
                return Optional.empty();
            }
            current = definition.getSteps().get(next - 1);
        }
        return Optional.of(current);
    }

    @Override
    public void checkEditable(String entityType, long recordId) {
        unitOfWork.read(em -> {
            Optional<ApprovalRequest> request = pending(em, entityType, recordId);
            if (request.isPresent() && !security.currentUser().localOwner() && openAssignment(em, request.get()).isEmpty()) {
                throw invalid("status", NLS.bind(Messages.Approval_locked, request.get().getRecordLabel(), request.get().getDefinitionName()));
            }
            return null;
        });
    }

    // ---- helpers

    /**
     * The current user's right to decide the current step: nobody decides their own request, and an open assignment on
     * the step is the right to decide it, whatever the user's roles say about the record. Assignments come from a
     * definition only administrators save (the owner's manager at any level an escalation reaches, named users outside
     * the owner's chain, a role's holders) or from a delegation by such an approver, so the definition, not the
     * approver's reach over the owner's records, says who decides. The decision writes only the request, its approvers
     * and history, and what the subject's {@link ApprovalSubject#decided} changes.
     */
    private ApprovalAssignment checkDecider(EntityManager em, ApprovalRequest request) {
        if (!security.currentUser().localOwner() && isRequester(request)) {
            throw new AccessDeniedException(SecurityMessages.ownRequest(me(), request.getEntityType()));
        }
        Optional<ApprovalAssignment> mine = myAssignment(em, request);
        if (mine.isEmpty()) {
            throw new AccessDeniedException(NLS.bind(Messages.Approval_notAnApprover, new Object[] { me(), request.getCurrentStep(),
                    String.join(", ", openAssignments(em, request).stream().map(ApprovalAssignment::getApprover).toList()) }));
        }
        return mine.get();
    }

    /**
     * The current user's open assignment on the current step; the owner of an embedded database, the only person
     * there is, decides for whoever the step waits on (and for a step that found nobody).
     */
    private Optional<ApprovalAssignment> myAssignment(EntityManager em, ApprovalRequest request) {
        List<ApprovalAssignment> open = openAssignments(em, request);
        Optional<ApprovalAssignment> mine = openAssignment(em, request);
        if (mine.isPresent() || !security.currentUser().localOwner()) {
            return mine;
        }
        if (open.isEmpty()) {
            ApprovalAssignment stand = new ApprovalAssignment(request, request.getCurrentStep(), me());
            em.persist(stand);
            return Optional.of(stand);
        }
        return Optional.of(open.get(0));
    }

    /** The current user's own open assignment on the current step. */
    private Optional<ApprovalAssignment> openAssignment(EntityManager em, ApprovalRequest request) {
        return openAssignments(em, request).stream().filter(a -> a.getApprover().equalsIgnoreCase(me())).findFirst();
    }

    private static List<ApprovalAssignment> openAssignments(EntityManager em, ApprovalRequest request) {
        return em.createQuery("SELECT a FROM ApprovalAssignment a WHERE a.requestId = :id AND a.step = :step AND a.decision IS NULL"
                + " ORDER BY a.id", ApprovalAssignment.class).setParameter("id", request.getId())
                .setParameter("step", request.getCurrentStep()).getResultList();
    }

    private void assign(EntityManager em, ApprovalRequest request, ApprovalStep step) {
        for (String login : resolve(step, request)) {
            em.persist(new ApprovalAssignment(request, request.getCurrentStep(), login));
        }
    }

    /** The active users who approve a step of this request; never its requester. */
    List<String> resolve(ApprovalStep step, ApprovalRequest request) {
        Set<String> logins = new LinkedHashSet<>();
        switch (step.getApproverKind()) {
            case USERS -> logins.addAll(step.approverNames());
            case ROLE -> step.approverNames().forEach(role -> logins.addAll(holdersOf(role)));
            case OWNER_MANAGER -> {
                Optional<String> manager = managerOf(request.getRecordOwner());
                if (manager.isPresent()) {
                    logins.add(manager.get());
                } else {
                    step.approverNames().forEach(role -> logins.addAll(holdersOf(role)));
                }
            }
        }
        logins.removeIf(login -> login.equalsIgnoreCase(request.getRequester()) || !isActive(login));
        return List.copyOf(logins);
    }

    private boolean isActive(String login) {
        return users.findUser(login).map(User::isActive).orElse(false);
    }

    private List<String> holdersOf(String role) {
        List<String> holders = new ArrayList<>();
        for (User user : users.users(true)) {
            if (users.rolesOf(user.getLogin()).contains(role)) {
                holders.add(user.getLogin());
            }
        }
        return holders;
    }

    /** The owner's own manager, else the manager of a team they belong to (not themselves). */
    private Optional<String> managerOf(String owner) {
        Optional<String> own = users.findUser(owner).map(User::getManager).filter(m -> m != null && !m.isBlank());
        if (own.isPresent()) {
            return own;
        }
        return users.teams().stream()
                .filter(t -> t.getManager() != null && !t.getManager().equalsIgnoreCase(owner)
                        && t.getMembers().stream().anyMatch(m -> m.equalsIgnoreCase(owner)))
                .map(Team::getManager).findFirst();
    }

    private ApprovalSubject subject(String entityType) {
        return subjects.apply(entityType).orElseThrow(() -> invalid("entityType", NLS.bind(Messages.Approval_unknownSubject, entityType)));
    }

    private SubjectRecord read(ApprovalSubject subject, String entityType, long recordId) {
        return subject.read(context, recordId)
                .orElseThrow(() -> invalid("record", NLS.bind(Messages.Approval_recordNotFound, entityType, recordId)));
    }

    private static ApprovalDefinition definition(EntityManager em, ApprovalRequest request) {
        ApprovalDefinition definition = em.find(ApprovalDefinition.class, request.getDefinitionId());
        if (definition == null) {
            throw invalid("definition", NLS.bind(Messages.Approval_definitionGone, request.getDefinitionName()));
        }
        return definition;
    }

    private static ApprovalRequest load(EntityManager em, long requestId) {
        ApprovalRequest request = em.find(ApprovalRequest.class, requestId);
        if (request == null) {
            throw invalid("id", NLS.bind(Messages.Approval_requestNotFound, requestId));
        }
        return request;
    }

    private static ApprovalRequest loadPending(EntityManager em, long requestId) {
        ApprovalRequest request = load(em, requestId);
        if (request.getStatus() != ApprovalStatus.PENDING) {
            throw invalid("status", NLS.bind(Messages.Approval_notPending, requestId, Messages.status(request.getStatus())));
        }
        return request;
    }

    private void history(EntityManager em, ApprovalRequest request, ApprovalAction action, String comment, String target) {
        em.persist(new ApprovalHistoryEntry(request, me(), clock.instant(), action, comment).to(target));
    }

    private void announce(ApprovalRequest request) {
        long id = request.getId();
        unitOfWork.afterCommit(() -> {
            events.publish(ENTITY, Change.UPDATED, id);
            ApproverTasks tasks = approverTasks;
            if (tasks != null) {
                tasks.sync(id);
            }
        });
    }

    private boolean isRequester(ApprovalRequest request) {
        return me().equalsIgnoreCase(request.getRequester());
    }

    private String me() {
        return security.currentUser().login();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message, null)));
    }
}
