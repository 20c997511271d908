package org.salesbench.opportunities.tests;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The furthest stage on a team database, where a PL/pgSQL trigger keeps it. Runs where
 * {@code SALESBENCH_TEST_PG_URL} names a server (CI sets it), in a schema of its own that it drops afterwards.
 */
class PostgresReachedPositionTest extends ReachedPositionTest {

    private static final String USER = "salesbench_test";

    private String url;
    private String schema;

    @Override
    OpportunityFixture fixture() {
        url = System.getenv("SALESBENCH_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "SALESBENCH_TEST_PG_URL is not set");
        schema = "r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        return new OpportunityFixture(new DatabaseSettings(url + "?currentSchema=" + schema, USER, USER), null);
    }

    @Override
    @AfterEach
    void close() {
        super.close();
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private void execute(String sql) {
        try (Connection c = Database.connect(new DatabaseSettings(url, USER, USER)); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
