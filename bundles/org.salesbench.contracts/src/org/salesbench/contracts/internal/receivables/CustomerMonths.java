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

import org.salesbench.core.time.Clocks;
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
                "METHOD <> 'CREDIT'") {
            @Override
            boolean holdsRowsOn(LocalDate day, LocalDate today) {
                // money is received by today: the days after it hold (next to) none
                return !day.isAfter(today);
            }
        };

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

        /**
         * Whether rows are to be expected on {@code day}: a month a cut falls within is counted in the range of most such
         * days, so the days read one by one are the fewer rows. (Only what is read changes, never the sums.)
         */
        boolean holdsRowsOn(LocalDate day, LocalDate today) {
            return true;
        }
    }

    private CustomerMonths() {
    }

    /**
     * What a pass sums: the source, the ascending {@code cuts} that make its ranges (range 0 the days before the first
     * cut, range k the days from cut k−1 up to the day before cut k, the last range the days from the last cut on) and
     * the ranges {@code needed} (by index; the others may be left incomplete).
     */
    record Part(Source source, List<LocalDate> cuts, boolean[] needed) {
    }

    /**
     * Per customer (0: none) and currency, the sums over the ranges the ascending {@code cuts} make (see {@link Part}).
     * The key is {@code [Long customer, String currency]}.
     */
    static Map<List<Object>, BigDecimal[]> sums(EntityManager em, Dialect dialect, Source source, List<LocalDate> cuts, boolean[] needed) {
        return sums(em, dialect, List.of(new Part(source, cuts, needed))).get(0);
    }

    /**
     * The sums of each part (as {@link #sums(EntityManager, Dialect, Source, List, boolean[])} gives them, in the
     * parts' order), all parts over the same kept table: one pass of it for all of them, which sums only the months of
     * the ranges needed, and one read of the money rows per run of days a cut month moves, for all the parts that move
     * it.
     */
    static List<Map<List<Object>, BigDecimal[]>> sums(EntityManager em, Dialect dialect, List<Part> parts) {
        Source first = parts.get(0).source();
        if (parts.stream().anyMatch(p -> !p.source().kept.equals(first.kept))) {
            throw new IllegalArgumentException("parts over different kept tables: " + parts);
        }
        List<Map<List<Object>, BigDecimal[]>> result = new ArrayList<>();
        LocalDate today = LocalDate.now(Clocks.system());
        // the days moved from one range to another: [first day (epoch), last day (epoch)] -> the moves of those days: [part, from range, to range]
        Map<List<Long>, List<int[]>> moves = new LinkedHashMap<>();
        ReceivablesSql kept = new ReceivablesSql().append("SELECT CUSTOMER_ID, CURRENCY");
        List<String> rowsWanted = new ArrayList<>();
        List<int[]> columns = new ArrayList<>(); // per summed column: [part, range]
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            result.add(new LinkedHashMap<>());
            List<YearMonth> firstMonth = firstMonths(part.source(), part.cuts(), today);
            for (long[] move : moves(part.source(), part.cuts(), today)) {
                if (part.needed()[(int) move[0]] || part.needed()[(int) move[1]]) {
                    moves.computeIfAbsent(List.of(move[2], move[3]), k -> new ArrayList<>()).add(new int[] { p, (int) move[0], (int) move[1] });
                }
            }
            int ranges = part.cuts().size() + 1;
            int lowest = -1;
            int highest = -1;
            for (int r = 0; r < ranges; r++) {
                if (part.needed()[r]) {
                    String when = months(part.source().month, firstMonth, ranges, r, r);
                    kept.append(", SUM(" + (when.isEmpty() ? part.source().keptAmount : "CASE WHEN " + when + " THEN " + part.source().keptAmount + " ELSE 0 END") + ")");
                    columns.add(new int[] { p, r });
                    lowest = lowest < 0 ? r : lowest;
                    highest = r;
                }
            }
            if (lowest >= 0) {
                String span = months(part.source().month, firstMonth, ranges, lowest, highest);
                rowsWanted.add(part.source().keptAmount + " <> 0" + (span.isEmpty() ? "" : " AND " + span));
            }
        }
        if (!columns.isEmpty()) {
            // only the rows of the months some part needs, of amounts not zero
            kept.append(" FROM " + first.kept + " WHERE " + (rowsWanted.size() == 1 ? rowsWanted.get(0) : "(" + String.join(") OR (", rowsWanted) + ")")
                    + " GROUP BY CUSTOMER_ID, CURRENCY");
            for (Object[] r : kept.rows(em)) {
                List<Object> key = List.of(((Number) r[0]).longValue(), (String) r[1]);
                for (int c = 0; c < columns.size(); c++) {
                    int p = columns.get(c)[0];
                    BigDecimal[] values = result.get(p).computeIfAbsent(key, k -> zeros(parts.get(p).cuts().size() + 1));
                    values[columns.get(c)[1]] = values[columns.get(c)[1]].add(ReceivablesSql.money(r[c + 2]));
                }
            }
        }
        String hint = dialect == Dialect.POSTGRESQL ? "" : " --DERBY-PROPERTIES index=" + first.index + "\n";
        for (Map.Entry<List<Long>, List<int[]>> days : moves.entrySet()) {
            // the parts' sums over the days, each under its own condition; the parts of one source share a column
            List<Source> sources = days.getValue().stream().map(m -> parts.get(m[0]).source()).distinct().toList();
            ReceivablesSql sql = new ReceivablesSql().append("SELECT COALESCE(CUSTOMER_ID, 0), CURRENCY");
            for (Source source : sources) {
                sql.append(sources.size() == 1 ? ", SUM(" + source.amount + ")" : ", SUM(CASE WHEN " + source.condition + " THEN " + source.amount + " ELSE 0 END)");
            }
            sql.append(" FROM " + first.rows + hint + " WHERE " + first.day + " BETWEEN ? AND ? AND ", LocalDate.ofEpochDay(days.getKey().get(0)),
                    LocalDate.ofEpochDay(days.getKey().get(1)));
            sql.append(sources.stream().map(s -> s.condition).collect(java.util.stream.Collectors.joining(") OR (", sources.size() == 1 ? "" : "((",
                    sources.size() == 1 ? "" : "))")));
            sql.append(" GROUP BY COALESCE(CUSTOMER_ID, 0), CURRENCY");
            for (Object[] r : sql.rows(em)) {
                List<Object> key = List.of(((Number) r[0]).longValue(), (String) r[1]);
                for (int[] move : days.getValue()) {
                    BigDecimal amount = ReceivablesSql.money(r[2 + sources.indexOf(parts.get(move[0]).source())]);
                    BigDecimal[] values = result.get(move[0]).computeIfAbsent(key, k -> zeros(parts.get(move[0]).cuts().size() + 1));
                    values[move[1]] = values[move[1]].subtract(amount);
                    values[move[2]] = values[move[2]].add(amount);
                }
            }
        }
        return result;
    }

    /** The condition on the kept rows' month of ranges {@code from} to {@code to}; empty for all months. */
    private static String months(String month, List<YearMonth> firstMonth, int ranges, int from, int to) {
        StringBuilder when = new StringBuilder();
        if (from > 0) {
            when.append(month).append(" >= ").append(key(firstMonth.get(from - 1)));
        }
        if (to < ranges - 1) {
            when.append(when.length() > 0 ? " AND " : "").append(month).append(" < ").append(key(firstMonth.get(to)));
        }
        return when.toString();
    }

    /** Per cut, the first month counted in a range from it on. */
    private static List<YearMonth> firstMonths(Source source, List<LocalDate> cuts, LocalDate today) {
        List<YearMonth> firstMonth = new ArrayList<>();
        for (int k = 0; k < cuts.size(); k++) {
            YearMonth month = YearMonth.from(cuts.get(k));
            firstMonth.add(counted(source, cuts, month, today) >= k + 1 ? month : month.plusMonths(1));
        }
        return firstMonth;
    }

    /**
     * Each month a cut falls within is counted in the range most of its days fall in; the days of its other ranges are
     * moved to theirs, one run at a time: {@code [from range, to range, first day (epoch), last day (epoch)]}.
     */
    private static List<long[]> moves(Source source, List<LocalDate> cuts, LocalDate today) {
        List<long[]> moves = new ArrayList<>();
        List<YearMonth> cutMonths = new ArrayList<>();
        for (LocalDate cut : cuts) {
            YearMonth month = YearMonth.from(cut);
            if (cut.getDayOfMonth() != 1 && !cutMonths.contains(month)) {
                cutMonths.add(month);
                int counted = counted(source, cuts, month, today);
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
        return moves;
    }

    /**
     * The range most of a month's days that hold rows fall in (see {@link Source#holdsRowsOn}; of all its days when none
     * does), the later one on a tie.
     */
    private static int counted(Source source, List<LocalDate> cuts, YearMonth month, LocalDate today) {
        int[] days = new int[cuts.size() + 1];
        int[] holding = new int[cuts.size() + 1];
        boolean any = false;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            days[range(cuts, day)]++;
            if (source.holdsRowsOn(day, today)) {
                holding[range(cuts, day)]++;
                any = true;
            }
        }
        int[] weight = any ? holding : days;
        int counted = 0;
        for (int r = 1; r < weight.length; r++) {
            if (weight[r] >= weight[counted]) {
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
