package org.salesbench.workflow.tests.approvals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteLine;
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.internal.ProductServiceImpl;
import org.salesbench.quotes.internal.QuoteServiceImpl;
import org.salesbench.testing.SignedIn;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.internal.UserServiceImpl;
import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.internal.approvals.ApprovalEngine;
import org.salesbench.workflow.internal.approvals.EngineQuoteApprovalService;
import org.salesbench.workflow.internal.approvals.QuoteApprovalSubject;

/**
 * A team on a database of its own (Derby in memory unless settings say otherwise), with the real engine, users and
 * quote services wired as DS wires them: li.na (sales_rep) reports to wang.qiang (sales_manager, manager of team East,
 * whose other manager is chen.jing), zhao.min is in finance, zhang.wei an administrator. The engine knows quotes and a
 * test subject {@value RecordSubject#ENTITY}.
 */
final class ApprovalFixture implements AutoCloseable {

    static final String REP = "li.na";
    static final String MANAGER = "wang.qiang";
    static final String DIRECTOR = "chen.jing";
    static final String FINANCE = "zhao.min";
    static final String ADMIN = "zhang.wei";

    record Posted(String entity, Change change, long id) {
    }

    final Database db;
    final SignedIn security;
    final MovableClock clock = new MovableClock();
    final List<Posted> events = new ArrayList<>();
    final UserServiceImpl users;
    final RecordSubject deals = new RecordSubject();
    final ApprovalEngine engine;
    final ProductServiceImpl products;
    final QuoteServiceImpl quotes;

    ApprovalFixture() {
        this(DatabaseSettings.inMemory("approvals-" + UUID.randomUUID()));
    }

    ApprovalFixture(DatabaseSettings settings) {
        Map<String, List<String>> roles = Map.of(REP, List.of("sales_rep"), MANAGER, List.of("sales_manager"), DIRECTOR, List.of("sales_manager"),
                FINANCE, List.of("finance"), ADMIN, List.of("administrator"));
        security = new SignedIn(roles, ADMIN);
        db = Database.open(settings, security);
        DomainEventPublisher publisher = (entity, change, id) -> {
            synchronized (events) {
                events.add(new Posted(entity, change, id));
            }
        };
        users = new UserServiceImpl(db, security);
        User rep = new User(REP, "李娜");
        users.createUser(new User(MANAGER, "王强"));
        users.createUser(new User(DIRECTOR, "陈静"));
        users.createUser(new User(FINANCE, "赵敏"));
        users.createUser(new User(ADMIN, "张伟"));
        rep.setManager(MANAGER);
        users.createUser(rep);
        roles.forEach((login, held) -> users.setRoles(login, held));
        Team east = new Team("华东");
        east.setManager(MANAGER);
        east.getMembers().add(REP);
        users.createTeam(east);

        Map<Class<?>, Object> services = new HashMap<>();
        ApprovalSubject.Context context = new ApprovalSubject.Context() {
            @Override
            public <S> S service(Class<S> type) {
                return type.cast(services.get(type));
            }
        };
        QuoteApprovalSubject quoteSubject = new QuoteApprovalSubject();
        engine = new ApprovalEngine(db, security, publisher, users, type -> switch (type) {
            case Quote.ENTITY -> Optional.of(quoteSubject);
            case RecordSubject.ENTITY -> Optional.of(deals);
            default -> Optional.empty();
        }, context, clock);
        products = new ProductServiceImpl(db, security, publisher);
        quotes = new QuoteServiceImpl(db, security, publisher, new EngineQuoteApprovalService(engine), clock);
        services.put(QuoteService.class, quotes);
    }

    SignedIn as(String login) {
        return security.as(login);
    }

    /** A quote of the rep's with one line at the given discount, in draft. */
    Quote repsQuote(String discount) {
        as(ADMIN);
        Product product = products.findByCode("ERP-STD").orElseGet(() -> products.create(new Product("ERP-STD", "ERP 标准版", "套", Money.cny("98000"), new BigDecimal("13"))));
        Opportunity opportunity = db.write(em -> {
            Customer customer = new Customer("杭州云栖智能制造有限公司");
            customer.setStatus(CustomerStatus.PROSPECT);
            customer.setNormalizedName(customer.getName() + UUID.randomUUID());
            customer.setOwner(REP);
            em.persist(customer);
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
            Opportunity o = new Opportunity(customer, "MES 二期", Money.cny("500000"));
            o.setPipeline(pipeline);
            o.setStage(pipeline.getStages().get(0));
            o.setProbability(pipeline.getStages().get(0).getProbability());
            o.setOwner(REP);
            em.persist(o);
            return o;
        });
        as(REP);
        Quote quote = new Quote(opportunity, LocalDate.now(clock).plusDays(30));
        quote.addLine(new QuoteLine(product, BigDecimal.ONE, new BigDecimal("98000"), new BigDecimal(discount), new BigDecimal("13")));
        return quotes.createDraft(quote);
    }

    @Override
    public void close() {
        db.close();
    }
}
