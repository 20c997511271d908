package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * On a team server, only an administrator edits the picklists (the security service refuses a sales rep, and nothing
 * is written), while everyone reads them; an administrator's add, rename, move and deactivation are what every
 * session then reads. Runs on the server {@code SALESBENCH_TEST_PG_URL} names, in a schema of its own.
 */
@Tag("postgres")
class PostgresPicklistsTest {

    @Test
    void onlyAnAdministratorEditsPicklistsAndEveryoneReadsThem() {
        try (PostgresTeam team = PostgresTeam.create("picklists", db -> new UserServiceImpl(db, new RoleSecurityService(db)))) {
            team.person("boss", "周管理", null, Role.ADMINISTRATOR).person("rep.a", "李娜", null, Role.SALES_REP);
            // granted again now that the login exists: the first grant, before sign-in was enabled, could not make them
            // a member of the team's administrators' server role
            team.signIn("boss", Role.ADMINISTRATOR);
            try (Database rep = team.open("rep.a"); Database boss = team.open("boss")) {
                Picklists repLists = Picklists.open(rep, new RoleSecurityService(rep));
                Picklists bossLists = Picklists.open(boss, new RoleSecurityService(boss));
                int shipped = repLists.values(Picklists.INDUSTRY).size();
                assertEquals(32, shipped, "a rep reads the list");

                assertThrows(AccessDeniedException.class, () -> repLists.add(Picklists.INDUSTRY, null, "Space Mining", "太空采矿"));
                assertThrows(AccessDeniedException.class, () -> repLists.resolveOrAdd(Picklists.INDUSTRY, "Space Mining"));
                assertThrows(AccessDeniedException.class, () -> repLists.rename(Picklists.INDUSTRY, "TECHNOLOGY", "Tech", null));
                assertThrows(AccessDeniedException.class, () -> repLists.setActive(Picklists.INDUSTRY, "OTHER", false));
                assertThrows(AccessDeniedException.class, () -> repLists.move(Picklists.INDUSTRY, "OTHER", 0));
                assertEquals(shipped, bossLists.values(Picklists.INDUSTRY).size(), "nothing was written");

                PicklistValue added = bossLists.add(Picklists.INDUSTRY, null, "Space Mining", "太空采矿");
                assertEquals("SPACE_MINING", added.code());
                bossLists.rename(Picklists.INDUSTRY, "SPACE_MINING", null, "航天采矿");
                List<PicklistValue> moved = bossLists.move(Picklists.INDUSTRY, "SPACE_MINING", 0);
                assertEquals("SPACE_MINING", moved.get(0).code());
                bossLists.setActive(Picklists.INDUSTRY, "OTHER", false);

                Picklists fresh = Picklists.open(rep, new RoleSecurityService(rep)); // another session's view
                assertEquals("SPACE_MINING", fresh.values(Picklists.INDUSTRY).get(0).code());
                assertEquals("SPACE_MINING", fresh.resolve(Picklists.INDUSTRY, "航天采矿").orElseThrow());
                assertFalse(fresh.activeValues(Picklists.INDUSTRY).stream().anyMatch(v -> v.code().equals("OTHER")),
                        "a deactivated value is not offered");
                assertTrue(fresh.find(Picklists.INDUSTRY, "OTHER").isPresent(), "and still read for the records that have it");
                IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                        () -> bossLists.add(Picklists.INDUSTRY, "TECHNOLOGY", "Tech", "科技"));
                assertTrue(taken.getMessage().contains("TECHNOLOGY") && taken.getMessage().contains(Picklists.INDUSTRY), taken.getMessage());
            }
        }
    }
}
