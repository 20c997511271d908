package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.ConversionRequest;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadConversion;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.assignment.AssignableKind;
import org.salesbench.opportunities.assignment.AssignmentRecord;
import org.salesbench.opportunities.assignment.AssignmentRule;
import org.salesbench.opportunities.assignment.AssignmentRule.Type;
import org.salesbench.opportunities.assignment.AssignmentService;
import org.salesbench.opportunities.assignment.internal.AssignmentServiceImpl;
import org.salesbench.users.User;

/** Leads and opportunities created without an owner are assigned through the services' create (and conversion). */
class AutoAssignmentTest {

    private final OpportunityFixture fx = new OpportunityFixture();
    private AssignmentServiceImpl assignment;

    @BeforeEach
    void wire() {
        assignment = new AssignmentServiceImpl(fx.db, fx.security, fx.publisher);
        fx.leads.setAssignmentService(assignment);
        fx.opportunities.setAssignmentService(assignment);
        // candidates in login order: ann, bob, cai (inactive), dan; the creator "tester" is no candidate
        fx.db.write(em -> {
            em.persist(new User("ann", "Ann Lee"));
            em.persist(new User("bob", "Bob Wang"));
            User cai = new User("cai", "蔡敏");
            cai.setActive(false);
            em.persist(cai);
            em.persist(new User("dan", "Li Wei"));
            return null;
        });
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Lead newLead(String company, String industry) {
        Lead lead = new Lead(company);
        lead.setIndustry(industry);
        return fx.leads.create(lead);
    }

    private Customer customer(String name, String region) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.ACTIVE);
        c.setRegion(region);
        return fx.customers.create(c);
    }

    private Opportunity newOpportunity(Customer customer) {
        return fx.opportunities.create(fx.opportunity(customer, customer.getName() + " 项目", "80000", LocalDate.now(Clocks.system()).plusMonths(2)));
    }

    private List<AssignmentRecord> log(AssignableKind kind, long id) {
        return assignment.history(kind, id);
    }

    private String storedOwner(Class<?> type, long id) {
        return fx.db.read(em -> ((org.salesbench.core.model.AbstractEntity) em.find(type, id)).getOwner());
    }

    @Test
    void switchedOffByDefaultSoTheCreatorOwnsWhatTheyCreate() {
        assertFalse(assignment.isAutoAssignEnabled(AssignableKind.LEAD));
        assertFalse(assignment.isAutoAssignEnabled(AssignableKind.OPPORTUNITY));
        Lead lead = newLead("默认公司", "制造");
        assertEquals("tester", lead.getOwner());
        assertTrue(log(AssignableKind.LEAD, lead.getId()).isEmpty());
        Opportunity o = newOpportunity(customer("默认客户", "华东"));
        assertEquals("tester", o.getOwner());
        assertTrue(log(AssignableKind.OPPORTUNITY, o.getId()).isEmpty());
    }

    @Test
    void roundRobinThroughLeadCreateSkipsInactiveUsersAndLogsEachDecision() {
        assignment.setAutoAssignEnabled(AssignableKind.LEAD, true);
        assertTrue(assignment.isAutoAssignEnabled(AssignableKind.LEAD));
        assertFalse(assignment.isAutoAssignEnabled(AssignableKind.OPPORTUNITY), "switched on per kind");
        List<String> owners = new java.util.ArrayList<>();
        AssignmentRecord last = null;
        for (int i = 0; i < 4; i++) {
            Lead lead = newLead("轮转公司 " + i, null);
            owners.add(lead.getOwner());
            assertEquals(lead.getOwner(), storedOwner(Lead.class, lead.getId()), "the stored owner is the assignee");
            List<AssignmentRecord> log = log(AssignableKind.LEAD, lead.getId());
            assertEquals(1, log.size());
            last = log.get(0);
            assertEquals(AssignmentService.ROUND_ROBIN, last.strategyId());
            assertEquals(lead.getOwner(), last.assignee());
        }
        assertEquals(List.of("ann", "bob", "dan", "ann"), owners);
        assertEquals("assigned to Ann Lee: round robin, 1 open lead", last.explanation());
    }

    @Test
    void anOwnerTheCallerGaveIsKeptAndNotLogged() {
        assignment.setAutoAssignEnabled(AssignableKind.LEAD, true);
        assignment.setAutoAssignEnabled(AssignableKind.OPPORTUNITY, true);
        Lead lead = new Lead("指定公司");
        lead.setOwner("bob");
        lead = fx.leads.create(lead);
        assertEquals("bob", lead.getOwner());
        assertTrue(log(AssignableKind.LEAD, lead.getId()).isEmpty());
        Opportunity o = fx.opportunity(customer("指定客户", "华东"), "指定项目", "1000", null);
        o.setOwner("dan");
        o = fx.opportunities.create(o);
        assertEquals("dan", storedOwner(Opportunity.class, o.getId()));
        assertTrue(log(AssignableKind.OPPORTUNITY, o.getId()).isEmpty());
    }

    @Test
    void territoryThroughOpportunityCreateUsesTheCustomersRegion() {
        assignment.saveRules(List.of(new AssignmentRule(Type.REGION, "华东", "bob"), new AssignmentRule(Type.REGION, "华南", "dan")));
        assignment.configureStrategy(AssignmentService.TERRITORY);
        assignment.setAutoAssignEnabled(AssignableKind.OPPORTUNITY, true);
        Opportunity east = newOpportunity(customer("上海东方机械", "华东"));
        Opportunity south = newOpportunity(customer("深圳南方电子", "华南"));
        assertEquals("bob", east.getOwner());
        assertEquals("dan", south.getOwner());
        AssignmentRecord record = log(AssignableKind.OPPORTUNITY, east.getId()).get(0);
        assertEquals(AssignmentService.TERRITORY, record.strategyId());
        assertEquals("assigned to Bob Wang: territory 华东, no open opportunities", record.explanation());
    }

    @Test
    void industryThroughLeadCreateUsesTheLeadsIndustry() {
        assignment.saveRules(List.of(new AssignmentRule(Type.INDUSTRY, "金融", "dan"), new AssignmentRule(Type.INDUSTRY, "制造", "ann")));
        assignment.configureStrategy(AssignmentService.INDUSTRY);
        assignment.setAutoAssignEnabled(AssignableKind.LEAD, true);
        assertEquals("dan", newLead("城市银行", "金融").getOwner());
        assertEquals("ann", newLead("苏州精密制造", "制造").getOwner());
        Lead other = newLead("杂货铺", "零售");
        AssignmentRecord fallback = log(AssignableKind.LEAD, other.getId()).get(0);
        assertEquals(AssignmentService.LOAD, fallback.strategyId(), "no rule for 零售: the least loaded user");
        assertEquals("bob", other.getOwner(), "ann and dan have an open lead each, bob none");
    }

    @Test
    void industryRulesWrittenWithLabelsCompareTheIndustryCode() {
        // the rule editor and older rules give labels; records store the picklist's codes
        assignment.saveRules(List.of(new AssignmentRule(Type.INDUSTRY, "Technology", "dan"), new AssignmentRule(Type.INDUSTRY, " 银行 ", "ann")));
        assertEquals(List.of("TECHNOLOGY", "BANKING"), assignment.rules().stream().map(AssignmentRule::value).toList(), "stored as codes");
        // a rule stored with a label before the codes (the change set upgrades it; matching does not depend on it)
        fx.db.write(em -> em.createNativeQuery("UPDATE SB_ASSIGNMENT_RULE SET MATCH_VALUE = '银行' WHERE ASSIGNEE = 'ann'").executeUpdate());
        assignment.configureStrategy(AssignmentService.INDUSTRY);
        assignment.setAutoAssignEnabled(AssignableKind.LEAD, true);
        assertEquals("dan", newLead("云帆科技", "TECHNOLOGY").getOwner());
        assertEquals("ann", newLead("城市银行", "BANKING").getOwner());
        assertEquals("dan", newLead("老数据科技", "信息技术").getOwner(), "a lead keeping a label from before the codes");
    }

    @Test
    void loadThroughOpportunityCreatePicksTheLeastBusy() {
        assignment.configureStrategy(AssignmentService.LOAD);
        Lead annLead = new Lead("安的线索");
        annLead.setOwner("ann");
        fx.leads.create(annLead);
        Opportunity danDeal = fx.opportunity(customer("丁客户", "华北"), "丁项目", "1000", null);
        danDeal.setOwner("dan");
        fx.opportunities.create(danDeal);
        assignment.setAutoAssignEnabled(AssignableKind.OPPORTUNITY, true);
        Opportunity o = newOpportunity(customer("新客户", "华北"));
        assertEquals("bob", o.getOwner());
        assertEquals("assigned to Bob Wang: fewest open records: no open leads and no open opportunities",
                log(AssignableKind.OPPORTUNITY, o.getId()).get(0).explanation());
    }

    @Test
    void conversionAssignsTheNewOpportunityWhenSwitchedOnAndKeepsTheLeadOwnerOtherwise() {
        Lead first = new Lead("转化一公司");
        first.setOwner("ann");
        first.setStatus(LeadStatus.QUALIFIED);
        first = fx.leads.create(first);
        LeadConversion kept = fx.leads.convert(first.getId(), ConversionRequest.DEFAULTS);
        assertEquals("ann", storedOwner(Opportunity.class, kept.opportunityId()), "off: the lead's owner keeps the deal");

        assignment.configureStrategy(AssignmentService.TERRITORY);
        assignment.saveRules(List.of(new AssignmentRule(Type.REGION, "西南", "dan")));
        assignment.setAutoAssignEnabled(AssignableKind.OPPORTUNITY, true);
        Customer chengdu = customer("成都西部能源", "西南");
        Lead second = new Lead("成都西部能源分公司");
        second.setOwner("ann");
        second.setStatus(LeadStatus.QUALIFIED);
        second = fx.leads.create(second);
        LeadConversion assigned = fx.leads.convert(second.getId(), new ConversionRequest(chengdu.getId(), null, null, null, null));
        assertEquals("dan", storedOwner(Opportunity.class, assigned.opportunityId()));
        assertEquals(1, log(AssignableKind.OPPORTUNITY, assigned.opportunityId()).size());
        assertEquals("ann", storedOwner(Lead.class, second.getId()), "the lead itself stays with its owner");
    }

    @Test
    void aRefusedAssignmentLeavesNoRecordBehind() {
        fx.db.write(em -> em.createNativeQuery("UPDATE SB_USER SET ACTIVE = FALSE").executeUpdate());
        assignment.setAutoAssignEnabled(AssignableKind.LEAD, true);
        long before = fx.count("SELECT COUNT(*) FROM SB_LEAD");
        ValidationException e = assertThrows(ValidationException.class, () -> newLead("无人公司", null));
        assertEquals("owner", e.getErrors().get(0).field());
        assertEquals(before, fx.count("SELECT COUNT(*) FROM SB_LEAD"), "the lead was not written");
        assertEquals(0, fx.count("SELECT COUNT(*) FROM SB_ASSIGNMENT_LOG"));
    }
}
