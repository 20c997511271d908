package org.salesbench.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

import org.eclipse.osgi.util.NLS;
import org.salesbench.persistence.internal.EntityContributions.PicklistColumnDescriptor;

/**
 * After a migration: every value a declared picklist column holds that its list has not becomes a value of the list,
 * coded as stored and labelled as written in both languages (a free-text column converted to codes keeps what it did
 * not know as list values, and the user renames them later). A text longer than a code (64) stays free text, shown as written.
 */
public final class PicklistAdoption {

    private static final Logger LOG = Logger.getLogger(PicklistAdoption.class.getName());
    private static final int MAX_LABEL = 128, MAX_CODE = 64;

    private PicklistAdoption() {
    }

    /** Adopts the unknown values of {@code columns} whose tables and columns exist; returns how many values were added. */
    public static int adopt(Connection connection, List<PicklistColumnDescriptor> columns) throws SQLException {
        int added = 0;
        for (PicklistColumnDescriptor column : columns) {
            if (!column.table().matches("[A-Za-z][A-Za-z0-9_]{0,127}") || !column.column().matches("[A-Za-z][A-Za-z0-9_]{0,127}")) {
                LOG.warning(NLS.bind(Messages.Picklist_badColumn, new Object[] {column.bundle().getSymbolicName(), column.table(), column.column()}));
                continue;
            }
            if (!JdbcTables.exists(connection, column.table()) || !JdbcTables.hasColumn(connection, column.table(), column.column())) {
                continue;
            }
            added += adopt(connection, column);
        }
        return added;
    }

    private static int adopt(Connection connection, PicklistColumnDescriptor column) throws SQLException {
        Set<String> known = new HashSet<>();
        int position = 0;
        try (PreparedStatement s = connection.prepareStatement("SELECT CODE, POSITION FROM SB_PICKLIST_VALUE WHERE LIST_ID = ?")) {
            s.setString(1, column.list());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1).toUpperCase(Locale.ROOT));
                    position = Math.max(position, rs.getInt(2));
                }
            }
        }
        List<String> unknown = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT DISTINCT " + column.column() + " FROM " + column.table()
                + " WHERE " + column.column() + " IS NOT NULL ORDER BY 1");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String value = rs.getString(1);
                if (!value.isBlank() && value.length() <= MAX_CODE && known.add(value.toUpperCase(Locale.ROOT))) {
                    unknown.add(value);
                }
            }
        }
        if (unknown.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SB_PICKLIST_VALUE (LIST_ID, CODE, LABEL_EN, LABEL_ZH, "
                + "POSITION, ACTIVE, BUILT_IN) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (String value : unknown) {
                String label = value.strip().isEmpty() ? value : value.strip();
                label = label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL) : label;
                position += 10;
                insert.setString(1, column.list());
                insert.setString(2, value);
                insert.setString(3, label);
                insert.setString(4, label);
                insert.setInt(5, position);
                insert.setBoolean(6, true);
                insert.setBoolean(7, false);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return unknown.size();
    }
}
