package org.salesbench.workflow.tests;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.testing.PostgresSchema;

/**
 * Two clients of one PostgreSQL database, each with its own connections, services and rule engine, tick a scheduled
 * rule at the same moment: each web deal's actions run once (see {@link ScheduledRuleClaimTest#ticksOnce}).
 */
@Tag("postgres")
class PostgresScheduledRuleTest {

    @Test
    void twoClientsOfOneDatabaseRunEachRecordsActionsOnce() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("ruleclaim");
                RuleFixture first = new RuleFixture(schema.settings());
                RuleFixture second = new RuleFixture(schema.settings())) {
            ScheduledRuleClaimTest.ticksOnce(first, first.rules, second.rules);
        }
    }
}
