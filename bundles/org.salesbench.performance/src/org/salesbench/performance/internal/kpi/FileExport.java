package org.salesbench.performance.internal.kpi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportExporter;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportFormat;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.core.io.AtomicFiles;
import org.salesbench.core.model.Money;
import org.salesbench.performance.kpi.Period;

/**
 * {@code --format xlsx|pdf --output FILE} of the performance commands: the rows are made a report result and written by
 * the analytics {@link ReportExporter} service (the import module's XLSX writer, the documents module's PDF renderer),
 * to a temporary file moved into place, so a failed export leaves no half-written file.
 */
public final class FileExport {

    /** The formats the performance commands accept: printed ones, then the file ones. */
    public static final String[] FORMATS = {"table", "csv", "json", "xlsx", "pdf"};

    private FileExport() {
    }

    /** Whether {@code format} is written to a file rather than printed. */
    public static boolean isFile(String format) {
        return "xlsx".equals(format) || "pdf".equals(format);
    }

    /** The rows as a result titled {@code title} for {@code period}, in the default currency. */
    public static ReportResult result(String id, String title, Period period, List<ReportColumn> columns, List<List<Object>> rows) {
        return new ReportResult(id, title, new ReportFilter(period.from(), period.to(), null, null, null, null), columns,
                rows.stream().map(r -> new ReportRow(r, null)).toList(), ChartKind.TABLE, Money.DEFAULT_CURRENCY, null);
    }

    /**
     * Writes {@code result} as {@code format} (xlsx or pdf) to {@code output} and says so on the command's output.
     *
     * @throws CommandException naming the option when no file is given or its folder does not exist, or when the file
     *                          cannot be written
     */
    public static void write(ReportResult result, String format, String output, CommandContext context) throws CommandException {
        if (output == null || output.isBlank()) {
            throw CommandException.usage(NLS.bind(Messages.Export_needsOutput, format));
        }
        Path file = Path.of(output.strip());
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw CommandException.usage(NLS.bind(Messages.Export_noFolder, file.getParent()));
        }
        ReportExporter exporter = context.service(ReportExporter.class);
        ReportFormat kind = "pdf".equals(format) ? ReportFormat.PDF : ReportFormat.XLSX;
        try {
            AtomicFiles.write(file, out -> exporter.export(result, kind, out));
        } catch (IOException | UncheckedIOException e) {
            throw CommandException.data(NLS.bind(Messages.Export_failed, file, e.getMessage()), e);
        }
        context.out().println(NLS.bind(Messages.Export_written, new Object[] {result.title(), result.rows().size(), file}));
    }
}
