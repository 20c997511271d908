package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
import org.salesbench.core.security.Action;
import org.salesbench.core.security.Scope;
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
import org.salesbench.workflow.Task;
import org.salesbench.workflow.approvals.ApprovalAction;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalHistoryEntry;
import org.salesbench.workflow.approvals.ApprovalRequest;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ConditionOperator;
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
    private static final String LEGAL = "fang.yu";
    private static final String OTHER_LEGAL = "liu.qing";
    private static final String LEGAL_ROLE = "legal";

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
        // legal counsel outside every sales chain: their role reaches their own tasks and nothing of anyone's quotes
        team.users().createRole(new Role(LEGAL_ROLE, "法务：只有自己的任务", false, List.of(new Role.Grant(Task.ENTITY, Action.READ, Scope.OWN),
                new Role.Grant(Task.ENTITY, Action.CREATE, Scope.OWN), new Role.Grant(Task.ENTITY, Action.UPDATE, Scope.OWN)), List.of()));
        team.person(LEGAL, "方宇", null, LEGAL_ROLE).person(OTHER_LEGAL, "柳青", null, LEGAL_ROLE);
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

    @Test
    void aCounselOutsideTheOwnersChainNamedOnTheStepOpensAndApprovesTheQuoteAndAnotherCannotReadIt() throws Exception {
        Session admin = as(ADMIN);
        ApprovalDefinition definition = new ApprovalDefinition("法务审查：折扣超过四成", Quote.ENTITY, QuoteApprovalSubject.MAX_DISCOUNT_PERCENT,
                ConditionOperator.GT, "40");
        definition.setPriority(10); // before the shipped "Quote discount > 10 %"
        definition.addStep(new ApprovalStep("法务审查", ApproverKind.USERS, LEGAL));
        admin.engine.saveDefinition(definition);

        Session rep = as(REP);
        Quote quote = submitted(rep, "45");
        assertEquals(QuoteStatus.IN_APPROVAL, quote.getStatus(), quote.getApprovalNote());
        assertEquals(List.of(LEGAL), rep.engine.currentApprovers(rep.engine.pendingFor(Quote.ENTITY, quote.getId()).orElseThrow().getId()));

        Session other = as(OTHER_LEGAL);
        Session legal = as(LEGAL);
        assertFalse(legal.security.isPermitted(Action.READ, Quote.ENTITY, REP), "no role of theirs reaches the rep's quotes");
        assertEquals(Optional.empty(), other.quotes.find(quote.getId()), "not an approver: the database shows them nothing");
        assertEquals(0, rowsSeen(other, quote.getId()));

        Quote opened = legal.quotes.find(quote.getId()).orElseThrow();
        assertEquals(1, opened.getLines().size(), "its lines follow it");
        assertEquals(0, new BigDecimal("45").compareTo(opened.getLines().get(0).getDiscountPercent()));
        assertTrue(legal.quotes.mayDecideApproval(opened));
        assertFalse(other.quotes.mayDecideApproval(opened));
        Quote approved = legal.quotes.decideApproval(quote.getId(), true, "条款无异议");
        assertEquals(QuoteStatus.APPROVED, approved.getStatus());
        assertEquals(LEGAL, approved.getDecidedBy());
        assertEquals(QuoteStatus.APPROVED, rep.quotes.find(quote.getId()).orElseThrow().getStatus());

        // after the decision: still read by the one who decided it (its history), no longer written, still hidden from the other
        assertEquals(QuoteStatus.APPROVED, legal.quotes.find(quote.getId()).orElseThrow().getStatus());
        assertEquals(2, rowsSeen(legal, quote.getId()), "the quote and its line");
        try (Connection c = Database.connect(legal.db.settings()); Statement s = c.createStatement()) {
            assertEquals(0, s.executeUpdate("UPDATE SB_QUOTE SET APPROVAL_NOTE = 'changed later' WHERE ID = " + quote.getId()),
                    "a past approver may not change the quote");
        }
        assertEquals(Optional.empty(), other.quotes.find(quote.getId()));
        assertEquals(0, rowsSeen(other, quote.getId()));
    }

    /** Every read of a quote or contract asks who approves what: that lookup compares logins case-blind, by the index on the expression. */
    @Test
    void theApproverLookupIsAnIndexScan() throws Exception {
        try (Connection c = Database.connect(ownerDb.settings()); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT REQUEST_ID FROM SB_APPROVAL_ASSIGNMENT WHERE LOWER(APPROVER) = LOWER('Li.Wei')")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().toLowerCase(java.util.Locale.ROOT).contains("ix_sb_approval_assignment_approver_lc"), plan.toString());
        }
    }

    /** How many rows of the quote and its lines the database lets this person read. */
    private static int rowsSeen(Session session, long quoteId) throws Exception {
        try (Connection c = Database.connect(session.db.settings()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM SB_QUOTE WHERE ID = " + quoteId + ")"
                        + " + (SELECT COUNT(*) FROM SB_QUOTE_LINE WHERE QUOTE_ID = " + quoteId + ")")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
