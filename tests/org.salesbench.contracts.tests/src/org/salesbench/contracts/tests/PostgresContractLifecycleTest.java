package org.salesbench.contracts.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.salesbench.testing.PostgresSchema;

/**
 * The contract state machine on a team database: every legal and illegal move of {@link ContractLifecycleTest}, the same
 * body, on the server {@code SALESBENCH_TEST_PG_URL} names, in a schema of its own that it drops afterwards.
 */
@Tag("postgres")
class PostgresContractLifecycleTest extends ContractLifecycleTest {

    private PostgresSchema schema;

    @Override
    ContractFixture fixture() {
        schema = PostgresSchema.create("cl");
        return new ContractFixture(schema.settings());
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
