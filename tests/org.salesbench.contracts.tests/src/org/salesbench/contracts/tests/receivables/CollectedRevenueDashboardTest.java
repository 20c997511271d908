package org.salesbench.contracts.tests.receivables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.dashboards.Dashboard;
import org.salesbench.analytics.dashboards.DashboardFilter;
import org.salesbench.analytics.dashboards.DashboardTile;
import org.salesbench.analytics.dashboards.TileResult;
import org.salesbench.analytics.dashboards.internal.DashboardServiceImpl;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.opportunities.internal.ForecastServiceImpl;

/**
 * The shipped dashboards show the money collected: contracts contribute a KPI tile of their collected-revenue report
 * through analytics' {@code dashboardTile} element (analytics knows no contract), and the tile's figure is this year's
 * receipts, reversals subtracted. A shipped dashboard saved before the tile existed gets it once when next opened; one
 * whose owner removed it does not get it back.
 */
class CollectedRevenueDashboardTest {

    private final MoneyFixture fx = new MoneyFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void theManagerAndSalesDashboardsShowCollectedRevenueFromTheContractsTile() {
        long contract = fx.contract(fx.customer("苏州园区精密机械有限公司"), "li.na", ContractStatus.ACTIVE, "10000.00", "CNY");
        fx.money.setPlan(contract, List.of(PlannedInstalment.amount(fx.today, Money.cny("10000.00"))), "first plan");
        fx.money.recordReceipt(contract, fx.today, Money.cny("3000.00"), ReceiptMethod.BANK_TRANSFER, "D-1");
        var bounced = fx.money.recordReceipt(contract, fx.today, Money.cny("500.00"), ReceiptMethod.CHEQUE, "D-2");
        fx.money.reverse(bounced.getId(), "退票");
        DashboardServiceImpl dashboards = new DashboardServiceImpl(fx.db, fx.people,
                new ReportServiceImpl(fx.db, fx.people, new MetricCatalogueImpl(), new ForecastServiceImpl(fx.db, fx.people)), (entity, change, id) -> { }, Clocks.system());

        for (String template : List.of("manager", "sales")) {
            Dashboard dashboard = dashboards.visible().stream().filter(d -> template.equals(d.getTemplate())).findFirst().orElseThrow();
            DashboardTile tile = dashboard.getTiles().stream().filter(t -> "collected-revenue".equals(t.getReportId())).findFirst()
                    .orElseThrow(() -> new AssertionError(template + " has no collected-revenue tile"));
            assertEquals("collected_revenue", tile.getMetricId());
            TileResult result = dashboards.run(tile, DashboardFilter.defaults());
            assertNotNull(result.kpi(), template);
            assertEquals(new BigDecimal("3000.00"), result.kpi().value().setScale(2), template);
        }
    }

    @Test
    void aDashboardSavedBeforeTheTileExistedGetsItOnceAndATileItsOwnerRemovedStaysRemoved() {
        DashboardServiceImpl dashboards = new DashboardServiceImpl(fx.db, fx.people,
                new ReportServiceImpl(fx.db, fx.people, new MetricCatalogueImpl(), new ForecastServiceImpl(fx.db, fx.people)), (entity, change, id) -> { }, Clocks.system());
        Dashboard made = dashboards.visible().stream().filter(d -> "manager".equals(d.getTemplate())).findFirst().orElseThrow();
        int tiles = made.getTiles().size();
        // as the database holds a dashboard made before contracts contributed their tile (and before the record of it)
        fx.db.write(em -> {
            em.createNativeQuery("DELETE FROM SB_DASHBOARD_TILE WHERE REPORT_ID = 'collected-revenue'").executeUpdate();
            em.createNativeQuery("UPDATE SB_DASHBOARD SET CONTRIBUTED_TILES = NULL").executeUpdate();
            return null;
        });

        Dashboard old = manager(dashboards);
        assertEquals(tiles, old.getTiles().size(), old.getTiles().toString());
        assertEquals(1, collected(old).size(), "the tile is back, once");
        assertEquals(1, collected(manager(dashboards)).size(), "opening again adds nothing");

        // its owner takes it off: it is not put back
        old.replaceTiles(old.getTiles().stream().filter(t -> !"collected-revenue".equals(t.getReportId())).toList());
        dashboards.saveLayout(old);
        assertEquals(0, collected(manager(dashboards)).size());
        assertEquals(tiles - 1, manager(dashboards).getTiles().size());
    }

    private static Dashboard manager(DashboardServiceImpl dashboards) {
        return dashboards.visible().stream().filter(d -> "manager".equals(d.getTemplate())).findFirst().orElseThrow();
    }

    private static List<DashboardTile> collected(Dashboard d) {
        return d.getTiles().stream().filter(t -> "collected-revenue".equals(t.getReportId())).toList();
    }
}
