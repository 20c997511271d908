package org.salesbench.customers.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.RowPrinter;
import org.salesbench.customers.DuplicateGroup;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.RecordMerge;
import org.salesbench.customers.RecordMerges;

/**
 * {@code merge customers|contacts|leads --keep ID --merge ID,…}, {@code … duplicates} and {@code … undo MERGE}: the
 * merge of two or more records of any kind a module provides a {@link RecordMerge} for. The one implementation of the
 * command line's merges: {@code customers merge|duplicates|unmerge} ({@link CustomersCommand}) call it too.
 */
public class MergeCommand implements CliCommand {

    static final int DEFAULT_LIMIT = 100;

    @Override
    public String help() {
        return Messages.MergeCommand_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        if (raw.isEmpty()) {
            throw CommandException.usage(Messages.MergeCommand_missingKind);
        }
        String kind = raw.get(0);
        String entity = kind.endsWith("s") ? kind.substring(0, kind.length() - 1) : kind;
        RecordMerges all = context.service(RecordMerges.class);
        RecordMerge merge = all.of(entity).orElseThrow(() -> CommandException.usage(NLS.bind(Messages.MergeCommand_unknownKind, kind,
                String.join(", ", all.entities().stream().map(e -> e + "s").toList()))));
        List<String> rest = raw.subList(1, raw.size());
        if (!rest.isEmpty() && rest.get(0).equals("duplicates")) {
            return duplicates(merge, Arguments.parse(rest.subList(1, rest.size()), Set.of("limit", "format"), Set.of()), context);
        }
        if (!rest.isEmpty() && rest.get(0).equals("undo")) {
            return undo(merge, Arguments.parse(rest.subList(1, rest.size()), Set.of(), Set.of()), context);
        }
        Arguments args = Arguments.parse(rest, Set.of("keep", "merge", "take", "seen-version"), Set.of());
        args.expect();
        String keep = args.option("keep");
        String others = args.option("merge");
        if (keep == null || others == null) {
            throw CommandException.usage(Messages.MergeCommand_keepAndMerge);
        }
        List<Long> otherIds = new ArrayList<>();
        for (String id : others.split(",")) {
            if (!id.isBlank()) {
                otherIds.add(positive("--merge", id));
            }
        }
        return merge(merge, positive("--keep", keep), otherIds, args.option("take"), args.option("seen-version"), context);
    }

    static int duplicates(RecordMerge merge, Arguments args, CommandContext context) throws CommandException {
        args.expect();
        int limit = DEFAULT_LIMIT;
        String given = args.option("limit");
        if (given != null) {
            limit = (int) Math.min(Integer.MAX_VALUE, positive("--limit", given));
        }
        String format = args.choice("format", "table", "table", "csv", "json");
        List<DuplicateGroup> groups = merge.duplicates(limit);
        List<List<String>> rows = new ArrayList<>();
        int group = 0;
        for (DuplicateGroup g : groups) {
            group++;
            for (DuplicateGroup.Member m : g.members()) {
                rows.add(List.of(Integer.toString(group), reason(g), g.value(), Long.toString(m.id()), m.name(), Long.toString(m.version())));
            }
        }
        RowPrinter.print(format, List.of(Messages.Customers_colGroup, Messages.Customers_colReason, Messages.Customers_colValue,
                Messages.Customers_colId, Messages.Customers_colName, Messages.Customers_colVersion), rows, context.out());
        context.err().println(groups.isEmpty() ? Messages.Customers_noDuplicates : NLS.bind(Messages.Customers_groups, groups.size()));
        return OK;
    }

    private static String reason(DuplicateGroup g) {
        return switch (g.reason()) {
        case CREDIT_CODE -> Messages.Customers_reasonCreditCode;
        case PHONE -> Messages.Customers_reasonPhone;
        case EMAIL -> Messages.Customers_reasonEmail;
        case NAME -> Messages.Customers_reasonName;
        };
    }

    /**
     * Merges {@code otherIds} into {@code keep}, all or none; {@code fields} and {@code seen} as the options give them
     * ({@code null}: none). Prints a line per merge with its id.
     */
    static int merge(RecordMerge merge, long keep, List<Long> otherIds, String fields, String seen, CommandContext context) throws CommandException {
        if (otherIds.isEmpty()) {
            throw CommandException.usage(Messages.MergeCommand_keepAndMerge);
        }
        Set<String> take = new LinkedHashSet<>();
        if (fields != null) {
            for (String field : fields.split(",")) {
                if (!field.isBlank()) {
                    take.add(field.strip());
                }
            }
        }
        for (String field : take) {
            if (!merge.fields().contains(field)) {
                throw CommandException.usage(NLS.bind(Messages.MergeCommand_unknownField, new Object[] { field, merge.entity(), String.join(", ", merge.fields()) }));
            }
        }
        List<Long> versions = null;
        if (seen != null) {
            versions = new ArrayList<>();
            try {
                for (String v : seen.split(",")) {
                    versions.add(Long.parseLong(v.strip()));
                }
                if (versions.size() != otherIds.size() + 1) {
                    throw new NumberFormatException(seen);
                }
            } catch (NumberFormatException e) {
                throw CommandException.usage(NLS.bind(Messages.MergeCommand_badSeenVersion, seen, otherIds.size() + 1));
            }
        }
        List<MergeResult> results = merge.mergeAll(keep, otherIds, take, versions);
        for (MergeResult result : results) {
            context.out().println(NLS.bind(Messages.MergeCommand_merged, new Object[] { label(merge.entity()), result.mergedId(), result.keptId(),
                    CustomerMergeImpl.describe(result.moved()), Long.toString(result.mergeId()) }));
        }
        return OK;
    }

    /** Undoes one merge, or several given as {@code 41,42} (the last first, all or none). */
    static int undo(RecordMerge merge, Arguments args, CommandContext context) throws CommandException {
        List<String> ids = args.expect(Messages.Customers_argMerge);
        List<Long> mergeIds = new ArrayList<>();
        for (String id : ids.get(0).split(",")) {
            if (!id.isBlank()) {
                mergeIds.add(positive(Messages.Customers_argMerge, id));
            }
        }
        if (mergeIds.isEmpty()) {
            throw CommandException.usage(NLS.bind(Messages.MergeCommand_badNumber, Messages.Customers_argMerge, ids.get(0)));
        }
        List<MergeResult> results = mergeIds.size() == 1 ? List.of(merge.unmerge(mergeIds.get(0))) : merge.unmergeAll(mergeIds);
        for (MergeResult result : results) {
            context.out().println(NLS.bind(Messages.MergeCommand_unmerged, new Object[] { Long.toString(result.mergeId()), label(merge.entity()),
                    result.mergedId(), result.keptId(), CustomerMergeImpl.describe(result.moved()) }));
        }
        return OK;
    }

    /** "customer", "contact", "lead" in the user's language. */
    static String label(String entity) {
        return switch (entity) {
        case "customer" -> Messages.MergeCommand_customer;
        case "contact" -> Messages.MergeCommand_contact;
        case "lead" -> Messages.MergeCommand_lead;
        default -> entity;
        };
    }

    static long positive(String what, String value) throws CommandException {
        try {
            long n = Long.parseLong(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw CommandException.usage(NLS.bind(Messages.MergeCommand_badNumber, what, value));
    }
}
