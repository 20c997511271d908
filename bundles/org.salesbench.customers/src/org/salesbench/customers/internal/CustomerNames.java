package org.salesbench.customers.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.persistence.MaskingViews;

/**
 * Customers by name without a database index on their names: the customer search index names the candidates by
 * name as stored or as folded ({@link CompanyNames#normalise}), then one query by primary key confirms each
 * candidate's name and folded name as the database holds them, so a stale index never yields a wrong id. Rows
 * written in the caller's open transaction are not found (the index takes them after commit). A bulk write's rows
 * reach the index in a catch-up after its commit; while one is pending, and on Derby while the index is being built,
 * the names are read from the table instead (a scan, slower but complete, and never waiting for the index).
 */
public final class CustomerNames {

    /**
     * A customer as the database holds its name and the key it was looked up by: its folded name, or its credit code
     * for {@link #byCreditCode}.
     */
    public record Named(long id, String name, String key) {
    }

    /** Runs one SELECT of {@code ID, NAME} and the key column with string parameters: on a JDBC connection or an entity manager. */
    @FunctionalInterface
    public interface Select {
        List<Named> rows(String sql, List<String> parameters);

        /** On the caller's transaction's connection (no flush of the persistence context). */
        static Select on(Connection connection) {
            // the connection's masking views are asked once, at the first look-up, not again for each statement
            java.util.concurrent.atomic.AtomicReference<java.util.Map<String, String>> views = new java.util.concurrent.atomic.AtomicReference<>();
            return (sql, parameters) -> {
                try {
                    if (views.get() == null) {
                        views.set(MaskingViews.of(connection));
                    }
                } catch (SQLException e) {
                    throw new PersistenceException(e.getMessage(), e);
                }
                try (PreparedStatement statement = connection.prepareStatement(MaskingViews.sql(views.get(), sql))) {
                    for (int i = 0; i < parameters.size(); i++) {
                        statement.setString(i + 1, parameters.get(i));
                    }
                    List<Named> rows = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Named(rs.getLong(1), rs.getString(2), rs.getString(3)));
                        }
                    }
                    return rows;
                } catch (SQLException e) {
                    throw new PersistenceException(e.getMessage(), e);
                }
            };
        }

        /** Through an entity manager's native queries (it need not be in a transaction). */
        static Select on(EntityManager em) {
            return (sql, parameters) -> {
                jakarta.persistence.Query query = MaskingViews.query(em, sql);
                for (int i = 0; i < parameters.size(); i++) {
                    query.setParameter(i + 1, parameters.get(i));
                }
                List<Named> rows = new ArrayList<>();
                for (Object row : query.getResultList()) {
                    Object[] r = (Object[]) row;
                    rows.add(new Named(((Number) r[0]).longValue(), (String) r[1], (String) r[2]));
                }
                return rows;
            };
        }
    }

    /** IN lists stay well below what every database accepts. */
    private static final int CHUNK = 500;

    private CustomerNames() {
    }

    /**
     * The customers named exactly {@code name} (stripped) if there are any, else those whose folded name equals
     * {@code name} folded; ids ascending, empty for a blank name.
     */
    public static List<Long> idsByName(Select select, CustomerSearch search, String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String exact = name.strip();
        String folded = CompanyNames.normalise(exact);
        List<Named> found = candidates(select, search, folded.isEmpty() ? Set.of() : Set.of(folded), Set.of(exact));
        List<Long> exactIds = found.stream().filter(n -> exact.equals(n.name())).map(Named::id).distinct().sorted().toList();
        if (!exactIds.isEmpty()) {
            return exactIds;
        }
        return found.stream().filter(n -> folded.equals(n.key())).map(Named::id).distinct().sorted().toList();
    }

    /** The customers whose stored folded name is one of {@code normalizedNames} (folded already), by folded name; ids ascending. */
    public static Map<String, List<Long>> idsByNormalizedName(Select select, CustomerSearch search, Collection<String> normalizedNames) {
        Map<String, List<Long>> ids = new HashMap<>();
        for (Named n : withNormalizedNames(select, search, normalizedNames)) {
            ids.computeIfAbsent(n.key(), k -> new ArrayList<>()).add(n.id());
        }
        return ids;
    }

    /** The customers whose stored folded name is one of {@code normalizedNames} (folded already), ids ascending. */
    public static List<Named> withNormalizedNames(Select select, CustomerSearch search, Collection<String> normalizedNames) {
        Set<String> wanted = normalizedNames.stream().filter(n -> n != null && !n.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<Long, Named> confirmed = new java.util.TreeMap<>();
        for (Named n : candidates(select, search, wanted, Set.of())) {
            if (wanted.contains(n.key())) {
                confirmed.put(n.id(), n);
            }
        }
        return List.copyOf(confirmed.values());
    }

    /**
     * The rows that may match: those the index names under {@code folded} (folded names) or {@code exact} (names as
     * stored), read by id; when {@link CustomerSearch#namesFromTable()}, those the table holds under them (a scan,
     * but nothing committed is missed). Callers filter the rows by the names the database returned.
     */
    private static List<Named> candidates(Select select, CustomerSearch search, Set<String> folded, Set<String> exact) {
        List<Named> rows = new ArrayList<>();
        List<String> values = new ArrayList<>(folded);
        boolean fromTable = search.namesFromTable();
        for (int from = 0; from < Math.max(1, values.size()); from += CHUNK) {
            List<String> chunk = values.subList(Math.min(from, values.size()), Math.min(values.size(), from + CHUNK));
            Set<String> exactToo = from == 0 ? exact : Set.of(); // exact names are few: one per single look-up
            if (fromTable) {
                List<String> parameters = new ArrayList<>(chunk);
                parameters.addAll(exactToo);
                List<String> where = new ArrayList<>();
                if (!chunk.isEmpty()) {
                    where.add("NORMALIZED_NAME IN (" + marks(chunk.size()) + ")");
                }
                if (!exactToo.isEmpty()) {
                    where.add("NAME IN (" + marks(exactToo.size()) + ")");
                }
                if (!where.isEmpty()) {
                    rows.addAll(select.rows("SELECT ID, NAME, NORMALIZED_NAME FROM {SB_CUSTOMER} WHERE DELETED_AT IS NULL AND ("
                            + String.join(" OR ", where) + ")", parameters));
                }
                continue;
            }
            rows.addAll(byId(select, search.idsNamed(exactToo, chunk), "NORMALIZED_NAME"));
        }
        return rows;
    }

    /** The customers with these ids, with their name and {@code keyColumn}, as the database holds them. */
    private static List<Named> byId(Select select, long[] ids, String keyColumn) {
        List<Named> rows = new ArrayList<>();
        for (int i = 0; i < ids.length; i += CHUNK) {
            String in = Arrays.stream(ids, i, Math.min(ids.length, i + CHUNK)).mapToObj(Long::toString).collect(Collectors.joining(","));
            rows.addAll(select.rows("SELECT ID, NAME, " + keyColumn + " FROM {SB_CUSTOMER} WHERE DELETED_AT IS NULL AND ID IN (" + in + ")", List.of()));
        }
        return rows;
    }

    /**
     * The customers whose credit code is one of {@code codes} (normalised, as {@code CreditCode.normalise} does it), by
     * code, ids ascending. A credit code is one of a customer's search terms (lower-cased): the index names the
     * candidates and the database confirms their codes by id, or, while {@link CustomerSearch#namesFromTable()}, the
     * table answers (a scan). The column has no database index: every import would have to sort it.
     */
    public static Map<String, List<Named>> byCreditCode(Select select, CustomerSearch search, Collection<String> codes) {
        Set<String> wanted = codes.stream().filter(c -> c != null && !c.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, List<Named>> found = new HashMap<>();
        List<String> values = new ArrayList<>(wanted);
        boolean fromTable = search.namesFromTable();
        for (int from = 0; from < values.size(); from += CHUNK) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
            List<Named> rows = fromTable
                    ? select.rows("SELECT ID, NAME, CREDIT_CODE FROM {SB_CUSTOMER} WHERE DELETED_AT IS NULL AND CREDIT_CODE IN (" + marks(chunk.size()) + ")", chunk)
                    : byId(select, search.idsWithTerms(chunk.stream().map(code -> code.toLowerCase(Locale.ROOT)).toList()), "CREDIT_CODE");
            for (Named row : rows) {
                if (wanted.contains(row.key())) {
                    found.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
                }
            }
        }
        found.values().forEach(list -> list.sort(java.util.Comparator.comparingLong(Named::id)));
        return found;
    }

    private static String marks(int count) {
        return "?,".repeat(count - 1) + "?";
    }
}
