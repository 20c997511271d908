package org.salesbench.contracts.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.salesbench.testing.PostgresSchema;

/**
 * The state machine of {@link ContractLifecycleTest} on PostgreSQL: every legal move reaches its target, every illegal
 * one is refused naming both states and leaves the contract as it was, the status moves writing through PostgreSQL's
 * dialect, its row security set up and the receivables totals' triggers.
 */
@Tag("postgres")
class PostgresContractLifecycleTest extends ContractLifecycleTest {

    private PostgresSchema schema;

    @Override
    ContractFixture fixture() {
        schema = PostgresSchema.create("lifecycle");
        return new ContractFixture(schema.settings());
    }

    @Override
    @AfterAll
    void close() {
        try {
            super.close();
        } finally {
            if (schema != null) {
                schema.close();
            }
        }
    }
}
