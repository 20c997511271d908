package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.salesbench.workflow.Task;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalStep;
import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ConditionOperator;
import org.salesbench.workflow.internal.approvals.ApprovalEngine;
import org.salesbench.workflow.internal.approvals.ApprovalSubjects;
import org.salesbench.workflow.internal.approvals.EngineQuoteApprovalService;

/**
 * A contract decided on a team server by an approver outside the owner's chain: legal counsel whose role reaches no
 * contract, named on the definition's step, opens the rep's contract and approves it (the assignment is the right);
 * a colleague in the same role with no assignment reads nothing of it, and after the decision the counsel reads it
 * still but writes it no more.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresContractApprovalTest {

    private static final String REP = "rep.e";
    private static final String LEGAL = "legal.f";
    private static final String OTHER_LEGAL = "legal.g";

    private PostgresTeam team;
    private Database ownerDb;

    @BeforeAll
    void users() {
        team = PostgresTeam.create("contractapproval", db -> new UserServiceImpl(db, new RoleSecurityService(db)));
        ownerDb = team.owner();
        team.users().createRole(new Role("legal", "法务：只有自己的任务", false, List.of(new Role.Grant(Task.ENTITY, Action.READ, Scope.OWN),
                new Role.Grant(Task.ENTITY, Action.CREATE, Scope.OWN), new Role.Grant(Task.ENTITY, Action.UPDATE, Scope.OWN)), List.of()));
        team.person("boss.h", "陈经理", null, Role.SALES_MANAGER).person(REP, "李娜", "boss.h", Role.SALES_REP)
                .person(LEGAL, "方宇", null, "legal").person(OTHER_LEGAL, "柳青", null, "legal");
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
            Customer customer = new Customer("苏州工业园区物流有限公司");
            customer.setStatus(CustomerStatus.ACTIVE);
            customer.setNormalizedName(customer.getName());
            customer.setOwner(owner);
            em.persist(customer);
            Opportunity deal = new Opportunity(customer, "园区仓储系统", Money.cny("360000"));
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

    private static int rowsSeen(Database db, long contractId) throws Exception {
        try (Connection c = Database.connect(db.settings()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SB_CONTRACT WHERE ID = " + contractId)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void counselNamedOnTheStepOpensAndApprovesTheRepsContractAndAColleagueWithoutAnAssignmentCannotReadIt() throws Exception {
        ApprovalDefinition definition = new ApprovalDefinition("法务审查合同", Contract.ENTITY, "amount", ConditionOperator.GE, "0");
        definition.setPriority(10); // before the shipped "Every contract"
        definition.addStep(new ApprovalStep("法务审查", ApproverKind.USERS, LEGAL));
        new Services(ownerDb).engine.saveDefinition(definition);

        long deal = wonDeal(REP);
        long id;
        try (Database repDb = team.open(REP)) {
            Services rep = new Services(repDb);
            Contract draft = rep.contracts.createFromOpportunity(deal);
            id = draft.getId();
            assertEquals(ContractStatus.IN_APPROVAL, rep.contracts.submitForApproval(id).getStatus());
            assertEquals(List.of(LEGAL), rep.engine.currentApprovers(rep.engine.pendingFor(Contract.ENTITY, id).orElseThrow().getId()));
        }
        try (Database otherDb = team.open(OTHER_LEGAL); Database legalDb = team.open(LEGAL)) {
            Services other = new Services(otherDb);
            Services legal = new Services(legalDb);
            assertFalse(legal.security.isPermitted(Action.READ, Contract.ENTITY, REP), "no role of theirs reaches the rep's contracts");
            assertEquals(Optional.empty(), other.contracts.find(id));
            assertEquals(0, rowsSeen(otherDb, id));

            Contract opened = legal.contracts.find(id).orElseThrow();
            assertEquals(ContractStatus.IN_APPROVAL, opened.getStatus());
            assertTrue(legal.contracts.mayDecideApproval(id));
            Contract approved = legal.contracts.decideApproval(id, true, "条款无异议");
            assertEquals(ContractStatus.APPROVED, approved.getStatus());
            assertEquals(LEGAL, approved.getDecidedBy());

            assertEquals(1, rowsSeen(legalDb, id), "the one who decided it still reads it");
            try (Connection c = Database.connect(legalDb.settings()); Statement s = c.createStatement()) {
                assertEquals(0, s.executeUpdate("UPDATE SB_CONTRACT SET TITLE = 'changed later' WHERE ID = " + id), "but no longer writes it");
            }
            assertEquals(Optional.empty(), other.contracts.find(id));
            assertEquals(0, rowsSeen(otherDb, id));
        }
        assertEquals(ContractStatus.APPROVED, new Services(ownerDb).contracts.find(id).orElseThrow().getStatus());
    }
}
