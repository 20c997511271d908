package org.salesbench.users.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * The test fixture leaves no roles behind on the shared server: a schema whose people signed in (so the users module
 * made its team role, its administrators' role and, for a hidden field, the masking views' role) is closed with plain
 * {@link PostgresSchema#close()}, and none of those roles is left; the people's logins, named by the tests, stay.
 */
@Tag("postgres")
class PostgresSchemaRolesTest {

    @Test
    void closingASchemaDropsTheTeamRolesItsUsersModuleMade() throws SQLException {
        PostgresTeam team = PostgresTeam.create("roles", db -> new UserServiceImpl(db, new RoleSecurityService(db)));
        PostgresSchema schema = team.schema();
        List<String> teamRoles = schema.teamRoles();
        DatabaseSettings server = new DatabaseSettings(PostgresSchema.serverUrl(), PostgresSchema.USER, PostgresSchema.USER);
        try {
            team.users().createRole(new Role("no_notes", "customers without their notes", false,
                    List.of(new Role.Grant("customer", org.salesbench.core.security.Action.READ, org.salesbench.core.security.Scope.OWN)),
                    List.of(new Role.FieldRule("customer", "notes", org.salesbench.core.security.FieldAccess.HIDDEN))));
            team.person("roles.a", "周岚", null, Role.SALES_REP).person("roles.b", "郑洁", null, "no_notes");
            try (Database a = team.open("roles.a")) {
                assertEquals("roles.a", new RoleSecurityService(a).currentUser().login());
            }
            List<String> made = existing(server, teamRoles);
            assertTrue(made.contains(teamRoles.get(2)) && made.contains(teamRoles.get(0)), "the team's roles were made: " + made);
        } finally {
            team.owner().close();
            schema.close(); // not closeWithTeamRoles: plain close drops them now
        }
        assertEquals(List.of(), existing(server, teamRoles), "roles left behind by the schema's close");
        assertEquals(List.of("roles.a", "roles.b"), existing(server, List.of("roles.a", "roles.b")), "the people's logins stay");
    }

    private static List<String> existing(DatabaseSettings server, List<String> roles) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = Database.connect(server);
                PreparedStatement s = c.prepareStatement("SELECT ROLNAME FROM PG_ROLES WHERE ROLNAME = ANY (?) ORDER BY ROLNAME")) {
            s.setArray(1, c.createArrayOf("text", roles.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }
}
