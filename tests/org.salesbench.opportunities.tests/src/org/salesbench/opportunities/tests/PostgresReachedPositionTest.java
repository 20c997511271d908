package org.salesbench.opportunities.tests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.salesbench.testing.PostgresSchema;

/**
 * The furthest stage on a team database, where a PL/pgSQL trigger keeps it. Runs on the server
 * {@code SALESBENCH_TEST_PG_URL} names, in a schema of its own that it drops afterwards.
 */
@Tag("postgres")
class PostgresReachedPositionTest extends ReachedPositionTest {

    private PostgresSchema schema;

    @Override
    OpportunityFixture fixture() {
        schema = PostgresSchema.create("r");
        return new OpportunityFixture(schema.settings(), null);
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
