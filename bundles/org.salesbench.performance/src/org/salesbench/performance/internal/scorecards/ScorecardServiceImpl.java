package org.salesbench.performance.internal.scorecards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.internal.kpi.KpiRegistry;
import org.salesbench.performance.internal.kpi.KpiServiceImpl;
import org.salesbench.performance.internal.kpi.Messages;
import org.salesbench.performance.kpi.KpiDefinition;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.scorecards.Assessment;
import org.salesbench.performance.scorecards.Award;
import org.salesbench.performance.scorecards.AwardSource;
import org.salesbench.performance.scorecards.AssessmentLine;
import org.salesbench.performance.scorecards.Curve;
import org.salesbench.performance.scorecards.Response;
import org.salesbench.performance.scorecards.ScoreSheet;
import org.salesbench.performance.scorecards.ScorecardLine;
import org.salesbench.performance.scorecards.ScorecardService;
import org.salesbench.performance.scorecards.ScorecardTemplate;
import org.salesbench.performance.scorecards.TemplateStatus;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.TargetService;
import org.salesbench.persistence.UnitOfWork;

/**
 * Templates are checked in full before anything is written; publishing, running and adjusting assessments are a
 * manager's (the APPROVE right on the scorecard or the person), confirming and appealing the person's own.
 */
