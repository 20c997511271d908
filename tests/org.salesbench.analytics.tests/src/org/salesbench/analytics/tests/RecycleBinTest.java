package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.analytics.tests.SalesData.Q1_FROM;
import static org.salesbench.analytics.tests.SalesData.Q1_TO;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.core.model.Money;
import org.salesbench.core.recyclebin.DeletedRecord;
import org.salesbench.core.recyclebin.Dependent;
import org.salesbench.core.recyclebin.PurgeRefusedException;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.core.recyclebin.RecycleBinRegistry;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Activity;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.internal.ActivitiesInRecycleBin;
import org.salesbench.customers.internal.ContactsInRecycleBin;
import org.salesbench.opportunities.BoardColumn;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.ForecastGrouping;
import org.salesbench.opportunities.ForecastQuery;
import org.salesbench.opportunities.ForecastRow;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.internal.LeadServiceImpl;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.internal.QuoteServiceImpl;
import org.salesbench.quotes.internal.ThresholdQuoteApprovalService;

/**
 * Deleting a customer on the hand-built data set of {@link SalesData}: C3 南方零售 (zhao.lei) with its won deals D4 400000
 * and D5 50000, lost L3, open O3 90000 (New business), three activities, a quote on O3 and a lead marked its duplicate.
 * Deletion takes it and its deals out of every list, count, report, board and forecast; restore brings the same figures
 * back; purge is refused while its deals exist and allowed once they are purged, and the lead then loses the id.
 */
class RecycleBinTest {

    SalesData data;
    QuoteServiceImpl quotes;
    LeadServiceImpl leads;
    RecycleBinRegistry bin;

    /** The database: Derby in memory. */
    DatabaseSettings settings() {
        return DatabaseSettings.inMemory("recycle-bin-" + UUID.randomUUID());
    }

    @BeforeEach
    void open() {
        data = new SalesData(settings());
        quotes = new QuoteServiceImpl(data.db, data.security, data.publisher, new ThresholdQuoteApprovalService(BigDecimal.TEN));
        leads = new LeadServiceImpl(data.db, data.security, data.publisher, data.customers, data.customers, data.opportunities);
        bin = new RecycleBinRegistry(data.security, Clocks.system());
        List.of(data.customers, data.opportunities, leads, quotes, new ContactsInRecycleBin(data.db, data.security, data.publisher),
                new ActivitiesInRecycleBin(data.db, data.security, data.publisher)).forEach(bin::add);
    }

    @AfterEach
    void close() {
        if (data != null) {
            data.close();
        }
    }

    /** What the lists, the reports, the board and the forecast show. */
    record Figures(long customers, long opportunities, long leads, long quotesOfO3, BigDecimal wonQ1, long wonQ1Count, long boardDeals,
            BigDecimal boardOpenCny, long forecastDeals, BigDecimal forecastCny) {
    }

