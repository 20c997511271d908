package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.performance.tests.PerfFixture.MANAGER;
import static org.salesbench.performance.tests.PerfFixture.REP;
import static org.salesbench.performance.tests.PerfFixture.REP2;
import static org.salesbench.performance.tests.PerfFixture.dec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.salesbench.cli.CommandException;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.performance.commissions.CommissionBasis;
import org.salesbench.performance.commissions.CommissionPlan;
import org.salesbench.performance.commissions.CommissionService;
import org.salesbench.performance.commissions.LineKind;
import org.salesbench.performance.commissions.Statement;
import org.salesbench.performance.internal.commissions.CommissionsCommand;
import org.salesbench.performance.internal.kpi.LeaderboardCommand;
import org.salesbench.performance.kpi.KpiService;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.testing.CommandRunner;

/**
 * Rates by product and segment, accelerator tiers above 100 % attainment, clawback of a reopened deal and of a
 * reversed receipt, statements that add up to the cent, and a rep who sees only their own statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommissionTest {

    private static final Period Q4 = Period.parse("2026-Q4").orElseThrow();
    private PerfFixture f;
    private CommissionPlan won;
    private Opportunity d2;

    @BeforeAll
    void open() {
        f = new PerfFixture();
        long erp = f.product("ERP-STD");
        f.as(MANAGER);
        won = f.commissions.savePlan(new CommissionPlan("赢单提成", CommissionBasis.WON, dec("0.05"), Q4.from(), LocalDate.of(2027, 6, 30))
                .rate(erp, null, dec("0.08")).rate(null, "制造", dec("0.06")).tier(dec("100"), dec("1.5")).tier(dec("120"), dec("2")));
        f.commissions.setTarget(won.getId(), REP, dec("100000"));
        f.deal(REP, "60000", LocalDate.of(2026, 10, 5), null, null, null);
        d2 = f.deal(REP, "50000.33", LocalDate.of(2026, 11, 10), null, erp, "零售");
        f.deal(REP, "20000.01", LocalDate.of(2026, 12, 1), null, null, "制造");
        f.deal(REP2, "70000", LocalDate.of(2026, 12, 2), null, null, null);
    }

    @AfterAll
    void close() {
        f.close();
    }

    private static BigDecimal sum(Statement s) {
        return s.lines().stream().map(Statement.Line::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    @Order(1)
    void tiersAccelerateThePartAbove100PercentAndTheLinesAddUpToTheCent() {
        Statement s = f.commissions.statement(won.getId(), REP, Q4);
        assertEquals(3, s.lines().size());
        // 60000 × 5 % = 3000.00
        assertEquals(new BigDecimal("3000.00"), s.lines().get(0).commission());
        // 40000 at × 1 and 10000.33 beyond 100 % at × 1.5 = 55000.495 × 8 % (the product's rate) = 4400.0396
        assertEquals(new BigDecimal("4400.04"), s.lines().get(1).commission());
        assertEquals(0, dec("0.08").compareTo(s.lines().get(1).rate()));
        assertEquals(0, dec("1.1").compareTo(s.lines().get(1).multiplier()));
        // 9999.67 at × 1.5 and 10000.34 beyond 120 % at × 2 = 35000.185 × 6 % (segment 制造) = 2100.0111
        assertEquals(new BigDecimal("2100.01"), s.lines().get(2).commission());
        assertEquals(new BigDecimal("9500.05"), s.total());
        assertEquals(s.total(), sum(s));
        assertEquals(0, dec("130000.34").compareTo(s.credited()));
        assertEquals(0, dec("130.00").compareTo(s.attainment()));
        assertFalse(s.closed());
        // no target: no acceleration
        Statement other = f.commissions.statement(won.getId(), REP2, Q4);
        assertEquals(new BigDecimal("3500.00"), other.total());
    }

    @Test
    void aDealReopenedAfterItWasPaidIsClawedBackOnceAndTheClosedStatementStays() {
        Statement closed = f.commissions.close(won.getId(), REP, Q4);
        assertTrue(closed.closed());
        f.reopen(d2.getId());
        f.deal(REP, "40000", LocalDate.of(2027, 2, 1), null, null, null);
        assertEquals(new BigDecimal("9500.05"), f.commissions.statement(won.getId(), REP, Q4).total(), "a closed statement never changes");

        Period q1 = Period.parse("2027-Q1").orElseThrow();
        Statement next = f.commissions.statement(won.getId(), REP, q1);
        assertEquals(2, next.lines().size());
        Statement.Line clawback = next.lines().stream().filter(l -> l.kind() == LineKind.CLAWBACK).findFirst().orElseThrow();
        assertEquals(new BigDecimal("-4400.04"), clawback.commission());
        assertEquals("opportunity:" + d2.getId(), clawback.sourceKey());
        assertEquals(new BigDecimal("-2400.04"), next.total());
        assertEquals(next.total(), sum(next));
        f.commissions.close(won.getId(), REP, q1);
        Statement q2 = f.commissions.statement(won.getId(), REP, Period.parse("2027-Q2").orElseThrow());
        assertTrue(q2.lines().isEmpty(), "clawed back once: " + q2.lines());
    }

    @Test
    void aReversedReceiptIsClawedBackAtWhatItPaid() {
        CommissionPlan collected = f.commissions.savePlan(new CommissionPlan("回款提成", CommissionBasis.COLLECTED, dec("0.1"),
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)));
        String rep = "coll.rep";
        Opportunity deal = f.deal(rep, "50000", LocalDate.of(2026, 6, 1), null, null, null);
        Contract contract = f.contract(rep, deal);
        f.receipt(contract, "20000", LocalDate.of(2026, 7, 10));
        Receipt second = f.receipt(contract, "15000", LocalDate.of(2026, 8, 10));
        Period q3 = Period.parse("2026-Q3").orElseThrow();
        Statement paid = f.commissions.close(collected.getId(), rep, q3);
        assertEquals(new BigDecimal("3500.00"), paid.total());

        f.reverse(second, LocalDate.of(2026, 10, 2));
        Receipt bounced = f.receipt(contract, "3333.33", LocalDate.of(2026, 10, 5));
        f.reverse(bounced, LocalDate.of(2026, 10, 6));
        Statement q4 = f.commissions.statement(collected.getId(), rep, Q4);
        assertEquals(List.of(LineKind.CREDIT, LineKind.CLAWBACK, LineKind.CLAWBACK), q4.lines().stream().map(Statement.Line::kind).toList());
        assertEquals(new BigDecimal("333.33"), q4.lines().get(0).commission());
        assertEquals(new BigDecimal("-1500.00"), q4.lines().get(1).commission());
        assertEquals(new BigDecimal("-333.33"), q4.lines().get(2).commission());
        assertEquals(new BigDecimal("-1500.00"), q4.total());
        assertEquals(q4.total(), sum(q4));
    }

    @Test
    void withoutAQuotaRowTheTiersMeasureAgainstThePublishedTarget() {
        Period q3 = Period.parse("2027-Q3").orElseThrow();
        CommissionPlan plan = f.commissions.savePlan(new CommissionPlan("2027 三季度提成", CommissionBasis.WON, dec("0.05"), q3.from(), q3.to())
                .tier(dec("100"), dec("1.5")));
        f.commissions.setTarget(plan.getId(), REP, dec("100000"));
        f.targets.create("won_revenue", Subject.person(REP), TargetPeriod.quarter(2027, 3), dec("40000"), "三季度目标");
        f.targets.create("won_revenue", Subject.person(REP2), TargetPeriod.quarter(2027, 3), dec("40000"), "三季度目标");
        f.deal(REP, "50000", LocalDate.of(2027, 8, 2), null, null, null);
        f.deal(REP2, "50000", LocalDate.of(2027, 8, 1), null, null, null);
        // zhou.jie has no quota row: 40000 at × 1 and 10000 beyond 100 % of the published 40000 at × 1.5 = 55000 × 5 % = 2750.00
        Statement published = f.commissions.statement(plan.getId(), REP2, q3);
        assertEquals(0, dec("40000").compareTo(published.target()));
        assertEquals(0, dec("125.00").compareTo(published.attainment()));
        assertEquals(new BigDecimal("2750.00"), published.total());
        // li.na's quota row overrides her published target: 50000 of 100000 earns no accelerator, 50000 × 5 % = 2500.00
        Statement quota = f.commissions.statement(plan.getId(), REP, q3);
        assertEquals(0, dec("100000").compareTo(quota.target()));
        assertEquals(0, dec("50.00").compareTo(quota.attainment()));
        assertEquals(new BigDecimal("2500.00"), quota.total());
        // a closed statement reports the same target
        assertEquals(0, dec("40000").compareTo(f.commissions.close(plan.getId(), REP2, q3).target()));
        assertEquals(0, dec("125.00").compareTo(f.commissions.statement(plan.getId(), REP2, q3).attainment()));
    }

    @Test
    void badPlansAreRefusedWithEveryProblemNamed() {
        CommissionPlan bad = new CommissionPlan(" ", CommissionBasis.WON, dec("1.5"), LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1))
                .rate(1L, null, dec("-0.1")).tier(dec("120"), dec("1.5")).tier(dec("100"), dec("0"));
        ValidationException e = assertThrows(ValidationException.class, () -> f.commissions.savePlan(bad));
        assertNotNull(e.errorOf("name"));
        assertNotNull(e.errorOf("period"));
        assertTrue(e.errorOf("baseRate").message().contains("1.5"), e.getMessage());
        assertNotNull(e.errorOf("rates[1]"));
        assertNotNull(e.errorOf("tiers[2].multiplier"));
        assertNotNull(e.errorOf("tiers[2].from"));
        assertThrows(ValidationException.class, () -> f.commissions.setTarget(won.getId(), REP2, dec("-5")));
    }

    @Test
    void aRepSeesTheirOwnStatementOnTheCommandLineAndNotAColleagues() throws CommandException {
        CommandRunner cli = new CommandRunner(new CommissionsCommand(), f.db).with(CommissionService.class, f.commissions)
                .with(SecurityService.class, f.security).with(KpiService.class, f.kpis);
        f.as(REP2);
        try {
            assertEquals(0, cli.run("statement", "--period", "2026-Q4", "--plan", won.getId().toString(), "--format", "csv"));
            String csv = cli.out();
            assertTrue(csv.startsWith("user,date,kind,source,description,amount,rate,multiplier,commission"), csv);
            assertTrue(csv.contains("zhou.jie,2026-12-02,CREDIT,opportunity:"), csv);
            assertTrue(csv.contains("TOTAL") && csv.contains("3500.00"), csv);
            CommandException refused = assertThrows(CommandException.class,
                    () -> cli.run("statement", "--period", "2026-Q4", "--plan", won.getId().toString(), "--user", REP));
            assertTrue(refused.getMessage().contains(REP), refused.getMessage());
            assertThrows(AccessDeniedException.class, () -> f.commissions.statement(won.getId(), REP, Q4));
            CommandException badPeriod = assertThrows(CommandException.class, () -> cli.run("statement", "--period", "2026-Q5"));
            assertTrue(badPeriod.getMessage().contains("2026-Q5"), badPeriod.getMessage());
            CommandRunner board = new CommandRunner(new LeaderboardCommand(), f.db).with(KpiService.class, f.kpis);
            assertEquals(0, board.run("--kpi", "won_revenue", "--period", "2026-Q4", "--users", REP + "," + REP2, "--format", "csv"));
            assertTrue(board.out().contains("1,li.na,"), board.out());
            assertTrue(board.out().contains("2,zhou.jie,70000"), board.out());
            CommandException unknown = assertThrows(CommandException.class, () -> board.run("--kpi", "nps", "--period", "2026-Q4"));
            assertTrue(unknown.getMessage().contains("won_revenue"), unknown.getMessage());
        } finally {
            f.as(MANAGER);
        }
        assertEquals(0, cli.run("statement", "--period", "2026-Q4", "--user", REP2, "--format", "json"));
        assertTrue(cli.out().contains("\"commission\""), cli.out());
    }
}
