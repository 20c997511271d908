package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.tests.OptimisticLockingTest.Session;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.testing.PostgresSchema;

/**
 * Delete against edit and a stale board move on a team database: two clients (two databases, as two workbenches
 * have) over one PostgreSQL schema. Runs where {@code SALESBENCH_TEST_PG_URL} names a server.
 */
@Tag("postgres")
class PostgresOptimisticLockingTest {

    private PostgresSchema schema;
    private Session li;
    private Session zhang;

    @BeforeEach
    void open() throws Exception {
        schema = PostgresSchema.create("lock");
        li = Session.open(schema.settings(), "li.wei");
        zhang = Session.open(schema.settings(), "zhang.min");
    }

    @AfterEach
    void close() throws Exception {
        if (zhang != null) {
            zhang.db().close();
        }
        if (li != null) {
            li.db().close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    private Customer customer(String name) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.ACTIVE);
        return li.customers().create(c);
    }

    @Test
    void deleteOfACustomerEditedByAnotherClientIsRefused() {
        Customer seen = customer("杭州星河信息技术有限公司");
        Customer theirs = zhang.customers().find(seen.getId()).orElseThrow();
        theirs.setShortName("星河");
        zhang.customers().update(theirs);

        ConcurrentChangeException conflict = assertThrows(ConcurrentChangeException.class, () -> li.customers().delete(seen.getId(), seen.getVersion()));
        assertEquals("zhang.min", conflict.getChangedBy());
        assertEquals("星河", li.customers().find(seen.getId()).orElseThrow().getShortName());
    }

    /**
     * Both act on the same version at the same moment: exactly one wins. Whichever commits first, the other is refused
     * (the delete's UPDATE waits for the edit's row lock, then finds another version; or the edit finds the row deleted).
     */
    @Test
    void deleteRacingAnEditLetsExactlyOneThrough() throws Exception {
        for (int round = 0; round < 10; round++) {
            Customer seen = customer("竞赛 " + round);
            Customer theirs = zhang.customers().find(seen.getId()).orElseThrow();
            theirs.setShortName("edited " + round);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> deleted = pool.submit(() -> succeeded(start, () -> li.customers().delete(seen.getId(), seen.getVersion())));
                Future<Boolean> edited = pool.submit(() -> succeeded(start, () -> zhang.customers().update(theirs)));
                start.countDown();
                boolean d = deleted.get(30, TimeUnit.SECONDS);
                boolean e = edited.get(30, TimeUnit.SECONDS);
                assertTrue(d ^ e, "round " + round + ": delete " + d + ", edit " + e);
                assertEquals(d, li.customers().find(seen.getId()).isEmpty());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static boolean succeeded(CountDownLatch start, Runnable action) throws InterruptedException {
        start.await();
        try {
            action.run();
            return true;
        } catch (ConcurrentChangeException refused) {
            return false;
        }
    }

    @Test
    void boardMoveOfADealChangedByAnotherClientIsRefused() {
        Opportunity o = new Opportunity(customer("宁波海纳物流有限公司"), "仓储系统", Money.cny("120000"));
        o.setPipeline(li.pipelines().pipelines(false).stream().filter(p -> p.getLabel().equals("New business")).findFirst().orElseThrow());
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusMonths(1));
        Opportunity deal = li.opportunities().create(o);
        Opportunity theirs = zhang.opportunities().find(deal.getId()).orElseThrow();
        theirs.setNextStep("报价");
        zhang.opportunities().update(theirs);

        long proposal = deal.getPipeline().getStages().stream().filter(s -> s.getLabel().equals("Proposal")).findFirst().orElseThrow().getId();
        ConcurrentChangeException conflict = assertThrows(ConcurrentChangeException.class,
                () -> li.opportunities().moveToStage(deal.getId(), proposal, deal.getVersion()));
        assertEquals("zhang.min", conflict.getChangedBy());
        assertEquals(deal.getStage().getId(), li.opportunities().find(deal.getId()).orElseThrow().getStage().getId());
    }
}