    Figures figures() {
        ReportResult won = data.reports.run("won-revenue", ReportFilter.all().withPeriod(Q1_FROM, Q1_TO).withBy("owner"));
        BigDecimal wonTotal = won.rows().stream().map(r -> (BigDecimal) Results.value(won, r, "won_revenue")).reduce(BigDecimal.ZERO, BigDecimal::add);
        long wonCount = won.rows().stream().mapToLong(r -> Results.count(Results.value(won, r, "won_count"))).sum();
        List<BoardColumn> board = data.opportunities.board(data.newBusiness.getId(), BoardFilter.ALL, 0).columns();
        List<ForecastRow> forecast = data.forecast.forecast(new ForecastQuery(YearMonth.of(2025, 1), YearMonth.of(2027, 12), ForecastGrouping.NONE,
                null, null, null));
        return new Figures(data.customers.count(CustomerFilter.ALL), data.opportunities.count(OpportunityFilter.ALL), leads.count(LeadFilter.ALL),
                quotes.listForOpportunity(data.id("O3")).size(), wonTotal.stripTrailingZeros(), wonCount,
                board.stream().mapToLong(BoardColumn::count).sum(),
                board.stream().flatMap(c -> c.totals().stream()).filter(m -> m.getCurrency().equals("CNY")).map(Money::getAmount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros(),
                forecast.stream().mapToLong(ForecastRow::count).sum(),
                forecast.stream().map(ForecastRow::amount).filter(m -> m != null && m.getCurrency().equals("CNY")).map(Money::getAmount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros());
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value).stripTrailingZeros();
    }

    /** A quote on O3 and a lead for the same company, which screening marks a duplicate of C3. */
    private Lead quoteAndLead() {
        Opportunity o3 = data.opportunities.find(data.id("O3")).orElseThrow();
        Product p1 = data.products.list(true).stream().filter(p -> p.getCode().equals("P1")).findFirst().orElseThrow();
        Quote quote = new Quote(o3, LocalDate.now(Clocks.system()).plusDays(30));
        quote.addLine(new QuoteLine(p1, new BigDecimal("9"), new BigDecimal("10000"), BigDecimal.ZERO, new BigDecimal("0.13")));
        quotes.createDraft(quote);
        Lead lead = new Lead("南方零售");
        lead.setContactName("陈静");
        Lead created = leads.create(lead);
        assertEquals(data.id("C3"), created.getDuplicateCustomerId(), "screening links the lead to the customer of the same name");
        return created;
    }

    @Test
    void aDeletedCustomerAndItsDealsLeaveEveryFigureAndComeBackTheSame() {
        Lead lead = quoteAndLead();
        long c3 = data.id("C3");
        Figures before = figures();
        assertEquals(new Figures(4, 17, 1, 1, amount("930000"), 7, 3, amount("410000"), before.forecastDeals(),
                before.forecastCny()), before, "the data set as SalesData describes it");

        // the confirmation names what depends on it and what happens to it
        Map<String, Dependent> dependents = bin.dependents(Customer.ENTITY, c3).stream().collect(Collectors.toMap(Dependent::entity, d -> d));
        assertEquals(4, dependents.get(Opportunity.ENTITY).count()); // D4, D5, L3, O3
        assertEquals(Dependent.Fate.MOVED_TO_BIN, dependents.get(Opportunity.ENTITY).fate());
        assertTrue(dependents.get(Opportunity.ENTITY).blocksPurge());
        assertEquals(1, dependents.get(Quote.ENTITY).count());
        assertEquals(3, dependents.get("activity").count());
        assertEquals(1, dependents.get(Lead.ENTITY).count());
        assertEquals(Dependent.Fate.KEEP_LINK, dependents.get(Lead.ENTITY).fate());
        assertFalse(dependents.get(Lead.ENTITY).blocksPurge());
        assertFalse(dependents.containsKey("contact"), "none: kinds with nothing depending are left out");
        assertTrue(dependents.get(Opportunity.ENTITY).describe().contains("4"), dependents.get(Opportunity.ENTITY).describe());

        data.customers.delete(c3);
        Figures deleted = figures();
        assertEquals(new Figures(3, 13, 1, 0, amount("480000"), 5, 2, amount("320000"), before.forecastDeals() - 3,
                before.forecastCny().subtract(amount("540000")).stripTrailingZeros()), deleted,
                "C3, its four deals (won D4 + D5 = 450000, open O3 90000) and O3's quote are out; the lead stays");
        assertTrue(data.customers.find(c3).isEmpty());
        assertTrue(data.opportunities.find(data.id("O3")).isEmpty());
        assertEquals(c3, leads.find(lead.getId()).orElseThrow().getDuplicateCustomerId(), "the lead keeps its link");
        assertEquals("南方零售", bin.findDeleted(Customer.ENTITY, c3).orElseThrow().name(), "and the link shows the customer as deleted");
        List<DeletedRecord> inBin = bin.deleted(null, 100);
        assertEquals(Map.of(Customer.ENTITY, 1L, Opportunity.ENTITY, 4L, Quote.ENTITY, 1L, Activity.ENTITY, 3L),
                inBin.stream().collect(Collectors.groupingBy(DeletedRecord::entity, Collectors.counting())));
        DeletedRecord customer = bin.deleted(Customer.ENTITY, 10).get(0);
        assertEquals("南方零售", customer.name());
        assertEquals("tester", customer.deletedBy());
        assertEquals("zhao.lei", customer.owner());

        // a deal cannot come back without its customer
        ValidationException refused = assertThrows(ValidationException.class, () -> bin.restore(Opportunity.ENTITY, data.id("O3")));
        assertTrue(refused.getMessage().contains("南方零售"), refused.getMessage());

        bin.restore(Customer.ENTITY, c3);
        assertEquals(before, figures(), "restore brings back the same figures");
        assertTrue(bin.deleted(null, 100).isEmpty());
        assertTrue(bin.findDeleted(Customer.ENTITY, c3).isEmpty());
        assertEquals(c3, leads.find(lead.getId()).orElseThrow().getDuplicateCustomerId(), "the link leads to a live customer again");
        assertEquals(3, data.customers.find(c3).orElseThrow().getActivities().size());
    }

    @Test
    void aContactOrActivityTakenOffACustomerIsInTheBinAndComesBackWhileTheCustomerLives() {
        long c2 = data.id("C2");
        Customer customer = data.customers.find(c2).orElseThrow();
        customer.addContact(new Contact("陈静"));
        customer = data.customers.update(customer);
        long contact = customer.getContacts().get(0).getId();
        assertEquals(1, customer.getActivities().size(), "A3");
        long activity = customer.getActivities().get(0).getId();

        customer.getContacts().clear();
        customer.getActivities().clear();
        data.customers.update(customer);
        Customer edited = data.customers.find(c2).orElseThrow();
        assertTrue(edited.getContacts().isEmpty() && edited.getActivities().isEmpty());
        assertEquals("陈静", bin.findDeleted(Contact.ENTITY, contact).orElseThrow().name());
        assertEquals("需求调研", bin.findDeleted(Activity.ENTITY, activity).orElseThrow().name());

        bin.restore(Contact.ENTITY, contact);
        assertEquals(List.of("陈静"), data.customers.find(c2).orElseThrow().getContacts().stream().map(Contact::getName).toList());

        data.customers.delete(c2);
        ValidationException refused = assertThrows(ValidationException.class, () -> bin.restore(Activity.ENTITY, activity));
        assertTrue(refused.getMessage().contains("北方物流"), refused.getMessage());
        bin.restore(Customer.ENTITY, c2);
        assertEquals(1, data.customers.find(c2).orElseThrow().getContacts().size(), "the contact came back with it");
        assertTrue(data.customers.find(c2).orElseThrow().getActivities().isEmpty(), "the activity taken off before stays in the bin");
        bin.restore(Activity.ENTITY, activity);
        assertEquals(1, data.customers.find(c2).orElseThrow().getActivities().size());
    }

    @Test
    void aDealDeletedBeforeItsCustomerStaysInTheBinWhenTheCustomerComesBack() {
        long d5 = data.id("D5");
        data.opportunities.delete(d5);
        data.customers.delete(data.id("C3"));
        bin.restore(Customer.ENTITY, data.id("C3"));
        assertTrue(data.opportunities.find(d5).isEmpty(), "deleted on its own, so not restored with the customer");
        assertEquals(List.of(d5), bin.deleted(null, 10).stream().map(DeletedRecord::id).toList());
        bin.restore(Opportunity.ENTITY, d5);
        assertTrue(data.opportunities.find(d5).isPresent());
    }

    @Test
    void aCustomerWithDealsIsPurgedOnlyAfterThemAndItsLeadLosesTheId() {
        Lead lead = quoteAndLead();
        long c3 = data.id("C3");
        data.customers.delete(c3);

        PurgeRefusedException refused = assertThrows(PurgeRefusedException.class, () -> bin.purge(Customer.ENTITY, c3));
        assertEquals(Map.of(Opportunity.ENTITY, 4L, Quote.ENTITY, 1L),
                refused.blockers().stream().collect(Collectors.toMap(Dependent::entity, Dependent::count)));
        assertTrue(refused.getMessage().contains("南方零售") && refused.getMessage().contains("4 Opportunities")
                && refused.getMessage().contains("1 Quotes"), refused.getMessage());
        assertTrue(data.db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = ?").setParameter(1, c3)
                .getSingleResult()).longValue()) == 1, "nothing was deleted");

