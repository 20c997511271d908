package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.analytics.ReportService;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.analytics.internal.cli.ReportCommand;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandException;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.performance.internal.targets.AttainmentServiceImpl;
import org.salesbench.performance.internal.targets.TargetServiceImpl;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.User;
import org.salesbench.users.internal.UserServiceImpl;
import org.salesbench.testing.CommandRunner;

/**
 * {@code report bulletin --period} (战报) through the report command: last quarter's wins ranked by amount, each with
 * its owner, customer, deal and the owner's standing against their quarter target; a deal lost, open or won outside
 * the quarter is not on it; CSV for files; a bad period refused before anything is read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulletinReportTest {

    private Database db;
    private CommandRunner cli;
    /** Last quarter, over whatever the date: every win in it is in the past. */
    private TargetPeriod quarter;

    @BeforeAll
    void wins() {
        LocalSecurityService owner = new LocalSecurityService();
        db = Database.open(DatabaseSettings.inMemory("bulletin-" + UUID.randomUUID()), owner);
        LocalDate lastQuarterDay = LocalDate.now(Clocks.system()).withDayOfMonth(1).minusMonths(3);
        quarter = TargetPeriod.quarter(lastQuarterDay.getYear(), (lastQuarterDay.getMonthValue() - 1) / 3 + 1);
        UserServiceImpl users = new UserServiceImpl(db, owner);
        users.createUser(new User("li.na", "李娜"));
        users.createUser(new User("zhou.jie", "周杰"));
        MetricCatalogueImpl catalogue = new MetricCatalogueImpl(Locale.ENGLISH);
        ReportServiceImpl reports = new ReportServiceImpl(db, owner, catalogue, new ForecastServiceImpl(db, owner));
        TargetServiceImpl targets = new TargetServiceImpl(db, owner, users, catalogue,
                new AttainmentServiceImpl(db, reports, catalogue, Clocks.system()), (entity, change, id) -> {
                });
        targets.set("won_revenue", Subject.person("li.na"), quarter, new BigDecimal("400000"), "quarter plan");
        LocalDate day = quarter.from();
        win("li.na", "宁波港务集团", "港口调度系统", "150000", day.plusDays(3), StageKind.WON);
        win("zhou.jie", "苏州工业园区管委会", "园区门户", "200000.50", day.plusDays(20), StageKind.WON);
        win("li.na", "杭州云栖智能制造", "MES 二期", "50000", day.plusDays(40), StageKind.WON);
        win("li.na", "温州瓯海电器", "丢单", "900000", day.plusDays(41), StageKind.LOST);
        win("zhou.jie", "上海浦东软件园", "上季度之前", "800000", day.minusDays(1), StageKind.WON);
        cli = new CommandRunner(new ReportCommand(), db).with(ReportService.class, reports);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void theQuartersWinsAreRankedByAmountAgainstTheirOwnersTarget() throws CommandException {
        assertEquals(CliCommand.OK, cli.run("bulletin", "--period", quarter.toString(), "--format", "csv"), cli.err());
        List<String> lines = cli.out().lines().toList();
        assertEquals("rank,owner,customer,opportunity,won_on,amount,target,attainment", lines.get(0));
        assertEquals(4, lines.size(), cli.out());
        assertEquals("1,周杰,苏州工业园区管委会,园区门户," + quarter.from().plusDays(20) + ",200000.50,,", lines.get(1));
        // li.na: 200,000 won in the quarter against 400,000 = 50 %
        assertEquals("2,李娜,宁波港务集团,港口调度系统," + quarter.from().plusDays(3) + ",150000.00,400000.00,50.00", lines.get(2));
        assertEquals("3,李娜,杭州云栖智能制造,MES 二期," + quarter.from().plusDays(40) + ",50000.00,400000.00,50.00", lines.get(3));
        // the sentence under it: three wins, 400,000.50 in all, the biggest by 周杰
        assertTrue(cli.err().contains("400000.50") && cli.err().contains("周杰"), cli.err());
    }

    @Test
    void textIsTheTableWithItsHeadersAndOneOwnersWinsCanBeAsked() throws CommandException {
        assertEquals(CliCommand.OK, cli.run("bulletin", "--period", quarter.toString(), "--owner", "li.na", "--format", "text"));
        List<String> lines = cli.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Rank") || lines.get(0).startsWith("排名"), cli.out());
        assertEquals(4, lines.size(), cli.out()); // headers, rule, two wins
        assertTrue(lines.get(2).contains("港口调度系统") && lines.get(3).contains("MES 二期"), cli.out());
    }

    @Test
    void aBadPeriodIsRefusedNamingIt() {
        CommandException e = assertThrows(CommandException.class, () -> cli.run("bulletin", "--period", "2026-Q5"));
        assertTrue(e.getMessage().contains("2026-Q5"), e.getMessage());
        CommandException both = assertThrows(CommandException.class,
                () -> cli.run("bulletin", "--period", "2026-Q4", "--from", "2026-10-01"));
        assertTrue(both.getMessage().contains("--period"), both.getMessage());
    }

    private void win(String owner, String customerName, String name, String amount, LocalDate closedOn, StageKind state) {
        db.write(em -> {
            Customer c = new Customer(customerName);
            c.setStatus(CustomerStatus.ACTIVE);
            c.setNormalizedName(customerName + UUID.randomUUID());
            c.setOwner(owner);
            em.persist(c);
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
            Opportunity o = new Opportunity(c, name, Money.cny(amount));
            o.setPipeline(pipeline);
            o.setStage(pipeline.getStages().stream().filter(s -> s.getKind() == state).findFirst().orElseThrow());
            o.setState(state);
            o.setProbability(state == StageKind.WON ? 100 : 0);
            o.setClosedOn(closedOn);
            o.setOwner(owner);
            em.persist(o);
            return o;
        });
    }
}
