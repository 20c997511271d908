package org.salesbench.opportunities.tests.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.assignment.AssignableKind;
import org.salesbench.opportunities.assignment.AssignmentRecord;
import org.salesbench.opportunities.assignment.AssignmentRule;
import org.salesbench.opportunities.assignment.AssignmentRule.Type;
import org.salesbench.opportunities.assignment.AssignmentService;
import org.salesbench.opportunities.assignment.StrategyInfo;
import org.salesbench.opportunities.assignment.internal.AssignmentServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.Team;
import org.salesbench.users.User;

class AssignmentTest {

    record Posted(String entity, Change change, long id) {
    }

    private Database db;
    private AssignmentServiceImpl service;
    private final List<Posted> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() {
        LocalSecurityService security = new LocalSecurityService("tester");
        db = Database.open(DatabaseSettings.inMemory("assign-" + UUID.randomUUID()), security);
        DomainEventPublisher publisher = (entity, change, id) -> events.add(new Posted(entity, change, id));
        service = new AssignmentServiceImpl(db, security, publisher);
        // users in login order: ann, bob, cai (inactive), dan
        db.write(em -> {
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
        db.close();
    }

    private long lead(String company, String industry, LeadStatus status, String owner) {
        return db.write(em -> {
            Lead lead = new Lead(company);
            lead.setNormalizedCompany(company.toLowerCase());
            lead.setIndustry(industry);
            lead.setStatus(status);
            lead.setOwner(owner);
            em.persist(lead);
            em.flush();
            return lead.getId();
        });
    }

    private long opportunity(String customerName, String region, String industry, String owner) {
        return db.write(em -> {
            Customer customer = new Customer(customerName);
            customer.setNormalizedName(customerName.toLowerCase());
            customer.setRegion(region);
            customer.setIndustry(industry);
            customer.setStatus(CustomerStatus.ACTIVE);
            em.persist(customer);
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p WHERE p.name = 'New business'", Pipeline.class).getSingleResult();
            Stage first = pipeline.firstStage(StageKind.OPEN).orElseThrow();
            Opportunity o = new Opportunity(customer, customerName + " 项目", Money.cny("120000.00"));
            o.setPipeline(pipeline);
            o.setStage(first);
            o.setProbability(first.getProbability());
            o.setOwner(owner);
            em.persist(o);
            em.flush();
            return o.getId();
        });
    }

    private String ownerOf(Class<?> type, long id) {
        return db.read(em -> ((org.salesbench.core.model.AbstractEntity) em.find(type, id)).getOwner());
    }

    private void team(String name, String region, String... members) {
        db.write(em -> {
            Team team = new Team(name);
            team.setRegion(region);
            team.getMembers().addAll(List.of(members));
            em.persist(team);
            return null;
        });
    }

    @Test
    void theFourBuiltInStrategiesAreContributedAndRoundRobinIsTheDefault() {
        assertEquals(List.of(AssignmentService.ROUND_ROBIN, AssignmentService.TERRITORY, AssignmentService.INDUSTRY, AssignmentService.LOAD),
                service.strategies().stream().map(StrategyInfo::id).toList());
        assertEquals(AssignmentService.ROUND_ROBIN, service.configuredStrategy());
    }

    @Test
    void roundRobinTakesActiveUsersInTurnAndNeverAnInactiveOne() {
        List<String> owners = new ArrayList<>();
        List<String> explanations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = lead("线索公司 " + i, "制造", LeadStatus.NEW, "tester");
            AssignmentRecord record = service.assignLead(id);
            owners.add(record.assignee());
            explanations.add(record.explanation());
            assertEquals(record.assignee(), ownerOf(Lead.class, id), "the lead's owner is set");
        }
        assertEquals(List.of("ann", "bob", "dan", "ann"), owners, "cai is inactive and skipped");
        assertEquals("assigned to Ann Lee: round robin, no open leads", explanations.get(0));
        assertEquals("assigned to Li Wei: round robin, no open leads", explanations.get(2));
        assertEquals("assigned to Ann Lee: round robin, 1 open lead", explanations.get(3));
    }

    @Test
    void concurrentAssignmentsTakeTurnsWithoutDealingTwice() throws Exception {
        List<Long> leads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            leads.add(lead("并发线索 " + i, null, LeadStatus.NEW, "tester"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AssignmentRecord>> results = new ArrayList<>();
            for (long id : leads) {
                results.add(pool.submit(() -> service.assignLead(id)));
            }
            List<String> assignees = new ArrayList<>();
            for (Future<AssignmentRecord> result : results) {
                assignees.add(result.get().assignee());
            }
            assertEquals(Map.of("ann", 4L, "bob", 4L, "dan", 4L),
                    assignees.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting())), "a fair share each");
        } finally {
            pool.shutdown();
        }
        assertEquals(12, service.recent(100).size());
    }

