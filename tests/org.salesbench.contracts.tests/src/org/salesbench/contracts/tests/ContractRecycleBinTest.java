package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;
import org.salesbench.core.recyclebin.PurgeRefusedException;
import org.salesbench.core.recyclebin.RecycleBinRegistry;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.internal.CustomerServiceImpl;

/**
 * Deleting contracts that carry money: a reset of a user's records takes their plans, receipts, write-offs, credit and
 * invoices with them; the recycle bin keeps a deleted contract out of lists and money, restores it, purges it with its
 * plan, refuses to purge one on which money was received, and refuses to purge a customer a contract names.
 */
class ContractRecycleBinTest {

    private static final String[] MONEY_TABLES = { "SB_CONTRACT_INSTALMENT", "SB_CONTRACT_RECEIPT", "SB_CONTRACT_ALLOCATION", "SB_CUSTOMER_CREDIT",
            "SB_CONTRACT_INVOICE", "SB_CONTRACT_INVOICE_INSTALMENT", "SB_CONTRACT_PLAN_AMENDMENT" };

    private ContractFixture fx;
    private RecycleBinRegistry bin;
    private CustomerServiceImpl customers;

    @BeforeEach
    void open() {
        fx = new ContractFixture();
        customers = new CustomerServiceImpl(fx.db, fx.security, (e, c, id) -> { });
        bin = new RecycleBinRegistry(fx.security, Clocks.system());
        bin.add(customers);
        bin.add(fx.contracts);
        fx.as(ContractFixture.ADMIN);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private void halves(long contractId) {
        fx.money.setPlan(contractId, List.of(PlannedInstalment.percent(fx.today().plusDays(10), "50"),
                PlannedInstalment.percent(fx.today().plusDays(40), "50")), null);
    }

    @Test
    void purgingAUsersRecordsTakesTheirContractsMoneyWithThem() {
        Contract contract = fx.approvedContract("仓储系统", "120000");
        Contract other = fx.approvedContract("门店系统", "8000");
        halves(contract.getId());
        fx.contracts.sign(contract.getId(), fx.today());
        fx.money.setPlan(contract.getId(), List.of(PlannedInstalment.percent(fx.today().plusDays(10), "40"),
                PlannedInstalment.percent(fx.today().plusDays(70), "60")), "客户要求延后");
        // an over-payment (credit), a reversed receipt, an invoice, and a plan amended after signing
        fx.money.recordReceipt(contract.getId(), fx.today(), Money.cny("130000.00"), ReceiptMethod.BANK_TRANSFER, "B-1");
        Receipt bounced = fx.money.recordReceipt(other.getId(), fx.today(), Money.cny("3000.00"), ReceiptMethod.CHEQUE, "C-9");
        fx.money.reverse(bounced.getId(), "退票");
        fx.money.requestInvoice(contract.getId(), Money.cny("60000.00"), Money.cny("0.00"),
                Set.of(fx.money.plan(contract.getId()).get(0).getId()));
        for (String table : MONEY_TABLES) {
            assertTrue(fx.count(table) > 0, table);
        }

        assertEquals(2, fx.contracts.purgeOwnedBy(List.of(ContractFixture.REP)));

        assertEquals(0, fx.count("SB_CONTRACT"));
        assertEquals(0, fx.count("SB_CONTRACT_LINE"));
        for (String table : MONEY_TABLES) {
            assertEquals(0, fx.count(table), table);
        }
    }

    @Test
    void aDeletedContractLeavesListsAndMoneyComesBackOnRestoreAndIsPurgedOnlyWithoutReceipts() {
        Contract paid = fx.approvedContract("仓储系统", "120000");
        Contract planned = fx.approvedContract("门店系统", "8000");
        halves(paid.getId());
        halves(planned.getId());
        fx.money.recordReceipt(paid.getId(), fx.today(), Money.cny("1000.00"), ReceiptMethod.BANK_TRANSFER, "B-2");
        assertEquals(2, fx.contracts.count(ContractFilter.all()));

        fx.contracts.delete(paid.getId());
        fx.contracts.delete(planned.getId());
        assertTrue(fx.contracts.find(paid.getId()).isEmpty());
        assertTrue(fx.contracts.findByNumber(paid.getNumber()).isEmpty());
        assertEquals(0, fx.contracts.count(ContractFilter.all()));
        assertEquals(2, bin.deleted(Contract.ENTITY, 10).size());
        // no money moves on a contract in the bin
        ValidationException onDeleted = assertThrows(ValidationException.class,
                () -> fx.money.recordReceipt(paid.getId(), fx.today(), Money.cny("1.00"), ReceiptMethod.CASH, null));
        assertEquals("contract", onDeleted.getErrors().get(0).field());

        // money was received on it: never purged, it stays in the bin with its receipt
        ValidationException refused = assertThrows(ValidationException.class, () -> bin.purge(Contract.ENTITY, paid.getId()));
        assertTrue(refused.getMessage().contains(paid.getNumber()), refused.getMessage());
        assertEquals(1, fx.count("SB_CONTRACT_RECEIPT"));
        assertTrue(bin.findDeleted(Contract.ENTITY, paid.getId()).isPresent());

        // without receipts it goes for good with its lines and plan
        bin.purge(Contract.ENTITY, planned.getId());
        assertTrue(bin.findDeleted(Contract.ENTITY, planned.getId()).isEmpty());
        assertEquals(1, fx.count("SB_CONTRACT"));
        assertEquals(2, fx.count("SB_CONTRACT_INSTALMENT"));

        // its customer in the bin keeps it there; the customer back, the contract comes back with its money
        long customerId = paid.getCustomer().getId();
        customers.delete(customerId);
        ValidationException whileCustomerDeleted = assertThrows(ValidationException.class, () -> bin.restore(Contract.ENTITY, paid.getId()));
        assertEquals("customer", whileCustomerDeleted.getErrors().get(0).field());
        // and a customer a contract names is not purged: refused naming the contracts, not a foreign key error
        PurgeRefusedException blocked = assertThrows(PurgeRefusedException.class, () -> bin.purge("customer", customerId));
        assertTrue(blocked.blockers().stream().anyMatch(d -> d.entity().equals(Contract.ENTITY) && d.count() == 1), blocked.blockers().toString());
        bin.restore("customer", customerId);
        bin.restore(Contract.ENTITY, paid.getId());
        assertEquals(1, fx.contracts.count(ContractFilter.all()));
        assertEquals(Money.cny("1000.00"), fx.money.plan(paid.getId()).get(0).getPaid());
        assertEquals(1, fx.money.receipts(paid.getId()).size());
    }

    @Test
    void aDeletedContractLeavesTheReceivablesViewTheBalancesAndTheSearch() {
        Contract kept = fx.approvedContract("仓储系统", "1000");
        Contract deleted = fx.approvedContract("门店系统", "2000");
        for (Contract c : List.of(kept, deleted)) {
            fx.money.setPlan(c.getId(), List.of(PlannedInstalment.percent(fx.today().minusDays(5), "50"),
                    PlannedInstalment.percent(fx.today().plusDays(30), "50")), null);
        }
        assertEquals(4, fx.money.countOpenInstalments(fx.today(), false));
        assertEquals(2, fx.contracts.count(ContractFilter.all().withText("系统")));

        fx.contracts.delete(deleted.getId());

        assertEquals(List.of(kept.getId(), kept.getId()),
                fx.money.openInstalments(fx.today(), false, 0, 10).stream().map(i -> i.contractId()).toList());
        assertEquals(2, fx.money.countOpenInstalments(fx.today(), false));
        assertEquals(1, fx.money.countOpenInstalments(fx.today(), true));
        assertEquals(Set.of(kept.getId()), fx.money.balances(List.of(kept.getId(), deleted.getId()), fx.today()).keySet());
        assertEquals(List.of(kept.getId()),
                fx.contracts.list(ContractFilter.all().withText("系统"), 0, 10).stream().map(Contract::getId).toList());
        assertEquals(0, fx.contracts.count(ContractFilter.all().withText(deleted.getNumber())));

        bin.restore(Contract.ENTITY, deleted.getId());
        assertEquals(4, fx.money.countOpenInstalments(fx.today(), false));
        assertEquals(2, fx.money.balances(List.of(kept.getId(), deleted.getId()), fx.today()).size());
        assertEquals(1, fx.contracts.count(ContractFilter.all().withText(deleted.getNumber())));
    }
}
