package org.salesbench.quotes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.internal.EntityContributions;
import org.salesbench.persistence.internal.EntityContributions.ChangelogDescriptor;
import org.salesbench.persistence.internal.SchemaMigrator;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.internal.QuoteServiceImpl;
import org.salesbench.quotes.internal.ThresholdQuoteApprovalService;

/**
 * The quotes changelog moved from the opportunities bundle to this one, and the opportunity's PRODUCT_ID column from
 * it to the opportunities changelog. Liquibase knows a change set by id, author and the changelog path it recorded;
 * these tests show that a database made by the old layout upgrades without running anything twice, and that a new
 * database gets the same schema.
 */
class ChangelogLayoutTest {

    /** Where the quotes changelog lived, and what DATABASECHANGELOG recorded and still records. */
    private static final String RECORDED_PATH = "db/changelog/org.salesbench.opportunities.quotes.xml";
    private static final String OPPORTUNITIES_PATH = "db/changelog/org.salesbench.opportunities.xml";
    /** The change sets the opportunities changelog had before opportunities-10-product. */
    private static final int OLD_OPPORTUNITY_CHANGE_SETS = 9;

    @Test
    void aDatabaseMadeByTheOldLayoutUpgradesAndKeepsItsProducts() throws Exception {
        DatabaseSettings settings = DatabaseSettings.inMemory("quotes-layout-" + UUID.randomUUID());
        List<ChangelogDescriptor> current = EntityContributions.changelogs();
        int opportunities = indexOf(current, OPPORTUNITIES_PATH);
        int quotes = indexOf(current, "db/changelog/org.salesbench.quotes.xml");
        try (Connection c = Database.connect(settings)) {
            // as the opportunities bundle left it: its changelog without the new change set, then quotes-1 and quotes-2
            // from the changelog file as shipped (a copy in this test bundle, at the path it had)
            SchemaMigrator.migrate(c, current.subList(0, opportunities + 1), "old", OLD_OPPORTUNITY_CHANGE_SETS);
            SchemaMigrator.migrate(c, current.subList(opportunities + 1, quotes), "old");
            ChangelogDescriptor shipped = new ChangelogDescriptor(RECORDED_PATH, current.get(quotes).order(), current.get(quotes).bundle());
            SchemaMigrator.migrate(c, List.of(shipped), "old");
            c.commit();
            c.setAutoCommit(true);
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO SB_PRODUCT (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, "
                    + "OWNER, CODE, NAME, UNIT, LIST_PRICE, CURRENCY, TAX_RATE, ACTIVE) VALUES (900001, 1, ?, 'old', ?, 'old', 'old', 'OLD-1', "
                    + "'老版本产品', '套', 8800, 'CNY', 13, TRUE)")) {
                insert.setTimestamp(1, now);
                insert.setTimestamp(2, now);
                insert.executeUpdate();
            }
            assertEquals(Map.of("quotes-1", RECORDED_PATH + " EXECUTED", "quotes-2", RECORDED_PATH + " EXECUTED"), changeLog(c, "quotes-%"));
        }

        LocalSecurityService security = new LocalSecurityService("admin");
        try (Database db = Database.open(settings, security)) { // migrates with today's changelogs: no checksum differs
            Map<String, String> quoteSets = db.read(em -> rows(em.createNativeQuery(
                    "SELECT ID, FILENAME, EXECTYPE FROM DATABASECHANGELOG WHERE ID IN ('quotes-1', 'quotes-2', 'quotes-3', 'opportunities-10-product')")
                    .getResultList()));
            assertEquals(Map.of("quotes-1", RECORDED_PATH + " EXECUTED", "quotes-2", RECORDED_PATH + " EXECUTED",
                    "quotes-3", RECORDED_PATH + " MARK_RAN", "opportunities-10-product", OPPORTUNITIES_PATH + " MARK_RAN"), quoteSets,
                    "nothing ran twice; the new change sets found their work done");
            assertEquals(1, foreignKeys(db));

            Opportunity deal = opportunityNaming(db, 900_001L);
            assertEquals(900_001L, db.read(em -> em.find(Opportunity.class, deal.getId()).getProductId()));
            assertThrows(RuntimeException.class, () -> opportunityNaming(db, 987_654_321L), "the key to SB_PRODUCT holds");
            QuoteServiceImpl quotesService = new QuoteServiceImpl(db, security, (entity, change, id) -> { },
                    new ThresholdQuoteApprovalService(BigDecimal.TEN));
            assertEquals(0, quotesService.listForOpportunity(deal.getId()).size());
            assertEquals("老版本产品", db.read(em -> em.find(org.salesbench.quotes.Product.class, 900_001L).getName()));
        }
    }

    @Test
    void aNewDatabaseGetsTheColumnFromOpportunitiesAndTheKeyFromQuotes() {
        try (QuoteFixture fx = new QuoteFixture()) {
            Map<String, String> sets = fx.db.read(em -> rows(em.createNativeQuery(
                    "SELECT ID, FILENAME, EXECTYPE FROM DATABASECHANGELOG WHERE ID IN ('quotes-1', 'quotes-2', 'quotes-3', 'opportunities-10-product')")
                    .getResultList()));
            assertEquals(Map.of("quotes-1", RECORDED_PATH + " EXECUTED", "quotes-2", RECORDED_PATH + " MARK_RAN",
                    "quotes-3", RECORDED_PATH + " EXECUTED", "opportunities-10-product", OPPORTUNITIES_PATH + " EXECUTED"), sets);
            assertEquals(1, foreignKeys(fx.db));
            Quote quote = fx.quotes.createDraft(fx.draft(QuoteFixture.line(fx.product("NEW-1", "新产品", "100", "13"), "1", "100", "0", "13")));
            assertEquals(1, quote.getVersionNumber());
        }
    }

    private static int indexOf(List<ChangelogDescriptor> changelogs, String path) {
        for (int i = 0; i < changelogs.size(); i++) {
            if (changelogs.get(i).path().equals(path)) {
                return i;
            }
        }
        throw new AssertionError(path + " not among " + changelogs);
    }

    private static Map<String, String> changeLog(Connection c, String idPattern) throws Exception {
        try (PreparedStatement query = c.prepareStatement("SELECT ID, FILENAME, EXECTYPE FROM DATABASECHANGELOG WHERE ID LIKE ?")) {
            query.setString(1, idPattern);
            List<Object[]> found = new ArrayList<>();
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            return rows(found);
        }
    }

    private static Map<String, String> rows(List<?> rows) {
        Map<String, String> byId = new TreeMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            byId.put(String.valueOf(columns[0]), columns[1] + " " + columns[2]);
        }
        return byId;
    }

    private static long foreignKeys(Database db) {
        return db.read(em -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM SYS.SYSCONSTRAINTS WHERE CONSTRAINTNAME = 'FK_SB_OPPORTUNITY_PRODUCT'").getSingleResult()).longValue());
    }

    /** Stores a deal naming the product by id straight through JPA, so the database's key is what checks it. */
    private static Opportunity opportunityNaming(Database db, long productId) {
        return db.write(em -> {
            Customer customer = new Customer("升级客户" + UUID.randomUUID());
            customer.setStatus(CustomerStatus.PROSPECT);
            customer.setNormalizedName(customer.getName());
            em.persist(customer);
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
            Opportunity o = new Opportunity(customer, "升级商机", Money.cny("8800"));
            o.setPipeline(pipeline);
            o.setStage(pipeline.getStages().get(0));
            o.setProbability(pipeline.getStages().get(0).getProbability());
            o.setProductId(productId);
            em.persist(o);
            em.flush();
            return o;
        });
    }
}
