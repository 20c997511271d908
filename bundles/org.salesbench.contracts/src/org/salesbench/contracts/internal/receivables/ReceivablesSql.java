package org.salesbench.contracts.internal.receivables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.salesbench.analytics.ReportFilter;
import org.salesbench.persistence.DatabaseSettings.Dialect;
import org.salesbench.persistence.MaskingViews;

/**
 * The SQL the receivables reports share: a statement with its positional parameters, the dimensions a contract's money
 * is grouped by (customer, owner, team, month), and the filter's owner and team. Contracts count by their owner;
 * teams are read from the users module's published {@code SB_TEAM}/{@code SB_TEAM_MEMBER}.
 */
final class ReceivablesSql {

    /** The statuses whose instalments are receivables, as SQL. */
    static final String RECEIVABLE = ContractFacts.RECEIVABLE.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    ReceivablesSql append(String sql, Object... values) {
        text.append(sql);
        for (Object v : values) {
            parameters.add(v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v);
        }
        return this;
    }

    List<Object[]> rows(EntityManager em) {
        Query query = MaskingViews.query(em, text.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] array ? array : new Object[] { row });
        }
        return rows;
    }

    /** The filter's owner and team, on the contract {@code c}. */
    ReceivablesSql limit(ReportFilter filter) {
        return limit(filter, "c");
    }

    /** The filter's owner and team, on the row {@code alias} (a contract, or a row that carries its contract's owner). */
    ReceivablesSql limit(ReportFilter filter, String alias) {
        if (filter.owner() != null) {
            append(" AND " + alias + ".OWNER = ?", filter.owner());
        }
        if (filter.teamId() != null) {
            append(" AND " + alias + ".OWNER IN (SELECT tm.LOGIN FROM SB_TEAM_MEMBER tm WHERE tm.TEAM_ID = ?)", filter.teamId());
        }
        return this;
    }

    /**
     * The logins the filter's owner or team stands for: the owner, or the team's members (none for a team of none),
     * so a query can read an index led by the owner one login's range at a time.
     */
    static List<String> owners(EntityManager em, ReportFilter filter) {
        List<String> owners = new ArrayList<>();
        if (filter.teamId() != null) {
            for (Object[] r : new ReceivablesSql().append("SELECT tm.LOGIN FROM SB_TEAM_MEMBER tm WHERE tm.TEAM_ID = ?", filter.teamId()).rows(em)) {
                if (filter.owner() == null || filter.owner().equals(r[0])) {
                    owners.add((String) r[0]);
                }
            }
        } else if (filter.owner() != null) {
            owners.add(filter.owner());
        }
        return owners;
    }

    /** Appends {@code alias.OWNER IN (…)} of the logins (at least one) as parameters. */
    static ReceivablesSql ownerIn(ReceivablesSql sql, String alias, List<String> owners) {
        sql.append(alias + ".OWNER IN (" + String.join(", ", java.util.Collections.nCopies(owners.size(), "?")) + ")");
        for (String owner : owners) {
            sql.append("", owner);
        }
        return sql;
    }

    /**
     * What rows are grouped by: {@code key} and {@code label} expressions over the contract {@code c} and the joins
     * {@code join} adds.
     */
    record Dimension(String id, String key, String label, String join) {

        static Dimension of(String id, Dialect dialect, String dateColumn) {
            return switch (id) {
                case "customer" -> new Dimension(id, "c.CUSTOMER_ID", "MAX(dc.NAME)", " LEFT JOIN {SB_CUSTOMER} dc ON dc.ID = c.CUSTOMER_ID");
                case "team" -> new Dimension(id, "dt.ID", "MAX(dt.NAME)",
                        " LEFT JOIN SB_TEAM_MEMBER dm ON dm.LOGIN = c.OWNER LEFT JOIN SB_TEAM dt ON dt.ID = dm.TEAM_ID");
                case "month" -> new Dimension(id, monthKey(dialect, dateColumn), "MIN(" + dateColumn + ")", "");
                default -> new Dimension("owner", "c.OWNER", "MAX(c.OWNER)", "");
            };
        }

        /** The group's key as drill-downs name it; {@code null} (no team) is "-". */
        static String drillKey(Object key) {
            return key == null ? "-" : key.toString();
        }

        /** The condition that keeps the rows of one group, by its drill key. */
        void keep(ReceivablesSql sql, String drillKey) {
            if (drillKey.equals("-")) {
                sql.append(" AND " + key + " IS NULL");
            } else if (id.equals("owner")) {
                sql.append(" AND " + key + " = ?", drillKey);
            } else {
                sql.append(" AND " + key + " = ?", Long.valueOf(drillKey));
            }
        }
    }

    /**
     * Whether the report may read the totals the database keeps per owner (change set contracts-money-5-totals): only
     * for who reads every contract; for anyone else the totals would add up records they may not see (on a team server
     * they read none of them), so the reports ask the exact query, which row-level security filters.
     */
    static boolean readsTotals(org.salesbench.analytics.ReportContext context) {
        return context.security().scope(org.salesbench.core.security.Action.READ, org.salesbench.contracts.Contract.ENTITY)
                == org.salesbench.core.security.Scope.ALL;
    }

    /** The ids of the contracts in the recycle bin (few), through their deletion index. */
    static List<Long> binned(jakarta.persistence.EntityManager em) {
        return em.createQuery("SELECT c.id FROM Contract c WHERE c.deletedAt IS NOT NULL", Long.class).getResultList();
    }

    /**
     * Keeps the instalments {@code i} of the contracts in the recycle bin: their ids as a list while they are few, else a
     * subquery.
     */
    static String ofBinned(List<Long> binned) {
        return binned.size() <= 1000 ? " AND i.CONTRACT_ID IN " + binned.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"))
                : " AND i.CONTRACT_ID IN (SELECT bc.ID FROM {SB_CONTRACT} bc WHERE bc.DELETED_AT IS NOT NULL)";
    }

    /**
     * The write-offs dated after {@code day} on active instalments of receivable contracts, each with what it carries of
     * its instalment (change set contracts-money-8-write-off-facts): {@code [customer (0: none) or owner, currency, bucket,
     * amount]}, the bucket (an Integer) that of the instalment's due date as of {@code day}: 0 not due, 1 due 0–30 days
     * before, 2 31–60, 3 61–90, 4 over 90; of those due by {@code dueBy} when given, limited to the filter's owner or team.
     * One range of the index that holds them, no join; returned row by row, since Derby's grouping with a bucket per due
     * date cost four times the reading. The bucket is worked out in the statement: a due date returned as a date cost
     * the driver a calendar per row, about twice the reading of the rest (plain JDBC at full size, 142,640 rows as of
     * 100 days ago: 210–270 ms of CPU with the bucket, 280–540 ms with the date).
     */
    static List<Object[]> writtenOffAfter(EntityManager em, Dialect dialect, boolean customer, ReportFilter filter, LocalDate day, LocalDate dueBy) {
        String hint = dialect == Dialect.POSTGRESQL ? "" : " --DERBY-PROPERTIES index=IX_SB_CONTRACT_ALLOCATION_AFTER\n";
        ReceivablesSql sql = new ReceivablesSql().append("SELECT " + (customer ? "COALESCE(a.CUSTOMER_ID, 0)" : "a.OWNER") + ", a.CURRENCY,"
                + " CASE WHEN a.DUE_DATE > ? THEN 0 WHEN a.DUE_DATE >= ? THEN 1 WHEN a.DUE_DATE >= ? THEN 2 WHEN a.DUE_DATE >= ? THEN 3 ELSE 4 END,"
                + " a.AMOUNT FROM SB_CONTRACT_ALLOCATION a" + hint + " WHERE a.ON_DATE > ? AND a.COUNTED = TRUE",
                day, day.minusDays(30), day.minusDays(60), day.minusDays(90), day);
        if (dueBy != null) {
            sql.append(" AND a.DUE_DATE <= ?", dueBy);
        }
        List<Object[]> rows = sql.limit(filter, "a").rows(em);
        for (Object[] r : rows) {
            r[0] = r[0] instanceof Number n ? Long.valueOf(n.longValue()) : r[0];
            r[2] = ((Number) r[2]).intValue();
            r[3] = r[3] instanceof BigDecimal b ? b : new BigDecimal(r[3].toString());
        }
        return rows;
    }

    /**
     * The customers' names by id (the customer of none, 0, has none). Ids that lie close together (their range under
     * twice as many ids, as a report by customer names most customers) in one read of that range of the customers' key,
     * its limits written into the statement so that Derby chooses by the range's size (a wide one: one scan of the
     * table); else a thousand ids a query as a list. (The ranges of a thousand ids with the limits as parameters read
     * each name through the key's index, row by row: at full size 20 reads of 7–11 ms of CPU by plain JDBC, against one
     * scan of the 20,000 customers for 21–25 ms.)
     */
    static Map<Long, String> customerNames(EntityManager em, List<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        List<Long> some = ids.stream().filter(id -> id != 0).distinct().sorted().toList();
        if (some.isEmpty()) {
            return names;
        }
        long first = some.get(0);
        long last = some.get(some.size() - 1);
        List<ReceivablesSql> reads = new ArrayList<>();
        if (last - first < 2L * some.size()) {
            reads.add(new ReceivablesSql().append("SELECT dc.ID, dc.NAME FROM {SB_CUSTOMER} dc WHERE dc.ID BETWEEN " + first + " AND " + last));
        } else {
            for (int from = 0; from < some.size(); from += 1000) {
                reads.add(new ReceivablesSql().append("SELECT dc.ID, dc.NAME FROM {SB_CUSTOMER} dc WHERE dc.ID IN "
                        + some.subList(from, Math.min(some.size(), from + 1000)).stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"))));
            }
        }
        java.util.Set<Long> wanted = new java.util.HashSet<>(some);
        for (ReceivablesSql sql : reads) {
            for (Object[] r : sql.rows(em)) {
                long id = ((Number) r[0]).longValue();
                if (wanted.contains(id)) {
                    names.put(id, (String) r[1]);
                }
            }
        }
        return names;
    }

    /**
     * Each owner's teams as the reports' team dimension joins them ({@code [team id, name]}; a membership of a team
     * that is gone as {@code [null, null]}); an owner of no team is not a key.
     */
    static Map<String, List<Object[]>> teamsOf(EntityManager em) {
        Map<String, List<Object[]>> teams = new HashMap<>();
        for (Object[] r : new ReceivablesSql().append("SELECT dm.LOGIN, dt.ID, dt.NAME FROM SB_TEAM_MEMBER dm LEFT JOIN SB_TEAM dt ON dt.ID = dm.TEAM_ID").rows(em)) {
            teams.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new Object[] { r[1] == null ? null : ((Number) r[1]).longValue(), r[2] });
        }
        return teams;
    }

    /** The date's month as a number yyyymm. */
    static String monthKey(Dialect dialect, String date) {
        return dialect == Dialect.POSTGRESQL ? "(CAST(EXTRACT(YEAR FROM " + date + ") AS INT) * 100 + CAST(EXTRACT(MONTH FROM " + date + ") AS INT))"
                : "(YEAR(" + date + ") * 100 + MONTH(" + date + "))";
    }

    /** An amount rounded to cents; nothing summed is zero. */
    static BigDecimal money(Object value) {
        BigDecimal amount = value == null ? BigDecimal.ZERO : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A yyyymm key as a whole number, whatever numeric type the driver gave. */
    static int month(Object value) {
        return ((Number) value).intValue();
    }
}
