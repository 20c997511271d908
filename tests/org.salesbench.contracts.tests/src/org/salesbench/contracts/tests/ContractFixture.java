package org.salesbench.contracts.tests;

import org.salesbench.persistence.UnitOfWork;
import org.salesbench.core.security.SecurityService;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.Metric;
import java.util.Optional;
import java.util.Locale;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.salesbench.contracts.internal.ContractServiceImpl;
import org.salesbench.contracts.internal.ContractSettings;
import org.salesbench.contracts.internal.receivables.ReceivablesServiceImpl;
import org.salesbench.contracts.ContractService;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
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
import org.salesbench.workflow.internal.approvals.ApprovalSubjects;
import org.salesbench.workflow.internal.approvals.EngineQuoteApprovalService;

/**
 * A team on a database of its own (Derby in memory unless settings say otherwise) with the real services wired as DS
 * wires them: the approval engine finds the contract subject through the extension registry, as in the product.
 * li.na (sales_rep) reports to wang.qiang (sales_manager, manager of team East); zhao.min is in finance, zhang.wei an
 * administrator.
 */
final class ContractFixture implements AutoCloseable {

    static final String REP = "li.na";
    static final String MANAGER = "wang.qiang";
    static final String FINANCE = "zhao.min";
    static final String ADMIN = "zhang.wei";

    final Database db;
    final SignedIn security;
    final Clock clock = Clocks.system();
    final List<String> events = new ArrayList<>();
    final UserServiceImpl users;
    final ApprovalEngine engine;
    final ProductServiceImpl products;
    final OpportunityServiceImpl opportunities;
    final QuoteServiceImpl quotes;
    final ContractServiceImpl contracts;
    final ReceivablesServiceImpl money;
    volatile String numberPattern = ContractSettings.DEFAULT_PATTERN;

    ContractFixture() {
        this(DatabaseSettings.inMemory("contracts-" + UUID.randomUUID()));
    }

    ContractFixture(DatabaseSettings settings) {
        Map<String, List<String>> roles = Map.of(REP, List.of("sales_rep"), MANAGER, List.of("sales_manager"), FINANCE, List.of("finance"),
                ADMIN, List.of("administrator"));
        security = new SignedIn(roles, ADMIN);
        db = Database.open(settings, security);
        DomainEventPublisher publisher = (entity, change, id) -> {
            synchronized (events) {
                events.add(entity + "/" + change + "/" + id);
            }
        };
        users = new UserServiceImpl(db, security);
        users.createUser(new User(MANAGER, "王强"));
        users.createUser(new User(FINANCE, "赵敏"));
        users.createUser(new User(ADMIN, "张伟"));
        User rep = new User(REP, "李娜");
        rep.setManager(MANAGER);
        users.createUser(rep);
        if (settings.dialect() == DatabaseSettings.Dialect.POSTGRESQL) {
            // a team server is shared: a login of these names may exist there from another run, and the user service
            // would grant it this schema's administration; the fixture's people sign in nowhere, so their role rows do
            db.write(em -> {
                roles.forEach((login, names) -> names.forEach(name -> em.createNativeQuery(
                        "INSERT INTO SB_USER_ROLE (LOGIN, ROLE_ID) SELECT ?1, ID FROM SB_ROLE WHERE NAME = ?2").setParameter(1, login)
                        .setParameter(2, name).executeUpdate()));
                return null;
            });
        } else {
            roles.forEach(users::setRoles);
        }
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
        engine = new ApprovalEngine(db, security, publisher, users, ApprovalSubjects::subject, context, clock);
        products = new ProductServiceImpl(db, security, publisher);
        opportunities = new OpportunityServiceImpl(db, security, publisher, clock);
        quotes = new QuoteServiceImpl(db, security, publisher, new EngineQuoteApprovalService(engine), clock);
        Supplier<String> pattern = () -> numberPattern;
        contracts = new ContractServiceImpl(db, security, publisher, engine, opportunities, quotes, clock, pattern);
        money = new ReceivablesServiceImpl(db, security, publisher, () -> clock);
        services.put(QuoteService.class, quotes);
        services.put(ContractService.class, contracts);
    }

