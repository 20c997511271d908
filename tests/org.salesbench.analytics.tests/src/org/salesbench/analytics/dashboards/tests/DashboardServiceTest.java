package org.salesbench.analytics.dashboards.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.dashboards.Dashboard;
import org.salesbench.analytics.dashboards.DashboardLayout;
import org.salesbench.analytics.dashboards.DashboardTile;
import org.salesbench.analytics.dashboards.MoveDirection;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.validation.ValidationException;

class DashboardServiceTest {

    private final DashboardFixture fx = new DashboardFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static List<String> names(List<Dashboard> dashboards) {
        return dashboards.stream().map(Dashboard::getName).toList();
    }

    @Test
    void theSalesAndManagerDashboardsAreMadeOnFirstUseOnceForEachUser() {
        List<Dashboard> first = fx.zhang.visible();
        assertEquals(List.of("Manager", "Sales"), names(first));
        Dashboard manager = first.get(0);
        assertEquals("zhang.wei", manager.getOwner());
        List<String> reports = manager.getTiles().stream().map(DashboardTile::getReportId).toList();
        assertTrue(reports.containsAll(List.of("won-revenue", "win-loss", "funnel", "forecast", "pipeline-trend", "sales-cycle",
                "customer-profile")), reports.toString());
        DashboardTile kpi = manager.getTiles().get(0);
        assertEquals(ChartKind.KPI, kpi.getChart());
        assertEquals("won_revenue", kpi.getMetricId());
        DashboardTile funnel = manager.getTiles().stream().filter(t -> t.getChart() == ChartKind.FUNNEL).findFirst().orElseThrow();
        assertNotNull(funnel.getPipelineId(), "a funnel reads one pipeline's stages");
        assertEquals(List.of("Manager", "Sales"), names(fx.zhang.visible()), "made once, not again");
        long count = fx.db.read(em -> em.createQuery("SELECT COUNT(d) FROM Dashboard d", Long.class).getSingleResult());
        assertEquals(2, count);

        assertEquals(List.of("Manager", "Sales"), names(fx.li.visible()), "li.na gets her own");
        assertTrue(fx.li.visible().stream().allMatch(d -> d.getOwner().equals("li.na")));
    }

    @Test
    void theDefaultTilesFillTheGridRowByRowWithoutOverlap() {
        for (Dashboard d : fx.zhang.visible()) {
            boolean[][] taken = new boolean[20][d.getColumns()];
            for (DashboardTile t : d.getTiles()) {
                assertTrue(t.getColumn() + t.getColSpan() <= d.getColumns(), t.getTitle() + " fits its row");
                for (int c = t.getColumn(); c < t.getColumn() + t.getColSpan(); c++) {
                    assertFalse(taken[t.getRow()][c], t.getTitle() + " overlaps");
                    taken[t.getRow()][c] = true;
                }
                assertTrue(fx.reports.report(t.getReportId()).isPresent(), t.getReportId() + " is a shipped report");
                if (t.getBy() != null) {
                    assertTrue(fx.reports.report(t.getReportId()).orElseThrow().dimensions().contains(t.getBy()),
                            t.getTitle() + ": " + t.getReportId() + " offers " + t.getBy());
                }
            }
        }
    }

    @Test
    void eachUserSeesOwnAndSharedDashboardsAndOnlyTheOwnerChangesOne() {
        Dashboard team = fx.zhang.create("  团队周报 ", 2);
        assertEquals("团队周报", team.getName());
        assertFalse(names(fx.li.visible()).contains("团队周报"), "not shared yet");
        assertTrue(fx.li.find(team.getId()).isEmpty());

        fx.zhang.share(team.getId(), true);
        assertTrue(names(fx.li.visible()).contains("团队周报"));
        Dashboard seen = fx.li.find(team.getId()).orElseThrow();
        assertFalse(fx.li.canEdit(seen));
        assertTrue(fx.zhang.canEdit(seen));
        AccessDeniedException refused = assertThrows(AccessDeniedException.class, () -> fx.li.rename(team.getId(), "我的"));
        assertTrue(refused.getMessage().contains("zhang.wei"), refused.getMessage());
        assertThrows(AccessDeniedException.class, () -> fx.li.delete(team.getId()));
        assertThrows(AccessDeniedException.class, () -> fx.li.saveLayout(seen));
        assertEquals("团队周报", fx.zhang.find(team.getId()).orElseThrow().getName(), "nothing changed");

        Dashboard copy = fx.li.copy(team.getId(), "团队周报（副本）");
        assertEquals("li.na", copy.getOwner());
        assertTrue(fx.li.canEdit(copy));

        fx.zhang.share(team.getId(), false);
        assertFalse(names(fx.li.visible()).contains("团队周报"));
        fx.zhang.delete(team.getId());
        assertTrue(fx.zhang.find(team.getId()).isEmpty());
        assertTrue(fx.events.stream().anyMatch(e -> e.change() == Change.DELETED && e.id() == team.getId()));
    }

