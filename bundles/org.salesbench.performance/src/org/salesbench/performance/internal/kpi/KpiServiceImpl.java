package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.kpi.Kpi;
import org.salesbench.performance.kpi.KpiDefinition;
import org.salesbench.performance.kpi.KpiQuery;
import org.salesbench.performance.kpi.KpiService;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.kpi.TeamworkRating;
import org.salesbench.performance.internal.targets.WonRevenueTargets;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.TargetService;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.users.UserService;

import jakarta.persistence.EntityManager;

/** The KPIs of the registry, computed in a read transaction; teamwork ratings written through the unit of work. */
@Component(service = KpiService.class)
public class KpiServiceImpl implements KpiService {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final UserService users;
    private final TargetService targets;

    @Activate
    public KpiServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference UserService users,
            @Reference TargetService targets) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.users = users;
        this.targets = targets;
    }

    /** The KPI whose target, when a line gives none, is the subject's published won revenue target. */
    public static final String REVENUE_ATTAINMENT = "revenue_attainment";

    /**
     * What {@code kpiId} is measured against: {@code explicit} (a scorecard line's own target) when given, else for
     * revenue attainment the subject's won revenue target for the period from the targets API (null when none).
     */
    public static BigDecimal targetFor(TargetService targets, String kpiId, BigDecimal explicit, Subject subject, Period period) {
        if (!REVENUE_ATTAINMENT.equals(kpiId)) {
            return explicit;
        }
        return WonRevenueTargets.orPublished(explicit, targets, subject, period.from(), period.to());
    }

    @Override
    public List<KpiDefinition> kpis() {
        return KpiRegistry.all().stream().map(KpiRegistry.Descriptor::definition).toList();
    }

    @Override
    public Optional<KpiDefinition> kpi(String id) {
        return KpiRegistry.find(id).map(KpiRegistry.Descriptor::definition);
    }

    @Override
    public BigDecimal value(String kpiId, List<String> logins, Period period, String parameter, BigDecimal target) {
        return value(kpiId, logins, logins != null && logins.size() == 1 ? Subject.person(logins.get(0)) : null, period, parameter, target);
    }

    private BigDecimal value(String kpiId, List<String> logins, Subject subject, Period period, String parameter, BigDecimal target) {
        KpiRegistry.Descriptor descriptor = descriptor(kpiId);
        return unitOfWork.read(em -> compute(descriptor, em, logins, period, parameter, targetFor(targets, kpiId, target, subject, period)));
    }

    @Override
    public BigDecimal teamValue(String kpiId, String team, Period period, String parameter, BigDecimal target) {
        org.salesbench.users.Team found = users.teams().stream().filter(t -> t.getName().equalsIgnoreCase(team == null ? "" : team.strip()))
                .findFirst()
                .orElseThrow(() -> new ValidationException(List.of(new FieldError("team", NLS.bind(Messages.Kpi_unknownTeam, team), team))));
        return value(kpiId, List.copyOf(found.getMembers()), Subject.team(found.getId()), period, parameter, target);
    }

    static KpiRegistry.Descriptor descriptor(String kpiId) {
        return KpiRegistry.find(kpiId).orElseThrow(() -> new ValidationException(List.of(new FieldError("kpi", NLS.bind(Messages.Kpi_unknown, kpiId), kpiId))));
    }

    /**
     * Calls the contributed KPI inside {@code em}'s transaction; a class that fails to load or throws is logged and
     * yields null (nothing measured), so one broken add-on never stops an assessment.
     */
    public static BigDecimal compute(KpiRegistry.Descriptor descriptor, EntityManager em, List<String> logins, Period period, String parameter,
            BigDecimal target) {
        Optional<Kpi> kpi = descriptor.kpi().get();
        if (kpi.isEmpty()) {
            return null;
        }
        KpiQuery query = new KpiQuery(em, logins, period, parameter, target);
        return LazyContribution.safeCall(NLS.bind(Messages.Kpi_failed, descriptor.id(), descriptor.kpi().contributor()),
                () -> kpi.get().value(query), null);
    }

    /**
     * Each login's value, by the KPI's batch method (one grouped query for the built-in KPIs; one call per login for an
     * add-on that does not implement it); a KPI that fails is logged and measures nothing for anyone.
     */
    static Map<String, BigDecimal> computeEach(KpiRegistry.Descriptor descriptor, EntityManager em, List<String> logins, Period period,
            String parameter, Map<String, BigDecimal> targets) {
        Optional<Kpi> kpi = descriptor.kpi().get();
        if (kpi.isEmpty()) {
            return Map.of();
        }
        KpiQuery query = new KpiQuery(em, logins, period, parameter, null);
        Map<String, BigDecimal> values = LazyContribution.safeCall(NLS.bind(Messages.Kpi_failed, descriptor.id(), descriptor.kpi().contributor()),
                () -> kpi.get().valuesEach(query, targets), null);
        return values == null ? Map.of() : values;
    }

    @Override
    public TeamworkRating rate(String login, Period period, BigDecimal rating, String reason) {
        List<FieldError> errors = new ArrayList<>();
        if (login == null || users.findUser(login).isEmpty()) {
            errors.add(new FieldError("login", NLS.bind(Messages.Rating_unknownUser, login), login));
        } else if (login.equalsIgnoreCase(security.currentUser().login())) {
            errors.add(new FieldError("login", Messages.Rating_own, login));
        }
        if (rating == null || rating.signum() < 0 || rating.compareTo(SqlKpi.HUNDRED) > 0) {
            errors.add(new FieldError("rating", NLS.bind(Messages.Rating_range, rating), rating));
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            errors.add(new FieldError("reason", NLS.bind(Messages.Rating_reason, login), reason));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        security.check(Action.APPROVE, TeamworkRating.ENTITY, login);
        return unitOfWork.write(em -> {
            List<TeamworkRating> existing = em.createQuery("SELECT r FROM TeamworkRating r WHERE r.login = :l AND r.periodFrom = :f AND r.periodTo = :t",
                    TeamworkRating.class).setParameter("l", login).setParameter("f", period.from()).setParameter("t", period.to()).getResultList();
            TeamworkRating r;
            if (existing.isEmpty()) {
                r = new TeamworkRating(login, period, rating, reason.strip());
                em.persist(r);
            } else {
                r = existing.get(0);
                r.setRating(rating);
                r.setReason(reason.strip());
            }
            return r;
        });
    }

    @Override
    public List<Ranked> leaderboard(String kpiId, List<String> logins, Period period, String parameter) {
        KpiRegistry.Descriptor descriptor = descriptor(kpiId);
        List<String> people = logins == null || logins.isEmpty() ? users.users(true).stream().map(u -> u.getLogin()).toList() : logins;
        Map<String, BigDecimal> targetsOf = REVENUE_ATTAINMENT.equals(kpiId)
                ? WonRevenueTargets.publishedOfPeople(targets, period.from(), period.to()) : Map.of();
        Map<String, BigDecimal> each = unitOfWork.read(em -> computeEach(descriptor, em, people, period, parameter, targetsOf));
        List<Object[]> values = new ArrayList<>();
        for (String login : people) {
            values.add(new Object[] {login, each.get(login)});
        }
        values.sort(Comparator.comparing((Object[] v) -> (BigDecimal) v[1], Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(v -> (String) v[0]));
        List<Ranked> ranked = new ArrayList<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < values.size(); i++) {
            BigDecimal value = (BigDecimal) values.get(i)[1];
            if (i == 0 || previous == null || value == null || previous.compareTo(value) != 0) {
                rank = i + 1;
            }
            previous = value;
            ranked.add(new Ranked(rank, (String) values.get(i)[0], value));
        }
        return ranked;
    }
}
