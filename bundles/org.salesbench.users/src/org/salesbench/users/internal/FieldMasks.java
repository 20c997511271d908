package org.salesbench.users.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectCollectionMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * The masking views of a team server: for each record kind (an entity with field rules, see {@link SecuredFields}) the
 * view {@code <TABLE>_V} that shows a direct SQL session every column of the rows row-level security lets it see, with
 * the columns of each field the reader's roles hide as NULL (SB_MASK_FIELDS and SB_FIELD_HIDDEN in the users
 * changelog). The columns of a field come from the EclipseLink descriptor, so an embedded value (an amount and its
 * currency) or a reference (its key column) is masked whole. A field kept in a table of its own (a customer's tags, a
 * contact's phones and e-mails) has no column to mask: its rows are its values, which a row-level policy of that table
 * hides from a reader whose roles hide the field (SB_MASK_ROWS; {@link #rowsOf}).
 * <p>
 * On the tables themselves the columns of a field some role hides are locked (SB_LOCK_COLUMNS): the team may not
 * SELECT them there, so a direct SQL session reads them only through the views; the application reads through the
 * views too (EclipseLink by itself, native SQL through {@code org.salesbench.persistence.MaskingViews}).
 */
public final class FieldMasks {

    /** A record kind's table and, for each of its columns a rule may hide, the field it belongs to. */
    public record Mask(String entity, String table, Map<String, String> fieldOfColumn) {
    }

    /** A field kept in a table of its own, one row per value: a customer's tags ({@code SB_CUSTOMER_TAG}). */
    public record RowMask(String entity, String field, String table) {
    }

    private FieldMasks() {
    }

    /** The fields a rule may name that are kept in a table of their own, from the persistence unit's metamodel. */
    public static List<RowMask> rowsOf(EntityManager em) {
        Session session = em.unwrap(JpaEntityManager.class).getServerSession();
        Map<String, List<String>> secured = SecuredFields.of(em);
        List<RowMask> masks = new ArrayList<>();
        for (EntityType<?> type : em.getMetamodel().getEntities()) {
            String entity = SecuredFields.securityName(type.getJavaType());
            ClassDescriptor descriptor = entity == null ? null : session.getDescriptor(type.getJavaType());
            if (descriptor == null) {
                continue;
            }
            for (String field : secured.getOrDefault(entity, List.of())) {
                if (descriptor.getMappingForAttributeName(field) instanceof DirectCollectionMapping values
                        && values.getReferenceTable() != null) {
                    masks.add(new RowMask(entity, field, values.getReferenceTableName()));
                }
            }
        }
        masks.sort(java.util.Comparator.comparing(RowMask::table));
        return masks;
    }

    /** What the views mask, from the persistence unit's metamodel: one entry per record kind with a single table. */
    public static List<Mask> of(EntityManager em) {
        Session session = em.unwrap(JpaEntityManager.class).getServerSession();
        Map<String, List<String>> secured = SecuredFields.of(em);
        List<Mask> masks = new ArrayList<>();
        for (EntityType<?> type : em.getMetamodel().getEntities()) {
            String entity = SecuredFields.securityName(type.getJavaType());
            ClassDescriptor descriptor = entity == null ? null : session.getDescriptor(type.getJavaType());
            if (descriptor == null || descriptor.getTables().size() != 1) {
                continue;
            }
            String table = descriptor.getTableName();
            Map<String, String> fieldOfColumn = new TreeMap<>();
            for (String field : secured.getOrDefault(entity, List.of())) {
                DatabaseMapping mapping = descriptor.getMappingForAttributeName(field);
                if (mapping == null) {
                    continue;
                }
                for (DatabaseField column : mapping.getFields()) {
                    String of = column.getTableName();
                    if (of == null || of.isEmpty() || of.equalsIgnoreCase(table)) {
                        fieldOfColumn.put(column.getName().toLowerCase(Locale.ROOT), field);
                    }
                }
            }
            masks.add(new Mask(entity, table, fieldOfColumn));
        }
        return masks;
    }

    /**
     * Pins the rule functions' search path (SB_PIN_RULES), makes (or remakes, for columns added since) every record
     * kind's masking view and gives each table of a field's values its row policy (SB_MASK_ROWS); run by the schema's
     * owner.
     *
     * @return the views made, by table
     */
    static List<String> renew(EntityManager em, Connection c) throws SQLException {
        List<Mask> made = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT SB_PIN_RULES()"); ResultSet rs = s.executeQuery()) {
            rs.next(); // the rule functions no longer read a session's temporary tables of the same names
        }
        try (PreparedStatement s = c.prepareStatement("SELECT SB_MASK_FIELDS(?, ?, ?, ?)")) {
            for (Mask mask : of(em)) {
                List<String> columns = new ArrayList<>(mask.fieldOfColumn().keySet());
                List<String> fields = new ArrayList<>();
                columns.forEach(col -> fields.add(mask.fieldOfColumn().get(col)));
                Array columnArray = c.createArrayOf("text", columns.toArray());
                Array fieldArray = c.createArrayOf("text", fields.toArray());
                s.setString(1, mask.table());
                s.setString(2, mask.entity());
                s.setArray(3, columnArray);
                s.setArray(4, fieldArray);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        made.add(mask);
                    }
                }
            }
        }
        lock(c, made);
        try (PreparedStatement s = c.prepareStatement("SELECT SB_MASK_ROWS(?, ?, ?)")) {
            for (RowMask mask : rowsOf(em)) {
                s.setString(1, mask.table());
                s.setString(2, mask.entity());
                s.setString(3, mask.field());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next(); // false for a table without row-level security, which is left alone
                }
            }
        }
        return made.stream().map(Mask::table).toList();
    }

    /**
     * Records what the views of {@code made} mask (SB_FIELD_MASK) and locks, on each table, the columns of the fields
     * some role hides (SB_LOCK_COLUMNS; the database runs it again whenever a role's field rules change). A table
     * whose view could not be made is never locked: its readers would have nothing to read.
     */
    private static void lock(Connection c, List<Mask> made) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM SB_FIELD_MASK");
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO SB_FIELD_MASK (TABLE_NAME, COLUMN_NAME, ENTITY, FIELD) VALUES (?, ?, ?, ?)")) {
            for (Mask mask : made) {
                for (Map.Entry<String, String> column : mask.fieldOfColumn().entrySet()) {
                    s.setString(1, mask.table().toLowerCase(Locale.ROOT));
                    s.setString(2, column.getKey());
                    s.setString(3, mask.entity());
                    s.setString(4, column.getValue());
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SB_LOCK_COLUMNS()")) {
            rs.next();
        }
    }
}
