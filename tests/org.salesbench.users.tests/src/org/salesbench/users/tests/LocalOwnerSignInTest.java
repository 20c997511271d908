package org.salesbench.users.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.Role;
import org.salesbench.users.User;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * The security service of an embedded database comes up as the database opens, before the first view paints: it
 * names the local owner as the users list does, with every right, and reads that without the persistence unit, whose
 * deploy the start no longer pays for before the first paint.
 */
class LocalOwnerSignInTest {

    private final String owner = LocalSecurityService.localLogin();
    private DatabaseSettings settings;
    private Database db;

    @BeforeEach
    void open(@TempDir Path dir) {
        settings = DatabaseSettings.embedded(dir.resolve("db"));
        db = Database.open(settings, new LocalSecurityService(owner));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theLocalOwnerIsNamedAsTheUsersListHasThemWithoutDeployingThePersistenceUnit() {
        RoleSecurityService unknown = new RoleSecurityService(db);
        assertEquals(owner, unknown.currentUser().login());
        assertEquals(System.getProperty(LocalSecurityService.DISPLAY_NAME_PROPERTY, owner), unknown.currentUser().displayName(),
                "not in the users list: as the launcher says, else the login");
        assertFalse(db.isUnitDeployed(), "signing in read one row with JDBC");

        new UserServiceImpl(db, new LocalSecurityService(owner)).createUser(new User(owner, "本机 王芳"));
        db.close();
        db = Database.open(settings, new LocalSecurityService(owner));
        RoleSecurityService known = new RoleSecurityService(db);
        assertFalse(db.isUnitDeployed());
        assertEquals("本机 王芳", known.currentUser().displayName());
        assertEquals(List.of(Role.ADMINISTRATOR), known.currentUser().roles());
        assertTrue(known.currentUser().localOwner());
        assertTrue(known.isPermitted(Action.DELETE, "Customer", "someone.else"), "the local owner may do everything");
    }
}
