package org.salesbench.performance.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.salesbench.core.security.SecurityService;
import org.salesbench.performance.commissions.Csv;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.scorecards.Assessment;
import org.salesbench.performance.scorecards.ScoreSheet;
import org.salesbench.performance.scorecards.ScorecardService;
import org.salesbench.performance.scorecards.ScorecardTemplate;
import org.salesbench.ui.Services;
import org.salesbench.users.Team;
import org.salesbench.users.UserService;

/**
 * My Scorecard: how my score for a period is computed, line by line (the KPI and how it is measured, weight, curve,
 * target, value, score and weighted part): the frozen figures of my closed assessment when there is one, the live
 * figures of the scorecard published for the period otherwise. A manager picks a team instead of "Me" to see the
 * team's live score, its members measured together against the team's target.
 */
public class ScorecardView extends PeriodTableView<ScoreSheet> {

    public static final String ID = "org.salesbench.performance.ui.views.scorecard"; //$NON-NLS-1$

    private Combo whose;
    private final List<Team> teams = new ArrayList<>();

    @Override
    int extraControls() {
        return 2;
    }

    @Override
    void createExtraControls(Composite parent) {
        new Label(parent, SWT.NONE).setText(Messages.Score_whose);
        whose = new Combo(parent, SWT.READ_ONLY);
        whose.add(Messages.Score_me);
        try {
            teams.addAll(Services.get(UserService.class).teams());
        } catch (RuntimeException e) {
            // someone who may not list the teams sees their own score only
        }
        teams.forEach(t -> whose.add(NLS.bind(Messages.Score_team, t.getName())));
        whose.select(0);
        whose.addListener(SWT.Selection, e -> load());
    }

    /** For tests: the choice of me or a team. */
    Combo whose() {
        return whose;
    }

    @Override
    List<String> columns() {
        return List.of(Messages.Column_kpi, Messages.Column_definition, Messages.Column_weight, Messages.Column_curve, Messages.Column_target,
                Messages.Column_value, Messages.Column_score, Messages.Column_weighted);
    }

    @Override
    List<String> columnIds() {
        return List.of("kpi", "definition", "weight", "curve", "target", "value", "score", "weighted"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
    }

    @Override
    boolean numeric(int column) {
        return column == 2 || column >= 4;
    }

    @Override
    Supplier<ScoreSheet> loader(Period period) {
        Team team = whose == null || whose.getSelectionIndex() <= 0 ? null : teams.get(whose.getSelectionIndex() - 1);
        if (team != null) {
            return () -> {
                ScorecardService service = Services.get(ScorecardService.class);
                return service.publishedFor(period).map(t -> service.explainTeam(t.getId(), team.getId(), period)).orElse(null);
            };
        }
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
        Team team = teams.stream().filter(t -> sheet.login().equals("team:" + t.getId())).findFirst().orElse(null); //$NON-NLS-1$
        String head = team != null ? NLS.bind(Messages.Score_teamLive, new Object[] {sheet.template() + " v" + sheet.revision(), sheet.period(), //$NON-NLS-1$
                Csv.number(sheet.total()), team.getName()})
                : NLS.bind(sheet.frozen() ? Messages.Score_frozen : Messages.Score_live,
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
        return "scorecard-" + sheet.login().replace(':', '-') + "-" + sheet.period().from() + ".csv"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    @Override
    String nothing(Period period) {
        return NLS.bind(Messages.Score_none, period);
    }
}
