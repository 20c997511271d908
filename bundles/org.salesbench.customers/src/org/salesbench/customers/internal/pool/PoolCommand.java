package org.salesbench.customers.internal.pool;

import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.persistence.Picklists;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.customers.pool.CustomerPool;
import org.salesbench.customers.pool.PoolEvent;
import org.salesbench.customers.pool.PoolFilter;
import org.salesbench.customers.pool.PoolRow;
import org.salesbench.customers.pool.PoolSettings;
import org.salesbench.customers.pool.PoolWarning;
import org.salesbench.customers.pool.SweepResult;

/** {@code pool list|claim|sweep|warnings|history|settings}: through {@link CustomerPool}, so its rules and permission checks apply. */
public class PoolCommand implements CliCommand {

    private static final int DEFAULT_LIMIT = 100;

    @Override
    public String help() {
        return Messages.Command_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        if (raw.isEmpty()) {
            throw CommandException.usage(Messages.Command_missingAction);
        }
        List<String> rest = raw.subList(1, raw.size());
        return switch (raw.get(0)) {
        case "list" -> list(Arguments.parse(rest, Set.of("text", "industry", "region", "min-days", "limit"), Set.of()), context);
        case "claim" -> claim(Arguments.parse(rest, Set.of(), Set.of()), context);
        case "sweep" -> sweep(Arguments.parse(rest, Set.of(), Set.of()), context);
        case "warnings" -> warnings(Arguments.parse(rest, Set.of("owner"), Set.of()), context);
        case "history" -> history(Arguments.parse(rest, Set.of(), Set.of()), context);
        case "settings" -> settings(Arguments.parse(rest, Set.of("team", "return-after", "warn-before", "cap"), Set.of()), context);
        default -> throw CommandException.usage(NLS.bind(Messages.Command_unknownAction, raw.get(0)));
        };
    }

    private static int list(Arguments args, CommandContext context) throws CommandException {
        args.expect();
        Integer minDays = number(args, "min-days");
        Integer limit = number(args, "limit");
        String industry = args.option("industry");
        if (industry != null) { // typed as a code or a label in either language; the pool matches the stored code
            Picklists picklists = context.service(Picklists.class);
            industry = picklists == null ? industry : picklists.resolve(Picklists.INDUSTRY, industry).orElse(industry);
        }
        PoolFilter filter = new PoolFilter(args.option("text"), industry, args.option("region"), minDays);
        CustomerPool pool = context.service(CustomerPool.class);
        List<PoolRow> rows = pool.page(filter, 0, limit == null ? DEFAULT_LIMIT : limit);
        Picklists picklists = context.service(Picklists.class);
        java.util.function.UnaryOperator<String> labels = code -> picklists == null || code == null ? code
                : picklists.label(Picklists.INDUSTRY, code);
        for (PoolRow r : rows) {
            context.out().println(String.join("\t", Long.toString(r.id()), r.name(), text(labels.apply(r.industry())), text(r.region()),
                    r.pooledAt() == null ? "" : r.pooledAt().toLocalDate().toString(), text(r.pooledFrom()), text(r.reason())));
        }
        context.err().println(NLS.bind(Messages.Command_count, rows.size(), pool.count(filter)));
        return OK;
    }

    private static int claim(Arguments args, CommandContext context) throws CommandException {
        long id = customerId(args.expect(Messages.Arg_customerId).get(0));
        context.service(CustomerPool.class).claim(id);
        context.out().println(NLS.bind(Messages.Command_claimed, id));
        return OK;
    }

    private static int sweep(Arguments args, CommandContext context) throws CommandException {
        args.expect();
        SweepResult result = context.service(CustomerPool.class).sweep();
        context.out().println(NLS.bind(Messages.Command_swept, result.warned(), result.returned()));
        return OK;
    }

    private static int warnings(Arguments args, CommandContext context) throws CommandException {
        args.expect();
        List<PoolWarning> warnings = context.service(CustomerPool.class).warnings(args.option("owner"));
        for (PoolWarning w : warnings) {
            context.out().println(String.join("\t", Long.toString(w.customerId()), w.name(), w.owner(), w.lastFollowUp().toLocalDate().toString(),
                    w.returnOn().toLocalDate().toString()));
        }
        if (warnings.isEmpty()) {
            context.err().println(Messages.Command_noWarnings);
        }
        return OK;
    }

    private static int history(Arguments args, CommandContext context) throws CommandException {
        long id = customerId(args.expect(Messages.Arg_customerId).get(0));
        for (PoolEvent e : context.service(CustomerPool.class).history(id)) {
            context.out().println(String.join("\t", e.at().toString(), e.kind().name(), e.actor(), text(e.fromOwner()), text(e.toOwner()),
                    text(e.reason())));
        }
        return OK;
    }

    private static int settings(Arguments args, CommandContext context) throws CommandException {
        args.expect();
        String team = args.option("team");
        CustomerPool pool = context.service(CustomerPool.class);
        PoolSettings current = pool.settings(team);
        Integer returnAfter = number(args, "return-after");
        Integer warnBefore = number(args, "warn-before");
        Integer cap = number(args, "cap");
        String label = team == null ? Messages.Settings_default : team;
        if (returnAfter != null || warnBefore != null || cap != null) {
            current = new PoolSettings(team, returnAfter != null ? returnAfter : current.returnAfterDays(),
                    warnBefore != null ? warnBefore : current.warnDaysBefore(), cap != null ? cap : current.ownedCap());
            pool.saveSettings(current);
            context.err().println(NLS.bind(Messages.Command_saved, label));
        }
        context.out().println(NLS.bind(Messages.Command_settings,
                new Object[] { label, current.returnAfterDays(), current.warnDaysBefore(), current.ownedCap() }));
        return OK;
    }

    private static Integer number(Arguments args, String option) throws CommandException {
        String value = args.option(option);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw CommandException.usage(NLS.bind(Messages.Command_badNumber, "--" + option, value));
    }

    private static long customerId(String value) throws CommandException {
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw CommandException.usage(NLS.bind(Messages.Command_badNumber, Messages.Arg_customerId, value));
    }

    private static String text(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }
}
