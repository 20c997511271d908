package org.salesbench.workflow.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.core.time.Clocks;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskCalendar;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.TaskStatus;
import org.salesbench.workflow.reminders.ReminderEngine;
import org.salesbench.workflow.reminders.ReminderRun;

/**
 * {@code tasks list|remind}: through {@link TaskService} and {@link ReminderEngine}, so their permission checks and
 * rules apply.
 */
public class TasksCommand implements CliCommand {

    private static final int DEFAULT_LIMIT = 1000;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
        case "list" -> list(Arguments.parse(rest, Set.of("format", "limit"), Set.of("mine", "overdue", "all")), context);
        case "remind" -> remind(Arguments.parse(rest, Set.of(), Set.of()), context);
        case "export" -> export(Arguments.parse(rest, Set.of("customer"), Set.of("mine", "all")), context);
        case "import" -> importMeetings(Arguments.parse(rest, Set.of("customer"), Set.of()), context);
        default -> throw CommandException.usage(NLS.bind(Messages.Command_unknownAction, raw.get(0)));
        };
    }

    private static int list(Arguments args, CommandContext context) throws CommandException {
        args.expect();
        String format = args.choice("format", "table", "table", "csv", "json");
        int limit = limit(args);
        Instant now = Instant.now(Clocks.system());
        String mine = args.flag("mine") ? context.service(SecurityService.class).currentUser().login() : null;
        Set<TaskStatus> statuses = args.flag("all") ? Set.of() : Set.of(TaskStatus.OPEN);
        TaskFilter filter = new TaskFilter(mine, args.flag("overdue") ? Set.of(TaskStatus.OPEN) : statuses, null,
                args.flag("overdue") ? now : null, null, null);
        TaskService tasks = context.service(TaskService.class);
        List<Task> rows = tasks.list(filter, 0, limit);
        List<List<String>> cells = new ArrayList<>();
        for (Task t : rows) {
            cells.add(List.of(Long.toString(t.getId()), due(t.getDueAt()), t.getStatus().name() + (t.isOverdue(now) ? "!" : ""),
                    t.getPriority().name(), t.getAssignee(), t.getTitle(), t.getRelated() == null ? "" : t.getRelated().toString()));
        }
        List<String> header = List.of("id", "due", "status", "priority", "assignee", "title", "related");
        switch (format) {
        case "csv" -> TaskTables.csv(header, cells, context.out());
        case "json" -> TaskTables.json(header, cells, context.out());
        default -> TaskTables.table(header, cells, context.out());
        }
        context.err().println(NLS.bind(Messages.Command_count, rows.size(), tasks.count(filter)));
        return OK;
    }

    private static int remind(Arguments args, CommandContext context) throws CommandException {
        args.expect();
        List<ReminderRun> runs = context.service(ReminderEngine.class).run();
        PrintStream out = context.out();
        int failed = 0;
        for (ReminderRun run : runs) {
            out.println(String.join("\t", run.ruleId(), Integer.toString(run.found()), Integer.toString(run.made()),
                    Long.toString(run.millis()), run.error() == null ? "" : run.error()));
            if (run.error() != null) {
                failed++;
                context.err().println(NLS.bind(Messages.Command_ruleFailed, run.label(), run.error()));
            }
        }
        context.err().println(NLS.bind(Messages.Command_reminded, runs.stream().mapToInt(ReminderRun::made).sum(), runs.size()));
        return failed == 0 ? OK : PARTIAL;
    }

    /** {@code tasks export F.ics [--mine] [--all] [--customer ID]}: the tasks (and that customer's activities) as iCalendar. */
    private static int export(Arguments args, CommandContext context) throws CommandException {
        List<String> files = args.expect("file");
        Path file = Path.of(files.get(0));
        String mine = args.flag("mine") ? context.service(SecurityService.class).currentUser().login() : null;
        TaskFilter filter = new TaskFilter(mine, args.flag("all") ? Set.of() : Set.of(TaskStatus.OPEN), null, null, null, null);
        String customerId = args.option("customer");
        Long customer = customerId == null ? null : customer(context, customerId).getId();
        TaskCalendar.Exported exported;
        try {
            exported = context.service(TaskCalendar.class).export(file, filter, customer);
        } catch (IOException e) {
            throw CommandException.data(NLS.bind(Messages.Command_writeFailed, file, e.getMessage()), e);
        }
        context.err().println(NLS.bind(Messages.Command_exported, new Object[] { exported.tasks(), exported.activities(), file }));
        return OK;
    }

    /**
     * {@code tasks import F.ics --customer ID}: the file's meetings logged as that customer's activities in one
     * transaction; the whole file is read (and refused, naming the line) before any is logged, and a refused meeting
     * leaves none logged.
     */
    private static int importMeetings(Arguments args, CommandContext context) throws CommandException {
        List<String> files = args.expect("file");
        Path file = Path.of(files.get(0));
        String customerId = args.option("customer");
        if (customerId == null) {
            throw CommandException.usage(Messages.Command_customerRequired);
        }
        Customer customer = customer(context, customerId);
        int logged;
        try {
            logged = context.service(TaskCalendar.class).importMeetings(file, customer.getId());
        } catch (IOException e) {
            throw CommandException.data(NLS.bind(Messages.Command_readFailed, file, e.getMessage()), e);
        } catch (ValidationException e) {
            throw CommandException.data(e.getErrors().isEmpty() ? e.getMessage() : e.getErrors().get(0).message(), e);
        }
        context.err().println(NLS.bind(Messages.Command_imported, new Object[] { logged, file, customer.getName() }));
        return OK;
    }

    private static Customer customer(CommandContext context, String id) throws CommandException {
        try {
            return context.service(CustomerService.class).find(Long.parseLong(id.strip()))
                    .orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Command_noCustomer, id)));
        } catch (NumberFormatException e) {
            throw CommandException.usage(NLS.bind(Messages.Command_badNumber, "--customer", id));
        }
    }

    private static int limit(Arguments args) throws CommandException {
        String value = args.option("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw CommandException.usage(NLS.bind(Messages.Command_badNumber, "--limit", value));
    }

    private static String due(Instant at) {
        return at == null ? "" : DUE.format(at.atZone(ZoneId.systemDefault()));
    }
}
