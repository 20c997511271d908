package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.internal.EntityContributions;
import org.salesbench.persistence.internal.EntityContributions.ChangelogDescriptor;
import org.salesbench.persistence.internal.SchemaMigrator;

/** A database made by Salesbench 0.1 (change set customers-1 only) keeps its customers through the upgrade. */
class SchemaUpgradeTest {

    @Test
    void customersOfTheOldSchemaSurviveAndBecomeSearchable() throws Exception {
        DatabaseSettings settings = DatabaseSettings.inMemory("upgrade-" + UUID.randomUUID());
        // the changelogs up to customers' own (the modules it builds on come first; its import targets' engine later)
        List<ChangelogDescriptor> all = EntityContributions.changelogs();
        int customers = all.stream().map(c -> c.bundle().getSymbolicName()).toList().indexOf("org.salesbench.customers");
        assertTrue(customers >= 0, all.toString());
        List<ChangelogDescriptor> changelogs = all.subList(0, customers + 1);
        try (Connection c = Database.connect(settings)) {
            SchemaMigrator.migrate(c, changelogs, "old", 1);
            c.commit();
            c.setAutoCommit(true);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'SB_CUSTOMER_TERM'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the old schema has no term table");
            }
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, "
                    + "UPDATED_BY, OWNER, NAME, NORMALIZED_NAME, STATUS, GRADE) VALUES (?, 1, ?, 'old', ?, 'old', 'old', ?, ?, 'ACTIVE', 'B')")) {
                insert.setLong(1, 900_001);
                insert.setTimestamp(2, now);
                insert.setTimestamp(3, now);
                insert.setString(4, "杭州老客户贸易有限公司");
                insert.setString(5, "杭州老客户贸易");
                insert.executeUpdate();
            }
            c.createStatement().executeUpdate("INSERT INTO SB_CONTACT (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, "
                    + "CUSTOMER_ID, NAME, IS_PRIMARY) VALUES (900002, 1, CURRENT_TIMESTAMP, 'old', CURRENT_TIMESTAMP, 'old', 'old', 900001, '赵老板', TRUE)");
            c.createStatement().executeUpdate("INSERT INTO SB_CONTACT_PHONE (CONTACT_ID, POSITION, PHONE) VALUES (900002, 0, '0571-8888 6666')");
        }
        LocalSecurityService security = new LocalSecurityService("admin");
        try (Database db = Database.open(settings, security)) {
            CustomerService service = new CustomerServiceImpl(db, security, (entity, change, id) -> { });
            assertEquals("杭州老客户贸易有限公司", service.find(900_001).orElseThrow().getName());
            assertEquals(1, service.count(CustomerFilter.text("老客户")), "indexed when the search index is built from the database");
            assertEquals(1, service.count(CustomerFilter.text("057188886666")));
            assertEquals(1, service.count(CustomerFilter.text("赵老板")));
            assertEquals(0L, db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'SB_CUSTOMER_TERM'")
                    .getSingleResult()).longValue()), "customers-4 drops the term table: the search index replaces it");
        }
    }
}
