package org.salesbench.performance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.demo.DemoDataGenerator;
import org.salesbench.demo.internal.DemoTargets;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.performance.commissions.Statement;
import org.salesbench.performance.internal.commissions.CommissionServiceImpl;
import org.salesbench.performance.internal.scorecards.SampleScorecardsImpl;
import org.salesbench.performance.internal.scorecards.ScorecardServiceImpl;
import org.salesbench.performance.internal.targets.AttainmentServiceImpl;
import org.salesbench.performance.internal.targets.TargetServiceImpl;
import org.salesbench.performance.kpi.Period;
import org.salesbench.performance.scorecards.Assessment;
import org.salesbench.performance.scorecards.ScoreSheet;
import org.salesbench.performance.scorecards.ScorecardTemplate;
import org.salesbench.performance.scorecards.TemplateStatus;
import org.salesbench.performance.targets.Attainment;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * The demo's performance data on a first start, signed in as the embedded database's owner ({@code admin}, in no demo
 * team): the owner gets a won revenue target as the demo people do, and a published scorecard of the running quarter
 * with an assessment for everyone and a commission plan with everyone's quarterly statement exist. A second run (a
 * refill after a reset) makes nothing twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPerformanceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 16);
    private static final Period Q4 = Period.parse("2026-Q4").orElseThrow();
    private static final String OWNER = LocalSecurityService.DEFAULT_LOGIN;

    private Database db;
    private TargetServiceImpl targets;
    private AttainmentServiceImpl attainment;
    private ScorecardServiceImpl scorecards;
    private CommissionServiceImpl commissions;
    private DemoTargets demo;
    private final List<String> people = new ArrayList<>();

    @BeforeAll
    void firstStart() {
        LocalSecurityService owner = new LocalSecurityService(OWNER);
        db = Database.open(DatabaseSettings.inMemory("demo-performance-" + UUID.randomUUID()), owner);
        Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        UserServiceImpl users = new UserServiceImpl(db, owner);
        // the demo people and teams as DemoData makes them
        for (String[] u : DemoDataGenerator.USERS) {
            users.createUser(new User(u[0], u[1]));
            people.add(u[0]);
        }
        for (String[] t : DemoDataGenerator.TEAMS) {
            Team team = new Team(t[0]);
            team.setManager(t[2]);
            team.getMembers().addAll(Arrays.asList(t).subList(2, t.length));
            users.createTeam(team);
        }
        MetricCatalogueImpl catalogue = new MetricCatalogueImpl(Locale.ENGLISH);
        attainment = new AttainmentServiceImpl(db, new ReportServiceImpl(db, owner, catalogue, new ForecastServiceImpl(db, owner)), catalogue, clock);
        targets = new TargetServiceImpl(db, owner, users, catalogue, attainment, (entity, change, id) -> {
        });
        scorecards = new ScorecardServiceImpl(db, owner, targets, clock);
        commissions = new CommissionServiceImpl(db, owner, targets);
        demo = new DemoTargets(targets, scorecards, commissions, users, new SampleScorecardsImpl(db, owner, targets), owner);
        won(people.get(0), "120000", TODAY.minusDays(10));
        won(OWNER, "50000", TODAY.minusDays(3));
        demo.make(TODAY);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void theLocalOwnerHasAWonRevenueTargetLikeTheDemoPeople() {
        Attainment owner = attainment.attainment("won_revenue", Subject.person(OWNER), TargetPeriod.year(2026), TODAY);
        assertNotNull(owner.target(), "the owner's attainment has a target");
        Attainment person = attainment.attainment("won_revenue", Subject.person(people.get(0)), TargetPeriod.year(2026), TODAY);
        // 36,000,000 split equally to 2 teams of 3 and 2 people: the owner gets the average person's 7,200,000
        assertEquals(0, new BigDecimal("7200000").compareTo(owner.target()), owner.toString());
        assertEquals(0, new BigDecimal("6000000").compareTo(person.target()), person.toString());
        assertEquals(0, new BigDecimal("50000").compareTo(owner.actual()), owner.toString());
        // and the months, so My Performance shows this month's part
        Attainment november = attainment.attainment("won_revenue", Subject.person(OWNER), TargetPeriod.month(2026, 11), TODAY);
        assertEquals(0, new BigDecimal("600000").compareTo(november.target()), november.toString());
        // and the quarters, the sum of their months, which the quarter's scorecard reads
        Attainment q4 = attainment.attainment("won_revenue", Subject.person(OWNER), TargetPeriod.quarter(2026, 4), TODAY);
        assertEquals(0, new BigDecimal("1800000").compareTo(q4.target()), q4.toString());
    }

    @Test
    void aPublishedScorecardOfTheQuarterAssessesEveryone() {
        ScorecardTemplate template = scorecards.publishedFor(Q4).orElseThrow();
        assertEquals(TemplateStatus.PUBLISHED, template.getStatus());
        assertTrue(template.getPublishedAt().isBefore(Q4.from().atStartOfDay(ZoneOffset.UTC).toInstant()), "published before the quarter");
        List<Assessment> assessments = scorecards.assessments(Q4);
        List<String> everyone = new ArrayList<>(people);
        everyone.add(OWNER);
        assertEquals(everyone.stream().sorted().toList(), assessments.stream().map(Assessment::getLogin).sorted().toList());
        Assessment first = assessments.stream().filter(a -> a.getLogin().equals(people.get(0))).findFirst().orElseThrow();
        ScoreSheet sheet = scorecards.sheet(first.getId());
        assertFalse(sheet.lines().isEmpty());
        // 120,000 won against the person's quarter target of 1,500,000 (the sum of the quarter's months): 8 % attainment,
        // which the capped curve (target 100) scores 8 and the line's weight of 60 makes 4.8 points
        ScoreSheet.Line revenue = sheet.lines().stream().filter(l -> l.kpiId().equals("revenue_attainment")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("1500000").compareTo(revenue.kpiTarget()), revenue.toString());
        assertEquals(0, new BigDecimal("8").compareTo(revenue.rawValue()), revenue.toString());
        assertEquals(0, new BigDecimal("4.8").compareTo(revenue.weighted()), revenue.toString());
        assertTrue(first.getComputedScore().compareTo(revenue.weighted()) >= 0, first.getComputedScore().toString());
    }

    @Test
    void everyoneHasACommissionStatementOfTheQuarter() {
        List<String> everyone = new ArrayList<>(people);
        everyone.add(OWNER);
        List<Statement> statements = demo.statements(TODAY, everyone);
        assertEquals(everyone.size(), statements.size());
        Statement owner = statements.get(statements.size() - 1);
        assertEquals(OWNER, owner.login());
        assertEquals(1, owner.lines().size());
        // 50,000 won × 3 %, against a quarter's quota of 1,800,000
        assertEquals(new BigDecimal("1500.00"), owner.total());
        assertEquals(0, new BigDecimal("1800000").compareTo(owner.target()), owner.toString());
    }

    @Test
    void aSecondRunMakesNothingTwice() {
        demo.make(TODAY);
        assertEquals(1, scorecards.templates().size());
        assertEquals(1, commissions.plans().size());
        assertEquals(people.size() + 1, scorecards.assessments(Q4).size());
    }

    private void won(String owner, String amount, LocalDate closedOn) {
        db.write(em -> {
            Customer c = new Customer("演示客户 " + UUID.randomUUID().toString().substring(0, 8));
            c.setStatus(CustomerStatus.PROSPECT);
            c.setNormalizedName(c.getName());
            c.setOwner(owner);
            em.persist(c);
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
            Opportunity o = new Opportunity(c, "赢单 " + amount, Money.cny(amount));
            o.setPipeline(pipeline);
            o.setStage(pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.WON).findFirst().orElseThrow());
            o.setState(StageKind.WON);
            o.setProbability(100);
            o.setClosedOn(closedOn);
            o.setOwner(owner);
            em.persist(o);
            return o;
        });
    }
}
