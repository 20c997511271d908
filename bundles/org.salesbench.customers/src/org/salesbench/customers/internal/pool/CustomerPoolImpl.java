package org.salesbench.customers.internal.pool;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.customers.pool.CustomerPool;
import org.salesbench.customers.pool.PoolEvent;
import org.salesbench.customers.pool.PoolEvent.Kind;
import org.salesbench.customers.pool.PoolFilter;
import org.salesbench.customers.pool.PoolRow;
import org.salesbench.customers.pool.PoolSettings;
import org.salesbench.customers.pool.PoolSort;
import org.salesbench.customers.pool.PoolWarning;
import org.salesbench.customers.pool.SweepResult;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.UnitOfWork;

/**
 * The public pool on the module's own tables ({@code SB_CUSTOMER_POOL*}) and the customer's owner. Owner changes go
 * through JPA, so the optimistic lock decides between two claims of one customer and the audit trail sees the change;
 * the list of who is in the pool is driven by the small pool table, never by a scan of all customers. Team rules are
 * read from {@code SB_TEAM} and {@code SB_TEAM_MEMBER}, which the users module publishes for reading.
 */
@Component(service = CustomerPool.class)
public class CustomerPoolImpl implements CustomerPool {

    /** The key of the default rules in {@code SB_CUSTOMER_POOL_SETTINGS}; team ids start above it. */
    static final long DEFAULT_TEAM_ID = 0;

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;

