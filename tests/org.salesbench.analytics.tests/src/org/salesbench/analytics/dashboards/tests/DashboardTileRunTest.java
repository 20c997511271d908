package org.salesbench.analytics.dashboards.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.dashboards.Dashboard;
import org.salesbench.analytics.dashboards.DashboardFilter;
import org.salesbench.analytics.dashboards.DashboardPeriod;
import org.salesbench.analytics.dashboards.DashboardTile;
import org.salesbench.analytics.dashboards.TileResult;
import org.salesbench.opportunities.StageKind;

/**
 * The Manager dashboard's tiles over a hand-built set of closed deals; "today" is 14 May 2026, so this quarter is
 * April to June and the one before January to March. Every figure below is worked out by hand from the deals.
 */
class DashboardTileRunTest {

    private DashboardFixture fx;
    private Dashboard manager;

    /** An in-memory database; the PostgreSQL subclass gives a schema on the server. */
    DashboardFixture fixture() {
        return new DashboardFixture();
    }

    @BeforeEach
    void deals() {
        fx = fixture();
        // this quarter: won 100,000 + 50,000; lost 30,000 (price) and 20,000 (competitor)
        fx.closed("zhang.wei", "100000", StageKind.WON, LocalDate.of(2026, 4, 10), null);
        fx.closed("li.na", "50000", StageKind.WON, LocalDate.of(2026, 5, 2), null);
        fx.closed("li.na", "30000", StageKind.LOST, LocalDate.of(2026, 5, 3), "价格");
        fx.closed("zhang.wei", "20000", StageKind.LOST, LocalDate.of(2026, 6, 1), "竞品");
        // the quarter before: won 60,000; lost 10,000 (price); and one won deal 4 days before it, outside both
        fx.closed("zhang.wei", "60000", StageKind.WON, LocalDate.of(2026, 2, 15), null);
        fx.closed("zhang.wei", "10000", StageKind.LOST, LocalDate.of(2026, 3, 1), "价格");
        fx.closed("zhang.wei", "999", StageKind.WON, LocalDate.of(2025, 12, 28), null);
        manager = fx.zhang.visible().stream().filter(d -> "manager".equals(d.getTemplate())).findFirst().orElseThrow();
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private DashboardTile tile(String title) {
        return manager.getTiles().stream().filter(t -> t.getTitle().equals(title)).findFirst().orElseThrow(() -> new AssertionError(title));
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void kpiTilesShowTheFigureOfThePeriodAndOfThePeriodBefore() {
        DashboardFilter quarter = DashboardFilter.defaults().withPeriod(DashboardPeriod.THIS_QUARTER);

        TileResult won = fx.zhang.run(tile("Won revenue"), quarter);
        assertEquals(LocalDate.of(2026, 4, 1), won.filter().from());
        assertEquals(LocalDate.of(2026, 6, 30), won.filter().to());
        assertTrue(won.hasFigure());
        assertAmount("150000", won.kpi().value());
        assertAmount("60000", won.kpi().previous());
        assertAmount("150.0", won.kpi().changePercent());
        assertEquals(1, won.kpi().trend());
        assertEquals("CNY", won.kpi().currency());

        TileResult rate = fx.zhang.run(tile("Win rate"), quarter);
        assertAmount("50", rate.kpi().value()); // 2 won of 4 closed
        assertAmount("50", rate.kpi().previous()); // 1 won of 2 closed
        assertEquals(0, rate.kpi().trend());

        TileResult deals = fx.zhang.run(tile("Deals won"), quarter);
        assertAmount("2", deals.kpi().value());
        assertAmount("1", deals.kpi().previous());
    }

    @Test
    void changingThePeriodChangesTheFiguresAndATilesOwnPeriodStays() {
        DashboardFilter month = DashboardFilter.defaults().withPeriod(DashboardPeriod.THIS_MONTH);
        TileResult won = fx.zhang.run(tile("Won revenue"), month);
        assertAmount("50000", won.kpi().value()); // May only
        assertAmount("100000", won.kpi().previous()); // April
        assertAmount("-50.0", won.kpi().changePercent());
        assertEquals(-1, won.kpi().trend());
        DashboardTile byMonth = tile("Won revenue by month");
        assertEquals(DashboardPeriod.LAST_12_MONTHS, byMonth.getPeriod());
        TileResult months = fx.zhang.run(byMonth, month);
        assertEquals(LocalDate.of(2025, 6, 1), months.filter().from(), "the tile keeps its own period");
        // December, February, April and May have won deals; January and March are zeros, not gaps in the line
        assertEquals(List.of("2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"),
                months.result().rows().stream().map(r -> (String) r.values().get(0)).toList());
        assertEquals(0L, months.result().rows().get(1).values().get(2));
        assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) months.result().rows().get(3).values().get(1)));
    }

    @Test
    void anEmptyPeriodOrAnUnknownOwnerGivesEmptyTilesNotErrors() {
        DashboardFilter empty = DashboardFilter.defaults().withCustom(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31));
        for (DashboardTile t : manager.getTiles()) {
            TileResult r = fx.zhang.run(t, empty);
            if (t.getPeriod() == null && !t.getReportId().equals("customer-profile") && !t.getReportId().equals("forecast")) {
                assertTrue(r.isEmpty(), t.getTitle() + " is empty in 2001");
            }
            if (t.getChart() == ChartKind.KPI) {
                assertFalse(r.hasFigure(), t.getTitle());
            }
        }
        DashboardFilter ghost = DashboardFilter.defaults().withPeriod(DashboardPeriod.THIS_QUARTER).withOwner("deleted.user");
        assertTrue(fx.zhang.run(tile("Won revenue by owner"), ghost).isEmpty());
        assertFalse(fx.zhang.run(tile("Won revenue"), ghost).hasFigure());
    }

    @Test
    void aTileFilteredToAnOwnerShowsOnlyTheirDeals() {
        DashboardFilter quarter = DashboardFilter.defaults().withPeriod(DashboardPeriod.THIS_QUARTER).withOwner("li.na");
        assertAmount("50000", fx.zhang.run(tile("Won revenue"), quarter).kpi().value());
        TileResult byOwner = fx.zhang.run(tile("Won revenue by owner"), quarter.withOwner(null));
        assertEquals(2, byOwner.result().rows().size());
    }
}
