package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.internal.pool.CustomerPoolImpl;
import org.salesbench.customers.pool.CustomerPool;
import org.salesbench.customers.pool.PoolEvent;
import org.salesbench.customers.pool.PoolEvent.Kind;
import org.salesbench.customers.pool.PoolFilter;
import org.salesbench.customers.pool.PoolRow;
import org.salesbench.customers.pool.PoolSort;
import org.salesbench.customers.pool.PoolSettings;
import org.salesbench.customers.pool.PoolWarning;
import org.salesbench.customers.pool.SweepResult;
import org.salesbench.persistence.Database;

/**
 * The public pool on Derby with the real services: the owner is warned first, the customer returns after N days
 * without follow-up, anyone may claim it up to the cap, and every step is kept. Time moves by the {@code Clocks} offset.
 */
class CustomerPoolTest {

    private PoolFixture fx;

    @BeforeEach
    void open() {
        fx = new PoolFixture();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void theOwnerIsWarnedFirstAndTheCustomerReturnsAfterNDaysWithoutFollowUp() {
        // default rules: 30 days, a warning 7 days before
        fx.as("rep.a");
        long idle = fx.customer("杭州闲置机械有限公司");
        long busy = fx.customer("宁波勤快贸易有限公司");
        assertEquals(new SweepResult(0, 0), fx.pool.sweep(), "nothing is due on the first day");

        fx.daysLater(22);
        assertEquals(new SweepResult(0, 0), fx.pool.sweep(), "no warning before day 23");
        fx.daysLater(23);
        assertEquals(new SweepResult(2, 0), fx.pool.sweep(), "both owners' customers are warned on day 23, none returns");
        List<PoolWarning> warnings = fx.pool.warnings(null);
        assertEquals(List.of(idle, busy).stream().sorted().toList(), warnings.stream().map(PoolWarning::customerId).sorted().toList());
        PoolWarning warning = warnings.stream().filter(w -> w.customerId() == idle).findFirst().orElseThrow();
        assertEquals("rep.a", warning.owner());
        assertEquals(warning.lastFollowUp().toLocalDate().plusDays(30), warning.returnOn().toLocalDate(), "it returns 30 days after the last follow-up");
        assertTrue(fx.topics.contains(CustomerPool.WARNING_ENTITY + "/CREATED/" + idle), "the warning is announced: " + fx.topics);
        assertEquals(new SweepResult(0, 0), fx.pool.sweep(), "a second sweep the same day warns nobody again");

        fx.followUp(busy); // a call on day 23 ends its warning at once
        assertEquals(List.of(idle), fx.pool.warnings("rep.a").stream().map(PoolWarning::customerId).toList());

        fx.daysLater(29);
        assertEquals(new SweepResult(0, 0), fx.pool.sweep(), "day 29: still the owner's");
        assertEquals("rep.a", fx.owner(idle));

        fx.daysLater(30);
        assertEquals(new SweepResult(0, 1), fx.pool.sweep(), "day 30: the idle one returns, the followed-up one stays");
        assertEquals(CustomerPool.POOL_OWNER, fx.owner(idle));
        assertEquals("rep.a", fx.owner(busy));
        assertTrue(fx.pool.warnings("rep.a").isEmpty());

        List<PoolRow> rows = fx.pool.page(PoolFilter.ALL, 0, 10);
        assertEquals(1, rows.size());
        PoolRow row = rows.get(0);
        assertEquals(idle, row.id());
        assertEquals("rep.a", row.pooledFrom(), "the pool says from whom it returned");
        assertEquals(fx.now().toLocalDate(), row.pooledAt().toLocalDate(), "and when");
        assertTrue(row.reason().contains("30"), row.reason());

        List<PoolEvent> history = fx.pool.history(idle);
        assertEquals(List.of(Kind.WARNED, Kind.RETURNED), history.stream().map(PoolEvent::kind).toList());
        assertEquals("rep.a", history.get(1).fromOwner());
        assertEquals(CustomerPool.POOL_OWNER, history.get(1).toOwner());
        assertEquals("rep.a", history.get(1).actor(), "the sweep ran as the one who started it");

        // the customer list and its owner filter see the change
        assertEquals(1, fx.customers.count(new CustomerFilter(null, Set.of(), Set.of(), CustomerPool.POOL_OWNER, null, false)));
        assertEquals(1, fx.customers.count(new CustomerFilter(null, Set.of(), Set.of(), "rep.a", null, false)));
    }

    @Test
    void aLateSweepStillWarnsBeforeItReturns() {
        fx.as("rep.a");
        long id = fx.customer("温州迟到电器有限公司");
        fx.daysLater(40); // the workbench was closed for weeks: nobody was warned
        assertEquals(new SweepResult(1, 0), fx.pool.sweep(), "overdue, but warned first");
        PoolWarning warning = fx.pool.warnings("rep.a").get(0);
        assertEquals(fx.now().plusDays(7).toLocalDate(), warning.returnOn().toLocalDate(), "the owner still gets the full warning period");
        fx.daysLater(46);
        assertEquals(new SweepResult(0, 0), fx.pool.sweep());
        fx.daysLater(47);
        assertEquals(new SweepResult(0, 1), fx.pool.sweep());
        assertEquals(CustomerPool.POOL_OWNER, fx.owner(id));
    }

    @Test
    void aSweepGoesThroughMoreCustomersThanOneTransactionHolds() {
        int n = 2 * CustomerPoolImpl.SWEEP_BLOCK + 37;
        List<Customer> many = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            many.add(new Customer("批量客户" + i + "有限公司"));
        }
        fx.as("rep.m").customers.createAll(many);
        long followedUp = many.get(CustomerPoolImpl.SWEEP_BLOCK + 1).getId();
        fx.daysLater(23);
        assertEquals(new SweepResult(n, 0), fx.pool.sweep());
        fx.followUp(followedUp);
        fx.daysLater(30);
        assertEquals(new SweepResult(0, n - 1), fx.pool.sweep(), "every block returns its customers, the followed-up one stays");
        assertEquals(n - 1, fx.pool.count(PoolFilter.ALL));
        assertEquals("rep.m", fx.owner(followedUp));
        assertTrue(fx.pool.warnings("rep.m").isEmpty());
    }

