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
import org.salesbench.customers.CustomerMerge;
import org.salesbench.customers.DuplicateGroup;
import org.salesbench.customers.MergeResult;

/** {@code customers duplicates|merge|unmerge}: the duplicate finder and the merge, through {@link CustomerMerge}. */
public class CustomersCommand implements CliCommand {

    private static final int DEFAULT_LIMIT = 100;

    @Override
    public String help() {
        return Messages.Customers_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        if (raw.isEmpty()) {
            throw CommandException.usage(Messages.Customers_missingAction);
        }
        List<String> rest = raw.subList(1, raw.size());
        return switch (raw.get(0)) {
        case "duplicates" -> duplicates(Arguments.parse(rest, Set.of("limit", "format"), Set.of()), context);
        case "merge" -> merge(Arguments.parse(rest, Set.of("take", "seen-version"), Set.of()), context);
        case "unmerge" -> unmerge(Arguments.parse(rest, Set.of(), Set.of()), context);
        default -> throw CommandException.usage(NLS.bind(Messages.Customers_unknownAction, raw.get(0)));
        };
    }

    private static int duplicates(Arguments args, CommandContext context) throws CommandException {
        args.expect();
        int limit = DEFAULT_LIMIT;
        String given = args.option("limit");
        if (given != null) {
            limit = (int) Math.min(Integer.MAX_VALUE, positive("--limit", given));
        }
        String format = args.choice("format", "table", "table", "csv", "json");
        List<DuplicateGroup> groups = context.service(CustomerMerge.class).duplicates(limit);
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

    private static int merge(Arguments args, CommandContext context) throws CommandException {
        List<String> ids = args.expect(Messages.Customers_argKeep, Messages.Customers_argOther);
        long keep = positive(Messages.Customers_argKeep, ids.get(0));
        long other = positive(Messages.Customers_argOther, ids.get(1));
        Set<String> take = new LinkedHashSet<>();
        String fields = args.option("take");
        if (fields != null) {
            for (String field : fields.split(",")) {
                if (!field.isBlank()) {
                    take.add(field.strip());
                }
            }
        }
        for (String field : take) {
            if (!CustomerMerge.FIELDS.contains(field)) {
                throw CommandException.usage(NLS.bind(Messages.Merge_unknownField, field, String.join(", ", CustomerMerge.FIELDS)));
            }
        }
        Long keepVersion = null;
        Long otherVersion = null;
        String seen = args.option("seen-version");
        if (seen != null) {
            String[] versions = seen.split(",");
            try {
                if (versions.length != 2) {
                    throw new NumberFormatException(seen);
                }
                keepVersion = Long.parseLong(versions[0].strip());
                otherVersion = Long.parseLong(versions[1].strip());
            } catch (NumberFormatException e) {
                throw CommandException.usage(NLS.bind(Messages.Customers_badSeenVersion, seen));
            }
        }
        MergeResult result = context.service(CustomerMerge.class).merge(keep, other, take, keepVersion, otherVersion);
        context.out().println(NLS.bind(Messages.Customers_merged,
                new Object[] { other, keep, CustomerMergeImpl.describe(result.moved()), Long.toString(result.mergeId()) }));
        return OK;
    }

    private static int unmerge(Arguments args, CommandContext context) throws CommandException {
        List<String> ids = args.expect(Messages.Customers_argMerge);
        long mergeId = positive(Messages.Customers_argMerge, ids.get(0));
        MergeResult result = context.service(CustomerMerge.class).unmerge(mergeId);
        context.out().println(NLS.bind(Messages.Customers_unmerged,
                new Object[] { Long.toString(mergeId), result.mergedId(), result.keptId(), CustomerMergeImpl.describe(result.moved()) }));
        return OK;
    }

    private static long positive(String what, String value) throws CommandException {
        try {
            long n = Long.parseLong(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw CommandException.usage(NLS.bind(Messages.Customers_badNumber, what, value));
    }
}