    @Activate
    public CustomerPoolImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security,
            @Reference DomainEventPublisher events) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(Clocks.system());
    }

    // ---------------------------------------------------------------- sweep

    private record Warning(String owner, LocalDateTime followUpAt, LocalDateTime returnOn) {
    }

    @Override
    public SweepResult sweep() {
        LocalDateTime now = now();
        LocalDate today = now.toLocalDate();
        String actor = security.currentUser().login();
        Rules rules = unitOfWork.read(CustomerPoolImpl::rules);
        int soonestWarning = rules.soonestWarningDays();
        Map<Long, Warning> existing = unitOfWork.read(CustomerPoolImpl::warnings);
        Map<String, Boolean> mayUpdate = new HashMap<>();
        Set<Long> stillWarned = new HashSet<>();
        int warned = 0;
        int returned = 0;
        if (soonestWarning >= 0) {
            // rules count whole days: warned on the day (last follow-up + N - W), returned on the day (last follow-up + N)
            Timestamp cutoff = Timestamp.valueOf(today.minusDays(soonestWarning - 1L).atStartOfDay());
            // the owned customers with no follow-up since the earliest warning any rule gives, a block per transaction
            // so a first sweep of a large database neither holds one huge transaction nor all rows in memory
            long after = 0;
            List<Object[]> block;
            do {
                long from = after;
                block = unitOfWork.read(em -> candidates(em, cutoff, from));
                if (block.isEmpty()) {
                    break;
                }
                after = id(block.get(block.size() - 1)[0]);
                List<Object[]> rows = block;
                int[] done = unitOfWork.write(em -> sweepBlock(em, rows, rules, existing, stillWarned, mayUpdate, now, actor));
                warned += done[0];
                returned += done[1];
            } while (block.size() == SWEEP_BLOCK);
        }
        // a warning ends when its customer was followed up, changed hands or the rules changed
        List<Long> ended = existing.entrySet().stream().filter(e -> !stillWarned.contains(e.getKey()))
                .filter(e -> mayUpdate.computeIfAbsent(e.getValue().owner(), o -> security.isPermitted(Action.UPDATE, Customer.ENTITY, o)))
                .map(Map.Entry::getKey).toList();
        for (int i = 0; i < ended.size(); i += SWEEP_BLOCK) {
            List<Long> chunk = ended.subList(i, Math.min(ended.size(), i + SWEEP_BLOCK));
            unitOfWork.write(em -> {
                chunk.forEach(id -> execute(em, "DELETE FROM SB_CUSTOMER_POOL_WARNING WHERE CUSTOMER_ID = ?", id));
                return null;
            });
        }
        return new SweepResult(warned, returned);
    }

    /** How many customers one transaction of the sweep looks at. */
    public static final int SWEEP_BLOCK = 500;

    @SuppressWarnings("unchecked")
    private static List<Object[]> candidates(EntityManager em, Timestamp cutoff, long afterId) {
        return MaskingViews.query(em, "SELECT c.ID, c.OWNER, c.CREATED_AT,"
                + " (SELECT MAX(a.OCCURRED_AT) FROM {SB_ACTIVITY} a WHERE a.CUSTOMER_ID = c.ID),"
                + " (SELECT MAX(e.EVENT_AT) FROM SB_CUSTOMER_POOL_EVENT e WHERE e.CUSTOMER_ID = c.ID AND e.KIND = 'CLAIMED')"
                + " FROM {SB_CUSTOMER} c WHERE c.ID > ? AND c.OWNER <> ? AND c.CREATED_AT < ?"
                + " AND NOT EXISTS (SELECT 1 FROM {SB_ACTIVITY} a WHERE a.CUSTOMER_ID = c.ID AND a.OCCURRED_AT >= ?)"
                + " AND NOT EXISTS (SELECT 1 FROM SB_CUSTOMER_POOL_EVENT e WHERE e.CUSTOMER_ID = c.ID AND e.KIND = 'CLAIMED' AND e.EVENT_AT >= ?)"
                + " ORDER BY c.ID")
                .setParameter(1, afterId).setParameter(2, POOL_OWNER).setParameter(3, cutoff).setParameter(4, cutoff).setParameter(5, cutoff)
                .setMaxResults(SWEEP_BLOCK).getResultList();
    }

    private static Map<Long, Warning> warnings(EntityManager em) {
        Map<Long, Warning> warnings = new HashMap<>();
        for (Object row : MaskingViews.query(em, "SELECT CUSTOMER_ID, OWNER, FOLLOW_UP_AT, RETURN_ON FROM SB_CUSTOMER_POOL_WARNING").getResultList()) {
            Object[] r = (Object[]) row;
            warnings.put(id(r[0]), new Warning((String) r[1], time(r[2]), time(r[3])));
        }
        return warnings;
    }

    /** Warns or returns the customers of one block; returns how many were warned and how many returned. */
    private int[] sweepBlock(EntityManager em, List<Object[]> block, Rules rules, Map<Long, Warning> existing, Set<Long> stillWarned,
            Map<String, Boolean> mayUpdate, LocalDateTime now, String actor) {
        // the pool's own rows are written by SQL: flushing the customers changed so far before each statement would
        // compare every one of them again each time; they are flushed once, at the end of the block
        em.setFlushMode(FlushModeType.COMMIT);
        LocalDate today = now.toLocalDate();
        List<Long> warned = new ArrayList<>();
        List<Long> returned = new ArrayList<>();
        for (Object[] r : block) {
            long id = id(r[0]);
            String owner = (String) r[1];
            PoolSettings rule = rules.of(owner);
            if (rule.returnAfterDays() <= 0 || !mayUpdate.computeIfAbsent(owner, o -> security.isPermitted(Action.UPDATE, Customer.ENTITY, o))) {
                continue;
            }
            LocalDateTime followUp = latest(time(r[2]), time(r[3]), time(r[4]));
            if (today.isBefore(followUp.toLocalDate().plusDays(rule.returnAfterDays() - rule.warnDaysBefore()))) {
                continue;
            }
            stillWarned.add(id);
            Warning warning = existing.get(id);
            if (warning == null || !warning.owner().equals(owner) || !warning.followUpAt().equals(followUp)) {
                // the owner hears first; the return comes no sooner than the warning period after this
                LocalDateTime returnOn = latest(followUp.toLocalDate().plusDays(rule.returnAfterDays()), today.plusDays(rule.warnDaysBefore()))
                        .atStartOfDay();
                warn(em, id, owner, followUp, now, returnOn, warning != null);
                event(em, id, Kind.WARNED, now, actor, owner, null, NLS.bind(Messages.Pool_warnedReason, date(returnOn)));
                warned.add(id);
            } else if (!today.isBefore(warning.returnOn().toLocalDate())) {
                Customer customer = em.find(Customer.class, id);
                if (customer == null || !owner.equals(customer.getOwner()) || followedUpSince(em, id, followUp)) {
                    continue; // changed since the block was read: the next sweep sees it as it is now
                }
                customer.setOwner(POOL_OWNER);
                String reason = NLS.bind(Messages.Pool_returnedReason, rule.returnAfterDays(), date(followUp));
                execute(em, "DELETE FROM SB_CUSTOMER_POOL WHERE CUSTOMER_ID = ?", id);
                execute(em, "INSERT INTO SB_CUSTOMER_POOL (CUSTOMER_ID, POOLED_AT, POOLED_FROM, REASON) VALUES (?, ?, ?, ?)", id,
                        Timestamp.valueOf(now), owner, reason);
                execute(em, "DELETE FROM SB_CUSTOMER_POOL_WARNING WHERE CUSTOMER_ID = ?", id);
                event(em, id, Kind.RETURNED, now, actor, owner, POOL_OWNER, reason);
                stillWarned.remove(id);
                returned.add(id);
            }
        }
        em.flush();
        unitOfWork.afterCommit(() -> {
            if (!returned.isEmpty()) {
                CustomerSearch.of(unitOfWork.settings()).written(returned);
            }
            returned.forEach(id -> events.publish(Customer.ENTITY, Change.UPDATED, id));
            warned.forEach(id -> events.publish(WARNING_ENTITY, Change.CREATED, id));
        });
        return new int[] { warned.size(), returned.size() };
    }

    private static boolean followedUpSince(EntityManager em, long customerId, LocalDateTime followUp) {
        return first(MaskingViews.query(em, "SELECT 1 FROM {SB_ACTIVITY} WHERE CUSTOMER_ID = ? AND OCCURRED_AT > ?").setParameter(1, customerId)
                .setParameter(2, Timestamp.valueOf(followUp))).isPresent();
    }

    private static void warn(EntityManager em, long id, String owner, LocalDateTime followUp, LocalDateTime now, LocalDateTime returnOn,
            boolean replace) {
        if (replace) {
            execute(em, "DELETE FROM SB_CUSTOMER_POOL_WARNING WHERE CUSTOMER_ID = ?", id);
        }
        execute(em, "INSERT INTO SB_CUSTOMER_POOL_WARNING (CUSTOMER_ID, OWNER, FOLLOW_UP_AT, WARNED_AT, RETURN_ON) VALUES (?, ?, ?, ?, ?)", id,
                owner, Timestamp.valueOf(followUp), Timestamp.valueOf(now), Timestamp.valueOf(returnOn));
    }

    private static void event(EntityManager em, long customerId, Kind kind, LocalDateTime at, String actor, String from, String to,
            String reason) {
        execute(em, "INSERT INTO SB_CUSTOMER_POOL_EVENT (CUSTOMER_ID, KIND, EVENT_AT, ACTOR, FROM_OWNER, TO_OWNER, REASON)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", customerId, kind.name(), Timestamp.valueOf(at), actor, from, to, truncate(reason, 255));
    }

    // ---------------------------------------------------------------- claim

    @Override
    public void claim(long customerId) {
        String login = security.currentUser().login();
        String name;
        try {
            name = unitOfWork.write(em -> {
                Customer customer = em.find(Customer.class, customerId);
                if (customer == null) {
                    throw refused("id", NLS.bind(Messages.Pool_notFound, customerId), customerId);
                }
                if (!POOL_OWNER.equals(customer.getOwner())) {
                    throw refused("owner", NLS.bind(Messages.Pool_notInPool, customer.getName(), customer.getOwner()), customerId);
                }
                // the pool is nobody's: whoever may change customers at all (in any scope) may claim one
                security.check(Action.UPDATE, Customer.ENTITY, null);
                PoolSettings rule = settingsFor(em, login);
                if (rule.ownedCap() > 0) {
                    long owned = ((Number) MaskingViews.query(em, "SELECT COUNT(*) FROM {SB_CUSTOMER} WHERE OWNER = ?").setParameter(1, login)
                            .getSingleResult()).longValue();
                    if (owned >= rule.ownedCap()) {
                        throw refused("owner", NLS.bind(Messages.Pool_capReached, owned, rule.ownedCap()), customerId);
                    }
                }
                customer.setOwner(login);
                em.flush(); // the optimistic lock: of two claims of one customer, the second fails here
                LocalDateTime now = now();
                execute(em, "DELETE FROM SB_CUSTOMER_POOL WHERE CUSTOMER_ID = ?", customerId);
                execute(em, "DELETE FROM SB_CUSTOMER_POOL_WARNING WHERE CUSTOMER_ID = ?", customerId);
                event(em, customerId, Kind.CLAIMED, now, login, POOL_OWNER, login, null);
                unitOfWork.afterCommit(() -> {
                    CustomerSearch.of(unitOfWork.settings()).written(List.of(customerId));
                    events.publish(Customer.ENTITY, Change.UPDATED, customerId);
                });
                return customer.getName();
            });
        } catch (ConcurrentChangeException e) {
            Object[] now = unitOfWork.read(em -> (Object[]) first(MaskingViews.query(em, "SELECT NAME, OWNER FROM {SB_CUSTOMER} WHERE ID = ?")
                    .setParameter(1, customerId)).orElse(new Object[] { String.valueOf(customerId), "?" }));
            throw refused("owner", NLS.bind(Messages.Pool_notInPool, now[0], now[1]), customerId);
        }
    }

    // ---------------------------------------------------------------- lists

    @Override
    public long count(PoolFilter filter) {
        security.check(Action.READ, Customer.ENTITY, null); // whoever reads customers at all sees the pool
        LocalDateTime now = now();
        List<Object> parameters = new ArrayList<>();
        String sql = poolSql("SELECT COUNT(*)", filter, now, "", List.of(), parameters);
        return ((Number) unitOfWork.rows(sql, parameters, 0, -1).get(0)[0]).longValue();
    }

    @Override
    public List<PoolRow> page(PoolFilter filter, int offset, int limit) {
        return page(filter, PoolSort.DEFAULT, offset, limit);
    }

    @Override
    public List<PoolRow> page(PoolFilter filter, PoolSort sort, int offset, int limit) {
        PoolSort order = sort == null ? PoolSort.DEFAULT : sort;
        List<Object> orderParameters = new ArrayList<>();
        String orderBy = orderBy(order, orderParameters);
        security.check(Action.READ, Customer.ENTITY, null); // whoever reads customers at all sees the pool
        LocalDateTime now = now();
        // the pool's list is open below Customers at start: its first page reads with plain JDBC while nothing has
        // deployed the persistence unit (UnitOfWork.rows)
        List<Object> parameters = new ArrayList<>();
        String sql = poolSql("SELECT c.ID, c.NAME, c.INDUSTRY, c.REGION, c.GRADE, p.POOLED_AT, p.POOLED_FROM, p.REASON", filter, now, orderBy,
                orderParameters, parameters);
        List<PoolRow> rows = new ArrayList<>();
        for (Object[] r : unitOfWork.rows(sql, parameters, Math.max(0, offset), Math.max(0, limit))) {
            rows.add(new PoolRow(id(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4], time(r[5]), (String) r[6], (String) r[7]));
        }
        return rows;
    }

    /**
     * {@code sort} as SQL, the customer's id last so that every page follows one order; the industry by the place of its
     * code in the sort's label order (codes not in it after those, by code; no industry last), its codes as parameters.
     */
    private static String orderBy(PoolSort sort, List<Object> parameters) {
        String direction = sort.ascending() ? "" : " DESC";
        String key = switch (sort.column()) {
            case NAME -> "c.NAME";
            case INDUSTRY -> {
                List<String> codes = sort.industryOrder();
                StringBuilder rank = new StringBuilder("CASE WHEN c.INDUSTRY IS NULL THEN ").append(codes.size() + 1);
                for (int i = 0; i < codes.size(); i++) {
                    rank.append(" WHEN c.INDUSTRY = ? THEN ").append(i);
                    parameters.add(codes.get(i));
                }
                yield rank.append(" ELSE ").append(codes.size()).append(" END").append(direction).append(", c.INDUSTRY").toString();
            }
            case REGION -> "c.REGION";
            case GRADE -> "c.GRADE";
            case POOLED_AT -> "p.POOLED_AT";
            case POOLED_FROM -> "p.POOLED_FROM";
            case REASON -> "p.REASON";
        };
        return " ORDER BY " + key + direction + ", c.ID" + direction;
    }

    /** The pool's query for {@link UnitOfWork#rows}; its parameters are added to {@code parameters}. */
    private static String poolSql(String select, PoolFilter filter, LocalDateTime now, String orderBy, List<Object> orderParameters,
            List<Object> parameters) {
        StringBuilder sql = new StringBuilder(select).append(" FROM SB_CUSTOMER_POOL p JOIN {SB_CUSTOMER} c ON c.ID = p.CUSTOMER_ID WHERE c.OWNER = ?");
        parameters.add(POOL_OWNER);
        if (filter.text() != null) {
            sql.append(" AND (LOWER(c.NAME) LIKE ? ESCAPE '\\' OR LOWER(c.SHORT_NAME) LIKE ? ESCAPE '\\')");
            String pattern = "%" + likeEscaped(filter.text().toLowerCase(java.util.Locale.ROOT)) + "%";
            parameters.add(pattern);
            parameters.add(pattern);
        }
        if (filter.industry() != null) {
            sql.append(" AND c.INDUSTRY = ?");
            parameters.add(filter.industry());
        }
        if (filter.region() != null) {
            sql.append(" AND c.REGION = ?");
            parameters.add(filter.region());
        }
        if (filter.minDaysInPool() != null) {
            sql.append(" AND p.POOLED_AT <= ?");
            parameters.add(Timestamp.valueOf(now.minusDays(filter.minDaysInPool())));
        }
        parameters.addAll(orderParameters);
        return sql.append(orderBy).toString();
    }

    /** Whatever the user types is a literal: {@code %} and {@code _} match themselves. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public List<PoolWarning> warnings(String owner) {
        String who = owner == null || owner.isBlank() ? security.currentUser().login() : owner.strip();
        security.check(Action.READ, Customer.ENTITY, who);
        return unitOfWork.read(em -> {
            List<PoolWarning> warnings = new ArrayList<>();
            // a follow-up since the warning ends it at once, before the next sweep clears the row
            for (Object row : MaskingViews.query(em, "SELECT w.CUSTOMER_ID, c.NAME, w.OWNER, w.FOLLOW_UP_AT, w.WARNED_AT, w.RETURN_ON"
                    + " FROM SB_CUSTOMER_POOL_WARNING w JOIN {SB_CUSTOMER} c ON c.ID = w.CUSTOMER_ID WHERE w.OWNER = ? AND c.OWNER = w.OWNER"
                    + " AND NOT EXISTS (SELECT 1 FROM {SB_ACTIVITY} a WHERE a.CUSTOMER_ID = w.CUSTOMER_ID AND a.OCCURRED_AT > w.FOLLOW_UP_AT)"
                    + " ORDER BY w.RETURN_ON, c.NAME").setParameter(1, who).getResultList()) {
                Object[] r = (Object[]) row;
                warnings.add(new PoolWarning(id(r[0]), (String) r[1], (String) r[2], time(r[3]), time(r[4]), time(r[5])));
            }
            return warnings;
        });
    }

    @Override
    public List<PoolEvent> history(long customerId) {
        return unitOfWork.read(em -> {
            Object owner = first(MaskingViews.query(em, "SELECT OWNER FROM {SB_CUSTOMER} WHERE ID = ?").setParameter(1, customerId)).orElse(null);
            security.check(Action.READ, Customer.ENTITY, (String) owner);
            List<PoolEvent> history = new ArrayList<>();
            for (Object row : MaskingViews.query(em, "SELECT KIND, EVENT_AT, ACTOR, FROM_OWNER, TO_OWNER, REASON FROM SB_CUSTOMER_POOL_EVENT"
                    + " WHERE CUSTOMER_ID = ? ORDER BY EVENT_AT, ID").setParameter(1, customerId).getResultList()) {
                Object[] r = (Object[]) row;
                history.add(new PoolEvent(customerId, Kind.valueOf((String) r[0]), time(r[1]), (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5]));
            }
            return history;
        });
    }

    // ---------------------------------------------------------------- settings

    /** The rules of every person in a team that has its own, and the default for everyone else. */
    private record Rules(Map<String, PoolSettings> byLogin, PoolSettings fallback) {

        PoolSettings of(String login) {
            return byLogin.getOrDefault(login, fallback);
        }

        /** The fewest days after a follow-up at which any rule warns, or -1 if no rule returns customers. */
        int soonestWarningDays() {
            int soonest = Integer.MAX_VALUE;
            for (PoolSettings s : byLogin.values()) {
                if (s.returnAfterDays() > 0) {
                    soonest = Math.min(soonest, s.returnAfterDays() - s.warnDaysBefore());
                }
            }
            if (fallback.returnAfterDays() > 0) {
                soonest = Math.min(soonest, fallback.returnAfterDays() - fallback.warnDaysBefore());
            }
            return soonest == Integer.MAX_VALUE ? -1 : Math.max(0, soonest);
        }
    }

    private static final String TEAM_RULES = "SELECT m.LOGIN, t.NAME, s.RETURN_AFTER_DAYS, s.WARN_DAYS, s.OWNED_CAP FROM SB_TEAM_MEMBER m"
            + " JOIN SB_TEAM t ON t.ID = m.TEAM_ID JOIN SB_CUSTOMER_POOL_SETTINGS s ON s.TEAM_ID = t.ID";

    private static Rules rules(EntityManager em) {
        Map<String, PoolSettings> byLogin = new HashMap<>();
        // a person in several teams with rules of their own gets those of the first team by name
        for (Object row : MaskingViews.query(em, TEAM_RULES + " ORDER BY t.NAME").getResultList()) {
            Object[] r = (Object[]) row;
            byLogin.putIfAbsent((String) r[0], settings(r, 1));
        }
        return new Rules(byLogin, defaultSettings(em));
    }

    private static PoolSettings settingsFor(EntityManager em, String login) {
        return first(MaskingViews.query(em, TEAM_RULES + " WHERE m.LOGIN = ? ORDER BY t.NAME").setParameter(1, login))
                .map(row -> settings((Object[]) row, 1)).orElseGet(() -> defaultSettings(em));
    }

    private static PoolSettings settings(Object[] r, int first) {
        return new PoolSettings((String) r[first], number(r[first + 1]), number(r[first + 2]), number(r[first + 3]));
    }

    private static PoolSettings defaultSettings(EntityManager em) {
        return stored(em, DEFAULT_TEAM_ID, null);
    }

    private static PoolSettings stored(EntityManager em, long teamId, String team) {
        return first(MaskingViews.query(em, "SELECT RETURN_AFTER_DAYS, WARN_DAYS, OWNED_CAP FROM SB_CUSTOMER_POOL_SETTINGS WHERE TEAM_ID = ?")
                .setParameter(1, teamId))
                .map(row -> new PoolSettings(team, number(((Object[]) row)[0]), number(((Object[]) row)[1]), number(((Object[]) row)[2])))
                .orElse(teamId == DEFAULT_TEAM_ID ? PoolSettings.DEFAULT : null);
    }

    @Override
    public PoolSettings settingsFor(String login) {
        return unitOfWork.read(em -> settingsFor(em, login));
    }

    @Override
    public PoolSettings settings(String team) {
        return unitOfWork.read(em -> {
            if (team == null) {
                return defaultSettings(em);
            }
            PoolSettings own = stored(em, teamId(em, team), team);
            return own != null ? own : defaultSettings(em).forTeam(team);
        });
    }

    private static long teamId(EntityManager em, String team) {
        return first(MaskingViews.query(em, "SELECT ID FROM SB_TEAM WHERE NAME = ?").setParameter(1, team))
                .map(CustomerPoolImpl::id).orElseThrow(() -> refused("team", NLS.bind(Messages.Settings_unknownTeam, team), team));
    }

    @Override
    public void saveSettings(PoolSettings settings) {
        security.check(Action.UPDATE, SETTINGS_ENTITY, null);
        List<FieldError> errors = new ArrayList<>();
        nonNegative(errors, "returnAfterDays", Messages.Settings_returnAfterDays, settings.returnAfterDays());
        nonNegative(errors, "warnDaysBefore", Messages.Settings_warnDaysBefore, settings.warnDaysBefore());
        nonNegative(errors, "ownedCap", Messages.Settings_ownedCap, settings.ownedCap());
        if (settings.returnAfterDays() > 0 && settings.warnDaysBefore() >= settings.returnAfterDays()) {
            errors.add(new FieldError("warnDaysBefore", NLS.bind(Messages.Settings_warnTooLate, settings.warnDaysBefore(), settings.returnAfterDays()),
                    settings.warnDaysBefore()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String login = security.currentUser().login();
        LocalDateTime now = now();
        unitOfWork.write(em -> {
            long teamId = settings.team() == null ? DEFAULT_TEAM_ID : teamId(em, settings.team());
            Object[] values = { settings.returnAfterDays(), settings.warnDaysBefore(), settings.ownedCap(), Timestamp.valueOf(now), login, teamId };
            if (execute(em, "UPDATE SB_CUSTOMER_POOL_SETTINGS SET RETURN_AFTER_DAYS = ?, WARN_DAYS = ?, OWNED_CAP = ?, UPDATED_AT = ?, UPDATED_BY = ?"
                    + " WHERE TEAM_ID = ?", values) == 0) {
                execute(em, "INSERT INTO SB_CUSTOMER_POOL_SETTINGS (RETURN_AFTER_DAYS, WARN_DAYS, OWNED_CAP, UPDATED_AT, UPDATED_BY, TEAM_ID)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", values);
            }
            return null;
        });
    }

    private static void nonNegative(List<FieldError> errors, String field, String label, int value) {
        if (value < 0) {
            errors.add(new FieldError(field, NLS.bind(Messages.Settings_negative, label), value));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static int execute(EntityManager em, String sql, Object... parameters) {
        Query query = MaskingViews.query(em, sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    /** The first row of a native query, if any (its raw result list has no element type). */
    private static java.util.Optional<Object> first(Query query) {
        List<?> rows = query.setMaxResults(1).getResultList();
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.ofNullable(rows.get(0));
    }

    private static ValidationException refused(String field, String message, Object value) {
        return new ValidationException(List.of(new FieldError(field, message, value)));
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static LocalDateTime time(Object value) {
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof LocalDateTime t) {
            return t;
        }
        return value == null ? null : ((java.util.Date) value).toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDateTime();
    }

    private static LocalDateTime latest(LocalDateTime... times) {
        LocalDateTime latest = null;
        for (LocalDateTime t : times) {
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String date(LocalDateTime time) {
        return time.toLocalDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
