package org.salesbench.analytics.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;

/**
 * The same figures on PostgreSQL, where the SQL dialect differs (day counts, months). Runs on the
 * server {@code SALESBENCH_TEST_PG_URL} names (CI starts one: .ci/start-postgres.sh), in a schema
 * of its own that it drops afterwards.
 */
@Tag("postgres")
class PostgresReportFiguresTest extends ReportFiguresTest {

    private PostgresSchema schema;

    @Override
    DatabaseSettings settings() {
        schema = PostgresSchema.create("analytics");
        return schema.settings();
    }

    @Override
    @AfterAll
    void close() {
        super.close();
        if (schema != null) {
            schema.close();
        }
    }
}
