package org.salesbench.contracts.internal.receivables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.DrillRecord;
import org.salesbench.analytics.Report;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.Unit;
import org.salesbench.contracts.Contract;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.Action;
import org.salesbench.core.time.Clocks;
import org.salesbench.persistence.DatabaseSettings.Dialect;

/**
 * Collected revenue (money received, reversals subtracted, by receipt date) beside planned revenue (instalments falling
 * due) in the period, by month, owner or team, with the share collected, the receivables open at the period's end and
 * the days sales outstanding: DSO = receivables open at the end × days in the period ÷ planned revenue of the period.
 * For a month row the period is that month (within the filter's period). The period defaults to the year to date.
 * Won revenue (opportunities won) is another figure, the analytics' {@code won-revenue}.
 */
public class CollectedRevenueReport implements Report {

    public static final String ID = "collected-revenue";
    private static final int DRILL_LIMIT = 1000;
    private static final int MAX_MONTHS = 240;

    /** The period: the filter's, the year to date by default. */
    static LocalDate[] period(ReportFilter filter) {
        LocalDate to = filter.to() != null ? filter.to() : LocalDate.now(Clocks.system());
        LocalDate from = filter.from() != null ? filter.from() : to.withDayOfYear(1);
        return new LocalDate[] { from, to };
    }

    /** Sums per group and currency. */
    private static final class Figures {
        final Object key;
        Object label;
        BigDecimal collected = BigDecimal.ZERO;
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal open = BigDecimal.ZERO;

