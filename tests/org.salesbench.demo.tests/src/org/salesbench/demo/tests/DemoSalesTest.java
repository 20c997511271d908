package org.salesbench.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.demo.DemoData;
import org.salesbench.demo.DemoDataGenerator;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.LeadRow;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.OpportunityRow;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.LeadServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.internal.ProductCatalogImpl;
import org.salesbench.quotes.internal.ProductServiceImpl;
import org.salesbench.quotes.internal.QuoteServiceImpl;
import org.salesbench.quotes.internal.QuoteStageRule;
import org.salesbench.quotes.internal.ThresholdQuoteApprovalService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.internal.UserServiceImpl;

/** The sales side of the demo data, on the real services over Derby in memory, wired as DS wires them. */
class DemoSalesTest {

    private static final long SEED = 20_261_127L;

    /** The services of one in-memory database, the quote stage rule registered as DS would. */
    static final class Stack implements AutoCloseable {
        final UserServiceImpl userService;
        final Database db;
        final CustomerServiceImpl customers;
        final PipelineServiceImpl pipelines;
        final OpportunityServiceImpl opportunities;
        final LeadServiceImpl leads;
        final ProductServiceImpl products;
        final QuoteServiceImpl quotes;
        final DemoData demo;

        Stack() {
            LocalSecurityService security = new LocalSecurityService("admin");
            DomainEventPublisher quiet = (e, c, id) -> { };
            db = Database.open(DatabaseSettings.inMemory("demo-sales-" + UUID.randomUUID()), security);
            customers = new CustomerServiceImpl(db, security, quiet);
            pipelines = new PipelineServiceImpl(db, security, quiet);
            opportunities = new OpportunityServiceImpl(db, security, quiet);
            opportunities.addStageRule(new QuoteStageRule(db));
            leads = new LeadServiceImpl(db, security, quiet, customers, customers, opportunities);
            products = new ProductServiceImpl(db, security, quiet);
            opportunities.setProductCatalog(new ProductCatalogImpl(products));
            quotes = new QuoteServiceImpl(db, security, quiet, new ThresholdQuoteApprovalService(BigDecimal.TEN));
            userService = new UserServiceImpl(db, security);
            demo = new DemoData(customers, userService, db, leads, opportunities, pipelines, products, quotes);
        }

        long count(String entity) {
            return db.read(em -> em.createQuery("SELECT COUNT(x) FROM " + entity + " x", Long.class).getSingleResult());
        }

        /** What a user sees of the sales data, independent of ids and insertion times. */
        Map<String, Long> signature() {
            Map<String, Long> s = new TreeMap<>();
            for (OpportunityRow r : opportunities.page(OpportunityFilter.ALL, 0, 10_000)) {
                s.merge("opportunity " + r.name() + "|" + r.customerName() + "|" + r.amount() + "|" + r.expectedCloseDate() + "|"
                        + r.stageLabel() + "|" + r.state() + "|" + r.probability() + "|" + r.owner(), 1L, Long::sum);
            }
            for (LeadRow r : leads.page(LeadFilter.ALL, 0, 10_000)) {
                s.merge("lead " + r.company() + "|" + r.status() + "|" + r.duplicate() + "|" + r.score(), 1L, Long::sum);
            }
            s.put("quotes", count("Quote"));
            s.put("quote lines", count("QuoteLine"));
            s.put("stage history", count("StageHistory"));
            s.put("products", count("Product"));
            return s;
        }

        @Override
        public void close() {
            db.close();
        }
    }

    private Stack stack;

    @BeforeEach
    void open() {
        stack = new Stack();
    }

    @AfterEach
    void close() {
        stack.close();
    }

