package org.salesbench.workflow.internal.rules.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleExecution;
import org.salesbench.workflow.rules.RuleService;

/** {@code rules list|run|log}: through the {@link RuleService}, so its permission checks apply. */
public class RulesCommand implements CliCommand {

    private static final int LOG_LIMIT = 100;

    @Override
    public String help() {
        return Messages.Rules_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        if (raw.isEmpty()) {
            throw CommandException.usage(NLS.bind(Messages.Rules_missingAction, "list|run|log"));
        }
        List<String> rest = raw.subList(1, raw.size());
        return switch (raw.get(0)) {
        case "list" -> list(Arguments.parse(rest, Set.of("format"), Set.of()), context);
        case "run" -> run(Arguments.parse(rest, Set.of("record"), Set.of()), context);
        case "log" -> log(Arguments.parse(rest, Set.of("rule", "format", "limit"), Set.of()), context);
        default -> throw CommandException.usage(NLS.bind(Messages.Rules_unknownAction, raw.get(0)));
        };
    }

    private static int list(Arguments args, CommandContext context) throws CommandException {
        args.expect();
        String format = args.choice("format", "table", "table", "csv", "json");
        RuleService rules = context.service(RuleService.class);
        Map<Long, RuleExecution> last = rules.lastExecutions();
        List<List<Object>> rows = new ArrayList<>();
        for (Rule rule : rules.list()) {
            RuleExecution e = last.get(rule.getId());
            rows.add(List.of(rule.getId(), rule.getName(), rule.getEntity(), rule.getTriggerId(), rule.isEnabled(), rule.getOwner(),
                    e == null ? "" : e.getOutcome().name(), e == null ? "" : e.getExecutedAt().toString()));
        }
        Rows.print(format, List.of("id", "name", "entity", "trigger", "enabled", "owner", "lastOutcome", "lastRun"), rows, context.out());
        return OK;
    }

    private static int run(Arguments args, CommandContext context) throws CommandException {
        String id = args.expect(Messages.Arg_ruleId).get(0);
        RecordRef record = args.option("record") == null ? null : record(args.option("record"));
        List<RuleExecution> executions;
        try {
            executions = context.service(RuleService.class).run(number(id, Messages.Arg_ruleId), record);
        } catch (ValidationException e) {
            throw CommandException.data(e.getErrors().get(0).message(), e);
        }
        if (executions.isEmpty()) {
            context.out().println(record == null ? Messages.Rules_noRecordMet : NLS.bind(Messages.Rules_conditionsNotMet, record));
        }
        boolean failed = false;
        for (RuleExecution e : executions) {
            context.out().println(NLS.bind(Messages.Rules_executed, new Object[] { e.getRuleName(), e.getRecordEntity() + "#" + e.getRecordId(),
                    e.getOutcome().name(), e.getError() == null ? "" : " " + e.getError() }));
            failed |= e.getOutcome() != RuleExecution.Outcome.SUCCEEDED;
        }
        return failed ? PARTIAL : OK;
    }

    private static int log(Arguments args, CommandContext context) throws CommandException {
        args.expect();
        String format = args.choice("format", "table", "table", "csv", "json");
        Long rule = args.option("rule") == null ? null : number(args.option("rule"), "--rule");
        int limit = args.option("limit") == null ? LOG_LIMIT : (int) number(args.option("limit"), "--limit");
        List<List<Object>> rows = new ArrayList<>();
        for (RuleExecution e : context.service(RuleService.class).log(rule, limit)) {
            rows.add(java.util.Arrays.asList(e.getExecutedAt().toString(), e.getRuleId(), e.getRuleName(), e.getRecordEntity(), e.getRecordId(),
                    e.getTriggeredBy(), e.getOutcome().name(), e.getError() == null ? "" : e.getError()));
        }
        Rows.print(format, List.of("executedAt", "ruleId", "rule", "entity", "recordId", "triggeredBy", "outcome", "error"), rows, context.out());
        return OK;
    }

    /** {@code ENTITY:ID}, e.g. {@code opportunity:42}. */
    static RecordRef record(String text) throws CommandException {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw CommandException.usage(NLS.bind(Messages.Rules_badRecord, text));
        }
        return new RecordRef(text.substring(0, colon).trim(), number(text.substring(colon + 1).trim(), "--record"));
    }

    private static long number(String text, String what) throws CommandException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw CommandException.usage(NLS.bind(Messages.Rules_notANumber, what, text));
        }
    }

    /** Prints rows as an aligned table, CSV or a JSON array of objects. */
    static final class Rows {

        private Rows() {
        }

        static void print(String format, List<String> columns, List<List<Object>> rows, PrintStream out) {
            switch (format) {
            case "csv" -> {
                out.println(String.join(",", columns));
                rows.forEach(r -> out.println(String.join(",", r.stream().map(Rows::csvCell).toList())));
            }
            case "json" -> {
                StringBuilder json = new StringBuilder("[");
                for (int i = 0; i < rows.size(); i++) {
                    json.append(i == 0 ? "\n  {" : ",\n  {");
                    for (int c = 0; c < columns.size(); c++) {
                        Object v = rows.get(i).get(c);
                        json.append(c == 0 ? "" : ", ").append(quoted(columns.get(c))).append(": ")
                                .append(v == null ? "null" : v instanceof Number || v instanceof Boolean ? v.toString() : quoted(v.toString()));
                    }
                    json.append('}');
                }
                out.println(json.append(rows.isEmpty() ? "]" : "\n]"));
            }
            default -> {
                int[] widths = columns.stream().mapToInt(String::length).toArray();
                for (List<Object> r : rows) {
                    for (int c = 0; c < columns.size(); c++) {
                        widths[c] = Math.max(widths[c], width(text(r.get(c))));
                    }
                }
                out.println(line(new ArrayList<>(columns), widths));
                out.println(line(java.util.Arrays.stream(widths).mapToObj(w -> (Object) "-".repeat(w)).toList(), widths));
                rows.forEach(r -> out.println(line(r, widths)));
            }
            }
        }

        private static String line(List<?> cells, int[] widths) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                String t = text(cells.get(c));
                sb.append(c == 0 ? "" : "  ").append(t).append(c == cells.size() - 1 ? "" : " ".repeat(widths[c] - width(t)));
            }
            return sb.toString();
        }

        private static String text(Object v) {
            return v == null ? "" : v.toString();
        }

        /** Terminal cells: a CJK character takes two. */
        private static int width(String s) {
            return s.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp >= 0xFF00 && cp <= 0xFFEF ? 2 : 1).sum();
        }

        private static String csvCell(Object v) {
            String t = text(v);
            return t.contains(",") || t.contains("\"") || t.contains("\n") ? '"' + t.replace("\"", "\"\"") + '"' : t;
        }

        private static String quoted(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char ch : s.toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    sb.append('\\').append(ch);
                } else if (ch < 0x20) {
                    sb.append(String.format("\\u%04x", (int) ch));
                } else {
                    sb.append(ch);
                }
            }
            return sb.append('"').toString();
        }
    }
}
