package org.salesbench.analytics.tests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.ForecastCategory;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.internal.ProductCatalogImpl;
import org.salesbench.quotes.internal.ProductServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.Team;
import org.salesbench.users.User;

/**
 * A fresh in-memory database with the real services and a small hand-built sales data set whose
 * figures the tests work out by hand. All of it happens before "now", so nothing depends on the day
 * the tests run.
 *
 * <pre>
 * Teams: 东区 = li.wei (李伟), wang.fang (王芳); 南区 = zhao.lei (赵磊); zhou.jie owns deals but is no user and in no team.
 * Customers (owner, industry, region, size, grade, created):
 *   C1 华东精密制造 li.wei    制造业 华东 LARGE  A 2026-01-10
 *   C2 北方物流     wang.fang 物流   华北 MEDIUM B 2026-02-15
 *   C3 南方零售     zhao.lei  零售   华南 SMALL  A 2026-02-20
 *   C4 西部能源     li.wei    制造业 西南 -      C 2025-12-01
 * Products: P1 CRM 标准版, P2 CRM 企业版. All deals in the New business pipeline.
 * Won   (customer owner product amount engaged → won; path):
 *   D1  C1 li.wei    P1 100000 CNY 2026-01-05 → 2026-01-25 (20 d) Q NA P WON
 *   D2  C1 li.wei    P2 250000 CNY 2026-01-10 → 2026-02-14 (35 d) Q P WON
 *   D3  C2 wang.fang P1  80000 CNY 2026-02-01 → 2026-02-11 (10 d) Q WON
 *   D4  C3 zhao.lei  P2 400000 CNY 2025-12-01 → 2026-03-01 (90 d) Q NA P WON
 *   D5  C3 zhao.lei  -   50000 CNY 2026-03-01 → 2026-03-31 (30 d) Q NA WON
 *   D6  C2 zhou.jie  P1  30000 CNY 2026-01-15 → 2026-01-20 (5 d)  Q WON
 *   D7  C1 li.wei    P1  70000 CNY 2026-03-20 → 2026-04-02 (13 d) Q WON
 *   D8  C2 wang.fang P2   9999 USD 2026-02-01 → 2026-02-20 (19 d) Q WON
 *   D9  C2 wang.fang P1   5000 USD 2026-02-02 → 2026-02-25 (23 d) Q WON
 *   D10 C4 li.wei    P1  20000 CNY 2026-03-02 → 2026-03-12 (10 d) Q WON
 * Lost (reason, lost on):
 *   L1  C1 li.wei    P2  60000 CNY 2026-01-03 价格     2026-02-01  Q NA LOST
 *   L2  C2 wang.fang P1  40000 CNY 2026-01-20 价格     2026-02-10  Q LOST
 *   L3  C3 zhao.lei  P1  20000 CNY 2026-02-05 竞争对手 2026-03-15  Q NA P LOST
 *   L4  C1 li.wei    -   15000 CNY 2025-11-01 预算     2025-12-20  Q LOST
 * Open (stage, probability, expected close, category):
 *   O1  C1 li.wei    P1 200000 CNY 2026-02-10 NA 25% 2026-05-15 PIPELINE
 *   O2  C2 wang.fang P2 120000 CNY 2026-03-05 P  50% 2026-05-20 BEST_CASE
 *   O3  C3 zhao.lei  P1  90000 CNY 2026-03-10 Q  10% 2026-06-10 PIPELINE
 * Activities (customer, owner, when): A1 C1 li.wei 2026-01-12 10:00; A2 C1 li.wei 2026-03-31 23:30;
 *   A3 C2 wang.fang 2026-02-16 14:00; A4 C3 zhou.jie 2026-04-01 00:00; A5 C3 zhao.lei 2025-12-31 23:59;
 *   A6 C3 zhao.lei 2026-03-01 09:00
 * </pre>
 */
final class SalesData implements AutoCloseable {

    static final LocalDate Q1_FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate Q1_TO = LocalDate.of(2026, 3, 31);

