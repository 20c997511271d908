package org.salesbench.analytics.dashboards.tests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.salesbench.testing.PostgresSchema;

/**
 * The manager dashboard's figures (KPIs against the period before, charts, tables) on a team database,
 * where the tiles' SQL meets PostgreSQL's dialect. Runs on the server {@code SALESBENCH_TEST_PG_URL}
 * names, in a schema of its own that it drops afterwards.
 */
@Tag("postgres")
class PostgresDashboardTileRunTest extends DashboardTileRunTest {

    private PostgresSchema schema;

    @Override
    DashboardFixture fixture() {
        schema = PostgresSchema.create("d");
        return new DashboardFixture(schema.settings());
    }

    @Override
    @AfterEach
    void close() {
        super.close();
        if (schema != null) {
            schema.close();
        }
    }
}
