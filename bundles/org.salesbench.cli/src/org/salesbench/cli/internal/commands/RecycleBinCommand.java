package org.salesbench.cli.internal.commands;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.internal.Messages;
import org.salesbench.core.recyclebin.DeletedRecord;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.core.recyclebin.RecycleBinKind;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;

/**
 * {@code recycle-bin list [--kind K] [--limit N] | restore <kind> <id> | purge <kind> <id> | purge-expired}: the recycle bin of every
 * installed module, through the {@link RecycleBin} service; the CLI knows no kind of record.
 */
public class RecycleBinCommand implements CliCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public String help() {
        return Messages.RecycleBin_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of("kind", "limit"), Set.of());
        List<String> positional = args.positional();
        if (positional.isEmpty()) {
            throw CommandException.usage(Messages.RecycleBin_help);
        }
        RecycleBin bin = context.service(RecycleBin.class);
        String action = positional.get(0);
        try {
            switch (action) {
                case "list" -> list(bin, args, context);
                case "purge-expired" -> {
                    args.expect(Messages.Arg_action);
                    RecycleBin.PurgeResult result = bin.purgeExpired();
                    result.purged().forEach(r -> context.out().println(NLS.bind(Messages.RecycleBin_purged, r.entity(), r.id())));
                    result.refused().forEach(reason -> context.out().println(NLS.bind(Messages.RecycleBin_keptExpired, reason)));
                    context.err().println(NLS.bind(Messages.RecycleBin_purgedExpired, result.purged().size(), bin.retention().toDays()));
                }
                case "restore", "purge" -> {
                    List<String> p = args.expect(Messages.Arg_action, Messages.Arg_kind, Messages.Arg_id);
                    String kind = kind(bin, p.get(1));
                    long id = id(p.get(2));
                    if (action.equals("restore")) {
                        bin.restore(kind, id);
                        context.out().println(NLS.bind(Messages.RecycleBin_restored, kind, id));
                    } else {
                        bin.purge(kind, id);
                        context.out().println(NLS.bind(Messages.RecycleBin_purged, kind, id));
                    }
                }
                default -> throw CommandException.usage(NLS.bind(Messages.RecycleBin_unknownAction, action));
            }
        } catch (ValidationException | AccessDeniedException e) {
            throw CommandException.data(e.getMessage(), e);
        }
        return OK;
    }

    private static void list(RecycleBin bin, Arguments args, CommandContext context) throws CommandException {
        String kind = args.option("kind");
        int limit;
        try {
            limit = Integer.parseInt(args.option("limit", "100"));
        } catch (NumberFormatException e) {
            throw CommandException.usage(NLS.bind(Messages.RecycleBin_badLimit, args.option("limit")));
        }
        List<DeletedRecord> records = bin.deleted(kind == null ? null : kind(bin, kind), Math.max(1, limit));
        context.out().println(String.join("\t", Messages.RecycleBin_columnKind, Messages.RecycleBin_columnId, Messages.RecycleBin_columnName,
                Messages.RecycleBin_columnOwner, Messages.RecycleBin_columnDeletedAt, Messages.RecycleBin_columnDeletedBy,
                Messages.RecycleBin_columnRestorableUntil));
        for (DeletedRecord r : records) {
            context.out().println(String.join("\t", r.entity(), Long.toString(r.id()), r.name(), r.owner(), when(r.deletedAt()), r.deletedBy(),
                    when(bin.restorableUntil(r))));
        }
        context.err().println(NLS.bind(Messages.RecycleBin_listed, records.size()));
    }

    private static String when(java.time.Instant instant) {
        return WHEN.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** The kind as the bin names it, or a usage error listing the kinds there are. */
    private static String kind(RecycleBin bin, String kind) throws CommandException {
        List<String> kinds = bin.kinds().stream().map(RecycleBinKind::entity).toList();
        if (!kinds.contains(kind)) {
            throw CommandException.usage(NLS.bind(Messages.RecycleBin_unknownKind, kind, String.join(", ", kinds)));
        }
        return kind;
    }

    private static long id(String value) throws CommandException {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw CommandException.usage(NLS.bind(Messages.RecycleBin_badId, value));
        }
    }
}
