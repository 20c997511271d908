package org.salesbench.contracts.internal.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.salesbench.persistence.DatabaseSettings.Dialect;

/**
 * Sums per customer and currency over ranges of days, from the amounts the database keeps per customer, currency and
 * month (change set contracts-money-7-customer-months): the months wholly within a range from the kept rows, and for a
 * month a range's limit cuts, the days of its smaller side from the money rows themselves (through an index that
 * holds the day, the flags, the customer and the amounts), moved from the range the month was counted in to theirs.
 * So any day costs one pass over the kept rows plus at most half a month of rows per limit.
 */
final class CustomerMonths {

    /** What is summed: the kept rows' table and columns, and the money rows' own for the days of a cut month. */
    enum Source {
        /** Open now (the RECEIVABLE instalments' amount − paid), by due date. */
        OPEN("SB_CONTRACT_CUSTOMER_DUE", "DUE_MONTH", "OPEN_AMOUNT", "SB_CONTRACT_INSTALMENT", "IX_SB_CONTRACT_INSTALMENT_DUE_FLAGS", "DUE_DATE",
                "AMOUNT - PAID", "RECEIVABLE = TRUE"),
        /** Planned (the active instalments of receivable contracts), by due date. */
        PLANNED("SB_CONTRACT_CUSTOMER_DUE", "DUE_MONTH", "PLANNED", "SB_CONTRACT_INSTALMENT", "IX_SB_CONTRACT_INSTALMENT_DUE_FLAGS", "DUE_DATE", "AMOUNT",
                "CONTRACT_RECEIVABLE = TRUE AND ACTIVE = TRUE"),
        /** Collected (receipts, reversals negative, credit applications aside), by day received. */
        COLLECTED("SB_CONTRACT_CUSTOMER_COLLECTED", "ON_MONTH", "AMOUNT", "SB_CONTRACT_RECEIPT", "IX_SB_CONTRACT_RECEIPT_ON", "RECEIVED_ON", "AMOUNT",
                "METHOD <> 'CREDIT'");

        final String kept;
        final String month;
        final String keptAmount;
        final String rows;
        final String index;
        final String day;
        final String amount;
        final String condition;

        Source(String kept, String month, String keptAmount, String rows, String index, String day, String amount, String condition) {
            this.kept = kept;
            this.month = month;
            this.keptAmount = keptAmount;
            this.rows = rows;
            this.index = index;
            this.day = day;
            this.amount = amount;
            this.condition = condition;
        }
    }

    private CustomerMonths() {
    }

    /**
     * Per customer (0: none) and currency, the sums over the ranges the ascending {@code cuts} make: range 0 is the days
     * before the first cut, range k the days from cut k−1 up to the day before cut k, the last range the days from the
     * last cut on. Only the ranges {@code needed} (by index) are guaranteed; the others may be left incomplete. The
     * key is {@code [Long customer, String currency]}.
     */
    static Map<List<Object>, BigDecimal[]> sums(EntityManager em, Dialect dialect, Source source, List<LocalDate> cuts, boolean[] needed) {
        int ranges = cuts.size() + 1;
        // each month a cut falls within is counted in the range most of its days fall in; the days of its other ranges
        // are moved to theirs, read one run at a time
        List<YearMonth> firstMonth = new ArrayList<>(); // per cut: the first month counted in a range from its on
        List<long[]> moves = new ArrayList<>(); // [from range, to range, first day (epoch), last day (epoch)]
        List<YearMonth> cutMonths = new ArrayList<>();
        for (LocalDate cut : cuts) {
            YearMonth month = YearMonth.from(cut);
            if (cut.getDayOfMonth() != 1 && !cutMonths.contains(month)) {
                cutMonths.add(month);
                int counted = counted(cuts, month);
                LocalDate start = null;
                int run = -1;
                for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth().plusDays(1)); day = day.plusDays(1)) {
                    int r = day.isAfter(month.atEndOfMonth()) ? -1 : range(cuts, day);
                    if (r != run) {
                        if (start != null && run != counted) {
                            moves.add(new long[] { counted, run, start.toEpochDay(), day.minusDays(1).toEpochDay() });
                        }
                        start = day;
                        run = r;
                    }
                }
            }
        }
        for (int k = 0; k < cuts.size(); k++) {
            YearMonth month = YearMonth.from(cuts.get(k));
            firstMonth.add(counted(cuts, month) >= k + 1 ? month : month.plusMonths(1));
        }
        Map<List<Object>, BigDecimal[]> sums = new LinkedHashMap<>();
        ReceivablesSql kept = new ReceivablesSql().append("SELECT CUSTOMER_ID, CURRENCY");
        for (int r = 0; r < ranges; r++) {
            StringBuilder when = new StringBuilder();
            if (r > 0) {
                when.append(source.month).append(" >= ").append(key(firstMonth.get(r - 1)));
            }
            if (r < ranges - 1) {
                when.append(when.length() > 0 ? " AND " : "").append(source.month).append(" < ").append(key(firstMonth.get(r)));
            }
            kept.append(", SUM(CASE WHEN " + when + " THEN " + source.keptAmount + " ELSE 0 END)");
        }
        kept.append(" FROM " + source.kept + " WHERE " + source.keptAmount + " <> 0 GROUP BY CUSTOMER_ID, CURRENCY");
        for (Object[] r : kept.rows(em)) {
            BigDecimal[] values = sums.computeIfAbsent(List.of(((Number) r[0]).longValue(), (String) r[1]), k -> zeros(ranges));
            for (int i = 0; i < ranges; i++) {
                values[i] = values[i].add(ReceivablesSql.money(r[i + 2]));
            }
        }
        String hint = dialect == Dialect.POSTGRESQL ? "" : " --DERBY-PROPERTIES index=" + source.index + "\n";
        for (long[] move : moves) {
            int from = (int) move[0];
            int to = (int) move[1];
            if (!needed[from] && !needed[to]) {
                continue;
            }
            ReceivablesSql days = new ReceivablesSql().append("SELECT COALESCE(CUSTOMER_ID, 0), CURRENCY, SUM(" + source.amount + ") FROM " + source.rows + hint
                    + " WHERE " + source.day + " BETWEEN ? AND ? AND " + source.condition + " GROUP BY COALESCE(CUSTOMER_ID, 0), CURRENCY",
                    LocalDate.ofEpochDay(move[2]), LocalDate.ofEpochDay(move[3]));
            for (Object[] r : days.rows(em)) {
                BigDecimal amount = ReceivablesSql.money(r[2]);
                BigDecimal[] values = sums.computeIfAbsent(List.of(((Number) r[0]).longValue(), (String) r[1]), k -> zeros(ranges));
                values[from] = values[from].subtract(amount);
                values[to] = values[to].add(amount);
            }
        }
        return sums;
    }

    /** The range most of a month's days fall in (the later one on a tie). */
    private static int counted(List<LocalDate> cuts, YearMonth month) {
        int[] days = new int[cuts.size() + 1];
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            days[range(cuts, day)]++;
        }
        int counted = 0;
        for (int r = 1; r < days.length; r++) {
            if (days[r] >= days[counted]) {
                counted = r;
            }
        }
        return counted;
    }

    /** The range a day falls in. */
    static int range(List<LocalDate> cuts, LocalDate day) {
        int r = 0;
        while (r < cuts.size() && !day.isBefore(cuts.get(r))) {
            r++;
        }
        return r;
    }

    private static int key(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    static BigDecimal[] zeros(int n) {
        BigDecimal[] zeros = new BigDecimal[n];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }
}
