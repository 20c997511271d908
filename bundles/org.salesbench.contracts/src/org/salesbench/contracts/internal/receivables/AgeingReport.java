package org.salesbench.contracts.internal.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * Receivables ageing as of the filter's last day (today when none): what is open of the instalments of approved
 * contracts, not yet due, and due 0–30, 31–60, 61–90 and over 90 days ago, by customer, owner or team. One aggregate
 * query; as of today it reads the instalments' paid amounts, as of a past day their write-offs up to that day.
 */
public class AgeingReport implements Report {

    public static final String ID = "ageing";
    private static final int DRILL_LIMIT = 1000;

    /** The day the report is as of. */
    static LocalDate asOf(ReportFilter filter) {
        return filter.to() != null ? filter.to() : LocalDate.now(Clocks.system());
    }

    @Override
    public ReportResult run(ReportContext context, ReportFilter filter) {
        context.security().check(Action.READ, Contract.ENTITY, null);
        LocalDate asOf = asOf(filter);
        ReceivablesSql.Dimension dimension = ReceivablesSql.Dimension.of(filter.by() == null ? "customer" : filter.by(),
                context.unitOfWork().settings().dialect(), "i.DUE_DATE");
        List<Object[]> found;
        if (current(asOf) && !dimension.id().equals("month")) {
            boolean customer = dimension.id().equals("customer");
            // by customer the kept rows hold no owner: a filter by owner or team asks the exact query
            boolean totals = ReceivablesSql.readsTotals(context)
                    && (!customer || asOf.equals(LocalDate.now(Clocks.system())) && filter.owner() == null && filter.teamId() == null);
            if (totals && customer && !asOf.equals(context.unitOfWork().read(ContractAgeing::day))) {
                // the first read of a new day brings the kept rows to it
                ContractAgeing.moveTo(context.unitOfWork(), asOf);
            }
            found = context.unitOfWork().read(em -> openNow(em, dimension, filter, asOf, totals));
        } else if (!dimension.id().equals("month") && ReceivablesSql.readsTotals(context)) {
            // a past day: what is open now as of that day, the write-offs dated after it put back (the totals kept per
            // owner, or per customer and month, so only who reads every contract; by customer for one owner or team,
            // what their instalments owe now)
            Dialect dialect = context.unitOfWork().settings().dialect();
            found = context.unitOfWork().read(em -> openAsOf(em, dialect, dimension, filter, asOf));
        } else {
            ReceivablesSql sql = new ReceivablesSql().append("SELECT " + dimension.key() + ", " + dimension.label() + ", i.CURRENCY");
            open(sql, asOf);
            sql.append(" FROM SB_CONTRACT_INSTALMENT i JOIN {SB_CONTRACT} c ON c.ID = i.CONTRACT_ID");
            paidAsOf(sql, asOf);
            sql.append(dimension.join()).append(" WHERE i.ACTIVE = TRUE AND c.DELETED_AT IS NULL AND c.STATUS IN " + ReceivablesSql.RECEIVABLE + stillOpen(asOf));
            sql.limit(filter).append(" GROUP BY " + dimension.key() + ", i.CURRENCY");
            found = context.unitOfWork().read(sql::rows);
        }
        // one currency per result: the one with the most open, the others named in the note
        Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
        for (Object[] r : found) {
            byCurrency.merge((String) r[2], ReceivablesSql.money(r[8]), BigDecimal::add);
        }
        String currency = byCurrency.entrySet().stream().max(Map.Entry.<String, BigDecimal> comparingByValue()
                .thenComparing(e -> e.getKey().equals(Money.DEFAULT_CURRENCY) ? 1 : 0)).map(Map.Entry::getKey).orElse(Money.DEFAULT_CURRENCY);
        List<ReportRow> rows = new ArrayList<>();
        for (Object[] r : found) {
            if (!currency.equals(r[2]) || ReceivablesSql.money(r[8]).signum() == 0) {
                continue;
            }
            List<Object> values = new ArrayList<>();
            values.add(label(dimension, r[0], r[1]));
            for (int i = 3; i <= 8; i++) {
                values.add(ReceivablesSql.money(r[i]));
            }
            rows.add(new ReportRow(values, ReceivablesSql.Dimension.drillKey(r[0])));
        }
        rows.sort(Comparator.comparing((ReportRow row) -> (BigDecimal) row.value(6)).reversed().thenComparing(row -> String.valueOf(row.value(0))));
        String note = byCurrency.size() <= 1 ? null : NLS.bind(Messages.Report_otherCurrencies, currency);
        return new ReportResult(ID, Messages.Ageing_title, filter.withTo(asOf), columns(dimension), rows, ChartKind.BAR, currency, note);
    }

