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
import org.eclipse.swt.custom.TreeEditor;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
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
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * The targets of a year: a tree company → teams → people, a column for the year and one per month, and a check column
 * naming what does not add up. Set a target (with why), split it to the level below (equally or by last year's share)
 * or to its months, or type each month's target in its cell (a click on the cell; Enter keeps it, Esc drops it) and
 * Save months writes the typed cells together with one reason, refused as a whole when a cell's target changed since it
 * was read. Reads and writes run in jobs; the model validates and keeps every change with who and why.
 */
public class TargetsView extends ViewPart {

    public static final String ID = "org.salesbench.performance.ui.views.targets";
    static final String METRIC = "won_revenue";

    /** One line of the tree; {@code monthTargets} are the months' targets as read (their ids and versions), null where none. */
    public record Line(Subject subject, String label, Target year, BigDecimal[] months, Target[] monthTargets, List<String> problems,
            List<Line> children) {
    }

    /** A month's cell of a subject's line. */
    record Cell(Subject subject, int month) {
    }

    /** The first month column (after the subject's and the year's). */
    private static final int FIRST_MONTH_COLUMN = 2;

    private Spinner yearSpinner;
    private Tree tree;
    private volatile Line root;
    private TreeEditor cellEditor;
    private Text cellText;
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
        cellEditor = new TreeEditor(tree);
        cellEditor.grabHorizontal = true;
        tree.addListener(SWT.MouseDown, e -> monthCellAt(tree.getItems(), new Point(e.x, e.y)));
        refresh();
    }

    /**
     * Opens the month's cell under the point, if the point is on one: the lines' cells are searched by their bounds
     * (a tree of a company, its teams and their people is small), which GTK's hit test of a row does not always find.
     */
    private boolean monthCellAt(TreeItem[] items, Point at) {
        for (TreeItem item : items) {
            for (int column = FIRST_MONTH_COLUMN; column < FIRST_MONTH_COLUMN + 12; column++) {
                if (item.getBounds(column).contains(at)) {
                    editCell(item, column - FIRST_MONTH_COLUMN + 1);
                    return true;
                }
            }
            if (item.getExpanded() && monthCellAt(item.getItems(), at)) {
                return true;
            }
        }
        return false;
    }

    private static Button button(Composite bar, String text, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /** Opens a text in the month's cell of the item's line, with the value typed or read; Enter or leaving it keeps what was typed. */
    void editCell(TreeItem item, int month) {
        closeCell();
        Line line = (Line) item.getData();
        Cell cell = new Cell(line.subject(), month);
        BigDecimal shown = typed.containsKey(cell) ? typed.get(cell) : line.months()[month - 1];
        Text text = new Text(tree, SWT.RIGHT);
        text.setText(shown == null ? "" : shown.stripTrailingZeros().toPlainString()); //$NON-NLS-1$
        text.selectAll();
        boolean[] done = new boolean[1];
        text.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_RETURN) {
                e.doit = false;
                done[0] = true;
                if (keep(item, cell, text.getText())) {
                    closeCell();
                } else {
                    done[0] = false;
                }
            } else if (e.detail == SWT.TRAVERSE_ESCAPE) {
                e.doit = false;
                done[0] = true;
                closeCell();
            }
        });
        text.addListener(SWT.FocusOut, e -> {
            if (!done[0] && !text.isDisposed()) {
                done[0] = true;
                keep(item, cell, text.getText());
                closeCell();
            }
        });
        cellEditor.setEditor(text, item, FIRST_MONTH_COLUMN + month - 1);
        cellText = text;
        text.setFocus();
    }

    private void closeCell() {
        if (cellText != null && !cellText.isDisposed()) {
            Text closing = cellText;
            cellText = null;
            cellEditor.setEditor(null);
            closing.dispose();
        }
    }

    /**
     * Keeps a typed month's value: blank keeps what was read; a value that is not a number is refused with a message
     * naming the cell, and nothing is kept.
     */
    private boolean keep(TreeItem item, Cell cell, String text) {
        String plain = text.strip().replace(",", "").replace(" ", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        Line line = (Line) item.getData();
        if (plain.isEmpty()) {
            typed.remove(cell);
            BigDecimal read = line.months()[cell.month() - 1];
            item.setText(FIRST_MONTH_COLUMN + cell.month() - 1, read == null ? "" : Messages.money(read)); //$NON-NLS-1$
        } else {
            BigDecimal value;
            try {
                value = new BigDecimal(plain);
            } catch (NumberFormatException e) {
                MessageDialog.openError(tree.getShell(), Messages.Targets_error,
                        NLS.bind(Messages.Targets_cellNotANumber, new Object[] {line.label(), Messages.month(cell.month()), text.strip()}));
                return false;
            }
            typed.put(cell, value);
            item.setText(FIRST_MONTH_COLUMN + cell.month() - 1, Messages.money(value) + " *"); //$NON-NLS-1$
        }
        saveMonths.setEnabled(!typed.isEmpty());
        return true;
    }

    /** The cells typed and not saved (for tests). */
    Map<Cell, BigDecimal> typed() {
        return typed;
    }

    /** The text open in a cell, if any (for tests). */
    Text cellText() {
        return cellText;
    }

    Button saveMonthsButton() {
        return saveMonths;
    }

    /** Writes the typed cells together with one reason, each against the target (and version) it showed. */
    private void saveMonths() {
        closeCell();
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
        if (tree.isDisposed()) {
            return;
        }
        closeCell();
        typed.clear();
        saveMonths.setEnabled(false);
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
            } catch (ConcurrentChangeException e) {
                display.asyncExec(() -> MessageDialog.openError(tree.getShell(), Messages.Targets_error,
                        NLS.bind(Messages.Targets_changedMeanwhile, e.getMessage())));
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
