package org.salesbench.users.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.User;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * The users' tables were made by change set core-1 when the core bundle held it. A database remembers each change
 * set by id, author and changelog path and refuses one whose content changed: these must stay as that database
 * recorded them, or opening it would run core-1 again (and fail on the existing SB_USER) or stop on a checksum.
 */
class ExistingDatabaseTest {

    /** The row Salesbench wrote for core-1 before users had a bundle of their own, read from a database it made. */
    private static final List<String> RECORDED_BEFORE = List.of("core-1", "salesbench", "db/changelog/org.salesbench.core.xml",
            "9:d7dff594d82707c346f7e21b4ac55eff");

    @Test
    void theUsersChangeSetIsRecordedAsBeforeTheMove(@TempDir Path dir) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        try (Database db = Database.open(settings, new LocalSecurityService("admin"))) {
            assertEquals(List.of(RECORDED_BEFORE), changeSets(db, "core-1"));
            // what came after the move (roles, row-level security) are change sets of their own, under the same path
            assertTrue(changeSets(db, "users-%").stream().map(r -> r.get(0)).toList().containsAll(List.of("users-2-roles", "users-3-row-security")));
            assertTrue(changeSets(db, "users-%").stream().allMatch(r -> r.get(2).equals(RECORDED_BEFORE.get(2))));
        }
    }

    @Test
    void aDatabaseWithUsersOpensAgainWithItsUsers(@TempDir Path dir) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        LocalSecurityService security = new LocalSecurityService("admin");
        try (Database db = Database.open(settings, security)) {
            new UserServiceImpl(db, security).createUser(new User("li.wei", "李伟"));
        }
        try (Database again = Database.open(settings, security)) {
            assertEquals("李伟", new UserServiceImpl(again, security).findUser("li.wei").orElseThrow().getDisplayName());
            assertEquals(List.of(RECORDED_BEFORE), changeSets(again, "core-1"), "core-1 ran once");
        }
    }

    private static List<List<String>> changeSets(Database db, String idPattern) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = Database.connect(db.settings());
                var statement = c.prepareStatement("SELECT ID, AUTHOR, FILENAME, MD5SUM FROM DATABASECHANGELOG WHERE ID LIKE ?")) {
            statement.setString(1, idPattern);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }
}
