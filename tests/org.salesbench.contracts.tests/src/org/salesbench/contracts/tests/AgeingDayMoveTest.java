package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.cli.internal.CommandRegistry;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.internal.receivables.ContractAgeing;
import org.salesbench.contracts.internal.receivables.NightlyAgeingDay;
import org.salesbench.contracts.receivables.AgeingDayMove;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.model.Money;
import org.salesbench.persistence.DatabaseSettings.Dialect;
import org.salesbench.testing.CommandRunner;

/**
 * Moving the day the ageing by customer is kept as of while instalments are written (Derby): the move waits for the
 * writers that hold instalments and they never wait for it in turn, so no deadlock; a move that cannot get its lock in
 * time is rolled back whole and tried again; after either the kept rows equal the exact query as of the new day. The
 * nightly job and {@code contracts ageing-day} run the same move.
 */
class AgeingDayMoveTest {

    private ContractFixture fx;
    private Contract first;
    private Contract second;

    @BeforeEach
    void open() {
        fx = new ContractFixture();
        fx.as(ContractFixture.ADMIN);
        first = fx.approvedContract("仓储系统", "100000");
        second = fx.approvedContract("门店系统", "8000");
        // instalments due within every window a move of ten days reads, so the move reads the rows the writer holds
        fx.money.setPlan(first.getId(), List.of(PlannedInstalment.percent(fx.today().minusDays(5), "40"),
                PlannedInstalment.percent(fx.today().minusDays(35), "30"), PlannedInstalment.percent(fx.today().minusDays(65), "30")), null);
        fx.money.setPlan(second.getId(), List.of(PlannedInstalment.percent(fx.today().minusDays(95), "50"),
                PlannedInstalment.percent(fx.today(), "50")), null);
        fx.db.write(em -> {
            ContractAgeing.bringTo(em, Dialect.DERBY, fx.today().minusDays(10));
            // a hung test fails in seconds, not minutes; a deadlock is reported after two seconds
            em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '15')").executeUpdate();
            em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '2')").executeUpdate();
            return null;
        });
    }

    /** A thread each for the writer and the move (the common pool may have one thread on two cores: the move would wait behind the writer). */
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);

    @AfterEach
    void close() {
        threads.shutdownNow();
        fx.close();
    }

    @Test
    void aMoveBetweenTwoWritesOfOneTransactionWaitsForItAndNeitherDeadlocks() throws Exception {
        CountDownLatch wrote = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        // a transaction writes the first contract's instalments (a receipt), then, while the move waits, the second's;
        // the second write's triggers read the day's row, which a move holding it while reading the first's rows
        // would keep from them: each waiting for the other
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> fx.db.write(em -> {
            fx.money.recordReceipt(first.getId(), fx.today(), Money.cny("30000.00"), ReceiptMethod.BANK_TRANSFER, "W-1");
            em.flush(); // written, its instalments held, not committed
            wrote.countDown();
            await(goOn);
            fx.money.recordReceipt(second.getId(), fx.today(), Money.cny("5000.00"), ReceiptMethod.BANK_TRANSFER, "W-2");
            return null;
        }), threads);
        assertTrue(wrote.await(30, TimeUnit.SECONDS));
        CompletableFuture<AgeingDayMove> move = CompletableFuture.supplyAsync(fx.money::bringAgeingToToday, threads);
        waitForALockWait();
        goOn.countDown();

        writer.get(60, TimeUnit.SECONDS);
        AgeingDayMove done = move.get(60, TimeUnit.SECONDS);
        assertEquals(new AgeingDayMove(fx.today().minusDays(10), fx.today(), 1), done, "moved at the first attempt, after the writer");
        assertEquals(2L, fx.count("SB_CONTRACT_RECEIPT"), "both receipts written");
        ageingAgrees("a move between two writes");
    }

    @Test
    void aMoveThatCannotGetItsLockInTimeIsRolledBackAndTriedAgain() throws Exception {
        fx.db.write(em -> em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')").executeUpdate());
        CountDownLatch wrote = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> fx.db.write(em -> {
            fx.money.recordReceipt(first.getId(), fx.today(), Money.cny("12000.00"), ReceiptMethod.BANK_TRANSFER, "W-3");
            em.flush();
            wrote.countDown();
            await(goOn);
            return null;
        }), threads);
        assertTrue(wrote.await(30, TimeUnit.SECONDS));
        CompletableFuture<AgeingDayMove> move = CompletableFuture.supplyAsync(fx.money::bringAgeingToToday, threads);
        // held past the move's first wait (one second): Derby gives the move up, the move is rolled back and tried again
        long waited = System.nanoTime();
        while (System.nanoTime() - waited < Duration.ofMillis(2500).toNanos() && !move.isDone()) {
            Thread.sleep(50);
        }
        assertEquals(fx.today().minusDays(10), fx.db.read(ContractAgeing::day), "nothing of a rolled-back attempt stays");
        goOn.countDown();
        writer.get(60, TimeUnit.SECONDS);
        AgeingDayMove done = move.get(60, TimeUnit.SECONDS);
        assertTrue(done.attempts() > 1, "tried again: " + done);
        assertEquals(fx.today(), done.to());
        ageingAgrees("a move tried again");
    }

    @Test
    void theNightlyJobAndTheCommandMoveTheDay() throws Exception {
        System.setProperty(NightlyAgeingDay.DELAY_PROPERTY, "0");
        NightlyAgeingDay nightly;
        try {
            nightly = new NightlyAgeingDay(fx.money, true);
        } finally {
            System.clearProperty(NightlyAgeingDay.DELAY_PROPERTY);
        }
        try {
            long started = System.nanoTime();
            while (nightly.last() == null && System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(20);
            }
            assertEquals(new AgeingDayMove(fx.today().minusDays(10), fx.today(), 1), nightly.last());
            assertEquals(1, Job.getJobManager().find(NightlyAgeingDay.FAMILY).length, "rescheduled for the next night");
        } finally {
            nightly.stop();
        }
        ageingAgrees("the nightly job");
        assertEquals(Duration.ofMinutes(4), NightlyAgeingDay.untilAfterMidnight(LocalDateTime.of(2026, 12, 5, 23, 59)));

        fx.db.write(em -> {
            ContractAgeing.bringTo(em, Dialect.DERBY, fx.today().minusDays(3));
            return null;
        });
        CommandRunner runner = new CommandRunner(CommandRegistry.command("contracts").orElseThrow().create().orElseThrow(), fx.db)
                .with(ReceivablesService.class, fx.money);
        assertEquals(0, runner.run("ageing-day"), runner.err());
        assertTrue(runner.out().contains(fx.today().toString()) && runner.out().contains(fx.today().minusDays(3).toString()), runner.out());
        assertEquals(fx.today(), fx.db.read(ContractAgeing::day));
        ageingAgrees("contracts ageing-day");
        // run again the same day, it moves nothing
        assertEquals(new AgeingDayMove(fx.today(), fx.today(), 1), fx.money.bringAgeingToToday());
    }

    /** Until the database shows a transaction waiting for a lock. */
    private void waitForALockWait() throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < Duration.ofSeconds(10).toNanos()) {
            long waiting = fx.db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'")
                    .getSingleResult()).longValue());
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the move never waited for the writer");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("never told to go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The kept ageing by customer equals the one from the open instalments as of the kept day. */
    private void ageingAgrees(String after) {
        LocalDate day = fx.db.read(ContractAgeing::day);
        String d = "DATE('" + day + "')";
        String d30 = "DATE('" + day.minusDays(30) + "')";
        String d60 = "DATE('" + day.minusDays(60) + "')";
        String d90 = "DATE('" + day.minusDays(90) + "')";
        String exact = "SELECT CAST(g.K AS CHAR(20)), g.CUR, SUM(g.B1), SUM(g.B2), SUM(g.B3), SUM(g.B4), SUM(g.B5) FROM (SELECT COALESCE(CUSTOMER_ID, 0) AS K,"
                + " CURRENCY AS CUR, CASE WHEN DUE_DATE > " + d + " THEN AMOUNT - PAID ELSE 0 END AS B1,"
                + " CASE WHEN DUE_DATE <= " + d + " AND DUE_DATE >= " + d30 + " THEN AMOUNT - PAID ELSE 0 END AS B2,"
                + " CASE WHEN DUE_DATE < " + d30 + " AND DUE_DATE >= " + d60 + " THEN AMOUNT - PAID ELSE 0 END AS B3,"
                + " CASE WHEN DUE_DATE < " + d60 + " AND DUE_DATE >= " + d90 + " THEN AMOUNT - PAID ELSE 0 END AS B4,"
                + " CASE WHEN DUE_DATE < " + d90 + " THEN AMOUNT - PAID ELSE 0 END AS B5"
                + " FROM SB_CONTRACT_INSTALMENT WHERE RECEIVABLE = TRUE) g GROUP BY g.K, g.CUR";
        String kept = "SELECT CAST(CUSTOMER_ID AS CHAR(20)), CURRENCY, NOT_DUE, DAYS_0_30, DAYS_31_60, DAYS_61_90, DAYS_OVER_90 FROM SB_CONTRACT_AGEING_TOTAL";
        Map<String, String> expected = rows(exact);
        assertTrue(!expected.isEmpty());
        assertEquals(expected, rows(kept), "ageing by customer as of " + day + " after " + after);
    }

    private Map<String, String> rows(String sql) {
        return fx.db.read(em -> {
            Map<String, String> out = new TreeMap<>();
            for (Object row : em.createNativeQuery(sql).getResultList()) {
                Object[] r = (Object[]) row;
                StringBuilder amounts = new StringBuilder();
                boolean zero = true;
                for (int i = 2; i < r.length; i++) {
                    BigDecimal amount = new BigDecimal(r[i].toString()).setScale(2);
                    zero &= amount.signum() == 0;
                    amounts.append(amount.toPlainString()).append(' ');
                }
                if (!zero) {
                    out.put(String.valueOf(r[0]).strip() + "|" + r[1], amounts.toString().strip());
                }
            }
            return out;
        });
    }
}
