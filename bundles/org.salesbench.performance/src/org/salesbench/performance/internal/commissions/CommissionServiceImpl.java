package org.salesbench.performance.internal.commissions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.commissions.CommissionBasis;
import org.salesbench.performance.commissions.CommissionLine;
import org.salesbench.performance.commissions.CommissionPlan;
import org.salesbench.performance.commissions.CommissionQuota;
import org.salesbench.performance.commissions.CommissionService;
import org.salesbench.performance.commissions.CommissionTier;
import org.salesbench.performance.commissions.LineKind;
import org.salesbench.performance.commissions.Statement;
import org.salesbench.performance.internal.kpi.Messages;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.internal.targets.WonRevenueTargets;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.TargetService;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.UnitOfWork;

/**
 * Statements from what opportunities and contracts publish for reporting ({@code SB_OPPORTUNITY}: won deals by won
 * date; {@code SB_CONTRACT_RECEIPT}: receipts and their reversals, each with its contract's deal for the product and
 * segment). Credits are taken in date order; the part of the running total beyond a tier's share of the target earns
 * the tier's multiplier. Each line is rounded half up to the cent and the total is the sum of the rounded lines.
 */
@Component(service = CommissionService.class)
public class CommissionServiceImpl implements CommissionService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final TargetService targets;

    @Activate
    public CommissionServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference TargetService targets) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.targets = targets;
    }

    /**
     * What the tiers' attainment divides by: the plan's quota row for the person when there is one (an explicit
     * override), else the person's published won revenue target for the statement's period, else none.
     */
    private BigDecimal target(EntityManager em, long planId, String login, Period period) {
        CommissionQuota quota = quota(em, planId, login);
        return WonRevenueTargets.orPublished(quota == null ? null : quota.getTarget(), targets, Subject.person(login), period.from(), period.to());
    }

    @Override
    public CommissionPlan savePlan(CommissionPlan plan) {
        List<FieldError> errors = new ArrayList<>();
        if (plan.getName() == null || plan.getName().isBlank() || plan.getName().length() > 200) {
            errors.add(new FieldError("name", Messages.Commission_name, plan.getName()));
        }
        if (plan.getValidFrom() == null || plan.getValidTo() == null || plan.getValidTo().isBefore(plan.getValidFrom())) {
            errors.add(new FieldError("period", Messages.Commission_period, plan.getValidFrom() + ".." + plan.getValidTo()));
        }
        checkRate("baseRate", plan.getBaseRate(), errors);
        for (int i = 0; i < plan.getRates().size(); i++) {
            checkRate("rates[" + (i + 1) + "]", plan.getRates().get(i).getRate(), errors);
        }
        BigDecimal previous = null;
        for (int i = 0; i < plan.getTiers().size(); i++) {
            CommissionTier tier = plan.getTiers().get(i);
            if (tier.getMultiplier() == null || tier.getMultiplier().signum() <= 0) {
                errors.add(new FieldError("tiers[" + (i + 1) + "].multiplier", NLS.bind(Messages.Commission_multiplier, i + 1, tier.getMultiplier()),
                        tier.getMultiplier()));
            }
            if (tier.getFromAttainment() == null || tier.getFromAttainment().signum() < 0
                    || previous != null && tier.getFromAttainment().compareTo(previous) <= 0) {
                errors.add(new FieldError("tiers[" + (i + 1) + "].from", NLS.bind(Messages.Commission_tierOrder, i + 1), tier.getFromAttainment()));
            }
            previous = tier.getFromAttainment();
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        security.check(Action.APPROVE, CommissionPlan.ENTITY, plan.isNew() ? security.currentUser().login() : plan.getOwner());
        return unitOfWork.write(em -> {
            if (plan.isNew()) {
                em.persist(plan);
                return plan;
            }
            return em.merge(plan);
        });
    }

    private static void checkRate(String field, BigDecimal rate, List<FieldError> errors) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            errors.add(new FieldError(field, NLS.bind(Messages.Commission_rate, rate), rate));
        }
    }

    @Override
    public Optional<CommissionPlan> plan(long planId) {
        return unitOfWork.read(em -> Optional.ofNullable(em.find(CommissionPlan.class, planId)));
    }

    @Override
    public List<CommissionPlan> plans() {
        return unitOfWork.read(em -> em.createQuery("SELECT p FROM CommissionPlan p ORDER BY p.validFrom, p.name", CommissionPlan.class).getResultList());
    }

    @Override
    public Optional<CommissionPlan> planFor(Period period) {
        return plans().stream().filter(p -> !p.getValidFrom().isAfter(period.from()) && !p.getValidTo().isBefore(period.from())).findFirst();
    }

    @Override
    public CommissionQuota setTarget(long planId, String login, BigDecimal target) {
        if (target == null || target.signum() <= 0) {
            throw new ValidationException(List.of(new FieldError("target", NLS.bind(Messages.Commission_target, login, target), target)));
        }
        security.check(Action.APPROVE, CommissionPlan.ENTITY, login);
        return unitOfWork.write(em -> {
            findPlan(em, planId);
            CommissionQuota quota = quota(em, planId, login);
            if (quota == null) {
                quota = new CommissionQuota(planId, login, target);
                em.persist(quota);
            } else {
                quota.setTarget(target);
            }
            return quota;
        });
    }

    private static CommissionQuota quota(EntityManager em, long planId, String login) {
        List<CommissionQuota> found = em.createQuery("SELECT q FROM CommissionQuota q WHERE q.planId = :p AND q.owner = :o", CommissionQuota.class)
                .setParameter("p", planId).setParameter("o", login).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static CommissionPlan findPlan(EntityManager em, long planId) {
        CommissionPlan plan = em.find(CommissionPlan.class, planId);
        if (plan == null) {
            throw new ValidationException(List.of(new FieldError("plan", NLS.bind(Messages.Commission_notFound, planId), planId)));
        }
        return plan;
    }

    /** A person reads their own statement; another's needs the APPROVE right on commissions for that person. */
    private void checkReader(String login) {
        if (!login.equalsIgnoreCase(security.currentUser().login()) && !security.isPermitted(Action.APPROVE, CommissionPlan.ENTITY, login)) {
            throw new AccessDeniedException(NLS.bind(Messages.Commission_notYours, login));
        }
    }

    @Override
    public Statement statement(long planId, String login, Period period) {
        checkReader(login);
        return unitOfWork.read(em -> {
            CommissionPlan plan = findPlan(em, planId);
            List<CommissionLine> stored = stored(em, planId, login, period);
            if (!stored.isEmpty()) {
                return fromStored(plan, login, period, target(em, planId, login, period), stored);
            }
            return compute(em, plan, login, period, target(em, planId, login, period));
        });
    }

    @Override
    public Statement close(long planId, String login, Period period) {
        security.check(Action.APPROVE, CommissionPlan.ENTITY, login);
        return unitOfWork.write(em -> {
            CommissionPlan plan = findPlan(em, planId);
            List<CommissionLine> stored = stored(em, planId, login, period);
            if (!stored.isEmpty()) {
                return fromStored(plan, login, period, target(em, planId, login, period), stored);
            }
            Statement statement = compute(em, plan, login, period, target(em, planId, login, period));
            for (Statement.Line line : statement.lines()) {
                em.persist(new CommissionLine(planId, login, period, line));
            }
            return new Statement(statement.planId(), statement.plan(), login, period, statement.target(), statement.credited(),
                    statement.attainment(), statement.lines(), statement.total(), true);
        });
    }

    private static List<CommissionLine> stored(EntityManager em, long planId, String login, Period period) {
        return em.createQuery("SELECT l FROM CommissionLine l WHERE l.planId = :p AND l.owner = :o AND l.periodFrom = :f AND l.periodTo = :t"
                + " ORDER BY l.onDate, l.id", CommissionLine.class).setParameter("p", planId).setParameter("o", login)
                .setParameter("f", period.from()).setParameter("t", period.to()).getResultList();
    }

    private static Statement fromStored(CommissionPlan plan, String login, Period period, BigDecimal target, List<CommissionLine> stored) {
        List<Statement.Line> lines = stored.stream().map(CommissionLine::toLine).toList();
        BigDecimal credited = lines.stream().filter(l -> l.kind() == LineKind.CREDIT).map(Statement.Line::base).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Statement(plan.getId(), plan.getName(), login, period, target, credited, attainment(credited, target), lines, total(lines), true);
    }

    private record Credit(String key, LocalDate on, String description, BigDecimal base, Long productId, String segment) {
    }

    /** The statement as the published figures give it now, tiers measured against {@code target} (null: no tiers). */
    static Statement compute(EntityManager em, CommissionPlan plan, String login, Period period, BigDecimal target) {
        List<Credit> credits = plan.getBasis() == CommissionBasis.WON ? wonDeals(em, login, period) : receipts(em, login, period, false);
        List<Statement.Line> lines = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (Credit c : credits) {
            BigDecimal rate = plan.rateFor(c.productId(), c.segment());
            BigDecimal exact = accelerated(plan.getTiers(), target, running, c.base()).multiply(rate);
            running = running.add(c.base());
            BigDecimal plain = c.base().multiply(rate);
            BigDecimal multiplier = plain.signum() == 0 ? BigDecimal.ONE : exact.divide(plain, 4, RoundingMode.HALF_UP);
            lines.add(new Statement.Line(LineKind.CREDIT, c.key(), c.on(), c.description(), c.base(), rate, multiplier, cents(exact)));
        }
        if (plan.getBasis() == CommissionBasis.COLLECTED) {
            for (Credit reversal : receipts(em, login, period, true)) {
                // key receipt:ID of the reversed receipt; its description names the reversal
                CommissionLine paid = paidCredit(em, plan.getId(), login, reversal.key());
                BigDecimal rate = plan.rateFor(reversal.productId(), reversal.segment());
                BigDecimal commission;
                BigDecimal multiplier = BigDecimal.ONE;
                if (paid != null && paid.getBaseAmount().signum() != 0) {
                    commission = paid.getCommission().multiply(reversal.base()).divide(paid.getBaseAmount(), 2, RoundingMode.HALF_UP);
                    multiplier = paid.toLine().multiplier();
                } else {
                    commission = cents(reversal.base().multiply(rate));
                }
                lines.add(new Statement.Line(LineKind.CLAWBACK, reversal.key(), reversal.on(), reversal.description(), reversal.base(), rate, multiplier,
                        commission));
            }
        } else {
            lines.addAll(reopened(em, plan.getId(), login, period));
        }
        return new Statement(plan.getId(), plan.getName(), login, period, target, running, attainment(running, target), lines, total(lines), false);
    }

    /**
     * The amount {@code base} weighted by the tiers, given what was credited before it ({@code before}): each part of
     * it beyond a tier's share of the target counts times that tier's multiplier.
     */
    static BigDecimal accelerated(List<CommissionTier> tiers, BigDecimal target, BigDecimal before, BigDecimal base) {
        if (target == null || target.signum() <= 0 || tiers.isEmpty() || base.signum() <= 0) {
            return base;
        }
        BigDecimal start = before;
        BigDecimal end = before.add(base);
        BigDecimal result = BigDecimal.ZERO;
        // bands: [0, t1) × 1, [t1, t2) × m1, …, [tn, ∞) × mn
        List<BigDecimal> bounds = new ArrayList<>();
        List<BigDecimal> multipliers = new ArrayList<>();
        bounds.add(BigDecimal.ZERO);
        multipliers.add(BigDecimal.ONE);
        for (CommissionTier tier : tiers) {
            bounds.add(target.multiply(tier.getFromAttainment()).divide(HUNDRED));
            multipliers.add(tier.getMultiplier());
        }
        for (int i = 0; i < bounds.size(); i++) {
            BigDecimal low = bounds.get(i);
            BigDecimal high = i + 1 < bounds.size() ? bounds.get(i + 1) : null;
            BigDecimal from = start.max(low);
            BigDecimal to = high == null ? end : end.min(high);
            if (to.compareTo(from) > 0) {
                result = result.add(to.subtract(from).multiply(multipliers.get(i)));
            }
        }
        return result;
    }

    private static List<Credit> wonDeals(EntityManager em, String login, Period period) {
        Query q = MaskingViews.query(em, "SELECT o.ID, o.NAME, o.CLOSED_ON, o.AMOUNT, o.PRODUCT_ID, o.INDUSTRY FROM {SB_OPPORTUNITY} o"
                + " WHERE o.OWNER = ? AND o.STATE = 'WON' AND o.DELETED_AT IS NULL AND o.CLOSED_ON BETWEEN ? AND ? ORDER BY o.CLOSED_ON, o.ID");
        q.setParameter(1, login).setParameter(2, Date.valueOf(period.from())).setParameter(3, Date.valueOf(period.to()));
        List<Credit> credits = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            credits.add(new Credit("opportunity:" + number(r[0]).longValue(), date(r[2]), NLS.bind(Messages.Commission_won, r[1]), money(r[3]),
                    r[4] == null ? null : number(r[4]).longValue(), (String) r[5]));
        }
        return credits;
    }

    /** Receipts received in the period (or, with {@code reversals}, the reversals made in it, keyed by the receipt reversed). */
    private static List<Credit> receipts(EntityManager em, String login, Period period, boolean reversals) {
        Query q = MaskingViews.query(em, "SELECT r.ID, r.REVERSES_ID, r.RECEIVED_ON, r.AMOUNT, o.PRODUCT_ID, o.INDUSTRY, r.REFERENCE"
                + " FROM SB_CONTRACT_RECEIPT r LEFT JOIN {SB_CONTRACT} c ON c.ID = r.CONTRACT_ID LEFT JOIN {SB_OPPORTUNITY} o ON o.ID = c.OPPORTUNITY_ID"
                + " WHERE r.OWNER = ? AND r.REVERSES_ID IS " + (reversals ? "NOT NULL" : "NULL") + " AND r.RECEIVED_ON BETWEEN ? AND ?"
                + " ORDER BY r.RECEIVED_ON, r.ID");
        q.setParameter(1, login).setParameter(2, Date.valueOf(period.from())).setParameter(3, Date.valueOf(period.to()));
        List<Credit> credits = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            long id = number(reversals ? r[1] : r[0]).longValue();
            String what = r[6] == null ? "#" + id : r[6] + " (#" + id + ")";
            credits.add(new Credit("receipt:" + id, date(r[2]), NLS.bind(reversals ? Messages.Commission_reversal : Messages.Commission_collected, what),
                    money(r[3]), r[4] == null ? null : number(r[4]).longValue(), (String) r[5]));
        }
        return credits;
    }

    private static CommissionLine paidCredit(EntityManager em, long planId, String login, String key) {
        List<CommissionLine> found = em.createQuery("SELECT l FROM CommissionLine l WHERE l.planId = :p AND l.owner = :o AND l.sourceKey = :k"
                + " AND l.kind = :c", CommissionLine.class).setParameter("p", planId).setParameter("o", login).setParameter("k", key)
                .setParameter("c", LineKind.CREDIT).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Deals paid in a closed statement of an earlier period that are no longer won (reopened, lost, deleted) and were
     * not clawed back yet in another closed statement: their commission is taken back in full.
     */
    private static List<Statement.Line> reopened(EntityManager em, long planId, String login, Period period) {
        List<CommissionLine> paid = em.createQuery("SELECT l FROM CommissionLine l WHERE l.planId = :p AND l.owner = :o AND l.kind = :c"
                + " AND l.periodTo < :f ORDER BY l.onDate, l.id", CommissionLine.class).setParameter("p", planId).setParameter("o", login)
                .setParameter("c", LineKind.CREDIT).setParameter("f", period.from()).getResultList();
        List<Statement.Line> lines = new ArrayList<>();
        for (CommissionLine line : paid) {
            if (!line.getSourceKey().startsWith("opportunity:")) {
                continue;
            }
            long id = Long.parseLong(line.getSourceKey().substring("opportunity:".length()));
            Long clawed = em.createQuery("SELECT COUNT(l) FROM CommissionLine l WHERE l.planId = :p AND l.owner = :o AND l.kind = :k"
                    + " AND l.sourceKey = :s AND NOT (l.periodFrom = :f AND l.periodTo = :t)", Long.class).setParameter("p", planId)
                    .setParameter("o", login).setParameter("k", LineKind.CLAWBACK).setParameter("s", line.getSourceKey())
                    .setParameter("f", period.from()).setParameter("t", period.to()).getSingleResult();
            if (clawed > 0) {
                continue;
            }
            List<?> state = MaskingViews.query(em, "SELECT o.STATE, o.NAME FROM {SB_OPPORTUNITY} o WHERE o.ID = ? AND o.DELETED_AT IS NULL")
                    .setParameter(1, id).getResultList();
            Object[] row = state.isEmpty() ? null : (Object[]) state.get(0);
            if (row != null && "WON".equals(row[0])) {
                continue;
            }
            Statement.Line was = line.toLine();
            String name = row == null ? "#" + id : String.valueOf(row[1]);
            lines.add(new Statement.Line(LineKind.CLAWBACK, line.getSourceKey(), period.from(), NLS.bind(Messages.Commission_reopened, name),
                    was.base().negate(), was.rate(), was.multiplier(), was.commission().negate()));
        }
        return lines;
    }

    private static BigDecimal attainment(BigDecimal credited, BigDecimal target) {
        return target == null || target.signum() == 0 ? null : credited.multiply(HUNDRED).divide(target, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal total(List<Statement.Line> lines) {
        return lines.stream().map(Statement.Line::commission).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static Number number(Object value) {
        return (Number) value;
    }

    private static BigDecimal money(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
