package org.salesbench.contracts.tests.receivables;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.salesbench.testing.PostgresSchema;

/**
 * The same figures worked out by hand as {@link ReceivablesReportsTest} (bucket edges, ageing as of a past day,
 * collected revenue, the share collected and DSO per owner and per month) on PostgreSQL, whose reports read the totals
 * its own triggers keep and its own SQL for months.
 */
@Tag("postgres")
class PostgresReceivablesReportsTest extends ReceivablesReportsTest {

    private PostgresSchema schema;

    @Override
    MoneyFixture fixture() {
        schema = PostgresSchema.create("reports");
        return new MoneyFixture(schema.settings());
    }

    @Override
    @AfterEach
    void close() {
        try {
            super.close();
        } finally {
            schema.close();
        }
    }
}
