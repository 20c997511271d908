package org.salesbench.opportunities.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.opportunities.internal.LeadServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/** A fresh in-memory database with the real services of both modules, and a record of the events they posted. */
final class OpportunityFixture implements AutoCloseable {

    record Posted(String entity, Change change, long id) {
    }

    final LocalSecurityService security = new LocalSecurityService("tester");
    final Database db;
    final List<Posted> events = new ArrayList<>();
    final DomainEventPublisher publisher = (entity, change, id) -> {
        synchronized (events) {
            events.add(new Posted(entity, change, id));
        }
    };
    final CustomerServiceImpl customers;
    final PipelineServiceImpl pipelines;
    final OpportunityServiceImpl opportunities;
    final ForecastServiceImpl forecast;
    final LeadServiceImpl leads;

    OpportunityFixture() {
        this(null);
    }

    /** {@code opportunityOverride}, when given, is the opportunity service the lead service converts through. */
    OpportunityFixture(java.util.function.Function<OpportunityService, OpportunityService> opportunityOverride) {
        this(DatabaseSettings.inMemory("opportunities-" + UUID.randomUUID()), opportunityOverride);
    }

    /** The services over the database {@code settings} name (migrated on opening). */
    OpportunityFixture(DatabaseSettings settings, java.util.function.Function<OpportunityService, OpportunityService> opportunityOverride) {
        db = Database.open(settings, security);
        customers = new CustomerServiceImpl(db, security, publisher);
        pipelines = new PipelineServiceImpl(db, security, publisher);
        opportunities = new OpportunityServiceImpl(db, security, publisher);
        forecast = new ForecastServiceImpl(db, security);
        leads = new LeadServiceImpl(db, security, publisher, customers, customers,
                opportunityOverride == null ? opportunities : opportunityOverride.apply(opportunities));
    }

    Customer customer(String name) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.ACTIVE);
        return customers.create(c);
    }

    Pipeline pipeline(String label) {
        return pipelines.pipelines(false).stream().filter(p -> p.getLabel().equals(label)).findFirst().orElseThrow();
    }

    Pipeline newBusiness() {
        return pipeline("New business");
    }

    static Stage stage(Pipeline pipeline, String label) {
        return pipeline.getStages().stream().filter(s -> s.getLabel().equals(label)).findFirst().orElseThrow();
    }

    Opportunity opportunity(Customer customer, String name, String amount, java.time.LocalDate close) {
        Opportunity o = new Opportunity(customer, name, Money.cny(amount));
        o.setPipeline(newBusiness());
        o.setExpectedCloseDate(close);
        return o;
    }

    long count(String sql) {
        return db.read(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Override
    public void close() {
        db.close();
    }
}
