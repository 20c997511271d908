package org.salesbench.customers.tests;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Customer;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.customers.internal.pool.CustomerPoolImpl;
import org.salesbench.customers.pool.PoolSettings;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.Team;

/**
 * A database with the real customer service and pool, used by several people in turn ({@link #as}), and the calendar
 * moved by the {@link Clocks} offset instead of waiting ({@link #daysLater}).
 */
final class PoolFixture implements AutoCloseable {

    /** The one local user of a Derby database, switched by the test: who signs in is not what these tests are about. */
    static final class People implements SecurityService {
        private volatile String login = "admin";

        @Override
        public CurrentUser currentUser() {
            return new CurrentUser(login, login);
        }

        @Override
        public boolean isPermitted(Action action, String entity, String owner) {
            return true;
        }
    }

    final People people = new People();
    final Database db;
    final CustomerServiceImpl customers;
    final CustomerPoolImpl pool;
    final List<String> topics = new ArrayList<>();

    PoolFixture() {
        this(DatabaseSettings.inMemory("pool-" + UUID.randomUUID()));
    }

    /** The clock offset the run was started with (CI moves it a year ahead): time is moved from there. */
    static final String RUN_OFFSET = System.getProperty(Clocks.OFFSET_PROPERTY);

    /** Sets "now" {@code days} days after the run's own now, or back to it for 0. */
    static void shiftClock(int days) {
        java.time.Period base = RUN_OFFSET == null || RUN_OFFSET.isBlank() ? java.time.Period.ZERO : java.time.Period.parse(RUN_OFFSET.trim());
        if (days == 0 && RUN_OFFSET == null) {
            System.clearProperty(Clocks.OFFSET_PROPERTY);
        } else {
            System.setProperty(Clocks.OFFSET_PROPERTY, base.plusDays(days).toString());
        }
    }

    PoolFixture(DatabaseSettings settings) {
        shiftClock(0);
        db = Database.open(settings, people);
        DomainEventPublisher publisher = (entity, change, id) -> {
            synchronized (topics) {
                topics.add(entity + "/" + change + "/" + id);
            }
        };
        customers = new CustomerServiceImpl(db, people, publisher);
        pool = new CustomerPoolImpl(db, people, publisher);
    }

    PoolFixture as(String login) {
        people.login = login;
        return this;
    }

    /** Moves "now" of every service to {@code days} days from the real today. */
    void daysLater(int days) {
        shiftClock(days);
    }

    LocalDateTime now() {
        return LocalDateTime.now(Clocks.system());
    }

    /** A customer created now by the current person, who owns it. */
    long customer(String name) {
        return customer(name, "制造", "浙江");
    }

    long customer(String name, String industry, String region) {
        Customer c = new Customer(name);
        c.setIndustry(industry);
        c.setRegion(region);
        return customers.create(c).getId();
    }

    void followUp(long customerId) {
        customers.logActivity(customerId, new Activity(ActivityType.CALL, now(), "电话回访"));
    }

    String owner(long customerId) {
        return db.read(em -> em.find(Customer.class, customerId).getOwner());
    }

    void team(String name, String... members) {
        db.write(em -> {
            Team team = new Team(name);
            team.getMembers().addAll(List.of(members));
            em.persist(team);
            return null;
        });
    }

    /** {@code n} customers of rep.x returned to the pool on day 2 (rules of one day, no warning period), default rules after. */
    List<Long> pooledCustomers(String prefix, int n) {
        PoolSettings before = as("admin").pool.settings(null);
        pool.saveSettings(new PoolSettings(null, 1, 0, before.ownedCap()));
        as("rep.x");
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(customer(prefix + "公海客户" + i + "有限公司"));
        }
        daysLater(2);
        pool.sweep(); // warns
        if (pool.sweep().returned() != n) {
            throw new AssertionError("the customers did not return to the pool");
        } // returns: the warning period is 0 days
        as("admin").pool.saveSettings(before);
        return ids;
    }

    @Override
    public void close() {
        shiftClock(0);
        customers.search().close();
        db.close();
    }
}
