package org.salesbench.customers.internal;

import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.customers.CustomerMerge;

/**
 * {@code customers duplicates|merge|unmerge}: the duplicate finder and the merge of two customers, through
 * {@link CustomerMerge}; the older form of {@code merge customers} ({@link MergeCommand}, which does the work).
 */
public class CustomersCommand implements CliCommand {

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
        case "duplicates" -> MergeCommand.duplicates(context.service(CustomerMerge.class), Arguments.parse(rest, Set.of("limit", "format"), Set.of()), context);
        case "merge" -> merge(Arguments.parse(rest, Set.of("take", "seen-version"), Set.of()), context);
        case "unmerge" -> MergeCommand.undo(context.service(CustomerMerge.class), Arguments.parse(rest, Set.of(), Set.of()), context);
        default -> throw CommandException.usage(NLS.bind(Messages.Customers_unknownAction, raw.get(0)));
        };
    }

    private static int merge(Arguments args, CommandContext context) throws CommandException {
        List<String> ids = args.expect(Messages.Customers_argKeep, Messages.Customers_argOther);
        long keep = MergeCommand.positive(Messages.Customers_argKeep, ids.get(0));
        long other = MergeCommand.positive(Messages.Customers_argOther, ids.get(1));
        return MergeCommand.merge(context.service(CustomerMerge.class), keep, List.of(other), args.option("take"), args.option("seen-version"), context);
    }
}
