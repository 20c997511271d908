package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.pool.CustomerPool;
import org.salesbench.customers.pool.PoolEvent;
import org.salesbench.customers.pool.PoolFilter;
import org.salesbench.testing.PostgresSchema;

/**
 * Two people on two clients of one team server claim the same pool customer at the same moment: one wins, the other
 * is told who has it, and the customer has exactly one owner and one claim. Runs on the server
 * {@code SALESBENCH_TEST_PG_URL} names, in a schema of its own.
 */
@Tag("postgres")
class PostgresCustomerPoolTest {

    private static final int CUSTOMERS = 12;

    @Test
    void twoClaimsOfOneCustomerAtOnceOneWinsAndTheOtherIsToldWhoHasIt() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("pool"); PoolFixture first = new PoolFixture(schema.settings());
                PoolFixture second = new PoolFixture(schema.settings())) {
            List<Long> ids = first.pooledCustomers("温州", CUSTOMERS);
            first.as("rep.a");
            second.as("rep.b");
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (long id : ids) {
                    CyclicBarrier start = new CyclicBarrier(2);
                    Future<String> a = threads.submit(() -> claim(first.pool, id, start));
                    Future<String> b = threads.submit(() -> claim(second.pool, id, start));
                    String byA = a.get(60, TimeUnit.SECONDS);
                    String byB = b.get(60, TimeUnit.SECONDS);
                    String owner = first.owner(id);
                    assertTrue(owner.equals("rep.a") || owner.equals("rep.b"), owner);
                    String winner = owner.equals("rep.a") ? byA : byB;
                    String loser = owner.equals("rep.a") ? byB : byA;
                    assertEquals("claimed", winner, "the owner's claim succeeded");
                    assertTrue(loser.contains(owner) && !loser.equals("claimed"), "the other is told who has it: " + loser);
                    List<PoolEvent> claims = first.pool.history(id).stream().filter(e -> e.kind() == PoolEvent.Kind.CLAIMED).toList();
                    assertEquals(1, claims.size(), "one claim recorded");
                    assertEquals(owner, claims.get(0).toOwner());
                }
            } finally {
                threads.shutdownNow();
            }
            assertEquals(0, first.pool.count(PoolFilter.ALL));
            assertEquals(CUSTOMERS, first.db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SB_CUSTOMER WHERE OWNER IN ('rep.a', 'rep.b')")
                    .getSingleResult()).intValue()));
            assertEquals(0, first.db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SB_CUSTOMER_POOL").getSingleResult()).intValue()));
            assertTrue(first.pool.history(ids.get(0)).stream().anyMatch(e -> CustomerPool.POOL_OWNER.equals(e.toOwner())));
        }
    }

    private static String claim(CustomerPool pool, long id, CyclicBarrier start) throws Exception {
        start.await(30, TimeUnit.SECONDS);
        try {
            pool.claim(id);
            return "claimed";
        } catch (ValidationException e) {
            return e.getErrors().get(0).message();
        }
    }
}
