package org.salesbench.performance.ui.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.part.ViewPart;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.targets.SplitMethod;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.performance.targets.TargetService;
import org.salesbench.ui.Services;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * The targets of a year: a tree company → teams → people, a column for the year and one per month, and a check column
 * naming what does not add up. Set a target (with why), split it to the level below (equally or by last year's share)
 * or to its months. Reads and writes run in jobs; the model validates and keeps every change with who and why.
 */
public class TargetsView extends ViewPart {

    public static final String ID = "org.salesbench.performance.ui.views.targets";
    static final String METRIC = "won_revenue";

    /** One line of the tree. */
    public record Line(Subject subject, String label, Target year, BigDecimal[] months, List<String> problems, List<Line> children) {
    }

    private Spinner yearSpinner;
    private Tree tree;
    private volatile Line root;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new RowLayout());
        yearSpinner = new Spinner(bar, SWT.BORDER);
        yearSpinner.setValues(LocalDate.now(Clocks.system()).getYear(), 2000, 2999, 0, 1, 1);
        yearSpinner.addListener(SWT.Selection, e -> refresh());
        button(bar, Messages.Targets_set, () -> setTarget());
        button(bar, Messages.Targets_splitEqually, () -> splitDown(SplitMethod.EQUAL));
        button(bar, Messages.Targets_splitLastYear, () -> splitDown(SplitMethod.LAST_YEAR_SHARE));
        button(bar, Messages.Targets_splitMonths, () -> splitMonths());
        button(bar, Messages.Targets_refresh, this::refresh);
        tree = new Tree(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column(Messages.Targets_subject, 180);
        column(Messages.Targets_year, 110);
        for (int m = 1; m <= 12; m++) {
            column(Messages.month(m), 90);
        }
        column(Messages.Targets_check, 300);
        refresh();
    }

    private static void button(Composite bar, String text, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void column(String text, int width) {
        TreeColumn c = new TreeColumn(tree, SWT.RIGHT);
        c.setText(text);
        c.setWidth(width);
    }

    public int year() {
        return yearSpinner.getSelection();
    }

    /** Reads the year's targets, the teams and their people in a job, then shows them. */
    public void refresh() {
        int year = year();
        Display display = tree.getDisplay();
        run(Messages.Targets_job, () -> {
            Line line = load(year);
            display.asyncExec(() -> show(line));
        });
    }

    static Line load(int year) {
        TargetService targets = Services.get(TargetService.class);
        UserService users = Services.get(UserService.class);
        Map<Subject, Target> byYear = new HashMap<>();
        Map<Subject, BigDecimal[]> byMonth = new HashMap<>();
        for (Target t : targets.list(METRIC, TargetPeriod.year(year))) {
            if (t.getPeriod().equals(TargetPeriod.year(year))) {
                byYear.put(t.getSubject(), t);
            } else if (t.getPeriod().kind() == org.salesbench.performance.targets.PeriodKind.MONTH) {
                byMonth.computeIfAbsent(t.getSubject(), s -> new BigDecimal[12])[t.getPeriod().index() - 1] = t.getValue();
            }
        }
        Map<String, String> names = new HashMap<>();
        for (User u : users.users(true)) {
            names.put(u.getLogin(), u.getDisplayName());
        }
        List<Line> teams = new ArrayList<>();
        for (Team team : users.teams()) {
            List<Line> people = new ArrayList<>();
            team.getMembers().stream().filter(names::containsKey).sorted()
                    .forEach(login -> people.add(line(targets, Subject.person(login), names.get(login), byYear, byMonth, List.of())));
            teams.add(line(targets, Subject.team(team.getId()), team.getName(), byYear, byMonth, people));
        }
        return line(targets, Subject.company(), Messages.Targets_company, byYear, byMonth, teams);
    }

    private static Line line(TargetService targets, Subject subject, String label, Map<Subject, Target> byYear, Map<Subject, BigDecimal[]> byMonth,
            List<Line> children) {
        Target year = byYear.get(subject);
        List<String> problems = year == null ? List.of() : targets.check(year.getId());
        return new Line(subject, label, year, byMonth.getOrDefault(subject, new BigDecimal[12]), problems, children);
    }

    private void show(Line line) {
        if (tree.isDisposed()) {
            return;
        }
        tree.removeAll();
        TreeItem item = new TreeItem(tree, SWT.NONE);
        fill(item, line);
        root = line;
    }

    private void fill(TreeItem item, Line line) {
        List<String> texts = new ArrayList<>();
        texts.add(line.label());
        texts.add(line.year() == null ? "" : Messages.money(line.year().getValue())); //$NON-NLS-1$
        for (BigDecimal m : line.months()) {
            texts.add(m == null ? "" : Messages.money(m)); //$NON-NLS-1$
        }
        texts.add(String.join("; ", line.problems())); //$NON-NLS-1$
        item.setText(texts.toArray(String[]::new));
        item.setData(line);
        for (Line child : line.children()) {
            fill(new TreeItem(item, SWT.NONE), child);
        }
        item.setExpanded(true);
    }

    /** The tree as shown (for tests); {@code null} before the first read. */
    public Line shown() {
        return root;
    }

    public Tree tree() {
        return tree;
    }

    private Line selected() {
        TreeItem[] selection = tree.getSelection();
        return selection.length == 0 ? null : (Line) selection[0].getData();
    }

    private void setTarget() {
        Line line = selected();
        if (line == null) {
            return;
        }
        InputDialog value = new InputDialog(tree.getShell(), Messages.Targets_set, NLS.bind(Messages.Targets_valueFor, line.label(), year()),
                line.year() == null ? "" : line.year().getValue().stripTrailingZeros().toPlainString(), null); //$NON-NLS-1$
        if (value.open() != Window.OK) {
            return;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.getValue().strip().replace(",", "")); //$NON-NLS-1$ //$NON-NLS-2$
        } catch (NumberFormatException e) {
            MessageDialog.openError(tree.getShell(), Messages.Targets_error, NLS.bind(Messages.Targets_notANumber, value.getValue()));
            return;
        }
        TargetPeriod period = TargetPeriod.year(year());
        reason(reason -> write(() -> Services.get(TargetService.class).set(METRIC, line.subject(), period, amount, reason)));
    }

    private void splitDown(SplitMethod method) {
        Line line = selected();
        if (line == null || line.year() == null) {
            return;
        }
        reason(reason -> write(() -> Services.get(TargetService.class).splitToSubjects(line.year().getId(), method, null, reason)));
    }

    private void splitMonths() {
        Line line = selected();
        if (line == null || line.year() == null) {
            return;
        }
        reason(reason -> write(() -> Services.get(TargetService.class).splitToMonths(line.year().getId(), SplitMethod.EQUAL, null, reason)));
    }

    private void reason(Consumer<String> then) {
        InputDialog reason = new InputDialog(tree.getShell(), Messages.Targets_reasonTitle, Messages.Targets_reason, "", //$NON-NLS-1$
                text -> text == null || text.isBlank() ? Messages.Targets_reasonNeeded : null);
        if (reason.open() == Window.OK) {
            then.accept(reason.getValue().strip());
        }
    }

    /** Runs a change in a job; a refusal is shown with the model's message; the tree is read again after. */
    void write(Runnable change) {
        Display display = tree.getDisplay();
        int year = year();
        run(Messages.Targets_job, () -> {
            try {
                change.run();
            } catch (ValidationException | org.salesbench.core.security.AccessDeniedException e) {
                display.asyncExec(() -> MessageDialog.openError(tree.getShell(), Messages.Targets_error, e.getMessage()));
            } catch (RuntimeException e) {
                display.asyncExec(() -> MessageDialog.openError(tree.getShell(), Messages.Targets_error, String.valueOf(e)));
                throw e;
            }
            Line line = load(year);
            display.asyncExec(() -> show(line));
        });
    }

    private static void run(String name, Runnable work) {
        Job job = Job.create(name, monitor -> {
            work.run();
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    @Override
    public void setFocus() {
        tree.setFocus();
    }
}
