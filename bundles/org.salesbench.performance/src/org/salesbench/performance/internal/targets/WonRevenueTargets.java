package org.salesbench.performance.internal.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.salesbench.performance.targets.PeriodKind;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.SubjectKind;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.performance.targets.TargetService;

/**
 * The published won revenue target of a person or a team for a period, through {@link TargetService}: what revenue
 * attainment and commission tiers divide by when the scorecard line or the commission plan gives no target of its
 * own. Only a target set for exactly that calendar period counts (a quarter's assessment reads the quarter's target,
 * not a share of the year's).
 */
public final class WonRevenueTargets {

    /** The catalogue metric of the targets read. */
    public static final String METRIC = "won_revenue";

    private WonRevenueTargets() {
    }

    /** The calendar period (year, half, quarter, month) that runs exactly from {@code from} to {@code to}, if any. */
    public static Optional<TargetPeriod> periodOf(LocalDate from, LocalDate to) {
        for (PeriodKind kind : PeriodKind.values()) {
            TargetPeriod p = TargetPeriod.containing(kind, from);
            if (p.from().equals(from) && p.to().equals(to)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code explicit} when given; otherwise the subject's won revenue target for the period that the current user may
     * read, or {@code null} when there is no target service, no subject, the range is no calendar period or no target
     * is set.
     */
    public static BigDecimal orPublished(BigDecimal explicit, TargetService targets, Subject subject, LocalDate from, LocalDate to) {
        if (explicit != null || targets == null || subject == null) {
            return explicit;
        }
        return periodOf(from, to).flatMap(p -> targets.find(METRIC, subject, p)).map(t -> t.getValue()).orElse(null);
    }

    /**
     * Every person's won revenue target for the period that the current user may read, by login, read with one query
     * (what a leaderboard of revenue attainment divides by); empty when there is no target service or the range is no
     * calendar period.
     */
    public static Map<String, BigDecimal> publishedOfPeople(TargetService targets, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> byLogin = new HashMap<>();
        Optional<TargetPeriod> period = periodOf(from, to);
        if (targets == null || period.isEmpty()) {
            return byLogin;
        }
        for (Target t : targets.list(METRIC, period.get())) {
            if (t.getSubject().kind() == SubjectKind.PERSON && t.getPeriod().equals(period.get())) {
                byLogin.put(t.getSubject().key(), t.getValue());
            }
        }
        return byLogin;
    }
}
