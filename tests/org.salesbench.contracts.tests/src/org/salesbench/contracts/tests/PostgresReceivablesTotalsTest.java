package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.analytics.Report;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportRow;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractLine;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.receivables.AgeingReport;
import org.salesbench.contracts.internal.receivables.CollectedRevenueReport;
import org.salesbench.contracts.internal.receivables.ContractAgeing;
import org.salesbench.contracts.internal.receivables.ReceivablesServiceImpl;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings.Dialect;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * The receivables totals on a team server: kept by the database's triggers for every writer (a rep's receipt under
 * row-level security counts, the triggers run as the schema's owner), equal to the exact figures after receipts, a
 * reversal and an amended plan (its write-offs moved to the new instalments); read only by who reads
 * every contract (finance): a manager reads no row of them, and their reports fall back to the exact queries, which
 * show their people's money only.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresReceivablesTotalsTest {

    private static final String MANAGER = "boss.t";
    private static final String REP = "rep.t";
    private static final String OTHER = "rep.u";
    private static final String FINANCE = "cash.t";

    private PostgresTeam team;

    @BeforeAll
    void users() {
        team = PostgresTeam.create("moneytotals", db -> new UserServiceImpl(db, new RoleSecurityService(db)));
        team.person(MANAGER, "钱经理", null, Role.SALES_MANAGER).person(REP, "孙丽", MANAGER, Role.SALES_REP).person(OTHER, "赵强", null, Role.SALES_REP)
                .person(FINANCE, "周会计", null, Role.FINANCE);
    }

    @AfterAll
    void close() {
        if (team != null) {
            team.close();
        }
    }

    private long approvedContract(String owner, String amount) {
        return team.owner().write(em -> {
            Customer customer = new Customer("无锡太湖精密机械有限公司 " + owner);
            customer.setNormalizedName(customer.getName() + UUID.randomUUID());
            customer.setOwner(owner);
            em.persist(customer);
            Contract c = new Contract(customer, "设备维保 " + owner, "CNY");
            c.setNumber("HT-P-" + UUID.randomUUID().toString().substring(0, 8));
            c.setOwner(owner);
            c.setStatus(ContractStatus.APPROVED);
            c.addLine(new ContractLine(null, "维保服务", BigDecimal.ONE, new BigDecimal(amount), BigDecimal.ZERO, BigDecimal.ZERO));
            c.applyTotals();
            em.persist(c);
            em.flush();
            return c.getId();
        });
    }

    private static Map<String, String> rows(Database db, String sql) {
        return db.read(em -> {
            Map<String, String> out = new TreeMap<>();
            for (Object row : em.createNativeQuery(sql).getResultList()) {
                Object[] r = (Object[]) row;
                BigDecimal amount = new BigDecimal(r[r.length - 1].toString()).setScale(2, RoundingMode.HALF_UP);
                if (amount.signum() != 0) {
                    StringBuilder key = new StringBuilder();
                    for (int i = 0; i < r.length - 1; i++) {
                        key.append(r[i]).append('|');
                    }
                    out.put(key.toString(), amount.toPlainString());
                }
            }
            return out;
        });
    }

    /** Ageing rows by customer and currency, their five buckets as text; rows with nothing in them left out. */
    private static Map<String, String> ageingRows(Database db, String sql) {
        return db.read(em -> {
            Map<String, String> out = new TreeMap<>();
            for (Object row : em.createNativeQuery(sql).getResultList()) {
                Object[] r = (Object[]) row;
                StringBuilder amounts = new StringBuilder();
                boolean zero = true;
                for (int i = 2; i < r.length; i++) {
                    BigDecimal amount = new BigDecimal(r[i].toString()).setScale(2, RoundingMode.HALF_UP);
                    zero &= amount.signum() == 0;
                    amounts.append(amount.toPlainString()).append(' ');
                }
                if (!zero) {
                    out.put(r[0] + "|" + r[1], amounts.toString().strip());
                }
            }
            return out;
        });
    }

    /** The kept ageing by customer equals the one from the open instalments as of the kept day. */
    private static void ageingAgrees(Database owner, String after) {
        LocalDate day = owner.read(ContractAgeing::day);
        String d = "DATE '" + day + "'";
        assertEquals(ageingRows(owner, "SELECT COALESCE(CUSTOMER_ID, 0), CURRENCY, SUM(CASE WHEN DUE_DATE > " + d + " THEN AMOUNT - PAID ELSE 0 END),"
                + " SUM(CASE WHEN DUE_DATE <= " + d + " AND DUE_DATE >= " + d + " - 30 THEN AMOUNT - PAID ELSE 0 END),"
                + " SUM(CASE WHEN DUE_DATE < " + d + " - 30 AND DUE_DATE >= " + d + " - 60 THEN AMOUNT - PAID ELSE 0 END),"
                + " SUM(CASE WHEN DUE_DATE < " + d + " - 60 AND DUE_DATE >= " + d + " - 90 THEN AMOUNT - PAID ELSE 0 END),"
                + " SUM(CASE WHEN DUE_DATE < " + d + " - 90 THEN AMOUNT - PAID ELSE 0 END) FROM SB_CONTRACT_INSTALMENT WHERE RECEIVABLE GROUP BY 1, 2"),
                ageingRows(owner, "SELECT CUSTOMER_ID, CURRENCY, NOT_DUE, DAYS_0_30, DAYS_31_60, DAYS_61_90, DAYS_OVER_90 FROM SB_CONTRACT_AGEING_TOTAL"),
                "ageing by customer as of " + day + " after " + after);
    }

    private static String report(Database db, SecurityService security, Report report, ReportFilter filter) {
        ReportContext context = ContractFixture.reportContext(db, security);
        return report.run(context, filter).rows().stream().map(ReportRow::values).map(Object::toString).toList().toString();
    }

    @Test
    void everyonesWritesCountAndOnlyWhoReadsEveryContractReadsTheTotals() throws Exception {
        LocalDate today = LocalDate.now(Clocks.system());
        Database owner = team.owner();
        ReceivablesServiceImpl ownerMoney = new ReceivablesServiceImpl(owner, new LocalSecurityService(), (e, c, id) -> { }, Clocks::system);
        long reps = approvedContract(REP, "9000");
        long others = approvedContract(OTHER, "4000");
        ownerMoney.setPlan(reps, List.of(PlannedInstalment.percent(today.minusDays(70), "50"), PlannedInstalment.percent(today.plusDays(20), "50")), null);
        ownerMoney.setPlan(others, List.of(PlannedInstalment.percent(today.minusDays(10), "100")), null);
        ownerMoney.recordReceipt(others, today.minusDays(2), Money.cny("1500.00"), ReceiptMethod.BANK_TRANSFER, "O-1");
        // the rep records and reverses money on their own contract, under row-level security
        try (Database repDb = team.open(REP)) {
            ReceivablesServiceImpl repMoney = new ReceivablesServiceImpl(repDb, new RoleSecurityService(repDb), (e, c, id) -> { }, Clocks::system);
            repMoney.recordReceipt(reps, today.minusDays(5), Money.cny("2000.00"), ReceiptMethod.BANK_TRANSFER, "R-1");
            Receipt bounced = repMoney.recordReceipt(reps, today.minusDays(1), Money.cny("700.00"), ReceiptMethod.CHEQUE, "R-2");
            repMoney.reverse(bounced.getId(), "退票");
        }
        // signed, then the plan amended: the old instalments retire and their write-offs move to the new plan
        owner.write(em -> {
            em.find(Contract.class, reps).setStatus(ContractStatus.SIGNED);
            return null;
        });
        ownerMoney.setPlan(reps, List.of(PlannedInstalment.percent(today.minusDays(70), "30"), PlannedInstalment.percent(today.plusDays(20), "70")),
                "客户要求调整比例");

        // the totals equal the exact figures, whoever wrote
        assertEquals(rows(owner, "SELECT OWNER, DUE_DATE, SUM(CASE WHEN RECEIVABLE THEN AMOUNT - PAID ELSE 0 END) FROM SB_CONTRACT_INSTALMENT"
                + " WHERE CONTRACT_RECEIVABLE AND ACTIVE GROUP BY OWNER, DUE_DATE"), rows(owner, "SELECT OWNER, DUE_DATE, OPEN_AMOUNT FROM SB_CONTRACT_DUE_TOTAL"));
        assertEquals(rows(owner, "SELECT OWNER, RECEIVED_ON, SUM(AMOUNT) FROM SB_CONTRACT_RECEIPT WHERE METHOD <> 'CREDIT' GROUP BY OWNER, RECEIVED_ON"),
                rows(owner, "SELECT OWNER, RECEIVED_ON, AMOUNT FROM SB_CONTRACT_COLLECTED_TOTAL"));
        assertEquals(rows(owner, "SELECT i.OWNER, SB_CONTRACT_MONTH(i.DUE_DATE), SB_CONTRACT_MONTH(a.ON_DATE), SUM(a.AMOUNT) FROM SB_CONTRACT_ALLOCATION a"
                + " JOIN SB_CONTRACT_INSTALMENT i ON i.ID = a.INSTALMENT_ID WHERE i.CONTRACT_RECEIVABLE AND i.ACTIVE GROUP BY 1, 2, 3"),
                rows(owner, "SELECT OWNER, DUE_MONTH, ON_MONTH, AMOUNT FROM SB_CONTRACT_PAID_TOTAL"));
        // each write-off carries its instalment's due date, customer, currency and whether it counts (the rep's inserted
        // through the trigger as the schema's owner, the amended plan's retired instalments moved to not counted)
        assertEquals(rows(owner, "SELECT a.ID, i.DUE_DATE, COALESCE(i.CUSTOMER_ID, 0), i.CURRENCY, i.CONTRACT_RECEIVABLE AND i.ACTIVE, a.AMOUNT"
                + " FROM SB_CONTRACT_ALLOCATION a JOIN SB_CONTRACT_INSTALMENT i ON i.ID = a.INSTALMENT_ID"),
                rows(owner, "SELECT ID, DUE_DATE, COALESCE(CUSTOMER_ID, 0), CURRENCY, COUNTED, AMOUNT FROM SB_CONTRACT_ALLOCATION"));
        // the rep's 2,700.00 due 70 days ago less the 2,000.00 that stands, and 6,300.00 not yet due; the other's 4,000.00 less 1,500.00
        assertEquals(Map.of(REP + "|", "7000.00", OTHER + "|", "2500.00"),
                rows(owner, "SELECT OWNER, SUM(OPEN_AMOUNT) FROM SB_CONTRACT_DUE_TOTAL GROUP BY OWNER"));

        // the ageing by customer the triggers keep, as of the kept day and brought to other days and back
        ageingAgrees(owner, "every writer's writes");
        for (int days : new int[] { 1, 35, 100, -2, 0 }) {
            LocalDate day = today.plusDays(days);
            owner.write(em -> {
                ContractAgeing.bringTo(em, Dialect.POSTGRESQL, day);
                return null;
            });
            assertEquals(day, owner.read(ContractAgeing::day));
            ageingAgrees(owner, "the day moved to " + day);
        }
        owner.write(em -> {
            ContractAgeing.bringTo(em, Dialect.POSTGRESQL, today.minusDays(40));
            return null;
        });

        ReportFilter ageing = ReportFilter.all().withBy("owner");
        ReportFilter byCustomer = ReportFilter.all().withBy("customer");
        ReportFilter collected = ReportFilter.all().withPeriod(today.minusMonths(3).withDayOfMonth(1), today).withBy("owner");
        try (Database financeDb = team.open(FINANCE); Database managerDb = team.open(MANAGER)) {
            // finance reads every contract: the totals, every owner
            assertTrue(rows(financeDb, "SELECT OWNER, COUNT(*) FROM SB_CONTRACT_DUE_TOTAL GROUP BY OWNER").size() == 2);
            String financeAgeing = report(financeDb, new RoleSecurityService(financeDb), new AgeingReport(), ageing);
            assertTrue(financeAgeing.contains(REP) && financeAgeing.contains(OTHER) && financeAgeing.contains("2500.00"), financeAgeing);
            assertEquals(report(owner, new LocalSecurityService(), new AgeingReport(), ageing), financeAgeing);
            // by customer from the kept rows, brought to today by finance's first read (the function runs as the schema's owner)
            String financeByCustomer = report(financeDb, new RoleSecurityService(financeDb), new AgeingReport(), byCustomer);
            assertEquals(today, owner.read(ContractAgeing::day));
            ageingAgrees(owner, "finance's first read today");
            assertTrue(financeByCustomer.contains(REP) && financeByCustomer.contains(OTHER) && financeByCustomer.contains("2500.00"), financeByCustomer);
            String financeCollected = report(financeDb, new RoleSecurityService(financeDb), new CollectedRevenueReport(), collected);
            assertTrue(financeCollected.contains(OTHER) && financeCollected.contains("1500.00"), financeCollected);

            // the manager reads their rep's contracts only: no row of the totals, and reports from the exact queries
            assertEquals(Map.of(), rows(managerDb, "SELECT OWNER, COUNT(*) FROM SB_CONTRACT_DUE_TOTAL GROUP BY OWNER"));
            assertEquals(Map.of(), rows(managerDb, "SELECT OWNER, COUNT(*) FROM SB_CONTRACT_COLLECTED_TOTAL GROUP BY OWNER"));
            assertEquals(Map.of(), rows(managerDb, "SELECT OWNER, COUNT(*) FROM SB_CONTRACT_PAID_TOTAL GROUP BY OWNER"));
            assertEquals(Map.of(), ageingRows(managerDb, "SELECT CUSTOMER_ID, CURRENCY, NOT_DUE, DAYS_0_30, DAYS_31_60, DAYS_61_90, DAYS_OVER_90"
                    + " FROM SB_CONTRACT_AGEING_TOTAL"));
            String managerByCustomer = report(managerDb, new RoleSecurityService(managerDb), new AgeingReport(), byCustomer);
            assertTrue(managerByCustomer.contains(REP) && managerByCustomer.contains("7000.00") && !managerByCustomer.contains(OTHER), managerByCustomer);
            String managerAgeing = report(managerDb, new RoleSecurityService(managerDb), new AgeingReport(), ageing);
            assertTrue(managerAgeing.contains(REP) && managerAgeing.contains("7000.00") && !managerAgeing.contains(OTHER), managerAgeing);
            String managerCollected = report(managerDb, new RoleSecurityService(managerDb), new CollectedRevenueReport(), collected);
            assertTrue(managerCollected.contains(REP) && managerCollected.contains("2000.00") && !managerCollected.contains(OTHER), managerCollected);

            // as of past days and by customer, finance reads the totals per customer and month (contracts-money-7-customer-months):
            // the same rows as the exact queries, which finance gets with a filter by owner (those rows hold no owner),
            // each owner's customer apart; as of a past day by owner and team, the manager's exact rows are among finance's
            RoleSecurityService finance = new RoleSecurityService(financeDb);
            LocalDate monthStart = today.withDayOfMonth(1);
            for (LocalDate day : List.of(today.minusDays(3), today.minusDays(40), monthStart.minusDays(1), monthStart.minusMonths(2).plusDays(9))) {
                ReportFilter asOf = ReportFilter.all().withBy("customer").withTo(day);
                List<String> kept = reportRows(financeDb, finance, new AgeingReport(), asOf);
                assertFalse(kept.isEmpty(), "ageing by customer as of " + day);
                assertEquals(exactByOwner(financeDb, finance, new AgeingReport(), asOf), new TreeSet<>(kept), "ageing by customer as of " + day);
                ReportFilter byOwner = ReportFilter.all().withBy("owner").withTo(day);
                String managers = report(managerDb, new RoleSecurityService(managerDb), new AgeingReport(), byOwner);
                assertTrue(reportRows(financeDb, finance, new AgeingReport(), byOwner).containsAll(reportRows(managerDb, new RoleSecurityService(managerDb),
                        new AgeingReport(), byOwner)), managers);
            }
            for (LocalDate[] period : List.of(new LocalDate[] { monthStart.minusMonths(3), today }, new LocalDate[] { today.minusDays(60), today.minusDays(2) },
                    new LocalDate[] { today.minusDays(4), today.plusDays(25) })) {
                ReportFilter byCustomerPeriod = ReportFilter.all().withPeriod(period[0], period[1]).withBy("customer");
                List<String> kept = reportRows(financeDb, finance, new CollectedRevenueReport(), byCustomerPeriod);
                assertFalse(kept.isEmpty(), "collected revenue by customer from " + period[0]);
                assertEquals(exactByOwner(financeDb, finance, new CollectedRevenueReport(), byCustomerPeriod), new TreeSet<>(kept),
                        "collected revenue by customer from " + period[0] + " to " + period[1]);
                // finance's report for the rep alone (the rep's rows through the owner's indexes) is the manager's, whom
                // row-level security shows the rep's contracts only and who gets the exact queries
                assertEquals(new TreeSet<>(reportRows(managerDb, new RoleSecurityService(managerDb), new CollectedRevenueReport(), byCustomerPeriod)),
                        new TreeSet<>(reportRows(financeDb, finance, new CollectedRevenueReport(), byCustomerPeriod.withOwner(REP))),
                        "collected revenue by customer for the rep from " + period[0] + " to " + period[1]);
            }
        }

        // the nightly move (and contracts ageing-day) from a rep's workbench: through the schema owner's function, the
        // rep reading none of the rows it moves
        owner.write(em -> {
            ContractAgeing.bringTo(em, Dialect.POSTGRESQL, today.minusDays(33));
            return null;
        });
        try (Database repDb = team.open(REP)) {
            ReceivablesServiceImpl repMoney = new ReceivablesServiceImpl(repDb, new RoleSecurityService(repDb), (e, c, id) -> { }, Clocks::system);
            assertEquals(new org.salesbench.contracts.receivables.AgeingDayMove(today.minusDays(33), today, 1), repMoney.bringAgeingToToday());
            assertEquals(new org.salesbench.contracts.receivables.AgeingDayMove(today, today, 1), repMoney.bringAgeingToToday());
        }
        assertEquals(today, owner.read(ContractAgeing::day));
        ageingAgrees(owner, "a rep's nightly move");

        assertEquals(rows(owner, "SELECT COALESCE(CUSTOMER_ID, 0), SB_CONTRACT_MONTH(DUE_DATE), SUM(CASE WHEN RECEIVABLE THEN AMOUNT - PAID ELSE 0 END)"
                + " FROM SB_CONTRACT_INSTALMENT WHERE CONTRACT_RECEIVABLE AND ACTIVE GROUP BY 1, 2"),
                rows(owner, "SELECT CUSTOMER_ID, DUE_MONTH, OPEN_AMOUNT FROM SB_CONTRACT_CUSTOMER_DUE"));
        assertEquals(rows(owner, "SELECT COALESCE(CUSTOMER_ID, 0), SB_CONTRACT_MONTH(DUE_DATE), SUM(AMOUNT) FROM SB_CONTRACT_INSTALMENT"
                + " WHERE CONTRACT_RECEIVABLE AND ACTIVE GROUP BY 1, 2"), rows(owner, "SELECT CUSTOMER_ID, DUE_MONTH, PLANNED FROM SB_CONTRACT_CUSTOMER_DUE"));
        assertEquals(rows(owner, "SELECT COALESCE(CUSTOMER_ID, 0), SB_CONTRACT_MONTH(RECEIVED_ON), SUM(AMOUNT) FROM SB_CONTRACT_RECEIPT WHERE METHOD <> 'CREDIT' GROUP BY 1, 2"),
                rows(owner, "SELECT CUSTOMER_ID, ON_MONTH, AMOUNT FROM SB_CONTRACT_CUSTOMER_COLLECTED"));
    }

    private static List<String> reportRows(Database db, SecurityService security, Report report, ReportFilter filter) {
        return report.run(ContractFixture.reportContext(db, security), filter).rows().stream().map(ReportRow::values).map(Object::toString).toList();
    }

    /** The report's rows from the exact queries: one run per owner (a filter by owner), together. */
    private static Set<String> exactByOwner(Database db, SecurityService security, Report report, ReportFilter filter) {
        Set<String> rows = new TreeSet<>();
        for (String owner : List.of(REP, OTHER)) {
            rows.addAll(reportRows(db, security, report, filter.withOwner(owner)));
        }
        return rows;
    }
}
