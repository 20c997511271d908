package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.ForecastGrouping;
import org.salesbench.opportunities.ForecastQuery;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.opportunities.internal.LeadServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/** Every service asks the security seam before it reads or writes. */
class PermissionTest {

    /** May do everything except the one refused action on the one refused entity. */
    record Refusing(Action action, String entity) implements SecurityService {
        @Override
        public CurrentUser currentUser() {
            return new CurrentUser("sales.rep", "Sales Rep");
        }

        @Override
        public boolean isPermitted(Action a, String e, String owner) {
            return !(a == action && e.equals(entity));
        }
    }

    @Test
    void refusedActionsWriteNothing() {
        Refusing security = new Refusing(Action.DELETE, Opportunity.ENTITY);
        try (Database db = Database.open(DatabaseSettings.inMemory("perm-" + UUID.randomUUID()), security)) {
            CustomerServiceImpl customers = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, security, (e, c, i) -> { });
            Customer customer = new Customer("某公司");
            customer.setStatus(CustomerStatus.ACTIVE);
            customer = customers.create(customer);
            Opportunity o = new Opportunity(customer, "x", Money.cny("10"));
            o.setPipeline(new PipelineServiceImpl(db, security, (e, c, i) -> { }).pipelines(true).get(0));
            o.setExpectedCloseDate(LocalDate.now(Clocks.system()));
            long id = opportunities.create(o).getId();
            AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> opportunities.delete(id));
            assertTrue(denied.getMessage().contains("sales.rep"));
            assertTrue(opportunities.find(id).isPresent());
        }
    }

    @Test
    void eachServiceChecks() {
        try (Database db = Database.open(DatabaseSettings.inMemory("perm-" + UUID.randomUUID()), new Refusing(Action.READ, "none"))) {
            Refusing noLeads = new Refusing(Action.CREATE, Lead.ENTITY);
            CustomerServiceImpl customers = new CustomerServiceImpl(db, noLeads, (e, c, i) -> { });
            OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, noLeads, (e, c, i) -> { });
            LeadServiceImpl leads = new LeadServiceImpl(db, noLeads, (e, c, i) -> { }, customers, customers, opportunities);
            assertThrows(AccessDeniedException.class, () -> leads.create(new Lead("某公司")));
            Refusing noPipelines = new Refusing(Action.CREATE, Pipeline.ENTITY);
            assertThrows(AccessDeniedException.class, () -> new PipelineServiceImpl(db, noPipelines, (e, c, i) -> { }).create(new Pipeline("p")));
            Refusing noReading = new Refusing(Action.READ, Opportunity.ENTITY);
            assertThrows(AccessDeniedException.class, () -> new ForecastServiceImpl(db, noReading)
                    .forecast(ForecastQuery.months(java.time.YearMonth.now(Clocks.system()), java.time.YearMonth.now(Clocks.system()), ForecastGrouping.OWNER)));
            assertEquals(0, db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM SB_LEAD").getSingleResult()).longValue()));
        }
    }
}
