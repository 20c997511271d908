package org.salesbench.performance.internal.targets;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.RowPrinter;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.importexport.ImportPreview;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RowError;
import org.salesbench.importexport.ValueMapping;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.performance.targets.TargetService;

/**
 * {@code targets list|import|export}: targets from the command line. {@code list} prints them as a table, CSV or JSON
 * ({@code --metric}, {@code --period} narrow it); {@code import FILE} reads a CSV or XLSX file through the import
 * engine (the {@code targets} import target), all or nothing, {@code --update} changing the targets there are;
 * {@code export FILE} writes every target the user may read so that it imports back.
 */
public class TargetsCommand implements CliCommand {

    private static final Set<String> OPTIONS = Set.of("format", "metric", "period");
    private static final Set<String> FLAGS = Set.of("update");
    private static final List<String> COLUMNS = List.of("id", "metric", "subject", "period", "value", "parent_id", "split");

    @Override
    public String help() {
        return Messages.Command_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, OPTIONS, FLAGS);
        List<String> positional = args.positional();
        if (positional.isEmpty()) {
            throw CommandException.usage(Messages.Command_noAction);
        }
        String action = positional.get(0);
        String format = args.choice("format", "table", "table", "csv", "json");
        TargetPeriod period = null;
        if (args.option("period") != null) {
            period = TargetPeriod.parse(args.option("period")).orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Import_badPeriod, args.option("period"))));
        }
        Path file = null;
        switch (action) {
            case "list" -> {
            }
            case "import", "export" -> {
                if (positional.size() < 2 || positional.get(1).isBlank()) {
                    throw CommandException.usage(NLS.bind(Messages.Command_needsFile, action));
                }
                file = Path.of(positional.get(1).strip()).toAbsolutePath();
                if (action.equals("import") && !Files.isRegularFile(file)) {
                    throw CommandException.usage(NLS.bind(Messages.Command_noFile, file));
                }
                if (action.equals("export") && file.getParent() != null && !Files.isDirectory(file.getParent())) {
                    throw CommandException.usage(NLS.bind(Messages.Command_noFile, file.getParent()));
                }
            }
            default -> throw CommandException.usage(NLS.bind(Messages.Command_unknownAction, action));
        }
        try {
            switch (action) {
                case "list" -> list(context.service(TargetService.class), args.option("metric"), period, format, context);
                case "import" -> {
                    return importFile(context, file, args.flag("update"));
                }
                case "export" -> {
                    int n = context.service(ImportService.class).export(TargetsImportTarget.ID, null, file, WriteOptions.DEFAULT, new NullProgressMonitor());
                    context.err().println(NLS.bind(Messages.Command_exported, n, file));
                }
                default -> throw new IllegalStateException(action);
            }
        } catch (ValidationException e) {
            throw CommandException.usage(e.getErrors().stream().map(fe -> fe.message()).collect(Collectors.joining(System.lineSeparator())));
        } catch (AccessDeniedException e) {
            throw new CommandException(DATA, e.getMessage(), e);
        } catch (IOException e) {
            throw CommandException.data(NLS.bind(Messages.Command_io, file, e.getMessage()), e);
        }
        return OK;
    }

    private static void list(TargetService targets, String metric, TargetPeriod period, String format, CommandContext context) {
        List<List<String>> rows = new ArrayList<>();
        for (Target t : targets.list(metric == null ? null : metric.strip(), period)) {
            rows.add(List.of(String.valueOf(t.getId()), t.getMetric(), t.getSubject().toString(), t.getPeriod().toString(), plain(t.getValue()),
                    t.getParentId() == null ? "" : t.getParentId().toString(), t.getSplitMethod() == null ? "" : t.getSplitMethod().name().toLowerCase()));
        }
        RowPrinter.print(format, COLUMNS, rows, context.out());
    }

    private static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    private static int importFile(CommandContext context, Path file, boolean update) throws CommandException, IOException {
        ImportService imports = context.service(ImportService.class);
        ImportPreview preview = imports.preview(file, ReadOptions.DETECT, TargetsImportTarget.ID);
        MatchPolicy match = update ? new MatchPolicy(List.of(), MatchPolicy.OnMatch.UPDATE) : MatchPolicy.NONE;
        ImportSettings settings = new ImportSettings(TargetsImportTarget.ID, preview.mapping(), ValueMapping.NONE, match,
                ImportSettings.Mode.ALL_OR_NOTHING, ImportSettings.DEFAULT_BATCH);
        ImportResult result = imports.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());
        for (RowError e : result.errors()) {
            context.err().println(NLS.bind(Messages.Command_rowError, new Object[] { e.row(), e.column() == null ? "" : e.column(), e.message() }));
        }
        context.out().println(NLS.bind(Messages.Command_imported, new Object[] { result.outcome(), result.created(), result.updated(), result.failed() }));
        return result.failed() > 0 ? DATA : OK;
    }
}
