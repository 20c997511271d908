package org.salesbench.analytics.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportDescriptor;
import org.salesbench.analytics.ReportExporter;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportFormat;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.ReportService;
import org.salesbench.analytics.ReportValues;
import org.salesbench.analytics.internal.ReportContributions;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.TextCells;
import org.salesbench.core.io.AtomicFiles;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.users.Team;
import org.salesbench.users.UserService;

/**
 * {@code report <name>|list}: prints a report as a table, CSV or JSON, or writes it to a .csv, .xlsx or .pdf
 * file; {@code report list} names every report with its metrics' definitions. Contributed to the command line by
 * the analytics module; the files are written by the {@link ReportExporter} service (the analytics output bundle),
 * so this bundle draws no chart and writes no document.
 */
public class ReportCommand implements CliCommand {

    private static final Set<String> OPTIONS = Set.of("from", "to", "period", "by", "owner", "team", "pipeline", "format", "output");

    @Override
    public String help() {
        return Messages.Report_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, OPTIONS, Set.of());
        String name = args.expect(Messages.Arg_report).get(0).strip();
        // everything the arguments alone can tell is checked before the database is opened
        LocalDate from = date(args, "from");
        LocalDate to = date(args, "to");
        if (args.option("period") != null) {
            if (from != null || to != null) {
                throw CommandException.usage(Messages.Report_periodAndDates);
            }
            LocalDate[] period = period(args.option("period"));
            from = period[0];
            to = period[1];
        }
        // text is the table under the name the other commands use
        String format = args.choice("format", "table", "table", "text", "csv", "json");
        Path output = args.option("output") == null ? null : Path.of(args.option("output")).toAbsolutePath();
        ReportFormat fileFormat = output == null ? null : fileFormat(output);
        if (name.equals("list")) {
            list(descriptors(), context.service(MetricCatalogue.class), context.out());
            return OK;
        }
        // the contributed reports are known from the extension registry, without the database
        ReportDescriptor report = descriptors().stream().filter(d -> d.id().equals(name)).findFirst().orElseThrow(() -> CommandException.usage(
                NLS.bind(Messages.Report_unknown, name, descriptors().stream().map(ReportDescriptor::id).collect(Collectors.joining(", ")))));
        String by = by(args, report);
        ReportService reports = context.service(ReportService.class);
        ReportFilter filter = new ReportFilter(from, to, args.option("owner"), team(args, context), pipeline(args, context), by);
        ReportResult result;
        try {
            result = reports.run(report.id(), filter);
        } catch (ValidationException e) {
            // a filter the service refuses (from after to) is a usage error, named by its field
            throw CommandException.usage(e.getErrors().stream().map(fe -> NLS.bind(Messages.Report_badFilter, "--" + fe.field(), fe.message()))
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        if (output != null) {
            write(result, fileFormat, output, context);
            return OK;
        }
        switch (format) {
            case "csv" -> csv(result, context.out());
            case "json" -> json(result, context.out());
            default -> table(result, context.out());
        }
        if (result.isEmpty()) {
            context.err().println(Messages.Report_empty);
        }
        if (result.note() != null && !result.note().isBlank()) {
            context.err().println(result.note());
        }
        return OK;
    }

    private static List<ReportDescriptor> descriptors() {
        return ReportContributions.all().stream().map(ReportContributions.Contribution::descriptor).toList();
    }

    private static LocalDate date(Arguments args, String option) throws CommandException {
        String value = args.option(option);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw CommandException.usage(NLS.bind(Messages.Report_badDate, "--" + option, value));
        }
    }

    private static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile("(\\d{4})(?:-(?:[Hh]([12])|[Qq]([1-4])|(\\d{2})))?");

