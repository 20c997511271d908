package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.ContractServiceImpl;
import org.salesbench.contracts.internal.ContractSettings;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.Scope;
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
 * Deleting a contract in approval on a team server by the DELETE right alone: the rep's manager, given the right on
 * their people's contracts by a role of their own, deletes the rep's contract waiting for approval (the request is
 * withdrawn, the contract goes back to draft and to the recycle bin, in one transaction, under row-level security); the
 * rep who owns it, whose role holds no DELETE right on contracts, is refused and the contract stays in approval.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresContractDeleteInApprovalTest {

    private static final String MANAGER = "boss.k";
    private static final String REP = "rep.k";

    private PostgresTeam team;
    private Database ownerDb;

    @BeforeAll
    void users() {
        team = PostgresTeam.create("contractdelete", db -> new UserServiceImpl(db, new RoleSecurityService(db)));
        ownerDb = team.owner();
        team.users().createRole(new Role("contract_cleaner", "删除下属的合同", false,
                List.of(new Role.Grant(Contract.ENTITY, Action.DELETE, Scope.SUBORDINATES)), List.of()));
        team.person(MANAGER, "孙经理", null, Role.SALES_MANAGER, "contract_cleaner").person(REP, "周敏", MANAGER, Role.SALES_REP);
    }

    @AfterAll
    void close() {
        if (team != null) {
            team.close();
        }
    }

    /** A session's services, wired as DS wires them. */
    private static final class Services {
        final ApprovalEngine engine;
        final ContractServiceImpl contracts;
        final SecurityService security;

        Services(Database db) {
            security = new RoleSecurityService(db);
            Map<Class<?>, Object> services = new HashMap<>();
            ApprovalSubject.Context context = new ApprovalSubject.Context() {
                @Override
                public <S> S service(Class<S> type) {
                    return type.cast(services.get(type));
                }
            };
            engine = new ApprovalEngine(db, security, (e, c, id) -> { }, new UserServiceImpl(db, security), ApprovalSubjects::subject, context,
                    Clocks.system());
            OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, security, (e, c, id) -> { }, Clocks.system());
            QuoteServiceImpl quotes = new QuoteServiceImpl(db, security, (e, c, id) -> { }, new EngineQuoteApprovalService(engine), Clocks.system());
            contracts = new ContractServiceImpl(db, security, (e, c, id) -> { }, engine, opportunities, quotes, Clocks.system(),
                    () -> ContractSettings.DEFAULT_PATTERN);
            services.put(QuoteService.class, quotes);
            services.put(ContractService.class, contracts);
        }
    }

    private long wonDeal(String owner) {
        return ownerDb.write(em -> {
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
            Stage won = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.WON).findFirst().orElseThrow();
            Customer customer = new Customer("宁波港城冷链物流有限公司");
            customer.setStatus(CustomerStatus.ACTIVE);
            customer.setNormalizedName(customer.getName());
            customer.setOwner(owner);
            em.persist(customer);
            Opportunity deal = new Opportunity(customer, "冷库管理系统", Money.cny("180000"));
            deal.setPipeline(pipeline);
            deal.setStage(won);
            deal.setState(StageKind.WON);
            deal.setProbability(100);
            deal.setClosedOn(LocalDate.now(Clocks.system()));
            deal.setOwner(owner);
            em.persist(deal);
            em.flush();
            return deal.getId();
        });
    }

    /** The contract's status and whether it is in the recycle bin, as the schema's owner reads them. */
    private String stored(long contractId) throws Exception {
        try (Connection c = Database.connect(ownerDb.settings()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT STATUS, DELETED_AT IS NOT NULL, DELETED_BY FROM SB_CONTRACT WHERE ID = " + contractId)) {
            assertTrue(rs.next());
            return rs.getString(1) + " " + (rs.getBoolean(2) ? "deleted by " + rs.getString(3) : "kept");
        }
    }

    @Test
    void theManagerWithTheDeleteRightDeletesTheRepsContractInApprovalAndTheRepWithoutItCannot() throws Exception {
        long id;
        try (Database repDb = team.open(REP)) {
            Services rep = new Services(repDb);
            id = rep.contracts.createFromOpportunity(wonDeal(REP)).getId();
            assertEquals(ContractStatus.IN_APPROVAL, rep.contracts.submitForApproval(id).getStatus());
            assertTrue(rep.engine.pendingFor(Contract.ENTITY, id).isPresent());

            assertFalse(rep.contracts.mayDelete(id), "a rep's role holds no DELETE right on contracts");
            assertThrows(AccessDeniedException.class, () -> rep.contracts.delete(id));
            assertEquals("IN_APPROVAL kept", stored(id));
            assertTrue(rep.engine.pendingFor(Contract.ENTITY, id).isPresent(), "the request still waits");
        }
        try (Database managerDb = team.open(MANAGER)) {
            Services manager = new Services(managerDb);
            assertTrue(manager.contracts.mayDelete(id));
            manager.contracts.delete(id);
            assertEquals(Optional.empty(), manager.contracts.find(id));
            assertEquals(Optional.empty(), manager.engine.pendingFor(Contract.ENTITY, id), "the request was withdrawn");
        }
        assertEquals("DRAFT deleted by " + MANAGER, stored(id));
        assertEquals(Optional.empty(), new Services(ownerDb).engine.pendingFor(Contract.ENTITY, id));
    }
}
