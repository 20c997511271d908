package org.salesbench.contracts.tests.receivables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.receivables.AgeingReport;
import org.salesbench.contracts.internal.receivables.CollectedRevenueReport;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.testing.PostgresSchema;

/** Plans, FIFO write-off, reversal and both reports on PostgreSQL (its own SQL dialect for months, its row security set up). */
@Tag("postgres")
class PostgresReceivablesTest {

    private PostgresSchema schema;
    private MoneyFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void moneyInAndItsReportsOnPostgres() {
        schema = PostgresSchema.create("money");
        fx = new MoneyFixture(schema.settings());
        YearMonth m = YearMonth.from(fx.today).minusMonths(4);
        long contract = fx.contract(fx.customer("杭州湖畔茶业有限公司"), "li.na", ContractStatus.APPROVED, "1000.00", "CNY");
        fx.money.setPlan(contract, List.of(PlannedInstalment.percent(m.atDay(10), "33.3333"), PlannedInstalment.percent(m.atDay(20), "33.3333"),
                PlannedInstalment.percent(m.plusMonths(1).atDay(10), "33.3334")), null);
        Receipt partial = fx.money.recordReceipt(contract, m.atDay(12), Money.cny("400.00"), ReceiptMethod.BANK_TRANSFER, "P-1");
        fx.money.recordReceipt(contract, m.plusMonths(1).atDay(15), Money.cny("700.00"), ReceiptMethod.BANK_TRANSFER, "P-2");
        assertEquals(Money.cny("100.00"), fx.money.credit(fx.money.receipts(contract).get(0).getCustomerId(), "CNY"));
        fx.money.reverse(partial.getId(), "bounced");
        assertThrows(ValidationException.class, () -> fx.money.recordReceipt(contract, m.atDay(12), Money.of("1.00", "EUR"), ReceiptMethod.CASH, null));
        // 333.33 + 333.33 + 333.34: the 400 paid the first and 66.67 of the second, the 700 the rest and 100 of credit;
        // reversing the 400 opens what it paid again
        assertEquals(List.of("0.00", "266.66", "333.34"),
                fx.money.plan(contract).stream().map(i -> i.getPaid().getAmount().setScale(2).toPlainString()).toList());

        ReportResult ageing = new AgeingReport().run(fx.reportContext(), ReportFilter.all().withBy("owner"));
        assertEquals(new BigDecimal("400.00"), ageing.rows().get(0).value(6));
        ReportResult collected = new CollectedRevenueReport().run(fx.reportContext(),
                ReportFilter.all().withPeriod(m.atDay(1), m.plusMonths(1).atEndOfMonth()).withBy("month"));
        assertEquals(2, collected.rows().size());
        assertEquals(new BigDecimal("400.00"), collected.rows().get(0).value(1));
        assertEquals(new BigDecimal("666.66"), collected.rows().get(0).value(2));
        assertEquals(new BigDecimal("700.00"), collected.rows().get(1).value(1));
    }
}
