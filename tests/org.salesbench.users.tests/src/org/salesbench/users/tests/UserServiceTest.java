package org.salesbench.users.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.internal.UserServiceImpl;

class UserServiceTest {

    private Database db;
    private UserServiceImpl users;

    @BeforeEach
    void open() {
        LocalSecurityService security = new LocalSecurityService("admin");
        db = Database.open(DatabaseSettings.inMemory("users-" + UUID.randomUUID()), security);
        users = new UserServiceImpl(db, security);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private User user(String login, String name) {
        User u = new User(login, name);
        u.setEmail(login + "@example.cn");
        return users.createUser(u);
    }

    @Test
    void usersAndTeamsAreStoredAndListed() {
        user("li.wei", "李伟");
        User wang = new User("wang.fang", "王芳");
        wang.setManager("li.wei");
        users.createUser(wang);
        Team team = new Team("华东大客户部");
        team.setRegion("华东");
        team.setManager("li.wei");
        team.getMembers().addAll(List.of("li.wei", "wang.fang"));
        users.createTeam(team);

        assertEquals(List.of("李伟", "王芳"), users.users(true).stream().map(User::getDisplayName).toList());
        Team read = users.teams().get(0);
        assertEquals("华东", read.getRegion());
        assertEquals(2, read.getMembers().size());
        assertEquals("li.wei", users.findUser("wang.fang").orElseThrow().getManager());
    }

    @Test
    void aStaleCopyOfAUserIsRefusedNamingWhoChangedItAndTheirChangeStays() {
        user("chen.jie", "陈杰");
        LocalSecurityService zhangsLogin = new LocalSecurityService("zhang.min");
        try (Database zhangsDb = Database.open(db.settings(), zhangsLogin)) { // another person's session on the same database
            UserServiceImpl zhang = new UserServiceImpl(zhangsDb, zhangsLogin);
            User mine = users.findUser("chen.jie").orElseThrow(); // the list row an administrator acts on
            User theirs = zhang.findUser("chen.jie").orElseThrow();
            theirs.setEmail("chen.jie@new.example.cn");
            zhang.updateUser(theirs);

            mine.setActive(false); // Deactivate on the row read before Zhang's change
            ConcurrentChangeException conflict = assertThrows(ConcurrentChangeException.class, () -> users.updateUser(mine));
            assertEquals("zhang.min", conflict.getChangedBy(), conflict.getMessage());
            User stored = users.findUser("chen.jie").orElseThrow();
            assertEquals("chen.jie@new.example.cn", stored.getEmail(), "Zhang's change is kept");
            assertTrue(stored.isActive(), "nothing of the stale write reached the database");

            stored.setActive(false); // after a reload, on the version now seen
            users.updateUser(stored);
            assertEquals(false, users.findUser("chen.jie").orElseThrow().isActive());
        }
    }

    @Test
    void inactiveUsersAreLeftOutOfTheActiveList() {
        User u = user("gone", "Gone");
        u.setActive(false);
        users.updateUser(u);
        assertTrue(users.users(true).isEmpty());
        assertEquals(1, users.users(false).size());
    }

    @Test
    void badUsersAreRefusedFieldByFieldAndNothingIsWritten() {
        user("taken", "Taken");
        User bad = new User("bad login!", "");
        bad.setEmail("nope");
        bad.setManager("nobody");
        ValidationException e = assertThrows(ValidationException.class, () -> users.createUser(bad));
        assertNotNull(e.errorOf("login"));
        assertNotNull(e.errorOf("displayName"));
        assertNotNull(e.errorOf("email"));
        assertTrue(e.errorOf("manager").message().contains("nobody"));
        ValidationException dup = assertThrows(ValidationException.class, () -> users.createUser(new User("taken", "Again")));
        assertTrue(dup.errorOf("login").message().contains("taken"));
        assertEquals(1, users.users(false).size());
    }

    @Test
    void aTeamOfUnknownMembersIsRefused() {
        Team team = new Team("Ghosts");
        team.getMembers().add("ghost");
        ValidationException e = assertThrows(ValidationException.class, () -> users.createTeam(team));
        assertTrue(e.errorOf("members").message().contains("ghost"));
        assertTrue(users.teams().isEmpty());
    }

    @Test
    void everyCallAsksTheSecuritySeam() {
        SecurityService readOnly = new SecurityService() {
            @Override
            public CurrentUser currentUser() {
                return new CurrentUser("viewer", "Viewer");
            }

            @Override
            public boolean isPermitted(Action action, String entity, String owner) {
                return action == Action.READ;
            }
        };
        UserServiceImpl guarded = new UserServiceImpl(db, readOnly);
        assertThrows(AccessDeniedException.class, () -> guarded.createUser(new User("x1", "X")));
        assertThrows(AccessDeniedException.class, () -> guarded.createTeam(new Team("T")));
        assertTrue(guarded.users(false).isEmpty());
    }
}
