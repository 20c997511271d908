package org.salesbench.analytics.dashboards.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.dashboards.Dashboard;
import org.salesbench.analytics.dashboards.DashboardFilter;
import org.salesbench.analytics.dashboards.DashboardLayout;
import org.salesbench.analytics.dashboards.DashboardPeriod;
import org.salesbench.analytics.dashboards.DashboardTile;
import org.salesbench.analytics.dashboards.MoveDirection;
import org.salesbench.core.model.DateRange;
import org.salesbench.core.validation.ValidationException;

/** The grid arithmetic and the periods, without a database. */
class DashboardLayoutTest {

    private static final LocalDate DAY = LocalDate.of(2026, 5, 14);

    private static Dashboard grid(int columns, int... spans) {
        Dashboard d = new Dashboard("g", columns);
        char name = 'A';
        for (int span : spans) {
            DashboardLayout.append(d, DashboardServiceTest.tile("funnel", String.valueOf(name++), ChartKind.BAR, span));
        }
        return d;
    }

    private static String places(Dashboard d) {
        StringBuilder s = new StringBuilder();
        for (DashboardTile t : d.getTiles()) {
            s.append(t.getTitle()).append(t.getRow()).append(',').append(t.getColumn()).append(' ');
        }
        return s.toString().trim();
    }

    @Test
    void tilesFlowRowByRowAndWrapWhenTheirSpanDoesNotFit() {
        Dashboard d = grid(3, 1, 1, 2, 3, 5);
        assertEquals("A0,0 B0,1 C1,0 D2,0 E3,0", places(d));
        assertEquals(3, d.getTiles().get(4).getColSpan(), "a span wider than the grid is clamped");
    }

    @Test
    void movingSwapsWithTheNeighbourAndStopsAtTheEdges() {
        Dashboard d = grid(2, 1, 1, 1, 1);
        DashboardTile a = d.getTiles().get(0);
        assertFalse(DashboardLayout.move(d, a, MoveDirection.LEFT));
        assertFalse(DashboardLayout.move(d, a, MoveDirection.UP));
        assertTrue(DashboardLayout.move(d, a, MoveDirection.RIGHT));
        assertEquals("B0,0 A0,1 C1,0 D1,1", places(d));
        assertTrue(DashboardLayout.move(d, a, MoveDirection.DOWN));
        assertEquals("B0,0 D0,1 C1,0 A1,1", places(d));
        assertFalse(DashboardLayout.move(d, a, MoveDirection.DOWN));
        DashboardLayout.remove(d, d.getTiles().get(0));
        assertEquals("D0,0 C0,1 A1,0", places(d));
    }

    @Test
    void periodsAndThePeriodBeforeThem() {
        assertEquals(new DateRange(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)), DashboardPeriod.THIS_MONTH.range(DAY));
        assertEquals(new DateRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)), DashboardPeriod.THIS_QUARTER.range(DAY));
        assertEquals(new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), DashboardPeriod.THIS_YEAR.range(DAY));
        assertEquals(new DateRange(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 5, 31)), DashboardPeriod.LAST_12_MONTHS.range(DAY));
        assertEquals(new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                DashboardPeriod.previous(DashboardPeriod.THIS_QUARTER.range(DAY)));
        assertEquals(new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)),
                DashboardPeriod.previous(DateRange.month(java.time.YearMonth.of(2026, 3))), "a shorter month before a longer one");
        assertEquals(new DateRange(LocalDate.of(2026, 4, 21), LocalDate.of(2026, 5, 2)),
                DashboardPeriod.previous(new DateRange(LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 14))), "same number of days");
    }

    @Test
    void theTilesOwnFiltersWinOverTheDashboards() {
        DashboardFilter filter = DashboardFilter.defaults().withOwner("zhang.wei").withPipeline(7L);
        DashboardTile tile = DashboardServiceTest.tile("won-revenue", "t", ChartKind.LINE, 1);
        tile.setBy("month");
        tile.setPeriod(DashboardPeriod.LAST_12_MONTHS);
        tile.setFilterOwner("li.na");
        ReportFilter r = filter.reportFilter(tile, DAY);
        assertEquals(new ReportFilter(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 5, 31), "li.na", null, 7L, "month"), r);
        tile.setPeriod(null);
        tile.setFilterOwner(null);
        assertEquals(new ReportFilter(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "zhang.wei", null, 7L, "month"),
                filter.reportFilter(tile, DAY));
    }

    @Test
    void aCustomPeriodNeedsBothDaysInOrder() {
        DashboardTile tile = DashboardServiceTest.tile("funnel", "t", ChartKind.FUNNEL, 1);
        ValidationException missing = assertThrows(DashboardFilter.defaults().withCustom(null, DAY), tile);
        assertTrue(missing.errorOf("from") != null, missing.getMessage());
        ValidationException backwards = assertThrows(DashboardFilter.defaults().withCustom(DAY, DAY.minusDays(1)), tile);
        assertTrue(backwards.errorOf("to").message().contains("To"), backwards.getMessage());
        assertEquals(List.of(DAY, DAY), List.of(DashboardFilter.defaults().withCustom(DAY, DAY).reportFilter(tile, DAY).from(),
                DashboardFilter.defaults().withCustom(DAY, DAY).reportFilter(tile, DAY).to()));
    }

    private static ValidationException assertThrows(DashboardFilter filter, DashboardTile tile) {
        return org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class, () -> filter.reportFilter(tile, DAY));
    }
}
