package org.salesbench.workflow.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.UnitOfWork;

/** The "time in step" report gives the board's figures, one row a step of each pipeline with a process. */
class TimeInStepReportTest {

    private final ProcessFixture f = new ProcessFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private final ReportContext context = new ReportContext() {
        @Override
        public UnitOfWork unitOfWork() {
            return f.db;
        }

        @Override
        public MetricCatalogue metrics() {
            return new MetricCatalogue() {
                @Override
                public List<Metric> metrics() {
                    return List.of();
                }

                @Override
                public Optional<Metric> metric(String id) {
                    return Optional.empty();
                }
            };
        }

        @Override
        public SecurityService security() {
            return f.security;
        }

        @Override
        public Locale locale() {
            return Locale.ENGLISH;
        }
    };

    @Test
    void aRowPerStepWithTheBoardsFiguresAndTheRecordsBehindIt() {
        long id = f.opportunity("A", "tester").getId();
        f.opportunity("B", "tester");
        long pipelineId = f.newBusiness().getId();
        ReportResult all = new TimeInStepReport().run(context, ReportFilter.all());
        assertEquals(6 + 5 + 6, all.rows().size(), "every step of the three shipped processes");

        ReportResult result = new TimeInStepReport().run(context, ReportFilter.all().withPipelineId(pipelineId));
        assertEquals(6, result.rows().size());
        ReportRow discovery = result.rows().get(1);
        assertEquals("Needs discovery", discovery.value(result.columnIndex("step")));
        assertEquals(2L, discovery.value(result.columnIndex("records")));
        // the report runs on the real clock: the fixture's deals entered 30 days ago, past the step's 14-day SLA
        assertEquals(2L, discovery.value(result.columnIndex("overdue")));
        assertEquals(BigDecimal.valueOf(30.0).setScale(1), discovery.value(result.columnIndex("p90_days")));
        assertEquals(null, result.rows().get(3).value(result.columnIndex("average_days")), "no stay in Proposal yet");
        List<DrillRecord> behind = new TimeInStepReport().drillDown(context, ReportFilter.all(), discovery.drillKey());
        assertEquals(id, behind.get(0).id());
        assertEquals(2, behind.size());
    }
}
