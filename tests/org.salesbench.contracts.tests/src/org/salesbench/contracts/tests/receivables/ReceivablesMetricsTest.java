package org.salesbench.contracts.tests.receivables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.ReportDescriptor;
import org.salesbench.analytics.Unit;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportContributions;

/** Collected revenue is defined once in the analytics catalogue, apart from won revenue, as is every figure of the two reports. */
class ReceivablesMetricsTest {

    private final MetricCatalogue catalogue = new MetricCatalogueImpl(Locale.ENGLISH);

    @Test
    void collectedRevenueIsAMetricOfItsOwnBesideWonRevenue() {
        Metric collected = catalogue.metric("collected_revenue").orElseThrow();
        Metric won = catalogue.metric("won_revenue").orElseThrow();
        assertEquals(Unit.MONEY, collected.unit());
        assertEquals("Collected revenue", collected.label());
        assertNotEquals(won.definition(), collected.definition());
        assertTrue(collected.definition().contains("receipts"), collected.definition());
        assertEquals(1, catalogue.metrics().stream().filter(m -> m.id().equals("collected_revenue")).count());
        assertEquals(Unit.DAYS, catalogue.metric("dso_days").orElseThrow().unit());
    }

    @Test
    void everyFigureOfTheReceivablesReportsIsInTheCatalogue() {
        List<ReportDescriptor> ours = ReportContributions.all().stream().map(ReportContributions.Contribution::descriptor)
                .filter(d -> d.id().equals("ageing") || d.id().equals("collected-revenue")).toList();
        assertEquals(2, ours.size());
        for (ReportDescriptor d : ours) {
            assertTrue(d.metricIds().size() >= 5, d.id());
            for (String id : d.metricIds()) {
                assertTrue(catalogue.metric(id).isPresent(), d.id() + " names " + id + ", not in the catalogue");
            }
        }
        assertEquals(List.of("month", "owner", "team"), ours.stream().filter(d -> d.id().equals("collected-revenue")).findFirst().orElseThrow().dimensions());
    }
}
