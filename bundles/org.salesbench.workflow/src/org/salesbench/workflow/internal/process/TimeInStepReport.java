package org.salesbench.workflow.internal.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.Report;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.Unit;
import org.salesbench.core.security.Action;
import org.salesbench.core.time.Clocks;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.workflow.process.ProcessBoard;
import org.salesbench.workflow.process.ProcessBoard.StepFigures;
import org.salesbench.workflow.process.ProcessStep;
import org.salesbench.workflow.process.StepRecord;

/**
 * "Time in step": per process step of each pipeline (or the filter's one), the records in it, the overdue ones, and the
 * average and p90 days spent there, by the process board's SQL, so the report and the board never disagree. Its rows
 * drill down to the records in the step.
 */
public class TimeInStepReport implements Report {

    public static final String ID = "time-in-step";
    private static final int DRILL_LIMIT = 1000;

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        context.security().check(Action.READ, Opportunity.ENTITY, null);
        List<ReportColumn> columns = List.of(new ReportColumn("pipeline", Messages.Report_pipeline, Unit.TEXT, null),
                new ReportColumn("step", Messages.Report_step, Unit.TEXT, null),
                new ReportColumn("records", Messages.Report_records, Unit.COUNT, "process_records"),
                new ReportColumn("overdue", Messages.Report_overdue, Unit.COUNT, "process_overdue"),
                new ReportColumn("average_days", Messages.Report_averageDays, Unit.DAYS, "process_average_days"),
                new ReportColumn("p90_days", Messages.Report_p90Days, Unit.DAYS, "process_p90_days"));
        List<ReportRow> rows = context.unitOfWork().read(em -> {
            List<ReportRow> result = new ArrayList<>();
            List<Pipeline> pipelines = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).getResultList();
            for (Pipeline pipeline : pipelines) {
                if (filter.pipelineId() != null && !filter.pipelineId().equals(pipeline.getId())) {
                    continue;
                }
                List<ProcessStep> steps = em.createQuery("SELECT s FROM ProcessStep s WHERE s.pipelineId = :p ORDER BY s.position", ProcessStep.class)
                        .setParameter("p", pipeline.getId()).getResultList();
                if (steps.isEmpty()) {
                    continue;
                }
                ProcessBoard board = ProcessQueries.board(em, context.unitOfWork().settings().dialect(), pipeline.getId(), steps,
                        Clocks.system().instant());
                for (StepFigures s : board.steps()) {
                    result.add(new ReportRow(java.util.Arrays.asList(pipeline.getLabel(), s.step().getLabel(), s.records(), s.overdue(),
                            days(s.averageDays()), days(s.p90Days())), String.valueOf(s.step().getId())));
                }
            }
            return result;
        });
        return new ReportResult(ID, Messages.Report_title, filter, columns, rows, ChartKind.BAR, null);
    }

    /** One decimal; {@code null} for "no figure". */
    private static BigDecimal days(Double days) {
        return days == null ? null : BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP);
    }

    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        long stepId;
        try {
            stepId = Long.parseLong(drillKey);
        } catch (NumberFormatException notAStep) {
            return List.of();
        }
        return context.unitOfWork().read(em -> {
            ProcessStep step = em.find(ProcessStep.class, stepId);
            if (step == null) {
                return List.<DrillRecord>of();
            }
            List<DrillRecord> records = new ArrayList<>();
            for (StepRecord r : ProcessQueries.records(em, context.unitOfWork().settings().dialect(), step, Clocks.system().instant(), DRILL_LIMIT)) {
                records.add(new DrillRecord(Opportunity.ENTITY, r.opportunityId(), r.name(), null));
            }
            return records;
        });
    }
}
