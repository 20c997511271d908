package org.salesbench.analytics.ui.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.printing.PrintDialog;
import org.eclipse.swt.printing.Printer;
import org.eclipse.swt.printing.PrinterData;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.jfree.chart.JFreeChart;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportExporter;
import org.salesbench.analytics.ReportFormat;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.output.ReportCharts;
import org.salesbench.core.io.AtomicFiles;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;

/** Export (CSV, XLSX, PDF through the report exporter, in a job) and printing of a report result. */
public final class ReportActions {

    private ReportActions() {
    }

    /** Where an export goes: the shell to ask in, the format and the suggested file name; {@code null} cancels. */
    @FunctionalInterface
    interface SaveLocationPrompt {
        String ask(Shell shell, ReportFormat format, String suggestedName);
    }

    private static final SaveLocationPrompt SAVE_DIALOG = ReportActions::askWithSaveDialog;
    /** The system's save dialog, which tests cannot drive: they answer through {@link #setSaveLocationPrompt}. */
    private static SaveLocationPrompt saveLocationPrompt = SAVE_DIALOG;

    /** Tests answer the save dialog themselves; {@code null} restores the system's dialog. */
    static void setSaveLocationPrompt(SaveLocationPrompt prompt) {
        saveLocationPrompt = prompt == null ? SAVE_DIALOG : prompt;
    }

    private static String askWithSaveDialog(Shell shell, ReportFormat format, String suggestedName) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(NLS.bind(Messages.Export_title, Labels.format(format)));
        dialog.setFilterExtensions(new String[] { "*." + extension(format) }); //$NON-NLS-1$
        dialog.setFilterNames(new String[] { Labels.format(format) });
        dialog.setFileName(suggestedName);
        dialog.setOverwrite(true);
        return dialog.open();
    }

    /** Asks where to save, then exports in a job and says where it went. */
    public static void export(Control owner, ReportResult result, ReportFormat format) {
        String extension = extension(format);
        String chosen = saveLocationPrompt.ask(owner.getShell(), format, fileName(result) + "." + extension); //$NON-NLS-1$
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen.endsWith("." + extension) ? chosen : chosen + "." + extension); //$NON-NLS-1$ //$NON-NLS-2$
        exportTo(owner, result, format, file,
                done -> MessageDialog.openInformation(owner.getShell(), Messages.Export_doneTitle, NLS.bind(Messages.Export_done, done)),
                e -> MessageDialog.openError(owner.getShell(), Messages.Export_failedTitle, NLS.bind(Messages.Export_failed, file, Jobs.message(e))));
    }

    /** Exports {@code result} to {@code file} in a job (written to a temporary file first, so a failure leaves no half file). */
    private static void exportTo(Control owner, ReportResult result, ReportFormat format, Path file, Consumer<Path> done,
            Consumer<RuntimeException> failed) {
        ReportExporter exporter = Services.get(ReportExporter.class);
        Jobs.load(owner, NLS.bind(Messages.Job_export, result.title()), () -> {
            try {
                AtomicFiles.write(file, out -> exporter.export(result, format, out));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, done, failed);
    }

    /** Prints the result's chart (as drawn for {@code kind}) with its title, on a printer the user picks. */
    public static void print(Control owner, ReportResult result, ChartKind kind) {
        PrintDialog dialog = new PrintDialog(owner.getShell(), SWT.NONE);
        PrinterData data = dialog.open();
        if (data == null) {
            return;
        }
        Printer printer = new Printer(data);
        try {
            if (!printer.startJob(result.title())) {
                MessageDialog.openError(owner.getShell(), Messages.Print_failedTitle, Messages.Print_failed);
                return;
            }
            printer.startPage();
            Rectangle area = printer.getClientArea();
            Point dpi = printer.getDPI();
            int margin = dpi.x / 2;
            GC gc = new GC(printer);
            try {
                gc.drawText(result.title(), margin, margin, true);
                int top = margin + gc.getFontMetrics().getHeight() * 2;
                int width = area.width - 2 * margin;
                int height = Math.min(area.height - top - margin, width * 3 / 4);
                // draw the chart at screen resolution and let the printer scale it: JFreeChart's fonts stay readable
                int pixelsWide = Math.max(400, width * 96 / dpi.x);
                int pixelsHigh = Math.max(300, height * 96 / dpi.y);
                JFreeChart chart = TileCharts.chart(result, kind == ChartKind.KPI || kind == ChartKind.TABLE ? result.chart() : kind);
                BufferedImage drawn = ReportCharts.draw(chart, pixelsWide, pixelsHigh);
                Image image = new Image(printer, AwtImages.toImageData(drawn));
                try {
                    gc.drawImage(image, 0, 0, pixelsWide, pixelsHigh, margin, top, width, height);
                } finally {
                    image.dispose();
                }
            } finally {
                gc.dispose();
            }
            printer.endPage();
            printer.endJob();
        } finally {
            printer.dispose();
        }
    }

    static String extension(ReportFormat format) {
        return switch (format) {
            case CSV -> "csv"; //$NON-NLS-1$
            case XLSX -> "xlsx"; //$NON-NLS-1$
            case PDF -> "pdf"; //$NON-NLS-1$
        };
    }

    private static String fileName(ReportResult result) {
        String safe = result.title().replaceAll("[\\\\/:*?\"<>|]+", "_").trim(); //$NON-NLS-1$ //$NON-NLS-2$
        return (safe.isEmpty() ? result.reportId() : safe) + "-" + LocalDate.now(); //$NON-NLS-1$
    }
}
