package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;
import org.salesbench.persistence.internal.EntityContributions;
import org.salesbench.persistence.internal.EntityContributions.ChangelogDescriptor;
import org.salesbench.persistence.internal.SchemaMigrator;

/**
 * A database whose customers' industries are free text (before customers-13) upgrades to industry codes: a shipped
 * industry named by its code, English or Chinese label (any case, blanks around) becomes its code; any other text is
 * kept and becomes a value of the industry list, labelled as written.
 */
class IndustryUpgradeTest {

    @Test
    void freeTextIndustriesBecomeCodesAndUnknownOnesListValues() throws Exception {
        DatabaseSettings settings = DatabaseSettings.inMemory("industry-upgrade-" + UUID.randomUUID());
        List<ChangelogDescriptor> all = EntityContributions.changelogs();
        int customers = all.stream().map(c -> c.bundle().getSymbolicName()).toList().indexOf("org.salesbench.customers");
        assertTrue(customers >= 0, all.toString());
        Map<String, String> written = new LinkedHashMap<>();
        written.put("甲信息有限公司", "信息技术"); // the demo's Chinese name of Technology
        written.put("乙制造有限公司", "  manufacturing "); // English, another case, blanks around
        written.put("丙金融有限公司", "FINANCE"); // the code itself
        written.put("丁餐饮有限公司", "Food & Beverage");
        written.put("戊矿业有限公司", "太空采矿"); // no shipped industry: kept, and listed
        written.put("己公司", null);
        try (Connection c = Database.connect(settings)) {
            SchemaMigrator.migrate(c, all.subList(0, customers + 1), "old", 13);
            c.commit();
            Timestamp now = new Timestamp(System.currentTimeMillis());
            long id = 900_000;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, "
                    + "UPDATED_BY, OWNER, NAME, NORMALIZED_NAME, STATUS, GRADE, INDUSTRY) VALUES (?, 1, ?, 'old', ?, 'old', 'old', ?, ?, 'ACTIVE', 'B', ?)")) {
                for (Map.Entry<String, String> e : written.entrySet()) {
                    insert.setLong(1, ++id);
                    insert.setTimestamp(2, now);
                    insert.setTimestamp(3, now);
                    insert.setString(4, e.getKey());
                    insert.setString(5, e.getKey());
                    insert.setString(6, e.getValue());
                    insert.executeUpdate();
                }
            }
            c.commit();
        }
        LocalSecurityService security = new LocalSecurityService("admin");
        try (Database db = Database.open(settings, security)) {
            Map<String, String> stored = new LinkedHashMap<>();
            for (Object row : db.read(em -> em.createNativeQuery("SELECT NAME, INDUSTRY FROM SB_CUSTOMER ORDER BY ID").getResultList())) {
                Object[] r = (Object[]) row;
                stored.put((String) r[0], (String) r[1]);
            }
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("甲信息有限公司", "TECHNOLOGY");
            expected.put("乙制造有限公司", "MANUFACTURING");
            expected.put("丙金融有限公司", "FINANCE");
            expected.put("丁餐饮有限公司", "FOOD_BEVERAGE");
            expected.put("戊矿业有限公司", "太空采矿");
            expected.put("己公司", null);
            assertEquals(expected, stored);

            Picklists picklists = Picklists.open(db, security);
            PicklistValue adopted = picklists.find(Picklists.INDUSTRY, "太空采矿").orElseThrow();
            assertEquals("太空采矿", adopted.labelEn(), "labelled as it was written");
            assertEquals("太空采矿", adopted.labelZh());
            assertTrue(adopted.active() && !adopted.builtIn());
            int last = picklists.values(Picklists.INDUSTRY).stream().mapToInt(PicklistValue::position).max().orElseThrow();
            assertEquals(last, adopted.position(), "after the shipped values");
            assertEquals(33, picklists.values(Picklists.INDUSTRY).size(), "32 shipped and the one adopted");
            assertEquals("信息技术", picklists.label(Picklists.INDUSTRY, "TECHNOLOGY", Locale.SIMPLIFIED_CHINESE));
            assertEquals("Technology", picklists.label(Picklists.INDUSTRY, "TECHNOLOGY", Locale.ENGLISH));
            assertEquals("太空采矿", picklists.label(Picklists.INDUSTRY, "太空采矿", Locale.ENGLISH));
        }
    }
}
