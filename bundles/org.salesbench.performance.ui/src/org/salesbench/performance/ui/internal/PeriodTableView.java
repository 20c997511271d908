package org.salesbench.performance.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.salesbench.core.io.AtomicFiles;
import org.salesbench.performance.kpi.Period;
import org.salesbench.ui.forms.GridCommands;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;

/**
 * A view of the signed-in person's figures for a period typed as {@code 2026-H2} or {@code 2026-Q4}: a grid loaded in a
 * job ({@link VirtualGrid}, read whole), a summary line, and Export CSV. Subclasses say what to load and how to show it.
 * The lines are figures computed together (a scorecard's, a statement's), not rows of a table: a click on a column
 * header sorts them as shown (numbers by value, text in the user's language), a second descending, a third back to the
 * computed order. Columns hide, show and move, the layout is kept per user, and Edit › Copy, Select All and Refresh
 * reach the grid.
 */
abstract class PeriodTableView<T> extends ViewPart implements GridCommands<List<String>> {

    /** Where an export goes; the system's save dialog, which tests answer instead through {@link #savePrompt}. */
    interface SavePrompt {
        String ask(Shell shell, String suggestedName);
    }

    static SavePrompt savePrompt = (shell, name) -> {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.Export_title);
        dialog.setFilterExtensions(new String[] {"*.csv"}); //$NON-NLS-1$
        dialog.setFileName(name);
        dialog.setOverwrite(true);
        return dialog.open();
    };

    private Text period;
    private VirtualGrid<List<String>> grid;
    /** The lines of what is shown, in the computed order. */
    private List<List<String>> lines = List.of();
    private Label summary;
    private Button export;
    private T shown;

    @Override
    public void createPartControl(Composite parent) {
        int extra = extraControls();
        parent.setLayout(new GridLayout(4 + extra, false));
        createExtraControls(parent);
        new Label(parent, SWT.NONE).setText(Messages.Period_label);
        period = new Text(parent, SWT.BORDER);
        period.setText(defaultPeriod());
        period.setLayoutData(new GridData(120, SWT.DEFAULT));
        period.setMessage(Messages.Period_hint);
        Button show = new Button(parent, SWT.PUSH);
        show.setText(Messages.Show);
        show.addListener(SWT.Selection, e -> load());
        period.addListener(SWT.DefaultSelection, e -> load());
        export = new Button(parent, SWT.PUSH);
        export.setText(Messages.Export_csv);
        export.setEnabled(false);
        export.addListener(SWT.Selection, e -> export());
        List<String> titles = columns();
        List<String> ids = columnIds();
        List<VirtualGrid.Column<List<String>>> columns = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            int at = i;
            VirtualGrid.Column<List<String>> column = VirtualGrid.Column.<List<String>>of(ids.get(i), titles.get(i), 110,
                    line -> at < line.size() ? line.get(at) : "").sortBy(at);
            columns.add(numeric(i) ? column.right() : column);
        }
        grid = VirtualGrid.readWhole(parent, getViewSite().getId(), columns, Messages.Loading, Jobs.FAMILY, Messages.Loading);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4 + extra, 1));
        grid.restoreLayout();
        grid.onSort(this::showLines);
        summary = new Label(parent, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4 + extra, 1));
        load();
    }

    /** The period the view opens with: the current quarter. */
    static String defaultPeriod() {
        java.time.LocalDate today = java.time.LocalDate.now(org.salesbench.core.time.Clocks.system());
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1); //$NON-NLS-1$
    }

    /** How many controls {@link #createExtraControls} makes, each taking one column of the bar before the period. */
    int extraControls() {
        return 0;
    }

    /** Makes the controls a view adds before the period field (a choice of what to show); none by default. */
    void createExtraControls(Composite parent) {
        // none
    }

    /** The columns' titles. */
    abstract List<String> columns();

    /** The columns' names in the layout kept per user, one a title. */
    abstract List<String> columnIds();

    /** Whether column {@code column} shows numbers (aligned right). */
    boolean numeric(int column) {
        return false;
    }

    /** Loads what to show for the period (in a job, off the UI thread); null when there is nothing. */
    abstract Supplier<T> loader(Period period);

    abstract List<List<String>> rows(T loaded);

    abstract String summary(T loaded);

    abstract String csv(T loaded);

    abstract String fileName(T loaded);

    abstract String nothing(Period period);

    void load() {
        Period p = Period.parse(period.getText()).orElse(null);
        if (p == null) {
            show(null, NLS.bind(Messages.Period_bad, period.getText()));
            return;
        }
        summary.setText(Messages.Loading);
        Jobs.load(grid.control(), Messages.Loading, loader(p), loaded -> show(loaded, loaded == null ? nothing(p) : summary(loaded)),
                failed -> show(null, Jobs.message(failed)));
    }

    private void show(T loaded, String text) {
        shown = loaded;
        lines = loaded == null ? List.of() : List.copyOf(rows(loaded));
        showLines();
        summary.setText(text);
        export.setEnabled(loaded != null);
        summary.getParent().layout(true, true);
    }

    /** Shows the lines in the order the headers chose (computed figures: sorted here, as shown), or as computed. */
    private void showLines() {
        if (!(grid.sortKey() instanceof Integer column)) {
            grid.showAll(lines);
            return;
        }
        Comparator<List<String>> order = Comparator.comparing(line -> column < line.size() ? line.get(column) : "", PeriodTableView::compareCells);
        grid.showAll(lines.stream().sorted(grid.ascending() ? order : order.reversed()).toList());
    }

    /** Two cells as shown: numbers (a percent sign, grouping and a trailing "/ target" aside) by value, else text by the language's collation, numbers first. */
    static int compareCells(String a, String b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return COLLATOR.compare(a, b);
    }

    private static final Collator COLLATOR = Collator.getInstance(Locale.getDefault());

    private static BigDecimal number(String cell) {
        String text = cell.split(" / ")[0].replace(",", "").replace("%", "").strip(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        if (text.isEmpty() || !text.matches("[-+]?\\d*\\.?\\d+")) { //$NON-NLS-1$
            return null;
        }
        return new BigDecimal(text);
    }

    @Override
    public VirtualGrid<List<String>> commandGrid() {
        return grid;
    }

    @Override
    public void refresh() {
        load();
    }

    private void export() {
        if (shown == null) {
            return;
        }
        String chosen = savePrompt.ask(grid.control().getShell(), fileName(shown));
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen.endsWith(".csv") ? chosen : chosen + ".csv"); //$NON-NLS-1$ //$NON-NLS-2$
        try {
            byte[] bytes = csv(shown).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, out -> {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a BOM, so spreadsheets read the Chinese right
                out.write(bytes);
            });
            summary.setText(NLS.bind(Messages.Export_done, file));
        } catch (IOException e) {
            MessageDialog.openError(grid.control().getShell(), Messages.Export_title, NLS.bind(Messages.Export_failed, file, e.getMessage()));
        }
    }

    @Override
    public void setFocus() {
        period.setFocus();
    }

    /** For tests: the period field, the grid, the lines in the order shown and the summary line. */
    Text period() {
        return period;
    }

    VirtualGrid<List<String>> grid() {
        return grid;
    }

    List<List<String>> shownLines() {
        return grid.rows().loaded();
    }

    Label summary() {
        return summary;
    }

    Button exportButton() {
        return export;
    }
}
