package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.performance.tests.PerfFixture.MANAGER;
import static org.salesbench.performance.tests.PerfFixture.REP;
import static org.salesbench.performance.tests.PerfFixture.REP2;
import static org.salesbench.performance.tests.PerfFixture.dec;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.cli.CommandException;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.ActivityType;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.performance.internal.kpi.Messages;
import org.salesbench.performance.internal.kpi.ScorecardCommand;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.scorecards.Assessment;
import org.salesbench.performance.scorecards.Curve;
import org.salesbench.performance.scorecards.ScorecardService;
import org.salesbench.performance.scorecards.ScorecardTemplate;
import org.salesbench.testing.CommandRunner;
import org.salesbench.users.UserService;

/**
 * {@code scorecard --user X --period P} after P's assessment was run shows the assessment's frozen figures and says it
 * is closed, when and by whom, however the data changes afterwards; a person not assessed is shown live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedScorecardCommandTest {

    private static final Period H2 = Period.parse("2026-H2").orElseThrow();
    private PerfFixture f;
    private CommandRunner cli;
    private long template;

    @BeforeAll
    void open() {
        f = new PerfFixture();
        f.as(MANAGER);
        ScorecardTemplate t = new ScorecardTemplate("下半年考核", H2.from(), H2.to());
        t.addLine("revenue_attainment", dec("70"), Curve.LINEAR, null, dec("100")).setKpiTarget(dec("200000"));
        t.addLine("activities", dec("30"), Curve.STEPPED, null, null).setCapAndSteps(null, "2=50;4=100").setParameter("VISIT");
        template = f.scorecards.publish(f.scorecards.save(t).getId()).getId();
        cli = new CommandRunner(new ScorecardCommand(), f.db).with(ScorecardService.class, f.scorecards).with(UserService.class, f.users)
                .with(SecurityService.class, f.security);
    }

    @AfterAll
    void close() {
        f.close();
    }

    /** A message's text before its first argument. */
    private static String lead(String message) {
        return message.substring(0, message.indexOf('{'));
    }

    /** The CSV's weighted cell of the row whose kpi cell is {@code kpi}. */
    private static String weighted(String csv, String kpi) {
        return csv.lines().map(l -> l.split(",", -1)).filter(c -> c.length > 1 && c[1].equals(kpi)).map(c -> c[c.length - 1]).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kpi + " row in " + csv));
    }

    @Test
    void aClosedAssessmentIsShownFrozenAndSaysSoWhateverChangesLater() throws CommandException {
        Opportunity deal = f.deal(REP, "150000", LocalDate.of(2026, 9, 1), null, null, null);
        f.activity(REP, ActivityType.VISIT, LocalDate.of(2026, 8, 1).atTime(9, 0));
        f.activity(REP, ActivityType.VISIT, LocalDate.of(2026, 8, 2).atTime(9, 0));
        Assessment a = f.scorecards.runAssessments(template, H2, List.of(REP)).get(0);

        // 150000 / 200000 = 75 % → 75 × 70 % = 52.5; 2 visits → 50 × 30 % = 15
        assertEquals(0, cli.run("--user", REP, "--period", "2026-H2", "--format", "csv"));
        String before = cli.out();
        assertEquals("67.5", weighted(before, "TOTAL"));
        assertEquals("52.5", weighted(before, "revenue_attainment"));
        String said = cli.err();
        assertTrue(said.startsWith(lead(Messages.ScorecardCommand_closed)) && said.contains(REP) && said.contains(MANAGER) && said.contains(Long.toString(a.getId())), said);

        // later: a bigger deal won in the period, two more visits, the first deal reopened; the live sheet moves
        f.deal(REP, "100000", LocalDate.of(2026, 10, 1), null, null, null);
        f.activity(REP, ActivityType.VISIT, LocalDate.of(2026, 8, 3).atTime(9, 0));
        f.activity(REP, ActivityType.VISIT, LocalDate.of(2026, 8, 4).atTime(9, 0));
        f.reopen(deal.getId());
        assertEquals(0, dec("65").compareTo(f.scorecards.explain(template, REP, H2).total()), "the live figures have moved");

        assertEquals(0, cli.run("--user", REP, "--period", "2026-H2", "--format", "csv"));
        assertEquals(before, cli.out(), "the closed assessment's figures stay as they were frozen");
        assertEquals(0, cli.run("--user", REP, "--period", "2026-H2"));
        String table = cli.out();
        assertTrue(table.lines().findFirst().orElseThrow().startsWith(lead(Messages.ScorecardCommand_closed)), table);
        assertTrue(table.lines().reduce((x, y) -> y).orElseThrow().matches("\\s*TOTAL\\s+\\S+\\s+67\\.5"), table);

        // a manager's adjustment shows with its reason, then the final score
        f.scorecards.adjust(a.getId(), dec("5"), "客户来信表扬");
        assertEquals(0, cli.run("--user", REP, "--period", "2026-H2", "--format", "csv"));
        assertEquals("67.5", weighted(cli.out(), "TOTAL"));
        assertEquals("5", weighted(cli.out(), "ADJUSTMENT"));
        assertEquals("72.5", weighted(cli.out(), "FINAL"));
        assertTrue(cli.out().contains("客户来信表扬"), cli.out());
    }

    @Test
    void someoneNotAssessedIsShownLiveAndSaysSo() throws CommandException {
        f.activity(REP2, ActivityType.VISIT, LocalDate.of(2026, 7, 1).atTime(9, 0));
        f.activity(REP2, ActivityType.VISIT, LocalDate.of(2026, 7, 2).atTime(9, 0));
        assertEquals(0, cli.run("--user", REP2, "--period", "2026-H2", "--format", "csv"));
        assertEquals("15", weighted(cli.out(), "TOTAL"));
        assertTrue(cli.err().startsWith(lead(Messages.ScorecardCommand_live)) && cli.err().contains(REP2), cli.err());
        f.deal(REP2, "20000", LocalDate.of(2026, 11, 1), null, null, null);
        // 20000 / 200000 = 10 % → 7 more
        assertEquals(0, cli.run("--user", REP2, "--period", "2026-H2", "--format", "csv"));
        assertEquals("22", weighted(cli.out(), "TOTAL"));
    }
}