    /**
     * As of today: the open instalments by the flag the services keep ({@code RECEIVABLE}), read from an index that
     * holds every column the buckets need, grouped by owner or customer (teams from the owners' groups); then what
     * of it belongs to contracts in the recycle bin, read through the contracts' deletion index and subtracted. By
     * customer, the customers' names are joined to the grouped rows in the same query. Every bucket is a sum over all
     * rows ({@code ELSE 0}): a bucket summing NULLs makes Derby add a "null value eliminated" warning per row returned,
     * chained one after the other, which cost seconds over thousands of customers. With {@code totals} (by owner or
     * team, for who reads every contract) the open amounts are read from the totals per owner, currency and due date
     * the database keeps ({@code SB_CONTRACT_DUE_TOTAL}, change set contracts-money-5-totals) instead of the instalments;
     * by customer as of today, from the buckets it keeps per customer ({@link ContractAgeing}, the caller having brought
     * them to today).
     */
    static List<Object[]> openNow(EntityManager em, ReceivablesSql.Dimension dimension, ReportFilter filter, LocalDate asOf, boolean totals) {
        Map<List<Object>, Object[]> rows = new LinkedHashMap<>();
        List<Long> binned = ReceivablesSql.binned(em);
        for (boolean deleted : new boolean[] { false, true }) {
            if (deleted && binned.isEmpty()) {
                break;
            }
            List<Object[]> found = totals && !deleted && dimension.id().equals("customer") ? ContractAgeing.rows(em)
                    : openNowSql(dimension, filter, asOf, deleted ? binned : null, totals && !deleted).rows(em);
            for (Object[] r : found) {
                boolean labelled = !deleted || !dimension.id().equals("customer"); // the bin's pass gives no customer names
                Object[] row = rows.computeIfAbsent(Arrays.asList(r[0], r[2]), k -> new Object[] { r[0], labelled ? r[1] : null, r[2], null, null, null, null, null, null });
                if (row[1] == null && labelled) {
                    row[1] = r[1];
                }
                for (int i = 3; i <= 8; i++) {
                    BigDecimal value = r[i] == null ? null : ReceivablesSql.money(r[i]);
                    if (value != null) {
                        BigDecimal before = row[i] == null ? BigDecimal.ZERO : (BigDecimal) row[i];
                        row[i] = deleted ? before.subtract(value) : before.add(value);
                    }
                }
            }
        }
        return new ArrayList<>(rows.values());
    }

