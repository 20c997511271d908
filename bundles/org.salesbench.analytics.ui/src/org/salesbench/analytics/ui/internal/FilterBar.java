package org.salesbench.analytics.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.salesbench.core.time.Clocks;
import org.salesbench.analytics.dashboards.DashboardFilter;
import org.salesbench.analytics.dashboards.DashboardPeriod;
import org.salesbench.core.model.DateRange;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * The filters at the top of a dashboard or report: a period (this month, quarter, year, last 12 months or custom
 * days), an owner, a team and a pipeline. Owners, teams and pipelines are loaded in a job.
 */
public class FilterBar extends Composite {

    private static final DashboardPeriod[] PERIODS = DashboardPeriod.values();

    private final Combo period;
    private final DateTime from;
    private final DateTime to;
    private final Combo owner;
    private final Combo team;
    private final Combo pipeline;
    private final List<String> ownerLogins = new ArrayList<>();
    private final List<Long> teamIds = new ArrayList<>();
    private final List<Long> pipelineIds = new ArrayList<>();
    private DashboardFilter filter;
    private Consumer<DashboardFilter> listener = f -> { };

    public FilterBar(Composite parent, DashboardFilter initial) {
        super(parent, SWT.NONE);
        this.filter = initial;
        // wraps onto a second line in a narrow editor instead of cutting the last filters off
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.wrap = true;
        layout.center = true;
        layout.marginTop = 2;
        layout.marginBottom = 2;
        setLayout(layout);
        new Label(this, SWT.NONE).setText(Messages.Filter_period);
        period = new Combo(this, SWT.READ_ONLY);
        for (DashboardPeriod p : PERIODS) {
            period.add(Labels.period(p));
        }
        period.select(initial.period().ordinal());
        from = new DateTime(this, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        new Label(this, SWT.NONE).setText("–"); //$NON-NLS-1$
        to = new DateTime(this, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        LocalDate start = LocalDate.now(Clocks.system()).withDayOfMonth(1);
        set(from, initial.from() != null ? initial.from() : start);
        set(to, initial.to() != null ? initial.to() : LocalDate.now(Clocks.system()));
        owner = combo(Messages.Filter_owner, Messages.Filter_anyOwner);
        team = combo(Messages.Filter_team, Messages.Filter_anyTeam);
        pipeline = combo(null, Messages.Filter_anyPipeline);
        ownerLogins.add(null);
        teamIds.add(null);
        pipelineIds.add(null);
        updateCustomEnablement();

        period.addListener(SWT.Selection, e -> {
            updateCustomEnablement();
            changed();
        });
        from.addListener(SWT.Selection, e -> changed());
        to.addListener(SWT.Selection, e -> changed());
        owner.addListener(SWT.Selection, e -> changed());
        team.addListener(SWT.Selection, e -> changed());
        pipeline.addListener(SWT.Selection, e -> changed());
        loadChoices();
    }

    public void onChange(Consumer<DashboardFilter> newListener) {
        this.listener = newListener;
    }

    public DashboardFilter filter() {
        return filter;
    }

    /** A label and its combo that wrap to the next line together. */
    private Combo combo(String label, String any) {
        Composite pair = new Composite(this, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.center = true;
        layout.marginLeft = layout.marginRight = layout.marginTop = layout.marginBottom = 0;
        pair.setLayout(layout);
        if (label != null) {
            new Label(pair, SWT.NONE).setText(label);
        }
        Combo c = new Combo(pair, SWT.READ_ONLY);
        c.add(any);
        c.select(0);
        return c;
    }

    private void updateCustomEnablement() {
        DashboardPeriod chosen = PERIODS[period.getSelectionIndex()];
        boolean custom = chosen == DashboardPeriod.CUSTOM;
        if (!custom) { // the days of the chosen period, shown greyed: "This year" reads 1 Jan to 31 Dec
            DateRange days = chosen.range(LocalDate.now(Clocks.system()));
            set(from, days.start());
            set(to, days.end());
        }
        from.setEnabled(custom);
        to.setEnabled(custom);
    }

    private void changed() {
        DashboardPeriod p = PERIODS[period.getSelectionIndex()];
        filter = new DashboardFilter(p, p == DashboardPeriod.CUSTOM ? get(from) : null, p == DashboardPeriod.CUSTOM ? get(to) : null,
                ownerLogins.get(Math.max(0, owner.getSelectionIndex())), teamIds.get(Math.max(0, team.getSelectionIndex())),
                pipelineIds.get(Math.max(0, pipeline.getSelectionIndex())));
        listener.accept(filter);
    }

    private record Choices(List<User> users, List<Team> teams, List<Pipeline> pipelines) {
    }

    private void loadChoices() {
        Jobs.load(this, Messages.Job_loadFilters, () -> new Choices(Services.get(UserService.class).users(true),
                Services.get(UserService.class).teams(), Services.get(PipelineService.class).pipelines(true)), choices -> {
                    for (User u : choices.users()) {
                        if (!ownerLogins.contains(u.getLogin())) {
                            ownerLogins.add(u.getLogin());
                            owner.add(u.getDisplayName() == null ? u.getLogin() : u.getDisplayName());
                        }
                    }
                    for (Team t : choices.teams()) {
                        teamIds.add(t.getId());
                        team.add(t.getName());
                    }
                    for (Pipeline p : choices.pipelines()) {
                        pipelineIds.add(p.getId());
                        pipeline.add(p.getName());
                    }
                    layout(true, true);
                    getParent().layout(true, true);
                }, e -> setToolTipText(Jobs.message(e)));
    }

    private static void set(DateTime widget, LocalDate day) {
        widget.setDate(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
    }

    private static LocalDate get(DateTime widget) {
        return LocalDate.of(widget.getYear(), widget.getMonth() + 1, widget.getDay());
    }
}
