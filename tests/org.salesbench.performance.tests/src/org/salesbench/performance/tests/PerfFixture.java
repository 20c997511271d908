package org.salesbench.performance.tests;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.performance.internal.commissions.CommissionServiceImpl;
import org.salesbench.performance.internal.kpi.KpiServiceImpl;
import org.salesbench.performance.internal.scorecards.ScorecardServiceImpl;
import org.salesbench.performance.internal.targets.AttainmentServiceImpl;
import org.salesbench.performance.internal.targets.TargetServiceImpl;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.quotes.Product;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.SignedIn;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskStatus;

/**
 * A team on a Derby database of its own with the performance services: li.na and zhou.jie (sales_rep) report to
 * wang.qiang (sales_manager); zhang.wei is an administrator. The scorecard service's clock stands at 2026-06-15, before
 * the second half-year the tests assess. What other modules publish (deals, customers, activities, tasks, receipts) is
 * written here directly as their entities, with dates the tests choose.
 */
final class PerfFixture implements AutoCloseable {

    static final String REP = "li.na";
    static final String REP2 = "zhou.jie";
    static final String MANAGER = "wang.qiang";
    static final String ADMIN = "zhang.wei";
    static final ZoneId ZONE = ZoneOffset.UTC;

    final Database db;
    final SignedIn security;
    final Clock clock = Clock.fixed(LocalDate.of(2026, 6, 15).atStartOfDay(ZONE).toInstant(), ZONE);
    final UserServiceImpl users;
    final TargetServiceImpl targets;
    final KpiServiceImpl kpis;
    final ScorecardServiceImpl scorecards;
    final CommissionServiceImpl commissions;

    PerfFixture() {
        this(DatabaseSettings.inMemory("performance-" + UUID.randomUUID()));
    }

    PerfFixture(DatabaseSettings settings) {
        Map<String, List<String>> roles = Map.of(REP, List.of("sales_rep"), REP2, List.of("sales_rep"), MANAGER, List.of("sales_manager"),
                ADMIN, List.of("administrator"));
        security = new SignedIn(roles, ADMIN);
        db = Database.open(settings, security);
        if (settings.url().startsWith("jdbc:postgresql:")) {
            // the schema's owner signing in makes the team roles that people's roles and sign-ins are granted
            new RoleSecurityService(db);
        }
        users = new UserServiceImpl(db, security);
        users.createUser(new User(MANAGER, "王强"));
        users.createUser(new User(ADMIN, "张伟"));
        for (String rep : List.of(REP, REP2)) {
            User u = new User(rep, rep.equals(REP) ? "李娜" : "周杰");
            u.setManager(MANAGER);
            users.createUser(u);
        }
        roles.forEach(users::setRoles);
        Team east = new Team("华东");
        east.setManager(MANAGER);
        east.getMembers().add(REP);
        east.getMembers().add(REP2);
        users.createTeam(east);
        targets = targets(db, security, users, clock);
        kpis = new KpiServiceImpl(db, security, users, targets);
        scorecards = new ScorecardServiceImpl(db, security, targets, clock);
        commissions = new CommissionServiceImpl(db, security, targets);
    }

    /** The targets service on {@code db} wired as DS wires it (the published targets revenue attainment and commission tiers fall back on). */
    static TargetServiceImpl targets(Database db, org.salesbench.core.security.SecurityService security, UserServiceImpl users, Clock clock) {
        MetricCatalogueImpl catalogue = new MetricCatalogueImpl(java.util.Locale.ENGLISH);
        ReportServiceImpl reports = new ReportServiceImpl(db, security, catalogue, new ForecastServiceImpl(db, security));
        return new TargetServiceImpl(db, security, users, catalogue, new AttainmentServiceImpl(db, reports, catalogue, clock), (entity, change, id) -> {
        });
    }

    SignedIn as(String login) {
        return security.as(login);
    }

    Customer customer(String owner) {
        return db.write(em -> {
            Customer c = new Customer("杭州云栖智能制造有限公司 " + UUID.randomUUID().toString().substring(0, 8));
            c.setStatus(CustomerStatus.PROSPECT);
            c.setNormalizedName(c.getName());
            c.setGrade("A");
            c.setOwner(owner);
            em.persist(c);
            return c;
        });
    }

