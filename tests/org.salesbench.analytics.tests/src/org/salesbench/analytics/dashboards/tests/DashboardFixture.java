package org.salesbench.analytics.dashboards.tests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.salesbench.analytics.dashboards.internal.DashboardServiceImpl;
import org.salesbench.core.model.Money;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * A fresh database (in memory unless settings say otherwise) with all migrations and the real report and dashboard services, as two users
 * (zhang.wei and li.na) on the same database, on a fixed day.
 */
final class DashboardFixture implements AutoCloseable {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 14);

    record Posted(String entity, Change change, long id) {
    }

    final Database db;
    final List<Posted> events = new ArrayList<>();
    final DashboardServiceImpl zhang;
    final DashboardServiceImpl li;
    final ReportServiceImpl reports;

    DashboardFixture() {
        this(DatabaseSettings.inMemory("dashboards-" + UUID.randomUUID()));
    }

    DashboardFixture(DatabaseSettings settings) {
        LocalSecurityService zhangUser = new LocalSecurityService("zhang.wei", "张伟");
        db = Database.open(settings, zhangUser);
        DomainEventPublisher publisher = (entity, change, id) -> {
            synchronized (events) {
                events.add(new Posted(entity, change, id));
            }
        };
        Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        reports = new ReportServiceImpl(db, zhangUser, new MetricCatalogueImpl(), new ForecastServiceImpl(db, zhangUser));
        zhang = new DashboardServiceImpl(db, zhangUser, reports, publisher, clock);
        LocalSecurityService liUser = new LocalSecurityService("li.na", "李娜");
        li = new DashboardServiceImpl(db, liUser, new ReportServiceImpl(db, liUser, new MetricCatalogueImpl(), new ForecastServiceImpl(db, liUser)), publisher, clock);
    }

    /** A closed deal (won or lost on {@code closedOn}) of {@code owner}, with its own customer. */
    void closed(String owner, String amount, StageKind state, LocalDate closedOn, String lossReason) {
        db.write(em -> {
            Customer customer = new Customer("客户 " + UUID.randomUUID());
            customer.setStatus(CustomerStatus.ACTIVE);
            customer.setNormalizedName(customer.getName());
            customer.setOwner(owner);
            em.persist(customer);
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class)
                    .setMaxResults(1).getSingleResult();
            Opportunity o = new Opportunity(customer, "Deal " + amount, Money.cny(amount));
            o.setOwner(owner);
            o.setPipeline(pipeline);
            o.setStage(pipeline.firstStage(state).orElseThrow());
            o.setState(state);
            o.setProbability(state == StageKind.WON ? 100 : 0);
            o.setClosedOn(closedOn);
            o.setExpectedCloseDate(closedOn);
            o.setCloseMonth(closedOn.getYear() * 100 + closedOn.getMonthValue());
            o.setEngagedOn(closedOn.minusDays(30));
            o.setLossReason(lossReason);
            em.persist(o);
            return o;
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
