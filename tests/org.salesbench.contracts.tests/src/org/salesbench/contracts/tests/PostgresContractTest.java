package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.internal.ContractServiceImpl;
import org.salesbench.contracts.internal.ContractSettings;
import org.salesbench.contracts.internal.documents.ContractDocumentsImpl;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
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
import org.salesbench.quotes.QuoteService;
import org.salesbench.quotes.internal.QuoteServiceImpl;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;
import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.internal.approvals.ApprovalEngine;
import org.salesbench.workflow.internal.approvals.ApprovalSubjects;
import org.salesbench.workflow.internal.approvals.EngineQuoteApprovalService;

/**
 * Contracts on a team server, each person signed in as their own PostgreSQL role: two sessions creating contracts at the
 * same moment draw distinct consecutive numbers, and so do many threads on several people's connections at once, and row-level security shows a rep their own contracts only (by direct
 * SQL too), their manager theirs, finance everyone's.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PostgresContractTest {

    private PostgresTeam team;
    private Database ownerDb;

    @BeforeAll
    void users() {
        team = PostgresTeam.create("contracts", db -> new UserServiceImpl(db, new RoleSecurityService(db)));
        ownerDb = team.owner();
        team.person("boss.c", "陈经理", null, Role.SALES_MANAGER).person("rep.a", "李娜", "boss.c", Role.SALES_REP)
                .person("rep.b", "王伟", null, Role.SALES_REP).person("fin.d", "赵敏", null, Role.FINANCE);
    }

    @AfterAll
    void close() {
        if (team != null) {
            team.close();
        }
    }

    private DatabaseSettings as(String login) {
        return team.settings(login);
    }

    /** The contract service of a session, wired to its own engine and services as DS wires them. */
    private static ContractService contracts(Database db) {
        return contracts(db, ContractSettings.DEFAULT_PATTERN);
    }

    /** The same, numbering by {@code pattern}. */
    private static ContractService contracts(Database db, String pattern) {
        SecurityService security = new RoleSecurityService(db);
        java.util.Map<Class<?>, Object> services = new java.util.HashMap<>();
        ApprovalSubject.Context context = new ApprovalSubject.Context() {
            @Override
            public <S> S service(Class<S> type) {
                return type.cast(services.get(type));
            }
        };
        ApprovalEngine engine = new ApprovalEngine(db, security, (e, c, id) -> { }, new UserServiceImpl(db, security), ApprovalSubjects::subject,
                context, Clocks.system());
        OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, security, (e, c, id) -> { }, Clocks.system());
        QuoteServiceImpl quotes = new QuoteServiceImpl(db, security, (e, c, id) -> { }, new EngineQuoteApprovalService(engine), Clocks.system());
        ContractServiceImpl contracts = new ContractServiceImpl(db, security, (e, c, id) -> { }, engine, opportunities, quotes, Clocks.system(),
                () -> pattern);
        services.put(QuoteService.class, quotes);
        services.put(ContractService.class, contracts);
        return contracts;
    }

    /** {@code count} won deals of {@code owner}, written by the database's owner. */
    private List<Long> wonDeals(String owner, int count) {
        return ownerDb.write(em -> {
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
            Stage won = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.WON).findFirst().orElseThrow();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Customer customer = new Customer("宁波港城物流有限公司 " + owner + " " + i);
                customer.setStatus(CustomerStatus.ACTIVE);
                customer.setNormalizedName(customer.getName() + UUID.randomUUID());
                customer.setOwner(owner);
                em.persist(customer);
                Opportunity deal = new Opportunity(customer, "仓储系统 " + i, Money.cny("120000"));
                deal.setPipeline(pipeline);
                deal.setStage(won);
                deal.setState(StageKind.WON);
                deal.setProbability(100);
                deal.setClosedOn(LocalDate.now(Clocks.system()));
                deal.setOwner(owner);
                em.persist(deal);
                em.flush();
                ids.add(deal.getId());
            }
            return ids;
        });
    }

    private static Set<String> ownersBySql(Database db) throws Exception {
        Set<String> owners = new TreeSet<>();
        try (Connection c = Database.connect(db.settings()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT OWNER FROM SB_CONTRACT")) {
            while (rs.next()) {
                owners.add(rs.getString(1));
            }
        }
        return owners;
    }

    @Test
    void twoSessionsCreatingAtOnceDrawDistinctConsecutiveNumbersAndEachPersonSeesWhatTheirRolesReach() throws Exception {
        List<Long> deals = wonDeals("rep.a", 10);
        List<Long> others = wonDeals("rep.b", 1);
        List<String> numbers = new ArrayList<>();
        try (Database first = team.open("rep.a");
                Database second = team.open("rep.a")) {
            ContractService one = contracts(first);
            ContractService two = contracts(second);
            for (int round = 0; round < 5; round++) {
                List<Long> pair = deals.subList(round * 2, round * 2 + 2);
                numbers.addAll(ContractNumberingTest.race(pair, deal -> (pair.get(0) == deal ? one : two).createFromOpportunity(deal)));
            }
            assertEquals(10, one.count(ContractFilter.all()));
        }
        Set<String> expected = new TreeSet<>();
        for (int i = 1; i <= 10; i++) {
            expected.add(String.format("HT-%d-%05d", LocalDate.now(Clocks.system()).getYear(), i));
        }
        assertEquals(expected, new TreeSet<>(numbers), numbers.toString());

        try (Database b = team.open("rep.b")) {
            ContractService theirs = contracts(b);
            assertEquals(0, theirs.count(ContractFilter.all()));
            Contract own = theirs.createFromOpportunity(others.get(0));
            assertEquals("HT-" + LocalDate.now(Clocks.system()).getYear() + "-00011", own.getNumber());
            assertEquals(Set.of("rep.b"), ownersBySql(b));
        }
        try (Database boss = team.open("boss.c")) {
            Set<String> seen = ownersBySql(boss);
            assertTrue(seen.contains("rep.a"), seen.toString());
            assertFalse(seen.contains("rep.b"), seen.toString());
        }
        try (Database finance = team.open("fin.d")) {
            assertEquals(Set.of("rep.a", "rep.b"), ownersBySql(finance));
            assertEquals(11, contracts(finance).count(ContractFilter.all()));
        }
    }

    /**
     * Several people on several connections each, many threads released at once, three times over: every number of the
     * scheme drawn once, consecutive from 1 with none skipped (a counter per pattern and period, drawn under a row lock in
     * the creating transaction), and each number on exactly one contract in the database.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: the others count rep.a's and rep.b's contracts
    void manyConnectionsAndThreadsCreatingAtOnceDrawEveryNumberOnceWithNoGap() throws Exception {
        String pattern = "PG-{yyyy}{MM}-{seq:3}";
        int perSession = 3;
        int rounds = 3;
        List<String> logins = List.of("rep.a", "rep.a", "rep.b", "rep.b");
        List<Database> sessions = new ArrayList<>();
        try {
            List<ContractService> services = new ArrayList<>();
            for (String login : logins) {
                Database db = team.open(login);
                sessions.add(db);
                services.add(contracts(db, pattern));
            }
            List<String> numbers = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                // each session's deals are its person's own; deal id -> the session that creates from it
                java.util.Map<Long, ContractService> creator = new java.util.LinkedHashMap<>();
                for (int s = 0; s < logins.size(); s++) {
                    for (long deal : wonDeals(logins.get(s), perSession)) {
                        creator.put(deal, services.get(s));
                    }
                }
                numbers.addAll(ContractNumberingTest.race(new ArrayList<>(creator.keySet()), deal -> creator.get(deal).createFromOpportunity(deal)));
            }
            LocalDate today = LocalDate.now(Clocks.system());
            int made = rounds * perSession * logins.size();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= made; i++) {
                expected.add(String.format("PG-%d%02d-%03d", today.getYear(), today.getMonthValue(), i));
            }
            List<String> sorted = new ArrayList<>(numbers);
            java.util.Collections.sort(sorted);
            assertEquals(expected, sorted, "each number once, none skipped: " + numbers);
            List<String> stored = new ArrayList<>();
            try (Connection c = Database.connect(ownerDb.settings()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT CONTRACT_NUMBER FROM SB_CONTRACT WHERE CONTRACT_NUMBER LIKE 'PG-%' ORDER BY CONTRACT_NUMBER")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            assertEquals(expected, stored, "the database holds each number on one contract");
        } finally {
            for (Database db : sessions) {
                db.close();
            }
        }
    }

    @Test
    void changingTheContractTemplatesIsARightOfFinanceAndAdministratorsNotOfWhoEditsContracts() throws Exception {
        team.person("adm.e", "张伟", null, Role.ADMINISTRATOR);
        org.salesbench.documents.templates.DocumentTemplates engine = ContractDocumentsTest.templates();
        long[] made = new long[1];
        for (String login : List.of("fin.d", "adm.e", "rep.a", "boss.c")) {
            boolean allowed = login.equals("fin.d") || login.equals("adm.e");
            try (Database db = Database.open(as(login), new LocalSecurityService(login))) {
                SecurityService security = new RoleSecurityService(db);
                // every one of them may update contracts (their own at least): the templates' right is another
                assertTrue(security.isPermitted(org.salesbench.core.security.Action.UPDATE, Contract.ENTITY, login), login);
                ContractDocumentsImpl documents = new ContractDocumentsImpl(db, security, contracts(db), null, engine);
                org.salesbench.users.internal.TeamSettingsImpl settings = new org.salesbench.users.internal.TeamSettingsImpl(db, security);
                settings.addDeclared(new org.salesbench.contracts.internal.documents.ContractTemplateSettings());
                documents.setTeamSettings(settings);
                assertEquals(allowed, documents.mayEditTemplates(), login);
                switch (login) {
                    case "fin.d" -> {
                        // finance keeps the templates, stored on the server for the whole team
                        made[0] = documents.createTemplate("Service agreement", "en", "# Service agreement {{number}}\n").id();
                        documents.renameTemplate(made[0], "Service agreement 2027");
                        // the default is a team setting: an administrator's
                        assertThrows(AccessDeniedException.class, () -> documents.setDefaultTemplate(made[0]), login);
                    }
                    case "adm.e" -> {
                        assertEquals("Service agreement 2027", documents.findTemplate(made[0]).orElseThrow().name());
                        documents.setDefaultTemplate(made[0]);
                        long frame = documents.createTemplate("框架协议", "zh_CN", "# 框架协议 {{number}}\n").id();
                        documents.deleteTemplate(frame);
                    }
                    default -> {
                        // the others read them and generate with the team's default, and change none
                        assertEquals(made[0], documents.defaultTemplate("en").id(), login);
                        assertEquals("# Service agreement {{number}}\n", documents.template("en"), login);
                        assertEquals(3, documents.templates().size(), login);
                        assertThrows(AccessDeniedException.class, () -> documents.createTemplate("Mine", "en", "# {{number}}"), login);
                        assertThrows(AccessDeniedException.class, () -> documents.updateTemplate(made[0], "# {{number}}"), login);
                        assertThrows(AccessDeniedException.class, () -> documents.deleteTemplate(made[0]), login);
                    }
                }
            }
        }
    }

    @Test
    void anAdministratorDeletesARepsContractInApprovalWithdrawingItsRequest() {
        team.person("adm.f", "孙丽", null, Role.ADMINISTRATOR);
        long deal = wonDeals("rep.a", 1).get(0);
        long id;
        try (Database rep = team.open("rep.a")) {
            ContractService theirs = contracts(rep);
            id = theirs.createFromOpportunity(deal).getId();
            assertEquals(org.salesbench.contracts.ContractStatus.IN_APPROVAL, theirs.submitForApproval(id).getStatus());
        }
        try (Database admin = team.open("adm.f")) {
            ContractService contracts = contracts(admin);
            assertTrue(contracts.mayDelete(id));
            contracts.delete(id); // not the requester: the contract's DELETE right is what counts
            assertTrue(contracts.find(id).isEmpty(), "in the recycle bin");
        }
        List<Object[]> request = ownerDb.read(em -> em.createNativeQuery("SELECT r.STATUS, (SELECT COUNT(*) FROM SB_APPROVAL_ASSIGNMENT a"
                + " WHERE a.REQUEST_ID = r.ID AND a.DECISION IS NULL) FROM SB_APPROVAL_REQUEST r WHERE r.ENTITY_TYPE = 'contract' AND r.RECORD_ID = ?1")
                .setParameter(1, id).getResultList());
        assertEquals(1, request.size());
        assertEquals("RECALLED", request.get(0)[0]);
        assertEquals(0L, ((Number) request.get(0)[1]).longValue(), "no approver keeps an open decision");
        Object[] contract = (Object[]) ownerDb.read(em -> em.createNativeQuery("SELECT STATUS, DELETED_AT FROM SB_CONTRACT WHERE ID = ?1")
                .setParameter(1, id).getSingleResult());
        assertEquals("DRAFT", contract[0]);
        assertTrue(contract[1] != null);
    }
}
