package org.salesbench.contracts.internal.receivables;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.eclipse.core.runtime.ILog;
import org.salesbench.contracts.receivables.AgeingDayMove;
import org.salesbench.persistence.DatabaseSettings.Dialect;
import org.salesbench.persistence.UnitOfWork;

/**
 * The receivables ageing by customer the database keeps (change set contracts-money-6-ageing-by-customer): per customer
 * and currency the open amounts of the receivable instalments in the buckets not due, 0–30, 31–60, 61–90 and over 90
 * days past due as of one day ({@code SB_CONTRACT_AGEING_DAY}), put into their bucket by the triggers on every write of
 * an instalment. {@link #bringTo} moves the rows to another day by reading only the instalments whose due date crosses
 * a bucket limit between the two days (through the due date's index); the report does so on its first read of a new
 * day. A customer of none is kept under 0.
 */
public final class ContractAgeing {

    private static final int[] LIMITS = { 0, 30, 60, 90 };

    private ContractAgeing() {
    }

    /** The day the kept rows are as of. */
    public static LocalDate day(EntityManager em) {
        return date(em.createNativeQuery("SELECT AS_OF FROM SB_CONTRACT_AGEING_DAY WHERE ID = 1").getSingleResult());
    }

    /**
     * Brings the kept rows to {@code target} (forward or back) in the caller's transaction: on PostgreSQL in one
     * function run as the schema's owner (the rows' policy lets nobody else write them), on Derby here. Either way the
     * day's row is locked first, so the triggers of other transactions wait for the move, or the move for them.
     */
    public static void bringTo(EntityManager em, Dialect dialect, LocalDate target) {
        if (dialect == Dialect.POSTGRESQL) {
            em.createNativeQuery("SELECT SB_CONTRACT_AGEING_BRING(?1)").setParameter(1, java.sql.Date.valueOf(target)).getSingleResult();
            return;
        }
        // Derby's triggers read the day's row without holding it, so a writer that has written an instalment may still
        // wait for the day's row while the move, holding that row, waits for the writer's instalment: a deadlock. The
        // move takes the instalments in share mode first, as writers take them first: it waits for the transactions
        // writing instalments to end, and new ones wait for it (a move reads a few thousand rows at full size).
        em.createNativeQuery("LOCK TABLE SB_CONTRACT_INSTALMENT IN SHARE MODE").executeUpdate();
        LocalDate was = day(em);
        if (was.equals(target)) {
            return;
        }
        int moved = em.createNativeQuery("UPDATE SB_CONTRACT_AGEING_DAY SET AS_OF = ?1, DAY_30 = ?2, DAY_60 = ?3, DAY_90 = ?4 WHERE ID = 1 AND AS_OF = ?5")
                .setParameter(1, java.sql.Date.valueOf(target)).setParameter(2, java.sql.Date.valueOf(target.minusDays(30)))
                .setParameter(3, java.sql.Date.valueOf(target.minusDays(60))).setParameter(4, java.sql.Date.valueOf(target.minusDays(90)))
                .setParameter(5, java.sql.Date.valueOf(was)).executeUpdate();
        if (moved == 0) {
            return; // another transaction moved the day meanwhile: its move stands
        }
        // plain JDBC on the transaction's connection: the instalments by the due date's index (Derby otherwise reads the
        // covering index led by RECEIVABLE, every open instalment), the rows' changes in one batch
        Connection connection = em.unwrap(Connection.class);
        Map<List<Object>, BigDecimal[]> deltas = new LinkedHashMap<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT COALESCE(CUSTOMER_ID, 0), CURRENCY, DUE_DATE, AMOUNT - PAID"
                + " FROM SB_CONTRACT_INSTALMENT --DERBY-PROPERTIES index=IX_SB_CONTRACT_INSTALMENT_DUE\n"
                + " WHERE DUE_DATE BETWEEN ? AND ? AND RECEIVABLE = TRUE")) {
            for (LocalDate[] range : ranges(was, target)) {
                read.setDate(1, java.sql.Date.valueOf(range[0]));
                read.setDate(2, java.sql.Date.valueOf(range[1]));
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        LocalDate due = rs.getDate(3).toLocalDate();
                        int from = bucket(due, was);
                        int to = bucket(due, target);
                        if (from == to) {
                            continue;
                        }
                        BigDecimal open = rs.getBigDecimal(4);
                        BigDecimal[] delta = deltas.computeIfAbsent(Arrays.asList(rs.getLong(1), rs.getString(2)), k -> zeros());
                        delta[from] = delta[from].subtract(open);
                        delta[to] = delta[to].add(open);
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE SB_CONTRACT_AGEING_TOTAL SET NOT_DUE = NOT_DUE + ?,"
                    + " DAYS_0_30 = DAYS_0_30 + ?, DAYS_31_60 = DAYS_31_60 + ?, DAYS_61_90 = DAYS_61_90 + ?, DAYS_OVER_90 = DAYS_OVER_90 + ?"
                    + " WHERE CUSTOMER_ID = ? AND CURRENCY = ?")) {
                for (Map.Entry<List<Object>, BigDecimal[]> e : deltas.entrySet()) {
                    BigDecimal[] d = e.getValue();
                    for (int i = 0; i < 5; i++) {
                        update.setBigDecimal(i + 1, d[i]);
                    }
                    update.setLong(6, (Long) e.getKey().get(0));
                    update.setString(7, (String) e.getKey().get(1));
                    update.addBatch();
                }
                update.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bringing the ageing by customer from " + was + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Attempts at a move before a lock conflict the database reports (a deadlock, a lock wait timed out) is given up. */
    static final int ATTEMPTS = 4;

    /**
     * Brings the kept rows to {@code target} in a transaction of its own, retried (after a short pause, up to
     * {@value #ATTEMPTS} attempts) when the database reports a deadlock or a lock it could not get in time, which rolls
     * the move back whole: the day and the rows move together or not at all. What the nightly job, {@code contracts
     * ageing-day} and the report's first read of a new day run.
     */
    public static AgeingDayMove moveTo(UnitOfWork unitOfWork, LocalDate target) {
        Dialect dialect = unitOfWork.settings().dialect();
        LocalDate kept = unitOfWork.read(ContractAgeing::day);
        if (kept.equals(target)) {
            return new AgeingDayMove(kept, target, 1); // nothing to move: no lock taken
        }
        for (int attempt = 1;; attempt++) {
            try {
                LocalDate was = unitOfWork.write(em -> {
                    LocalDate before = day(em);
                    bringTo(em, dialect, target);
                    return before;
                });
                return new AgeingDayMove(was, target, attempt);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !lockConflict(e)) {
                    throw e;
                }
                ILog.of(ContractAgeing.class).warn("Bringing the ageing by customer to " + target + ", attempt " + attempt + " of " + ATTEMPTS
                        + " met a lock conflict and was rolled back; trying again: " + e.getMessage());
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** SQL states of a transaction rolled back for a lock: Derby's deadlock and lock timeouts, PostgreSQL's deadlock and lock not available. */
    private static final java.util.Set<String> LOCK_CONFLICTS = java.util.Set.of("40001", "40XL1", "40XL2", "40P01", "55P03");

    /** Whether the database rolled the transaction back for a deadlock or a lock it could not get in time. */
    static boolean lockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && LOCK_CONFLICTS.contains(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The due dates whose bucket may differ between the two days: around each limit (the day itself, 30, 60 and 90
     * days before), from the earlier day's to the later day's, the ranges that overlap joined so no row is read twice.
     */
    static List<LocalDate[]> ranges(LocalDate a, LocalDate b) {
        LocalDate lo = a.isBefore(b) ? a : b;
        LocalDate hi = a.isBefore(b) ? b : a;
        List<LocalDate[]> ranges = new ArrayList<>();
        for (int limit : LIMITS) {
            ranges.add(new LocalDate[] { lo.minusDays(limit), hi.minusDays(limit) });
        }
        ranges.sort(Comparator.comparing(r -> r[0]));
        List<LocalDate[]> joined = new ArrayList<>();
        for (LocalDate[] r : ranges) {
            LocalDate[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && !r[0].isAfter(last[1].plusDays(1))) {
                if (r[1].isAfter(last[1])) {
                    last[1] = r[1];
                }
            } else {
                joined.add(new LocalDate[] { r[0], r[1] });
            }
        }
        return joined;
    }

    /** The bucket of a due date as of a day: 0 not due, 1 0–30 days past due, 2 31–60, 3 61–90, 4 over 90. */
    static int bucket(LocalDate due, LocalDate day) {
        if (due.isAfter(day)) {
            return 0;
        }
        if (!due.isBefore(day.minusDays(30))) {
            return 1;
        }
        if (!due.isBefore(day.minusDays(60))) {
            return 2;
        }
        return due.isBefore(day.minusDays(90)) ? 4 : 3;
    }

    /**
     * The kept rows as the ageing report groups them (customer, its name, currency, the five buckets, the open amount),
     * those with nothing open left out; the customer of none as {@code null}.
     */
    static List<Object[]> rows(EntityManager em) {
        List<Object[]> rows = new ReceivablesSql().append("SELECT g.CUSTOMER_ID, dc.NAME, g.CURRENCY, g.NOT_DUE, g.DAYS_0_30, g.DAYS_31_60, g.DAYS_61_90,"
                + " g.DAYS_OVER_90, g.NOT_DUE + g.DAYS_0_30 + g.DAYS_31_60 + g.DAYS_61_90 + g.DAYS_OVER_90 FROM SB_CONTRACT_AGEING_TOTAL g"
                + " LEFT JOIN {SB_CUSTOMER} dc ON dc.ID = g.CUSTOMER_ID"
                + " WHERE g.NOT_DUE + g.DAYS_0_30 + g.DAYS_31_60 + g.DAYS_61_90 + g.DAYS_OVER_90 <> 0").rows(em);
        for (Object[] r : rows) {
            if (((Number) r[0]).longValue() == 0) {
                r[0] = null;
            }
        }
        return rows;
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] zeros = new BigDecimal[5];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof java.util.Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }
}
