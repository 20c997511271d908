package org.salesbench.performance.tests.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.model.Money;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.performance.internal.targets.AttainmentServiceImpl;
import org.salesbench.performance.internal.targets.TargetServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.SignedIn;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * A small company on a Derby database of its own, with the real services wired as DS wires them and today fixed at
 * 30 June 2026. Team East (华东, manager wang.qiang): li.na and chen.jie; team North (华北, manager wang.qiang):
 * sun.li; zhao.yun has left (inactive); zhang.wei is the administrator.
 */
final class TargetFixture implements AutoCloseable {

    static final String ADMIN = "zhang.wei";
    static final String MANAGER = "wang.qiang";
    static final String LI = "li.na";
    static final String CHEN = "chen.jie";
    static final String SUN = "sun.li";
    static final String GONE = "zhao.yun";
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    final Database db;
    final SignedIn security;
    final Clock clock = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    final List<String> events = new ArrayList<>();
    final UserServiceImpl users;
    final ReportServiceImpl reports;
    final AttainmentServiceImpl attainment;
    final TargetServiceImpl targets;
    final long east;
    final long north;

    TargetFixture() {
        this(DatabaseSettings.inMemory("targets-" + UUID.randomUUID()));
    }

    TargetFixture(DatabaseSettings settings) {
        Map<String, List<String>> roles = Map.of(ADMIN, List.of("administrator"), MANAGER, List.of("sales_manager"), LI, List.of("sales_rep"),
                CHEN, List.of("sales_rep"), SUN, List.of("sales_rep"), GONE, List.of("sales_rep"));
        security = new SignedIn(roles, ADMIN);
        db = Database.open(settings, security);
        DomainEventPublisher publisher = (entity, change, id) -> {
            synchronized (events) {
                events.add(entity + "/" + change + "/" + id);
            }
        };
        users = new UserServiceImpl(db, security);
        users.createUser(new User(ADMIN, "张伟"));
        users.createUser(new User(MANAGER, "王强"));
        for (String[] u : new String[][] { { LI, "李娜" }, { CHEN, "陈杰" }, { SUN, "孙丽" }, { GONE, "赵云" } }) {
            User user = new User(u[0], u[1]);
            user.setManager(MANAGER);
            users.createUser(user);
        }
        User gone = users.findUser(GONE).orElseThrow();
        gone.setActive(false);
        users.updateUser(gone);
        roles.forEach(users::setRoles);
        Team e = new Team("华东");
        e.setManager(MANAGER);
        e.getMembers().addAll(List.of(LI, CHEN, GONE));
        east = users.createTeam(e).getId();
        Team n = new Team("华北");
        n.setManager(MANAGER);
        n.getMembers().add(SUN);
        north = users.createTeam(n).getId();
        MetricCatalogueImpl catalogue = new MetricCatalogueImpl(Locale.ENGLISH);
        reports = new ReportServiceImpl(db, security, catalogue, new ForecastServiceImpl(db, security));
        attainment = new AttainmentServiceImpl(db, reports, catalogue, clock);
        targets = new TargetServiceImpl(db, security, users, catalogue, attainment, publisher);
    }

    SignedIn as(String login) {
        return security.as(login);
    }

    /** A deal of {@code owner}'s won on {@code closedOn} for {@code amount} (CNY). */
    Opportunity won(String owner, String amount, LocalDate closedOn) {
        return deal(owner, amount, closedOn, true);
    }

    /** An open deal of {@code owner}'s: it counts in no won revenue. */
    Opportunity open(String owner, String amount) {
        return deal(owner, amount, null, false);
    }

    private Opportunity deal(String owner, String amount, LocalDate closedOn, boolean won) {
        return db.write(em -> {
            Customer customer = new Customer("宁波海曙精工机械有限公司 " + UUID.randomUUID());
            customer.setStatus(CustomerStatus.ACTIVE);
            customer.setNormalizedName(customer.getName());
            customer.setOwner(owner);
            em.persist(customer);
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
            Opportunity o = new Opportunity(customer, "ERP " + amount, Money.cny(amount));
            o.setPipeline(pipeline);
            Stage stage = won ? pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.WON).findFirst().orElseThrow()
                    : pipeline.getStages().get(0);
            o.setStage(stage);
            o.setState(won ? StageKind.WON : StageKind.OPEN);
            o.setProbability(stage.getProbability());
            o.setOwner(owner);
            o.setClosedOn(closedOn);
            em.persist(o);
            return o;
        });
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Override
    public void close() {
        db.close();
    }
}
