package org.salesbench.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.persistence.jpa.JpaEntityManager;
import org.salesbench.persistence.internal.MaskedReads;

/**
 * Where native SQL reads a record kind's row from: on a team server, a user who does not own the schema reads the
 * masking view {@code <TABLE>_V} (the table's columns, those of a field the user's roles hide NULL; see the users
 * module's {@code SB_MASK_FIELDS}), because the columns of a hidden field are locked on the table itself; everywhere
 * else (the schema's owner, an embedded database, a table with no view) the table. EclipseLink's own reads do the same
 * by themselves; writes always name the table.
 * <p>
 * A query names each table it reads a field column of in braces, and runs what {@link #sql} makes of it:
 *
 * <pre>
 * MaskingViews.query(em, "SELECT c.NAME, c.NOTES FROM {SB_CUSTOMER} c WHERE c.ID = ?1")
 * </pre>
 *
 * Only {@code {SB_...}} is replaced; a table it names that has no view stays itself.
 */
public final class MaskingViews {

    private static final Pattern TABLE = Pattern.compile("\\{(SB_[A-Z0-9_]+)\\}");

    private MaskingViews() {
    }

    /** {@code sql} with every {@code {SB_TABLE}} replaced by what this session reads the table through. */
    public static String sql(EntityManager em, String sql) {
        return sql(views(em), sql);
    }

    /**
     * The masking views (table → view, upper case) a connection of the application's own (search, bulk loads) reads
     * through, for {@link #sql(Map, String)}: ask once per connection.
     */
    public static Map<String, String> of(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? MaskedReads.of(connection)
                : Map.of();
    }

    /** {@code sql} with every {@code {SB_TABLE}} replaced by its view in {@code views} ({@link #of(Connection)}), or itself. */
    public static String sql(Map<String, String> views, String sql) {
        Matcher m = TABLE.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length() + 16);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(views.getOrDefault(m.group(1), m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A native query of {@link #sql}{@code (em, sql)}. */
    public static Query query(EntityManager em, String sql) {
        return em.createNativeQuery(sql(em, sql));
    }

    /** What this session reads {@code table} through: its masking view, or the table itself. */
    public static String table(EntityManager em, String table) {
        return views(em).getOrDefault(table.toUpperCase(Locale.ROOT), table);
    }

    /** Whether this session reads {@code table} through its masking view. */
    public static boolean masked(EntityManager em, String table) {
        return views(em).containsKey(table.toUpperCase(Locale.ROOT));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> views(EntityManager em) {
        Object views = em.unwrap(JpaEntityManager.class).getServerSession().getProperty(MaskedReads.PROPERTY);
        return views instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}
