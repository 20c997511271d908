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
     * How a text filter finds its customers. Driving from the term index costs in proportion to the
     * matches; probing the terms of each customer in list order costs in proportion to the customers
     * read before a page is full. A rare word is best driven, a common one best probed.
     */
    enum TextPlan {
        /** The matching ids first (a prefix range on the indexed term), joined to the customers by key. */
        DRIVE_FROM_TERMS,
        /** Customers in the order of the name index, each kept if its terms match; stops at the page's end. */
        PROBE_IN_NAME_ORDER
    }

    /** The FROM and WHERE of a filtered list, and their parameters. */
    record Where(String sql, List<Object> parameters) {

        static Where of(CustomerFilter filter, LocalDate today, boolean rangeHint) {
            return of(filter, today, rangeHint, TextPlan.DRIVE_FROM_TERMS);
        }

        static Where of(CustomerFilter filter, LocalDate today, boolean rangeHint, TextPlan plan) {
            List<String> conditions = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            String from = " FROM SB_CUSTOMER c";
            if (filter.text() != null) {
                List<String> words = SearchTerms.queryWords(filter.text());
                if (!words.isEmpty() && plan == TextPlan.PROBE_IN_NAME_ORDER) {
                    // Derby's optimizer cannot see that the page ends early and would rather hash the whole term
                    // table: its overrides (comments elsewhere) keep it on the name index and per-customer probes
                    if (rangeHint) {
                        from = " FROM --DERBY-PROPERTIES joinOrder=FIXED\n SB_CUSTOMER c --DERBY-PROPERTIES index=IX_SB_CUSTOMER_NAME\n";
                    }
                    String terms = rangeHint
                            ? "SB_CUSTOMER_TERM t --DERBY-PROPERTIES constraint=FK_SB_CUSTOMER_TERM, joinStrategy=NESTEDLOOP\n"
                            : "SB_CUSTOMER_TERM t";
                    for (String word : words) {
                        conditions.add("EXISTS (SELECT 1 FROM " + terms + " WHERE t.CUSTOMER_ID = c.ID AND " + termMatch(word, rangeHint, parameters) + ")");
                    }
                } else if (!words.isEmpty()) {
                    List<String> selects = new ArrayList<>();
                    for (String word : words) {
                        selects.add("SELECT t.CUSTOMER_ID FROM SB_CUSTOMER_TERM t WHERE " + termMatch(word, rangeHint, parameters));
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

        private static String termMatch(String word, boolean rangeHint, List<Object> parameters) {
            parameters.add(escapeLike(word) + "%");
            if (!rangeHint) {
                return "t.TERM LIKE ? ESCAPE '\\'";
            }
            // lets Derby use the term index even though the pattern is a parameter
            parameters.add(word);
            parameters.add(word + Character.MAX_VALUE);
            return "t.TERM LIKE ? ESCAPE '\\' AND t.TERM >= ? AND t.TERM < ?";
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

    /** Term rows counted at most per word when choosing a plan: an index-only range read of a few milliseconds. */
    static final int MATCHES_COUNTED = 50_000;

    /**
     * How many customers, in name order, a probing read may visit before it gives up for the driven one,
     * or 0 when the text is better driven from the terms. With M matches among N customers, driving costs
     * about M key look-ups and probing about limit·N/M when the matches are spread out: they meet at
     * M = √(limit·N). Matches bunched later in name order (a city at the start of names) are what the
     * window guards against: probing stops after a few times the expected customers.
     */
    static int probeWindow(EntityManager em, CustomerFilter filter, int limit) {
        if (filter.text() == null) {
            return 0;
        }
        List<String> words = SearchTerms.queryWords(filter.text());
        if (words.isEmpty()) {
            return 0;
        }
        Number maxId = (Number) em.createNativeQuery("SELECT MAX(ID) FROM SB_CUSTOMER").getSingleResult();
        long customers = maxId == null ? 0 : maxId.longValue(); // ids are handed out in order: an upper bound, read from the index
        double threshold = Math.max(1_000, Math.sqrt((double) Math.max(limit, 1) * customers));
        int fewest = Integer.MAX_VALUE;
        for (String word : words) {
            int matches = em.createNativeQuery("SELECT t.CUSTOMER_ID FROM SB_CUSTOMER_TERM t WHERE t.TERM >= ? AND t.TERM < ?")
                    .setParameter(1, word).setParameter(2, word + Character.MAX_VALUE).setMaxResults(MATCHES_COUNTED)
                    .getResultList().size();
            fewest = Math.min(fewest, matches);
        }
        if (fewest <= threshold) {
            return 0;
        }
        return (int) Math.min(customers, 4.0 * limit * customers / fewest);
    }

    static List<CustomerRow> page(EntityManager em, CustomerFilter filter, CustomerSort sort, int offset, int limit,
            LocalDate today, boolean rangeHint) {
        if (offset == 0 && sort.column() == CustomerSort.Column.NAME && sort.ascending()) {
            int window = probeWindow(em, filter, limit);
            if (window > 0) {
                List<?> last = em.createNativeQuery("SELECT c.NAME FROM SB_CUSTOMER c ORDER BY c.NAME, c.ID OFFSET " + window
                        + " ROWS FETCH NEXT 1 ROWS ONLY").getResultList();
                Where where = Where.of(filter, today, rangeHint, TextPlan.PROBE_IN_NAME_ORDER);
                List<Object> parameters = new ArrayList<>(where.parameters());
                String sql = "SELECT " + ROW_COLUMNS + where.sql();
                if (!last.isEmpty()) {
                    // every customer up to that name: a prefix of the name order, so its first page is the list's
                    // (the probing plan always has a WHERE: one EXISTS per word)
                    sql += " AND c.NAME <= ?";
                    parameters.add(last.get(0));
                }
                List<CustomerRow> rows = rows(new Where(sql, parameters)
                        .bind(em.createNativeQuery(sql + orderBy(sort) + " FETCH FIRST " + limit + " ROWS ONLY")).getResultList());
                if (rows.size() == limit || last.isEmpty()) {
                    return rows;
                }
            }
        }
        Where where = Where.of(filter, today, rangeHint, TextPlan.DRIVE_FROM_TERMS);
        String sql = "SELECT " + ROW_COLUMNS + where.sql() + orderBy(sort)
                + (offset > 0 ? " OFFSET " + offset + " ROWS" : "") + " FETCH FIRST " + limit + " ROWS ONLY";
        return rows(where.bind(em.createNativeQuery(sql)).getResultList());
    }

    static long count(EntityManager em, CustomerFilter filter, LocalDate today, boolean rangeHint) {
        Where where = Where.of(filter, today, rangeHint);
        Object n = where.bind(em.createNativeQuery("SELECT COUNT(*)" + where.sql())).getSingleResult();
        return ((Number) n).longValue();
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
