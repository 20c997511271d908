package org.salesbench.contracts.tests.receivables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.salesbench.audit.internal.AuditEntityRepair;
import org.salesbench.audit.internal.AuditTrailImpl;
import org.salesbench.audit.internal.AuditedTables;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.receivables.Allocation;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.model.Money;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The upgrade of a database whose money rows were audited under the entity {@code contract} (as the version before
 * their own entity names wrote them, each by its own id): the audit module's change set
 * {@code audit-5-entries-under-their-table} ({@link AuditEntityRepair}, which this version's migration runs once, as the
 * change log shows) moves every entry of a receipt, a payment-plan row, a write-off and a credit entry to its table's
 * entity, and the contract's history holds the contract's own entries again. An entry of a row deleted since goes by
 * its fields (the whole row a deletion kept); one nothing tells apart (only its creation, its row gone) keeps its name.
 * On Derby; the repair is run on the database as the old version left it (running Liquibase again here would cost a
 * full check of every changelog).
 */
class OldAuditEntriesTest {

    private static final String CHANGE_SET = "audit-5-entries-under-their-table";
    private static final List<String> MONEY_ENTITIES = List.of(ReceivablesService.RECEIPT_AUDIT_ENTITY, ReceivablesService.INVOICE_AUDIT_ENTITY,
            ReceivablesService.INSTALMENT_AUDIT_ENTITY, ReceivablesService.ALLOCATION_AUDIT_ENTITY, ReceivablesService.CREDIT_AUDIT_ENTITY,
            "contract_plan_amendment");
    private static final long GONE_INSTALMENT = 987_654_321L;
    private static final long GONE_UNKNOWN = 987_654_322L;

