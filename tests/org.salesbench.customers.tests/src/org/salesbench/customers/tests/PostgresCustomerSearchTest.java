package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The customer search index of a client on a team database: what another user writes is found on this client's
 * next query, and two databases on one server (two schemas) keep apart. Runs where {@code SALESBENCH_TEST_PG_URL}
 * names a server (CI sets it), in schemas of its own that it drops afterwards.
 */
class PostgresCustomerSearchTest {

    private static final String USER = "salesbench_test";

    private String url;
    private final String[] schemas = new String[2];

    @Test
    void anotherUsersCustomerIsFoundAndTwoDatabasesOnOneServerKeepTheirOwnIndexes() throws Exception {
        url = System.getenv("SALESBENCH_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "SALESBENCH_TEST_PG_URL is not set");
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
                    CustomerSearchIndexTest.insertRaw(otherClient, 990_101, "绍兴柯桥轻纺有限公司", Instant.now());
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
        schemas[i] = "s_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schemas[i]);
        return new DatabaseSettings(url + "?currentSchema=" + schemas[i], USER, USER);
    }

    @AfterEach
    void dropSchemas() {
        for (String schema : schemas) {
            if (schema != null) {
                execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void execute(String sql) {
        try (Connection c = Database.connect(new DatabaseSettings(url, USER, USER)); Statement s = c.createStatement()) {
            s.execute(sql);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
