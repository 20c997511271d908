package org.salesbench.performance.internal.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.Unit;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.Scope;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Validator;
import org.salesbench.performance.targets.AttainmentService;
import org.salesbench.performance.targets.SplitMethod;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.SubjectKind;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetCell;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.performance.targets.TargetRevision;
import org.salesbench.performance.targets.TargetService;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/** Targets on the unit of work: validated, checked against the user's roles, every value change kept with who and why. */
@Component(service = TargetService.class)
public class TargetServiceImpl implements TargetService {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final UserService users;
    private final MetricCatalogue metrics;
    private final AttainmentService attainment;
    private final DomainEventPublisher events;

    @Activate
    public TargetServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference UserService users,
            @Reference MetricCatalogue metrics, @Reference AttainmentService attainment, @Reference DomainEventPublisher events) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.users = users;
        this.metrics = metrics;
        this.attainment = attainment;
        this.events = events;
    }

    @Override
    public Target create(String metric, Subject subject, TargetPeriod period, BigDecimal value, String reason) {
        return write(metric, subject, period, value, reason, false);
    }

    @Override
    public Target set(String metric, Subject subject, TargetPeriod period, BigDecimal value, String reason) {
        return write(metric, subject, period, value, reason, true);
    }

    private Target write(String metric, Subject subject, TargetPeriod period, BigDecimal value, String reason, boolean orUpdate) {
        Validator v = new Validator();
        v.required("period", Messages.Target_period, period);
        v.required("subject", Messages.Target_subject, subject);
        Metric m = checkMetric(v, metric);
        if (subject != null) {
            checkSubject(v, subject);
        }
        checkValue(v, "value", value, m);
        checkReason(v, reason);
        v.throwIfInvalid();
        String owner = ownerOf(subject);
        Optional<Target> existing = find(metric, subject, period);
        if (existing.isPresent() && !orUpdate) {
            Target t = existing.get();
            throw new ValidationException(List.of(new FieldError("period", NLS.bind(Messages.Target_overlap,
                    new Object[] { period.kind().name().toLowerCase(), subject, m.label(), period, t.getId() }), period)));
        }
        if (existing.isPresent()) {
            return update(existing.get().getId(), value, reason);
        }
        checkWrite(Action.CREATE, subject, owner);
        Target saved = unitOfWork.write(em -> {
            Target t = new Target(metric, subject, period, scaled(value, m));
            t.setOwner(owner);
            em.persist(t);
            em.flush();
            em.persist(revision(t, null, reason));
            long id = t.getId();
            unitOfWork.afterCommit(() -> events.publish(Target.ENTITY, Change.CREATED, id));
            return t;
        });
        return saved;
    }

    @Override
    public List<Target> saveCells(String metric, List<TargetCell> cells, String reason) {
        return unitOfWork.write(em -> {
            List<Target> saved = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                TargetCell cell = cells.get(i);
                try {
                    if (cell.targetId() == null) {
                        Optional<Target> now = cell.subject() == null || cell.period() == null ? Optional.empty()
                                : find(metric, cell.subject(), cell.period());
                        if (now.isPresent()) {
                            throw ConcurrentChangeException.of(Target.ENTITY, now.get().getId(), now.get().getUpdatedBy());
                        }
                        saved.add(create(metric, cell.subject(), cell.period(), cell.value(), reason));
                    } else {
                        Target stored = em.find(Target.class, cell.targetId());
                        ConcurrentChangeException.checkVersion(Target.ENTITY, cell.targetId(), cell.seenVersion(),
                                stored == null ? null : stored.getVersion(), stored == null ? null : stored.getUpdatedBy());
                        saved.add(update(cell.targetId(), cell.value(), reason));
                    }
                } catch (ValidationException e) {
                    String prefix = "cells[" + i + "].";
                    String where = cell.subject() + " " + cell.period();
                    throw new ValidationException(e.getErrors().stream()
                            .map(fe -> new FieldError(prefix + fe.field(), NLS.bind(Messages.Target_cell, where, fe.message()), fe.value())).toList());
                }
            }
            return saved;
        });
    }

    @Override
    public Target update(long targetId, BigDecimal value, String reason) {
        Target stored = find(targetId).orElseThrow(() -> notFound(targetId));
        Validator v = new Validator();
        Metric m = checkMetric(v, stored.getMetric());
        checkValue(v, "value", value, m);
        checkReason(v, reason);
        v.throwIfInvalid();
        checkWrite(Action.UPDATE, stored.getSubject(), stored.getOwner());
        return unitOfWork.write(em -> {
            Target t = em.find(Target.class, targetId);
            change(em, t, scaled(value, m), reason);
            return t;
        });
    }

    /** Sets the value and keeps the change; nothing when the value is the same. */
    private void change(EntityManager em, Target t, BigDecimal value, String reason) {
        if (t.getValue().compareTo(value) == 0) {
            return;
        }
        BigDecimal before = t.getValue();
        t.setValue(value);
        em.persist(revision(t, before, reason));
        long id = t.getId();
        unitOfWork.afterCommit(() -> events.publish(Target.ENTITY, Change.UPDATED, id));
    }

    private static TargetRevision revision(Target t, BigDecimal before, String reason) {
        TargetRevision r = new TargetRevision(t.getId(), before, t.getValue(), reason.trim());
        r.setOwner(t.getOwner());
        return r;
    }

    @Override
    public Optional<Target> find(long id) {
        return Optional.ofNullable(unitOfWork.read(em -> em.find(Target.class, id))).filter(this::readable);
    }

    @Override
    public Optional<Target> find(String metric, Subject subject, TargetPeriod period) {
        return unitOfWork.read(em -> em.createQuery("SELECT t FROM Target t WHERE t.metric = :m AND t.subjectKind = :k AND t.subjectKey = :s"
                + " AND t.periodKind = :pk AND t.periodStart = :ps", Target.class).setParameter("m", metric).setParameter("k", subject.kind())
                .setParameter("s", subject.key()).setParameter("pk", period.kind()).setParameter("ps", period.from()).getResultList())
                .stream().filter(this::readable).findFirst();
    }

    @Override
    public List<Target> list(String metric, TargetPeriod within) {
        List<Target> all = unitOfWork.read(em -> {
            StringBuilder q = new StringBuilder("SELECT t FROM Target t WHERE 1 = 1");
            if (metric != null) {
                q.append(" AND t.metric = :m");
            }
            if (within != null) {
                q.append(" AND t.periodStart >= :from AND t.periodEnd <= :to");
            }
            var query = em.createQuery(q.toString(), Target.class);
            if (metric != null) {
                query.setParameter("m", metric);
            }
            if (within != null) {
                query.setParameter("from", within.from()).setParameter("to", within.to());
            }
            return query.getResultList();
        });
        return all.stream().filter(this::readable).sorted(ORDER).toList();
    }

    static final Comparator<Target> ORDER = Comparator.comparing(Target::getMetric).thenComparing(Target::getSubject)
            .thenComparing(Target::getPeriod);

    private boolean readable(Target t) {
        return t.getSubject().kind() != SubjectKind.PERSON || security.isPermitted(Action.READ, Target.ENTITY, t.getSubject().key());
    }

    @Override
    public List<Target> splitToSubjects(long targetId, SplitMethod method, Map<Subject, BigDecimal> byHand, String reason) {
        Target whole = find(targetId).orElseThrow(() -> notFound(targetId));
        Subject subject = whole.getSubject();
        String label = describe(whole);
        if (subject.kind() == SubjectKind.PERSON) {
            throw invalid("subject", NLS.bind(Messages.Target_companyOnly, label), subject);
        }
        List<Subject> children = childrenOf(subject);
        if (children.isEmpty()) {
            throw invalid("subject", NLS.bind(Messages.Target_noParts, label, subject), subject);
        }
        Map<Subject, TargetPeriod> parts = new LinkedHashMap<>();
        children.forEach(c -> parts.put(c, whole.getPeriod()));
        return split(whole, parts, method, byHand == null ? Map.of() : Map.copyOf(byHand), reason);
    }

    @Override
    public List<Target> splitToMonths(long targetId, SplitMethod method, Map<TargetPeriod, BigDecimal> byHand, String reason) {
        Target whole = find(targetId).orElseThrow(() -> notFound(targetId));
        if (whole.getPeriod().kind() == org.salesbench.performance.targets.PeriodKind.MONTH) {
            throw invalid("period", NLS.bind(Messages.Target_notMonthly, describe(whole)), whole.getPeriod());
        }
        Map<Object, TargetPeriod> parts = new LinkedHashMap<>();
        whole.getPeriod().months().forEach(month -> parts.put(month, month));
        Map<Object, BigDecimal> hand = new LinkedHashMap<>();
        if (byHand != null) {
            hand.putAll(byHand);
        }
        return split(whole, parts, method, hand, reason);
    }

    /**
     * Splits {@code whole} into the parts named by the keys of {@code parts} (a subject each, or a month each of the
     * whole's subject), each for the period it maps to.
     */
    private <K> List<Target> split(Target whole, Map<K, TargetPeriod> parts, SplitMethod method, Map<?, BigDecimal> byHand, String reason) {
        Metric m = metrics.metric(whole.getMetric()).orElseThrow(() -> invalid("metric", whole.getMetric(), whole.getMetric()));
        int scale = scaleOf(m);
        String label = describe(whole);
        Validator v = new Validator();
        v.required("method", Messages.Target_split, method);
        checkReason(v, reason);
        v.throwIfInvalid();
        List<K> keys = new ArrayList<>(parts.keySet());
        List<BigDecimal> values;
        switch (method) {
            case EQUAL -> values = Splits.equal(whole.getValue(), keys.size(), scale);
            case LAST_YEAR_SHARE -> {
                List<BigDecimal> weights = new ArrayList<>();
                for (K key : keys) {
                    Subject s = key instanceof Subject subject ? subject : whole.getSubject();
                    TargetPeriod before = parts.get(key).yearBefore();
                    BigDecimal actual = attainment.actual(whole.getMetric(), s, before.from(), before.to());
                    weights.add(actual == null || actual.signum() < 0 ? BigDecimal.ZERO : actual);
                }
                if (weights.stream().allMatch(w -> w.signum() == 0)) {
                    throw invalid("method", NLS.bind(Messages.Target_noLastYear, new Object[] { label, m.label(), whole.getPeriod().yearBefore() }), method);
                }
                values = Splits.byWeights(whole.getValue(), weights, scale);
            }
            case BY_HAND -> {
                Set<Object> known = new HashSet<>(keys);
                List<FieldError> errors = new ArrayList<>();
                for (var e : byHand.entrySet()) {
                    if (!known.contains(e.getKey())) {
                        errors.add(new FieldError("parts", NLS.bind(Messages.Target_partUnknown, new Object[] { label, e.getKey(), whole.getSubject() }), e.getKey()));
                    } else if (e.getValue() == null || e.getValue().signum() < 0) {
                        errors.add(new FieldError("parts", NLS.bind(Messages.Target_partNegative, new Object[] { label, e.getKey(), e.getValue() }), e.getValue()));
                    } else if (e.getValue().stripTrailingZeros().scale() > scale) {
                        errors.add(new FieldError("parts", NLS.bind(Messages.Target_tooManyDecimals, new Object[] { e.getKey(), e.getValue(), scale }), e.getValue()));
                    }
                }
                if (!errors.isEmpty()) {
                    throw new ValidationException(errors);
                }
                values = keys.stream().map(k -> byHand.containsKey(k) ? byHand.get(k).setScale(scale, RoundingMode.UNNECESSARY) : BigDecimal.ZERO.setScale(scale))
                        .toList();
                BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal expected = whole.getValue().setScale(scale, RoundingMode.HALF_UP);
                if (sum.compareTo(expected) != 0) {
                    throw invalid("parts", NLS.bind(Messages.Target_partsDoNotAddUp, new Object[] { label, sum.toPlainString(), expected.toPlainString(),
                            sum.subtract(expected).toPlainString() }), sum);
                }
            }
            default -> throw new IllegalArgumentException(String.valueOf(method));
        }
        // every part is checked (an inactive member, a right the user lacks) before anything is written
        List<Target> existing = new ArrayList<>();
        for (K key : keys) {
            Subject s = key instanceof Subject subject ? subject : whole.getSubject();
            Optional<Target> there = find(whole.getMetric(), s, parts.get(key));
            existing.add(there.orElse(null));
            checkWrite(there.isPresent() ? Action.UPDATE : Action.CREATE, s, there.map(Target::getOwner).orElseGet(() -> ownerOf(s)));
        }
        String why = reason.trim() + " — " + NLS.bind(Messages.Target_split, whole.getId(), method.name().toLowerCase());
        String kept = why.length() > 500 ? why.substring(0, 500) : why;
        return unitOfWork.write(em -> {
            List<Target> result = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                K key = keys.get(i);
                Subject s = key instanceof Subject subject ? subject : whole.getSubject();
                Target there = existing.get(i);
                Target t;
                if (there == null) {
                    t = new Target(whole.getMetric(), s, parts.get(key), values.get(i));
                    t.setOwner(ownerOf(s));
                    t.setParentId(whole.getId());
                    t.setSplitMethod(method);
                    em.persist(t);
                    em.flush();
                    em.persist(revision(t, null, kept));
                    long id = t.getId();
                    unitOfWork.afterCommit(() -> events.publish(Target.ENTITY, Change.CREATED, id));
                } else {
                    t = em.find(Target.class, there.getId());
                    t.setParentId(whole.getId());
                    t.setSplitMethod(method);
                    change(em, t, values.get(i), kept);
                }
                result.add(t);
            }
            return result;
        });
    }

    @Override
    public List<Target> parts(long targetId) {
        return unitOfWork.read(em -> em.createQuery("SELECT t FROM Target t WHERE t.parentId = :p", Target.class).setParameter("p", targetId)
                .getResultList()).stream().filter(this::readable).sorted(ORDER).toList();
    }

    @Override
    public List<String> check(long targetId) {
        Target whole = find(targetId).orElseThrow(() -> notFound(targetId));
        Metric m = metrics.metric(whole.getMetric()).orElse(null);
        String label = m == null ? whole.getMetric() : m.label();
        List<Target> parts = parts(targetId);
        List<String> problems = new ArrayList<>();
        Map<Boolean, List<Target>> byMonth = parts.stream().collect(Collectors.partitioningBy(p -> p.getSubject().equals(whole.getSubject())));
        BigDecimal months = sum(byMonth.get(true));
        BigDecimal subjects = sum(byMonth.get(false));
        if (!byMonth.get(false).isEmpty() && subjects.compareTo(whole.getValue()) != 0) {
            problems.add(NLS.bind(Messages.Target_checkSubjects, new Object[] { label, whole.getSubject(), whole.getPeriod(), plain(subjects), plain(whole.getValue()) }));
        }
        if (!byMonth.get(true).isEmpty() && months.compareTo(whole.getValue()) != 0) {
            problems.add(NLS.bind(Messages.Target_checkMonths, new Object[] { label, whole.getSubject(), whole.getPeriod(), plain(months), plain(whole.getValue()) }));
        }
        return problems;
    }

    private static BigDecimal sum(List<Target> targets) {
        return targets.stream().map(Target::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    @Override
    public List<TargetRevision> history(long targetId) {
        find(targetId).orElseThrow(() -> notFound(targetId));
        return unitOfWork.read(em -> em.createQuery("SELECT r FROM TargetRevision r WHERE r.targetId = :t ORDER BY r.id", TargetRevision.class)
                .setParameter("t", targetId).getResultList());
    }

    @Override
    public void delete(long targetId, String reason) {
        Target stored = find(targetId).orElseThrow(() -> notFound(targetId));
        Validator v = new Validator();
        checkReason(v, reason);
        v.throwIfInvalid();
        checkWrite(Action.DELETE, stored.getSubject(), stored.getOwner());
        List<Long> ids = new ArrayList<>();
        collect(targetId, ids);
        for (long id : ids) {
            Target t = find(id).orElseThrow(() -> notFound(id));
            checkWrite(Action.DELETE, t.getSubject(), t.getOwner());
        }
        unitOfWork.write(em -> {
            // parts first: each names its parent
            for (int i = ids.size() - 1; i >= 0; i--) {
                long id = ids.get(i);
                em.createQuery("DELETE FROM TargetRevision r WHERE r.targetId = :t").setParameter("t", id).executeUpdate();
                em.remove(em.find(Target.class, id));
                unitOfWork.afterCommit(() -> events.publish(Target.ENTITY, Change.DELETED, id));
            }
            return null;
        });
    }

    private void collect(long id, List<Long> ids) {
        ids.add(id);
        for (Target part : parts(id)) {
            collect(part.getId(), ids);
        }
    }

    // ---- checks

    private Metric checkMetric(Validator v, String metric) {
        if (!v.required("metric", Messages.Target_metric, metric)) {
            return null;
        }
        Optional<Metric> m = metrics.metric(metric);
        if (m.isEmpty()) {
            v.add("metric", Messages.Target_unknownMetric, Messages.Target_metric, metric,
                    metrics.metrics().stream().filter(TargetServiceImpl::summable).map(Metric::id).collect(Collectors.joining(", ")));
            return null;
        }
        if (!summable(m.get())) {
            v.add("metric", Messages.Target_metricNotSummable, Messages.Target_metric, metric);
            return null;
        }
        return m.get();
    }

    static boolean summable(Metric m) {
        return m.unit() == Unit.MONEY || m.unit() == Unit.COUNT;
    }

    static int scaleOf(Metric m) {
        return m != null && m.unit() == Unit.COUNT ? 0 : 2;
    }

    private static BigDecimal scaled(BigDecimal value, Metric m) {
        return value.setScale(scaleOf(m), RoundingMode.UNNECESSARY);
    }

    private static void checkValue(Validator v, String field, BigDecimal value, Metric m) {
        if (!v.required(field, Messages.Target_value, value)) {
            return;
        }
        if (value.signum() < 0) {
            v.add(field, Messages.Target_negative, Messages.Target_value, value.toPlainString());
            return;
        }
        int scale = scaleOf(m);
        if (value.stripTrailingZeros().scale() > scale) {
            v.add(field, Messages.Target_tooManyDecimals, Messages.Target_value, value.toPlainString(), scale);
            return;
        }
        v.amount(field, Messages.Target_value, value);
    }

    private static void checkReason(Validator v, String reason) {
        if (v.required("reason", Messages.Target_reason, reason)) {
            v.maxLength("reason", Messages.Target_reason, reason.trim(), 400);
        }
    }

    private void checkSubject(Validator v, Subject subject) {
        switch (subject.kind()) {
            case PERSON -> {
                Optional<User> user = users.findUser(subject.key());
                if (user.isEmpty()) {
                    v.add("subject", Messages.Target_unknownUser, Messages.Target_subject, subject.key());
                } else if (!user.get().isActive()) {
                    v.add("subject", Messages.Target_inactiveUser, Messages.Target_subject, subject.key());
                }
            }
            case TEAM -> {
                if (team(subject).isEmpty()) {
                    v.add("subject", Messages.Target_unknownTeam, Messages.Target_subject, subject.key());
                }
            }
            case COMPANY -> {
            }
        }
    }

    private Optional<Team> team(Subject subject) {
        long id;
        try {
            id = subject.teamId();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return users.teams().stream().filter(t -> t.getId() == id).findFirst();
    }

    /** Who a subject's target belongs to: the person, the team's manager, for the company whoever sets it. */
    private String ownerOf(Subject subject) {
        return switch (subject.kind()) {
            case PERSON -> subject.key();
            case TEAM -> team(subject).map(Team::getManager).filter(m -> m != null && !m.isBlank()).orElse(security.currentUser().login());
            case COMPANY -> security.currentUser().login();
        };
    }

    /** The subjects one level down: the company's teams, a team's active members. */
    private List<Subject> childrenOf(Subject subject) {
        if (subject.kind() == SubjectKind.COMPANY) {
            return users.teams().stream().map(t -> Subject.team(t.getId())).sorted().toList();
        }
        Team team = team(subject).orElseThrow(() -> invalid("subject", NLS.bind(Messages.Target_unknownTeam, Messages.Target_subject, subject.key()), subject));
        Set<String> active = users.users(true).stream().map(User::getLogin).collect(Collectors.toSet());
        return team.getMembers().stream().filter(active::contains).map(Subject::person).sorted().toList();
    }

    private void checkWrite(Action action, Subject subject, String owner) {
        if (subject.kind() == SubjectKind.COMPANY) {
            if (security.scope(action, Target.ENTITY) != Scope.ALL) {
                throw new AccessDeniedException(org.salesbench.core.security.SecurityMessages.denied(security.currentUser().login(), action, Target.ENTITY, owner));
            }
            return;
        }
        security.check(action, Target.ENTITY, owner);
    }

    private String describe(Target t) {
        String label = metrics.metric(t.getMetric()).map(Metric::label).orElse(t.getMetric());
        return label + " " + t.getSubject() + " " + t.getPeriod();
    }

    private static ValidationException invalid(String field, String message, Object value) {
        return new ValidationException(List.of(new FieldError(field, message, value)));
    }

    private static ValidationException notFound(long id) {
        return invalid("id", NLS.bind(Messages.Target_notFound, id), id);
    }
}
