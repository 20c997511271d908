package org.salesbench.performance.internal.kpi;

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
        Arguments args = Arguments.parse(raw, Set.of("period", "kpi", "users", "parameter", "format", "output"), Set.of("awards"));
        String format = args.choice("format", "table", FileExport.FORMATS);
        String text = args.option("period");
        Period period = Period.parse(text).orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Command_badPeriod, text)));
        List<List<String>> rows = new ArrayList<>();
        try {
            if (args.flag("awards")) {
                for (Award a : context.service(ScorecardService.class).awards(period)) {
                    rows.add(List.of(a.getAward(), a.getLogin(), a.getSource().name(), a.getKpiId() == null ? "" : a.getKpiId(), plain(a.getScore()),
                            a.getReason() == null ? "" : a.getReason()));
                }
                if (FileExport.isFile(format)) {
                    List<List<Object>> typed = new ArrayList<>();
                    rows.forEach(r -> typed.add(List.of(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5))));
                    FileExport.write(FileExport.result("awards", NLS.bind(Messages.Awards_title, period), period, List.of(
                            new ReportColumn("award", Messages.Export_award, Unit.TEXT, null), new ReportColumn("user", Messages.Export_user, Unit.TEXT, null),
                            new ReportColumn("source", Messages.Export_source, Unit.TEXT, null), new ReportColumn("kpi", Messages.Export_kpi, Unit.TEXT, null),
                            new ReportColumn("score", Messages.Export_score, Unit.TEXT, null),
                            new ReportColumn("reason", Messages.Export_reason, Unit.TEXT, null)), typed), format, args.option("output"), context);
                    return OK;
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
            List<KpiService.Ranked> board = kpis.leaderboard(kpi, users, period, args.option("parameter"));
            for (KpiService.Ranked r : board) {
                rows.add(List.of(Integer.toString(r.rank()), r.login(), plain(r.value())));
            }
            if (FileExport.isFile(format)) {
                KpiDefinition definition = kpis.kpi(kpi).orElseThrow();
                List<List<Object>> typed = new ArrayList<>();
                board.forEach(r -> typed.add(Arrays.asList((long) r.rank(), r.login(), r.value())));
                Unit unit = switch (definition.unit()) {
                    case MONEY -> Unit.MONEY;
                    case COUNT -> Unit.COUNT;
                    default -> Unit.PERCENT;
                };
                FileExport.write(FileExport.result("leaderboard", NLS.bind(Messages.Leaderboard_title, definition.label(), period), period,
                        List.of(new ReportColumn("rank", Messages.Export_rank, Unit.COUNT, null), new ReportColumn("user", Messages.Export_user, Unit.TEXT, null),
                                new ReportColumn(kpi, definition.label(), unit, null)), typed), format, args.option("output"), context);
                return OK;
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