    @Test
    void oldEntriesUnderContractMoveToTheirTablesEntity() throws SQLException {
        DatabaseSettings settings = DatabaseSettings.inMemory("old-audit-" + UUID.randomUUID());
        Map<String, Long> written;
        long contract;
        long receipt;
        List<Long> writeOffs;
        try (MoneyFixture fx = new MoneyFixture(settings)) {
            AuditTrailImpl audit = new AuditTrailImpl(fx.db, fx.people);
            try {
                contract = fx.contract(fx.customer("旧审计客户"), "li.na", ContractStatus.APPROVED, "10000", "CNY");
                fx.money.setPlan(contract, List.of(PlannedInstalment.amount(fx.today.plusDays(10), Money.cny("10000"))), null);
                fx.money.setPlan(contract, List.of(PlannedInstalment.amount(fx.today.plusDays(10), Money.cny("6000")),
                        PlannedInstalment.amount(fx.today.plusDays(40), Money.cny("4000"))), null);
                Receipt r = fx.money.recordReceipt(contract, fx.today, Money.cny("12000"), ReceiptMethod.BANK_TRANSFER, "R-OLD");
                receipt = r.getId();
                writeOffs = fx.money.allocations(receipt).stream().map(Allocation::getId).toList();
            } finally {
                audit.dispose();
            }
            written = entities(fx);
            for (String entity : List.of(ReceivablesService.RECEIPT_AUDIT_ENTITY, ReceivablesService.INSTALMENT_AUDIT_ENTITY,
                    ReceivablesService.ALLOCATION_AUDIT_ENTITY, ReceivablesService.CREDIT_AUDIT_ENTITY)) {
                assertTrue(written.getOrDefault(entity, 0L) > 0, entity + " audited: " + written);
            }
            // the database as the version before wrote it: every money row's entries under 'contract'; and entries of
            // rows deleted since: a plan row (its deletion kept the whole row) and one with nothing but its creation
            fx.db.write(em -> {
                em.createNativeQuery("UPDATE SB_AUDIT_EVENT SET ENTITY = 'contract' WHERE ENTITY IN ('" + String.join("', '", MONEY_ENTITIES) + "')")
                        .executeUpdate();
                em.createNativeQuery(insert(GONE_INSTALMENT, "created", null, null)).executeUpdate();
                em.createNativeQuery(insert(GONE_INSTALMENT, "changed", "paid", null)).executeUpdate();
                em.createNativeQuery(insert(GONE_INSTALMENT, "deleted", null, "{\"id\": \"" + GONE_INSTALMENT + "\", \"contract_id\": \"" + contract
                        + "\", \"position\": \"1\", \"due_date\": \"2026-01-10\", \"amount\": \"10000.0000\", \"currency\": \"CNY\", \"paid\": \"0\","
                        + " \"description\": \"a \\\"quoted\\\", with: commas\", \"active\": \"true\"}")).executeUpdate();
                em.createNativeQuery(insert(GONE_UNKNOWN, "created", null, null)).executeUpdate();
                return null;
            });
            assertEquals(0L, entities(fx).getOrDefault(ReceivablesService.RECEIPT_AUDIT_ENTITY, 0L));
            assertEquals(1L, count(fx, "ID = '" + CHANGE_SET + "'", "DATABASECHANGELOG"), "the migration runs the repair");

            // the upgrade: the change set's repair on the database as the old version left it
            AuditEntityRepair.Result result;
            try (Connection c = Database.connect(settings)) {
                result = AuditEntityRepair.repair(c, AuditedTables.all());
            }
            assertEquals(1, result.recordsLeft(), result.toString());
            Map<String, Long> now = entities(fx);
            for (String entity : MONEY_ENTITIES) {
                long expected = written.getOrDefault(entity, 0L) + (entity.equals(ReceivablesService.INSTALMENT_AUDIT_ENTITY) ? 3 : 0);
                assertEquals(expected, now.getOrDefault(entity, 0L).longValue(), entity + ": " + now + " (written " + written + ")");
            }
            // the contract's own entries, and the one nothing tells apart
            assertEquals(written.get(Contract.ENTITY) + 1, now.get(Contract.ENTITY).longValue(), now.toString());
            assertEquals(1L, count(fx, "ENTITY = 'contract' AND RECORD_ID = " + GONE_UNKNOWN));
            assertEquals(0L, count(fx, "ENTITY = 'contract' AND RECORD_ID <> " + contract + " AND RECORD_ID <> " + GONE_UNKNOWN));
            assertTrue(count(fx, "ENTITY = '" + ReceivablesService.RECEIPT_AUDIT_ENTITY + "' AND RECORD_ID = " + receipt + " AND KIND = 'created'") == 1);
            for (long writeOff : writeOffs) {
                assertTrue(count(fx, "ENTITY = '" + ReceivablesService.ALLOCATION_AUDIT_ENTITY + "' AND RECORD_ID = " + writeOff) >= 1);
            }
            assertEquals(3L, count(fx, "ENTITY = '" + ReceivablesService.INSTALMENT_AUDIT_ENTITY + "' AND RECORD_ID = " + GONE_INSTALMENT));

            // run again, it finds nothing more to move
            try (Connection c = Database.connect(settings)) {
                assertEquals(Map.of(), AuditEntityRepair.repair(c, AuditedTables.all()).moved());
            }
            assertEquals(now, entities(fx));
        }
    }

    private static String insert(long recordId, String kind, String field, String oldValue) {
        return ("INSERT INTO SB_AUDIT_EVENT (ENTITY, RECORD_ID, KIND, FIELD, OLD_VALUE, USER_NAME, CHANGED_AT) VALUES ('contract', "
                + recordId + ", '" + kind + "', " + literal(field) + ", " + literal(oldValue) + ", 'old.version', CURRENT_TIMESTAMP)");
    }

    private static String literal(String text) {
        return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
    }

    private static Map<String, Long> entities(MoneyFixture fx) {
        Map<String, Long> counts = new TreeMap<>();
        fx.db.read(em -> em.createNativeQuery("SELECT ENTITY, COUNT(*) FROM SB_AUDIT_EVENT GROUP BY ENTITY").getResultList())
                .forEach(row -> counts.put((String) ((Object[]) row)[0], ((Number) ((Object[]) row)[1]).longValue()));
        return counts;
    }

    private static long count(MoneyFixture fx, String where) {
        return count(fx, where, "SB_AUDIT_EVENT");
    }

    private static long count(MoneyFixture fx, String where, String table) {
        return fx.db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where).getSingleResult()).longValue());
    }
}