    final LocalSecurityService security = new LocalSecurityService("tester");
    final Database db;
    final DomainEventPublisher publisher = (entity, change, id) -> {
    };
    final CustomerServiceImpl customers;
    final PipelineServiceImpl pipelines;
    final OpportunityServiceImpl opportunities;
    final ProductServiceImpl products;
    final ForecastServiceImpl forecast;
    final ReportServiceImpl reports;
    final Map<String, Long> ids = new HashMap<>();
    final Pipeline newBusiness;
    Team east;
    Team south;

    /** On a fresh Derby database in memory. */
    SalesData() {
        this(DatabaseSettings.inMemory("analytics-" + UUID.randomUUID()));
    }

    SalesData(DatabaseSettings settings) {
        db = Database.open(settings, security);
        customers = new CustomerServiceImpl(db, security, publisher);
        pipelines = new PipelineServiceImpl(db, security, publisher);
        opportunities = new OpportunityServiceImpl(db, security, publisher);
        products = new ProductServiceImpl(db, security, publisher);
        opportunities.setProductCatalog(new ProductCatalogImpl(products));
        forecast = new ForecastServiceImpl(db, security);
        reports = new ReportServiceImpl(db, security, new MetricCatalogueImpl(), forecast);
        newBusiness = pipelines.pipelines(false).stream().filter(p -> p.getLabel().equals("New business")).findFirst().orElseThrow();
        fill();
    }

    long id(String name) {
        return ids.get(name);
    }

    Stage stage(String label) {
        return newBusiness.getStages().stream().filter(s -> s.getLabel().equals(label)).findFirst().orElseThrow();
    }

    private void fill() {
        east = new Team("东区");
        east.getMembers().addAll(List.of("li.wei", "wang.fang"));
        south = new Team("南区");
        south.getMembers().add("zhao.lei");
        db.write(em -> {
            em.persist(new User("li.wei", "李伟"));
            em.persist(new User("wang.fang", "王芳"));
            em.persist(new User("zhao.lei", "赵磊"));
            em.persist(east);
            em.persist(south);
            return null;
        });
        Customer c1 = customer("C1", "华东精密制造", "li.wei", "制造业", "华东", "LARGE", "A", "2026-01-10");
        Customer c2 = customer("C2", "北方物流", "wang.fang", "物流", "华北", "MEDIUM", "B", "2026-02-15");
        Customer c3 = customer("C3", "南方零售", "zhao.lei", "零售", "华南", "SMALL", "A", "2026-02-20");
        Customer c4 = customer("C4", "西部能源", "li.wei", "制造业", "西南", null, "C", "2025-12-01");
        Product p1 = products.create(new Product("P1", "CRM 标准版", "套", Money.cny("10000"), new BigDecimal("0.13")));
        Product p2 = products.create(new Product("P2", "CRM 企业版", "套", Money.cny("50000"), new BigDecimal("0.13")));

        won("D1", c1, "li.wei", p1, "100000", "CNY", "2026-01-05", "2026-01-25", "Needs analysis", "Proposal");
        won("D2", c1, "li.wei", p2, "250000", "CNY", "2026-01-10", "2026-02-14", "Proposal");
        won("D3", c2, "wang.fang", p1, "80000", "CNY", "2026-02-01", "2026-02-11");
        won("D4", c3, "zhao.lei", p2, "400000", "CNY", "2025-12-01", "2026-03-01", "Needs analysis", "Proposal");
        won("D5", c3, "zhao.lei", null, "50000", "CNY", "2026-03-01", "2026-03-31", "Needs analysis");
        won("D6", c2, "zhou.jie", p1, "30000", "CNY", "2026-01-15", "2026-01-20");
        won("D7", c1, "li.wei", p1, "70000", "CNY", "2026-03-20", "2026-04-02");
        won("D8", c2, "wang.fang", p2, "9999", "USD", "2026-02-01", "2026-02-20");
        won("D9", c2, "wang.fang", p1, "5000", "USD", "2026-02-02", "2026-02-25");
        won("D10", c4, "li.wei", p1, "20000", "CNY", "2026-03-02", "2026-03-12");

        lost("L1", c1, "li.wei", p2, "60000", "2026-01-03", "价格", "2026-02-01", "Needs analysis");
        lost("L2", c2, "wang.fang", p1, "40000", "2026-01-20", "价格", "2026-02-10");
        lost("L3", c3, "zhao.lei", p1, "20000", "2026-02-05", "竞争对手", "2026-03-15", "Needs analysis", "Proposal");
        lost("L4", c1, "li.wei", null, "15000", "2025-11-01", "预算", "2025-12-20");

        open("O1", c1, "li.wei", p1, "200000", "2026-02-10", "2026-05-15", ForecastCategory.PIPELINE, "Needs analysis");
        open("O2", c2, "wang.fang", p2, "120000", "2026-03-05", "2026-05-20", ForecastCategory.BEST_CASE, "Proposal");
        open("O3", c3, "zhao.lei", p1, "90000", "2026-03-10", "2026-06-10", ForecastCategory.PIPELINE);

        activity(c1, "li.wei", "2026-01-12T10:00", "首次拜访");
        activity(c1, "li.wei", "2026-03-31T23:30", "电话跟进");
        activity(c2, "wang.fang", "2026-02-16T14:00", "需求调研");
        activity(c3, "zhou.jie", "2026-04-01T00:00", "回访");
        activity(c3, "zhao.lei", "2025-12-31T23:59", "年终问候");
        activity(c3, "zhao.lei", "2026-03-01T09:00", "方案演示");
    }