        for (String deal : List.of("D4", "D5", "L3", "O3")) {
            bin.purge(Opportunity.ENTITY, data.id(deal));
        }
        assertTrue(bin.deleted(Quote.ENTITY, 10).isEmpty(), "O3's quote went with it");
        bin.purge(Customer.ENTITY, c3);

        assertTrue(bin.deleted(null, 10).isEmpty());
        long left = data.db.read(em -> ((Number) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + c3
                + ") + (SELECT COUNT(*) FROM SB_ACTIVITY WHERE CUSTOMER_ID = " + c3 + ") + (SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE CUSTOMER_ID = " + c3
                + ") FROM SB_SEQUENCE").getSingleResult()).longValue());
        assertEquals(0, left, "the customer, its activities and deals are gone for good");
        Lead kept = leads.find(lead.getId()).orElseThrow();
        assertNull(kept.getDuplicateCustomerId(), "no dangling id");
        assertEquals("南方零售", kept.getCompany());
        assertEquals(new Figures(3, 13, 1, 0, amount("480000"), 5, 2, amount("320000"), figures().forecastDeals(),
                figures().forecastCny()), figures());
    }

    @Test
    void restoringLateNeedsAnAdministratorAndPurgingNeedsOne() {
        long c3 = data.id("C3");
        data.customers.delete(c3);
        // zhao.lei may delete and restore his own records but holds no right on the bin itself
        SecurityService rep = new SecurityService() {
            @Override
            public CurrentUser currentUser() {
                return new CurrentUser("zhao.lei", "赵磊");
            }

            @Override
            public boolean isPermitted(Action action, String entity, String owner) {
                return !RecycleBin.ENTITY.equals(entity);
            }
        };
        RecycleBinRegistry repsBin = new RecycleBinRegistry(rep, Clocks.shifted(Clocks.system(), java.time.Period.ofDays(31)));
        bin.kinds().forEach(repsBin::add);
        DeletedRecord record = repsBin.deleted(Customer.ENTITY, 1).get(0);
        assertEquals(record.deletedAt().plus(java.time.Duration.ofDays(RecycleBin.DEFAULT_RETENTION_DAYS)), repsBin.restorableUntil(record));

        assertThrows(AccessDeniedException.class, () -> repsBin.purge(Customer.ENTITY, c3));
        ValidationException late = assertThrows(ValidationException.class, () -> repsBin.restore(Customer.ENTITY, c3));
        assertTrue(late.getMessage().contains("30"), "31 days on, past the 30 days: " + late.getMessage());
        assertTrue(data.customers.find(c3).isEmpty(), "still in the bin");

        // an administrator restores late
        RecycleBinRegistry adminsBin = new RecycleBinRegistry(data.security, Clocks.shifted(Clocks.system(), java.time.Period.ofDays(31)));
        bin.kinds().forEach(adminsBin::add);
        adminsBin.restore(Customer.ENTITY, c3);
        assertTrue(data.customers.find(c3).isPresent());
        ValidationException notInBin = assertThrows(ValidationException.class, () -> bin.purge(Customer.ENTITY, c3));
        assertTrue(notInBin.getMessage().contains(String.valueOf(c3)), "a live record is not purged: " + notInBin.getMessage());
    }
}
