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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.salesbench.customers.internal.search.CustomerSearch;

/**
 * Customers by name without a database index on their names: the customer search index names the candidates by
 * folded name ({@link CompanyNames#normalise}), then one query by primary key confirms each candidate's name and
 * folded name as the database holds them, so a stale index never yields a wrong id. What the index does not hold
 * yet is not found: rows written in the caller's open transaction, and a bulk write's rows until its catch-up
 * ends (while one is pending the names are read from the table instead, slower but complete).
 */
public final class CustomerNames {

    /** A customer as the database holds its name. */
    public record Named(long id, String name, String normalizedName) {
    }

    /** Runs one SELECT of {@code ID, NAME, NORMALIZED_NAME} with string parameters: on a JDBC connection or an entity manager. */
    @FunctionalInterface
    public interface Select {
        List<Named> rows(String sql, List<String> parameters);

        /** On the caller's transaction's connection (no flush of the persistence context). */
        static Select on(Connection connection) {
            return (sql, parameters) -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
                jakarta.persistence.Query query = em.createNativeQuery(sql);
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
        List<Named> found;
        if (folded.isEmpty()) {
            // a name of punctuation only folds to nothing, which the index does not hold: the table answers (rare)
            found = select.rows("SELECT ID, NAME, NORMALIZED_NAME FROM SB_CUSTOMER WHERE NAME = ?", List.of(exact));
        } else {
            found = candidates(select, search, Set.of(folded), Set.of(exact));
        }
        List<Long> exactIds = found.stream().filter(n -> exact.equals(n.name())).map(Named::id).distinct().sorted().toList();
        if (!exactIds.isEmpty()) {
            return exactIds;
        }
        return found.stream().filter(n -> folded.equals(n.normalizedName())).map(Named::id).distinct().sorted().toList();
    }

    /** The customers whose stored folded name is one of {@code normalizedNames} (folded already), by folded name; ids ascending. */
    public static Map<String, List<Long>> idsByNormalizedName(Select select, CustomerSearch search, Collection<String> normalizedNames) {
        Map<String, List<Long>> ids = new HashMap<>();
        for (Named n : withNormalizedNames(select, search, normalizedNames)) {
            ids.computeIfAbsent(n.normalizedName(), k -> new ArrayList<>()).add(n.id());
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
            if (wanted.contains(n.normalizedName())) {
                confirmed.put(n.id(), n);
            }
        }
        return List.copyOf(confirmed.values());
    }

    /**
     * The rows that may match: those the index names under {@code folded}, read by id; while a bulk write's catch-up
     * is pending, those the table holds under {@code folded} or {@code exact} (a scan, but nothing committed is missed).
     * Callers filter the rows by the names the database returned.
     */
    private static List<Named> candidates(Select select, CustomerSearch search, Set<String> folded, Set<String> exact) {
        List<Named> rows = new ArrayList<>();
        if (search.isBulkWritePending()) {
            List<String> values = new ArrayList<>(folded);
            for (int from = 0; from < values.size(); from += CHUNK) {
                List<String> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
                List<String> parameters = new ArrayList<>(chunk);
                String sql = "SELECT ID, NAME, NORMALIZED_NAME FROM SB_CUSTOMER WHERE NORMALIZED_NAME IN (" + marks(chunk.size()) + ")";
                if (from == 0 && !exact.isEmpty()) {
                    sql += " OR NAME IN (" + marks(exact.size()) + ")";
                    parameters.addAll(exact);
                }
                rows.addAll(select.rows(sql, parameters));
            }
            return rows;
        }
        List<String> names = List.copyOf(folded);
        for (int from = 0; from < names.size(); from += CHUNK) {
            long[] ids = search.idsWithNormalizedNames(names.subList(from, Math.min(names.size(), from + CHUNK)));
            for (int i = 0; i < ids.length; i += CHUNK) {
                String in = Arrays.stream(ids, i, Math.min(ids.length, i + CHUNK)).mapToObj(Long::toString).collect(Collectors.joining(","));
                rows.addAll(select.rows("SELECT ID, NAME, NORMALIZED_NAME FROM SB_CUSTOMER WHERE ID IN (" + in + ")", List.of()));
            }
        }
        return rows;
    }

    private static String marks(int count) {
        return "?,".repeat(count - 1) + "?";
    }
}
