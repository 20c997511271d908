package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.contracts.tests.ContractFixture.MANAGER;
import static org.salesbench.contracts.tests.ContractFixture.REP;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.Messages;
import org.salesbench.core.validation.ValidationException;

/**
 * The state machine, move by move: every legal move through the service ends in its target state, every illegal one is
 * refused naming both states and leaves the contract as it was. On embedded Derby here; {@link PostgresContractLifecycleTest}
 * runs the same body on a PostgreSQL team server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractLifecycleTest {

    ContractFixture fx;

    /** The database the tests run on: embedded Derby in memory. */
    ContractFixture fixture() {
        return new ContractFixture();
    }

    @BeforeAll
    void open() {
        fx = fixture();
    }

    @AfterAll
    void close() {
        // null when the fixture was never made (a PostgreSQL run without a server is skipped in fixture())
        if (fx != null) {
            fx.close();
        }
    }

    /** A new draft of the rep's, from a won deal without quote. */
    private Contract draft() {
        long deal = fx.deal("年度维保", "48000", true).getId();
        fx.as(REP);
        return fx.contracts.createFromOpportunity(deal);
    }

    /** A contract put straight into {@code status} (as if it had got there), to try every move from there. */
    private Contract in(ContractStatus status) {
        Contract contract = draft();
        fx.db.write(em -> {
            em.find(Contract.class, contract.getId()).setStatus(status);
            return null;
        });
        return fx.contracts.find(contract.getId()).orElseThrow();
    }

    /** The service call that moves a contract to {@code target}, as the person who would make it. */
    private LongFunction<Contract> moveTo(ContractStatus target) {
        return id -> switch (target) {
            case DRAFT -> fx.contracts.withdrawFromApproval(id, "撤回");
            case IN_APPROVAL -> fx.contracts.submitForApproval(id);
            case APPROVED -> {
                fx.as(MANAGER);
                yield fx.contracts.recordApprovalDecision(id, true, "同意");
            }
            case SIGNED -> fx.contracts.sign(id, fx.today());
            case ACTIVE -> fx.contracts.activate(id);
            case COMPLETED -> fx.contracts.complete(id);
            case TERMINATED -> fx.contracts.terminate(id, "客户违约");
            case EXPIRED -> fx.contracts.expire(id);
            case CANCELLED -> fx.contracts.cancel(id, "客户放弃");
        };
    }

    @Test
    void everyLegalMoveReachesItsTargetAndEveryIllegalOneIsRefusedNamingBothStates() {
        List<String> checked = new ArrayList<>();
        for (ContractStatus from : ContractStatus.values()) {
            for (ContractStatus to : ContractStatus.values()) {
                if (to == from) {
                    continue;
                }
                Contract contract = in(from);
                fx.as(REP);
                if (from.canMoveTo(to)) {
                    Contract moved = moveTo(to).apply(contract.getId());
                    // a submission with a matching definition waits in approval
                    assertEquals(to, moved.getStatus(), from + " -> " + to);
                    assertEquals(to, fx.contracts.find(contract.getId()).orElseThrow().getStatus());
                } else {
                    ValidationException refused = assertThrows(ValidationException.class, () -> moveTo(to).apply(contract.getId()),
                            from + " -> " + to);
                    String message = refused.errorOf("status").message();
                    assertTrue(message.contains(contract.getNumber()) && message.contains(Messages.status(from)) && message.contains(Messages.status(to)),
                            message);
                    Contract after = fx.contracts.find(contract.getId()).orElseThrow();
                    assertEquals(from, after.getStatus(), "nothing written: " + from + " -> " + to);
                    assertEquals(contract.getVersion(), after.getVersion(), "nothing written: " + from + " -> " + to);
                }
                checked.add(from + "->" + to);
            }
        }
        assertEquals(ContractStatus.values().length * (ContractStatus.values().length - 1), checked.size());
    }

    @Test
    void theMachineIsTheOneOfTheIssue() {
        assertEquals(EnumSet.of(ContractStatus.IN_APPROVAL, ContractStatus.CANCELLED), ContractStatus.DRAFT.next());
        assertEquals(EnumSet.of(ContractStatus.APPROVED, ContractStatus.DRAFT), ContractStatus.IN_APPROVAL.next());
        assertEquals(Set.of(ContractStatus.SIGNED), ContractStatus.APPROVED.next());
        assertEquals(EnumSet.of(ContractStatus.ACTIVE, ContractStatus.TERMINATED), ContractStatus.SIGNED.next());
        assertEquals(EnumSet.of(ContractStatus.COMPLETED, ContractStatus.TERMINATED, ContractStatus.EXPIRED), ContractStatus.ACTIVE.next());
        for (ContractStatus end : EnumSet.of(ContractStatus.COMPLETED, ContractStatus.TERMINATED, ContractStatus.EXPIRED, ContractStatus.CANCELLED)) {
            assertTrue(end.isFinal(), end.name());
        }
    }

    @Test
    void signingBeforeApprovalIsRefusedWithThatReason() {
        Contract contract = draft();
        fx.as(REP);
        ValidationException refused = assertThrows(ValidationException.class, () -> fx.contracts.sign(contract.getId(), fx.today()));
        assertTrue(refused.errorOf("status").message().contains(Messages.Contract_signBeforeApproval), refused.getMessage());
    }

    @Test
    void aWholeLifeKeepsItsDatesAndReasons() {
        Contract contract = in(ContractStatus.APPROVED);
        fx.as(REP);
        ValidationException future = assertThrows(ValidationException.class, () -> fx.contracts.sign(contract.getId(), fx.today().plusDays(1)));
        assertNotNull(future.errorOf("signedOn"));
        assertEquals(ContractStatus.SIGNED, fx.contracts.sign(contract.getId(), fx.today().minusDays(2)).getStatus());
        Contract active = fx.contracts.activate(contract.getId());
        assertEquals(fx.today().minusDays(2), active.getSignedOn());
        assertEquals(fx.today(), active.getStartDate());
        assertNotNull(assertThrows(ValidationException.class, () -> fx.contracts.terminate(contract.getId(), " ")).errorOf("reason"));
        Contract ended = fx.contracts.terminate(contract.getId(), "客户违约");
        assertEquals(ContractStatus.TERMINATED, ended.getStatus());
        assertEquals("客户违约", ended.getStatusNote());
        assertTrue(fx.events.contains("contract/UPDATED/" + contract.getId()), fx.events.toString());
    }

    @Test
    void onlyADraftIsEditedAndAnEditKeepsWhatIdentifiesTheContract() {
        Contract contract = draft();
        fx.as(REP);
        contract.setTitle("年度维保（2027）");
        contract.setStartDate(fx.today());
        contract.setEndDate(fx.today().minusDays(1));
        ValidationException backwards = assertThrows(ValidationException.class, () -> fx.contracts.update(contract));
        assertNotNull(backwards.errorOf("endDate"));
        contract.setEndDate(fx.today().plusYears(1));
        contract.getLines().get(0).setQuantity(new java.math.BigDecimal("2"));
        contract.setNumber("HT-FORGED");
        Contract saved = fx.contracts.update(contract);
        assertEquals("年度维保（2027）", saved.getTitle());
        assertEquals(org.salesbench.core.model.Money.cny("96000.00"), saved.getAmount());
        assertTrue(saved.getNumber().startsWith("HT-"), saved.getNumber());
        assertTrue(!saved.getNumber().equals("HT-FORGED"));

        Contract signed = in(ContractStatus.SIGNED);
        signed.setTitle("改签");
        fx.as(REP);
        assertNotNull(assertThrows(ValidationException.class, () -> fx.contracts.update(signed)).errorOf("status"));
    }
}
