package org.salesbench.performance.ui.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.eclipse.ui.part.ViewPart;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.targets.SplitMethod;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetCell;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.performance.targets.TargetService;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.GridCommands;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * The targets of a year: company → teams → people, each line set in under its parent on a grid ({@link VirtualGrid}),
 * a column for the year and one per month, and a check column naming what does not add up. Set a target (with why),
 * split it to the level below (equally or by last year's share) or to its months, or type each month's target in its
 * cell (F2 or typing on the selected cell; Enter keeps it, Esc drops it; a typed cell is marked with *) and Save months
 * writes the typed cells together with one reason, refused as a whole when a cell's target changed since it was read.
 * A click on a header sorts each line's children by that column (people stay under their team), headers drag, the
 * header menu hides and chooses columns, the layout is kept per user, and Edit › Copy and Select All reach the cells.
 * Reads and writes run in jobs; the model validates and keeps every change with who and why.
 */
public class TargetsView extends ViewPart implements GridCommands<TargetsView.Row> {

    public static final String ID = "org.salesbench.performance.ui.views.targets";
    static final String METRIC = "won_revenue";

    /** One line of the tree; {@code monthTargets} are the months' targets as read (their ids and versions), null where none. */
    public record Line(Subject subject, String label, Target year, BigDecimal[] months, Target[] monthTargets, List<String> problems,
            List<Line> children) {
    }

    /** A month's cell of a subject's line. */
    record Cell(Subject subject, int month) {
    }

    /** A line of the tree as a row of the grid, {@code depth} levels below the company. */
    public record Row(Line line, int depth) {
    }

    private Spinner yearSpinner;
    private VirtualGrid<Row> grid;
    private volatile Line root;
    private Button saveMonths;
    /** The cells typed and not saved yet, in the order typed. */
    private final Map<Cell, BigDecimal> typed = new LinkedHashMap<>();

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
        saveMonths = button(bar, Messages.Targets_saveMonths, this::saveMonths);
        saveMonths.setEnabled(false);
        button(bar, Messages.Targets_refresh, this::refresh);
        List<VirtualGrid.Column<Row>> columns = new ArrayList<>();
        columns.add(VirtualGrid.Column.<Row>of("subject", Messages.Targets_subject, 200, r -> INDENT.repeat(r.depth()) + r.line().label()) //$NON-NLS-1$
                .sortBy(VirtualGrid.<Line>byText(Line::label)));
        columns.add(VirtualGrid.Column.<Row>of("year", Messages.Targets_year, 110, //$NON-NLS-1$
                r -> r.line().year() == null ? "" : Messages.money(r.line().year().getValue())).right() //$NON-NLS-1$
                .sortBy(VirtualGrid.<Line, BigDecimal>byValue(l -> l.year() == null ? null : l.year().getValue())));
        for (int m = 1; m <= 12; m++) {
            int month = m;
            columns.add(VirtualGrid.Column.<Row>of(monthColumn(month), Messages.month(month), 90, r -> monthText(r.line(), month)).right()
                    .sortBy(VirtualGrid.<Line, BigDecimal>byValue(l -> l.months()[month - 1]))
                    .editable(r -> true, (r, text) -> keep(r.line(), new Cell(r.line().subject(), month), text)));
        }
        columns.add(VirtualGrid.Column.<Row>of("check", Messages.Targets_check, 300, r -> String.join("; ", r.line().problems())) //$NON-NLS-1$ //$NON-NLS-2$
                .sortBy(VirtualGrid.<Line>byText(l -> String.join("; ", l.problems())))); //$NON-NLS-1$
        grid = VirtualGrid.readWhole(parent, ID, columns, Messages.Targets_job, Jobs.FAMILY, Messages.Loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.restoreLayout();
        grid.onSort(this::showLines);
        refresh();
    }

    /**
     * How far a line is set in per level below the company: no-break spaces, which the grid's text painter does not trim
     * as it does a cell's leading spaces.
     */
    static final String INDENT = "\u00a0\u00a0\u00a0\u00a0"; //$NON-NLS-1$

    /** The id of month {@code month}'s column (1 to 12) in the layout kept per user. */
    static String monthColumn(int month) {
        return "m" + month; //$NON-NLS-1$
    }

    /** A month's cell as shown: the value typed and not saved yet (marked), else the target read. */
    private String monthText(Line line, int month) {
        BigDecimal value = typed.get(new Cell(line.subject(), month));
        if (value != null) {
            return Messages.money(value) + " *"; //$NON-NLS-1$
        }
        BigDecimal read = line.months()[month - 1];
        return read == null ? "" : Messages.money(read); //$NON-NLS-1$
    }

    private static Button button(Composite bar, String text, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /**
     * Keeps a month's value typed in its cell (F2, or typing on the selected cell; Enter keeps it, Esc drops it): blank
     * keeps what was read; a value that is not a number is refused with a message naming the cell, and nothing is kept.
     */
    private boolean keep(Line line, Cell cell, String text) {
        String plain = text.strip().replace(",", "").replace(" ", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        if (plain.isEmpty()) {
            typed.remove(cell);
        } else {
            BigDecimal value;
            try {
                value = new BigDecimal(plain);
            } catch (NumberFormatException e) {
                MessageDialog.openError(grid.control().getShell(), Messages.Targets_error,
                        NLS.bind(Messages.Targets_cellNotANumber, new Object[] {line.label(), Messages.month(cell.month()), text.strip()}));
                return false;
            }
            typed.put(cell, value);
        }
        saveMonths.setEnabled(!typed.isEmpty());
        grid.repaint();
        return true;
    }

    /** The cells typed and not saved (for tests). */
    Map<Cell, BigDecimal> typed() {
        return typed;
    }

    Button saveMonthsButton() {
        return saveMonths;
    }

    /** Writes the typed cells together with one reason, each against the target (and version) it showed. */
    private void saveMonths() {
        if (typed.isEmpty() || root == null) {
            return;
        }
        int year = year();
        List<TargetCell> cells = new ArrayList<>();
        typed.forEach((cell, value) -> {
            Target read = find(root, cell.subject()).map(l -> l.monthTargets()[cell.month() - 1]).orElse(null);
            cells.add(new TargetCell(cell.subject(), TargetPeriod.month(year, cell.month()), value, read == null ? null : read.getId(),
                    read == null ? 0 : read.getVersion()));
        });
        reason(reason -> {
            typed.clear();
            saveMonths.setEnabled(false);
            write(() -> Services.get(TargetService.class).saveCells(METRIC, cells, reason));
        });
    }

    private static java.util.Optional<Line> find(Line line, Subject subject) {
        if (line.subject().equals(subject)) {
            return java.util.Optional.of(line);
        }
        return line.children().stream().map(c -> find(c, subject)).flatMap(java.util.Optional::stream).findFirst();
    }

    public int year() {
        return yearSpinner.getSelection();
    }

    /** Reads the year's targets, the teams and their people in a job, then shows them. */
    public void refresh() {
        int year = year();
        Display display = grid.control().getDisplay();
        run(Messages.Targets_job, () -> {
            Line line = load(year);
            display.asyncExec(() -> show(line));
        });
    }

    static Line load(int year) {
        TargetService targets = Services.get(TargetService.class);
        UserService users = Services.get(UserService.class);
        Map<Subject, Target> byYear = new HashMap<>();
        Map<Subject, Target[]> byMonth = new HashMap<>();
        for (Target t : targets.list(METRIC, TargetPeriod.year(year))) {
            if (t.getPeriod().equals(TargetPeriod.year(year))) {
                byYear.put(t.getSubject(), t);
            } else if (t.getPeriod().kind() == org.salesbench.performance.targets.PeriodKind.MONTH) {
                byMonth.computeIfAbsent(t.getSubject(), s -> new Target[12])[t.getPeriod().index() - 1] = t;
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

    private static Line line(TargetService targets, Subject subject, String label, Map<Subject, Target> byYear, Map<Subject, Target[]> byMonth,
            List<Line> children) {
        Target year = byYear.get(subject);
        List<String> problems = year == null ? List.of() : targets.check(year.getId());
        Target[] monthTargets = byMonth.getOrDefault(subject, new Target[12]);
        BigDecimal[] months = new BigDecimal[12];
        for (int m = 0; m < 12; m++) {
            months[m] = monthTargets[m] == null ? null : monthTargets[m].getValue();
        }
        return new Line(subject, label, year, months, monthTargets, problems, children);
    }

    private void show(Line line) {
        if (grid.control().isDisposed()) {
            return;
        }
        typed.clear();
        saveMonths.setEnabled(false);
        Line before = selected();
        root = line;
        showLines();
        if (before != null) {
            grid.selectWhere(r -> r.line().subject().equals(before.subject()));
        }
    }

    /**
     * Shows the tree as rows, each line under its parent, set in by its level: in the order read (teams, people by
     * login), or, when a column is sorted, each line's children sorted by it, so a team's people stay under their team.
     */
    @SuppressWarnings("unchecked")
    private void showLines() {
        Line line = root;
        if (line == null) {
            grid.showAll(List.of());
            return;
        }
        java.util.Comparator<Line> order = grid.sortKey() instanceof java.util.Comparator<?> c ? (java.util.Comparator<Line>) c : null;
        List<Row> rows = new ArrayList<>();
        flatten(line, 0, order == null || grid.ascending() ? order : order.reversed(), rows);
        grid.showAll(rows);
    }

    private static void flatten(Line line, int depth, java.util.Comparator<Line> order, List<Row> into) {
        into.add(new Row(line, depth));
        List<Line> children = order == null ? line.children() : line.children().stream().sorted(order).toList();
        for (Line child : children) {
            flatten(child, depth + 1, order, into);
        }
    }

    /** The tree as shown (for tests); {@code null} before the first read. */
    public Line shown() {
        return root;
    }

    /** The grid (for tests and the Edit menu's commands). */
    public VirtualGrid<Row> grid() {
        return grid;
    }

    /** The lines in the order shown (for tests). */
    List<Row> shownRows() {
        return grid.rows().loaded();
    }

    /** Selects the line of {@code subject}; whether it is shown (for tests). */
    boolean select(Subject subject) {
        return grid.selectWhere(r -> r.line().subject().equals(subject));
    }

    /** The row index of {@code subject}'s line, or -1 (for tests). */
    int indexOf(Subject subject) {
        List<Row> rows = shownRows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).line().subject().equals(subject)) {
                return i;
            }
        }
        return -1;
    }

    private Line selected() {
        Row row = grid.control().isDisposed() ? null : grid.selectedRow();
        return row == null ? null : row.line();
    }

    private void setTarget() {
        Line line = selected();
        if (line == null) {
            return;
        }
        InputDialog value = new InputDialog(grid.control().getShell(), Messages.Targets_set, NLS.bind(Messages.Targets_valueFor, line.label(), year()),
                line.year() == null ? "" : line.year().getValue().stripTrailingZeros().toPlainString(), null); //$NON-NLS-1$
        if (value.open() != Window.OK) {
            return;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.getValue().strip().replace(",", "")); //$NON-NLS-1$ //$NON-NLS-2$
        } catch (NumberFormatException e) {
            MessageDialog.openError(grid.control().getShell(), Messages.Targets_error, NLS.bind(Messages.Targets_notANumber, value.getValue()));
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
        InputDialog reason = new InputDialog(grid.control().getShell(), Messages.Targets_reasonTitle, Messages.Targets_reason, "", //$NON-NLS-1$
                text -> text == null || text.isBlank() ? Messages.Targets_reasonNeeded : null);
        if (reason.open() == Window.OK) {
            then.accept(reason.getValue().strip());
        }
    }

    /** Runs a change in a job; a refusal is shown with the model's message; the tree is read again after. */
    void write(Runnable change) {
        Display display = grid.control().getDisplay();
        int year = year();
        run(Messages.Targets_job, () -> {
            try {
                change.run();
            } catch (ValidationException | org.salesbench.core.security.AccessDeniedException e) {
                display.asyncExec(() -> MessageDialog.openError(grid.control().getShell(), Messages.Targets_error, e.getMessage()));
            } catch (ConcurrentChangeException e) {
                display.asyncExec(() -> MessageDialog.openError(grid.control().getShell(), Messages.Targets_error,
                        NLS.bind(Messages.Targets_changedMeanwhile, e.getMessage())));
            } catch (RuntimeException e) {
                display.asyncExec(() -> MessageDialog.openError(grid.control().getShell(), Messages.Targets_error, String.valueOf(e)));
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

    // --- the Edit menu's commands

    @Override
    public VirtualGrid<Row> commandGrid() {
        return grid;
    }

    @Override
    public void setFocus() {
        grid.control().setFocus();
    }
}