    /** {@code --period 2026}, {@code 2026-H2}, {@code 2026-Q4} or {@code 2026-11}: its first and last day. */
    static LocalDate[] period(String text) throws CommandException {
        java.util.regex.Matcher m = PERIOD.matcher(text.strip());
        try {
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                LocalDate from = m.group(2) != null ? LocalDate.of(year, m.group(2).equals("1") ? 1 : 7, 1)
                        : m.group(3) != null ? LocalDate.of(year, Integer.parseInt(m.group(3)) * 3 - 2, 1)
                        : m.group(4) != null ? LocalDate.of(year, Integer.parseInt(m.group(4)), 1) : LocalDate.of(year, 1, 1);
                int months = m.group(2) != null ? 6 : m.group(3) != null ? 3 : m.group(4) != null ? 1 : 12;
                return new LocalDate[] { from, from.plusMonths(months).minusDays(1) };
            }
        } catch (java.time.DateTimeException e) {
            // a month 13: the message below
        }
        throw CommandException.usage(NLS.bind(Messages.Report_badPeriod, text));
    }

    private static ReportFormat fileFormat(Path output) throws CommandException {
        String file = output.getFileName().toString().toLowerCase(Locale.ROOT);
        ReportFormat format = file.endsWith(".csv") ? ReportFormat.CSV : file.endsWith(".xlsx") ? ReportFormat.XLSX
                : file.endsWith(".pdf") ? ReportFormat.PDF : null;
        if (format == null) {
            throw CommandException.usage(NLS.bind(Messages.Report_unknownOutput, output.getFileName()));
        }
        if (output.getParent() != null && !Files.isDirectory(output.getParent())) {
            throw CommandException.usage(NLS.bind(Messages.Report_noFolder, output.getParent()));
        }
        return format;
    }

    private static String by(Arguments args, ReportDescriptor report) throws CommandException {
        String by = args.option("by");
        if (by == null) {
            return null;
        }
        if (report.dimensions().isEmpty()) {
            throw CommandException.usage(NLS.bind(Messages.Report_noDimensions, report.id()));
        }
        return report.dimensions().stream().filter(d -> d.equalsIgnoreCase(by.strip())).findFirst().orElseThrow(() -> CommandException
                .usage(NLS.bind(Messages.Report_unknownDimension, new Object[] { by, report.id(), String.join(", ", report.dimensions()) })));
    }

    private static Long team(Arguments args, CommandContext context) throws CommandException {
        String name = args.option("team");
        if (name == null) {
            return null;
        }
        List<Team> teams = context.service(UserService.class).teams();
        return teams.stream().filter(t -> t.getName().equalsIgnoreCase(name.strip())).map(Team::getId).findFirst().orElseThrow(
                () -> CommandException.usage(NLS.bind(Messages.Report_unknownTeam, name, teams.stream().map(Team::getName).collect(Collectors.joining(", ")))));
    }

    private static Long pipeline(Arguments args, CommandContext context) throws CommandException {
        String name = args.option("pipeline");
        if (name == null) {
            return null;
        }
        List<Pipeline> pipelines = context.service(PipelineService.class).pipelines(false);
        return pipelines.stream().filter(p -> p.getName().equalsIgnoreCase(name.strip()) || p.getLabel().equalsIgnoreCase(name.strip()))
                .map(Pipeline::getId).findFirst().orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Report_unknownPipeline, name,
                        pipelines.stream().map(Pipeline::getLabel).collect(Collectors.joining(", ")))));
    }

    // ---- report list

    private static void list(List<ReportDescriptor> reports, MetricCatalogue metrics, PrintStream out) {
        for (ReportDescriptor report : reports) {
            out.println(NLS.bind(Messages.Report_list, new Object[] { report.id(), report.name(), report.description() }));
            if (!report.dimensions().isEmpty()) {
                out.println(NLS.bind(Messages.Report_listDimensions, String.join("|", report.dimensions())));
            }
            for (String metricId : report.metricIds()) {
                Optional<Metric> metric = metrics.metric(metricId);
                out.println("    " + metricId + ": " + metric.map(m -> m.label() + " = " + m.definition()).orElse("?"));
            }
        }
    }

    // ---- output

    private static void write(ReportResult result, ReportFormat format, Path output, CommandContext context) throws CommandException {
        ReportExporter exporter = context.service(ReportExporter.class);
        try {
            AtomicFiles.write(output, out -> exporter.export(result, format, out));
        } catch (IOException | UncheckedIOException e) {
            throw CommandException.data(NLS.bind(Messages.Export_failed, e.getMessage()), e);
        }
        context.out().println(NLS.bind(Messages.Report_written, new Object[] { result.title(), result.rows().size(), output }));
    }

    /** RFC 4180 without a byte-order mark (this goes to a terminal or a pipe, not to Excel); plain numbers. */
    static void csv(ReportResult result, PrintStream out) {
        out.println(result.columns().stream().map(c -> TextCells.csvText(c.id())).collect(Collectors.joining(",")));
        for (ReportRow row : result.rows()) {
            out.println(ReportValues.typedValues(result, row).stream()
                    .map(v -> v == null ? "" : v instanceof Number ? quote(plainText(v)) : TextCells.csvText(plainText(v)))
                    .collect(Collectors.joining(",")));
        }
    }

    /** Numbers in plain notation ({@code 12000000}, not {@code 1.2E7}), as the CSV files of the import/export engine hold them. */
    private static String plainText(Object value) {
        return switch (value) {
            case BigDecimal d -> d.toPlainString();
            case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Float f when Float.isFinite(f) -> new BigDecimal(f.toString()).stripTrailingZeros().toPlainString();
            default -> value.toString();
        };
    }

    private static String quote(String text) {
        return TextCells.csv(text);
    }

    /** An array of rows, each an object whose fields are the column ids; figures as JSON numbers. */
    static void json(ReportResult result, PrintStream out) {
        StringBuilder json = new StringBuilder("[");
        List<ReportColumn> columns = result.columns();
        for (int r = 0; r < result.rows().size(); r++) {
            json.append(r == 0 ? "\n  {" : ",\n  {");
            List<Object> values = ReportValues.typedValues(result, result.rows().get(r));
            for (int c = 0; c < columns.size(); c++) {
                json.append(c == 0 ? "" : ", ").append(jsonString(columns.get(c).id())).append(": ");
                Object value = values.get(c);
                if (value == null) {
                    json.append("null");
                } else if (value instanceof Number n) {
                    json.append(plainText(n));
                } else {
                    json.append(jsonString(value.toString()));
                }
            }
            json.append('}');
        }
        json.append(result.rows().isEmpty() ? "]" : "\n]");
        out.println(json);
    }

    static String jsonString(String text) {
        return TextCells.json(text);
    }

    /** Columns padded to their widest cell (a Chinese character is two terminal cells wide); figures right-aligned. */
    static void table(ReportResult result, PrintStream out) {
        List<ReportColumn> columns = result.columns();
        List<String> headers = columns.stream().map(c -> ReportValues.header(c, result)).toList();
        List<List<String>> rows = ReportValues.formattedRows(result, Locale.getDefault());
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = width(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        out.println(line(headers, widths, columns, false));
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        out.println(String.join("  ", rule));
        for (List<String> row : rows) {
            out.println(line(row, widths, columns, true));
        }
    }

    private static String line(List<String> cells, int[] widths, List<ReportColumn> columns, boolean alignFigures) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - width(cell));
            if (c > 0) {
                sb.append("  ");
            }
            boolean right = alignFigures && ReportValues.isFigure(columns.get(c));
            sb.append(right ? pad + cell : c == cells.size() - 1 ? cell : cell + pad);
        }
        return sb.toString().stripTrailing();
    }

    /** Terminal cells: East Asian wide and full-width characters take two. */
    static int width(String text) {
        return TextCells.width(text);
    }
}
