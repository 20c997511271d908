package org.salesbench.analytics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.Report;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportDescriptor;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportService;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldMask;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.Validator;
import org.salesbench.opportunities.ForecastService;
import org.salesbench.persistence.UnitOfWork;

/**
 * Finds the contributed report, checks the filter once for every report, and runs it with a
 * context over the database.
 */
@Component(service = ReportService.class)
public class ReportServiceImpl implements ReportService {

    /** Security entity name of reports: reading them needs read access to the records they sum. */
    static final String REPORT_ENTITY = "report";

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final MetricCatalogue metrics;
    private final ForecastService forecast;

    @Activate
    public ReportServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference MetricCatalogue metrics,
            @Reference ForecastService forecast) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.metrics = metrics;
        this.forecast = forecast;
    }

    @Override
    public List<ReportDescriptor> reports() {
        return ReportContributions.all().stream().map(ReportContributions.Contribution::descriptor).toList();
    }

    @Override
    public Optional<ReportDescriptor> report(String id) {
        return ReportContributions.find(id).map(ReportContributions.Contribution::descriptor);
    }

    @Override
    public ReportResult run(String reportId, ReportFilter filter) {
        ReportContributions.Contribution contribution = contribution(reportId);
        ReportFilter checked = check(contribution.descriptor(), filter);
        Report report = instance(contribution);
        ReportResult result = report.run(context(), checked);
        // titled by the contribution, in the user's language
        return new ReportResult(result.reportId(), contribution.descriptor().name(), result.filter(), result.columns(), result.rows(), result.chart(),
                result.currency(), result.note());
    }

    @Override
    public List<DrillRecord> drillDown(String reportId, ReportFilter filter, String drillKey) {
        ReportContributions.Contribution contribution = contribution(reportId);
        ReportFilter checked = check(contribution.descriptor(), filter);
        if (drillKey == null) {
            return List.of();
        }
        return instance(contribution).drillDown(context(), checked, drillKey);
    }

    @Override
    public int snapshot(LocalDate day) {
        return PipelineSnapshots.snapshot(unitOfWork, security, day);
    }

    private ReportContext context() {
        // ReportService itself: a report that measures against a figure of another report (performance's attainment) runs it
        return new SimpleReportContext(unitOfWork, metrics, security, Locale.getDefault(), Map.of(ForecastService.class, forecast, ReportService.class, this));
    }

    private static ReportContributions.Contribution contribution(String reportId) {
        return ReportContributions.find(reportId).orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Report_unknown, reportId,
                ReportContributions.all().stream().map(c -> c.descriptor().id()).collect(Collectors.joining(", ")))));
    }

    private static Report instance(ReportContributions.Contribution contribution) {
        return contribution.report().get().orElseThrow(
                () -> new IllegalStateException(NLS.bind(Messages.Report_broken, contribution.descriptor().id(), contribution.descriptor().contributor())));
    }

    /** Refuses a report whose figures come from a field the user's roles hide, naming the report and the field. */
    private void checkFieldsReadable(ReportDescriptor descriptor) {
        Map<String, FieldMask> masks = new java.util.HashMap<>();
        for (String metricId : descriptor.metricIds()) {
            Metrics.find(metricId).ifPresent(metric -> metric.fieldsRead().forEach((entity, fields) -> masks
                    .computeIfAbsent(entity, e -> FieldMask.of(security, e)).checkReadable(security, descriptor.name(), fields)));
        }
    }

    /**
     * The field each shipped dimension groups by, as field rules name it (entity, field): revenue by industry would
     * tell each customer's hidden industry. A contributed report's own dimensions are its contributor's to check.
     */
    private static final Map<String, List<String>> DIMENSION_FIELDS = Map.of(
            "industry", List.of("customer", "industry"), "sector", List.of("customer", "industry"),
            "region", List.of("customer", "region"), "size", List.of("customer", "size"), "grade", List.of("customer", "grade"),
            "value", List.of("opportunity", "amount"), "product", List.of("opportunity", "productId"),
            "month", List.of("opportunity", "closedOn"), "owner", List.of("opportunity", "owner"), "team", List.of("opportunity", "owner"));

    private void checkDimensionReadable(String dimension) {
        List<String> field = dimension == null ? null : DIMENSION_FIELDS.get(dimension);
        if (field != null) {
            FieldMask.of(security, field.get(0)).checkFilterable(security, List.of(field.get(1)));
        }
    }

    /** The filter made whole: checked, and with the report's default dimension when none is given. */
    private ReportFilter check(ReportDescriptor descriptor, ReportFilter filter) {
        security.check(Action.READ, REPORT_ENTITY, null);
        checkFieldsReadable(descriptor);
        ReportFilter f = filter == null ? ReportFilter.all() : filter;
        Validator v = new Validator();
        v.notBefore("to", Messages.Filter_to, f.to(), Messages.Filter_from, f.from());
        if (!descriptor.dimensions().isEmpty()) {
            v.oneOf("by", Messages.Filter_by, f.by(), descriptor.dimensions());
        }
        v.throwIfInvalid();
        if (f.by() == null && !descriptor.dimensions().isEmpty()) {
            f = f.withBy(descriptor.dimensions().get(0));
        }
        checkDimensionReadable(f.by());
        if (f.owner() != null && f.owner().isBlank()) {
            f = f.withOwner(null);
        }
        return f;
    }
}
