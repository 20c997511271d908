package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.Report;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportRow;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.internal.receivables.AgeingReport;
import org.salesbench.contracts.internal.receivables.CollectedRevenueReport;
import org.salesbench.contracts.internal.receivables.ContractAgeing;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;
import org.salesbench.core.recyclebin.RecycleBinRegistry;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.DatabaseSettings.Dialect;

/**
 * The receivables totals the database keeps (change set contracts-money-5-totals: open and planned per owner, currency
 * and due date; collected per owner, currency and day; write-offs per owner, currency, due month and write-off month;
 * change set contracts-money-6-ageing-by-customer: the ageing buckets per customer and currency as of a day, also after
 * the day is moved forward and back)
 * equal what the exact queries over the instalments, receipts and write-offs give after every kind of write: a plan, a
 * receipt (part-, exact and over-payment), a reversal, an amendment after signing, a status move,
 * the recycle bin and back, an owner change, a purge. And the reports read from them (an administrator, who reads
 * every contract) give the same rows as the exact queries (a manager, who does not).
 */
class ReceivablesTotalsTest {

    private ContractFixture fx;
    private RecycleBinRegistry bin;

    @BeforeEach
    void open() {
        fx = new ContractFixture();
        bin = new RecycleBinRegistry(fx.security, Clocks.system());
        bin.add(new CustomerServiceImpl(fx.db, fx.security, (e, c, id) -> { }));
        bin.add(fx.contracts);
        fx.as(ContractFixture.ADMIN);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static final String EXACT_DUE = "SELECT OWNER, CURRENCY, CAST(DUE_DATE AS VARCHAR(10)), SUM(AMOUNT),"
            + " SUM(CASE WHEN RECEIVABLE = TRUE THEN AMOUNT - PAID ELSE 0 END) FROM SB_CONTRACT_INSTALMENT"
            + " WHERE CONTRACT_RECEIVABLE = TRUE AND ACTIVE = TRUE GROUP BY OWNER, CURRENCY, DUE_DATE";
    private static final String KEPT_DUE = "SELECT OWNER, CURRENCY, CAST(DUE_DATE AS VARCHAR(10)), PLANNED, OPEN_AMOUNT FROM SB_CONTRACT_DUE_TOTAL";
    private static final String EXACT_COLLECTED = "SELECT OWNER, CURRENCY, CAST(RECEIVED_ON AS VARCHAR(10)), SUM(AMOUNT) FROM SB_CONTRACT_RECEIPT"
            + " WHERE METHOD <> 'CREDIT' GROUP BY OWNER, CURRENCY, RECEIVED_ON";
    private static final String KEPT_COLLECTED = "SELECT OWNER, CURRENCY, CAST(RECEIVED_ON AS VARCHAR(10)), AMOUNT FROM SB_CONTRACT_COLLECTED_TOTAL";
    private static final String EXACT_PAID = "SELECT g.OWNER, g.CURRENCY, CAST(g.DM AS CHAR(6)), CAST(g.OM AS CHAR(6)), SUM(g.AMOUNT) FROM ("
            + "SELECT i.OWNER, i.CURRENCY, YEAR(i.DUE_DATE) * 100 + MONTH(i.DUE_DATE) AS DM, YEAR(a.ON_DATE) * 100 + MONTH(a.ON_DATE) AS OM, a.AMOUNT"
            + " FROM SB_CONTRACT_ALLOCATION a JOIN SB_CONTRACT_INSTALMENT i ON i.ID = a.INSTALMENT_ID WHERE i.CONTRACT_RECEIVABLE = TRUE AND i.ACTIVE = TRUE) g"
            + " GROUP BY g.OWNER, g.CURRENCY, g.DM, g.OM";
    private static final String EXACT_WRITE_OFF_FACTS = "SELECT CAST(a.ID AS CHAR(20)), CAST(i.DUE_DATE AS VARCHAR(10)), CAST(COALESCE(i.CUSTOMER_ID, 0) AS CHAR(20)),"
            + " i.CURRENCY, CASE WHEN i.CONTRACT_RECEIVABLE = TRUE AND i.ACTIVE = TRUE THEN 'counted' ELSE 'not' END, a.AMOUNT"
            + " FROM SB_CONTRACT_ALLOCATION a JOIN SB_CONTRACT_INSTALMENT i ON i.ID = a.INSTALMENT_ID";
    private static final String KEPT_WRITE_OFF_FACTS = "SELECT CAST(ID AS CHAR(20)), CAST(DUE_DATE AS VARCHAR(10)), CAST(COALESCE(CUSTOMER_ID, 0) AS CHAR(20)),"
            + " CURRENCY, CASE WHEN COUNTED = TRUE THEN 'counted' ELSE 'not' END, AMOUNT FROM SB_CONTRACT_ALLOCATION";
    private static final String KEPT_PAID = "SELECT OWNER, CURRENCY, CAST(DUE_MONTH AS CHAR(6)), CAST(ON_MONTH AS CHAR(6)), AMOUNT FROM SB_CONTRACT_PAID_TOTAL";

    private static final String EXACT_CUSTOMER_DUE = "SELECT CAST(g.K AS CHAR(20)), g.CURRENCY, CAST(g.DM AS CHAR(6)), SUM(g.AMOUNT), SUM(g.OPEN_AMOUNT) FROM ("
            + "SELECT COALESCE(CUSTOMER_ID, 0) AS K, CURRENCY, YEAR(DUE_DATE) * 100 + MONTH(DUE_DATE) AS DM, AMOUNT,"
            + " CASE WHEN RECEIVABLE = TRUE THEN AMOUNT - PAID ELSE 0 END AS OPEN_AMOUNT FROM SB_CONTRACT_INSTALMENT"
            + " WHERE CONTRACT_RECEIVABLE = TRUE AND ACTIVE = TRUE) g GROUP BY g.K, g.CURRENCY, g.DM";
    private static final String KEPT_CUSTOMER_DUE = "SELECT CAST(CUSTOMER_ID AS CHAR(20)), CURRENCY, CAST(DUE_MONTH AS CHAR(6)), PLANNED, OPEN_AMOUNT"
            + " FROM SB_CONTRACT_CUSTOMER_DUE";
    private static final String EXACT_CUSTOMER_COLLECTED = "SELECT CAST(g.K AS CHAR(20)), g.CURRENCY, CAST(g.OM AS CHAR(6)), SUM(g.AMOUNT) FROM ("
            + "SELECT COALESCE(CUSTOMER_ID, 0) AS K, CURRENCY, YEAR(RECEIVED_ON) * 100 + MONTH(RECEIVED_ON) AS OM, AMOUNT FROM SB_CONTRACT_RECEIPT"
            + " WHERE METHOD <> 'CREDIT') g GROUP BY g.K, g.CURRENCY, g.OM";
    private static final String KEPT_CUSTOMER_COLLECTED = "SELECT CAST(CUSTOMER_ID AS CHAR(20)), CURRENCY, CAST(ON_MONTH AS CHAR(6)), AMOUNT"
            + " FROM SB_CONTRACT_CUSTOMER_COLLECTED";

    private static final String KEPT_AGEING = "SELECT CAST(CUSTOMER_ID AS CHAR(20)), CURRENCY, NOT_DUE, DAYS_0_30, DAYS_31_60, DAYS_61_90, DAYS_OVER_90"
            + " FROM SB_CONTRACT_AGEING_TOTAL";

    /** The ageing by customer as of {@code day}, straight from the open instalments (the oracle of the kept rows). */
    private static String exactAgeing(LocalDate day) {
        String d = "DATE('" + day + "')";
        String d30 = "DATE('" + day.minusDays(30) + "')";
        String d60 = "DATE('" + day.minusDays(60) + "')";
        String d90 = "DATE('" + day.minusDays(90) + "')";
        return "SELECT CAST(g.K AS CHAR(20)), g.CUR, SUM(g.B1), SUM(g.B2), SUM(g.B3), SUM(g.B4), SUM(g.B5) FROM (SELECT COALESCE(CUSTOMER_ID, 0) AS K,"
                + " CURRENCY AS CUR, CASE WHEN DUE_DATE > " + d + " THEN AMOUNT - PAID ELSE 0 END AS B1,"
                + " CASE WHEN DUE_DATE <= " + d + " AND DUE_DATE >= " + d30 + " THEN AMOUNT - PAID ELSE 0 END AS B2,"
                + " CASE WHEN DUE_DATE < " + d30 + " AND DUE_DATE >= " + d60 + " THEN AMOUNT - PAID ELSE 0 END AS B3,"
                + " CASE WHEN DUE_DATE < " + d60 + " AND DUE_DATE >= " + d90 + " THEN AMOUNT - PAID ELSE 0 END AS B4,"
                + " CASE WHEN DUE_DATE < " + d90 + " THEN AMOUNT - PAID ELSE 0 END AS B5"
                + " FROM SB_CONTRACT_INSTALMENT WHERE RECEIVABLE = TRUE) g GROUP BY g.K, g.CUR";
    }

    /** The kept ageing by customer equals the exact one as of the kept day. */
    private void ageingAgrees(String after) {
        LocalDate day = fx.db.read(ContractAgeing::day);
        assertEquals(rows(exactAgeing(day), 2), rows(KEPT_AGEING, 2), "ageing by customer as of " + day + " after " + after);
    }

    /** The kept ageing brought to other days, forward and back (a day, a month and more), equals the exact one each time. */
    private void dayChangesAgree(String after) {
        for (int days : new int[] { 1, 20, 31, 45, 61, 100, -3, 0 }) {
            LocalDate day = fx.today().plusDays(days);
            fx.db.write(em -> {
                ContractAgeing.bringTo(em, Dialect.DERBY, day);
                return null;
            });
            assertEquals(day, fx.db.read(ContractAgeing::day));
            ageingAgrees(after + ", the day moved to " + day);
        }
    }

    /** Rows of a query keyed by their text columns, their amounts as plain text; rows whose amounts are all zero left out. */
    private Map<String, String> rows(String sql, int keys) {
        return fx.db.read(em -> {
            Map<String, String> out = new TreeMap<>();
            for (Object row : em.createNativeQuery(sql).getResultList()) {
                Object[] r = (Object[]) row;
                StringBuilder key = new StringBuilder();
                StringBuilder amounts = new StringBuilder();
                boolean zero = true;
                for (int i = 0; i < r.length; i++) {
                    if (i < keys) {
                        key.append(String.valueOf(r[i]).strip()).append('|');
                    } else {
                        BigDecimal amount = new BigDecimal(r[i].toString()).setScale(2);
                        zero &= amount.signum() == 0;
                        amounts.append(amount.toPlainString()).append(' ');
                    }
                }
                if (!zero) {
                    out.put(key.toString(), amounts.toString().strip());
                }
            }
            return out;
        });
    }

    /** The totals equal the exact queries, and the reports read from them equal the reports' exact queries. */
    private void totalsAgree(String after) {
        assertEquals(rows(EXACT_DUE, 3), rows(KEPT_DUE, 3), "open and planned per owner and due date after " + after);
        assertEquals(rows(EXACT_COLLECTED, 3), rows(KEPT_COLLECTED, 3), "collected per owner and day after " + after);
        assertEquals(rows(EXACT_PAID, 4), rows(KEPT_PAID, 4), "write-offs per owner, due month and month after " + after);
        assertEquals(rows(EXACT_WRITE_OFF_FACTS, 5), rows(KEPT_WRITE_OFF_FACTS, 5),
                "each write-off's due date, customer, currency and whether it counts, as its instalment's, after " + after);
        ReportFilter year = ReportFilter.all().withPeriod(fx.today().minusMonths(14).withDayOfMonth(1), fx.today());
        ageingAgrees(after);
        for (String by : List.of("customer", "owner", "team")) {
            assertEquals(report(new AgeingReport(), ReportFilter.all().withBy(by), ContractFixture.MANAGER),
                    report(new AgeingReport(), ReportFilter.all().withBy(by), ContractFixture.ADMIN), "ageing by " + by + " after " + after);
        }
        for (String by : List.of("month", "owner", "team")) {
            assertEquals(report(new CollectedRevenueReport(), year.withBy(by), ContractFixture.MANAGER),
                    report(new CollectedRevenueReport(), year.withBy(by), ContractFixture.ADMIN), "collected revenue by " + by + " after " + after);
        }
        assertEquals(rows(EXACT_CUSTOMER_DUE, 3), rows(KEPT_CUSTOMER_DUE, 3), "planned and open per customer and due month after " + after);
        assertEquals(rows(EXACT_CUSTOMER_COLLECTED, 3), rows(KEPT_CUSTOMER_COLLECTED, 3), "collected per customer and month after " + after);
    }

    /**
     * The reports read from the totals per customer and month (contracts-money-7-customer-months) equal the exact
     * queries: the ageing as of past days (a day, a month and more back, the last day of a
     * month and the first of the next, by customer, owner and team) and collected revenue by customer over periods
     * whose limits fall on a month's first or last day, within one month, in the past, and beyond today.
     */
    private void pastAgrees(String after) {
        LocalDate today = fx.today();
        LocalDate monthStart = today.withDayOfMonth(1);
        List<LocalDate> days = List.of(today.minusDays(1), today.minusDays(31), today.minusDays(61), today.minusDays(95), monthStart.minusDays(1),
                monthStart, monthStart.minusMonths(2).plusDays(14));
        for (LocalDate day : days) {
            for (String by : day.equals(monthStart.minusDays(1)) ? List.of("customer", "owner", "team") : List.of("customer")) {
                ReportFilter filter = ReportFilter.all().withBy(by).withTo(day);
                assertEquals(report(new AgeingReport(), filter, ContractFixture.MANAGER), report(new AgeingReport(), filter, ContractFixture.ADMIN),
                        "ageing by " + by + " as of " + day + " after " + after);
                if (by.equals("customer")) {
                    // the reports by customer for one owner (their open instalments and the write-offs' facts) and from the
                    // kept rows, both against the instalments and their write-offs up to the day straight
                    assertEquals(exactPastByCustomer(day), keptRows(new AgeingReport(), filter), "ageing by customer as of " + day + " after " + after);
                    assertEquals(exactPastByCustomer(day), exactByOwner(new AgeingReport(), filter),
                            "ageing by customer for each owner as of " + day + " after " + after);
                }
            }
        }
        LocalDate lastMonth = monthStart.minusMonths(1);
        for (LocalDate[] period : List.of(new LocalDate[] { today.minusMonths(14).withDayOfMonth(1), today },
                new LocalDate[] { today.minusDays(100), today.minusDays(35) }, new LocalDate[] { lastMonth.plusDays(2), lastMonth.plusDays(19) },
                new LocalDate[] { lastMonth, monthStart.minusDays(1) }, new LocalDate[] { today.minusDays(10), today.plusDays(20) })) {
            ReportFilter filter = ReportFilter.all().withPeriod(period[0], period[1]).withBy("customer");
            assertEquals(report(new CollectedRevenueReport(), filter, ContractFixture.MANAGER), report(new CollectedRevenueReport(), filter, ContractFixture.ADMIN),
                    "collected revenue by customer from " + period[0] + " to " + period[1] + " after " + after);
            // each owner's report by customer (their rows through the owner's indexes, the write-offs' facts for a past
            // end) and the one from the kept rows, both against the receipts, instalments and write-offs straight
            java.util.Set<String> exact = exactCollectedByCustomer(period[0], period[1]);
            assertEquals(exact, exactByOwner(new CollectedRevenueReport(), filter),
                    "collected revenue by customer for each owner from " + period[0] + " to " + period[1] + " after " + after);
            assertEquals(exact, keptRows(new CollectedRevenueReport(), filter),
                    "collected revenue by customer from " + period[0] + " to " + period[1] + " after " + after);
        }
    }

    /**
     * Collected revenue by customer from {@code from} to {@code to} as the report shows its rows, per owner and customer,
     * straight from the receipts, the active instalments of approved-or-later contracts outside the recycle bin and their
     * write-offs up to the end (no kept row, no write-off's facts): collected, planned, the share collected, open at the
     * end, DSO.
     */
    private java.util.Set<String> exactCollectedByCustomer(LocalDate from, LocalDate to) {
        String f = "DATE('" + from + "')";
        String t = "DATE('" + to + "')";
        String statuses = java.util.Arrays.stream(org.salesbench.contracts.ContractStatus.values()).filter(org.salesbench.contracts.ContractStatus::isApproved)
                .map(st -> "'" + st.name() + "'").collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        String collected = "SELECT c.OWNER, MAX(dc.NAME), SUM(r.AMOUNT), 0, 0 FROM SB_CONTRACT_RECEIPT r JOIN SB_CONTRACT c ON c.ID = r.CONTRACT_ID"
                + " LEFT JOIN SB_CUSTOMER dc ON dc.ID = c.CUSTOMER_ID WHERE c.DELETED_AT IS NULL AND r.METHOD <> 'CREDIT' AND r.RECEIVED_ON BETWEEN " + f
                + " AND " + t + " GROUP BY c.OWNER, c.CUSTOMER_ID";
        String instalments = "SELECT c.OWNER, MAX(dc.NAME), 0, SUM(CASE WHEN i.DUE_DATE >= " + f + " THEN i.AMOUNT ELSE 0 END),"
                + " SUM(i.AMOUNT - COALESCE(p.PAID, 0)) FROM SB_CONTRACT_INSTALMENT i JOIN SB_CONTRACT c ON c.ID = i.CONTRACT_ID"
                + " LEFT JOIN (SELECT a.INSTALMENT_ID, SUM(a.AMOUNT) AS PAID FROM SB_CONTRACT_ALLOCATION a WHERE a.ON_DATE <= " + t
                + " GROUP BY a.INSTALMENT_ID) p ON p.INSTALMENT_ID = i.ID LEFT JOIN SB_CUSTOMER dc ON dc.ID = c.CUSTOMER_ID"
                + " WHERE i.ACTIVE = TRUE AND c.DELETED_AT IS NULL AND c.STATUS IN " + statuses + " AND i.DUE_DATE <= " + t + " GROUP BY c.OWNER, c.CUSTOMER_ID";
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        return fx.db.read(em -> {
            // owner|customer name -> collected, planned, open
            Map<String, BigDecimal[]> sums = new TreeMap<>();
            for (String sql : List.of(collected, instalments)) {
                for (Object row : em.createNativeQuery(sql).getResultList()) {
                    Object[] r = (Object[]) row;
                    BigDecimal[] v = sums.computeIfAbsent(r[0] + "|" + r[1], k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
                    for (int i = 0; i < 3; i++) {
                        v[i] = v[i].add(new BigDecimal(r[2 + i].toString()));
                    }
                }
            }
            java.util.Set<String> rows = new java.util.TreeSet<>();
            sums.forEach((k, v) -> {
                BigDecimal c = v[0].setScale(2, java.math.RoundingMode.HALF_UP);
                BigDecimal p = v[1].setScale(2, java.math.RoundingMode.HALF_UP);
                BigDecimal o = v[2].setScale(2, java.math.RoundingMode.HALF_UP);
                if (c.signum() != 0 || p.signum() != 0 || o.signum() != 0) {
                    BigDecimal share = p.signum() == 0 ? null : c.multiply(BigDecimal.valueOf(100)).divide(p, 1, java.math.RoundingMode.HALF_UP);
                    BigDecimal dso = p.signum() == 0 ? null : o.multiply(BigDecimal.valueOf(days)).divide(p, 1, java.math.RoundingMode.HALF_UP);
                    rows.add(java.util.Arrays.asList(k.substring(k.indexOf('|') + 1), c, p, share, o, dso).toString());
                }
            });
            return rows;
        });
    }

    /**
     * The ageing by customer as of a past day as the report shows its rows, straight from the active instalments of the
     * approved-or-later contracts outside the recycle bin and their write-offs up to the day (no kept row, no write-off's
     * facts): the oracle of both ways the report reads it.
     */
    private java.util.Set<String> exactPastByCustomer(LocalDate day) {
        String d = "DATE('" + day + "')";
        String d30 = "DATE('" + day.minusDays(30) + "')";
        String d60 = "DATE('" + day.minusDays(60) + "')";
        String d90 = "DATE('" + day.minusDays(90) + "')";
        String open = "(i.AMOUNT - COALESCE(p.PAID, 0))";
        String statuses = java.util.Arrays.stream(org.salesbench.contracts.ContractStatus.values()).filter(org.salesbench.contracts.ContractStatus::isApproved)
                .map(st -> "'" + st.name() + "'").collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        String sql = "SELECT MAX(dc.NAME), SUM(CASE WHEN i.DUE_DATE > " + d + " THEN " + open + " ELSE 0 END),"
                + " SUM(CASE WHEN i.DUE_DATE <= " + d + " AND i.DUE_DATE >= " + d30 + " THEN " + open + " ELSE 0 END),"
                + " SUM(CASE WHEN i.DUE_DATE < " + d30 + " AND i.DUE_DATE >= " + d60 + " THEN " + open + " ELSE 0 END),"
                + " SUM(CASE WHEN i.DUE_DATE < " + d60 + " AND i.DUE_DATE >= " + d90 + " THEN " + open + " ELSE 0 END),"
                + " SUM(CASE WHEN i.DUE_DATE < " + d90 + " THEN " + open + " ELSE 0 END), SUM(" + open + ")"
                + " FROM SB_CONTRACT_INSTALMENT i JOIN SB_CONTRACT c ON c.ID = i.CONTRACT_ID"
                + " LEFT JOIN (SELECT a.INSTALMENT_ID, SUM(a.AMOUNT) AS PAID FROM SB_CONTRACT_ALLOCATION a WHERE a.ON_DATE <= " + d
                + " GROUP BY a.INSTALMENT_ID) p ON p.INSTALMENT_ID = i.ID LEFT JOIN SB_CUSTOMER dc ON dc.ID = c.CUSTOMER_ID"
                + " WHERE i.ACTIVE = TRUE AND c.DELETED_AT IS NULL AND c.STATUS IN " + statuses + " GROUP BY c.CUSTOMER_ID, i.CURRENCY";
        return fx.db.read(em -> {
            java.util.Set<String> rows = new java.util.TreeSet<>();
            for (Object row : em.createNativeQuery(sql).getResultList()) {
                Object[] r = (Object[]) row;
                List<Object> values = new java.util.ArrayList<>();
                values.add(r[0]);
                for (int i = 1; i <= 6; i++) {
                    values.add(new BigDecimal(r[i].toString()).setScale(2, java.math.RoundingMode.HALF_UP));
                }
                if (((BigDecimal) values.get(6)).signum() != 0) {
                    rows.add(values.toString());
                }
            }
            return rows;
        });
    }

    /** The administrator's rows by customer from the kept totals (no filter), as a set. */
    private java.util.Set<String> keptRows(Report report, ReportFilter filter) {
        return adminRows(report, filter);
    }

    /** The administrator's rows by customer from the exact queries (a filter by owner: the kept rows hold none), each owner's together. */
    private java.util.Set<String> exactByOwner(Report report, ReportFilter filter) {
        java.util.Set<String> rows = new java.util.TreeSet<>();
        for (String owner : List.of(ContractFixture.REP, ContractFixture.MANAGER)) {
            rows.addAll(adminRows(report, filter.withOwner(owner)));
        }
        return rows;
    }

    private java.util.Set<String> adminRows(Report report, ReportFilter filter) {
        String before = fx.security.currentUser().login();
        fx.as(ContractFixture.ADMIN);
        try {
            return new java.util.TreeSet<>(report.run(ContractFixture.reportContext(fx.db, fx.security), filter).rows().stream().map(ReportRow::values)
                    .map(Object::toString).toList());
        } finally {
            fx.as(before);
        }
    }

    /** The report's rows as text, run as {@code login}. */
    private String report(Report report, ReportFilter filter, String login) {
        String before = fx.security.currentUser().login();
        fx.as(login);
        try {
            return report.run(ContractFixture.reportContext(fx.db, fx.security), filter).rows().stream().map(ReportRow::values).map(Object::toString).toList().toString();
        } finally {
            fx.as(before);
        }
    }

    @Test
    void theTotalsFollowEveryKindOfWrite() {
        Contract big = fx.approvedContract("仓储系统", "120000");
        Contract small = fx.approvedContract("门店系统", "8000");
        totalsAgree("approval without a plan");
        // plans with instalments long past due, due in the period and not yet due
        fx.money.setPlan(big.getId(), List.of(PlannedInstalment.percent(fx.today().minusDays(75), "30"),
                PlannedInstalment.percent(fx.today().minusDays(20), "30"), PlannedInstalment.percent(fx.today().plusDays(40), "40")), null);
        fx.money.setPlan(small.getId(), List.of(PlannedInstalment.percent(fx.today().minusDays(100), "50"),
                PlannedInstalment.percent(fx.today().plusDays(10), "50")), null);
        totalsAgree("plans");
        assertFalse(rows(KEPT_DUE, 3).isEmpty());

        // a part-payment dated last month, an exact payment, an over-payment (credit)
        fx.money.recordReceipt(big.getId(), fx.today().minusDays(35), Money.cny("20000.00"), ReceiptMethod.BANK_TRANSFER, "B-1");
        fx.money.recordReceipt(small.getId(), fx.today().minusDays(50), Money.cny("4000.00"), ReceiptMethod.CHEQUE, "C-1");
        Receipt over = fx.money.recordReceipt(small.getId(), fx.today(), Money.cny("5000.00"), ReceiptMethod.BANK_TRANSFER, "B-2");
        totalsAgree("receipts");
        pastAgrees("receipts");

        Receipt second = fx.money.recordReceipt(big.getId(), fx.today().minusDays(3), Money.cny("30000.00"), ReceiptMethod.BANK_TRANSFER, "B-3");
        totalsAgree("a second receipt");
        fx.money.reverse(second.getId(), "退票");
        totalsAgree("a reversal");
        fx.money.reverse(over.getId(), "重复入账");
        totalsAgree("the reversal of an over-payment");

        // signed, then the plan amended: the old instalments retire, their write-offs move to the new plan
        fx.contracts.sign(big.getId(), fx.today());
        totalsAgree("signing");
        fx.money.setPlan(big.getId(), List.of(PlannedInstalment.percent(fx.today().minusDays(75), "20"),
                PlannedInstalment.percent(fx.today().plusDays(5), "30"), PlannedInstalment.percent(fx.today().plusDays(95), "50")), "客户要求延后");
        totalsAgree("an amendment");
        pastAgrees("an amendment");
        dayChangesAgree("an amendment");
        // the report's first read of a day brings the kept rows to it
        fx.db.write(em -> {
            ContractAgeing.bringTo(em, Dialect.DERBY, fx.today().minusDays(40));
            return null;
        });
        String byCustomer = report(new AgeingReport(), ReportFilter.all().withBy("customer"), ContractFixture.ADMIN);
        assertEquals(fx.today(), fx.db.read(ContractAgeing::day));
        assertEquals(report(new AgeingReport(), ReportFilter.all().withBy("customer"), ContractFixture.MANAGER), byCustomer);

        // an owner change (as a reassignment writes it: the contract and its money rows)
        fx.db.write(em -> {
            for (String table : List.of("SB_CONTRACT", "SB_CONTRACT_INSTALMENT", "SB_CONTRACT_RECEIPT", "SB_CONTRACT_ALLOCATION")) {
                em.createNativeQuery("UPDATE " + table + " SET OWNER = ? WHERE " + (table.equals("SB_CONTRACT") ? "ID" : "CONTRACT_ID") + " = ?")
                        .setParameter(1, ContractFixture.MANAGER).setParameter(2, small.getId()).executeUpdate();
            }
            return null;
        });
        totalsAgree("an owner change");
        pastAgrees("an owner change");
        assertNotEquals(rows(KEPT_DUE, 3).keySet().stream().filter(k -> k.startsWith(ContractFixture.MANAGER + "|")).count(), 0L);

        // the recycle bin and back: the totals keep the contract, the reports leave it out and take it back
        String ageingBefore = report(new AgeingReport(), ReportFilter.all().withBy("owner"), ContractFixture.ADMIN);
        fx.contracts.delete(small.getId());
        totalsAgree("a deletion to the recycle bin");
        pastAgrees("a deletion to the recycle bin");
        assertNotEquals(ageingBefore, report(new AgeingReport(), ReportFilter.all().withBy("owner"), ContractFixture.ADMIN));
        bin.restore(Contract.ENTITY, small.getId());
        totalsAgree("a restore");
        assertEquals(ageingBefore, report(new AgeingReport(), ReportFilter.all().withBy("owner"), ContractFixture.ADMIN));

        Contract third = fx.approvedContract("客服系统", "3000");
        fx.money.setPlan(third.getId(), List.of(PlannedInstalment.percent(fx.today().minusDays(5), "100")), null);
        fx.money.recordReceipt(third.getId(), fx.today(), Money.cny("1000.00"), ReceiptMethod.BANK_TRANSFER, "B-4");
        totalsAgree("another contract's plan and receipt");
        // instalments due on the second and the last but one day of each of the last five months: whatever day the
        // test runs, the days a month's cut leaves on its smaller side hold one, so the reports read them by day
        Contract monthly = fx.approvedContract("月结系统", "10000");
        List<PlannedInstalment> plan = new java.util.ArrayList<>();
        for (int m = 1; m <= 5; m++) {
            java.time.YearMonth month = java.time.YearMonth.from(fx.today()).minusMonths(m);
            plan.add(PlannedInstalment.percent(month.atDay(2), "10"));
            plan.add(PlannedInstalment.percent(month.atEndOfMonth().minusDays(1), "10"));
        }
        fx.money.setPlan(monthly.getId(), plan, null);
        fx.money.recordReceipt(monthly.getId(), fx.today().minusDays(40), Money.cny("2500.00"), ReceiptMethod.BANK_TRANSFER, "B-5");
        fx.money.recordReceipt(monthly.getId(), fx.today().minusDays(8), Money.cny("1200.00"), ReceiptMethod.BANK_TRANSFER, "B-6");
        totalsAgree("instalments on both sides of each month's cuts");
        pastAgrees("instalments on both sides of each month's cuts");
        dayChangesAgree("another contract's plan and receipt");

        // a reset of a user's records takes the contracts and their money away, and the totals with them
        fx.contracts.purgeOwnedBy(List.of(ContractFixture.REP));
        totalsAgree("a purge");
        fx.contracts.purgeOwnedBy(List.of(ContractFixture.MANAGER));
        assertEquals(Map.of(), rows(KEPT_DUE, 3));
        assertEquals(Map.of(), rows(KEPT_COLLECTED, 3));
        assertEquals(Map.of(), rows(KEPT_PAID, 4));
        assertEquals(Map.of(), rows(KEPT_AGEING, 2));
        assertEquals(Map.of(), rows(KEPT_CUSTOMER_DUE, 3));
        assertEquals(Map.of(), rows(KEPT_CUSTOMER_COLLECTED, 3));
    }
}
