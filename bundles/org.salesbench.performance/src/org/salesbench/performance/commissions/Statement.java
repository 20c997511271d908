package org.salesbench.performance.commissions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.salesbench.performance.kpi.Period;

/**
 * A person's commission statement for a period under a plan: the credits and clawbacks, each rounded to the cent, and
 * their total (the exact sum of the lines). {@code attainment} is the credited amount × 100 / the target (null without
 * a target); {@code closed} when the lines are the stored ones.
 */
public record Statement(long planId, String plan, String login, Period period, BigDecimal target, BigDecimal credited, BigDecimal attainment,
        List<Line> lines, BigDecimal total, boolean closed) {

    /** The statement as CSV (RFC 4180, text cells neutralised for spreadsheets), one row a line and a last TOTAL row. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("user,date,kind,source,description,amount,rate,multiplier,commission\r\n");
        for (Line l : lines) {
            Csv.row(csv, Csv.text(login), l.onDate().toString(), l.kind().name(), Csv.text(l.sourceKey()), Csv.text(l.description()),
                    Csv.number(l.base()), Csv.number(l.rate()), Csv.number(l.multiplier()), l.commission().toPlainString());
        }
        Csv.row(csv, Csv.text(login), period.to().toString(), "TOTAL", "", attainment == null ? "" : attainment.toPlainString() + "%",
                Csv.number(credited), "", "", total.toPlainString());
        return csv.toString();
    }

    /**
     * One line: what it pays for ({@code opportunity:ID} or {@code receipt:ID}), when, the amount, the rate, the
     * effective accelerator multiplier and the commission (negative for a clawback), to the cent.
     */
    public record Line(LineKind kind, String sourceKey, LocalDate onDate, String description, BigDecimal base, BigDecimal rate,
            BigDecimal multiplier, BigDecimal commission) {
    }
}
