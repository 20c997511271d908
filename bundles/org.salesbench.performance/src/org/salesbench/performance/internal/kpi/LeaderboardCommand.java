package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.RowPrinter;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.kpi.KpiDefinition;
import org.salesbench.performance.kpi.KpiService;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.scorecards.Award;
import org.salesbench.performance.scorecards.ScorecardService;

/** {@code leaderboard --kpi ID --period P}: people ranked by a KPI; {@code leaderboard --awards --period P}: the awards given. */
public class LeaderboardCommand implements CliCommand {

    @Override
    public String help() {
        return Messages.Leaderboard_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of("period", "kpi", "users", "parameter", "format"), Set.of("awards"));
        String format = args.choice("format", "table", "table", "csv", "json");
        String text = args.option("period");
        Period period = Period.parse(text).orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Command_badPeriod, text)));
        List<List<String>> rows = new ArrayList<>();
        try {
            if (args.flag("awards")) {
                for (Award a : context.service(ScorecardService.class).awards(period)) {
                    rows.add(List.of(a.getAward(), a.getLogin(), a.getSource().name(), a.getKpiId() == null ? "" : a.getKpiId(), plain(a.getScore()),
                            a.getReason() == null ? "" : a.getReason()));
                }
                RowPrinter.print(format, List.of("award", "user", "source", "kpi", "score", "reason"), rows, context.out());
                return OK;
            }
            KpiService kpis = context.service(KpiService.class);
            String kpi = args.option("kpi");
            if (kpi == null) {
                throw CommandException.usage(Messages.Leaderboard_what);
            }
            if (kpis.kpi(kpi).isEmpty()) {
                throw CommandException.usage(NLS.bind(Messages.Command_unknownKpi, kpi,
                        kpis.kpis().stream().map(KpiDefinition::id).collect(Collectors.joining(", "))));
            }
            List<String> users = args.option("users") == null ? List.of()
                    : Arrays.stream(args.option("users").split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
            for (KpiService.Ranked r : kpis.leaderboard(kpi, users, period, args.option("parameter"))) {
                rows.add(List.of(Integer.toString(r.rank()), r.login(), plain(r.value())));
            }
            RowPrinter.print(format, List.of("rank", "user", kpi), rows, context.out());
            return OK;
        } catch (ValidationException e) {
            throw CommandException.usage(e.getErrors().stream().map(fe -> NLS.bind(Messages.Command_refused, fe.field(), fe.message()))
                    .collect(Collectors.joining(System.lineSeparator())));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
