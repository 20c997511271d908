package org.salesbench.performance.internal.commissions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.Unit;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.RowPrinter;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.commissions.CommissionPlan;
import org.salesbench.performance.commissions.CommissionService;
import org.salesbench.performance.commissions.Statement;
import org.salesbench.performance.internal.kpi.FileExport;
import org.salesbench.performance.internal.kpi.Messages;
import org.salesbench.performance.kpi.Period;

/**
 * {@code commissions statement}: a person's commission statement for a period (their own unless a manager names
 * another with {@code --user}), one row a line and a last row with the total.
 */
public class CommissionsCommand implements CliCommand {

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
        try {
            return switch (raw.get(0)) {
            case "statement" -> statement(Arguments.parse(rest, Set.of("period", "plan", "user", "format", "output"), Set.of()), context);
            default -> throw CommandException.usage(NLS.bind(Messages.Command_unknownAction, raw.get(0)));
            };
        } catch (ValidationException e) {
            throw CommandException.usage(e.getErrors().stream().map(fe -> NLS.bind(Messages.Command_refused, fe.field(), fe.message()))
                    .collect(Collectors.joining(System.lineSeparator())));
        } catch (AccessDeniedException e) {
            throw CommandException.usage(e.getMessage());
        }
    }

    static Period period(Arguments args) throws CommandException {
        String text = args.option("period");
        return Period.parse(text).orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Command_badPeriod, text)));
    }

    private static int statement(Arguments args, CommandContext context) throws CommandException {
        String format = args.choice("format", "table", FileExport.FORMATS);
        Period period = period(args);
        CommissionService service = context.service(CommissionService.class);
        String user = args.option("user", context.service(SecurityService.class).currentUser().login());
        long planId;
        if (args.option("plan") != null) {
            try {
                planId = Long.parseLong(args.option("plan"));
            } catch (NumberFormatException e) {
                throw CommandException.usage(NLS.bind(Messages.Commission_notFound, args.option("plan")));
            }
        } else {
            planId = service.planFor(period).map(CommissionPlan::getId)
                    .orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Command_noPlan, period)));
        }
        Statement s = service.statement(planId, user, period);
        List<List<String>> rows = new ArrayList<>();
        for (Statement.Line l : s.lines()) {
            rows.add(List.of(s.login(), l.onDate().toString(), l.kind().name(), l.sourceKey(), l.description() == null ? "" : l.description(),
                    plain(l.base()), plain(l.rate()), plain(l.multiplier()), l.commission().toPlainString()));
        }
        rows.add(List.of(s.login(), s.period().to().toString(), "TOTAL", "", s.attainment() == null ? "" : s.attainment().toPlainString() + "%",
                plain(s.credited()), "", "", s.total().toPlainString()));
        if (FileExport.isFile(format)) {
            List<List<Object>> typed = new ArrayList<>();
            for (Statement.Line l : s.lines()) {
                typed.add(Arrays.asList(s.login(), l.onDate().toString(), l.kind().name(), l.sourceKey(), l.description() == null ? "" : l.description(),
                        l.base(), plain(l.rate()), plain(l.multiplier()), l.commission()));
            }
            typed.add(Arrays.asList(s.login(), s.period().to().toString(), "TOTAL", "", s.attainment() == null ? "" : s.attainment().toPlainString() + "%",
                    s.credited(), "", "", s.total()));
            FileExport.write(FileExport.result("commission-statement", NLS.bind(Messages.Statement_title, new Object[] {s.plan(), s.login(), period}), period,
                    List.of(new ReportColumn("user", Messages.Export_user, Unit.TEXT, null), new ReportColumn("date", Messages.Export_date, Unit.TEXT, null),
                            new ReportColumn("kind", Messages.Export_kind, Unit.TEXT, null),
                            new ReportColumn("source", Messages.Export_source, Unit.TEXT, null),
                            new ReportColumn("description", Messages.Export_description, Unit.TEXT, null),
                            new ReportColumn("amount", Messages.Export_amount, Unit.MONEY, null), new ReportColumn("rate", Messages.Export_rate, Unit.TEXT, null),
                            new ReportColumn("multiplier", Messages.Export_multiplier, Unit.TEXT, null),
                            new ReportColumn("commission", Messages.Export_commission, Unit.MONEY, null)), typed), format, args.option("output"), context);
            return OK;
        }
        RowPrinter.print(format, List.of("user", "date", "kind", "source", "description", "amount", "rate", "multiplier", "commission"), rows,
                context.out());
        return OK;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
