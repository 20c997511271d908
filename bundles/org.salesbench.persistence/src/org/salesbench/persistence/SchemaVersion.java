package org.salesbench.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.salesbench.persistence.internal.EntityContributions;
import org.salesbench.persistence.internal.JdbcTables;
import org.salesbench.persistence.internal.SchemaMigrator;

/**
 * Which schema a database has, compared with this Salesbench's: a schema version is the number of change sets of
 * the installed modules' changelogs, and the database's is the number of those changelogs' change sets it ran. A
 * database that ran a change set this Salesbench does not know was changed by a newer Salesbench: it is
 * {@link #newerThanThisSalesbench() newer}, and an older client must not write it. (Change sets of add-ons that are
 * not installed here do not count either way.)
 *
 * @param database the database's schema version
 * @param thisSalesbench the version this Salesbench's changelogs make
 * @param unknown the change sets the database ran that this Salesbench does not know ({@code id (file)})
 */
public record SchemaVersion(int database, int thisSalesbench, List<String> unknown) {

    /** Whether a newer Salesbench changed the schema: this one must not open it. */
    public boolean newerThanThisSalesbench() {
        return !unknown.isEmpty();
    }

    /** The schema version of the database behind {@code connection} (a raw one, see {@link Database#connect}). */
    public static SchemaVersion of(Connection connection, String databaseName) {
        return SchemaMigrator.schemaVersion(connection, EntityContributions.changelogs(), databaseName);
    }

    /** One change set as the database's change log names it. */
    public static String key(String file, String id, String author) {
        String path = file.startsWith("classpath:") ? file.substring("classpath:".length()) : file;
        return (path.startsWith("/") ? path.substring(1) : path) + "::" + id + "::" + author;
    }

    /** The change sets the database ran, as {@link #key}s; none when it has no change log yet. */
    public static List<String> ranChangeSets(Connection connection) throws SQLException {
        List<String> ran = new ArrayList<>();
        if (!JdbcTables.exists(connection, "DATABASECHANGELOG")) {
            return ran;
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT FILENAME, ID, AUTHOR FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
            while (rs.next()) {
                ran.add(key(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return ran;
    }

    /** Compares the change sets a database ran with those this Salesbench knows (both as {@link #key}s). */
    public static SchemaVersion compare(List<String> ran, Set<String> known) {
        Set<String> files = new LinkedHashSet<>();
        for (String k : known) {
            files.add(k.substring(0, k.indexOf("::")));
        }
        int database = 0;
        List<String> unknown = new ArrayList<>();
        for (String k : ran) {
            String file = k.substring(0, k.indexOf("::"));
            if (!files.contains(file)) {
                continue; // an add-on this installation does not have
            }
            database++;
            if (!known.contains(k)) {
                String[] parts = k.split("::", 3);
                unknown.add(parts[1] + " (" + parts[0] + ")");
            }
        }
        return new SchemaVersion(database, known.size(), List.copyOf(unknown));
    }
}