    @Test
    void anyoneClaimsUpToTheCapAndIsRefusedBeyondIt() {
        fx.as("admin");
        fx.pool.saveSettings(new PoolSettings(null, 30, 7, 2));
        List<Long> pooled = pooledCustomers("台州", 3);
        fx.as("rep.b");
        long own = fx.customer("丽水自有客户有限公司");

        fx.pool.claim(pooled.get(0));
        assertEquals("rep.b", fx.owner(pooled.get(0)));
        assertEquals(2, fx.pool.count(PoolFilter.ALL));
        ValidationException refused = assertThrows(ValidationException.class, () -> fx.pool.claim(pooled.get(1)));
        String message = refused.getErrors().get(0).message();
        assertTrue(message.contains("2") && message.contains("cap"), "the refusal names the cap: " + message);
        assertEquals(CustomerPool.POOL_OWNER, fx.owner(pooled.get(1)), "nothing changed");

        // a team with rules of its own: a higher cap for its members
        fx.as("admin");
        fx.team("华东一组", "rep.b");
        fx.pool.saveSettings(new PoolSettings("华东一组", 30, 7, 3));
        assertEquals(3, fx.pool.settingsFor("rep.b").ownedCap());
        assertEquals(2, fx.pool.settingsFor("rep.z").ownedCap(), "someone in no team keeps the default rules");
        fx.as("rep.b");
        fx.pool.claim(pooled.get(1));
        assertThrows(ValidationException.class, () -> fx.pool.claim(pooled.get(2)));

        List<PoolEvent> history = fx.pool.history(pooled.get(0));
        PoolEvent claimed = history.get(history.size() - 1);
        assertEquals(Kind.CLAIMED, claimed.kind());
        assertEquals("rep.b", claimed.actor());
        assertEquals("rep.b", claimed.toOwner());
        assertEquals("rep.b", fx.owner(own));
    }

    @Test
    void aClaimedCustomerCannotBeClaimedAgainAndTheRefusalNamesWhoHasIt() {
        long id = pooledCustomers("舟山", 1).get(0);
        fx.as("rep.a").pool.claim(id);
        ValidationException second = assertThrows(ValidationException.class, () -> fx.as("rep.b").pool.claim(id));
        assertTrue(second.getErrors().get(0).message().contains("rep.a"), second.getErrors().get(0).message());
        assertEquals("rep.a", fx.owner(id));
        assertEquals(0, fx.pool.count(PoolFilter.ALL));
        ValidationException missing = assertThrows(ValidationException.class, () -> fx.pool.claim(987_654_321L));
        assertTrue(missing.getErrors().get(0).message().contains("987654321"), missing.getErrors().get(0).message());
    }

