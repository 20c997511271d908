package org.salesbench.importexport.internal.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.importexport.FormatDescriptor;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.WriteOptions;

/**
 * {@code export <entity> <file>}: every record, or those a {@code --filter} selects (what the list view of the same
 * filter shows; each target reads its own filter), in the
 * format of the file's extension or {@code --format}; CSV as UTF-8 with a byte-order mark or GBK.
 */
public class ExportCommand implements CliCommand {

    @Override
    public String help() {
        return CliMessages.Export_help + System.lineSeparator() + NLS.bind(CliMessages.Export_entities, ImportTargets.all().stream()
                .filter(ImportTargets.Target::canExport).map(ImportTargets.Target::id).reduce((a, b) -> a + ", " + b).orElse("-"))
                + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of("filter", "format", "encoding"), Set.of());
        List<String> positional = args.expect(CliMessages.Arg_entity, CliMessages.Arg_file);
        ImportTargets.Target target = ImportTargets.find(positional.get(0)).filter(ImportTargets.Target::canExport).orElseThrow(
                () -> CommandException.usage(NLS.bind(CliMessages.Export_unknownEntity, positional.get(0), ImportTargets.all().stream()
                        .filter(ImportTargets.Target::canExport).map(ImportTargets.Target::id).toList())));
        Path file = Path.of(positional.get(1)).toAbsolutePath();
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw CommandException.usage(NLS.bind(CliMessages.Export_noFolder, file.getParent()));
        }
        String encoding = args.choice("encoding", "utf-8", "utf-8", "gbk");
        Charset charset = encoding.equals("gbk") ? Charset.forName("GBK") : StandardCharsets.UTF_8;
        ImportService service = context.service(ImportService.class);
        Object filter = null;
        if (args.option("filter") != null) {
            try {
                filter = service.parseFilter(target.id(), args.option("filter"));
            } catch (IllegalArgumentException e) {
                throw CommandException.usage(e.getMessage());
            }
        }
        String format = args.option("format");
        Path written = file;
        if (format != null) {
            FormatDescriptor descriptor = service.formats().stream().filter(f -> f.id().equalsIgnoreCase(format.strip())).findFirst()
                    .orElseThrow(() -> CommandException.usage(NLS.bind(CliMessages.Usage_badChoice, new Object[] { "--format", format,
                            String.join(", ", service.formats().stream().map(FormatDescriptor::id).toList()) })));
            if (!descriptor.id().equals(service.formatFor(file).map(FormatDescriptor::id).orElse(null))) {
                // the engine picks the format by extension: write under one of the format's and move the file into place
                written = file.resolveSibling(file.getFileName() + ".tmp." + descriptor.extensions().get(0));
            }
        } else if (service.formatFor(file).isEmpty()) {
            throw CommandException.usage(NLS.bind(CliMessages.Export_unknownFormat, file.getFileName()));
        }
        int count;
        try {
            count = service.export(target.id(), filter, written, new WriteOptions(charset, null), new NullProgressMonitor());
            if (!written.equals(file)) {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw CommandException.data(e.getMessage(), e);
        } finally {
            if (!written.equals(file)) {
                try {
                    Files.deleteIfExists(written);
                } catch (IOException ignored) {
                    // only a left-over temporary file
                }
            }
        }
        context.out().println(NLS.bind(CliMessages.Export_done, count, file));
        List<String> withheld;
        try {
            withheld = service.withheldFields(target.id()).stream().map(f -> f.label() + " (" + f.name() + ")").toList();
        } catch (IOException e) {
            throw CommandException.data(e.getMessage(), e);
        }
        if (!withheld.isEmpty()) {
            context.out().println(NLS.bind(CliMessages.Export_withheld, String.join(", ", withheld)));
        }
        return OK;
    }
}
