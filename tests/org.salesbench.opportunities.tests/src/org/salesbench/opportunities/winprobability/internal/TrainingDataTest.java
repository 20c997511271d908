package org.salesbench.opportunities.winprobability.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.opportunities.winprobability.AmountBand;
import org.salesbench.opportunities.winprobability.ClosedDeal;
import org.salesbench.opportunities.winprobability.DealFeatures;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The training query reads what the opportunity and customer services write: deals closed
 * through the real services, described as they were when they closed.
 */
class TrainingDataTest {

    private Database db;
    private CustomerServiceImpl customers;
    private OpportunityServiceImpl opportunities;
    private Pipeline newBusiness;

    @BeforeEach
    void open() {
        LocalSecurityService security = new LocalSecurityService("tester");
        db = Database.open(DatabaseSettings.inMemory("training-" + UUID.randomUUID()), security);
        DomainEventPublisher quiet = (entity, change, id) -> { };
        customers = new CustomerServiceImpl(db, security, quiet);
        opportunities = new OpportunityServiceImpl(db, security, quiet);
        newBusiness = new PipelineServiceImpl(db, security, quiet).pipelines(false).stream()
                .filter(p -> p.getName().equals("New business")).findFirst().orElseThrow();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Stage stage(String name) {
        return newBusiness.getStages().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    private Customer customer(String name, String industry) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.ACTIVE);
        c.setIndustry(industry);
        c.addActivity(new Activity(ActivityType.VISIT, LocalDateTime.now(Clocks.system()).minusDays(10), "初次拜访"));
        return customers.create(c);
    }

    private Opportunity opportunity(Customer customer, String amount, String source) {
        Opportunity o = new Opportunity(customer, customer.getName() + " 项目", Money.cny(amount));
        o.setPipeline(newBusiness);
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusMonths(2));
        o.setSource(source);
        return opportunities.create(o);
    }

    @Test
    void closedDealsAreReadAsTheyWereWhenTheyClosed() {
        Customer yunqi = customer("杭州云栖科技有限公司", "通信");
        Opportunity won = opportunity(yunqi, "1200000.00", "REFERRAL");
        opportunities.moveToStage(won.getId(), stage("Needs analysis").getId());
        opportunities.moveToStage(won.getId(), stage("Proposal").getId());
        customers.logActivity(yunqi.getId(), new Activity(ActivityType.CALL, LocalDateTime.now(Clocks.system()), "报价沟通"));
        customers.logActivity(yunqi.getId(), new Activity(ActivityType.MEETING, LocalDateTime.now(Clocks.system()), "方案评审"));
        opportunities.markWon(won.getId(), LocalDate.now(Clocks.system()));
        customers.logActivity(yunqi.getId(), new Activity(ActivityType.CALL, LocalDateTime.now(Clocks.system()).plusDays(3), "回访"));

        Customer shop = customer("北京百货", "零售");
        Opportunity lost = opportunity(shop, "60000.00", "CAMPAIGN");
        opportunities.markLost(lost.getId(), "价格太高", LocalDate.now(Clocks.system()));

        Opportunity open = opportunity(customer("南京钢铁", "制造"), "300000.00", null);
        opportunities.moveToStage(open.getId(), stage("Needs analysis").getId());

        List<ClosedDeal> closed = db.read(TrainingData::closedDeals);
        assertEquals(2, closed.size(), "the open one is not training data");
        DealFeatures w = closed.stream().filter(ClosedDeal::won).findFirst().orElseThrow().features();
        assertEquals("Proposal", w.stage(), "the stage it left for Closed won");
        assertEquals(0.5, w.stageProbability(), 1e-9);
        assertEquals(0, w.ageDays());
        assertEquals(AmountBand.OVER_1M, w.amountBand());
        assertEquals("Referral", w.source());
        assertEquals("通信", w.industry());
        assertEquals(2, w.activityCount(), "only the activities between creation and closing");
        DealFeatures l = closed.stream().filter(d -> !d.won()).findFirst().orElseThrow().features();
        assertEquals("Qualification", l.stage());
        assertEquals("零售", l.industry());
        assertEquals(0, l.activityCount());

        TrainingData.OpenDeal read = db.read(em -> TrainingData.opportunity(em, open.getId(), LocalDate.now(Clocks.system()).plusDays(30))).orElseThrow();
        assertFalse(read.closed());
        assertEquals("Needs analysis", read.features().stage());
        assertEquals(30, read.features().ageDays());
        assertEquals(null, read.features().source());
        assertEquals("tester", read.owner());
        assertTrue(db.read(em -> TrainingData.opportunity(em, -1, LocalDate.now(Clocks.system()))).isEmpty());
    }
}
