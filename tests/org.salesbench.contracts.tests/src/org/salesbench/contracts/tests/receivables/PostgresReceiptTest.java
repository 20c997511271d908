package org.salesbench.contracts.tests.receivables;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.salesbench.testing.PostgresSchema;

/**
 * The tests of {@link ReceiptTest}, the same bodies, on the server {@code SALESBENCH_TEST_PG_URL} names, each in a schema of
 * its own that it drops afterwards: issue 13 asks for them on Derby and PostgreSQL.
 */
@Tag("postgres")
class PostgresReceiptTest extends ReceiptTest {

    private PostgresSchema schema;

    @Override
    MoneyFixture fixture() {
        schema = PostgresSchema.create("rc");
        return new MoneyFixture(schema.settings());
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
