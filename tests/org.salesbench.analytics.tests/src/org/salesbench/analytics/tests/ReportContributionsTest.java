package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportDescriptor;
import org.salesbench.analytics.internal.ReportContributions;

class ReportContributionsTest {

    @Test
    void theShippedReportsAreContributedInOrder() {
        List<String> ids = ReportContributions.all().stream().map(c -> c.descriptor().id()).toList();
        assertEquals(List.of("funnel", "won-revenue", "win-loss", "sales-cycle", "forecast", "pipeline-trend", "activity", "customer-profile"), ids);
        ReportDescriptor won = ReportContributions.find("won-revenue").orElseThrow().descriptor();
        assertEquals(List.of("owner", "team", "product", "sector", "region", "month"), won.dimensions());
        assertEquals("org.salesbench.analytics", won.contributor());
    }
}
