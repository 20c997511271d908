package org.salesbench.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.salesbench.persistence.MaskingViews;

/**
 * One aggregate query under construction: select list, from with joins, conditions, grouping,
 * and the parameters in the order they appear. Conditions are ANDed.
 */
final class Sql {

    private final List<String> select = new ArrayList<>();
    private final StringBuilder from = new StringBuilder();
    private final List<Object> fromParams = new ArrayList<>();
    private final List<String> where = new ArrayList<>();
    private final List<Object> whereParams = new ArrayList<>();
    private final List<String> groupBy = new ArrayList<>();
    private String orderBy;

    Sql(String from, Object... params) {
        this.from.append(from);
        fromParams.addAll(List.of(params));
    }

    /** A copy with the same from and conditions, but no select list, grouping or order. */
    Sql base() {
        Sql copy = new Sql(from.toString(), fromParams.toArray());
        copy.where.addAll(where);
        copy.whereParams.addAll(whereParams);
        return copy;
    }

    Sql select(String expression) {
        select.add(expression);
        return this;
    }

    Sql join(String join, Object... params) {
        if (!join.isEmpty()) {
            from.append(' ').append(join);
            fromParams.addAll(List.of(params));
        }
        return this;
    }

    Sql where(String condition, Object... params) {
        where.add(condition);
        whereParams.addAll(List.of(params));
        return this;
    }

    Sql groupBy(String expression) {
        groupBy.add(expression);
        return this;
    }

    Sql orderBy(String order) {
        orderBy = order;
        return this;
    }

    /** The parameters in the order they appear: those of the from clause, then those of the conditions. */
    List<Object> parameters() {
        List<Object> all = new ArrayList<>(fromParams);
        all.addAll(whereParams);
        return all;
    }

    @Override
    public String toString() {
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select)).append(" FROM ").append(from);
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groupBy));
        }
        if (orderBy != null) {
            sql.append(" ORDER BY ").append(orderBy);
        }
        return sql.toString();
    }

    /** Runs the query; each row as an array, also when one column is selected. */
    List<Object[]> rows(EntityManager em) {
        Query query = MaskingViews.query(em, toString());
        int i = 1;
        for (Object p : parameters()) {
            query.setParameter(i++, jdbc(p));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] array ? array : new Object[] {row});
        }
        return rows;
    }

    static Object jdbc(Object value) {
        if (value instanceof LocalDate date) {
            return java.sql.Date.valueOf(date);
        }
        if (value instanceof LocalDateTime time) {
            return Timestamp.valueOf(time);
        }
        return value;
    }

    static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** An amount rounded to cents; {@code null} (nothing summed) is zero. */
    static BigDecimal money(Object value) {
        BigDecimal amount = value == null ? BigDecimal.ZERO
                : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static Long id(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.util.Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
