package org.salesbench.cli.internal.commands;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.internal.ImportTargets;
import org.salesbench.cli.internal.Messages;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.importexport.FormatDescriptor;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.WriteOptions;

/**
 * {@code export <entity> <file>}: every record, or the customers, leads or opportunities a {@code --filter} selects
 * (what the list view of the same filter shows), in the
 * format of the file's extension or {@code --format}; CSV as UTF-8 with a byte-order mark or GBK.
 */
public class ExportCommand implements CliCommand {

    @Override
    public String help() {
        return Messages.Export_help + System.lineSeparator() + NLS.bind(Messages.Export_entities, ImportTargets.all().stream()
                .filter(ImportTargets.Target::canExport).map(ImportTargets.Target::id).reduce((a, b) -> a + ", " + b).orElse("-"))
                + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of("filter", "format", "encoding"), Set.of());
        List<String> positional = args.expect(Messages.Arg_entity, Messages.Arg_file);
        ImportTargets.Target target = ImportTargets.find(positional.get(0)).filter(ImportTargets.Target::canExport).orElseThrow(
                () -> CommandException.usage(NLS.bind(Messages.Export_unknownEntity, positional.get(0), ImportTargets.all().stream()
                        .filter(ImportTargets.Target::canExport).map(ImportTargets.Target::id).toList())));
        Path file = Path.of(positional.get(1)).toAbsolutePath();
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw CommandException.usage(NLS.bind(Messages.Export_noFolder, file.getParent()));
        }
        String encoding = args.choice("encoding", "utf-8", "utf-8", "gbk");
        Charset charset = encoding.equals("gbk") ? Charset.forName("GBK") : StandardCharsets.UTF_8;
        Object filter = null;
        if (args.option("filter") != null) {
            filter = switch (target.id()) {
            case "customers" -> customerFilter(args.option("filter"));
            case "leads" -> ListFilters.leads(args.option("filter"));
            case "opportunities" -> ListFilters.opportunities(args.option("filter"), context);
            default -> throw CommandException.usage(NLS.bind(Messages.Export_filterOnlyLists, target.id()));
            };
        }
        ImportService service = context.service(ImportService.class);
        String format = args.option("format");
        Path written = file;
        if (format != null) {
            FormatDescriptor descriptor = service.formats().stream().filter(f -> f.id().equalsIgnoreCase(format.strip())).findFirst()
                    .orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Usage_badChoice, new Object[] { "--format", format,
                            String.join(", ", service.formats().stream().map(FormatDescriptor::id).toList()) })));
            if (!descriptor.id().equals(service.formatFor(file).map(FormatDescriptor::id).orElse(null))) {
                // the engine picks the format by extension: write under one of the format's and move the file into place
                written = file.resolveSibling(file.getFileName() + ".tmp." + descriptor.extensions().get(0));
            }
        } else if (service.formatFor(file).isEmpty()) {
            throw CommandException.usage(NLS.bind(Messages.Export_unknownFormat, file.getFileName()));
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
        context.out().println(NLS.bind(Messages.Export_done, count, file));
        return OK;
    }

    /**
     * {@code text=…,grade=A|B,status=ACTIVE|…,owner=login,tag=…,overdue=true}; a term without {@code =} is
     * search text, so {@code --filter 华为} finds what the Customers view's search box finds.
     */
    static CustomerFilter customerFilter(String text) throws CommandException {
        String search = null;
        Set<String> grades = new HashSet<>();
        Set<CustomerStatus> statuses = new HashSet<>();
        String owner = null;
        String tag = null;
        boolean overdue = false;
        for (String term : text.split(",")) {
            int equals = term.indexOf('=');
            if (equals < 0) {
                search = search == null ? term.strip() : search + "," + term;
                continue;
            }
            String key = term.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = term.substring(equals + 1).strip();
            switch (key) {
            case "text" -> search = value;
            case "grade" -> grades.addAll(List.of(value.split("\\|")));
            case "status" -> {
                for (String s : value.split("\\|")) {
                    try {
                        statuses.add(CustomerStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw CommandException.usage(NLS.bind(Messages.Usage_badChoice, new Object[] { "status", s,
                                String.join(", ", java.util.Arrays.stream(CustomerStatus.values()).map(Enum::name).toList()) }));
                    }
                }
            }
            case "owner" -> owner = value;
            case "tag" -> tag = value;
            case "overdue" -> overdue = Boolean.parseBoolean(value) || value.equals("1") || value.equalsIgnoreCase("yes");
            default -> throw CommandException.usage(NLS.bind(Messages.Export_badFilter, key, "text, grade, status, owner, tag, overdue"));
            }
        }
        return new CustomerFilter(search, grades, statuses, owner, tag, overdue);
    }
}
