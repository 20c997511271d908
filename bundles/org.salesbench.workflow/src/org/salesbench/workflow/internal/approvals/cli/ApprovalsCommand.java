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
 * {@code approvals list|approve|reject|delegate|recall|definitions}: the approval inbox and its decisions from the
 * command line, as the signed-in user. Lists print as a table, CSV or JSON ({@link RowPrinter}).
 */
public class ApprovalsCommand implements CliCommand {

    private static final Set<String> OPTIONS = Set.of("format", "comment", "to");
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
        if (args.flag("mine") && args.flag("pending")) {
            throw CommandException.usage(Messages.Approvals_mineOrPending);
        }
        // arguments are checked before the database is opened
        Long id = switch (action) {
            case "approve", "reject", "delegate", "recall" -> requestId(positional, action);
            case "list", "definitions" -> null;
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
                case "definitions" -> definitions(approvals, format, context.out());
                case "approve" -> done(context, approvals.approve(id, comment));
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

    private static void definitions(ApprovalService approvals, String format, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        for (ApprovalDefinition d : approvals.definitions()) {
            rows.add(List.of(String.valueOf(d.getId()), d.getName(), d.getEntityType(), d.conditionText(), String.valueOf(d.getPriority()),
                    String.valueOf(d.isActive()), d.getSteps().stream().map(ApprovalsCommand::step).collect(Collectors.joining(" | "))));
        }
        RowPrinter.print(format, List.of("id", "name", "entity", "condition", "priority", "active", "steps"), rows, out);
    }

    private static String step(ApprovalStep s) {
        return s.getName() + ": " + s.getApproverKind() + (s.getApprovers() == null ? "" : "(" + s.getApprovers() + ")")
                + (s.isAllRequired() ? " all" : " one") + (s.getSlaHours() > 0 ? " sla=" + s.getSlaHours() + "h" : "")
                + (s.getEscalateToStep() == null ? "" : " escalate→" + s.getEscalateToStep());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