    @Test
    void theClaimRestartsTheClockAndTheNewOwnerIsWarnedInTurn() {
        long id = pooledCustomers("嘉兴", 1).get(0); // returned on day 2
        fx.as("rep.c").pool.claim(id);
        fx.as("admin").pool.saveSettings(new PoolSettings(null, 10, 3, 0));
        fx.daysLater(2 + 6);
        assertEquals(new SweepResult(0, 0), fx.pool.sweep(), "6 days after the claim: not yet");
        fx.daysLater(2 + 7);
        assertEquals(new SweepResult(1, 0), fx.pool.sweep(), "7 days after the claim the new owner hears");
        assertEquals("rep.c", fx.pool.warnings("rep.c").get(0).owner());
    }

    @Test
    void thePoolViewFiltersByNameIndustryRegionAndDaysInThePool() {
        List<Long> early = pooledCustomers("湖州", 2); // in the pool since day 2
        fx.as("rep.a");
        long other = fx.customer("Shaoxing Textile_100% Co.", "纺织", "绍兴");
        fx.as("admin").pool.saveSettings(new PoolSettings(null, 1, 0, 0));
        fx.daysLater(12);
        fx.pool.sweep();
        fx.pool.sweep();
        assertEquals(3, fx.pool.count(PoolFilter.ALL));
        assertEquals(early, ids(new PoolFilter(null, null, null, 10)), "in the pool for 10 days or more");
        assertEquals(List.of(other), ids(new PoolFilter(null, "纺织", null, null)));
        assertEquals(List.of(other), ids(new PoolFilter(null, null, "绍兴", null)));
        assertEquals(List.of(other), ids(new PoolFilter("textile_100%", null, null, null)), "case-insensitive, % and _ are literal");
        assertEquals(List.of(), ids(new PoolFilter("textile%co", null, null, null)), "% is not a wildcard");
        assertEquals(List.of(), ids(new PoolFilter("' OR 1=1 --", null, null, null)), "an injection is just text");
        assertEquals(early.get(0), ids(new PoolFilter("湖州", null, null, null)).get(0));
        assertEquals(1, fx.pool.page(PoolFilter.ALL, 1, 1).size(), "paged");
    }

    @Test
    void thePoolSortsByAnyColumnEveryPageFollowsAndTheIndustryByTheLabelsOrder() {
        fx.as("rep.a");
        long a = fx.customer("Cangzhou A", "制造", "沧州");
        long b = fx.customer("Anqing B", "教育", "安庆");
        long c = fx.customer("Dezhou C", null, "德州");
        long d = fx.customer("Beijing D", "未列出的行业", "北京");
        fx.as("admin").pool.saveSettings(new PoolSettings(null, 1, 0, 0));
        fx.daysLater(3);
        fx.pool.sweep();
        fx.pool.sweep();
        assertEquals(Set.of(a, b, c, d), Set.copyOf(ids(PoolFilter.ALL)));
        java.util.Map<Long, String> industries = new java.util.HashMap<>();
        fx.pool.page(PoolFilter.ALL, 0, 10).forEach(r -> industries.put(r.id(), r.industry()));

        assertEquals(List.of(b, d, a, c), sorted(new PoolSort(PoolSort.Column.NAME, true)));
        assertEquals(List.of(c, a, d, b), sorted(new PoolSort(PoolSort.Column.NAME, false)));
        assertEquals(List.of(d, b, c, a), sorted(new PoolSort(PoolSort.Column.REGION, true)), "北 安 德 沧");
        // the labels' order as the view gives it (here 制造 before 教育, against their codes' order either way round):
        // listed codes in that order, then a code not listed, then no industry
        List<String> labelOrder = List.of(industries.get(a), industries.get(b));
        assertEquals(List.of(a, b, d, c), sorted(new PoolSort(PoolSort.Column.INDUSTRY, true, labelOrder)));
        assertEquals(List.of(c, d, b, a), sorted(new PoolSort(PoolSort.Column.INDUSTRY, false, labelOrder)));
        assertEquals(List.of(b, a, d, c), sorted(new PoolSort(PoolSort.Column.INDUSTRY, true, labelOrder.reversed())), "the order given, not the codes'");
        List<Long> pages = new java.util.ArrayList<>(fx.pool.page(PoolFilter.ALL, new PoolSort(PoolSort.Column.NAME, true), 0, 2).stream().map(PoolRow::id).toList());
        pages.addAll(fx.pool.page(PoolFilter.ALL, new PoolSort(PoolSort.Column.NAME, true), 2, 2).stream().map(PoolRow::id).toList());
        assertEquals(List.of(b, d, a, c), pages, "every page follows the order");
        assertEquals(List.of(d, b), fx.pool.page(new PoolFilter("b", null, null, null), new PoolSort(PoolSort.Column.REGION, true), 0, 10).stream()
                .map(PoolRow::id).toList(), "a filter and an order together");
        assertEquals(ids(PoolFilter.ALL), sorted(null), "no order: the pool's own");
    }

