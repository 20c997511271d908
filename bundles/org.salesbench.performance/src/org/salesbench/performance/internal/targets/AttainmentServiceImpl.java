package org.salesbench.performance.internal.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.ReportDescriptor;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.ReportService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.targets.Attainment;
import org.salesbench.performance.targets.AttainmentService;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.SubjectKind;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.persistence.UnitOfWork;

/**
 * Attainment from the reports: the actual figure of a metric is the sum of its column in the first contributed report
 * that shows it by owner, run for the period and the subject (an owner, a team, or everyone), so a target is measured
 * exactly as the reports count. Targets are read from this module's own table.
 */
@Component(service = AttainmentService.class)
public class AttainmentServiceImpl implements AttainmentService {

    private final UnitOfWork unitOfWork;
    private final ReportService reports;
    private final MetricCatalogue metrics;
    private final Clock clock;

    @Activate
    public AttainmentServiceImpl(@Reference UnitOfWork unitOfWork, @Reference ReportService reports, @Reference MetricCatalogue metrics) {
        this(unitOfWork, reports, metrics, Clocks.system());
    }

    /** With a clock, so tests can say what today is. */
    public AttainmentServiceImpl(UnitOfWork unitOfWork, ReportService reports, MetricCatalogue metrics, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.reports = reports;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The report that shows {@code metric} by owner (or, having no dimension of choice, per owner). */
    private ReportDescriptor source(String metric) {
        if (metrics.metric(metric).filter(TargetServiceImpl::summable).isEmpty()) {
            throw new ValidationException(List.of(new FieldError("metric", NLS.bind(Messages.Target_metricNotSummable, Messages.Target_metric, metric), metric)));
        }
        return reports.reports().stream().filter(d -> d.metricIds().contains(metric))
                .filter(d -> d.dimensions().contains("owner") || d.dimensions().isEmpty()).findFirst()
                .orElseThrow(() -> new ValidationException(List.of(new FieldError("metric",
                        NLS.bind(Messages.Target_metricNotMeasured, Messages.Target_metric, metric), metric))));
    }

    private static String byOwner(ReportDescriptor d) {
        return d.dimensions().contains("owner") ? "owner" : null;
    }

    @Override
    public BigDecimal actual(String metric, Subject subject, LocalDate from, LocalDate to) {
        ReportDescriptor d = source(metric);
        ReportFilter filter = new ReportFilter(from, to, null, null, null, byOwner(d));
        switch (subject.kind()) {
            case PERSON -> filter = filter.withOwner(subject.key());
            case TEAM -> filter = filter.withTeamId(subject.teamId());
            case COMPANY -> {
            }
        }
        ReportResult result = reports.run(d.id(), filter);
        int column = column(result, metric);
        BigDecimal sum = BigDecimal.ZERO;
        for (ReportRow row : result.rows()) {
            sum = sum.add(number(row.value(column)));
        }
        return sum;
    }

    private static int column(ReportResult result, String metric) {
        for (int i = 0; i < result.columns().size(); i++) {
            if (metric.equals(result.columns().get(i).metricId())) {
                return i;
            }
        }
        throw new IllegalStateException(result.reportId() + " has no column of " + metric);
    }

    private static BigDecimal number(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        return new BigDecimal(value.toString());
    }

    @Override
    public Attainment attainment(String metric, Subject subject, TargetPeriod period) {
        return attainment(metric, subject, period, LocalDate.now(clock));
    }

    @Override
    public Attainment attainment(String metric, Subject subject, TargetPeriod period, LocalDate asOf) {
        long elapsed = elapsed(period, asOf);
        BigDecimal actual = elapsed == 0 ? BigDecimal.ZERO : actual(metric, subject, period.from(), last(period, asOf));
        BigDecimal target = target(metric, subject, period).map(Target::getValue).orElse(null);
        return compute(metric, subject, period, target, actual, asOf, elapsed);
    }

    @Override
    public List<Attainment> attainments(String metric, TargetPeriod period, SubjectKind by, LocalDate asOf) {
        if (by == SubjectKind.COMPANY) {
            return List.of(attainment(metric, Subject.company(), period, asOf));
        }
        ReportDescriptor d = source(metric);
        long elapsed = elapsed(period, asOf);
        Map<Subject, BigDecimal> actuals = new TreeMap<>();
        Map<Subject, BigDecimal> targets = new TreeMap<>();
        for (Target t : targets(metric, period, by)) {
            targets.put(t.getSubject(), t.getValue());
        }
        String dimension = by == SubjectKind.PERSON ? "owner" : "team";
        if (elapsed > 0 && (d.dimensions().contains(dimension) || (by == SubjectKind.PERSON && d.dimensions().isEmpty()))) {
            // one report run for everyone
            ReportResult result = reports.run(d.id(), new ReportFilter(period.from(), last(period, asOf), null, null, null,
                    d.dimensions().isEmpty() ? null : dimension));
            int column = column(result, metric);
            for (ReportRow row : result.rows()) {
                if (row.drillKey() == null) {
                    continue;
                }
                Subject s = by == SubjectKind.PERSON ? Subject.person(row.drillKey()) : Subject.parse("team:" + row.drillKey()).orElse(null);
                if (s != null) {
                    actuals.merge(s, number(row.value(column)), BigDecimal::add);
                }
            }
        } else if (elapsed > 0) {
            for (Subject s : targets.keySet()) {
                actuals.put(s, actual(metric, s, period.from(), last(period, asOf)));
            }
        }
        Map<Subject, Boolean> subjects = new TreeMap<>();
        targets.keySet().forEach(s -> subjects.put(s, true));
        actuals.keySet().forEach(s -> subjects.put(s, true));
        List<Attainment> result = new ArrayList<>();
        for (Subject s : subjects.keySet()) {
            result.add(compute(metric, s, period, targets.get(s), actuals.getOrDefault(s, BigDecimal.ZERO), asOf, elapsed));
        }
        return result;
    }

    private List<Target> targets(String metric, TargetPeriod period, SubjectKind by) {
        return unitOfWork.read((EntityManager em) -> em.createQuery("SELECT t FROM Target t WHERE t.metric = :m AND t.subjectKind = :k"
                + " AND t.periodKind = :pk AND t.periodStart = :ps", Target.class).setParameter("m", metric).setParameter("k", by)
                .setParameter("pk", period.kind()).setParameter("ps", period.from()).getResultList());
    }

    private Optional<Target> target(String metric, Subject subject, TargetPeriod period) {
        return targets(metric, period, subject.kind()).stream().filter(t -> t.getSubject().equals(subject)).findFirst();
    }

    private static long elapsed(TargetPeriod period, LocalDate asOf) {
        if (asOf.isBefore(period.from())) {
            return 0;
        }
        return last(period, asOf).toEpochDay() - period.from().toEpochDay() + 1;
    }

    private static LocalDate last(TargetPeriod period, LocalDate asOf) {
        return asOf.isAfter(period.to()) ? period.to() : asOf;
    }

    static Attainment compute(String metric, Subject subject, TargetPeriod period, BigDecimal target, BigDecimal actual, LocalDate asOf,
            long elapsed) {
        long days = period.days();
        BigDecimal runRate = elapsed == 0 ? BigDecimal.ZERO : actual.divide(BigDecimal.valueOf(elapsed), 4, RoundingMode.HALF_UP);
        BigDecimal projection = elapsed == 0 ? BigDecimal.ZERO
                : actual.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_UP);
        BigDecimal percent = target == null || target.signum() == 0 ? null
                : actual.multiply(BigDecimal.valueOf(100)).divide(target, 2, RoundingMode.HALF_UP);
        BigDecimal remaining = target == null ? null : target.subtract(actual).max(BigDecimal.ZERO);
        long daysLeft = days - elapsed;
        BigDecimal neededPerDay = remaining == null || daysLeft <= 0 ? null : remaining.divide(BigDecimal.valueOf(daysLeft), 2, RoundingMode.HALF_UP);
        return new Attainment(metric, subject, period, target, actual, percent, runRate, projection, remaining, neededPerDay, asOf, elapsed, days);
    }
}
