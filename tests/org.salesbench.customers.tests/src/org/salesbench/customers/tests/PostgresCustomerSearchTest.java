package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;

/**
 * The customer search index of a client on a team database: what another user writes is found on this client's
 * next query, and two databases on one server (two schemas) keep apart. Runs on the server {@code SALESBENCH_TEST_PG_URL}
 * names, in schemas of its own that it drops afterwards.
 */
@Tag("postgres")
class PostgresCustomerSearchTest {

    private final PostgresSchema[] schemas = new PostgresSchema[2];

    @Test
    void anotherUsersCustomerIsFoundAndTwoDatabasesOnOneServerKeepTheirOwnIndexes() throws Exception {
        DatabaseSettings east = schema(0);
        DatabaseSettings south = schema(1);
        assertNotEquals(east.searchIndexFolder(), south.searchIndexFolder(), "one index per database, not per server");
        LocalSecurityService security = new LocalSecurityService("tester");
        try (Database db = Database.open(east, security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            try {
                service.create(CustomerFixture.customer("宁波北仑港口物流有限公司"));
                assertEquals(1, service.count(CustomerFilter.text("北仑")));
                try (Connection otherClient = Database.connect(east)) {
                    CustomerSearchIndexTest.insertRaw(otherClient, 990_101, "绍兴柯桥轻纺有限公司", Instant.now(Clocks.system()));
                    if (!otherClient.getAutoCommit()) {
                        otherClient.commit();
                    }
                }
                assertEquals(java.util.List.of(990_101L), service.idsByName("绍兴柯桥轻纺有限公司"),
                        "a look-up by name catches up first on a server database: another user's customer is found");
                assertEquals(1, service.count(CustomerFilter.text("柯桥")), "another user's new customer is found on the next query");
                assertEquals(2, service.count(CustomerFilter.ALL));
            } finally {
                service.search().close();
            }
        }
        try (Database db = Database.open(south, security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            try {
                assertEquals(0, service.count(CustomerFilter.ALL), "the other schema's customers are not in this database's index");
            } finally {
                service.search().close();
            }
        }
    }

    private DatabaseSettings schema(int i) {
        schemas[i] = PostgresSchema.create("s");
        return schemas[i].settings();
    }

    @AfterEach
    void dropSchemas() {
        for (PostgresSchema schema : schemas) {
            if (schema != null) {
                schema.close();
            }
        }
    }
}
