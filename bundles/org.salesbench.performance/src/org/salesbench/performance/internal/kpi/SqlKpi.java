package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;

import jakarta.persistence.Query;

import org.salesbench.performance.kpi.Kpi;
import org.salesbench.performance.kpi.KpiQuery;

/**
 * A built-in KPI computed by one SQL aggregate over a table another module publishes for reporting. {@code {owners}}
 * in the SQL stands for the query's logins.
 */
abstract class SqlKpi implements Kpi {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public BigDecimal value(KpiQuery query) {
        if (query.logins().isEmpty()) {
            return null;
        }
        return compute(query);
    }

    abstract BigDecimal compute(KpiQuery query);

    /**
     * Runs {@code sql} (one row of numbers) with {@code {owners}} (once) replaced by the logins' placeholders; the
     * parameters are bound in the order of their {@code ?} in the text, the logins where {@code {owners}} stands.
     */
    static Object[] row(KpiQuery query, String sql, Object... parameters) {
        int at = sql.indexOf("{owners}");
        int before = (int) sql.substring(0, Math.max(at, 0)).chars().filter(c -> c == '?').count();
        Query q = query.em().createNativeQuery(sql.replace("{owners}", query.placeholders()));
        int next = 1;
        for (int i = 0; i < before; i++) {
            q.setParameter(next++, jdbc(parameters[i]));
        }
        next = query.bindLogins(q, next);
        for (int i = before; i < parameters.length; i++) {
            q.setParameter(next++, jdbc(parameters[i]));
        }
        Object result = q.getSingleResult();
        return result instanceof Object[] array ? array : new Object[] {result};
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
