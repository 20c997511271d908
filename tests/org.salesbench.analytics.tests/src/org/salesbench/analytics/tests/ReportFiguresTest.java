package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.analytics.tests.Results.assertMoney;
import static org.salesbench.analytics.tests.Results.assertPercent;
import static org.salesbench.analytics.tests.Results.count;
import static org.salesbench.analytics.tests.Results.row;
import static org.salesbench.analytics.tests.Results.value;
import static org.salesbench.analytics.tests.SalesData.Q1_FROM;
import static org.salesbench.analytics.tests.SalesData.Q1_TO;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.persistence.DatabaseSettings;

/** Every report's figures on the hand-built data set of {@link SalesData}, each worked out by hand in the comments. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFiguresTest {

    SalesData data;
    private final ReportFilter q1 = ReportFilter.all().withPeriod(Q1_FROM, Q1_TO);

    @BeforeAll
    void fill() {
        data = new SalesData(settings());
    }

    /** The database the figures are computed on: Derby in memory. */
    DatabaseSettings settings() {
        return DatabaseSettings.inMemory("analytics-" + UUID.randomUUID());
    }

    @AfterAll
    void close() {
        if (data != null) {
            data.close();
        }
    }

    private ReportResult run(String report, ReportFilter filter) {
        return data.reports.run(report, filter);
    }

    private List<DrillRecord> drill(String report, ReportFilter filter, ReportRow row) {
        assertNotNull(row.drillKey(), "row without drill key");
        return data.reports.drillDown(report, filter, row.drillKey());
    }

    /** Drill-down of every row: as many deals as the count column, amounts adding up to the money column. */
    private void assertDrillTotals(String report, ReportFilter filter, ReportResult result, String countColumn, String moneyColumn) {
        assertTrue(!result.rows().isEmpty());
        for (ReportRow row : result.rows()) {
            List<DrillRecord> records = drill(report, filter, row);
            assertEquals(count(value(result, row, countColumn)), records.size(), () -> "records behind " + row);
            if (moneyColumn != null) {
                assertMoney(Results.total(records).toPlainString(), value(result, row, moneyColumn));
            }
        }
    }

    // ---- won revenue: Q1 CNY won deals D1 100000, D2 250000, D3 80000, D4 400000, D5 50000, D6 30000, D10 20000 = 930000 (7);
    //      D8, D9 are USD (left out, said so); D7 won in April.

    @Test
    void wonRevenueByOwner() {
        ReportFilter f = q1.withBy("owner");
        ReportResult r = run("won-revenue", f);
        assertEquals("CNY", r.currency());
        assertNotNull(r.note(), "the two USD deals are left out and the result says so");
        assertTrue(r.note().contains("USD") && r.note().contains("2"), r.note());
        assertEquals(List.of("赵磊", "李伟", "王芳", "zhou.jie"), Results.labels(r)); // by revenue, highest first
        assertMoney("450000", value(r, row(r, "赵磊"), "won_revenue")); // D4 + D5
        assertEquals(2L, value(r, row(r, "赵磊"), "won_count"));
        assertMoney("370000", value(r, row(r, "李伟"), "won_revenue")); // D1 + D2 + D10
        assertEquals(3L, value(r, row(r, "李伟"), "won_count"));
        assertMoney("80000", value(r, row(r, "王芳"), "won_revenue")); // D3
        assertMoney("30000", value(r, row(r, "zhou.jie"), "won_revenue")); // D6: an owner who is no user keeps the login
        assertEquals("li.wei", row(r, "李伟").drillKey());
        assertDrillTotals("won-revenue", f, r, "won_count", "won_revenue");
        assertEquals(Set.of(data.id("D1"), data.id("D2"), data.id("D10")),
                drill("won-revenue", f, row(r, "李伟")).stream().map(DrillRecord::id).collect(Collectors.toSet()));
    }

    @Test
    void wonRevenueByTeamProductSectorRegionAndMonth() {
        ReportResult team = run("won-revenue", q1.withBy("team"));
        assertMoney("450000", value(team, row(team, "东区"), "won_revenue")); // li.wei 370000 + wang.fang 80000
        assertEquals(4L, value(team, row(team, "东区"), "won_count"));
        assertMoney("450000", value(team, row(team, "南区"), "won_revenue")); // zhao.lei
        assertMoney("30000", value(team, row(team, "(not set)"), "won_revenue")); // zhou.jie is in no team
        assertDrillTotals("won-revenue", q1.withBy("team"), team, "won_count", "won_revenue");

        ReportResult product = run("won-revenue", q1.withBy("product"));
        assertMoney("230000", value(product, row(product, "CRM 标准版"), "won_revenue")); // D1 + D3 + D6 + D10
        assertEquals(4L, value(product, row(product, "CRM 标准版"), "won_count"));
        assertMoney("650000", value(product, row(product, "CRM 企业版"), "won_revenue")); // D2 + D4
        assertMoney("50000", value(product, row(product, "(not set)"), "won_revenue")); // D5 has no product
        assertDrillTotals("won-revenue", q1.withBy("product"), product, "won_count", "won_revenue");

        ReportResult sector = run("won-revenue", q1.withBy("sector"));
        assertMoney("370000", value(sector, row(sector, "制造业"), "won_revenue")); // C1 350000 + C4 20000
        assertMoney("110000", value(sector, row(sector, "物流"), "won_revenue")); // C2: D3 + D6
        assertMoney("450000", value(sector, row(sector, "零售"), "won_revenue")); // C3
        assertDrillTotals("won-revenue", q1.withBy("sector"), sector, "won_count", "won_revenue");

        ReportResult region = run("won-revenue", q1.withBy("region"));
        assertMoney("350000", value(region, row(region, "华东"), "won_revenue"));
        assertMoney("20000", value(region, row(region, "西南"), "won_revenue"));
        assertMoney("110000", value(region, row(region, "华北"), "won_revenue"));
        assertMoney("450000", value(region, row(region, "华南"), "won_revenue"));
        assertDrillTotals("won-revenue", q1.withBy("region"), region, "won_count", "won_revenue");

        ReportResult month = run("won-revenue", q1.withBy("month"));
        assertEquals(List.of("2026-01", "2026-02", "2026-03"), Results.labels(month)); // months in order
        assertMoney("130000", value(month, row(month, "2026-01"), "won_revenue")); // D1 + D6
        assertMoney("330000", value(month, row(month, "2026-02"), "won_revenue")); // D2 + D3
        assertMoney("470000", value(month, row(month, "2026-03"), "won_revenue")); // D4 + D5 + D10
        assertEquals(3L, value(month, row(month, "2026-03"), "won_count"));
        assertDrillTotals("won-revenue", q1.withBy("month"), month, "won_count", "won_revenue");
    }

    @Test
    void wonRevenueFilters() {
        ReportResult owner = run("won-revenue", q1.withBy("month").withOwner("li.wei"));
        assertMoney("100000", value(owner, row(owner, "2026-01"), "won_revenue")); // D1
        assertMoney("250000", value(owner, row(owner, "2026-02"), "won_revenue")); // D2
        assertMoney("20000", value(owner, row(owner, "2026-03"), "won_revenue")); // D10
        assertNull(owner.note(), "li.wei has no deals in other currencies");

        ReportFilter east = q1.withBy("team").withTeamId(data.east.getId());
        ReportResult team = run("won-revenue", east);
        assertEquals(List.of("东区"), Results.labels(team)); // grouping by team under a team filter keeps to that team
        assertMoney("450000", value(team, row(team, "东区"), "won_revenue"));
        assertDrillTotals("won-revenue", east, team, "won_count", "won_revenue");

        ReportResult southByOwner = run("won-revenue", q1.withBy("owner").withTeamId(data.south.getId()));
        assertEquals(List.of("赵磊"), Results.labels(southByOwner));

        ReportResult pipeline = run("won-revenue", q1.withBy("owner").withPipelineId(data.newBusiness.getId()));
        assertEquals(4, pipeline.rows().size());

        // the whole year so far: D7 (won 2026-04-02) joins li.wei
        ReportResult year = run("won-revenue", ReportFilter.all().withPeriod(Q1_FROM, LocalDate.of(2026, 12, 31)).withBy("owner"));
        assertMoney("440000", value(year, row(year, "李伟"), "won_revenue"));
    }

    @Test
    void theDominantCurrencyWhenFiltered() {
        // wang.fang in February: D3 80000 CNY, D8 9999 USD, D9 5000 USD: two deals in USD, one in CNY
        ReportFilter f = ReportFilter.all().withPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)).withOwner("wang.fang").withBy("owner");
        ReportResult r = run("won-revenue", f);
        assertEquals("USD", r.currency());
        assertMoney("14999", value(r, row(r, "王芳"), "won_revenue"));
        assertEquals(2L, value(r, row(r, "王芳"), "won_count"));
        assertTrue(r.note().contains("CNY"), r.note());
        assertDrillTotals("won-revenue", f, r, "won_count", "won_revenue");
    }

    // ---- win/loss: Q1 CNY closed deals: won D1..D6, D10 = 7 (930000); lost L1 60000 价格, L2 40000 价格, L3 20000 竞争对手 = 3; L4 in 2025

    @Test
    void winLossByReasonWithWinRate() {
        ReportResult r = run("win-loss", q1);
        assertEquals(List.of("Won", "价格", "竞争对手"), Results.labels(r));
        assertEquals(7L, value(r, row(r, "Won"), "closed_count"));
        assertMoney("930000", value(r, row(r, "Won"), "closed_amount"));
        assertPercent(70.0, value(r, row(r, "Won"), "closed_share")); // the win rate: 7 / (7 + 3)
        assertEquals(2L, value(r, row(r, "价格"), "closed_count"));
        assertMoney("100000", value(r, row(r, "价格"), "closed_amount"));
        assertPercent(20.0, value(r, row(r, "价格"), "closed_share"));
        assertPercent(10.0, value(r, row(r, "竞争对手"), "closed_share"));
        assertDrillTotals("win-loss", q1, r, "closed_count", "closed_amount");
    }

    @Test
    void winLossByOwner() {
        ReportFilter f = q1.withBy("owner");
        ReportResult r = run("win-loss", f);
        ReportRow li = row(r, "李伟"); // won D1, D2, D10 = 370000; lost L1 60000
        assertEquals(3L, value(r, li, "won_count"));
        assertMoney("370000", value(r, li, "won_revenue"));
        assertEquals(1L, value(r, li, "lost_count"));
        assertMoney("60000", value(r, li, "lost_amount"));
        assertPercent(75.0, value(r, li, "win_rate"));
        assertPercent(50.0, value(r, row(r, "王芳"), "win_rate")); // D3 won, L2 lost (USD D8, D9 left out)
        assertPercent(66.67, value(r, row(r, "赵磊"), "win_rate")); // D4, D5 won, L3 lost
        assertPercent(100.0, value(r, row(r, "zhou.jie"), "win_rate"));
        for (ReportRow row : r.rows()) {
            assertEquals(count(value(r, row, "won_count")) + count(value(r, row, "lost_count")), drill("win-loss", f, row).size());
        }
    }

    // ---- sales cycle: won in Q1, all currencies: D1 20, D2 35, D3 10, D4 90, D5 30, D6 5, D8 19, D9 23, D10 10 days

    @Test
    void salesCycleByOwnerAndMonth() {
        ReportFilter byOwner = q1.withBy("owner");
        ReportResult r = run("sales-cycle", byOwner);
        assertPercent(65.0 / 3, value(r, row(r, "李伟"), "sales_cycle_days")); // 20, 35, 10
        assertEquals(3L, value(r, row(r, "李伟"), "won_count"));
        assertPercent(52.0 / 3, value(r, row(r, "王芳"), "sales_cycle_days")); // 10, 19, 23
        assertPercent(60.0, value(r, row(r, "赵磊"), "sales_cycle_days")); // 90, 30
        assertPercent(5.0, value(r, row(r, "zhou.jie"), "sales_cycle_days"));
        assertDrillTotals("sales-cycle", byOwner, r, "won_count", null);

        ReportFilter byMonth = q1.withBy("month");
        ReportResult m = run("sales-cycle", byMonth);
        assertPercent(12.5, value(m, row(m, "2026-01"), "sales_cycle_days")); // 20, 5
        assertPercent(21.75, value(m, row(m, "2026-02"), "sales_cycle_days")); // 35, 10, 19, 23
        assertPercent(130.0 / 3, value(m, row(m, "2026-03"), "sales_cycle_days")); // 90, 30, 10
        assertDrillTotals("sales-cycle", byMonth, m, "won_count", null);
    }

    // ---- funnel: deals engaged in Q1 (all but D4 and L4) = 15; furthest stage: won 9 (D1-3, D5-10), L1 NA, L2 Q, L3 P, O1 NA, O2 P, O3 Q

    @Test
    void funnelCountsTheDealsThatReachedEachStage() {
        ReportFilter f = q1.withPipelineId(data.newBusiness.getId());
        ReportResult r = run("funnel", f);
        assertEquals(List.of("Qualification", "Needs analysis", "Proposal", "Negotiation", "Closed won"),
                r.rows().stream().map(row -> row.value(1)).toList());
        long[] reached = r.rows().stream().mapToLong(row -> count(value(r, row, "stage_reached"))).toArray();
        assertEquals(List.of(15L, 13L, 11L, 9L, 9L), java.util.Arrays.stream(reached).boxed().toList());
        List<Object> conversion = r.rows().stream().map(row -> value(r, row, "stage_conversion")).toList();
        assertPercent(13 * 100.0 / 15, conversion.get(0));
        assertPercent(11 * 100.0 / 13, conversion.get(1));
        assertPercent(9 * 100.0 / 11, conversion.get(2));
        assertPercent(100.0, conversion.get(3));
        assertNull(conversion.get(4), "nothing after the won stage");
        assertDrillTotals("funnel", f, r, "stage_reached", null);
        // Proposal: the won deals, L3 (lost from Proposal) and O2
        Set<Long> proposal = drill("funnel", f, r.rows().get(2)).stream().map(DrillRecord::id).collect(Collectors.toSet());
        assertTrue(proposal.contains(data.id("L3")) && proposal.contains(data.id("O2")) && !proposal.contains(data.id("O1")));

        ReportResult south = run("funnel", f.withTeamId(data.south.getId())); // zhao.lei engaged in Q1: D5 (won), L3 (Proposal), O3 (Q)
        assertEquals(List.of(3L, 2L, 2L, 1L, 1L), south.rows().stream().map(row -> count(value(south, row, "stage_reached"))).toList());
    }

    // ---- forecast: not lost, by expected close month; May–June: O1 200000 × 25%, O2 120000 × 50%, O3 90000 × 10%

    @Test
    void forecastByMonthAndCategory() {
        ReportFilter f = ReportFilter.all().withPeriod(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 30));
        ReportResult r = run("forecast", f);
        assertEquals(3, r.rows().size());
        ReportRow mayBest = r.rows().stream().filter(row -> row.value(0).equals("2026-05") && row.value(1).equals("Best case")).findFirst().orElseThrow();
        assertEquals(1L, value(r, mayBest, "forecast_count"));
        assertMoney("120000", value(r, mayBest, "forecast_amount"));
        assertMoney("60000", value(r, mayBest, "weighted_amount"));
        ReportRow mayPipeline = r.rows().stream().filter(row -> row.value(0).equals("2026-05") && row.value(1).equals("Pipeline")).findFirst().orElseThrow();
        assertMoney("50000", value(r, mayPipeline, "weighted_amount"));
        ReportRow junePipeline = r.rows().stream().filter(row -> row.value(0).equals("2026-06")).findFirst().orElseThrow();
        assertMoney("9000", value(r, junePipeline, "weighted_amount"));
        assertDrillTotals("forecast", f, r, "forecast_count", "forecast_amount");
        assertEquals(List.of(data.id("O3")), drill("forecast", f, junePipeline).stream().map(DrillRecord::id).toList());

        ReportResult south = run("forecast", f.withTeamId(data.south.getId()));
        assertEquals(1, south.rows().size());
        assertMoney("9000", value(south, south.rows().get(0), "weighted_amount"));

        // January: the won D1 and D6 are in the forecast as closed, at 100 %
        ReportResult january = run("forecast", ReportFilter.all().withPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        ReportRow closed = january.rows().stream().filter(row -> row.value(1).equals("Closed")).findFirst().orElseThrow();
        assertMoney("130000", value(january, closed, "weighted_amount"));
    }

    // ---- activity: customers created in Q1: C1 li.wei, C2 wang.fang, C3 zhao.lei (C4 in 2025);
    //      activities in Q1: li.wei A1, A2; wang.fang A3; zhao.lei A6 (A4 in April, A5 in 2025)

    @Test
    void newCustomersAndActivitiesPerOwner() {
        ReportResult r = run("activity", q1);
        assertEquals(List.of("李伟", "王芳", "赵磊"), Results.labels(r));
        assertEquals(1L, value(r, row(r, "李伟"), "new_customers"));
        assertEquals(2L, value(r, row(r, "李伟"), "activities"));
        assertEquals(1L, value(r, row(r, "王芳"), "activities"));
        assertEquals(1L, value(r, row(r, "赵磊"), "activities"));
        for (ReportRow row : r.rows()) {
            List<DrillRecord> records = drill("activity", q1, row);
            assertEquals(count(value(r, row, "new_customers")), records.stream().filter(d -> d.entity().equals("customer")).count());
            assertEquals(count(value(r, row, "activities")), records.stream().filter(d -> d.entity().equals("activity")).count());
        }
        ReportResult april = run("activity", ReportFilter.all().withPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)));
        assertEquals(List.of("zhou.jie"), Results.labels(april)); // A4 at midnight of the last day counts
    }

    // ---- customer profile: won revenue in the period per customer (CNY): Q1 C1 350000, C2 110000, C3 450000, C4 20000

    @Test
    void customerProfileBySegmentAndValueBand() {
        ReportFilter byIndustry = q1.withBy("industry");
        ReportResult r = run("customer-profile", byIndustry);
        assertEquals(2L, value(r, row(r, "制造业"), "customer_count")); // C1, C4
        assertMoney("370000", value(r, row(r, "制造业"), "won_revenue"));
        assertMoney("110000", value(r, row(r, "物流"), "won_revenue"));
        assertMoney("450000", value(r, row(r, "零售"), "won_revenue"));
        assertDrillTotals("customer-profile", byIndustry, r, "customer_count", "won_revenue");

        // January: C1 100000 (D1), C2 30000 (D6), C3 and C4 nothing
        ReportFilter january = ReportFilter.all().withPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)).withBy("value");
        ReportResult bands = run("customer-profile", january);
        assertEquals(List.of("No revenue won", "Under 100,000", "100,000 to 999,999"), Results.labels(bands));
        assertEquals(2L, value(bands, row(bands, "No revenue won"), "customer_count"));
        assertMoney("0", value(bands, row(bands, "No revenue won"), "won_revenue"));
        assertMoney("30000", value(bands, row(bands, "Under 100,000"), "won_revenue"));
        assertMoney("100000", value(bands, row(bands, "100,000 to 999,999"), "won_revenue"));
        assertDrillTotals("customer-profile", january, bands, "customer_count", "won_revenue");

        ReportResult liWei = run("customer-profile", q1.withBy("region").withOwner("li.wei")); // li.wei's customers C1, C4
        assertEquals(Set.of("华东", "西南"), Set.copyOf(Results.labels(liWei)));
        ReportResult size = run("customer-profile", q1.withBy("size"));
        assertEquals(1L, value(size, row(size, "(not set)"), "customer_count")); // C4
        assertEquals(1L, value(size, row(size, "1,000–9,999"), "customer_count")); // C1, LARGE, by its label
    }
}
