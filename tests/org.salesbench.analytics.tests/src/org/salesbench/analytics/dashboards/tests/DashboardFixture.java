package org.salesbench.analytics.dashboards.tests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.salesbench.analytics.dashboards.internal.DashboardServiceImpl;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * A fresh in-memory database with all migrations and the real report and dashboard services, as two users
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
        LocalSecurityService zhangUser = new LocalSecurityService("zhang.wei", "张伟");
        db = Database.open(DatabaseSettings.inMemory("dashboards-" + UUID.randomUUID()), zhangUser);
        DomainEventPublisher publisher = (entity, change, id) -> {
            synchronized (events) {
                events.add(new Posted(entity, change, id));
            }
        };
        Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        reports = new ReportServiceImpl(db, zhangUser, new MetricCatalogueImpl());
        zhang = new DashboardServiceImpl(db, zhangUser, reports, publisher, clock);
        LocalSecurityService liUser = new LocalSecurityService("li.na", "李娜");
        li = new DashboardServiceImpl(db, liUser, new ReportServiceImpl(db, liUser, new MetricCatalogueImpl()), publisher, clock);
    }

    @Override
    public void close() {
        db.close();
    }
}
