package org.salesbench.analytics.tests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;

/**
 * The recycle bin on PostgreSQL, where the cascades, the board's stage totals and the purged leads' links are
 * plpgsql triggers: each test on a schema of its own on the server {@code SALESBENCH_TEST_PG_URL} names, dropped afterwards.
 */
@Tag("postgres")
class PostgresRecycleBinTest extends RecycleBinTest {

    private PostgresSchema schema;

    @Override
    DatabaseSettings settings() {
        schema = PostgresSchema.create("recyclebin");
        return schema.settings();
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
