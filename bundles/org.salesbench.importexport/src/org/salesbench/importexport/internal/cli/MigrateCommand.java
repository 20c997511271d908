package org.salesbench.importexport.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.Interrupts;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.Migrations;
import org.salesbench.importexport.RowError;
import org.salesbench.importexport.internal.Migrator;
import org.salesbench.importexport.internal.Migrator.FileResult;
import org.salesbench.importexport.internal.Migrator.Orphans;

/**
 * {@code migrate <vendor> <folder>}: a whole data export of another CRM (the files its modules declare), in dependency
 * order, valid rows imported and the others reported, with a summary per file. A second run skips what the first
 * imported. Exit 1 when some row failed. Ctrl+C (or SIGTERM) cancels as the wizard's Cancel does: the file being imported
 * keeps the whole batches its line counts, the files after it are not read, the summary is printed and the exit code is
 * {@link #CANCELLED}; a second Ctrl+C stops at once ({@link Interrupts}).
 */
public class MigrateCommand implements CliCommand {

    private static final int ERRORS_SHOWN = 10;

    @Override
    public String help() {
        return NLS.bind(CliMessages.Migrate_help, String.join("|", Migrator.vendors()));
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of("orphan-contacts"), Set.of("add-values", "progress"));
        List<String> positional = args.expect(CliMessages.Arg_vendor, CliMessages.Arg_folder);
        String vendor = positional.get(0).toLowerCase(Locale.ROOT);
        if (!Migrator.vendors().contains(vendor)) {
            throw CommandException.usage(NLS.bind(CliMessages.Migrate_unknownVendor, positional.get(0), String.join(", ", Migrator.vendors())));
        }
        Path folder = Path.of(positional.get(1));
        if (!Files.isDirectory(folder)) {
            throw CommandException.usage(NLS.bind(CliMessages.Migrate_noFolder, folder));
        }
        Orphans orphans = Orphans.valueOf(args.choice("orphan-contacts", "placeholder", "placeholder", "per-contact", "skip")
                .toUpperCase(Locale.ROOT).replace('-', '_'));
        PrintStream out = context.out();
        int[] failed = { 0 };
        boolean showProgress = args.flag("progress") || TerminalProgress.stderrIsTerminal();
        NullProgressMonitor run = new NullProgressMonitor();
        TerminalProgress[] current = { null };
        ImportService service = context.service(ImportService.class);
        try (Interrupts interrupts = Interrupts.cancelling(run, context.err())) {
            List<Migrator.FileSpec> specs = Migrator.files(vendor);
            List<String> absent = new ArrayList<>();
            for (Migrator.FileSpec spec : specs) {
                if (Migrator.find(folder, spec.name()).isEmpty()) {
                    absent.add(spec.name());
                }
            }
            if (absent.size() == specs.size()) {
                // a wrong folder (or the export's zip not unpacked) is a mistake to name, not a run that imported nothing
                throw CommandException.data(NLS.bind(CliMessages.Migrate_noFiles,
                        new Object[] { folder, positional.get(0), String.join(", ", absent) }), null);
            }
            for (String name : absent) {
                out.println(NLS.bind(CliMessages.Migrate_fileAbsent, name));
            }
            for (String name : Migrator.leftOut(vendor, folder)) {
                out.println(NLS.bind(CliMessages.Migrate_fileLeftOut, name));
            }
            Migrator migrator = new Migrator(service).addingValues(args.flag("add-values"));
            if (showProgress) {
                // a line per file on standard error: its rows, rows/s and the time left, cancelled with the run
                migrator = migrator.withFileProgress((spec, copy) -> current[0] = new TerminalProgress(context.err(), System::nanoTime,
                        ImportSettings.DEFAULT_BATCH, TerminalProgress.textRows(copy)).forFile(spec.name(), run));
            }
            migrator.run(vendor, folder, orphans, r -> {
                if (current[0] != null) {
                    ImportResult result = r.result();
                    current[0].finish(result.created() + result.updated() + result.skipped() + result.failed());
                    current[0] = null;
                }
                print(out, r);
                failed[0] += r.result().failed();
            }, run);
            if (interrupts.happened()) {
                out.println(Migrations.cancelledNote());
                return CANCELLED;
            }
        } catch (IOException e) {
            throw CommandException.data(e.getMessage(), e);
        }
        return failed[0] > 0 ? 1 : 0;
    }

    private static void print(PrintStream out, FileResult r) {
        ImportResult result = r.result();
        out.println(Migrations.summaryLine(r.spec().name(), r.spec().target(), result));
        if (r.orphanHandling() != null && r.orphans() > 0) {
            String how = switch (r.orphanHandling()) {
            case PLACEHOLDER -> CliMessages.Migrate_orphansPlaceholder;
            case PER_CONTACT -> CliMessages.Migrate_orphansPerContact;
            case SKIP -> CliMessages.Migrate_orphansSkipped;
            };
            out.println("  " + NLS.bind(how, r.orphans()));
        }
        for (ImportResult.Note note : result.notes()) {
            out.println("  " + NLS.bind(CliMessages.Import_note, note.message(), note.count()));
        }
        List<RowError> errors = result.errors();
        for (RowError e : errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()))) {
            out.println("  " + (e.column().isEmpty() ? NLS.bind(CliMessages.Import_rowError, e.row(), e.message())
                    : NLS.bind(CliMessages.Import_cellError, new Object[] { e.row(), e.column(), e.message() })));
        }
        if (errors.size() > ERRORS_SHOWN) {
            out.println("  " + NLS.bind(CliMessages.Import_moreErrors, errors.size() - ERRORS_SHOWN));
        }
    }
}
