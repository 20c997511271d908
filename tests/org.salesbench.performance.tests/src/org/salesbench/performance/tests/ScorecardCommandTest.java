package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.performance.tests.PerfFixture.ADMIN;
import static org.salesbench.performance.tests.PerfFixture.MANAGER;
import static org.salesbench.performance.tests.PerfFixture.REP;
import static org.salesbench.performance.tests.PerfFixture.REP2;
import static org.salesbench.performance.tests.PerfFixture.dec;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.cli.CommandException;
import org.salesbench.core.security.SecurityService;
import org.salesbench.performance.internal.kpi.ScorecardCommand;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.scorecards.Curve;
import org.salesbench.performance.scorecards.ScorecardService;
import org.salesbench.performance.scorecards.ScorecardTemplate;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.testing.CommandRunner;
import org.salesbench.users.UserService;

/**
 * {@code scorecard}: a team's score (its members together, against the team's target) and a person's, line by line
 * with the total last, as a manager asks for them; and the refusals, each naming what is wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardCommandTest {

    private static final Period Q1 = Period.parse("2022-Q1").orElseThrow();
    private PerfFixture f;
    private CommandRunner cli;
    private long template;

    @BeforeAll
    void open() {
        f = new PerfFixture();
        f.deal(REP, "30000", LocalDate.of(2022, 2, 1), null, null, null);
        f.deal(REP2, "10000", LocalDate.of(2022, 3, 31), null, null, null);
        f.deal(ADMIN, "99999", LocalDate.of(2022, 2, 2), null, null, null); // not in the team
        long east = f.users.teams().stream().filter(t -> t.getName().equals("华东")).findFirst().orElseThrow().getId();
        f.targets.create("won_revenue", Subject.team(east), TargetPeriod.quarter(2022, 1), dec("80000"), "一季度团队目标");
        f.as(MANAGER);
        ScorecardTemplate t = new ScorecardTemplate("团队考核", Q1.from(), Q1.to());
        t.addLine("revenue_attainment", dec("70"), Curve.LINEAR, null, dec("100"));
        t.addLine("won_revenue", dec("30"), Curve.CAPPED, null, dec("50000")).setCapAndSteps(dec("100"), null);
        template = f.scorecards.save(t).getId();
        cli = new CommandRunner(new ScorecardCommand(), f.db).with(ScorecardService.class, f.scorecards).with(UserService.class, f.users)
                .with(SecurityService.class, f.security);
    }

    @AfterAll
    void close() {
        f.close();
    }

    /** The CSV's rows after the header, each split into its last three cells (value, score, weighted) after the kpi id. */
    private List<String[]> rows(String csv) {
        List<String> lines = csv.lines().toList();
        assertEquals("position,kpi,label,parameter,weight,curve,target,kpi_target,value,score,weighted", lines.get(0));
        return lines.subList(1, lines.size()).stream().map(l -> {
            String[] cells = l.split(",", -1);
            String[] tail = Arrays.copyOfRange(cells, cells.length - 3, cells.length);
            return new String[] {cells[1], tail[0], tail[1], tail[2], cells[cells.length - 4]};
        }).toList();
    }

    @Test
    void aTeamIsScoredLineByLineAsItsMembersTogether() throws CommandException {
        assertEquals(0, cli.run("--period", "2022-Q1", "--team", "华东", "--template", Long.toString(template), "--format", "csv"));
        List<String[]> rows = rows(cli.out());
        assertEquals(3, rows.size(), cli.out());
        // (30000 + 10000) × 100 / 80000 = 50 % → 50 points × 70 % = 35, against the team's target of 80000
        assertEquals("revenue_attainment", rows.get(0)[0]);
        assertEquals("50", rows.get(0)[1]);
        assertEquals("35", rows.get(0)[3]);
        assertEquals("80000", rows.get(0)[4]);
        // 40000 of 50000 → 80 points × 30 % = 24
        assertEquals("40000", rows.get(1)[1]);
        assertEquals("24", rows.get(1)[3]);
        assertEquals("TOTAL", rows.get(2)[0]);
        assertEquals("59", rows.get(2)[3]);
    }

    @Test
    void aPersonIsScoredAloneAndTheTableShowsTheTotal() throws CommandException {
        assertEquals(0, cli.run("--period", "2022-Q1", "--user", REP, "--template", Long.toString(template), "--format", "csv"));
        List<String[]> rows = rows(cli.out());
        // no target of li.na's own: attainment measures nothing; 30000 of 50000 → 60 points × 30 % = 18
        assertEquals("", rows.get(0)[1]);
        assertEquals("30000", rows.get(1)[1]);
        assertEquals("18", rows.get(2)[3]);
        assertEquals(0, cli.run("--period", "2022-Q1", "--team", "华东", "--template", Long.toString(template)));
        String table = cli.out();
        assertTrue(table.lines().reduce((a, b) -> b).orElseThrow().matches("\\s*TOTAL\\s+\\S+\\s+59"), table);
        assertEquals(0, cli.run("--period", "2022-Q1", "--team", "华东", "--template", Long.toString(template), "--format", "json"));
        assertTrue(cli.out().contains("\"weighted\": \"59\""), cli.out());
    }

    @Test
    void badRequestsAreRefusedNamingWhatIsWrong() {
        CommandException unknownTeam = assertThrows(CommandException.class,
                () -> cli.run("--period", "2022-Q1", "--team", "华南", "--template", Long.toString(template)));
        assertTrue(unknownTeam.isUsage());
        assertTrue(unknownTeam.getMessage().contains("华南") && unknownTeam.getMessage().contains("华东"), unknownTeam.getMessage());
        CommandException both = assertThrows(CommandException.class,
                () -> cli.run("--period", "2022-Q1", "--team", "华东", "--user", REP, "--template", Long.toString(template)));
        assertTrue(both.getMessage().contains("--team") && both.getMessage().contains("--user"), both.getMessage());
        CommandException unpublished = assertThrows(CommandException.class, () -> cli.run("--period", "2022-Q1", "--team", "华东"));
        assertTrue(unpublished.getMessage().contains("--template"), unpublished.getMessage());
        CommandException badPeriod = assertThrows(CommandException.class, () -> cli.run("--period", "2022-Q5", "--team", "华东"));
        assertTrue(badPeriod.getMessage().contains("2022-Q5"), badPeriod.getMessage());
        CommandException noTemplate = assertThrows(CommandException.class,
                () -> cli.run("--period", "2022-Q1", "--team", "华东", "--template", "987654"));
        assertTrue(noTemplate.getMessage().contains("987654"), noTemplate.getMessage());
    }
}