    private Customer customer(String key, String name, String owner, String industry, String region, String size, String grade, String created) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.ACTIVE);
        c.setOwner(owner);
        c.setIndustry(industry);
        c.setRegion(region);
        c.setSize(size);
        c.setGrade(grade);
        Customer saved = customers.create(c);
        ids.put(key, saved.getId());
        // the services stamp creation with "now"; the data set needs customers created in the past
        db.write(em -> em.createNativeQuery("UPDATE SB_CUSTOMER SET CREATED_AT = ? WHERE ID = ?")
                .setParameter(1, java.sql.Timestamp.valueOf(LocalDate.parse(created).atTime(9, 0))).setParameter(2, saved.getId()).executeUpdate());
        return saved;
    }

    private Opportunity create(String key, Customer customer, String owner, Product product, String amount, String currency, String engaged,
            String expectedClose, ForecastCategory category) {
        Opportunity o = new Opportunity(customer, key, Money.of(amount, currency));
        o.setPipeline(newBusiness);
        o.setOwner(owner);
        o.setProductId(product == null ? null : product.getId());
        o.setEngagedOn(LocalDate.parse(engaged));
        o.setExpectedCloseDate(LocalDate.parse(expectedClose));
        o.setForecastCategory(category);
        Opportunity saved = opportunities.create(o);
        ids.put(key, saved.getId());
        return saved;
    }

    private void won(String key, Customer customer, String owner, Product product, String amount, String currency, String engaged, String wonOn,
            String... path) {
        Opportunity o = create(key, customer, owner, product, amount, currency, engaged, wonOn, ForecastCategory.COMMIT);
        for (String stage : path) {
            opportunities.moveToStage(o.getId(), stage(stage).getId());
        }
        opportunities.markWon(o.getId(), LocalDate.parse(wonOn));
    }

    private void lost(String key, Customer customer, String owner, Product product, String amount, String engaged, String reason, String lostOn,
            String... path) {
        Opportunity o = create(key, customer, owner, product, amount, "CNY", engaged, lostOn, ForecastCategory.PIPELINE);
        for (String stage : path) {
            opportunities.moveToStage(o.getId(), stage(stage).getId());
        }
        opportunities.markLost(o.getId(), reason, LocalDate.parse(lostOn));
    }

    private void open(String key, Customer customer, String owner, Product product, String amount, String engaged, String expectedClose,
            ForecastCategory category, String... path) {
        Opportunity o = create(key, customer, owner, product, amount, "CNY", engaged, expectedClose, category);
        for (String stage : path) {
            opportunities.moveToStage(o.getId(), stage(stage).getId());
        }
    }

    private void activity(Customer customer, String owner, String when, String summary) {
        Activity a = new Activity(ActivityType.VISIT, LocalDateTime.parse(when), summary);
        a.setOwner(owner);
        a.setPerformedBy(owner);
        customers.logActivity(customer.getId(), a);
    }

    @Override
    public void close() {
        db.close();
    }
}