@Component(service = ScorecardService.class)
public class ScorecardServiceImpl implements ScorecardService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final TargetService targets;
    private final Clock clock;

    @Activate
    public ScorecardServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference TargetService targets) {
        this(unitOfWork, security, targets, Clocks.system());
    }

    public ScorecardServiceImpl(UnitOfWork unitOfWork, SecurityService security, TargetService targets, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.targets = targets;
        this.clock = clock;
    }

    @Override
    public ScorecardTemplate save(ScorecardTemplate draft) {
        validate(draft);
        String login = security.currentUser().login();
        security.check(Action.APPROVE, ScorecardTemplate.ENTITY, draft.getOwner() == null ? login : draft.getOwner());
        return unitOfWork.write(em -> {
            if (draft.isNew()) {
                em.persist(draft);
                return draft;
            }
            ScorecardTemplate stored = em.find(ScorecardTemplate.class, draft.getId());
            if (stored == null) {
                throw notFound(draft.getId());
            }
            if (stored.getStatus() == TemplateStatus.PUBLISHED) {
                throw refused("status", NLS.bind(Messages.Scorecard_published, stored.getName()), stored.getId());
            }
            return em.merge(draft);
        });
    }

    /** Every rule of a template, all errors at once, naming the line. */
    static void validate(ScorecardTemplate t) {
        List<FieldError> errors = new ArrayList<>();
        if (t.getName() == null || t.getName().isBlank() || t.getName().length() > 200) {
            errors.add(new FieldError("name", Messages.Scorecard_name, t.getName()));
        }
        if (t.getValidFrom() == null || t.getValidTo() == null || t.getValidTo().isBefore(t.getValidFrom())) {
            errors.add(new FieldError("period", Messages.Scorecard_period, t.getValidFrom() + ".." + t.getValidTo()));
        }
        if (t.getLines().isEmpty()) {
            errors.add(new FieldError("lines", Messages.Scorecard_noLines, null));
        }
        for (ScorecardLine line : t.getLines()) {
            int n = line.getPosition();
            Optional<KpiRegistry.Descriptor> kpi = KpiRegistry.find(line.getKpiId());
            if (kpi.isEmpty()) {
                errors.add(new FieldError("lines[" + n + "].kpi", NLS.bind(Messages.Scorecard_threshold, n, line.getKpiId()), line.getKpiId()));
            } else if (kpi.get().definition().needsTarget() && (line.getKpiTarget() == null
                    ? !KpiServiceImpl.REVENUE_ATTAINMENT.equals(line.getKpiId()) : line.getKpiTarget().signum() <= 0)) {
                // revenue attainment without a target of its own is measured against the person's published target
                errors.add(new FieldError("lines[" + n + "].kpiTarget", NLS.bind(Messages.Scorecard_kpiTarget, n, kpi.get().definition().label()),
                        line.getKpiTarget()));
            }
            if (line.getWeight() == null || line.getWeight().signum() <= 0) {
                errors.add(new FieldError("lines[" + n + "].weight", NLS.bind(Messages.Scorecard_weight, n, line.getWeight()), line.getWeight()));
            }
            if (line.getCurve() == Curve.STEPPED) {
                try {
                    Curve.parseSteps(line.getSteps());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("lines[" + n + "].steps", NLS.bind(Messages.Scorecard_steps, n, line.getSteps()), line.getSteps()));
                }
            } else {
                BigDecimal zero = line.getThreshold() == null ? BigDecimal.ZERO : line.getThreshold();
                if (line.getTarget() == null || line.getTarget().compareTo(zero) <= 0) {
                    errors.add(new FieldError("lines[" + n + "].target", NLS.bind(Messages.Scorecard_target, n), line.getTarget()));
                }
                if (line.getCurve() == Curve.CAPPED && (line.getCap() == null || line.getCap().signum() <= 0)) {
                    errors.add(new FieldError("lines[" + n + "].cap", NLS.bind(Messages.Scorecard_cap, n), line.getCap()));
                }
            }
            if (line.getTarget() == null && line.getCurve() == Curve.STEPPED) {
                line.setTarget(BigDecimal.ZERO);
            }
        }
        BigDecimal total = t.totalWeight();
        if (!t.getLines().isEmpty() && total.compareTo(HUNDRED) != 0) {
            errors.add(new FieldError("weights", NLS.bind(Messages.Scorecard_weights, total.stripTrailingZeros().toPlainString()), total));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    @Override
    public ScorecardTemplate publish(long templateId) {
        return unitOfWork.write(em -> {
            ScorecardTemplate t = em.find(ScorecardTemplate.class, templateId);
            if (t == null) {
                throw notFound(templateId);
            }
            security.check(Action.APPROVE, ScorecardTemplate.ENTITY, t.getOwner());
            if (t.getStatus() == TemplateStatus.PUBLISHED) {
                throw refused("status", NLS.bind(Messages.Scorecard_published, t.getName()), templateId);
            }
            validate(t);
            LocalDate today = LocalDate.now(clock);
            if (!today.isBefore(t.getValidFrom())) {
                throw refused("period", NLS.bind(Messages.Scorecard_publishTooLate, t.getName(), t.getValidFrom()), t.getValidFrom());
            }
            for (ScorecardTemplate other : published(em)) {
                if (other.period().overlaps(t.period())) {
                    throw refused("period", NLS.bind(Messages.Scorecard_overlap, other.getName() + " v" + other.getRevision(), other.period()), t.period());
                }
            }
            t.markPublished(clock.instant(), security.currentUser().login());
            return t;
        });
    }

    private static List<ScorecardTemplate> published(EntityManager em) {
        return em.createQuery("SELECT t FROM ScorecardTemplate t WHERE t.status = :s ORDER BY t.validFrom", ScorecardTemplate.class)
                .setParameter("s", TemplateStatus.PUBLISHED).getResultList();
    }

    @Override
    public ScorecardTemplate newVersion(long templateId, Period next) {
        ScorecardTemplate old = template(templateId).orElseThrow(() -> notFound(templateId));
        if (!next.from().isAfter(old.getValidTo())) {
            throw refused("period", NLS.bind(Messages.Scorecard_newVersionPeriod, old.getValidTo()), next);
        }
        return save(old.nextVersion(next.from(), next.to()));
    }

    @Override
    public Optional<ScorecardTemplate> template(long templateId) {
        return unitOfWork.read(em -> Optional.ofNullable(em.find(ScorecardTemplate.class, templateId)));
    }

    @Override
    public List<ScorecardTemplate> templates() {
        return unitOfWork.read(em -> em.createQuery("SELECT t FROM ScorecardTemplate t ORDER BY t.name, t.revision", ScorecardTemplate.class)
                .getResultList());
    }

    @Override
    public Optional<ScorecardTemplate> publishedFor(Period period) {
        return unitOfWork.read(em -> published(em).stream()
                .filter(t -> !t.getValidFrom().isAfter(period.from()) && !t.getValidTo().isBefore(period.from())).findFirst());
    }

    @Override
    public ScoreSheet explain(long templateId, String login, Period period) {
        security.check(Action.READ, Assessment.ENTITY, login);
        return unitOfWork.read(em -> {
            ScorecardTemplate t = em.find(ScorecardTemplate.class, templateId);
            if (t == null) {
                throw notFound(templateId);
            }
            List<ScoreSheet.Line> lines = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (ScorecardLine line : t.getLines()) {
                ScoreSheet.Line computed = compute(em, line, login, period);
                lines.add(computed);
                total = total.add(computed.weighted());
            }
            return new ScoreSheet(t.getName(), t.getRevision(), login, period, lines, total, BigDecimal.ZERO, null, total, false, null, null);
        });
    }

    @Override
    public ScoreSheet explainTeam(long templateId, long teamId, Period period) {
        Subject team = Subject.team(teamId);
        return unitOfWork.read(em -> {
            ScorecardTemplate t = em.find(ScorecardTemplate.class, templateId);
            if (t == null) {
                throw notFound(templateId);
            }
            // SB_TEAM_MEMBER is published by the users module for reporting
            List<String> members = new ArrayList<>();
            for (Object login : em.createNativeQuery("SELECT tm.LOGIN FROM SB_TEAM_MEMBER tm WHERE tm.TEAM_ID = ? ORDER BY tm.LOGIN")
                    .setParameter(1, teamId).getResultList()) {
                members.add((String) login);
            }
            if (members.isEmpty()) {
                throw refused("team", NLS.bind(Messages.Scorecard_teamEmpty, teamId), teamId);
            }
            members.forEach(login -> security.check(Action.READ, Assessment.ENTITY, login));
            List<ScoreSheet.Line> lines = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (ScorecardLine line : t.getLines()) {
                ScoreSheet.Line computed = compute(em, line, members, team, period);
                lines.add(computed);
                total = total.add(computed.weighted());
            }
            return new ScoreSheet(t.getName(), t.getRevision(), team.toString(), period, lines, total, BigDecimal.ZERO, null, total, false, null, null);
        });
    }

    /** The line's figures; its KPI target is the line's own or, for revenue attainment, the person's published target. */
    private ScoreSheet.Line compute(EntityManager em, ScorecardLine line, String login, Period period) {
        return compute(em, line, List.of(login), Subject.person(login), period);
    }

    /** The line's figures for {@code logins} together, measured as {@code subject} (whose published target revenue attainment reads). */
    private ScoreSheet.Line compute(EntityManager em, ScorecardLine line, List<String> logins, Subject subject, Period period) {
        Optional<KpiRegistry.Descriptor> kpi = KpiRegistry.find(line.getKpiId());
        BigDecimal kpiTarget = KpiServiceImpl.targetFor(targets, line.getKpiId(), line.getKpiTarget(), subject, period);
        BigDecimal raw = kpi.map(d -> KpiServiceImpl.compute(d, em, logins, period, line.getParameter(), kpiTarget)).orElse(null);
        BigDecimal score = line.score(raw);
        BigDecimal weighted = score.multiply(line.getWeight()).divide(HUNDRED, 4, RoundingMode.HALF_UP);
        KpiDefinition d = kpi.map(KpiRegistry.Descriptor::definition).orElse(null);
        return new ScoreSheet.Line(line.getPosition(), line.getKpiId(), d == null ? line.getKpiId() : d.label(), d == null ? "" : d.description(),
                line.getParameter(), line.getWeight(), line.getCurve(), line.getTarget(), kpiTarget, raw, score, weighted);
    }

    @Override
    public List<Assessment> runAssessments(long templateId, Period period, List<String> logins) {
        return unitOfWork.write(em -> {
            ScorecardTemplate t = em.find(ScorecardTemplate.class, templateId);
            if (t == null) {
                throw notFound(templateId);
            }
            if (t.getStatus() != TemplateStatus.PUBLISHED) {
                throw refused("template", NLS.bind(Messages.Scorecard_notPublished, t.getName()), templateId);
            }
            if (period.from().isBefore(t.getValidFrom()) || period.to().isAfter(t.getValidTo())) {
                throw refused("period", NLS.bind(Messages.Assessment_periodOutside, period, t.period()), period);
            }
            List<Assessment> made = new ArrayList<>();
            for (String login : logins) {
                security.check(Action.APPROVE, Assessment.ENTITY, login);
                Long already = em.createQuery("SELECT COUNT(a) FROM Assessment a WHERE a.templateId = :t AND a.owner = :o AND a.periodFrom = :f",
                        Long.class).setParameter("t", templateId).setParameter("o", login).setParameter("f", period.from()).getSingleResult();
                if (already > 0) {
                    throw refused("login", NLS.bind(Messages.Assessment_alreadyRun, new Object[] {login, t.getName(), period}), login);
                }
                Assessment a = new Assessment(templateId, login, period, clock.instant());
                for (ScorecardLine line : t.getLines()) {
                    ScoreSheet.Line computed = compute(em, line, login, period);
                    a.freeze(line, computed.kpiTarget(), computed.rawValue(), computed.score(), computed.weighted());
                }
                em.persist(a);
                made.add(a);
            }
            return made;
        });
    }

    @Override
    public Assessment adjust(long assessmentId, BigDecimal delta, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw refused("reason", Messages.Assessment_reason, reason);
        }
        return unitOfWork.write(em -> {
            Assessment a = find(em, assessmentId);
            security.check(Action.APPROVE, Assessment.ENTITY, a.getOwner());
            a.adjust(delta == null ? BigDecimal.ZERO : delta, reason.strip(), security.currentUser().login());
            a.answer(Response.PENDING, null);
            return a;
        });
    }

    @Override
    public Assessment confirm(long assessmentId) {
        return answer(assessmentId, Response.CONFIRMED, null);
    }

    @Override
    public Assessment appeal(long assessmentId, String note) {
        if (note == null || note.isBlank() || note.strip().length() > 1000) {
            throw refused("note", Messages.Assessment_appealNote, note);
        }
        return answer(assessmentId, Response.APPEALED, note.strip());
    }

    private Assessment answer(long assessmentId, Response response, String note) {
        return unitOfWork.write(em -> {
            Assessment a = find(em, assessmentId);
            if (!a.getOwner().equalsIgnoreCase(security.currentUser().login())) {
                throw refused("login", NLS.bind(Messages.Assessment_notYours, a.getOwner()), security.currentUser().login());
            }
            if (a.getResponse() != Response.PENDING) {
                throw refused("response", NLS.bind(Messages.Assessment_answered, a.getResponse()), a.getResponse());
            }
            a.answer(response, note);
            return a;
        });
    }

    private static Assessment find(EntityManager em, long id) {
        Assessment a = em.find(Assessment.class, id);
        if (a == null) {
            throw refused("assessment", NLS.bind(Messages.Assessment_notFound, id), id);
        }
        return a;
    }

    @Override
    public Optional<Assessment> assessment(long assessmentId) {
        return unitOfWork.read(em -> Optional.ofNullable(em.find(Assessment.class, assessmentId))
                .filter(a -> security.isPermitted(Action.READ, Assessment.ENTITY, a.getOwner())));
    }

    @Override
    public List<Assessment> assessments(Period period) {
        return unitOfWork.read(em -> em.createQuery("SELECT a FROM Assessment a WHERE a.periodFrom = :f AND a.periodTo = :t", Assessment.class)
                .setParameter("f", period.from()).setParameter("t", period.to()).getResultList().stream()
                .filter(a -> security.isPermitted(Action.READ, Assessment.ENTITY, a.getOwner()))
                .sorted(Comparator.comparing(Assessment::getFinalScore).reversed().thenComparing(Assessment::getOwner)).toList());
    }

    @Override
    public ScoreSheet sheet(long assessmentId) {
        return unitOfWork.read(em -> {
            Assessment a = find(em, assessmentId);
            security.check(Action.READ, Assessment.ENTITY, a.getOwner());
            ScorecardTemplate t = em.find(ScorecardTemplate.class, a.getTemplateId());
            Curve[] curves = t.getLines().stream().map(ScorecardLine::getCurve).toArray(Curve[]::new);
            List<ScoreSheet.Line> lines = new ArrayList<>();
            for (AssessmentLine line : a.getLines()) {
                KpiDefinition d = KpiRegistry.find(line.getKpiId()).map(KpiRegistry.Descriptor::definition).orElse(null);
                Curve curve = line.getPosition() <= curves.length ? curves[line.getPosition() - 1] : null;
                lines.add(new ScoreSheet.Line(line.getPosition(), line.getKpiId(), d == null ? line.getKpiId() : d.label(),
                        d == null ? "" : d.description(), line.getParameter(), line.getWeight(), curve, line.getTarget(), line.getKpiTarget(), line.getRawValue(),
                        line.getScore(), line.getWeighted()));
            }
            return new ScoreSheet(t.getName(), t.getRevision(), a.getOwner(), a.getPeriod(), lines, a.getComputedScore(), a.getAdjustment(),
                    a.getAdjustmentReason(), a.getFinalScore(), true, a.getId(), a.getResponse());
        });
    }

    @Override
    public List<Award> awardByRank(String award, long templateId, Period period, String kpiId) {
        checkAwardName(award);
        return unitOfWork.write(em -> {
            security.check(Action.APPROVE, Assessment.ENTITY, security.currentUser().login());
            List<Assessment> ranked = em.createQuery("SELECT a FROM Assessment a WHERE a.templateId = :t AND a.periodFrom = :f AND a.periodTo = :to",
                    Assessment.class).setParameter("t", templateId).setParameter("f", period.from()).setParameter("to", period.to()).getResultList();
            BigDecimal best = null;
            List<Assessment> winners = new ArrayList<>();
            for (Assessment a : ranked) {
                BigDecimal score = kpiId == null ? a.getFinalScore()
                        : a.getLines().stream().filter(l -> l.getKpiId().equals(kpiId)).map(AssessmentLine::getScore).findFirst().orElse(null);
                if (score == null) {
                    continue;
                }
                int c = best == null ? 1 : score.compareTo(best);
                if (c > 0) {
                    best = score;
                    winners.clear();
                }
                if (c >= 0) {
                    winners.add(a);
                }
            }
            if (best == null || best.signum() <= 0) {
                throw refused("award", NLS.bind(Messages.Award_nobody, award, period), award);
            }
            List<Award> given = new ArrayList<>();
            for (Assessment a : winners) {
                Award made = new Award(award.strip(), period, a.getOwner(), AwardSource.RANK, kpiId, best, null);
                em.persist(made);
                given.add(made);
            }
            return given;
        });
    }

    @Override
    public Award award(String award, Period period, String login, String reason) {
        checkAwardName(award);
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw refused("reason", Messages.Award_reason, reason);
        }
        security.check(Action.APPROVE, Assessment.ENTITY, login);
        return unitOfWork.write(em -> {
            Award made = new Award(award.strip(), period, login, AwardSource.MANAGER, null, null, reason.strip());
            em.persist(made);
            return made;
        });
    }

    private static void checkAwardName(String award) {
        if (award == null || award.isBlank() || award.strip().length() > 64) {
            throw refused("award", Messages.Award_name, award);
        }
    }

    @Override
    public List<Award> awards(Period period) {
        return unitOfWork.read(em -> em.createQuery("SELECT w FROM Award w WHERE w.periodFrom = :f AND w.periodTo = :t ORDER BY w.award, w.owner",
                Award.class).setParameter("f", period.from()).setParameter("t", period.to()).getResultList());
    }

    private static ValidationException notFound(Object id) {
        return refused("template", NLS.bind(Messages.Scorecard_notFound, id), id);
    }

    static ValidationException refused(String field, String message, Object value) {
        return new ValidationException(List.of(new FieldError(field, message, value)));
    }
}