    /**
     * As of a past day, for who reads every contract: what an instalment owed then is what it owes now plus what was
     * written off it after the day. So the open amounts now in their buckets as of the day (by owner or team from the
     * totals per owner and due date, SB_CONTRACT_DUE_TOTAL; by customer from those per customer and due month,
     * {@link CustomerMonths}; by customer for one owner or team from their open instalments), plus the write-offs dated
     * after the day in their instalment's bucket (each carries its instalment's due date, customer and whether it counts:
     * {@link ReceivablesSql#writtenOffAfter}), less what of it belongs to contracts in the recycle bin (their rows
     * exactly). Teams from the owners' groups.
     */
    static List<Object[]> openAsOf(EntityManager em, Dialect dialect, ReceivablesSql.Dimension dimension, ReportFilter filter, LocalDate asOf) {
        boolean customer = dimension.id().equals("customer");
        String base = customer ? "COALESCE(i.CUSTOMER_ID, 0)" : "i.OWNER";
        // [key, currency] -> the buckets in the report's order: not due, 0-30, 31-60, 61-90, over 90
        Map<List<Object>, BigDecimal[]> sums = new LinkedHashMap<>();
        if (customer && (filter.owner() != null || filter.teamId() != null)) {
            // the kept rows per customer hold no owner: what the owner's or team's instalments owe now, in their buckets
            // as of the day, read through the owner's index
            for (Object[] r : openNowSql(dimension, filter, asOf, null, false).rows(em)) {
                BigDecimal[] row = new BigDecimal[5];
                for (int i = 0; i < 5; i++) {
                    row[i] = ReceivablesSql.money(r[3 + i]);
                }
                add(sums, Arrays.asList(r[0] == null ? 0L : ((Number) r[0]).longValue(), r[2]), row, BigDecimal.ONE);
            }
        } else if (customer) {
            // the ranges in date order: over 90, 61-90, 31-60, 0-30, not due
            List<LocalDate> cuts = List.of(asOf.minusDays(90), asOf.minusDays(60), asOf.minusDays(30), asOf.plusDays(1));
            CustomerMonths.sums(em, dialect, CustomerMonths.Source.OPEN, cuts, new boolean[] { true, true, true, true, true }).forEach((k, v) -> {
                BigDecimal[] row = { v[4], v[3], v[2], v[1], v[0] };
                add(sums, k, row, BigDecimal.ONE);
            });
        } else {
            add(sums, buckets(new ReceivablesSql().append("SELECT i.OWNER, i.CURRENCY"), "i.OPEN_AMOUNT", asOf)
                    .append(" FROM SB_CONTRACT_DUE_TOTAL i WHERE i.OPEN_AMOUNT <> 0").limit(filter, "i").append(" GROUP BY i.OWNER, i.CURRENCY").rows(em),
                    BigDecimal.ONE);
        }
        // the write-offs dated after the day, each in its instalment's bucket as of the day (summed here: see writtenOffAfter)
        for (Object[] r : ReceivablesSql.writtenOffAfter(em, dialect, customer, filter, asOf, null)) {
            int bucket = (Integer) r[2];
            BigDecimal[] to = sums.computeIfAbsent(Arrays.asList(r[0], r[1]), k -> CustomerMonths.zeros(5));
            to[bucket] = to[bucket].add((BigDecimal) r[3]);
        }
        List<Long> binned = ReceivablesSql.binned(em);
        if (!binned.isEmpty()) {
            add(sums, buckets(new ReceivablesSql().append("SELECT " + base + ", i.CURRENCY"), "(i.AMOUNT - COALESCE(p.PAID, 0))", asOf)
                    .append(" FROM SB_CONTRACT_INSTALMENT i LEFT JOIN (SELECT a.INSTALMENT_ID, SUM(a.AMOUNT) AS PAID FROM SB_CONTRACT_ALLOCATION a"
                            + " WHERE a.ON_DATE <= ?" + ReceivablesSql.ofBinned(binned).replace("i.CONTRACT_ID", "a.CONTRACT_ID")
                            + " GROUP BY a.INSTALMENT_ID) p ON p.INSTALMENT_ID = i.ID", asOf)
                    .append(" WHERE i.CONTRACT_RECEIVABLE = TRUE AND i.ACTIVE = TRUE" + ReceivablesSql.ofBinned(binned))
                    .limit(filter, "i").append(" GROUP BY " + base + ", i.CURRENCY").rows(em), BigDecimal.ONE.negate());
        }
        // the rows as the report groups them: [key, label, currency, the five buckets, the open amount]
        Map<List<Object>, Object[]> rows = new LinkedHashMap<>();
        Map<Long, String> names = customer ? ReceivablesSql.customerNames(em, sums.keySet().stream().map(k -> (Long) k.get(0)).toList()) : Map.of();
        Map<String, List<Object[]>> teams = dimension.id().equals("team") ? ReceivablesSql.teamsOf(em) : Map.of();
        sums.forEach((k, v) -> {
            List<Object[]> groups;
            if (customer) {
                long id = (Long) k.get(0);
                groups = List.<Object[]> of(new Object[] { id == 0 ? null : id, names.get(id) });
            } else if (dimension.id().equals("team")) {
                groups = teams.getOrDefault(k.get(0), List.<Object[]> of(new Object[] { null, null }));
            } else {
                groups = List.<Object[]> of(new Object[] { k.get(0), k.get(0) });
            }
            for (Object[] g : groups) {
                Object[] row = rows.computeIfAbsent(Arrays.asList(g[0], k.get(1)), x -> new Object[] { g[0], g[1], k.get(1), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
                for (int i = 0; i < 5; i++) {
                    row[3 + i] = ((BigDecimal) row[3 + i]).add(v[i]);
                    row[8] = ((BigDecimal) row[8]).add(v[i]);
                }
            }
        });
        return new ArrayList<>(rows.values());
    }

    /** Adds the rows {@code [key, currency, five buckets]} times {@code sign}. */
    private static void add(Map<List<Object>, BigDecimal[]> sums, List<Object[]> rows, BigDecimal sign) {
        for (Object[] r : rows) {
            Object key = r[0] instanceof Number n ? Long.valueOf(n.longValue()) : r[0];
            BigDecimal[] values = new BigDecimal[5];
            for (int i = 0; i < 5; i++) {
                values[i] = ReceivablesSql.money(r[2 + i]);
            }
            add(sums, Arrays.asList(key, r[1]), values, sign);
        }
    }

    private static void add(Map<List<Object>, BigDecimal[]> sums, List<Object> key, BigDecimal[] values, BigDecimal sign) {
        BigDecimal[] to = sums.computeIfAbsent(key, k -> CustomerMonths.zeros(5));
        for (int i = 0; i < 5; i++) {
            to[i] = to[i].add(values[i].multiply(sign));
        }
    }

    /** Appends the five buckets of {@code amount} by the due date of {@code i} as of the day. */
    private static ReceivablesSql buckets(ReceivablesSql sql, String amount, LocalDate asOf) {
        return sql.append(", SUM(CASE WHEN i.DUE_DATE > ? THEN " + amount + " ELSE 0 END)", asOf)
                .append(", SUM(CASE WHEN i.DUE_DATE <= ? AND i.DUE_DATE >= ? THEN " + amount + " ELSE 0 END)", asOf, asOf.minusDays(30))
                .append(", SUM(CASE WHEN i.DUE_DATE < ? AND i.DUE_DATE >= ? THEN " + amount + " ELSE 0 END)", asOf.minusDays(30), asOf.minusDays(60))
                .append(", SUM(CASE WHEN i.DUE_DATE < ? AND i.DUE_DATE >= ? THEN " + amount + " ELSE 0 END)", asOf.minusDays(60), asOf.minusDays(90))
                .append(", SUM(CASE WHEN i.DUE_DATE < ? THEN " + amount + " ELSE 0 END)", asOf.minusDays(90));
    }

    /** The open amounts now by owner, customer or team; of the contracts {@code binned} only, when given. */
    private static ReceivablesSql openNowSql(ReceivablesSql.Dimension dimension, ReportFilter filter, LocalDate asOf, List<Long> binned, boolean totals) {
        boolean customer = dimension.id().equals("customer");
        String base = customer ? "i.CUSTOMER_ID" : "i.OWNER";
        boolean team = dimension.id().equals("team");
        // customers' names only where the rows are labelled (not for the recycle bin's, subtracted from them)
        boolean names = customer && binned == null;
        ReceivablesSql sql = new ReceivablesSql();
        if (team) {
            sql.append("SELECT dt.ID, MAX(dt.NAME), g.CUR, SUM(g.B1), SUM(g.B2), SUM(g.B3), SUM(g.B4), SUM(g.B5), SUM(g.B6) FROM (");
        } else if (names) {
            // grouped on the instalments first, each group's customer joined after by its key: joining the customers
            // before grouping made Derby scan them per group
            sql.append("SELECT g.K, dc.NAME, g.CUR, g.B1, g.B2, g.B3, g.B4, g.B5, g.B6 FROM (");
        }
        sql.append("SELECT " + base + " AS K, " + (customer ? "MAX(i.CURRENCY)" : "MAX(i.OWNER)") + " AS L, i.CURRENCY AS CUR");
        String open = totals ? "i.OPEN_AMOUNT" : "(i.AMOUNT - i.PAID)";
        sql.append(", SUM(CASE WHEN i.DUE_DATE > ? THEN " + open + " ELSE 0 END) AS B1", asOf)
                .append(", SUM(CASE WHEN i.DUE_DATE <= ? AND i.DUE_DATE >= ? THEN " + open + " ELSE 0 END) AS B2", asOf, asOf.minusDays(30))
                .append(", SUM(CASE WHEN i.DUE_DATE < ? AND i.DUE_DATE >= ? THEN " + open + " ELSE 0 END) AS B3", asOf.minusDays(30), asOf.minusDays(60))
                .append(", SUM(CASE WHEN i.DUE_DATE < ? AND i.DUE_DATE >= ? THEN " + open + " ELSE 0 END) AS B4", asOf.minusDays(60), asOf.minusDays(90))
                .append(", SUM(CASE WHEN i.DUE_DATE < ? THEN " + open + " ELSE 0 END) AS B5", asOf.minusDays(90))
                .append(", SUM(" + open + ") AS B6 FROM " + (totals ? "SB_CONTRACT_DUE_TOTAL i WHERE i.OPEN_AMOUNT <> 0" : "SB_CONTRACT_INSTALMENT i WHERE i.RECEIVABLE = TRUE"));
        if (binned != null) {
            sql.append(ReceivablesSql.ofBinned(binned));
        }
        sql.limit(filter, "i").append(" GROUP BY " + base + ", i.CURRENCY");
        if (team) {
            sql.append(") g LEFT JOIN SB_TEAM_MEMBER dm ON dm.LOGIN = g.K LEFT JOIN SB_TEAM dt ON dt.ID = dm.TEAM_ID GROUP BY dt.ID, g.CUR");
        } else if (names) {
            sql.append(") g LEFT JOIN {SB_CUSTOMER} dc ON dc.ID = g.K");
        }
        return sql;
    }

    /** Selects the open amount in the buckets and returns its expression. */
    private static String open(ReceivablesSql sql, LocalDate asOf) {
        String open = current(asOf) ? "(i.AMOUNT - i.PAID)" : "(i.AMOUNT - COALESCE(p.PAID, 0))";
        buckets(sql, open, asOf).append(", SUM(" + open + ")");
        return open;
    }

    /** As of today (or later) the instalments' paid amounts are the write-offs up to the day. */
    private static boolean current(LocalDate asOf) {
        return !asOf.isBefore(LocalDate.now(Clocks.system()));
    }

    /**
     * As of today, only the instalments not fully paid. (As of a past day the fully paid add nothing; Derby 10.17 returns
     * no row at all when the open amount over the joined write-offs is tested in the WHERE clause.)
     */
    private static String stillOpen(LocalDate asOf) {
        return current(asOf) ? " AND i.PAID < i.AMOUNT" : "";
    }

    private static void paidAsOf(ReceivablesSql sql, LocalDate asOf) {
        if (!current(asOf)) {
            sql.append(" LEFT JOIN (SELECT a.INSTALMENT_ID, SUM(a.AMOUNT) AS PAID FROM SB_CONTRACT_ALLOCATION a WHERE a.ON_DATE <= ?"
                    + " GROUP BY a.INSTALMENT_ID) p ON p.INSTALMENT_ID = i.ID", asOf);
        }
    }

    static String label(ReceivablesSql.Dimension dimension, Object key, Object label) {
        if (key == null) {
            return dimension.id().equals("team") ? Messages.Report_noTeam : Messages.Report_none;
        }
        return label == null ? key.toString() : label.toString();
    }

    private static List<ReportColumn> columns(ReceivablesSql.Dimension dimension) {
        return Arrays.asList(new ReportColumn(dimension.id(), dimensionLabel(dimension.id()), Unit.TEXT, null),
                new ReportColumn("not_due", Messages.Ageing_notDue, Unit.MONEY, "receivable_not_due"),
                new ReportColumn("days_0_30", Messages.Ageing_0_30, Unit.MONEY, "receivable_0_30"),
                new ReportColumn("days_31_60", Messages.Ageing_31_60, Unit.MONEY, "receivable_31_60"),
                new ReportColumn("days_61_90", Messages.Ageing_61_90, Unit.MONEY, "receivable_61_90"),
                new ReportColumn("days_over_90", Messages.Ageing_over90, Unit.MONEY, "receivable_over_90"),
                new ReportColumn("open", Messages.Ageing_open, Unit.MONEY, "receivable_open"));
    }

    static String dimensionLabel(String id) {
        return switch (id) {
            case "customer" -> Messages.Dimension_customer;
            case "team" -> Messages.Dimension_team;
            case "month" -> Messages.Dimension_month;
            default -> Messages.Dimension_owner;
        };
    }

    @Override
    public List<DrillRecord> drillDown(ReportContext context, ReportFilter filter, String drillKey) {
        context.security().check(Action.READ, Contract.ENTITY, null);
        LocalDate asOf = asOf(filter);
        ReceivablesSql.Dimension dimension = ReceivablesSql.Dimension.of(filter.by() == null ? "customer" : filter.by(),
                context.unitOfWork().settings().dialect(), "i.DUE_DATE");
        String open = current(asOf) ? "(i.AMOUNT - i.PAID)" : "(i.AMOUNT - COALESCE(p.PAID, 0))";
        ReceivablesSql sql = new ReceivablesSql().append("SELECT c.ID, MAX(c.CONTRACT_NUMBER), MAX(c.TITLE), SUM(" + open + ")"
                + " FROM SB_CONTRACT_INSTALMENT i JOIN {SB_CONTRACT} c ON c.ID = i.CONTRACT_ID");
        paidAsOf(sql, asOf);
        sql.append(dimension.join()).append(" WHERE i.ACTIVE = TRUE AND c.DELETED_AT IS NULL AND c.STATUS IN " + ReceivablesSql.RECEIVABLE + stillOpen(asOf));
        dimension.keep(sql, drillKey);
        sql.limit(filter).append(" GROUP BY c.ID ORDER BY SUM(" + open + ") DESC");
        return context.unitOfWork().read(em -> sql.rows(em).stream().filter(r -> ReceivablesSql.money(r[3]).signum() != 0).limit(DRILL_LIMIT)
                .map(r -> new DrillRecord(Contract.ENTITY, ((Number) r[0]).longValue(), r[1] + " " + r[2], ReceivablesSql.money(r[3]))).toList());
    }
}
