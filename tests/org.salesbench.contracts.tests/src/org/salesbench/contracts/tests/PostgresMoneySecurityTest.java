package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
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
import org.salesbench.contracts.ContractLine;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.receivables.ReceivablesServiceImpl;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * The money tables on a team server, each person signed in as their own PostgreSQL role: a rep sees and changes the
 * instalments, receipts, write-offs, credit, invoices and amendments of their own contracts only (through the service
 * and by direct SQL), finance sees everyone's.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresMoneySecurityTest {

    private static final List<String> MONEY_TABLES = List.of("SB_CONTRACT_INSTALMENT", "SB_CONTRACT_RECEIPT", "SB_CONTRACT_ALLOCATION",
            "SB_CUSTOMER_CREDIT", "SB_CONTRACT_INVOICE", "SB_CONTRACT_PLAN_AMENDMENT");

    private PostgresTeam team;
    private Database ownerDb;
    private long contractA;
    private long contractB;

    @BeforeAll
    void data() {
        team = PostgresTeam.create("money_rls", db -> new UserServiceImpl(db, new RoleSecurityService(db)));
        ownerDb = team.owner();
        team.person("rep.a", "李娜", null, Role.SALES_REP).person("rep.b", "王伟", null, Role.SALES_REP).person("fin.d", "赵敏", null, Role.FINANCE);
        // each rep's signed contract with a plan amended after signing, an over-payment (credit) and an invoice
        ReceivablesServiceImpl money = new ReceivablesServiceImpl(ownerDb, new LocalSecurityService("owner"), (e, c, id) -> { }, Clocks::system);
        contractA = contract("rep.a", "100000.00");
        contractB = contract("rep.b", "50000.00");
        for (long id : List.of(contractA, contractB)) {
            money.setPlan(id, List.of(PlannedInstalment.percent(today().plusDays(5), "50"), PlannedInstalment.percent(today().plusDays(35), "50")),
                    "分两期");
            Money all = money.plan(id).stream().map(i -> i.getAmount()).reduce(Money::plus).orElseThrow();
            money.recordReceipt(id, today(), all.plus(Money.cny("10.00")), ReceiptMethod.BANK_TRANSFER, "R-" + id);
            money.requestInvoice(id, Money.cny("1000.00"), Money.cny("0.00"), Set.of(money.plan(id).get(0).getId()));
        }
    }

    private static LocalDate today() {
        return LocalDate.now(Clocks.system());
    }

    private long contract(String owner, String amount) {
        return ownerDb.write(em -> {
            Customer customer = new Customer("宁波港城物流有限公司 " + owner);
            customer.setNormalizedName(customer.getName() + UUID.randomUUID());
            customer.setOwner(owner);
            em.persist(customer);
            Contract c = new Contract(customer, "仓储系统 " + owner, "CNY");
            c.setNumber("HT-RLS-" + owner);
            c.setOwner(owner);
            c.setStatus(ContractStatus.SIGNED);
            c.addLine(new ContractLine(null, "服务", BigDecimal.ONE, new BigDecimal(amount), BigDecimal.ZERO, BigDecimal.ZERO));
            c.applyTotals();
            em.persist(c);
            em.flush();
            return c.getId();
        });
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

    /** The contracts whose money rows the session sees in {@code table}, by SQL. */
    private static Set<Long> contractsIn(Connection c, String table) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONTRACT_ID FROM " + table)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    @Test
    void aRepSeesAndChangesOnlyTheMoneyOfTheirOwnContracts() throws Exception {
        try (Database a = team.open("rep.a")) {
            ReceivablesServiceImpl mine = new ReceivablesServiceImpl(a, new RoleSecurityService(a), (e, c, id) -> { }, Clocks::system);
            assertEquals(2, mine.plan(contractA).size());
            assertEquals(1, mine.receipts(contractA).size());
            // another rep's contract does not exist for them: refused, and nothing written
            assertThrows(ValidationException.class, () -> mine.plan(contractB));
            assertThrows(ValidationException.class, () -> mine.recordReceipt(contractB, today(), Money.cny("5.00"), ReceiptMethod.CASH, null));
            Receipt own = mine.recordReceipt(contractA, today(), Money.cny("5.00"), ReceiptMethod.CASH, null);
            assertEquals(Money.cny("5.00"), own.getCredited());

            try (Connection c = Database.connect(a.settings())) {
                for (String table : MONEY_TABLES) {
                    assertEquals(Set.of(contractA), contractsIn(c, table), table);
                }
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SB_CONTRACT_INVOICE_INSTALMENT")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1));
                }
                // writes to the other's rows touch nothing; a row for the other's contract is refused
                c.setAutoCommit(true);
                assertEquals(0, update(c, "UPDATE SB_CONTRACT_INSTALMENT SET PAID = 0 WHERE CONTRACT_ID = " + contractB));
                assertEquals(0, update(c, "DELETE FROM SB_CONTRACT_RECEIPT WHERE CONTRACT_ID = " + contractB));
                assertEquals(0, update(c, "UPDATE SB_CUSTOMER_CREDIT SET AMOUNT = 0 WHERE CONTRACT_ID = " + contractB));
                assertEquals(0, update(c, "UPDATE SB_CONTRACT_INVOICE SET TAX = 1 WHERE CONTRACT_ID = " + contractB));
                assertThrows(SQLException.class, () -> update(c, "INSERT INTO SB_CONTRACT_INSTALMENT (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT,"
                        + " UPDATED_BY, OWNER, CONTRACT_ID, POSITION, DUE_DATE, AMOUNT, CURRENCY, PAID, ACTIVE) VALUES (987654321, 0, CURRENT_TIMESTAMP,"
                        + " 'rep.a', CURRENT_TIMESTAMP, 'rep.a', 'rep.a', " + contractB + ", 9, CURRENT_DATE, 1, 'CNY', 0, TRUE)"));
            }
        }
        // the other rep's money is untouched, and finance sees both
        try (Database fin = team.open("fin.d"); Connection c = Database.connect(fin.settings())) {
            for (String table : MONEY_TABLES) {
                assertEquals(Set.of(contractA, contractB), contractsIn(c, table), table);
            }
            ReceivablesServiceImpl finance = new ReceivablesServiceImpl(fin, new RoleSecurityService(fin), (e, cc, id) -> { }, Clocks::system);
            assertTrue(finance.plan(contractB).stream().allMatch(i -> i.getOpen().getAmount().signum() == 0));
            assertEquals(1, finance.receipts(contractB).size());
        }
    }
}
