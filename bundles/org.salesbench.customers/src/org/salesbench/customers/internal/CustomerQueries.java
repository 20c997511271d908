package org.salesbench.customers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.CustomerStatus;

/**
 * The SQL of the customer list. Plain SQL that Derby and PostgreSQL both run, written for a
 * million rows: text goes through the indexed term table, pages come FETCH-limited, and a
 * virtual table reads rows by id from a snapshot instead of OFFSET scans.
 */
final class CustomerQueries {

    static final String ROW_COLUMNS = "c.ID, c.NAME, c.SHORT_NAME, c.GRADE, c.STATUS, c.INDUSTRY, c.REGION, c.OWNER, "
            + "c.NEXT_FOLLOW_UP, c.UPDATED_AT";

    /**
     * The FROM and WHERE of a filtered list, and their parameters. A text filter drives the query
     * from the term index: the matching ids are found first (a prefix range on the indexed term),
     * then joined to the customers by primary key — Derby would otherwise probe the term table
     * once per customer.
     */
    record Where(String sql, List<Object> parameters) {

        static Where of(CustomerFilter filter, LocalDate today, boolean rangeHint) {
            List<String> conditions = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            String from = " FROM SB_CUSTOMER c";
            if (filter.text() != null) {
                List<String> words = SearchTerms.queryWords(filter.text());
                if (!words.isEmpty()) {
                    List<String> selects = new ArrayList<>();
                    for (String word : words) {
                        String select = "SELECT t.CUSTOMER_ID FROM SB_CUSTOMER_TERM t WHERE t.TERM LIKE ? ESCAPE '\\'";
                        parameters.add(escapeLike(word) + "%");
                        if (rangeHint) {
                            // lets Derby use the term index even though the pattern is a parameter
                            select += " AND t.TERM >= ? AND t.TERM < ?";
                            parameters.add(word);
                            parameters.add(word + Character.MAX_VALUE);
                        }
                        selects.add(select);
                    }
                    String matches = selects.size() == 1 ? selects.get(0).replaceFirst("SELECT ", "SELECT DISTINCT ")
                            : String.join(" INTERSECT ", selects);
                    from = " FROM (" + matches + ") m JOIN SB_CUSTOMER c ON c.ID = m.CUSTOMER_ID";
                }
            }
            if (!filter.grades().isEmpty()) {
                conditions.add("c.GRADE IN (" + placeholders(filter.grades().size()) + ")");
                parameters.addAll(filter.grades().stream().sorted().toList());
            }
            if (!filter.statuses().isEmpty()) {
                conditions.add("c.STATUS IN (" + placeholders(filter.statuses().size()) + ")");
                parameters.addAll(filter.statuses().stream().map(CustomerStatus::name).sorted().toList());
            }
            if (filter.owner() != null) {
                conditions.add("c.OWNER = ?");
                parameters.add(filter.owner());
            }
            if (filter.tag() != null) {
                conditions.add("c.ID IN (SELECT g.CUSTOMER_ID FROM SB_CUSTOMER_TAG g WHERE g.TAG = ?)");
                parameters.add(filter.tag());
            }
            if (filter.followUpOverdue()) {
                conditions.add("c.NEXT_FOLLOW_UP < ?");
                parameters.add(java.sql.Date.valueOf(today));
            }
            return new Where(from + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)), parameters);
        }

        Query bind(Query query) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query;
        }
    }

    private CustomerQueries() {
    }

    static String orderBy(CustomerSort sort) {
        String column = switch (sort.column()) {
            case NAME -> "c.NAME";
            case GRADE -> "c.GRADE";
            case STATUS -> "c.STATUS";
            case INDUSTRY -> "c.INDUSTRY";
            case REGION -> "c.REGION";
            case OWNER -> "c.OWNER";
            case NEXT_FOLLOW_UP -> "c.NEXT_FOLLOW_UP";
            case UPDATED_AT -> "c.UPDATED_AT";
        };
        String direction = sort.ascending() ? " ASC" : " DESC";
        return " ORDER BY " + column + direction + ", c.ID" + direction;
    }

    static long count(EntityManager em, CustomerFilter filter, LocalDate today, boolean rangeHint) {
        Where where = Where.of(filter, today, rangeHint);
        Object n = where.bind(em.createNativeQuery("SELECT COUNT(*)" + where.sql())).getSingleResult();
        return ((Number) n).longValue();
    }

    static List<CustomerRow> page(EntityManager em, CustomerFilter filter, CustomerSort sort, int offset, int limit,
            LocalDate today, boolean rangeHint) {
        Where whereSql = Where.of(filter, today, rangeHint);
        String where = whereSql.sql();
        if (rangeHint && offset == 0 && sort.column() == CustomerSort.Column.NAME && sort.ascending()
                && (filter.text() == null || SearchTerms.queryWords(filter.text()).isEmpty())
                && !where.equals(" FROM SB_CUSTOMER c") && manyMatch(em, whereSql, limit)) {
            // Derby does not weigh FETCH FIRST: for a broad filter it reads every match by its own index and sorts
            // them all (seconds at a million), where walking the name index stops after a few hundred rows
            where = where.replaceFirst("^ FROM SB_CUSTOMER c", " FROM SB_CUSTOMER c --DERBY-PROPERTIES index=IX_SB_CUSTOMER_NAME\n");
        }
        String sql = "SELECT " + ROW_COLUMNS + where + orderBy(sort)
                + (offset > 0 ? " OFFSET " + offset + " ROWS" : "") + " FETCH FIRST " + limit + " ROWS ONLY";
        return rows(whereSql.bind(em.createNativeQuery(sql)).getResultList());
    }

    /**
     * Whether so many customers match that walking the name index finds a page sooner than sorting every
     * match: with M matches among N customers the walk reads about limit·N/M rows and the sort M, which
     * meet at M = √(limit·N). Counted with a cap, so a broad filter costs at most that many index rows.
     */
    private static boolean manyMatch(EntityManager em, Where where, int limit) {
        Number maxId = (Number) em.createNativeQuery("SELECT MAX(ID) FROM SB_CUSTOMER").getSingleResult();
        long customers = maxId == null ? 0 : maxId.longValue(); // ids are handed out in order: an upper bound, from the index
        int enough = (int) Math.max(1_000, Math.sqrt((double) Math.max(limit, 1) * customers));
        return where.bind(em.createNativeQuery("SELECT c.ID" + where.sql())).setMaxResults(enough).getResultList().size() >= enough;
    }

    static long[] ids(EntityManager em, CustomerFilter filter, CustomerSort sort, LocalDate today, boolean rangeHint) {
        Where where = Where.of(filter, today, rangeHint);
        List<?> result = where.bind(em.createNativeQuery("SELECT c.ID" + where.sql() + orderBy(sort)))
                .getResultList();
        long[] ids = new long[result.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ((Number) result.get(i)).longValue();
        }
        return ids;
    }

    static List<CustomerRow> rowsByIds(EntityManager em, long[] ids) {
        java.util.Map<Long, CustomerRow> byId = new java.util.HashMap<>();
        final int chunk = 500;
        for (int from = 0; from < ids.length; from += chunk) {
            int to = Math.min(ids.length, from + chunk);
            String in = java.util.Arrays.stream(ids, from, to).mapToObj(Long::toString).collect(Collectors.joining(","));
            for (CustomerRow row : rows(em.createNativeQuery("SELECT " + ROW_COLUMNS + " FROM SB_CUSTOMER c WHERE c.ID IN (" + in + ")")
                    .getResultList())) {
                byId.put(row.id(), row);
            }
        }
        List<CustomerRow> ordered = new ArrayList<>(ids.length);
        for (long id : ids) {
            CustomerRow row = byId.get(id);
            if (row != null) {
                ordered.add(row);
            }
        }
        return ordered;
    }

    private static List<CustomerRow> rows(List<?> result) {
        List<CustomerRow> rows = new ArrayList<>(result.size());
        for (Object o : result) {
            Object[] r = (Object[]) o;
            rows.add(new CustomerRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    CustomerStatus.valueOf((String) r[4]), (String) r[5], (String) r[6], (String) r[7], localDate(r[8]),
                    instant(r[9])));
        }
        return rows;
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return Timestamp.valueOf(l).toInstant();
        }
        return (Instant) value;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