    /**
     * The pool's list is open below Customers when the workbench starts: its first page and count read with plain JDBC
     * while nothing has deployed the persistence unit, and give what the unit gives once it is deployed (filters, every
     * order, pages).
     */
    @Test
    void theListReadsWithoutDeployingThePersistenceUnitAndGivesWhatTheUnitGives() {
        fx.as("rep.a");
        long a = fx.customer("Cangzhou A", "制造", "沧州");
        long b = fx.customer("Anqing B_1%", "教育", "安庆");
        fx.customer("Dezhou C", null, "德州");
        fx.customer("Beijing D", "未列出的行业", "北京");
        fx.as("admin").pool.saveSettings(new PoolSettings(null, 1, 0, 0));
        fx.daysLater(3);
        fx.pool.sweep();
        fx.pool.sweep();
        List<String> labelOrder = List.of(fx.pool.page(PoolFilter.ALL, 0, 10).stream().filter(r -> r.id() == a).findFirst().orElseThrow().industry(),
                fx.pool.page(PoolFilter.ALL, 0, 10).stream().filter(r -> r.id() == b).findFirst().orElseThrow().industry());
        List<PoolFilter> filters = List.of(PoolFilter.ALL, new PoolFilter("b_1%", null, null, null), new PoolFilter(null, null, "德州", null),
                new PoolFilter(null, null, null, 2), new PoolFilter(null, null, null, 5));
        List<PoolSort> sorts = List.of(PoolSort.DEFAULT, new PoolSort(PoolSort.Column.NAME, false), new PoolSort(PoolSort.Column.INDUSTRY, true, labelOrder));
        // as the workbench's next start opens it
        try (Database again = Database.open(fx.db.settings(), fx.people)) {
            CustomerPoolImpl pool = new CustomerPoolImpl(again, fx.people, (entity, change, id) -> {
            });
            List<Object> beforeJpa = reads(pool, filters, sorts);
            assertFalse(again.isUnitDeployed(), "the first page and the count came without the unit");
            assertEquals(4L, beforeJpa.get(0), beforeJpa.toString());
            assertEquals(1L, beforeJpa.get(7), beforeJpa.toString());
            assertEquals(List.of(b), ((List<?>) beforeJpa.get(8)).stream().map(r -> ((PoolRow) r).id()).toList(), "% and _ are literal: " + beforeJpa);

            again.read(em -> em.find(Customer.class, a)); // something needs JPA: the pool reads through the unit from then on
            assertTrue(again.isUnitDeployed());
            assertEquals(beforeJpa, reads(pool, filters, sorts));
        }
    }

    /** Each filter's count and its pages (of 2) in each order. */
    private static List<Object> reads(CustomerPool pool, List<PoolFilter> filters, List<PoolSort> sorts) {
        List<Object> reads = new java.util.ArrayList<>();
        for (PoolFilter filter : filters) {
            reads.add(pool.count(filter));
            for (PoolSort sort : sorts) {
                reads.add(pool.page(filter, sort, 0, 2));
                reads.add(pool.page(filter, sort, 2, 2));
            }
        }
        return reads;
    }

    private List<Long> sorted(PoolSort sort) {
        return fx.pool.page(PoolFilter.ALL, sort, 0, 100).stream().map(PoolRow::id).toList();
    }

    @Test
    void rulesAreValidatedAndAnUnknownTeamIsNamed() {
        ValidationException bad = assertThrows(ValidationException.class, () -> fx.pool.saveSettings(new PoolSettings(null, 10, 10, -1)));
        assertEquals(Set.of("warnDaysBefore", "ownedCap"), bad.getErrors().stream().map(e -> e.field()).collect(java.util.stream.Collectors.toSet()));
        ValidationException team = assertThrows(ValidationException.class, () -> fx.pool.saveSettings(new PoolSettings("没有这个组", 10, 3, 5)));
        assertTrue(team.getErrors().get(0).message().contains("没有这个组"));
        assertEquals(PoolSettings.DEFAULT, fx.pool.settings(null));
        fx.pool.saveSettings(new PoolSettings(null, 0, 0, 0));
        fx.as("rep.a").customer("衢州关闭规则有限公司");
        fx.daysLater(400);
        assertEquals(new SweepResult(0, 0), fx.pool.sweep(), "0 days turns returns off");
    }

    private List<Long> pooledCustomers(String prefix, int n) {
        return fx.pooledCustomers(prefix, n);
    }

    private List<Long> ids(PoolFilter filter) {
        return fx.pool.page(filter, 0, 100).stream().map(PoolRow::id).toList();
    }
}