    @Test
    void badNamesAndColumnsAreRefusedNamingTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> fx.zhang.create(" ", 9));
        assertNotNull(e.errorOf("name"), e.getMessage());
        assertTrue(e.errorOf("columns").message().contains("9"), e.errorOf("columns").message());
        Dashboard d = fx.zhang.create("Pipeline", 3);
        assertThrows(ValidationException.class, () -> fx.zhang.rename(d.getId(), "x".repeat(101)));
        assertEquals("Pipeline", fx.zhang.find(d.getId()).orElseThrow().getName());
    }

    @Test
    void aSavedLayoutKeepsAddedMovedAndRemovedTiles() {
        Dashboard d = fx.zhang.create("布局", 2);
        DashboardLayout.append(d, tile("won-revenue", "A", ChartKind.BAR, 1));
        DashboardLayout.append(d, tile("funnel", "B", ChartKind.FUNNEL, 1));
        DashboardLayout.append(d, tile("forecast", "C", ChartKind.LINE, 2));
        d = fx.zhang.saveLayout(d);
        assertEquals(List.of("A", "B", "C"), titles(d));

        DashboardTile c = d.getTiles().get(2);
        assertTrue(DashboardLayout.move(d, c, MoveDirection.UP));
        DashboardTile b = d.getTiles().stream().filter(t -> t.getTitle().equals("B")).findFirst().orElseThrow();
        DashboardLayout.remove(d, b);
        d = fx.zhang.saveLayout(d);

        Dashboard reloaded = fx.zhang.find(d.getId()).orElseThrow();
        assertEquals(List.of("C", "A"), titles(reloaded));
        assertEquals(0, reloaded.getTiles().get(0).getRow());
        assertEquals(2, reloaded.getTiles().get(0).getColSpan());
        assertEquals(1, reloaded.getTiles().get(1).getRow());
        long tiles = fx.db.read(em -> em.createQuery("SELECT COUNT(t) FROM DashboardTile t WHERE t.dashboard.id = :id", Long.class)
                .setParameter("id", reloaded.getId()).getSingleResult());
        assertEquals(2, tiles, "the removed tile is deleted");
    }

    @Test
    void aTileWithAnUnknownReportOrNoTitleIsRefusedNamingTheTileAndNothingIsSaved() {
        Dashboard d = fx.zhang.create("坏的", 2);
        DashboardLayout.append(d, tile("won-revenue", "ok", ChartKind.BAR, 1));
        DashboardLayout.append(d, tile("no-such-report", " ", ChartKind.BAR, 1));
        Dashboard edited = d;
        ValidationException e = assertThrows(ValidationException.class, () -> fx.zhang.saveLayout(edited));
        assertTrue(e.errorOf("tiles[1].reportId").message().contains("no-such-report"), e.getMessage());
        assertTrue(e.errorOf("tiles[1].reportId").message().contains("Tile 2"), e.getMessage());
        assertNotNull(e.errorOf("tiles[1].title"));
        assertTrue(fx.zhang.find(d.getId()).orElseThrow().getTiles().isEmpty());
    }

    private static List<String> titles(Dashboard d) {
        return d.getTiles().stream().map(DashboardTile::getTitle).toList();
    }

    static DashboardTile tile(String report, String title, ChartKind kind, int span) {
        DashboardTile t = new DashboardTile(report, title, kind);
        t.setColSpan(span);
        return t;
    }
}
