package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
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
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.scorecards.Assessment;
import org.salesbench.performance.scorecards.ScoreSheet;
import org.salesbench.performance.scorecards.ScorecardService;
import org.salesbench.performance.scorecards.ScorecardTemplate;
import org.salesbench.users.Team;
import org.salesbench.users.UserService;

/**
 * {@code scorecard --period P [--team TEAM | --user LOGIN] [--template ID]}: a score line by line, a person's (yourself
 * by default) or a team's members together ({@link ScorecardService#explainTeam}), against the template published for
 * the period unless one is named. A person assessed for exactly that period against that template gets the closed
 * assessment's frozen figures ({@link ScorecardService#sheet}), said to be closed, when and by whom; otherwise, and for
 * a team, the figures as they are now ({@link ScorecardService#explain}), said to be live. The last row is the total
 * (then a manager's adjustment and the final score, when there is one).
 */
public class ScorecardCommand implements CliCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    static final List<String> COLUMNS = List.of("position", "kpi", "label", "parameter", "weight", "curve", "target", "kpi_target", "value", "score",
            "weighted");

    @Override
    public String help() {
        return Messages.ScorecardCommand_help + System.lineSeparator();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, Set.of("period", "team", "user", "template", "format", "output"), Set.of());
        String format = args.choice("format", "table", FileExport.FORMATS);
        String text = args.option("period");
        Period period = Period.parse(text).orElseThrow(() -> CommandException.usage(NLS.bind(Messages.Command_badPeriod, text)));
        if (args.option("team") != null && args.option("user") != null) {
            throw CommandException.usage(Messages.ScorecardCommand_teamOrUser);
        }
        ScorecardService scorecards = context.service(ScorecardService.class);
        try {
            long template = template(scorecards, args.option("template"), period);
            ScoreSheet sheet;
            String subject;
            String note = null;
            if (args.option("team") != null) {
                Team team = team(context.service(UserService.class), args.option("team"));
                sheet = scorecards.explainTeam(template, team.getId(), period);
                subject = team.getName();
            } else {
                String login = args.option("user") != null ? args.option("user").strip()
                        : context.service(SecurityService.class).currentUser().login();
                Optional<Assessment> closed = closed(scorecards, template, login, period);
                if (closed.isPresent()) {
                    Assessment a = closed.get();
                    sheet = scorecards.sheet(a.getId());
                    note = NLS.bind(Messages.ScorecardCommand_closed, new Object[] {a.getLogin(), period, a.getId(), WHEN.format(a.getRunAt()),
                            a.getCreatedBy()});
                } else {
                    sheet = scorecards.explain(template, login, period);
                    note = NLS.bind(Messages.ScorecardCommand_live, login, period);
                }
                subject = login;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ScoreSheet.Line l : sheet.lines()) {
                rows.add(List.of(Integer.toString(l.position()), l.kpiId(), l.label(), text(l.parameter()), plain(l.weight()),
                        l.curve() == null ? "" : l.curve().name(), plain(l.target()), plain(l.kpiTarget()), plain(l.rawValue()), plain(l.score()),
                        plain(l.weighted())));
            }
            rows.add(List.of("", "TOTAL", Messages.ScorecardCommand_total, "", "", "", "", "", "", "", plain(sheet.total())));
            if (sheet.frozen() && sheet.adjustment() != null && sheet.adjustment().signum() != 0) {
                rows.add(List.of("", "ADJUSTMENT", text(sheet.adjustmentReason()), "", "", "", "", "", "", "", plain(sheet.adjustment())));
                rows.add(List.of("", "FINAL", Messages.ScorecardCommand_final, "", "", "", "", "", "", "", plain(sheet.finalScore())));
            }
            if (note != null) {
                // above a table; beside CSV, JSON or a file, on standard error, so what is read by a program stays as it was
                (format.equals("table") ? context.out() : context.err()).println(note);
            }
            if (FileExport.isFile(format)) {
                // figures as printed (a weight, a score and a raw value are not of one unit)
                List<ReportColumn> columns = COLUMNS.stream().map(c -> new ReportColumn(c, c, Unit.TEXT, null)).toList();
                List<List<Object>> typed = rows.stream().map(r -> List.<Object>copyOf(r)).toList();
                FileExport.write(FileExport.result("scorecard", NLS.bind(Messages.ScorecardCommand_title,
                        new Object[] {sheet.template() + " v" + sheet.revision(), subject, period}), period, columns, typed), format, args.option("output"),
                        context);
                return OK;
            }
            RowPrinter.print(format, COLUMNS, rows, context.out());
            return OK;
        } catch (ValidationException e) {
            throw CommandException.usage(e.getErrors().stream().map(fe -> NLS.bind(Messages.Command_refused, fe.field(), fe.message()))
                    .collect(Collectors.joining(System.lineSeparator())));
        }
    }

    /** The closed assessment of {@code login} for exactly {@code period} against {@code template}, if the period was assessed. */
    private static Optional<Assessment> closed(ScorecardService scorecards, long template, String login, Period period) {
        return scorecards.assessments(period).stream().filter(a -> a.getTemplateId() == template && a.getLogin().equalsIgnoreCase(login))
                .findFirst();
    }

    /** The named template's id, or that of the template published for the period. */
    private static long template(ScorecardService scorecards, String named, Period period) throws CommandException {
        if (named != null) {
            try {
                return Long.parseLong(named.strip());
            } catch (NumberFormatException e) {
                throw CommandException.usage(NLS.bind(Messages.ScorecardCommand_badTemplate, named));
            }
        }
        return scorecards.publishedFor(period).map(ScorecardTemplate::getId)
                .orElseThrow(() -> CommandException.usage(NLS.bind(Messages.ScorecardCommand_noTemplate, period)));
    }

    /** The team named (case aside) or numbered {@code text}. */
    static Team team(UserService users, String text) throws CommandException {
        String wanted = text.strip();
        List<Team> teams = users.teams();
        for (Team t : teams) {
            if (t.getName().equalsIgnoreCase(wanted) || Long.toString(t.getId()).equals(wanted)) {
                return t;
            }
        }
        throw CommandException.usage(NLS.bind(Messages.ScorecardCommand_unknownTeam, wanted,
                teams.stream().map(Team::getName).sorted().collect(Collectors.joining(", "))));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
