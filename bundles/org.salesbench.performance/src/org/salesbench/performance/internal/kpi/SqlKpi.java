package org.salesbench.performance.internal.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Query;

import org.salesbench.performance.kpi.Kpi;
import org.salesbench.performance.kpi.KpiQuery;

/**
 * A built-in KPI computed by one SQL aggregate over a table another module publishes for reporting. {@code {owners}}
 * in the SQL stands for the query's logins; other parameters are bound in order after them.
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

    /** Runs {@code sql} (one row of numbers) with {@code {owners}} replaced and the parameters bound after the logins. */
    static Object[] row(KpiQuery query, String sql, Object... parameters) {
        String text = sql.replace("{owners}", query.placeholders());
        List<Object> binds = new ArrayList<>();
        // {owners} may appear once only, before the other parameters
        Query q = query.em().createNativeQuery(text);
        int next = query.bindLogins(q, 1);
        for (Object p : parameters) {
            binds.add(p);
        }
        for (Object p : binds) {
            q.setParameter(next++, jdbc(p));
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
