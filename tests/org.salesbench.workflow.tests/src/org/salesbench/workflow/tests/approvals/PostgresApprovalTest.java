package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
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
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.quotes.internal.ProductServiceImpl;
import org.salesbench.quotes.internal.QuoteServiceImpl;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
import org.salesbench.users.Team;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;
import org.salesbench.workflow.approvals.ApprovalAction;
import org.salesbench.workflow.approvals.ApprovalHistoryEntry;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.internal.approvals.ApprovalEngine;
import org.salesbench.workflow.internal.approvals.EngineQuoteApprovalService;
import org.salesbench.workflow.internal.approvals.QuoteApprovalSubject;

/**
 * Quote discount approval on a team server, each person signed in as their own PostgreSQL role with the built-in
 * roles' grants and row-level security: the rep (li.wei) asks, finance (sun.li) and the rep cannot decide, the rep's
 * manager (chen.jing, manager of the rep's team) approves or rejects, and delegates to an administrator (zhang.min).
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresApprovalTest {

    private static final String REP = "li.wei";
    private static final String MANAGER = "chen.jing";
    private static final String FINANCE = "sun.li";
    private static final String ADMIN = "zhang.min";

    /** One person's session: their own database login, the real security seam, the real services. */
    private final class Session implements AutoCloseable {
        final Database db;
        final RoleSecurityService security;
        final ApprovalEngine engine;
        final QuoteServiceImpl quotes;

        Session(DatabaseSettings settings, String login) {
            db = Database.open(settings, new LocalSecurityService(login));
            security = new RoleSecurityService(db);
            UserServiceImpl users = new UserServiceImpl(db, security);
            QuoteServiceImpl[] quoteService = new QuoteServiceImpl[1];
            ApprovalSubject.Context context = new ApprovalSubject.Context() {
                @Override
                public <S> S service(Class<S> type) {
                    return type.cast(Map.of(QuoteService.class, quoteService[0]).get(type));
                }
            };
            QuoteApprovalSubject subject = new QuoteApprovalSubject();
            engine = new ApprovalEngine(db, security, (entity, change, id) -> {
            }, users, type -> Quote.ENTITY.equals(type) ? Optional.of(subject) : Optional.empty(), context, Clocks.system());
            quotes = new QuoteServiceImpl(db, security, (entity, change, id) -> {
            }, new EngineQuoteApprovalService(engine), Clocks.system());
            quoteService[0] = quotes;
        }

        @Override
        public void close() {
            db.close();
        }
    }

    private PostgresTeam team;
    private Database ownerDb;
    private Product product;
    private final List<Session> sessions = new ArrayList<>();

    @BeforeAll
    void team() {
        team = PostgresTeam.create("approvals", db -> new UserServiceImpl(db, new RoleSecurityService(db)));
        ownerDb = team.owner();
        RoleSecurityService owner = new RoleSecurityService(ownerDb);
        assertTrue(owner.currentUser().roles().contains(Role.ADMINISTRATOR), owner.currentUser().toString());
        team.person(REP, "李伟", null).person(MANAGER, "陈静", null).person(FINANCE, "孙丽", null).person(ADMIN, "张敏", null);
        Team east = new Team("华东销售部");
        east.setManager(MANAGER);
        east.getMembers().add(REP);
        team.users().createTeam(east);
        team.signIn(REP, Role.SALES_REP).signIn(MANAGER, Role.SALES_MANAGER).signIn(FINANCE, Role.FINANCE).signIn(ADMIN, Role.ADMINISTRATOR);
        product = new ProductServiceImpl(ownerDb, owner, (entity, change, id) -> {
        }).create(new Product("ERP-STD", "ERP 标准版", "套", Money.cny("98000"), new BigDecimal("13")));
    }

    @AfterAll
    void close() {
        sessions.forEach(Session::close);
        if (team != null) {
            team.close();
        }
    }

    private Session as(String login) {
        Session session = new Session(team.settings(login), login);
        sessions.add(session);
        return session;
    }

    /** The rep's own deal and a draft with one line at the discount, submitted for approval. */
    private Quote submitted(Session rep, String discount) {
        Opportunity opportunity = rep.db.write(em -> {
            Customer customer = new Customer("宁波港务集团" + System.nanoTime());
            customer.setStatus(CustomerStatus.PROSPECT);
            customer.setNormalizedName(customer.getName());
            em.persist(customer);
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
            Opportunity o = new Opportunity(customer, "智慧港口二期", Money.cny("800000"));
            o.setPipeline(pipeline);
            o.setStage(pipeline.getStages().get(0));
            o.setProbability(pipeline.getStages().get(0).getProbability());
            em.persist(o);
            return o;
        });
        Quote draft = new Quote(opportunity, LocalDate.now(Clocks.system()).plusDays(30));
        draft.addLine(new QuoteLine(product, BigDecimal.ONE, new BigDecimal("98000"), new BigDecimal(discount), new BigDecimal("13")));
        return rep.quotes.submitForApproval(rep.quotes.createDraft(draft).getId());
    }

    @Test
    void theRepsManagerDecidesNeitherTheRepNorFinanceMay() {
        Session rep = as(REP);
        Quote quote = submitted(rep, "18");
        assertEquals(QuoteStatus.IN_APPROVAL, quote.getStatus(), quote.getApprovalNote());
        assertTrue(quote.getApprovalNote().contains(MANAGER), quote.getApprovalNote());
        ApprovalRequest request = rep.engine.pendingFor(Quote.ENTITY, quote.getId()).orElseThrow();
        assertEquals(REP, request.getRequester());
        assertThrows(ValidationException.class, () -> rep.quotes.update(quote), "locked while in approval");
        assertThrows(AccessDeniedException.class, () -> rep.engine.approve(request.getId(), "自己批"));

        Session finance = as(FINANCE);
        assertFalse(finance.engine.mayDecide(request.getId()));
        assertTrue(finance.engine.list(ApprovalService.Filter.PENDING_FOR_ME).isEmpty());
        assertThrows(AccessDeniedException.class, () -> finance.engine.approve(request.getId(), null));

        Session manager = as(MANAGER);
        assertEquals(List.of(request.getId()), manager.engine.list(ApprovalService.Filter.PENDING_FOR_ME).stream().map(ApprovalRequest::getId).toList());
        assertTrue(manager.engine.mayDecide(request.getId()));
        assertEquals(org.salesbench.workflow.approvals.ApprovalStatus.APPROVED, manager.engine.approve(request.getId(), "同意").getStatus());
        Quote approved = rep.quotes.find(quote.getId()).orElseThrow();
        assertEquals(QuoteStatus.APPROVED, approved.getStatus());
        assertEquals(MANAGER, approved.getDecidedBy());
        assertEquals(List.of(ApprovalAction.SUBMITTED, ApprovalAction.APPROVED),
                rep.engine.history(request.getId()).stream().map(ApprovalHistoryEntry::getAction).toList());
    }

    @Test
    void theManagerRejectsOrDelegatesToAnAdministrator() {
        Session rep = as(REP);
        Session manager = as(MANAGER);
        Quote rejected = submitted(rep, "30");
        long first = rep.engine.pendingFor(Quote.ENTITY, rejected.getId()).orElseThrow().getId();
        manager.engine.reject(first, "折扣过高");
        assertEquals(QuoteStatus.DRAFT, rep.quotes.find(rejected.getId()).orElseThrow().getStatus());

        Quote delegated = submitted(rep, "12");
        long second = rep.engine.pendingFor(Quote.ENTITY, delegated.getId()).orElseThrow().getId();
        manager.engine.delegate(second, ADMIN, "请张敏代批");
        assertEquals(List.of(ADMIN), rep.engine.currentApprovers(second));
        assertThrows(AccessDeniedException.class, () -> manager.engine.approve(second, null));
        Session admin = as(ADMIN);
        admin.engine.approve(second, null);
        Quote approved = rep.quotes.find(delegated.getId()).orElseThrow();
        assertEquals(QuoteStatus.APPROVED, approved.getStatus());
        assertEquals(ADMIN, approved.getDecidedBy());
        assertEquals(ADMIN, rep.engine.history(second).get(1).getTarget());
    }
}
