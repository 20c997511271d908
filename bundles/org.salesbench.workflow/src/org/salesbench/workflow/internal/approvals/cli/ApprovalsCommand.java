package org.salesbench.workflow.internal.approvals.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.RowPrinter;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApprovalStep;

/**
 * {@code approvals list|approve|reject|delegate|recall|escalate|definitions}: the approval inbox and its decisions from
 * the command line, as the signed-in user; {@code escalate} for cron on a server; {@code definitions
 * [show|create|edit|delete]} for administrators (the engine checks the right and the definition at save). Lists print as a
 * table, CSV or JSON ({@link RowPrinter}).
 */
public class ApprovalsCommand implements CliCommand {

    private static final Set<String> OPTIONS = Set.of("format", "comment", "to", "name", "entity", "condition", "steps", "priority", "active");
    private static final Set<String> DEFINITION_OPTIONS = Set.of("name", "entity", "condition", "steps", "priority", "active");
    private static final Set<String> FLAGS = Set.of("mine", "pending");

    @Override
    public String help() {
        return Messages.Approvals_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, OPTIONS, FLAGS);
        List<String> positional = args.positional();
        if (positional.isEmpty()) {
            throw CommandException.usage(Messages.Approvals_noAction);
        }
        String action = positional.get(0);
        String format = args.choice("format", "table", "table", "csv", "json");
        if (action.equals("definitions")) {
            definitionsCommand(positional, args, format, context);
            return OK;
        }
        if (args.flag("mine") && args.flag("pending")) {
            throw CommandException.usage(Messages.Approvals_mineOrPending);
        }
        // arguments are checked before the database is opened
        boolean allPending = action.equals("approve") && args.flag("pending") && positional.size() == 1;
        Long id = allPending ? null : switch (action) {
            case "approve", "reject", "delegate", "recall" -> requestId(positional, action);
            case "list", "escalate" -> null;
            default -> throw CommandException.usage(NLS.bind(Messages.Approvals_unknownAction, action));
        };
        String comment = args.option("comment");
        if (action.equals("reject") && (comment == null || comment.isBlank())) {
            throw CommandException.usage(Messages.Approvals_rejectNeedsComment);
        }
        if (action.equals("delegate") && (args.option("to") == null || args.option("to").isBlank())) {
            throw CommandException.usage(Messages.Approvals_delegateNeedsTo);
        }
        ApprovalService approvals = context.service(ApprovalService.class);
        try {
            switch (action) {
                case "list" -> list(approvals, args.flag("mine") ? ApprovalService.Filter.MINE
                        : args.flag("pending") ? ApprovalService.Filter.PENDING_FOR_ME : ApprovalService.Filter.ALL, format, context.out());
                case "escalate" -> context.out().println(NLS.bind(Messages.Approvals_escalated, approvals.escalateOverdue(), approvals.syncMyTasks()));
                case "approve" -> {
                    if (allPending) {
                        return approvePending(approvals, comment, context);
                    }
                    done(context, approvals.approve(id, comment));
                }
                case "reject" -> done(context, approvals.reject(id, comment));
                case "delegate" -> done(context, approvals.delegate(id, args.option("to"), comment));
                case "recall" -> done(context, approvals.recall(id, comment));
                default -> throw new IllegalStateException(action);
            }
        } catch (ValidationException e) {
            throw CommandException.usage(e.getErrors().stream().map(fe -> NLS.bind(Messages.Approvals_refused, id, fe.message()))
                    .collect(Collectors.joining(System.lineSeparator())));
        } catch (AccessDeniedException e) {
            throw new CommandException(DATA, NLS.bind(Messages.Approvals_refused, id, e.getMessage()), e);
        }
        return OK;
    }

    /**
     * {@code approve --pending}: approves every request waiting for the signed-in user's decision, one after another, each
     * in a transaction of its own (so a crash leaves every request decided or not, never half), printing each; one
     * refused (decided by someone else meanwhile, say) is printed and the others go on.
     */
    private static int approvePending(ApprovalService approvals, String comment, CommandContext context) {
        int approved = 0;
        int refused = 0;
        for (ApprovalRequest request : approvals.list(ApprovalService.Filter.PENDING_FOR_ME)) {
            try {
                done(context, approvals.approve(request.getId(), comment));
                approved++;
            } catch (ValidationException e) {
                refused++;
                e.getErrors().forEach(fe -> context.err().println(NLS.bind(Messages.Approvals_refused, request.getId(), fe.message())));
            } catch (AccessDeniedException e) {
                refused++;
                context.err().println(NLS.bind(Messages.Approvals_refused, request.getId(), e.getMessage()));
            }
        }
        context.out().println(NLS.bind(Messages.Approvals_approvedPending, approved, refused));
        return refused == 0 ? OK : PARTIAL;
    }

    private static long requestId(List<String> positional, String action) throws CommandException {
        if (positional.size() < 2) {
            throw CommandException.usage(NLS.bind(Messages.Approvals_needsId, action));
        }
        try {
            return Long.parseLong(positional.get(1).strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw CommandException.usage(NLS.bind(Messages.Approvals_badId, positional.get(1)));
        }
    }

    private static void done(CommandContext context, ApprovalRequest request) {
        context.out().println(NLS.bind(Messages.Approvals_done, new Object[] { request.getId(), request.getRecordLabel(),
                org.salesbench.workflow.internal.approvals.Messages.status(request.getStatus()), request.getCurrentStep(), request.getStepCount() }));
    }

    private static void list(ApprovalService approvals, ApprovalService.Filter filter, String format, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        for (ApprovalRequest r : approvals.list(filter)) {
            rows.add(List.of(String.valueOf(r.getId()), r.getEntityType(), String.valueOf(r.getRecordId()), text(r.getRecordLabel()),
                    r.getRequester(), r.getStatus().name(), r.getCurrentStep() + "/" + r.getStepCount(),
                    String.join(" ", approvals.currentApprovers(r.getId())), r.getDefinitionName(), String.valueOf(r.getCreatedAt())));
        }
        RowPrinter.print(format, List.of("id", "entity", "record_id", "record", "requester", "status", "step", "approvers", "definition", "created_at"),
                rows, out);
    }

    // ---- definitions

    private static void definitionsCommand(List<String> positional, Arguments args, String format, CommandContext context) throws CommandException {
        String sub = positional.size() < 2 ? "list" : positional.get(1);
        boolean needsRef = switch (sub) {
            case "list", "create" -> false;
            case "show", "edit", "delete" -> true;
            default -> throw CommandException.usage(NLS.bind(Messages.Definitions_unknownAction, sub));
        };
        if (needsRef && positional.size() < 3) {
            throw CommandException.usage(NLS.bind(Messages.Definitions_needsRef, sub));
        }
        boolean changes = DEFINITION_OPTIONS.stream().anyMatch(o -> args.option(o) != null);
        if (changes && !sub.equals("create") && !sub.equals("edit")) {
            throw CommandException.usage(NLS.bind(Messages.Definitions_optionsOnlyToChange, sub));
        }
        if (sub.equals("create")) {
            for (String required : List.of("name", "entity", "condition", "steps")) {
                if (args.option(required) == null || args.option(required).isBlank()) {
                    throw CommandException.usage(NLS.bind(Messages.Definitions_createNeeds, "--" + required));
                }
            }
        }
        if (sub.equals("edit") && !changes) {
            throw CommandException.usage(Messages.Definitions_nothingToChange);
        }
        // the syntax of what is given is checked before the database is opened
        ApprovalDefinition given = new ApprovalDefinition();
        apply(args, given);
        ApprovalService approvals = context.service(ApprovalService.class);
        String name = null;
        try {
            switch (sub) {
                case "list" -> definitions(approvals.definitions(), format, context.out());
                case "show" -> show(find(approvals, positional.get(2)), format, context.out());
                case "create" -> {
                    name = given.getName();
                    ApprovalDefinition saved = approvals.saveDefinition(given);
                    context.out().println(NLS.bind(Messages.Definitions_saved, saved.getId(), saved.getName()));
                }
                case "edit" -> {
                    ApprovalDefinition stored = find(approvals, positional.get(2));
                    name = stored.getName();
                    apply(args, stored);
                    ApprovalDefinition saved = approvals.saveDefinition(stored);
                    context.out().println(NLS.bind(Messages.Definitions_saved, saved.getId(), saved.getName()));
                }
                case "delete" -> {
                    ApprovalDefinition stored = find(approvals, positional.get(2));
                    name = stored.getName();
                    approvals.deleteDefinition(stored.getId());
                    context.out().println(NLS.bind(Messages.Definitions_deleted, stored.getId(), stored.getName()));
                }
                default -> throw new IllegalStateException(sub);
            }
        } catch (ValidationException e) {
            String what = name;
            throw CommandException.usage(e.getErrors().stream().map(fe -> NLS.bind(Messages.Definitions_refused, new Object[] { what, fe.field(), fe.message() }))
                    .collect(Collectors.joining(System.lineSeparator())));
        } catch (AccessDeniedException e) {
            throw new CommandException(DATA, NLS.bind(Messages.Definitions_refused, new Object[] { name, sub, e.getMessage() }), e);
        }
    }

    /** Copies the options given onto the definition; the steps replace all of its steps. */
    private static void apply(Arguments args, ApprovalDefinition definition) throws CommandException {
        if (args.option("name") != null) {
            definition.setName(args.option("name").strip());
        }
        if (args.option("entity") != null) {
            definition.setEntityType(args.option("entity").strip());
        }
        if (args.option("condition") != null) {
            DefinitionText.condition(args.option("condition"), definition);
        }
        if (args.option("steps") != null) {
            definition.replaceSteps(DefinitionText.steps(args.option("steps")));
        }
        if (args.option("priority") != null) {
            try {
                definition.setPriority(Integer.parseInt(args.option("priority").strip()));
            } catch (NumberFormatException e) {
                throw CommandException.usage(NLS.bind(Messages.Definitions_badPriority, args.option("priority")));
            }
        }
        if (args.option("active") != null) {
            definition.setActive(args.choice("active", "true", "true", "false").equals("true"));
        }
    }

    /** The definition named by its id or its exact name. */
    private static ApprovalDefinition find(ApprovalService approvals, String ref) throws CommandException {
        String key = ref.strip().replaceFirst("^#", "");
        List<ApprovalDefinition> all = approvals.definitions();
        return all.stream().filter(d -> String.valueOf(d.getId()).equals(key)).findFirst()
                .or(() -> all.stream().filter(d -> d.getName().equals(ref.strip())).findFirst())
                .orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Definitions_notFound, ref)));
    }

    private static void definitions(List<ApprovalDefinition> definitions, String format, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        for (ApprovalDefinition d : definitions) {
            rows.add(List.of(String.valueOf(d.getId()), d.getName(), d.getEntityType(), d.conditionText(), String.valueOf(d.getPriority()),
                    String.valueOf(d.isActive()), DefinitionText.steps(d)));
        }
        RowPrinter.print(format, List.of("id", "name", "entity", "condition", "priority", "active", "steps"), rows, out);
    }

    /** One definition, a row per step. */
    private static void show(ApprovalDefinition d, String format, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < d.getSteps().size(); i++) {
            ApprovalStep s = d.getSteps().get(i);
            rows.add(List.of(String.valueOf(d.getId()), d.getName(), d.getEntityType(), d.conditionText(), String.valueOf(d.getPriority()),
                    String.valueOf(d.isActive()), String.valueOf(i + 1), s.getName(), s.getApproverKind().name(), text(s.getApprovers()),
                    s.isAllRequired() ? "all" : "one", String.valueOf(s.getSlaHours()), s.getEscalateToStep() == null ? "" : String.valueOf(s.getEscalateToStep())));
        }
        RowPrinter.print(format, List.of("id", "name", "entity", "condition", "priority", "active", "step", "step_name", "approver_kind", "approvers",
                "decided_by", "sla_hours", "escalate_to"), rows, out);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
