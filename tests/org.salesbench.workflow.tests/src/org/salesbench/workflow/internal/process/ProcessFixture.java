package org.salesbench.workflow.internal.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.workflow.process.ProcessStep;

/**
 * A fresh in-memory Derby database with the real pipeline, opportunity and process services, the process's stage rule
 * installed as DS would, and a clock the test moves forward: stays in a step and SLA breaches are exact.
 */
final class ProcessFixture implements AutoCloseable {

    /** A clock that stands still until told to move. */
    static final class StepClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        StepClock(Instant start, ZoneId zone) {
            this.now = start;
            this.zone = zone;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new StepClock(now, newZone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final LocalSecurityService security = new LocalSecurityService("tester");
    final Database db;
    final DomainEventPublisher publisher = (entity, change, id) -> {
    };
    /** Starts 30 days before the real (possibly offset) now, so everything the tests do lies in the past. */
    final StepClock clock = new StepClock(Clocks.system().instant().minus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.HOURS),
            Clocks.system().getZone());
    final PipelineServiceImpl pipelines;
    final OpportunityServiceImpl opportunities;
    final ProcessServiceImpl process;
    private Customer customer;

    ProcessFixture() {
        this(DatabaseSettings.inMemory("process-" + UUID.randomUUID()));
    }

    ProcessFixture(DatabaseSettings settings) {
        db = Database.open(settings, security);
        pipelines = new PipelineServiceImpl(db, security, publisher);
        opportunities = new OpportunityServiceImpl(db, security, publisher, clock);
        opportunities.addStageRule(new ProcessStageRule(db));
        process = new ProcessServiceImpl(db, security, publisher, pipelines, opportunities, clock);
        process.applyGatingWherePermitted();
    }

    Pipeline newBusiness() {
        return pipelines.pipelines(false).stream().filter(p -> "Pipeline_newBusiness".equals(p.getNameKey())).findFirst().orElseThrow();
    }

    Stage stage(String nameKey) {
        return newBusiness().getStages().stream().filter(s -> nameKey.equals(s.getNameKey())).findFirst().orElseThrow();
    }

    ProcessStep step(String nameKey) {
        return process.steps(newBusiness().getId()).stream().filter(s -> nameKey.equals(s.getNameKey())).findFirst().orElseThrow();
    }

    /** A new-business opportunity of {@code owner}, entering its first stage now by the fixture's clock. */
    Opportunity opportunity(String name, String owner) {
        if (customer == null) {
            customer = db.write(em -> {
                Customer c = new Customer("华东精密制造");
                c.setStatus(CustomerStatus.ACTIVE);
                c.setNormalizedName(c.getName());
                em.persist(c);
                return c;
            });
        }
        Opportunity o = new Opportunity(customer, name, Money.cny("100000"));
        o.setPipeline(newBusiness());
        o.setExpectedCloseDate(LocalDate.now(clock).plusDays(120));
        o.setOwner(owner);
        return opportunities.create(o);
    }

    void tickAll(long opportunityId) {
        process.checklist(opportunityId).step().orElseThrow().getItems().forEach(i -> process.tick(opportunityId, i.getKey(), true));
    }

    @Override
    public void close() {
        db.close();
    }
}