    @Test
    void territoryRulesFirstThenTeamRegionsThenTheFallbackSaysSo() {
        service.saveRules(List.of(new AssignmentRule(Type.REGION, "华东", "bob")));
        team("华南销售组", "华南", "dan", "cai");
        service.configureStrategy(AssignmentService.TERRITORY);

        AssignmentRecord east = service.assignOpportunity(opportunity("上海东方机械", "华东", "制造", "tester"));
        assertEquals("bob", east.assignee());
        assertEquals("assigned to Bob Wang: territory 华东, no open opportunities", east.explanation());
        assertEquals(AssignmentService.TERRITORY, east.strategyId());

        AssignmentRecord south = service.assignOpportunity(opportunity("深圳南方电子", "华南", "通信", "tester"));
        assertEquals("dan", south.assignee(), "the 华南 team's active member; cai is inactive");

        lead("已有线索", null, LeadStatus.WORKING, "ann");
        AssignmentRecord west = service.assignOpportunity(opportunity("成都西部能源", "西南", "能源", "tester"));
        assertEquals(AssignmentService.LOAD, west.strategyId(), "no rule and no team for 西南");
        assertEquals("ann", west.assignee(), "one open record each; ann has no opportunity yet");
        assertEquals("assigned to Ann Lee: By territory (region) found no match; fewest open records: 1 open lead and no open opportunities",
                west.explanation());
    }

    @Test
    void industryRulesShareTheWorkByLoadAndPassOverInactiveUsers() {
        service.saveRules(List.of(new AssignmentRule(Type.INDUSTRY, "制造", "ann"), new AssignmentRule(Type.INDUSTRY, " 制造 ", "dan"),
                new AssignmentRule(Type.INDUSTRY, "金融", "bob")));
        // cai was given 金融 before leaving the company: the rule stays but cai is never chosen
        db.write(em -> em.createNativeQuery("INSERT INTO SB_ASSIGNMENT_RULE (POSITION, RULE_TYPE, MATCH_VALUE, ASSIGNEE) VALUES (9, 'INDUSTRY', '金融', 'cai')")
                .executeUpdate());
        lead("安的旧线索", "零售", LeadStatus.QUALIFIED, "ann");
        service.configureStrategy(AssignmentService.INDUSTRY);

        AssignmentRecord first = service.assignLead(lead("苏州精密制造", "制造", LeadStatus.NEW, "tester"));
        assertEquals("dan", first.assignee(), "ann already has an open lead");
        assertEquals("assigned to Li Wei: industry 制造, no open leads", first.explanation());
        AssignmentRecord second = service.assignLead(lead("无锡重工", "制造", LeadStatus.NEW, "tester"));
        assertEquals("ann", second.assignee(), "one open lead each now: ann before dan by login");
        for (int i = 0; i < 3; i++) {
            assertEquals("bob", service.assignLead(lead("银行 " + i, "金融", LeadStatus.NEW, "tester")).assignee());
        }
    }

    @Test
    void loadPicksTheUserWithFewestOpenLeadsAndOpportunities() {
        lead("a1", null, LeadStatus.NEW, "ann");
        lead("a2", null, LeadStatus.WORKING, "ann");
        lead("b-done", null, LeadStatus.CONVERTED, "bob");
        lead("b-dropped", null, LeadStatus.DISQUALIFIED, "bob");
        opportunity("丁公司", "华北", "金融", "dan");
        lead("c-many", null, LeadStatus.NEW, "cai");
        service.configureStrategy(AssignmentService.LOAD);

        AssignmentRecord record = service.assignOpportunity(opportunity("新客户", "华北", "零售", "tester"));
        assertEquals("bob", record.assignee(), "converted and disqualified leads are not open; cai is inactive");
        assertEquals("assigned to Bob Wang: fewest open records: no open leads and no open opportunities", record.explanation());
        AssignmentRecord next = service.assignLead(lead("又一个", null, LeadStatus.NEW, "tester"));
        assertEquals("bob", next.assignee(), "bob and dan have one opportunity each and no lead: the login decides");
    }

