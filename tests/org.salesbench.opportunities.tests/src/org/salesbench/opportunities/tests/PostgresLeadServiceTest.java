package org.salesbench.opportunities.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.testing.PostgresSchema;

/**
 * Leads on a team database: scoring, duplicate checks and conversion into a customer, contact and
 * opportunity in one transaction (and nothing half made when it fails). Runs on the server
 * {@code SALESBENCH_TEST_PG_URL} names, in schemas of its own that it drops afterwards.
 */
@Tag("postgres")
class PostgresLeadServiceTest extends LeadServiceTest {

    private final List<PostgresSchema> schemas = new ArrayList<>();

    @Override
    OpportunityFixture fixture(Function<OpportunityService, OpportunityService> override) {
        PostgresSchema schema = PostgresSchema.create("l");
        schemas.add(schema);
        return new OpportunityFixture(schema.settings(), override);
    }

    @Override
    @AfterEach
    void close() {
        super.close();
        schemas.forEach(PostgresSchema::close);
    }
}
