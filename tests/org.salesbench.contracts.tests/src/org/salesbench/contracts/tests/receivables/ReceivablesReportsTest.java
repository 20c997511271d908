package org.salesbench.contracts.tests.receivables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.receivables.AgeingReport;
import org.salesbench.contracts.internal.receivables.CollectedRevenueReport;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;

/**
 * The ageing and collected-revenue reports against figures worked out by hand, on days counted from the test clock's
 * today (T): bucket edges at 30/31, 60/61, 90/91 days, ageing as of a past day, DSO per owner and per month.
 */
class ReceivablesReportsTest {

    final MoneyFixture fx = fixture();
    private final LocalDate t = fx.today;

    /** The database the figures are checked on: embedded Derby here, PostgreSQL in {@link PostgresReceivablesReportsTest}. */
    MoneyFixture fixture() {
        return new MoneyFixture();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @BeforeEach
    void contracts() {
        long tea = fx.customer("杭州湖畔茶业有限公司");
        long port = fx.customer("宁波港口物流有限公司");
        // li.na: 5 × 2,000 due T-100, T-70, T-40, T-10, T+20; 3,000 received on T-5 pays the first and half the second
        long a = fx.contract(tea, "li.na", ContractStatus.ACTIVE, "10000.00", "CNY");
        fx.money.setPlan(a, List.of(due(100, "2000.00"), due(70, "2000.00"), due(40, "2000.00"), due(10, "2000.00"), due(-20, "2000.00")), "first plan");
        fx.money.recordReceipt(a, t.minusDays(5), Money.cny("3000.00"), ReceiptMethod.BANK_TRANSFER, "A-1");
        // wang.wei: 5,000 due T-120, nothing received
        long b = fx.contract(port, "wang.wei", ContractStatus.SIGNED, "5000.00", "CNY");
        fx.money.setPlan(b, List.of(due(120, "5000.00")), "first plan");
        // zhao.lei: 100 at each edge of the buckets
        long c = fx.contract(port, "zhao.lei", ContractStatus.APPROVED, "600.00", "CNY");
        fx.money.setPlan(c, List.of(due(30, "100.00"), due(31, "100.00"), due(60, "100.00"), due(61, "100.00"), due(90, "100.00"), due(91, "100.00")), null);
        // not receivables: a draft, and a contract in another currency (left out of a CNY result)
        long draft = fx.contract(tea, "li.na", ContractStatus.DRAFT, "999.00", "CNY");
        fx.money.setPlan(draft, List.of(due(50, "999.00")), null);
    }

    private PlannedInstalment due(int daysAgo, String amount) {
        return PlannedInstalment.amount(t.minusDays(daysAgo), Money.cny(amount));
    }

    /** Rows by their first column, each the rest of its values as plain strings. */
    private static Map<String, List<String>> rows(ReportResult result) {
        return result.rows().stream().collect(Collectors.toMap(r -> String.valueOf(r.value(0)),
                r -> r.values().subList(1, r.values().size()).stream().map(v -> v == null ? "-" : v instanceof BigDecimal d ? d.toPlainString() : v.toString())
                        .toList()));
    }

    @Test
    void ageingByOwnerPutsEachOpenAmountInItsBucket() {
        ReportResult result = new AgeingReport().run(fx.reportContext(), ReportFilter.all().withBy("owner"));
        assertEquals("CNY", result.currency());
        assertEquals(List.of("owner", "not_due", "days_0_30", "days_31_60", "days_61_90", "days_over_90", "open"),
                result.columns().stream().map(c -> c.id()).toList());
        Map<String, List<String>> rows = rows(result);
        //                                   not due,  0-30,      31-60,     61-90,     over 90,   open
        assertEquals(List.of("2000.00", "2000.00", "2000.00", "1000.00", "0.00", "7000.00"), rows.get("li.na"));
        assertEquals(List.of("0.00", "0.00", "0.00", "0.00", "5000.00", "5000.00"), rows.get("wang.wei"));
        assertEquals(List.of("0.00", "100.00", "200.00", "200.00", "100.00", "600.00"), rows.get("zhao.lei"));
        assertEquals(3, result.rows().size());
        // the largest open amount first
        assertEquals("li.na", result.rows().get(0).value(0));
    }

    @Test
    void ageingAsOfAPastDayCountsOnlyWhatWasReceivedByThen() {
        ReportResult result = new AgeingReport().run(fx.reportContext(), ReportFilter.all().withBy("owner").withTo(t.minusDays(50)));
        Map<String, List<String>> rows = rows(result);
        // as of T-50 the 3,000 of T-5 was not yet received: T-100 is 50 days late, T-70 20 days, the rest not yet due
        assertEquals(List.of("6000.00", "2000.00", "2000.00", "0.00", "0.00", "10000.00"), rows.get("li.na"));
        assertEquals(List.of("0.00", "0.00", "0.00", "5000.00", "0.00", "5000.00"), rows.get("wang.wei"));
    }

    /**
     * The buckets on fixed calendar days rather than days counted from today, across a leap February: as of 2024-03-01
     * (30 days back is 2024-01-31, 60 days 2024-01-01, 90 days 2023-12-02) and as of the leap day 2024-02-29, an
     * instalment of 100 due on each edge, 150 received on 2024-02-15 paying the earliest first; worked out by hand.
     */
    @Test
    void ageingOnFixedDaysAcrossALeapFebruaryPutsEachEdgeInItsBucket() {
        long rice = fx.customer("五常稻花香米业有限公司");
        long contract = fx.contract(rice, "li.na", ContractStatus.ACTIVE, "800.00", "CNY");
        fx.money.setPlan(contract, java.util.stream.Stream.of("2024-03-02", "2024-03-01", "2024-01-31", "2024-01-30", "2024-01-01", "2023-12-31",
                "2023-12-02", "2023-12-01").map(d -> PlannedInstalment.amount(LocalDate.parse(d), Money.cny("100.00"))).toList(), "first plan");
        // pays 2023-12-01 in full and 50 of 2023-12-02
        fx.money.recordReceipt(contract, LocalDate.parse("2024-02-15"), Money.cny("150.00"), ReceiptMethod.BANK_TRANSFER, "R-0215");
        ReportFilter byCustomer = ReportFilter.all().withBy("customer");
        //                               not due,  0-30,     31-60,    61-90,    over 90, open
        // as of 2024-03-01: 03-02 | 03-01, 01-31 (30 days) | 01-30 (31), 01-01 (60) | 12-31 (61), half of 12-02 (90) | 12-01 (91) paid
        assertEquals(List.of("100.00", "200.00", "200.00", "150.00", "0.00", "650.00"),
                rows(new AgeingReport().run(fx.reportContext(), byCustomer.withTo(LocalDate.parse("2024-03-01")))).get("五常稻花香米业有限公司"));
        // as of 2024-02-29 (30 days back: 01-30, 60: 12-31, 90: 12-01): 03-01, 03-02 | 01-31, 01-30 | 01-01, 12-31 | half of 12-02, 12-01 paid
        assertEquals(List.of("200.00", "200.00", "200.00", "50.00", "0.00", "650.00"),
                rows(new AgeingReport().run(fx.reportContext(), byCustomer.withTo(LocalDate.parse("2024-02-29")))).get("五常稻花香米业有限公司"));
        // as of 2024-02-14 the receipt had not come (30 days back: 01-15, 60: 12-16, 90: 11-16): 03-02, 03-01 | 01-31, 01-30 |
        // 01-01, 12-31 | 12-02, 12-01 (75 days late)
        assertEquals(List.of("200.00", "200.00", "200.00", "200.00", "0.00", "800.00"),
                rows(new AgeingReport().run(fx.reportContext(), byCustomer.withTo(LocalDate.parse("2024-02-14")))).get("五常稻花香米业有限公司"));
        // and for its owner alone (their open instalments and the write-offs' facts), the same
        assertEquals(List.of("100.00", "200.00", "200.00", "150.00", "0.00", "650.00"), rows(new AgeingReport().run(fx.reportContext(),
                byCustomer.withOwner("li.na").withTo(LocalDate.parse("2024-03-01")))).get("五常稻花香米业有限公司"));
    }

    @Test
    void ageingByCustomerAddsUpTheirContracts() {
        Map<String, List<String>> rows = rows(new AgeingReport().run(fx.reportContext(), ReportFilter.all().withBy("customer")));
        assertEquals("7000.00", rows.get("杭州湖畔茶业有限公司").get(5));
        assertEquals("5600.00", rows.get("宁波港口物流有限公司").get(5));
        assertEquals(1, new AgeingReport().drillDown(fx.reportContext(), ReportFilter.all().withBy("owner"), "li.na").size());
        assertEquals(new BigDecimal("7000.00"), new AgeingReport().drillDown(fx.reportContext(), ReportFilter.all().withBy("owner"), "li.na").get(0).amount());
    }

    @Test
    void collectedRevenueAndDsoByOwnerMatchTheFiguresWorkedOutByHand() {
        // 60 days from T-59 to T
        ReportResult result = new CollectedRevenueReport().run(fx.reportContext(), ReportFilter.all().withPeriod(t.minusDays(59), t).withBy("owner"));
        assertEquals(List.of("owner", "collected", "planned", "collected_share", "receivables", "dso"), result.columns().stream().map(c -> c.id()).toList());
        Map<String, List<String>> rows = rows(result);
        // li.na: 3,000 collected of 4,000 planned (T-40, T-10); open at T: 1,000 + 2,000 + 2,000; DSO 5,000 × 60 / 4,000
        assertEquals(List.of("3000.00", "4000.00", "75.0", "5000.00", "75.0"), rows.get("li.na"));
        // wang.wei: nothing planned in the period: no share, no DSO, but 5,000 open
        assertEquals(List.of("0.00", "0.00", "-", "5000.00", "-"), rows.get("wang.wei"));
        // zhao.lei: 200 planned (T-30, T-31), 600 open: DSO 600 × 60 / 200
        assertEquals(List.of("0.00", "200.00", "0.0", "600.00", "180.0"), rows.get("zhao.lei"));
    }

    @Test
    void collectedRevenueByMonthKeepsARunningReceivablesBalance() {
        YearMonth m = YearMonth.from(t).minusMonths(6);
        long c = fx.contract(fx.customer("Month Ltd"), "qian.yu", ContractStatus.ACTIVE, "2000.00", "CNY");
        fx.money.setPlan(c, List.of(PlannedInstalment.amount(m.atDay(10), Money.cny("1000.00")), PlannedInstalment.amount(m.atDay(20), Money.cny("1000.00"))),
                "first plan");
        fx.money.recordReceipt(c, m.atDay(15), Money.cny("500.00"), ReceiptMethod.CASH, null);
        fx.money.recordReceipt(c, m.plusMonths(1).atDay(5), Money.cny("1000.00"), ReceiptMethod.CASH, null);
        ReportFilter filter = ReportFilter.all().withOwner("qian.yu").withPeriod(m.atDay(1), m.plusMonths(1).atEndOfMonth()).withBy("month");
        ReportResult result = new CollectedRevenueReport().run(fx.reportContext(), filter);
        assertEquals(2, result.rows().size());
        ReportRow first = result.rows().get(0);
        assertEquals(m.toString(), first.value(0));
        // 500 of 2,000; open at the month's end 1,500; DSO 1,500 × days of the month / 2,000
        BigDecimal dso = new BigDecimal(1500 * m.lengthOfMonth()).divide(new BigDecimal(2000), 1, java.math.RoundingMode.HALF_UP);
        assertEquals(Arrays.asList(m.toString(), new BigDecimal("500.00"), new BigDecimal("2000.00"), new BigDecimal("25.0"), new BigDecimal("1500.00"), dso),
                first.values());
        ReportRow second = result.rows().get(1);
        assertEquals(Arrays.asList(m.plusMonths(1).toString(), new BigDecimal("1000.00"), new BigDecimal("0.00"), null, new BigDecimal("500.00"), null),
                second.values());
        assertNull(second.value(5));
    }
}
