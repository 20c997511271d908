package org.salesbench.performance.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.security.SecurityService;
import org.salesbench.performance.commissions.Csv;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.scorecards.Assessment;
import org.salesbench.performance.scorecards.ScoreSheet;
import org.salesbench.performance.scorecards.ScorecardService;
import org.salesbench.performance.scorecards.ScorecardTemplate;
import org.salesbench.ui.Services;

/**
 * My Scorecard: how my score for a period is computed, line by line (the KPI and how it is measured, weight, curve,
 * target, value, score and weighted part): the frozen figures of my closed assessment when there is one, the live
 * figures of the scorecard published for the period otherwise.
 */
public class ScorecardView extends PeriodTableView<ScoreSheet> {

    public static final String ID = "org.salesbench.performance.ui.views.scorecard"; //$NON-NLS-1$

    @Override
    List<String> columns() {
        return List.of(Messages.Column_kpi, Messages.Column_definition, Messages.Column_weight, Messages.Column_curve, Messages.Column_target,
                Messages.Column_value, Messages.Column_score, Messages.Column_weighted);
    }

    @Override
    Supplier<ScoreSheet> loader(Period period) {
        return () -> {
            ScorecardService service = Services.get(ScorecardService.class);
            String me = Services.get(SecurityService.class).currentUser().login();
            Optional<Assessment> mine = service.assessments(period).stream().filter(a -> a.getOwner().equalsIgnoreCase(me)).findFirst();
            if (mine.isPresent()) {
                return service.sheet(mine.get().getId());
            }
            Optional<ScorecardTemplate> template = service.publishedFor(period);
            return template.map(t -> service.explain(t.getId(), me, period)).orElse(null);
        };
    }

    @Override
    List<List<String>> rows(ScoreSheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (ScoreSheet.Line l : sheet.lines()) {
            String label = l.parameter() == null ? l.label() : l.label() + " (" + l.parameter() + ")"; //$NON-NLS-1$ //$NON-NLS-2$
            String target = l.kpiTarget() == null ? Csv.number(l.target()) : Csv.number(l.target()) + " / " + Csv.number(l.kpiTarget()); //$NON-NLS-1$
            rows.add(List.of(label, l.definition(), Csv.number(l.weight()) + "%", l.curve() == null ? "" : Labels.curve(l.curve()), target, //$NON-NLS-1$ //$NON-NLS-2$
                    l.rawValue() == null ? Messages.Value_none : Csv.number(l.rawValue()), Csv.number(l.score()), Csv.number(l.weighted())));
        }
        return rows;
    }

    @Override
    String summary(ScoreSheet sheet) {
        String head = NLS.bind(sheet.frozen() ? Messages.Score_frozen : Messages.Score_live,
                new Object[] {sheet.template() + " v" + sheet.revision(), sheet.period(), Csv.number(sheet.total())}); //$NON-NLS-1$
        if (sheet.adjustment() != null && sheet.adjustment().signum() != 0) {
            head += " " + NLS.bind(Messages.Score_adjusted, new Object[] {Csv.number(sheet.adjustment()), sheet.adjustmentReason(), //$NON-NLS-1$
                    Csv.number(sheet.finalScore())});
        }
        return head;
    }

    @Override
    String csv(ScoreSheet sheet) {
        return sheet.toCsv();
    }

    @Override
    String fileName(ScoreSheet sheet) {
        return "scorecard-" + sheet.login() + "-" + sheet.period().from() + ".csv"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    @Override
    String nothing(Period period) {
        return NLS.bind(Messages.Score_none, period);
    }
}
