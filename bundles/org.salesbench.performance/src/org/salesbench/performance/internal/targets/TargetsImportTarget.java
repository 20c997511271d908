package org.salesbench.performance.internal.targets;

import static org.salesbench.importexport.TargetField.of;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RecordWriter.Column;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.importexport.targets.RecordChunks;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.performance.targets.TargetService;

/**
 * Targets, a row each, through {@link TargetService}: metric id ({@code won_revenue}), subject ({@code company},
 * {@code team:12}, {@code person:li.na}), period ({@code 2026}, {@code 2026-H1}, {@code 2026-Q3}, {@code 2026-05}),
 * value, and why (kept with the change). A row whose subject has a target of that metric and period already is
 * refused, unless the import updates matches; an export imports back to the same targets.
 */
public class TargetsImportTarget implements ImportTarget {

    public static final String ID = "targets";

    static final String METRIC = "metric", SUBJECT = "subject", PERIOD = "period", VALUE = "value", REASON = "reason";

    @Override
    public List<TargetField> fields() {
        return List.of(of(METRIC, Messages.Target_metric, FieldType.TEXT, true, "Metric", "指标"),
                of(SUBJECT, Messages.Target_subject, FieldType.TEXT, true, "Subject", "Who", "对象"),
                of(PERIOD, Messages.Target_period, FieldType.TEXT, true, "Period", "期间"),
                of(VALUE, Messages.Target_value, FieldType.NUMBER, true, "Value", "Target", "目标", "目标值"),
                of(REASON, Messages.Target_reason, FieldType.TEXT, false, "Reason", "Why", "原因"));
    }

    /** A target is found by its metric, subject and period together: no single field is a key. */
    @Override
    public List<String> keyFields() {
        return List.of();
    }

    @Override
    public String entity() {
        return Target.ENTITY;
    }

    @Override
    public TargetWriter open(ImportContext context) {
        TargetService targets = context.service(TargetService.class);
        return (rows, match) -> context.unitOfWork().write(em -> {
            List<RowOutcome> outcomes = new ArrayList<>();
            for (ImportRow row : rows) {
                outcomes.add(write(targets, row, match));
            }
            return outcomes;
        });
    }

    private static RowOutcome write(TargetService targets, ImportRow row, MatchPolicy match) {
        List<FieldError> errors = new ArrayList<>();
        String metric = row.text(METRIC) == null ? null : row.text(METRIC).strip();
        Optional<Subject> subject = Subject.parse(row.text(SUBJECT));
        if (subject.isEmpty()) {
            errors.add(new FieldError(SUBJECT, NLS.bind(Messages.Import_badSubject, row.text(SUBJECT)), row.text(SUBJECT)));
        }
        Optional<TargetPeriod> period = TargetPeriod.parse(row.text(PERIOD));
        if (period.isEmpty()) {
            errors.add(new FieldError(PERIOD, NLS.bind(Messages.Import_badPeriod, row.text(PERIOD)), row.text(PERIOD)));
        }
        BigDecimal value = value(row.get(VALUE));
        if (row.get(VALUE) != null && value == null) {
            errors.add(new FieldError(VALUE, NLS.bind(Messages.Import_badValue, row.get(VALUE)), row.get(VALUE)));
        }
        if (!errors.isEmpty()) {
            return RowOutcome.failed(errors);
        }
        String reason = row.text(REASON) == null || row.text(REASON).isBlank() ? Messages.Import_reason : row.text(REASON).strip();
        try {
            Optional<Target> existing = metric == null ? Optional.empty() : targets.find(metric, subject.get(), period.get());
            if (existing.isPresent() && match.onMatch() == OnMatch.SKIP) {
                return RowOutcome.skipped(existing.get().getId());
            }
            if (existing.isPresent() && match.onMatch() != OnMatch.CREATE) {
                return RowOutcome.updated(targets.update(existing.get().getId(), value, reason).getId());
            }
            return RowOutcome.created(targets.create(metric, subject.get(), period.get(), value, reason).getId());
        } catch (ValidationException e) {
            return RowOutcome.failed(e.getErrors());
        }
    }

    private static BigDecimal value(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof BigDecimal b) {
            return b;
        }
        try {
            return new BigDecimal(cell.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public boolean canExport() {
        return true;
    }

    /** Every target the user may read, by metric, subject and period; targets are few, so they are read in one go. */
    @Override
    public void export(ImportContext context, Object filter, RecordWriter out, IProgressMonitor monitor) throws IOException {
        TargetService targets = context.service(TargetService.class);
        List<TargetField> fields = fields();
        out.begin(fields.stream().map(f -> new Column(f.name(), f.label())).toList());
        List<Target> all = targets.list(null, null);
        monitor.beginTask(TargetMessages.Progress_export, all.size());
        for (Target t : all) {
            if (monitor.isCanceled()) {
                break;
            }
            out.writeTyped(fields.stream().map(f -> RecordChunks.typed(switch (f.name()) {
                case METRIC -> t.getMetric();
                case SUBJECT -> t.getSubject().toString();
                case PERIOD -> t.getPeriod().toString();
                case VALUE -> t.getValue().stripTrailingZeros();
                default -> null;
            })).toList());
            monitor.worked(1);
        }
        monitor.done();
    }
}
