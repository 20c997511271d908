package org.salesbench.performance.tests.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetCell;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.persistence.ConcurrentChangeException;

/**
 * Months typed in a grid are saved together with one reason, or not at all: a bad cell is named, a cell whose target
 * changed or appeared since it was read is a conflict, and either way no other cell is written.
 */
class TargetCellsTest {

    private static final String WON = "won_revenue";
    private static TargetFixture f;

    @BeforeAll
    static void open() {
        f = new TargetFixture();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    private static BigDecimal value(String login, int year, int month) {
        return f.targets.find(WON, Subject.person(login), TargetPeriod.month(year, month)).map(Target::getValue).orElse(null);
    }

    private static boolean same(String expected, BigDecimal actual) {
        return actual != null && new BigDecimal(expected).compareTo(actual) == 0;
    }

    @Test
    void cellsAreCreatedOrChangedTogetherWithOneReason() {
        Target may = f.targets.create(WON, Subject.person(TargetFixture.LI), TargetPeriod.month(2027, 5), new BigDecimal("100"), "初值");
        List<Target> saved = f.targets.saveCells(WON, List.of(
                new TargetCell(Subject.person(TargetFixture.LI), TargetPeriod.month(2027, 5), new BigDecimal("150"), may.getId(), may.getVersion()),
                new TargetCell(Subject.person(TargetFixture.LI), TargetPeriod.month(2027, 6), new BigDecimal("200.25"), null, 0)), "按月调整");
        assertEquals(2, saved.size());
        assertTrue(same("150", value(TargetFixture.LI, 2027, 5)));
        assertTrue(same("200.25", value(TargetFixture.LI, 2027, 6)));
        assertEquals("按月调整", f.targets.history(may.getId()).get(1).getReason());
    }

    @Test
    void aStaleOrNewlyCreatedCellOrABadValueWritesNothing() {
        Target july = f.targets.create(WON, Subject.person(TargetFixture.CHEN), TargetPeriod.month(2027, 7), new BigDecimal("700"), "初值");
        long seen = july.getVersion();
        f.targets.update(july.getId(), new BigDecimal("710"), "别人改了");
        TargetCell august = new TargetCell(Subject.person(TargetFixture.CHEN), TargetPeriod.month(2027, 8), new BigDecimal("800"), null, 0);
        ConcurrentChangeException stale = assertThrows(ConcurrentChangeException.class, () -> f.targets.saveCells(WON, List.of(august,
                new TargetCell(Subject.person(TargetFixture.CHEN), TargetPeriod.month(2027, 7), new BigDecimal("720"), july.getId(), seen)), "我的"));
        assertEquals(july.getId(), stale.getRecordId());
        assertTrue(same("710", value(TargetFixture.CHEN, 2027, 7)));
        assertEquals(null, value(TargetFixture.CHEN, 2027, 8), "August, before the stale cell, was rolled back");

        f.targets.create(WON, Subject.person(TargetFixture.CHEN), TargetPeriod.month(2027, 9), new BigDecimal("900"), "别人建的");
        assertThrows(ConcurrentChangeException.class, () -> f.targets.saveCells(WON, List.of(
                new TargetCell(Subject.person(TargetFixture.CHEN), TargetPeriod.month(2027, 9), new BigDecimal("950"), null, 0)), "我的"));
        assertTrue(same("900", value(TargetFixture.CHEN, 2027, 9)));

        ValidationException negative = assertThrows(ValidationException.class, () -> f.targets.saveCells(WON, List.of(august,
                new TargetCell(Subject.person(TargetFixture.CHEN), TargetPeriod.month(2027, 10), new BigDecimal("-1"), null, 0)), "我的"));
        assertNotNull(negative.errorOf("cells[1].value"), negative.getMessage());
        assertTrue(negative.getMessage().contains("2027-10"), negative.getMessage());
        assertEquals(null, value(TargetFixture.CHEN, 2027, 8));
    }
}