    @Test
    void everyAssignmentIsLoggedReadableAndAnnounced() {
        long leadId = lead("日志公司", "制造", LeadStatus.NEW, "tester");
        long opportunityId = opportunity("日志客户", "华东", "制造", "tester");
        AssignmentRecord first = service.assignLead(leadId);
        service.configureStrategy(AssignmentService.LOAD);
        AssignmentRecord again = service.assignLead(leadId);
        AssignmentRecord opp = service.assignOpportunity(opportunityId);
        assertEquals(List.of("ann", "bob", "ann"), List.of(first.assignee(), again.assignee(), opp.assignee()));

        List<AssignmentRecord> leadLog = service.history(AssignableKind.LEAD, leadId);
        assertEquals(List.of(again, first), leadLog.stream().map(r -> withMillis(r, again, first)).toList(), "newest first");
        assertEquals("tester", first.assignedBy());
        assertEquals(AssignmentService.ROUND_ROBIN, leadLog.get(1).strategyId());
        assertEquals(AssignmentService.LOAD, leadLog.get(0).strategyId());
        assertEquals(List.of(opp.id(), again.id()), service.recent(2).stream().map(AssignmentRecord::id).toList());
        assertEquals(3, service.recent(10).size());
        assertEquals(List.of(new Posted("lead", Change.UPDATED, leadId), new Posted("lead", Change.UPDATED, leadId),
                new Posted("opportunity", Change.UPDATED, opportunityId)), events);

        AssignmentServiceImpl restarted = new AssignmentServiceImpl(db, new LocalSecurityService("tester"), (e, c, i) -> { });
        assertEquals(AssignmentService.LOAD, restarted.configuredStrategy(), "the strategy is kept in the database");
        assertEquals(3, restarted.recent(10).size());
    }

    /** Timestamps come back from the database at its precision; compare the rest exactly. */
    private static AssignmentRecord withMillis(AssignmentRecord read, AssignmentRecord... written) {
        for (AssignmentRecord w : written) {
            if (w.id() == read.id()) {
                assertEquals(w.assignedAt().toEpochMilli(), read.assignedAt().toEpochMilli());
                return new AssignmentRecord(read.id(), w.assignedAt(), read.assignedBy(), read.kind(), read.entityId(), read.strategyId(),
                        read.assignee(), read.explanation());
            }
        }
        return read;
    }

    @Test
    void badRulesAndUnknownStrategiesAreRefusedNamingTheField() {
        ValidationException bad = assertThrows(ValidationException.class, () -> service.saveRules(List.of(
                new AssignmentRule(Type.REGION, "华东", "bob"), new AssignmentRule(Type.REGION, " ", "ann"),
                new AssignmentRule(Type.INDUSTRY, "金融", "cai"), new AssignmentRule(Type.INDUSTRY, "能源", "nobody"))));
        assertEquals("Rule 2: region or industry is required", bad.errorOf("rules[1].value").message());
        assertEquals("Rule 3: assignee: 'cai' is not an active user.", bad.errorOf("rules[2].assignee").message());
        assertTrue(bad.errorOf("rules[3].assignee").message().contains("nobody"));
        assertTrue(service.rules().isEmpty(), "nothing half-saved");

        ValidationException unknown = assertThrows(ValidationException.class, () -> service.configureStrategy("com.example.none"));
        assertTrue(unknown.errorOf("strategy").message().contains("com.example.none"), unknown.errorOf("strategy").message());
        assertEquals(AssignmentService.ROUND_ROBIN, service.configuredStrategy());
    }

    @Test
    void aUserWhoMayNotChangeTheLeadCannotAssignIt() {
        long id = lead("权限公司", null, LeadStatus.NEW, "tester");
        AssignmentServiceImpl viewer = new AssignmentServiceImpl(db, WinProbabilityTest.readOnly(), (e, c, i) -> events.add(new Posted(e, c, i)));
        assertThrows(AccessDeniedException.class, () -> viewer.assignLead(id));
        assertThrows(AccessDeniedException.class, () -> viewer.configureStrategy(AssignmentService.LOAD));
        assertEquals("tester", ownerOf(Lead.class, id));
        assertTrue(viewer.recent(5).isEmpty(), "reading the log is allowed, and it is empty");
        assertTrue(events.isEmpty());
    }

    @Test
    void withNoActiveUserNothingIsWritten() {
        long id = lead("无人公司", null, LeadStatus.NEW, "tester");
        db.write(em -> em.createNativeQuery("UPDATE SB_USER SET ACTIVE = FALSE").executeUpdate());
        ValidationException none = assertThrows(ValidationException.class, () -> service.assignLead(id));
        assertEquals("There is no active user to assign to.", none.errorOf("owner").message());
        assertEquals("tester", ownerOf(Lead.class, id));
        assertTrue(service.recent(5).isEmpty());
        assertTrue(events.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> service.assignOpportunity(-1));
    }
}
