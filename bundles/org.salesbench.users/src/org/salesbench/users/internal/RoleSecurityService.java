package org.salesbench.users.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.Scope;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.users.Role;
import org.salesbench.users.User;

/**
 * The security service of a running installation: the user is who the database says (on a team server the
 * database user, which nothing on the client can change), their rights come from their roles, teams and manager
 * chain. On an embedded database the local owner has every right.
 * <p>
 * On a team server the owner of the schema is its first administrator: signing in adds them as a user with the
 * administrator role if no user has it yet, and grants the tables to the team role (so tables added by new versions
 * are granted as well).
 */
@Component(service = SecurityService.class)
public class RoleSecurityService implements SecurityService {

    /**
     * Tables only administrators write: who may do what. (SB_RECORD_SHARE is the team's to write, within its row-level
     * policy: a share of a record the user may edit.)
     */
    static final List<String> ADMIN_TABLES = List.of("SB_USER", "SB_TEAM", "SB_TEAM_MEMBER", "SB_ROLE", "SB_ROLE_GRANT",
            "SB_ROLE_FIELD", "SB_USER_ROLE", "SB_PICKLIST_VALUE");

    private final CurrentUser user;
    private final AccessProfile profile;

    @Activate
    public RoleSecurityService(@Reference Database database) {
        String login = database.login();
        if (!database.isShared()) {
            String name = database.read(em -> em.createQuery("SELECT u FROM User u WHERE u.login = :l", User.class)
                    .setParameter("l", login).getResultStream().findFirst().map(User::getDisplayName)
                    .orElse(System.getProperty(LocalSecurityService.DISPLAY_NAME_PROPERTY, login)));
            this.user = new CurrentUser(login, name == null || name.isBlank() ? login : name, List.of(Role.ADMINISTRATOR), true);
            this.profile = AccessProfile.owner(login);
            return;
        }
        database.write(em -> {
            Connection c = em.unwrap(Connection.class);
            try {
                if (ownsSchema(c)) {
                    adoptOwner(em, c, login);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("granting the tables to the team role failed: " + e.getMessage(), e);
            }
            return null;
        });
        this.profile = database.read(em -> AccessProfile.of(login, RoleStore.roles(em, login), RoleStore.teamMates(em, login),
                RoleStore.subordinates(em, login)));
        List<String> roles = database.read(em -> RoleStore.roleNames(em, login));
        String name = database.read(em -> em.createQuery("SELECT u FROM User u WHERE u.login = :l", User.class)
                .setParameter("l", login).getResultStream().findFirst().map(User::getDisplayName).orElse(login));
        this.user = new CurrentUser(login, name, roles, false);
    }

    private static boolean ownsSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT PG_HAS_ROLE(CURRENT_USER, N.NSPOWNER, 'MEMBER') FROM PG_NAMESPACE N WHERE N.NSPNAME = CURRENT_SCHEMA()")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The schema's owner: the team role gets the tables, and the owner is an administrator if nobody is yet. */
    private static void adoptOwner(jakarta.persistence.EntityManager em, Connection c, String login) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT SB_GRANT_TEAM(ARRAY['" + String.join("','", ADMIN_TABLES) + "'])");
        }
        FieldMasks.renew(em, c);
        Long admin = RoleStore.roleId(em, Role.ADMINISTRATOR);
        boolean anyAdmin = !em.createNativeQuery("SELECT LOGIN FROM SB_USER_ROLE WHERE ROLE_ID = ?1").setParameter(1, admin)
                .setMaxResults(1).getResultList().isEmpty();
        if (anyAdmin) {
            return;
        }
        if (em.createQuery("SELECT u FROM User u WHERE u.login = :l", User.class).setParameter("l", login).getResultList().isEmpty()) {
            em.persist(new User(login, login));
        }
        em.createNativeQuery("INSERT INTO SB_USER_ROLE (LOGIN, ROLE_ID) VALUES (?1, ?2)").setParameter(1, login)
                .setParameter(2, admin).executeUpdate();
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public boolean isPermitted(Action action, String entity, String owner) {
        return profile.permits(action, entity, owner);
    }

    @Override
    public Scope scope(Action action, String entity) {
        return profile.widest(action, entity);
    }

    @Override
    public Map<String, FieldAccess> fieldRules(String entity) {
        return profile.fieldRules(entity);
    }
}