        Figures(Object key) {
            this.key = key;
        }
    }

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        context.security().check(Action.READ, Contract.ENTITY, null);
        LocalDate[] period = period(filter);
        LocalDate from = period[0];
        LocalDate to = period[1];
        String by = filter.by() == null ? "month" : filter.by();
        Dialect dialect = context.unitOfWork().settings().dialect();
        boolean monthly = by.equals("month");
        if (monthly && ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) >= MAX_MONTHS) {
            throw new org.salesbench.core.validation.ValidationException(List.of(new org.salesbench.core.validation.FieldError("from",
                    NLS.bind(Messages.Collected_tooManyMonths, MAX_MONTHS), from)));
        }
        // per currency, per group key
        Map<String, Map<Object, Figures>> figures = new LinkedHashMap<>();
        // the totals the database keeps (change set contracts-money-5-totals) are per owner: by month, owner or team, for
        // who reads every contract; by customer, or for anyone else, the exact queries
        boolean totals = ReceivablesSql.readsTotals(context) && !by.equals("customer");
        // by customer, for who reads every contract: from the totals kept per customer and month
        // (contracts-money-7-customer-months), or for one owner or team (those hold no owner) from their own rows through
        // the indexes led by the owner (contracts-money-9)
        boolean byCustomer = ReceivablesSql.readsTotals(context) && by.equals("customer");
        context.unitOfWork().read(em -> {
            if (byCustomer) {
                byCustomer(em, dialect, filter, from, to, figures);
                return null;
            }
            collected(em, dialect, by, filter, from, to, figures, totals);
            planned(em, dialect, by, filter, from, to, figures, totals);
            if (monthly) {

                openAtMonthEnds(em, dialect, filter, from, to, figures, totals);
            } else {
                openAtEnd(em, dialect, by, filter, to, figures, totals);
            }
            return null;
        });
        Map<String, BigDecimal> weight = new HashMap<>();
        figures.forEach((cur, groups) -> weight.put(cur, groups.values().stream().map(f -> f.collected.abs().add(f.planned)).reduce(BigDecimal.ZERO, BigDecimal::add)));
        String currency = weight.entrySet().stream().max(Map.Entry.<String, BigDecimal> comparingByValue()
                .thenComparing(e -> e.getKey().equals(Money.DEFAULT_CURRENCY) ? 1 : 0)).map(Map.Entry::getKey).orElse(Money.DEFAULT_CURRENCY);
        Map<Object, Figures> groups = figures.getOrDefault(currency, Map.of());
        List<ReportRow> rows = new ArrayList<>();
        ReceivablesSql.Dimension dimension = ReceivablesSql.Dimension.of(by, dialect, "x");
        if (monthly) {
            for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
                int key = month.getYear() * 100 + month.getMonthValue();
                Figures f = groups.getOrDefault(key, new Figures(key));
                LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
                LocalDate end = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
                rows.add(row(month.toString(), f, ChronoUnit.DAYS.between(start, end) + 1, String.valueOf(key)));
            }
        } else {
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            // groups with nothing collected, planned or open left out; equal amounts in the order of their labels
            groups.values().stream().filter(f -> f.collected.signum() != 0 || f.planned.signum() != 0 || f.open.signum() != 0)
                    .sorted(java.util.Comparator.comparing((Figures f) -> f.collected).reversed()
                            .thenComparing(f -> AgeingReport.label(dimension, f.key, f.label)))
                    .forEach(f -> rows.add(row(AgeingReport.label(dimension, f.key, f.label), f, days, ReceivablesSql.Dimension.drillKey(f.key))));
        }
        String note = figures.size() <= 1 ? null : NLS.bind(Messages.Report_otherCurrencies, currency);
        List<ReportColumn> columns = Arrays.asList(new ReportColumn(by, AgeingReport.dimensionLabel(by), Unit.TEXT, null),
                new ReportColumn("collected", Messages.Collected_collected, Unit.MONEY, "collected_revenue"),
                new ReportColumn("planned", Messages.Collected_planned, Unit.MONEY, "planned_revenue"),
                new ReportColumn("collected_share", Messages.Collected_share, Unit.PERCENT, "collection_rate"),
                new ReportColumn("receivables", Messages.Collected_receivables, Unit.MONEY, "receivables_at_end"),
                new ReportColumn("dso", Messages.Collected_dso, Unit.DAYS, "dso_days"));
        return new ReportResult(ID, Messages.Collected_title, filter.withPeriod(from, to), columns, rows, ChartKind.BAR, currency, note);
    }

    private static ReportRow row(String label, Figures f, long days, String drillKey) {
        BigDecimal collected = f.collected.setScale(2, RoundingMode.HALF_UP);
        BigDecimal planned = f.planned.setScale(2, RoundingMode.HALF_UP);
        BigDecimal open = f.open.setScale(2, RoundingMode.HALF_UP);
        BigDecimal share = planned.signum() == 0 ? null : collected.multiply(BigDecimal.valueOf(100)).divide(planned, 1, RoundingMode.HALF_UP);
        BigDecimal dso = planned.signum() == 0 ? null : open.multiply(BigDecimal.valueOf(days)).divide(planned, 1, RoundingMode.HALF_UP);
        return new ReportRow(Arrays.asList(label, collected, planned, share, open, dso), drillKey);
    }

    private static Figures group(Map<String, Map<Object, Figures>> figures, Object[] r) {
        // a month key is an Integer whatever number type the driver gives; team and customer ids stay Longs
        Object key = r[0] instanceof Number n && !(r[0] instanceof Long) ? Integer.valueOf(n.intValue()) : r[0];
        Figures f = figures.computeIfAbsent((String) r[2], c -> new LinkedHashMap<>()).computeIfAbsent(key, Figures::new);
        if (f.label == null) {
            f.label = r[1];
        }
        return f;
    }

    private static void collected(EntityManager em, Dialect dialect, String by, ReportFilter filter, LocalDate from, LocalDate to,
            Map<String, Map<Object, Figures>> figures, boolean totals) {
        // a receipt carries its contract's owner and customer: no join with the contracts, whose few in the recycle bin
        // are left out by id
        ReceivablesSql.Dimension d = switch (by) {
            case "customer" -> new ReceivablesSql.Dimension(by, "r.CUSTOMER_ID", "MAX(dc.NAME)", " LEFT JOIN {SB_CUSTOMER} dc ON dc.ID = r.CUSTOMER_ID");
            case "team" -> new ReceivablesSql.Dimension(by, "dt.ID", "MAX(dt.NAME)",
                    " LEFT JOIN SB_TEAM_MEMBER dm ON dm.LOGIN = r.OWNER LEFT JOIN SB_TEAM dt ON dt.ID = dm.TEAM_ID");
            case "month" -> new ReceivablesSql.Dimension(by, ReceivablesSql.monthKey(dialect, "r.RECEIVED_ON"), "MIN(r.RECEIVED_ON)", "");
            default -> new ReceivablesSql.Dimension("owner", "r.OWNER", "MAX(r.OWNER)", "");
        };
        List<Long> binned = ReceivablesSql.binned(em);
        if (totals) {
            // the receipts per owner, currency and day (credit applications aside), less those of contracts in the bin
            for (boolean deleted : new boolean[] { false, true }) {
                if (deleted && binned.isEmpty()) {
                    break;
                }
                ReceivablesSql sql = new ReceivablesSql().append("SELECT " + d.key() + ", " + d.label() + ", r.CURRENCY, SUM(r.AMOUNT)"
                        + (deleted ? " FROM SB_CONTRACT_RECEIPT r" + d.join() + " WHERE r.METHOD <> 'CREDIT' AND r.RECEIVED_ON BETWEEN ? AND ?"
                                + ReceivablesSql.ofBinned(binned).replace(" AND i.CONTRACT_ID IN ", " AND r.CONTRACT_ID IN ")
                                : " FROM SB_CONTRACT_COLLECTED_TOTAL r" + d.join() + " WHERE r.RECEIVED_ON BETWEEN ? AND ?"), from, to);
                sql.limit(filter, "r").append(" GROUP BY " + d.key() + ", r.CURRENCY");
                for (Object[] r : sql.rows(em)) {
                    Figures f = group(figures, r);
                    f.collected = deleted ? f.collected.subtract(ReceivablesSql.money(r[3])) : ReceivablesSql.money(r[3]);
                }
            }
            return;
        }
        String notBinned = binned.isEmpty() ? "" : ReceivablesSql.ofBinned(binned).replace(" AND i.CONTRACT_ID IN ", " AND r.CONTRACT_ID NOT IN ");
        ReceivablesSql sql = new ReceivablesSql().append("SELECT " + d.key() + ", " + d.label() + ", r.CURRENCY, SUM(r.AMOUNT)"
                + " FROM SB_CONTRACT_RECEIPT r" + d.join() + " WHERE r.METHOD <> 'CREDIT' AND r.RECEIVED_ON BETWEEN ? AND ?" + notBinned, from, to);
        sql.limit(filter, "r").append(" GROUP BY " + d.key() + ", r.CURRENCY");
        for (Object[] r : sql.rows(em)) {
            group(figures, r).collected = ReceivablesSql.money(r[3]);
        }
    }

    private static void planned(EntityManager em, Dialect dialect, String by, ReportFilter filter, LocalDate from, LocalDate to,
            Map<String, Map<Object, Figures>> figures, boolean totals) {
        // the instalments carry their contract's owner and status (CONTRACT_RECEIVABLE): one index, no join; then the
        // few of contracts in the recycle bin are subtracted
        List<Long> binned = ReceivablesSql.binned(em);
        for (boolean deleted : new boolean[] { false, true }) {
            if (deleted && binned.isEmpty()) {
                break;
            }
            ReceivablesSql.Dimension d = onInstalment(by, dialect);
            ReceivablesSql sql = totals && !deleted
                    ? new ReceivablesSql().append("SELECT " + d.key() + ", " + d.label() + ", i.CURRENCY, SUM(i.PLANNED) FROM SB_CONTRACT_DUE_TOTAL i" + d.join()
                            + " WHERE i.DUE_DATE BETWEEN ? AND ?", from, to)
                    : new ReceivablesSql().append("SELECT " + d.key() + ", " + d.label() + ", i.CURRENCY, SUM(i.AMOUNT)"
                    + " FROM SB_CONTRACT_INSTALMENT i" + d.join()
                    + " WHERE i.CONTRACT_RECEIVABLE = TRUE AND i.DUE_DATE BETWEEN ? AND ? AND i.ACTIVE = TRUE" + (deleted ? ReceivablesSql.ofBinned(binned) : ""), from, to);
            sql.limit(filter, "i").append(" GROUP BY " + d.key() + ", i.CURRENCY");
            for (Object[] r : sql.rows(em)) {
                Figures f = group(figures, r);
                f.planned = deleted ? f.planned.subtract(ReceivablesSql.money(r[3])) : ReceivablesSql.money(r[3]);
            }
        }
    }

    /**
     * By customer, for who reads every contract: per customer and currency, the receipts in the period (credit
     * applications aside), the active instalments of receivable contracts planned within it and what is open at its end
     * of those due by then, the customers' names read by id once, after. With no filter by owner or team, from the
     * amounts the database keeps per customer and month (contracts-money-7-customer-months; the months the period's
     * limits cut read by day): the receipts in one pass of theirs, what is planned and what is open in one pass of the
     * instalments'. For one owner or team (those hold no owner), from that owner's or team's own rows, read through the
     * indexes led by the owner that hold what is summed (contracts-money-9-owner-indexes; a team as its members'
     * logins, one range each) and grouped by customer with no join: the receipts in the period, and in one pass over
     * the instalments due by the period's end those planned within it and what is open of them now. Either way what is
     * open now is what was open at an end in the past plus the write-offs dated after it on those instalments, from the
     * facts each carries (contracts-money-8-write-off-facts); then what belongs to contracts in the recycle bin (counted
     * in both) is read exactly and subtracted.
     */
    private static void byCustomer(EntityManager em, Dialect dialect, ReportFilter filter, LocalDate from, LocalDate to,
            Map<String, Map<Object, Figures>> figures) {
        boolean current = !to.isBefore(LocalDate.now(Clocks.system()));
        // [customer (0: none), currency] -> collected, planned, open at the end
        Map<List<Object>, BigDecimal[]> sums = new LinkedHashMap<>();
        List<Long> binned = ReceivablesSql.binned(em);
        boolean derby = dialect != Dialect.POSTGRESQL;
        if (filter.owner() == null && filter.teamId() == null) {
            LocalDate end = to.plusDays(1);
            CustomerMonths.sums(em, dialect, CustomerMonths.Source.COLLECTED, List.of(from, end), new boolean[] { false, true, false })
                    .forEach((k, v) -> add(sums, k, 0, v[1]));
            List<Map<List<Object>, BigDecimal[]>> due = CustomerMonths.sums(em, dialect,
                    List.of(new CustomerMonths.Part(CustomerMonths.Source.PLANNED, List.of(from, end), new boolean[] { false, true, false }),
                            new CustomerMonths.Part(CustomerMonths.Source.OPEN, List.of(end), new boolean[] { true, false })));
            due.get(0).forEach((k, v) -> add(sums, k, 1, v[1]));
            due.get(1).forEach((k, v) -> add(sums, k, 2, v[0]));
        } else {
            List<String> owners = ReceivablesSql.owners(em, filter);
            if (!owners.isEmpty()) {
                ReceivablesSql receipts = new ReceivablesSql().append("SELECT COALESCE(r.CUSTOMER_ID, 0), r.CURRENCY, SUM(r.AMOUNT) FROM SB_CONTRACT_RECEIPT r"
                        + (derby ? " --DERBY-PROPERTIES index=IX_SB_CONTRACT_RECEIPT_OWNER_ON\n" : "") + " WHERE ");
                ReceivablesSql.ownerIn(receipts, "r", owners).append(" AND r.RECEIVED_ON BETWEEN ? AND ? AND r.METHOD <> 'CREDIT'", from, to)
                        .append(" GROUP BY COALESCE(r.CUSTOMER_ID, 0), r.CURRENCY");
                addSums(sums, receipts.rows(em), 0, BigDecimal.ONE);
                ReceivablesSql instalments = new ReceivablesSql().append("SELECT COALESCE(i.CUSTOMER_ID, 0), i.CURRENCY,"
                        + " SUM(CASE WHEN i.DUE_DATE >= ? THEN i.AMOUNT ELSE 0 END), SUM(CASE WHEN i.RECEIVABLE = TRUE THEN i.AMOUNT - i.PAID ELSE 0 END)"
                        + " FROM SB_CONTRACT_INSTALMENT i" + (derby ? " --DERBY-PROPERTIES index=IX_SB_CONTRACT_INSTALMENT_OWNER_DUE\n" : "") + " WHERE ", from);
                ReceivablesSql.ownerIn(instalments, "i", owners).append(" AND i.DUE_DATE <= ? AND i.CONTRACT_RECEIVABLE = TRUE AND i.ACTIVE = TRUE", to)
                        .append(" GROUP BY COALESCE(i.CUSTOMER_ID, 0), i.CURRENCY");
                addSums(sums, instalments.rows(em), 1, BigDecimal.ONE);
            }
        }
        if (!current) {
            for (Object[] r : ReceivablesSql.writtenOffAfter(em, dialect, true, filter, to, to)) {
                BigDecimal[] values = sums.computeIfAbsent(List.of(r[0], r[1]), k -> CustomerMonths.zeros(3));
                values[2] = values[2].add((BigDecimal) r[3]);
            }
        }
        if (!binned.isEmpty()) {
            // the contracts in the recycle bin: planned in the period and open at its end (as of then, for a past end)
            String open = current ? "CASE WHEN i.RECEIVABLE = TRUE THEN i.AMOUNT - i.PAID ELSE 0 END" : "i.AMOUNT - COALESCE(p.PAID, 0)";
            ReceivablesSql bin = new ReceivablesSql().append("SELECT COALESCE(i.CUSTOMER_ID, 0), i.CURRENCY, SUM(CASE WHEN i.DUE_DATE >= ? THEN i.AMOUNT ELSE 0 END),"
                    + " SUM(" + open + ") FROM SB_CONTRACT_INSTALMENT i", from);
            if (!current) {
                bin.append(" LEFT JOIN (SELECT a.INSTALMENT_ID, SUM(a.AMOUNT) AS PAID FROM SB_CONTRACT_ALLOCATION a WHERE a.ON_DATE <= ?"
                        + ReceivablesSql.ofBinned(binned).replace("i.CONTRACT_ID", "a.CONTRACT_ID") + " GROUP BY a.INSTALMENT_ID) p ON p.INSTALMENT_ID = i.ID", to);
            }
            bin.append(" WHERE i.CONTRACT_RECEIVABLE = TRUE AND i.ACTIVE = TRUE AND i.DUE_DATE <= ?" + ReceivablesSql.ofBinned(binned), to).limit(filter, "i")
                    .append(" GROUP BY COALESCE(i.CUSTOMER_ID, 0), i.CURRENCY");
            addSums(sums, bin.rows(em), 1, BigDecimal.ONE.negate());
            ReceivablesSql receipts = new ReceivablesSql().append("SELECT COALESCE(r.CUSTOMER_ID, 0), r.CURRENCY, SUM(r.AMOUNT) FROM SB_CONTRACT_RECEIPT r"
                    + " WHERE r.METHOD <> 'CREDIT' AND r.RECEIVED_ON BETWEEN ? AND ?" + ReceivablesSql.ofBinned(binned).replace("i.CONTRACT_ID", "r.CONTRACT_ID"), from, to);
            receipts.limit(filter, "r").append(" GROUP BY COALESCE(r.CUSTOMER_ID, 0), r.CURRENCY");
            addSums(sums, receipts.rows(em), 0, BigDecimal.ONE.negate());
        }
        Map<List<Object>, BigDecimal[]> some = new LinkedHashMap<>();
        sums.forEach((k, v) -> {
            if (v[0].signum() != 0 || v[1].signum() != 0 || v[2].signum() != 0) {
                some.put(k, v);
            }
        });
        Map<Long, String> names = ReceivablesSql.customerNames(em, some.keySet().stream().map(k -> (Long) k.get(0)).toList());
        some.forEach((k, v) -> {
            long id = (Long) k.get(0);
            Figures f = group(figures, new Object[] { id == 0 ? null : id, names.get(id), k.get(1) });
            f.collected = f.collected.add(v[0]);
            f.planned = f.planned.add(v[1]);
            f.open = f.open.add(v[2]);
        });
    }

    /** Adds {@code amount} to the sums of {@code key} at {@code position}. */
    private static void add(Map<List<Object>, BigDecimal[]> sums, List<Object> key, int position, BigDecimal amount) {
        BigDecimal[] values = sums.computeIfAbsent(key, k -> CustomerMonths.zeros(3));
        values[position] = values[position].add(amount);
    }

    /** Adds rows {@code [customer, currency, amounts…]} times {@code sign} to the sums from position {@code first} on. */
    private static void addSums(Map<List<Object>, BigDecimal[]> sums, List<Object[]> rows, int first, BigDecimal sign) {
        for (Object[] r : rows) {
            BigDecimal[] values = sums.computeIfAbsent(List.of(((Number) r[0]).longValue(), (String) r[1]), k -> CustomerMonths.zeros(3));
            for (int i = 2; i < r.length; i++) {
                values[first + i - 2] = values[first + i - 2].add(ReceivablesSql.money(r[i]).multiply(sign));
            }
        }
    }

    /** The dimension over an instalment {@code i}, which carries its contract's owner and customer. */
    private static ReceivablesSql.Dimension onInstalment(String by, Dialect dialect) {
        return switch (by) {
            case "customer" -> new ReceivablesSql.Dimension(by, "i.CUSTOMER_ID", "MAX(dc.NAME)", " LEFT JOIN {SB_CUSTOMER} dc ON dc.ID = i.CUSTOMER_ID");
            case "team" -> new ReceivablesSql.Dimension(by, "dt.ID", "MAX(dt.NAME)",
                    " LEFT JOIN SB_TEAM_MEMBER dm ON dm.LOGIN = i.OWNER LEFT JOIN SB_TEAM dt ON dt.ID = dm.TEAM_ID");
            case "month" -> new ReceivablesSql.Dimension(by, ReceivablesSql.monthKey(dialect, "i.DUE_DATE"), "MIN(i.DUE_DATE)", "");
            default -> new ReceivablesSql.Dimension("owner", "i.OWNER", "MAX(i.OWNER)", "");
        };
    }

    /** Per owner or team: what is open at the period's end of the instalments due by then. */
    private static void openAtEnd(EntityManager em, Dialect dialect, String by, ReportFilter filter, LocalDate to, Map<String, Map<Object, Figures>> figures,
            boolean totals) {
        boolean current = !to.isBefore(LocalDate.now(Clocks.system()));
        if (current) {
            // what is open now is what the services keep flagged (RECEIVABLE), read from the ageing index
            List<Long> binned = ReceivablesSql.binned(em);
            for (boolean deleted : new boolean[] { false, true }) {
                if (deleted && binned.isEmpty()) {
                    break;
                }
                ReceivablesSql.Dimension d = onInstalment(by, dialect);
                ReceivablesSql sql = totals && !deleted
                        ? new ReceivablesSql().append("SELECT " + d.key() + ", " + d.label() + ", i.CURRENCY, SUM(i.OPEN_AMOUNT) FROM SB_CONTRACT_DUE_TOTAL i" + d.join()
                                + " WHERE i.DUE_DATE <= ?", to)
                        : new ReceivablesSql().append("SELECT " + d.key() + ", " + d.label() + ", i.CURRENCY, SUM(i.AMOUNT - i.PAID)"
                        + " FROM SB_CONTRACT_INSTALMENT i" + d.join() + " WHERE i.RECEIVABLE = TRUE AND i.DUE_DATE <= ?" + (deleted ? ReceivablesSql.ofBinned(binned) : ""), to);
                sql.limit(filter, "i").append(" GROUP BY " + d.key() + ", i.CURRENCY");
                for (Object[] r : sql.rows(em)) {
                    Figures f = group(figures, r);
                    f.open = deleted ? f.open.subtract(ReceivablesSql.money(r[3])) : ReceivablesSql.money(r[3]);
                }
            }
            return;
        }
        ReceivablesSql.Dimension d = ReceivablesSql.Dimension.of(by, dialect, "i.DUE_DATE");
        ReceivablesSql sql = new ReceivablesSql().append("SELECT " + d.key() + ", " + d.label() + ", i.CURRENCY, SUM(i.AMOUNT - COALESCE(p.PAID, 0))"
                + " FROM SB_CONTRACT_INSTALMENT i JOIN {SB_CONTRACT} c ON c.ID = i.CONTRACT_ID");
        sql.append(" LEFT JOIN (SELECT a.INSTALMENT_ID, SUM(a.AMOUNT) AS PAID FROM SB_CONTRACT_ALLOCATION a WHERE a.ON_DATE <= ?"
                + " GROUP BY a.INSTALMENT_ID) p ON p.INSTALMENT_ID = i.ID", to);
        sql.append(d.join() + " WHERE i.ACTIVE = TRUE AND c.DELETED_AT IS NULL AND c.STATUS IN " + ReceivablesSql.RECEIVABLE + " AND i.DUE_DATE <= ?", to);
        sql.limit(filter).append(" GROUP BY " + d.key() + ", i.CURRENCY");
        for (Object[] r : sql.rows(em)) {
            group(figures, r).open = ReceivablesSql.money(r[3]);
        }
    }

    /**
     * Per month: what is open at each month's end (or the period's end). What an instalment due by then still owed
     * then is what it owes now plus what was written off it after then; so per currency: the open amounts now (the
     * flagged instalments, from the ageing index) by due month, added up in order, plus the write-offs dated after each
     * month's end on instalments due by it. Only the write-offs dated within the period or after are read. Contracts in
     * the recycle bin are subtracted. With {@code totals}: the open amounts by due date and the write-offs by due month
     * and write-off month that the database keeps (SB_CONTRACT_DUE_TOTAL, SB_CONTRACT_PAID_TOTAL); only the write-offs
     * dated after the period's end (none, for a period ending today) are read one by one.
     */
    private static void openAtMonthEnds(EntityManager em, Dialect dialect, ReportFilter filter, LocalDate from, LocalDate to,
            Map<String, Map<Object, Figures>> figures, boolean totals) {
        int first = from.getYear() * 100 + from.getMonthValue();
        int last = to.getYear() * 100 + to.getMonthValue();
        LocalDate firstEnd = YearMonth.from(from).atEndOfMonth().isAfter(to) ? to : YearMonth.from(from).atEndOfMonth();
        String dueMonth = ReceivablesSql.monthKey(dialect, "i.DUE_DATE");
        String onMonth = ReceivablesSql.monthKey(dialect, "a.ON_DATE");
        // currency -> due month (0 = before the period) -> open now
        Map<String, Map<Integer, BigDecimal>> openByDue = new HashMap<>();
        // currency -> [due month, write-off month, amount, amount dated after the period]
        Map<String, List<Object[]>> later = new HashMap<>();
        List<Long> binned = ReceivablesSql.binned(em);
        for (boolean deleted : new boolean[] { false, true }) {
            if (deleted && binned.isEmpty()) {
                break;
            }
            String from1 = " FROM SB_CONTRACT_INSTALMENT i";
            String bin = deleted ? ReceivablesSql.ofBinned(binned) : "";
            boolean kept = totals && !deleted;
            ReceivablesSql open = kept ? new ReceivablesSql().append("SELECT " + dueMonth + ", i.CURRENCY, SUM(i.OPEN_AMOUNT) FROM SB_CONTRACT_DUE_TOTAL i"
                    + " WHERE i.DUE_DATE <= ?", to) : new ReceivablesSql().append("SELECT " + dueMonth + ", i.CURRENCY, SUM(i.AMOUNT - i.PAID)" + from1
                    + " WHERE i.RECEIVABLE = TRUE AND i.DUE_DATE <= ?" + bin, to);
            open.limit(filter, "i").append(" GROUP BY " + dueMonth + ", i.CURRENCY");
            for (Object[] r : open.rows(em)) {
                BigDecimal amount = ReceivablesSql.money(r[2]);
                openByDue.computeIfAbsent((String) r[1], c -> new HashMap<>()).merge(ReceivablesSql.month(r[0]) < first ? 0
                        : ReceivablesSql.month(r[0]), deleted ? amount.negate() : amount, BigDecimal::add);
            }
            // each write-off finds its instalment through the index that holds what is asked of it (change set
            // contracts-money-4-write-off-index); left to itself Derby hashed every instalment row for the join
            String byId = dialect != Dialect.POSTGRESQL ? " --DERBY-PROPERTIES joinStrategy=NESTEDLOOP, index=IX_SB_CONTRACT_INSTALMENT_WRITTEN_OFF\n" : "";
            ReceivablesSql paid = new ReceivablesSql().append("SELECT " + dueMonth + ", " + onMonth + ", i.CURRENCY, SUM(a.AMOUNT),"
                    + " SUM(CASE WHEN a.ON_DATE > ? THEN a.AMOUNT ELSE 0 END) FROM SB_CONTRACT_ALLOCATION a JOIN SB_CONTRACT_INSTALMENT i" + byId
                    + " ON i.ID = a.INSTALMENT_ID", to);
            // with the totals only those dated after the period's end, for its last month; the months before from the totals
            paid.append(" WHERE a.ON_DATE > ? AND i.CONTRACT_RECEIVABLE = TRUE AND i.ACTIVE = TRUE AND i.DUE_DATE <= ?" + bin, kept ? to : firstEnd, to);
            paid.limit(filter, "i").append(" GROUP BY " + dueMonth + ", " + onMonth + ", i.CURRENCY");
            if (kept) {
                ReceivablesSql before = new ReceivablesSql().append("SELECT p.DUE_MONTH, p.ON_MONTH, p.CURRENCY, SUM(p.AMOUNT) FROM SB_CONTRACT_PAID_TOTAL p"
                        + " WHERE p.ON_MONTH > ? AND p.DUE_MONTH < ?", first, last);
                before.limit(filter, "p").append(" GROUP BY p.DUE_MONTH, p.ON_MONTH, p.CURRENCY");
                for (Object[] r : before.rows(em)) {
                    later.computeIfAbsent((String) r[2], c -> new ArrayList<>()).add(new Object[] { ReceivablesSql.month(r[0]), ReceivablesSql.month(r[1]),
                            ReceivablesSql.money(r[3]), BigDecimal.ZERO });
                }
            }
            for (Object[] r : paid.rows(em)) {
                BigDecimal amount = kept ? BigDecimal.ZERO : ReceivablesSql.money(r[3]);
                BigDecimal after = ReceivablesSql.money(r[4]);
                later.computeIfAbsent((String) r[2], c -> new ArrayList<>()).add(new Object[] { ReceivablesSql.month(r[0]), ReceivablesSql.month(r[1]),
                        deleted ? amount.negate() : amount, deleted ? after.negate() : after });
            }
        }
        java.util.Set<String> currencies = new java.util.HashSet<>(openByDue.keySet());
        currencies.addAll(later.keySet());
        for (String currency : currencies) {
            Map<Integer, BigDecimal> byDue = openByDue.getOrDefault(currency, Map.of());
            List<Object[]> writeOffs = later.getOrDefault(currency, List.of());
            BigDecimal balance = byDue.getOrDefault(0, BigDecimal.ZERO);
            for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
                int key = month.getYear() * 100 + month.getMonthValue();
                balance = balance.add(byDue.getOrDefault(key, BigDecimal.ZERO));
                BigDecimal open = balance;
                for (Object[] w : writeOffs) {
                    if ((int) w[0] > key) {
                        continue;
                    }
                    if (key == last) {
                        open = open.add((BigDecimal) w[3]);
                    } else if ((int) w[1] > key) {
                        open = open.add((BigDecimal) w[2]);
                    }
                }
                figures.computeIfAbsent(currency, c -> new LinkedHashMap<>()).computeIfAbsent(key, Figures::new).open = open;
            }
        }
    }

    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        context.security().check(Action.READ, Contract.ENTITY, null);
        LocalDate[] period = period(filter);
        String by = filter.by() == null ? "month" : filter.by();
        ReceivablesSql.Dimension d = ReceivablesSql.Dimension.of(by, context.unitOfWork().settings().dialect(), "r.RECEIVED_ON");
        ReceivablesSql sql = new ReceivablesSql().append("SELECT r.CONTRACT_ID, c.CONTRACT_NUMBER, r.RECEIVED_ON, r.AMOUNT"
                + " FROM SB_CONTRACT_RECEIPT r JOIN {SB_CONTRACT} c ON c.ID = r.CONTRACT_ID" + d.join() + " WHERE c.DELETED_AT IS NULL AND r.METHOD <> 'CREDIT' AND r.RECEIVED_ON BETWEEN ? AND ?", period[0], period[1]);
        d.keep(sql, drillKey);
        sql.limit(filter).append(" ORDER BY r.RECEIVED_ON, r.ID");
        return context.unitOfWork().read(em -> sql.rows(em).stream().limit(DRILL_LIMIT)
                .map(r -> new DrillRecord(Contract.ENTITY, ((Number) r[0]).longValue(), r[1] + " " + r[2], ReceivablesSql.money(r[3]))).toList());
    }
}