    @Test
    void aFillMakesTheCatalogueLeadsInEveryStatusAndDealsInEveryPipeline() {
        long started = System.nanoTime();
        assertEquals(200, stack.demo.fill(200, SEED, new NullProgressMonitor()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("demo fill of 200 took " + millis + " ms");

        assertEquals(200, stack.customers.count(CustomerFilter.ALL), "conversions attach to demo customers, they add none");
        List<Product> catalogue = stack.products.list(true);
        assertEquals(12, catalogue.size());
        assertTrue(catalogue.stream().anyMatch(p -> p.getName().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)));
        assertTrue(catalogue.stream().anyMatch(p -> p.getName().chars().allMatch(c -> c < 128)));
        assertTrue(catalogue.stream().allMatch(p -> "CNY".equals(p.getListPrice().getCurrency())
                && (p.getTaxRate().compareTo(BigDecimal.valueOf(6)) == 0 || p.getTaxRate().compareTo(BigDecimal.valueOf(13)) == 0)));

        assertEquals(DemoData.leadCount(200), stack.leads.count(LeadFilter.ALL));
        for (LeadStatus status : LeadStatus.values()) {
            assertTrue(stack.leads.count(new LeadFilter(null, Set.of(status), null, false)) > 0, "leads " + status);
        }
        assertTrue(stack.leads.count(new LeadFilter(null, Set.of(), null, true)) > 0, "some leads carry a customer's name");
        Set<String> users = Set.copyOf(DemoDataGenerator.USERS.stream().map(u -> u[0]).toList());
        assertTrue(stack.leads.page(LeadFilter.ALL, 0, 1_000).stream().allMatch(l -> users.contains(l.owner())));

        long deals = stack.opportunities.count(OpportunityFilter.ALL);
        assertTrue(deals >= DemoData.opportunityCount(200), "about half the customers have a deal: " + deals);
        List<Pipeline> pipelines = stack.pipelines.pipelines(true);
        assertEquals(3, pipelines.size());
        for (Pipeline p : pipelines) {
            long inPipeline = stack.opportunities.count(filter(p.getId(), Set.of()));
            assertTrue(inPipeline > 0, "deals in " + p.getLabel());
        }
        long won = stack.opportunities.count(filter(null, EnumSet.of(StageKind.WON)));
        long lost = stack.opportunities.count(filter(null, EnumSet.of(StageKind.LOST)));
        assertTrue(won > 0 && lost > 0, won + " won, " + lost + " lost");
        List<OpportunityRow> rows = stack.opportunities.page(OpportunityFilter.ALL, 0, 10_000);
        assertTrue(rows.stream().allMatch(r -> users.contains(r.owner())), "owned by the demo team");
        long closedWithoutDate = stack.db.read(em -> em.createQuery(
                "SELECT COUNT(o) FROM Opportunity o WHERE o.state <> :open AND o.closedOn IS NULL", Long.class)
                .setParameter("open", StageKind.OPEN).getSingleResult());
        assertEquals(0, closedWithoutDate, "won and lost deals have their day");
        long lostWithoutReason = stack.db.read(em -> em.createQuery(
                "SELECT COUNT(o) FROM Opportunity o WHERE o.state = :lost AND o.lossReason IS NULL", Long.class)
                .setParameter("lost", StageKind.LOST).getSingleResult());
        assertEquals(0, lostWithoutReason);
        // codes stored, labels shown: every lead source, loss reason and industry the demo wrote is a code of its list
        for (String[] column : new String[][] { { "SB_LEAD", "SOURCE", "leadSource" }, { "SB_OPPORTUNITY", "SOURCE", "leadSource" },
                { "SB_OPPORTUNITY", "LOSS_REASON", "lossReason" }, { "SB_CUSTOMER", "INDUSTRY", "industry" } }) {
            String values = "SELECT COUNT(*) FROM " + column[0] + " WHERE " + column[1] + " IS NOT NULL AND " + column[1]
                    + " %s (SELECT CODE FROM SB_PICKLIST_VALUE WHERE LIST_ID = '" + column[2] + "')";
            assertEquals(0L, stack.db.read(em -> ((Number) em.createNativeQuery(values.formatted("NOT IN")).getSingleResult()).longValue()),
                    String.join(".", column));
            assertTrue(stack.db.read(em -> ((Number) em.createNativeQuery(values.formatted("IN")).getSingleResult()).longValue()) > 0,
                    String.join(".", column));
        }
        assertTrue(stack.count("StageHistory") > deals, "moves wrote history beyond the first row of each deal");
        long inNegotiationWithoutQuote = stack.db.read(em -> em.createQuery(
                "SELECT COUNT(o) FROM Opportunity o WHERE o.stage.name IN ('Negotiation', 'Renewal negotiation')"
                        + " AND NOT EXISTS (SELECT q FROM Quote q WHERE q.opportunity = o)", Long.class).getSingleResult());
        assertEquals(0, inNegotiationWithoutQuote, "the quote rule was met, not bypassed");
        assertTrue(stack.count("Quote") > 0 && stack.count("QuoteLine") >= stack.count("Quote"));
        assertNotNull(stack.db.read(em -> em.createQuery("SELECT MIN(o.expectedCloseDate) FROM Opportunity o").getSingleResult()));

        // a year of history for the reports: closed deals spread over the months, engaged before they closed
        long closedMonths = stack.db.read(em -> em.createQuery(
                "SELECT COUNT(DISTINCT o.expectedCloseDate) FROM Opportunity o WHERE o.state <> :open", Long.class)
                .setParameter("open", StageKind.OPEN).getSingleResult());
        assertTrue(closedMonths > 20, "closed on many different days: " + closedMonths);
        long engagedAfterClose = stack.db.read(em -> em.createQuery(
                "SELECT COUNT(o) FROM Opportunity o WHERE o.engagedOn IS NULL OR (o.closedOn IS NOT NULL AND o.engagedOn > o.closedOn)",
                Long.class).getSingleResult());
        assertEquals(0, engagedAfterClose);
        long withoutProduct = stack.db.read(em -> em.createQuery("SELECT COUNT(o) FROM Opportunity o WHERE o.productId IS NULL AND o.leadId IS NULL", Long.class)
                .getSingleResult());
        assertEquals(0, withoutProduct, "every demo deal not converted from a lead is mainly about one product");
        assertEquals(java.util.Set.of("华东销售部", "华南销售部"),
                stack.userService.teams().stream().map(org.salesbench.users.Team::getName).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void theSameSeedGivesTheSameSalesData() {
        stack.demo.fill(40, 5, new NullProgressMonitor());
        Map<String, Long> first = stack.signature();
        try (Stack other = new Stack()) {
            other.demo.fill(40, 5, new NullProgressMonitor());
            assertEquals(first, other.signature());
        }
        try (Stack other = new Stack()) {
            other.demo.fill(40, 6, new NullProgressMonitor());
            assertFalse(first.equals(other.signature()), "another seed, other data");
        }
    }

    @Test
    void resetRemovesTheDemoSalesDataAndRefillsTheSameCounts() {
        stack.demo.fill(50, DemoData.DEFAULT_SEED, new NullProgressMonitor());
        Map<String, Long> before = counts();
        stack.demo.reset(50, new NullProgressMonitor());
        assertEquals(before, counts());
        assertEquals(12, stack.count("Product"), "the catalogue is reused, not duplicated");
    }

    private Map<String, Long> counts() {
        Map<String, Long> c = new TreeMap<>();
        for (String entity : List.of("Customer", "Lead", "Opportunity", "StageHistory", "Quote", "QuoteLine", "Product")) {
            c.put(entity, stack.count(entity));
        }
        return c;
    }

    private static OpportunityFilter filter(Long pipelineId, Set<StageKind> states) {
        return new OpportunityFilter(null, pipelineId, Set.of(), states, Set.of(), false, false);
    }
}