    SignedIn as(String login) {
        return security.as(login);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Product product(String code, String name, String price) {
        String before = security.currentUser().login();
        as(ADMIN);
        Product p = products.findByCode(code).orElseGet(() -> products.create(new Product(code, name, "套", Money.cny(price), new BigDecimal("13"))));
        as(before);
        return p;
    }

    /** A deal of the rep's for a new customer, at the pipeline's first stage, or won. */
    Opportunity deal(String name, String amount, boolean won) {
        return db.write(em -> {
            Customer customer = new Customer("杭州云栖智能制造有限公司 " + name);
            customer.setStatus(CustomerStatus.PROSPECT);
            customer.setNormalizedName(customer.getName() + UUID.randomUUID());
            customer.setGrade("A");
            customer.setOwner(REP);
            em.persist(customer);
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
            Opportunity o = new Opportunity(customer, name, Money.cny(amount));
            o.setPipeline(pipeline);
            Stage stage = won ? pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.WON).findFirst().orElseThrow()
                    : pipeline.getStages().get(0);
            o.setStage(stage);
            o.setState(won ? StageKind.WON : StageKind.OPEN);
            o.setProbability(stage.getProbability());
            o.setOwner(REP);
            if (won) {
                o.setClosedOn(LocalDate.now(clock));
            }
            em.persist(o);
            return o;
        });
    }

    /** A quote of the rep's on the deal with two lines (the second discounted), sent and accepted by the customer. */
    Quote acceptedQuote(Opportunity deal) {
        Product erp = product("ERP-STD", "ERP 标准版", "98000");
        Product service = product("SVC-DAY", "实施服务（人天）", "2500");
        String before = security.currentUser().login();
        as(REP);
        Quote quote = new Quote(deal, today().plusDays(30));
        quote.addLine(new QuoteLine(erp, BigDecimal.ONE, new BigDecimal("98000"), new BigDecimal("5"), new BigDecimal("13")));
        quote.addLine(new QuoteLine(service, new BigDecimal("12"), new BigDecimal("2500"), BigDecimal.ZERO, new BigDecimal("6")));
        Quote draft = quotes.createDraft(quote);
        quotes.submitForApproval(draft.getId());
        quotes.markSent(draft.getId());
        Quote accepted = quotes.markAccepted(draft.getId());
        as(before);
        return quotes.find(accepted.getId()).orElseThrow();
    }

    /** A contract made by the rep from a new won deal of {@code amount}, approved by the administrator. */
    org.salesbench.contracts.Contract approvedContract(String name, String amount) {
        String before = security.currentUser().login();
        Opportunity won = deal(name, amount, true);
        as(REP);
        long id = contracts.createFromOpportunity(won.getId()).getId();
        contracts.submitForApproval(id);
        as(ADMIN);
        org.salesbench.contracts.Contract approved = contracts.recordApprovalDecision(id, true, "同意");
        as(before);
        return approved;
    }

    /** Rows of a table, counted by SQL. */
    long count(String table) {
        return db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue());
    }

    /** A report context as a report sees it from the analytics module: this database, this user, no metrics, English. */
    static ReportContext reportContext(UnitOfWork unitOfWork, SecurityService security) {
        return new ReportContext() {
            @Override
            public UnitOfWork unitOfWork() {
                return unitOfWork;
            }

            @Override
            public MetricCatalogue metrics() {
                return new MetricCatalogue() {
                    @Override
                    public List<Metric> metrics() {
                        return List.of();
                    }

                    @Override
                    public Optional<Metric> metric(String id) {
                        return Optional.empty();
                    }
                };
            }

            @Override
            public SecurityService security() {
                return security;
            }

            @Override
            public Locale locale() {
                return Locale.ENGLISH;
            }
        };
    }

    @Override
    public void close() {
        db.close();
    }
}
