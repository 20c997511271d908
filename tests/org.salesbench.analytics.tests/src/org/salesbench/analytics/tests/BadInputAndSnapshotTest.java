package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.analytics.tests.Results.assertMoney;
import static org.salesbench.analytics.tests.Results.value;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportDescriptor;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.internal.DailyPipelineSnapshots;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;

class BadInputAndSnapshotTest {

    private SalesData data;

    @BeforeEach
    void fill() {
        data = new SalesData();
    }

    @AfterEach
    void close() {
        data.close();
    }

    private List<String> reportIds() {
        return data.reports.reports().stream().map(ReportDescriptor::id).toList();
    }

    @Test
    void aPeriodEndingBeforeItStartsNamesTheField() {
        ReportFilter backwards = ReportFilter.all().withPeriod(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 1, 1));
        for (String report : reportIds()) {
            ValidationException e = assertThrows(ValidationException.class, () -> data.reports.run(report, backwards), report);
            assertNotNull(e.errorOf("to"), report);
            assertTrue(e.errorOf("to").message().contains("To"), e.errorOf("to").message());
            assertThrows(ValidationException.class, () -> data.reports.drillDown(report, backwards, "x"), report);
        }
    }

    @Test
    void anUnknownReportOrDimensionIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> data.reports.run("revenue", ReportFilter.all()));
        assertTrue(e.getMessage().contains("revenue") && e.getMessage().contains("won-revenue") && e.getMessage().contains("funnel"), e.getMessage());
        ValidationException by = assertThrows(ValidationException.class, () -> data.reports.run("won-revenue", ReportFilter.all().withBy("colour")));
        assertNotNull(by.errorOf("by"));
        assertTrue(by.errorOf("by").message().contains("colour"), by.errorOf("by").message());
    }

    @Test
    void aPeriodWithoutDataGivesEmptyResults() {
        ReportFilter future = ReportFilter.all().withPeriod(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31));
        for (String report : reportIds()) {
            ReportResult result = data.reports.run(report, future);
            if (report.equals("customer-profile")) {
                // customers are counted whenever created; the period only selects the revenue, which is nothing
                result.rows().forEach(row -> assertMoney("0", value(result, row, "won_revenue")));
                continue;
            }
            assertTrue(result.isEmpty(), report + " " + result.rows());
            assertEquals("CNY", result.currency(), report);
            assertTrue(!result.columns().isEmpty(), report);
        }
    }

    @Test
    void aDeletedOrUnknownOwnerOrTeamGivesEmptyResults() {
        for (String report : reportIds()) {
            assertTrue(data.reports.run(report, ReportFilter.all().withOwner("former.employee")).isEmpty(), report);
            assertTrue(data.reports.run(report, ReportFilter.all().withTeamId(987654321L)).isEmpty(), report);
        }
        // a deleted user: the login stays on the deals, so their history still reports
        data.db.write(em -> em.createNativeQuery("DELETE FROM SB_USER WHERE LOGIN = 'wang.fang'").executeUpdate());
        ReportResult r = data.reports.run("won-revenue", ReportFilter.all().withPeriod(SalesData.Q1_FROM, SalesData.Q1_TO).withOwner("wang.fang"));
        assertEquals("wang.fang", r.rows().get(0).value(0));
    }

    @Test
    void snapshotsRecordTheOpenPipelinePerDay() {
        LocalDate first = LocalDate.of(2026, 11, 1);
        LocalDate second = LocalDate.of(2026, 11, 2);
        assertEquals(3, data.reports.snapshot(first)); // O1 (NA, li.wei), O2 (Proposal, wang.fang), O3 (Q, zhao.lei): one row each
        assertEquals(3, data.reports.snapshot(first), "taking a day's snapshot again replaces it");
        data.opportunities.markLost(data.id("O3"), "预算", second);
        assertEquals(2, data.reports.snapshot(second));

        ReportResult trend = data.reports.run("pipeline-trend", ReportFilter.all());
        assertEquals(2, trend.rows().size());
        ReportRow day1 = trend.rows().get(0);
        assertEquals(first, day1.value(0));
        assertEquals("New business", day1.value(1));
        assertEquals(3L, value(trend, day1, "snapshot_count"));
        assertMoney("410000", value(trend, day1, "snapshot_amount")); // 200000 + 120000 + 90000
        ReportRow day2 = trend.rows().get(1);
        assertEquals(2L, value(trend, day2, "snapshot_count"));
        assertMoney("320000", value(trend, day2, "snapshot_amount"));

        ReportResult liWei = data.reports.run("pipeline-trend", ReportFilter.all().withOwner("li.wei"));
        assertMoney("200000", value(liWei, liWei.rows().get(0), "snapshot_amount"));
        ReportResult fromSecond = data.reports.run("pipeline-trend", ReportFilter.all().withFrom(second));
        assertEquals(List.of(second), fromSecond.rows().stream().map(row -> row.value(0)).toList());
    }

    @Test
    void theDailySnapshotJobRecordsTodayAndComesBackAfterMidnight() throws Exception {
        System.setProperty(DailyPipelineSnapshots.DELAY_PROPERTY, "0");
        DailyPipelineSnapshots daily;
        try {
            daily = new DailyPipelineSnapshots(data.reports);
        } finally {
            System.clearProperty(DailyPipelineSnapshots.DELAY_PROPERTY);
        }
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            ReportResult trend = data.reports.run("pipeline-trend", ReportFilter.all());
            while (trend.rows().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                trend = data.reports.run("pipeline-trend", ReportFilter.all());
            }
            assertEquals(List.of(LocalDate.now(Clocks.system())), trend.rows().stream().map(row -> row.value(0)).distinct().toList());
            assertEquals(3L, value(trend, trend.rows().get(0), "snapshot_count")); // the three open deals, as above
            assertEquals(1, Job.getJobManager().find(DailyPipelineSnapshots.FAMILY).length, "rescheduled for the next day");
        } finally {
            daily.stop();
        }
        assertEquals(java.time.Duration.ofMinutes(6), DailyPipelineSnapshots.untilAfterMidnight(LocalDate.of(2026, 11, 27).atTime(23, 59)));
    }
}
