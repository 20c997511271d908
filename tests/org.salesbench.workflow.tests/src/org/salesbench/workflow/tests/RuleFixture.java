package org.salesbench.workflow.tests;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.assignment.AssignmentService;
import org.salesbench.opportunities.assignment.internal.AssignmentServiceImpl;
import org.salesbench.opportunities.internal.LeadServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.internal.TaskServiceImpl;
import org.salesbench.workflow.internal.rules.RuleServiceImpl;
import org.salesbench.workflow.rules.ActionContext;
import org.salesbench.workflow.rules.RuleAction;
import org.salesbench.workflow.rules.RuleExecution;
import org.salesbench.workflow.rules.RuleParameter;
import org.salesbench.workflow.rules.RuleServices;

/**
 * A fresh Derby database with the real customer, opportunity, lead, assignment and task services, whose events (posted after
 * commit, as EventAdmin would deliver them) feed the real rule engine.
 */
final class RuleFixture implements AutoCloseable {

    /** Where the contributed recording action ran: rule name and record, in order. */
    static final List<String> FIRED = new ArrayList<>();

    /** A contributed action that notes where it ran. */
    public static final class RecordingAction implements RuleAction {
        @Override
        public List<RuleParameter> parameters() {
            return List.of();
        }

        @Override
        public void execute(ActionContext context) {
            synchronized (FIRED) {
                FIRED.add(context.rule().getName() + "@" + context.record());
            }
        }
    }

    /** A contributed action that always fails. */
    public static final class ThrowingAction implements RuleAction {
        @Override
        public List<RuleParameter> parameters() {
            return List.of();
        }

        @Override
        public void execute(ActionContext context) {
            throw new IllegalStateException("the mail server is down");
        }
    }

    final LocalSecurityService security = new LocalSecurityService("tester");
    final Database db;
    final Map<Class<?>, Object> running = new HashMap<>();
    final RuleServiceImpl rules;
    final CustomerServiceImpl customers;
    final PipelineServiceImpl pipelines;
    final OpportunityServiceImpl opportunities;
    final LeadServiceImpl leads;
    final AssignmentServiceImpl assignment;
    final TaskServiceImpl tasks;
    final RuleServices services;

    RuleFixture() {
        this(DatabaseSettings.inMemory("rules-" + UUID.randomUUID()));
    }

    /** The services and engine of one client of the database {@code settings} name (several may share one). */
    RuleFixture(DatabaseSettings settings) {
        synchronized (FIRED) {
            FIRED.clear();
        }
        db = Database.open(settings, security);
        services = new RuleServices() {
            @Override
            public <S> S get(Class<S> type) {
                Object service = running.get(type);
                if (service == null) {
                    throw new IllegalStateException("No " + type.getSimpleName() + " service is running.");
                }
                return type.cast(service);
            }
        };
        rules = new RuleServiceImpl(db, security, services);
        DomainEventPublisher publisher = (entity, change, id) -> rules.changed(entity, change, id);
        customers = new CustomerServiceImpl(db, security, publisher);
        pipelines = new PipelineServiceImpl(db, security, publisher);
        opportunities = new OpportunityServiceImpl(db, security, publisher);
        leads = new LeadServiceImpl(db, security, publisher, customers, customers, opportunities);
        assignment = new AssignmentServiceImpl(db, security, publisher);
        running.put(CustomerService.class, customers);
        running.put(OpportunityService.class, opportunities);
        running.put(LeadService.class, leads);
        running.put(AssignmentService.class, assignment);
        tasks = new TaskServiceImpl(db, security, publisher, Clocks::system);
        running.put(TaskService.class, tasks);
    }

    Customer customer(String name) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.ACTIVE);
        return customers.create(c);
    }

    Pipeline newBusiness() {
        return pipelines.pipelines(false).stream().filter(p -> p.getLabel().equals("New business")).findFirst().orElseThrow();
    }

    Opportunity opportunity(Customer customer, String name, String amount, String source, String industry) {
        Opportunity o = new Opportunity(customer, name, Money.cny(amount));
        o.setPipeline(newBusiness());
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(30));
        o.setSource(source);
        o.setIndustry(industry);
        return opportunities.create(o);
    }

    /** Waits for the engine to handle every change, including those its own actions caused. */
    void settle() {
        try {
            if (!rules.awaitIdle(Duration.ofSeconds(30))) {
                throw new AssertionError("the rule engine did not settle");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<String> fired() {
        synchronized (FIRED) {
            return List.copyOf(FIRED);
        }
    }

    List<RuleExecution> log(long ruleId) {
        return rules.log(ruleId, 100);
    }

    static RecordRef ref(Opportunity o) {
        return new RecordRef(Opportunity.ENTITY, o.getId());
    }

    @Override
    public void close() {
        rules.close();
        db.close();
    }
}
