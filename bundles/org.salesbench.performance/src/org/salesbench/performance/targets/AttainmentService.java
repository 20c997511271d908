package org.salesbench.performance.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Actual against target, from the analytics metric catalogue: the actual figures are those of the reports that show
 * the metric (through the analytics {@code ReportService}, never another module's tables), so the KPIs, scorecards
 * and dashboards that call this service count exactly as the reports do. An OSGi service.
 */
public interface AttainmentService {

    /** The metric's figure for {@code subject} from {@code from} to {@code to}, both included. */
    BigDecimal actual(String metric, Subject subject, LocalDate from, LocalDate to);

    /** Attainment of {@code subject} in {@code period} as of today. */
    Attainment attainment(String metric, Subject subject, TargetPeriod period);

    /** Attainment as of {@code asOf} (figures up to that day; run rate and projection from it). */
    Attainment attainment(String metric, Subject subject, TargetPeriod period, LocalDate asOf);

    /**
     * The attainment of every person ({@link SubjectKind#PERSON}) or team ({@link SubjectKind#TEAM}) that has a target
     * or a figure in the period, in subject order, computed with one report run.
     */
    List<Attainment> attainments(String metric, TargetPeriod period, SubjectKind by, LocalDate asOf);
}
