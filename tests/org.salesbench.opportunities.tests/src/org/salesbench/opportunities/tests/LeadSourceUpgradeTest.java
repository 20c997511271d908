package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * A database made before lead sources were a picklist (persistence up to persistence-6, opportunities up to
 * opportunities-18, its own SB_LEAD_SOURCE edited by its users, leads and deals holding sources as codes and as texts)
 * upgrades: every source is a value of the picklist {@code leadSource} as it was (code, order, active, a renamed shipped
 * source with the user's name, a shipped one with its Chinese name), texts naming a source become its code, other texts
 * stay and become values, and the old table is gone.
 */
class LeadSourceUpgradeTest {

    /** Change sets of the opportunities changelog before opportunities-19-lead-source-codes. */
    private static final int OPPORTUNITIES_BEFORE = 20;
    /** Change sets of the persistence changelog before persistence-7-lead-sources. */
    private static final int PERSISTENCE_BEFORE = 6;

    @Test
    void theOldListBecomesThePicklistAndTextsBecomeCodes() throws Exception {
        DatabaseSettings settings = DatabaseSettings.inMemory("lead-source-upgrade-" + UUID.randomUUID());
        List<ChangelogDescriptor> all = EntityContributions.changelogs();
        List<String> names = all.stream().map(c -> c.bundle().getSymbolicName() + ":" + c.path()).toList();
        int opportunities = names.indexOf("org.salesbench.opportunities:db/changelog/org.salesbench.opportunities.xml");
        assertTrue(opportunities > 0 && names.get(0).startsWith("org.salesbench.persistence:"), names.toString());
        Map<String, String> leads = new LinkedHashMap<>();
        leads.put("甲公司", "Web form"); // the shipped English name
        leads.put("乙公司", "展会"); // the shipped Chinese name
        leads.put("丙公司", " referral "); // the code, another case, blanks around (its name was changed)
        leads.put("丁公司", "Word of mouth"); // the name the user gave REFERRAL
        leads.put("戊公司", "wechat"); // a source the user added, by code
        leads.put("己公司", "Billboard"); // in no list: kept, and listed
        leads.put("庚公司", null);
        try (Connection c = Database.connect(settings)) {
            SchemaMigrator.migrate(c, all.subList(0, 1), "old", PERSISTENCE_BEFORE);
            for (int i = 1; i < opportunities; i++) {
                SchemaMigrator.migrate(c, all.subList(i, i + 1), "old", Integer.MAX_VALUE - 1);
            }
            SchemaMigrator.migrate(c, all.subList(opportunities, opportunities + 1), "old", OPPORTUNITIES_BEFORE);
            c.commit();
            assertEquals(0, count(c, "SELECT COUNT(*) FROM SB_PICKLIST_VALUE WHERE LIST_ID = 'leadSource'"), "made before the change");
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement s = c.prepareStatement("UPDATE SB_LEAD_SOURCE SET NAME = 'Word of mouth', NAME_KEY = NULL WHERE CODE = 'REFERRAL'")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE SB_LEAD_SOURCE SET ACTIVE = FALSE WHERE CODE = 'PARTNER'")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO SB_LEAD_SOURCE (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY,"
                    + " OWNER, CODE, NAME, NAME_KEY, POSITION, ACTIVE) VALUES (?, 1, ?, 'old', ?, 'old', 'old', ?, ?, NULL, ?, TRUE)")) {
                Object[][] added = { {"WECHAT", "WeChat", 7}, {"701A1", "Spring webinar", 8} };
                long id = 800_000;
                for (Object[] a : added) {
                    s.setLong(1, ++id);
                    s.setTimestamp(2, now);
                    s.setTimestamp(3, now);
                    s.setString(4, (String) a[0]);
                    s.setString(5, (String) a[1]);
                    s.setInt(6, (Integer) a[2]);
                    s.executeUpdate();
                }
            }
            long id = 900_000;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO SB_LEAD (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY,"
                    + " OWNER, COMPANY, NORMALIZED_COMPANY, STATUS, SCORE, DUPLICATE, SOURCE, CAMPAIGN) VALUES (?, 1, ?, 'old', ?, 'old', 'old', ?, ?,"
                    + " 'NEW', 0, FALSE, ?, ?)")) {
                for (Map.Entry<String, String> e : leads.entrySet()) {
                    insert.setLong(1, ++id);
                    insert.setTimestamp(2, now);
                    insert.setTimestamp(3, now);
                    insert.setString(4, e.getKey());
                    insert.setString(5, e.getKey());
                    insert.setString(6, e.getValue());
                    insert.setString(7, e.getKey().equals("甲公司") ? "Spring webinar" : null);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, "
                    + "UPDATED_BY, OWNER, NAME, NORMALIZED_NAME, STATUS, GRADE) VALUES (950000, 1, ?, 'old', ?, 'old', 'old', '客户', '客户', 'ACTIVE', 'B')")) {
                insert.setTimestamp(1, now);
                insert.setTimestamp(2, now);
                insert.executeUpdate();
            }
            long stage;
            long pipeline;
            try (PreparedStatement s = c.prepareStatement("SELECT ID, PIPELINE_ID FROM SB_STAGE WHERE NAME_KEY = 'Stage_qualification'");
                    ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                stage = rs.getLong(1);
                pipeline = rs.getLong(2);
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO SB_OPPORTUNITY (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT,"
                    + " UPDATED_BY, OWNER, CUSTOMER_ID, NAME, PIPELINE_ID, STAGE_ID, STATE, PROBABILITY, FORECAST_CATEGORY, SOURCE, CAMPAIGN)"
                    + " VALUES (?, 1, ?, 'old', ?, 'old', 'old', 950000, ?, ?, ?, 'OPEN', 10, 'PIPELINE', ?, ?)")) {
                String[][] deals = { {"展会商机", "Trade show", "spring webinar"}, {"口碑商机", "Word of mouth", null}, {"广告商机", "Newspaper ad", "701A1"} };
                for (String[] d : deals) {
                    insert.setLong(1, ++id);
                    insert.setTimestamp(2, now);
                    insert.setTimestamp(3, now);
                    insert.setString(4, d[0]);
                    insert.setLong(5, pipeline);
                    insert.setLong(6, stage);
                    insert.setString(7, d[1]);
                    insert.setString(8, d[2]);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE SB_LEAD_SCORING_RULE SET RULE_VALUE = 'Trade show' WHERE KIND = 'SOURCE' AND RULE_VALUE = 'TRADE_SHOW'")) {
                assertEquals(1, s.executeUpdate());
            }
            c.commit();
        }

        LocalSecurityService security = new LocalSecurityService("admin");
        try (Database db = Database.open(settings, security)) {
            Picklists picklists = Picklists.open(db, security);
            List<PicklistValue> values = picklists.values(Picklists.LEAD_SOURCE);
            assertEquals(List.of("CAMPAIGN", "WEB_FORM", "REFERRAL", "INBOUND_CALL", "TRADE_SHOW", "PARTNER", "OTHER", "WECHAT", "701A1", "Billboard",
                    "Newspaper ad"), values.stream().map(PicklistValue::code).toList(), "the old order, then the texts adopted");
            PicklistValue referral = picklists.find(Picklists.LEAD_SOURCE, "REFERRAL").orElseThrow();
            assertEquals("Word of mouth", referral.labelEn(), "renamed by the user: their name");
            assertEquals("Word of mouth", referral.labelZh());
            assertTrue(referral.builtIn());
            assertEquals("网站表单", picklists.label(Picklists.LEAD_SOURCE, "WEB_FORM", Locale.SIMPLIFIED_CHINESE), "shipped: its Chinese name");
            assertEquals("Web form", picklists.label(Picklists.LEAD_SOURCE, "WEB_FORM", Locale.ENGLISH));
            assertFalse(picklists.find(Picklists.LEAD_SOURCE, "PARTNER").orElseThrow().active(), "inactive stays inactive");
            PicklistValue wechat = picklists.find(Picklists.LEAD_SOURCE, "WECHAT").orElseThrow();
            assertEquals("WeChat", wechat.labelZh());
            assertFalse(wechat.builtIn());
            assertEquals("Billboard", picklists.find(Picklists.LEAD_SOURCE, "Billboard").orElseThrow().labelEn());

            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("甲公司", "WEB_FORM|701A1");
            expected.put("乙公司", "TRADE_SHOW|null");
            expected.put("丙公司", "REFERRAL|null");
            expected.put("丁公司", "REFERRAL|null");
            expected.put("戊公司", "WECHAT|null");
            expected.put("己公司", "Billboard|null");
            expected.put("庚公司", "null|null");
            assertEquals(expected, rows(db, "SELECT COMPANY, SOURCE, CAMPAIGN FROM SB_LEAD ORDER BY ID"));
            Map<String, String> deals = new LinkedHashMap<>();
            deals.put("展会商机", "TRADE_SHOW|701A1");
            deals.put("口碑商机", "REFERRAL|null");
            deals.put("广告商机", "Newspaper ad|701A1");
            assertEquals(deals, rows(db, "SELECT NAME, SOURCE, CAMPAIGN FROM SB_OPPORTUNITY ORDER BY ID"));
            assertEquals(1L, ((Number) db.read(em -> em.createNativeQuery("SELECT COUNT(*) FROM SB_LEAD_SCORING_RULE WHERE KIND = 'SOURCE'"
                    + " AND RULE_VALUE = 'TRADE_SHOW'").getSingleResult())).longValue(), "a scoring rule on the source stores its code");
            assertEquals(0L, ((Number) db.read(em -> em.createNativeQuery("SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'SB_LEAD_SOURCE'")
                    .getSingleResult())).longValue(), "the old table is gone");
        }
    }

    private static Map<String, String> rows(Database db, String sql) {
        return db.read(em -> ((List<?>) em.createNativeQuery(sql).getResultList()).stream().map(r -> (Object[]) r)
                .collect(Collectors.toMap(r -> (String) r[0], r -> r[1] + "|" + r[2], (a, b) -> a, LinkedHashMap::new)));
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
