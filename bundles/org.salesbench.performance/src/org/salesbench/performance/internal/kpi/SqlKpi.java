package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.Query;

import org.salesbench.performance.kpi.Kpi;
import org.salesbench.performance.kpi.KpiQuery;
import org.salesbench.persistence.MaskingViews;

/**
 * A built-in KPI computed by one SQL aggregate over a table another module publishes for reporting. {@code {owners}}
 * in the SQL stands for the query's logins. The same aggregate grouped by its login column gives a leaderboard every
 * person's value in one query over the period's rows ({@link #valuesEach}).
 */
abstract class SqlKpi implements Kpi {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The KPI's aggregate: {@code select} (its {@code width} aggregates) over {@code fromWhere} (FROM and WHERE, with
     * {@code {owners}} once where the logins go), grouped for a leaderboard by {@code loginColumn}; the parameters in
     * the order of their {@code ?} in the text, the logins aside.
     */
    record Aggregate(String loginColumn, String select, int width, String fromWhere, Object... parameters) {
    }

    @Override
    public BigDecimal value(KpiQuery query) {
        if (query.logins().isEmpty()) {
            return null;
        }
        return compute(query);
    }

    /** The value of the query's logins together: the aggregate's one row made a value with the query's target. */
    BigDecimal compute(KpiQuery query) {
        Aggregate a = aggregate(query);
        return value(row(query, "SELECT " + a.select() + " " + a.fromWhere(), a.parameters()), query.target());
    }

    /** The aggregate for {@code query}'s period and parameter (its logins and target aside). */
    abstract Aggregate aggregate(KpiQuery query);

    /** The value from one row of the aggregate (all null: no record of the login), against {@code target}. */
    abstract BigDecimal value(Object[] row, BigDecimal target);

    /**
     * Everyone's value from one query: the aggregate over every row of the period grouped by login, without the logins
     * bound (a list of hundreds of logins made Derby and PostgreSQL probe the rows login by login instead of reading the
     * period's range of an index such as {@code IX_SB_OPP_WON}); the groups of logins not asked for are dropped here, so
     * each value is what {@link #value} gives for that login alone. Row-level security applies to the grouped query as
     * to any other: a login whose rows the reader may not see counts nothing.
     */
    @Override
    public Map<String, BigDecimal> valuesEach(KpiQuery query, Map<String, BigDecimal> targets) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        if (query.logins().isEmpty()) {
            return values;
        }
        Aggregate a = aggregate(query);
        Map<String, Object[]> rows = new HashMap<>();
        Set<String> asked = new HashSet<>(query.logins());
        for (Object[] r : rows(query, "SELECT " + a.loginColumn() + ", " + a.select() + " " + everyone(a) + " GROUP BY " + a.loginColumn(),
                a.parameters())) {
            if (asked.contains(r[0])) {
                rows.put((String) r[0], Arrays.copyOfRange(r, 1, r.length));
            }
        }
        Object[] none = new Object[a.width()];
        for (String login : query.logins()) {
            values.put(login, value(rows.getOrDefault(login, none), targets.get(login)));
        }
        return values;
    }

    /** The aggregate's FROM and WHERE with its {@code login IN ({owners})} condition made true for every row. */
    static String everyone(Aggregate a) {
        String in = a.loginColumn() + " IN ({owners})";
        if (!a.fromWhere().contains(in)) {
            throw new IllegalStateException("A KPI aggregate must select its logins by " + in + ": " + a.fromWhere());
        }
        return a.fromWhere().replace(in, "1 = 1");
    }

    /**
     * Runs {@code sql} (one row of numbers) with {@code {owners}} (once, if at all) replaced by the logins' placeholders;
     * the parameters are bound in the order of their {@code ?} in the text, the logins where {@code {owners}} stands.
     */
    static Object[] row(KpiQuery query, String sql, Object... parameters) {
        Object result = query(query, sql, parameters).getSingleResult();
        return result instanceof Object[] array ? array : new Object[] {result};
    }

    /** Runs {@code sql} as {@link #row} does, for many rows. */
    static List<Object[]> rows(KpiQuery query, String sql, Object... parameters) {
        List<Object[]> rows = new ArrayList<>();
        for (Object result : query(query, sql, parameters).getResultList()) {
            rows.add(result instanceof Object[] array ? array : new Object[] {result});
        }
        return rows;
    }

    private static Query query(KpiQuery query, String sql, Object... parameters) {
        int at = sql.indexOf("{owners}");
        int before = at < 0 ? parameters.length : (int) sql.substring(0, at).chars().filter(c -> c == '?').count();
        Query q = MaskingViews.query(query.em(), sql.replace("{owners}", query.placeholders()));
        int next = 1;
        for (int i = 0; i < before; i++) {
            q.setParameter(next++, jdbc(parameters[i]));
        }
        if (at >= 0) {
            next = query.bindLogins(q, next);
        }
        for (int i = before; i < parameters.length; i++) {
            q.setParameter(next++, jdbc(parameters[i]));
        }
        return q;
    }

    /** A count or sum that is zero when no record was aggregated. */
    static BigDecimal orZero(Object value) {
        BigDecimal d = decimal(value);
        return d == null ? BigDecimal.ZERO : d;
    }

    static Object jdbc(Object value) {
        if (value instanceof LocalDate date) {
            return Date.valueOf(date);
        }
        return value;
    }

    static Timestamp startOf(LocalDate day) {
        return Timestamp.valueOf(day.atStartOfDay());
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return new BigDecimal(value.toString());
    }

    /** part × 100 / whole, four places; null when whole is 0. */
    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return (part == null ? BigDecimal.ZERO : part).multiply(HUNDRED).divide(whole, 4, RoundingMode.HALF_UP);
    }
}