    /** A deal of {@code owner}'s: won on {@code closedOn} when given, open otherwise with {@code closeDate} expected. */
    Opportunity deal(String owner, String amount, LocalDate closedOn, LocalDate closeDate, Long productId, String industry) {
        Customer customer = customer(owner);
        return db.write(em -> {
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
            Opportunity o = new Opportunity(em.find(Customer.class, customer.getId()), "商机 " + amount, Money.cny(amount));
            o.setPipeline(pipeline);
            boolean won = closedOn != null;
            Stage stage = won ? pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.WON).findFirst().orElseThrow()
                    : pipeline.getStages().get(0);
            o.setStage(stage);
            o.setState(won ? StageKind.WON : StageKind.OPEN);
            o.setProbability(stage.getProbability());
            o.setClosedOn(closedOn);
            o.setExpectedCloseDate(closeDate);
            o.setProductId(productId);
            o.setIndustry(industry);
            o.setOwner(owner);
            em.persist(o);
            return o;
        });
    }

    /** A product of the catalogue, for the rates of a commission plan; its id. */
    long product(String code) {
        return db.write(em -> {
            Product p = new Product(code, "产品 " + code, "套", Money.cny("1000"), new BigDecimal("13"));
            em.persist(p);
            return p;
        }).getId();
    }

    /** Reopens a won deal, as a manager moving it back to an open stage would. */
    void reopen(long opportunityId) {
        db.write(em -> {
            Opportunity o = em.find(Opportunity.class, opportunityId);
            Pipeline pipeline = o.getPipeline();
            o.setStage(pipeline.getStages().get(0));
            o.setState(StageKind.OPEN);
            o.setClosedOn(null);
            return o;
        });
    }

    void activity(String performer, ActivityType type, LocalDateTime at) {
        activity(performer, type, at, null);
    }

    /** An activity {@code performer} performed at {@code at}, rated {@code satisfaction} (1-5) by the customer, or not rated (null). */
    void activity(String performer, ActivityType type, LocalDateTime at, Integer satisfaction) {
        Customer customer = customer(performer);
        db.write(em -> {
            Customer c = em.find(Customer.class, customer.getId());
            Activity a = c.addActivity(new Activity(type, at, "拜访 " + type));
            a.setPerformedBy(performer);
            a.setOwner(performer);
            a.setSatisfaction(satisfaction);
            em.persist(a);
            return a;
        });
    }

    /** A follow-up task about a customer, due at noon of {@code due}, done at {@code doneAt} (null: still open). */
    void task(String owner, LocalDate due, LocalDateTime doneAt, boolean cancelled) {
        db.write(em -> {
            Task t = new Task("跟进", new RecordRef("customer", 1L), due.atTime(12, 0).toInstant(ZoneOffset.UTC));
            t.setOwner(owner);
            if (cancelled) {
                t.setStatus(TaskStatus.CANCELLED);
            } else if (doneAt != null) {
                t.setStatus(TaskStatus.DONE);
                t.setCompletedAt(doneAt.toInstant(ZoneOffset.UTC));
                t.setCompletedBy(owner);
            }
            em.persist(t);
            return t;
        });
    }

    /** A signed contract of {@code owner}'s on the deal. */
    Contract contract(String owner, Opportunity deal) {
        return db.write(em -> {
            Opportunity o = em.find(Opportunity.class, deal.getId());
            Contract c = new Contract(o.getCustomer(), "合同 " + o.getName(), "CNY");
            c.setNumber("HT-" + UUID.randomUUID().toString().substring(0, 8));
            c.setOpportunity(o);
            c.setOwner(owner);
            em.persist(c);
            return c;
        });
    }

    Receipt receipt(Contract contract, String amount, LocalDate on) {
        return db.write(em -> {
            Receipt r = new Receipt(contract.getId(), contract.getCustomer().getId(), on, Money.cny(amount), ReceiptMethod.BANK_TRANSFER, "R" + amount);
            r.setOwner(contract.getOwner());
            em.persist(r);
            return r;
        });
    }

    Receipt reverse(Receipt original, LocalDate on) {
        return db.write(em -> {
            Receipt o = em.find(Receipt.class, original.getId());
            Receipt r = Receipt.reversalOf(o, on, "退票");
            em.persist(r);
            return r;
        });
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Override
    public void close() {
        db.close();
    }
}
