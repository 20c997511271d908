package org.salesbench.performance.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.salesbench.core.io.AtomicFiles;
import org.salesbench.performance.kpi.Period;
import org.salesbench.ui.forms.Jobs;

/**
 * A view of the signed-in person's figures for a period typed as {@code 2026-H2} or {@code 2026-Q4}: a table loaded
 * in a job, a summary line, and Export CSV. Subclasses say what to load and how to show it.
 */
abstract class PeriodTableView<T> extends ViewPart {

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
    private Table table;
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
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4 + extra, 1));
        for (String column : columns()) {
            TableColumn c = new TableColumn(table, SWT.NONE);
            c.setText(column);
            c.setWidth(110);
        }
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

    abstract List<String> columns();

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
        Jobs.load(table, Messages.Loading, loader(p), loaded -> show(loaded, loaded == null ? nothing(p) : summary(loaded)),
                failed -> show(null, Jobs.message(failed)));
    }

    private void show(T loaded, String text) {
        shown = loaded;
        table.removeAll();
        if (loaded != null) {
            for (List<String> row : rows(loaded)) {
                new TableItem(table, SWT.NONE).setText(row.toArray(String[]::new));
            }
        }
        summary.setText(text);
        export.setEnabled(loaded != null);
        summary.getParent().layout(true, true);
    }

    private void export() {
        if (shown == null) {
            return;
        }
        String chosen = savePrompt.ask(table.getShell(), fileName(shown));
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
            MessageDialog.openError(table.getShell(), Messages.Export_title, NLS.bind(Messages.Export_failed, file, e.getMessage()));
        }
    }

    @Override
    public void setFocus() {
        period.setFocus();
    }

    /** For tests: the period field, the table and the summary line. */
    Text period() {
        return period;
    }

    Table table() {
        return table;
    }

    Label summary() {
        return summary;
    }

    Button exportButton() {
        return export;
    }
}
