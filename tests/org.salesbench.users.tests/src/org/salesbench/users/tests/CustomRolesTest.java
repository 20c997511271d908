package org.salesbench.users.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.Scope;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.CommandRunner;
import org.salesbench.users.Role;
import org.salesbench.users.User;
import org.salesbench.users.UserService;
import org.salesbench.users.internal.UserServiceImpl;
import org.salesbench.users.internal.UsersCommand;

/**
 * An administrator's own roles on Derby, through the {@code users roles} command and the service: created from a
 * built-in role, granted, given field rules; an unknown entity or field is refused naming it; a role in use, or a
 * built-in one, is not deleted.
 */
class CustomRolesTest {

    private Database db;
    private UserServiceImpl users;
    private CommandRunner cli;

    @BeforeEach
    void open() {
        LocalSecurityService security = new LocalSecurityService("admin");
        db = Database.open(DatabaseSettings.inMemory("roles-" + UUID.randomUUID()), security);
        users = new UserServiceImpl(db, security);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private int run(String... args) throws CommandException {
        cli = new CommandRunner(new UsersCommand(), db).with(UserService.class, users);
        return cli.run(args);
    }

    private Role role(String name) {
        return users.roles().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRoleIsMadeGrantedAndGivenFieldRulesFromTheCommandLine() throws CommandException {
        assertEquals(CliCommand.OK, run("roles", "fields", "opportunity"));
        assertTrue(cli.out().contains("amount"), "what a rule may name is listed first: " + cli.out());
        assertFalse(cli.out().contains("version"), "bookkeeping is no field a rule names");

        assertEquals(CliCommand.OK, run("roles", "create", "analyst", "--from", Role.FINANCE, "--description", "reads deals, not their amounts"));
        assertEquals(CliCommand.OK, run("roles", "grant", "analyst", "opportunity", "read,export", "team"));
        assertEquals(CliCommand.OK, run("roles", "field", "analyst", "opportunity", "amount", "hidden"));
        assertEquals(CliCommand.OK, run("roles", "field", "analyst", "customer", "notes", "read"));

        Role analyst = role("analyst");
        assertEquals("reads deals, not their amounts", analyst.description());
        assertTrue(analyst.grants().contains(new Role.Grant("opportunity", Action.READ, Scope.TEAM)));
        assertTrue(analyst.grants().contains(new Role.Grant("opportunity", Action.EXPORT, Scope.TEAM)));
        assertEquals(1, analyst.grants().stream().filter(g -> g.entity().equals("opportunity") && g.action() == Action.READ).count(),
                "a grant replaces the role's grant for the same entity and action");
        assertTrue(role(Role.FINANCE).grants().stream().allMatch(g -> analyst.grants().stream()
                .anyMatch(a -> a.entity().equals(g.entity()) && a.action() == g.action())), "copied from finance");
        assertEquals(List.of(new Role.FieldRule("opportunity", "amount", FieldAccess.HIDDEN), new Role.FieldRule("customer", "notes", FieldAccess.READ)),
                analyst.fields());

        assertEquals(CliCommand.OK, run("roles", "field", "analyst", "customer", "notes", "edit"));
        assertEquals(List.of(new Role.FieldRule("opportunity", "amount", FieldAccess.HIDDEN)), role("analyst").fields(),
                "edit is the default: the rule goes");

        assertEquals(CliCommand.OK, run("roles", "list"));
        assertTrue(cli.out().contains("opportunity.amount\tHIDDEN"), cli.out());
    }

    @Test
    void unknownEntitiesAndFieldsAreRefusedByName() throws CommandException {
        run("roles", "create", "auditor");
        ValidationException field = assertThrows(ValidationException.class, () -> run("roles", "field", "auditor", "opportunity", "margin", "hidden"));
        assertTrue(field.getMessage().contains("margin") && field.getMessage().contains("amount"), field.getMessage());
        ValidationException entity = assertThrows(ValidationException.class, () -> run("roles", "grant", "auditor", "widget", "read", "all"));
        assertTrue(entity.getMessage().contains("widget"), entity.getMessage());
        CommandException access = assertThrows(CommandException.class, () -> run("roles", "field", "auditor", "customer", "notes", "secret"));
        assertTrue(access.getMessage().contains("secret") && access.getMessage().contains("hidden"), access.getMessage());
        assertTrue(role("auditor").fields().isEmpty() && role("auditor").grants().isEmpty(), "nothing half-written");

        ValidationException both = assertThrows(ValidationException.class, () -> users.createRole(new Role("broken", null, false,
                List.of(new Role.Grant("widget", Action.READ, Scope.ALL)), List.of(new Role.FieldRule("customer", "margin", FieldAccess.HIDDEN)))));
        assertTrue(both.getMessage().contains("widget") && both.getMessage().contains("margin"), both.getMessage());
        assertTrue(users.roles().stream().noneMatch(r -> r.name().equals("broken")));
    }

    @Test
    void onlyAnUnusedRoleOfOnesOwnIsDeleted() throws CommandException {
        run("roles", "create", "temp");
        users.createUser(new User("wu.xin", "吴昕"));
        users.setRoles("wu.xin", List.of("temp"));
        ValidationException inUse = assertThrows(ValidationException.class, () -> run("roles", "delete", "temp"));
        assertTrue(inUse.getMessage().contains("wu.xin"), inUse.getMessage());
        ValidationException builtIn = assertThrows(ValidationException.class, () -> run("roles", "delete", Role.SALES_REP));
        assertTrue(builtIn.getMessage().contains(Role.SALES_REP), builtIn.getMessage());
        assertThrows(ValidationException.class, () -> run("roles", "field", Role.SALES_REP, "customer", "notes", "hidden"),
                "built-in roles are fixed");

        users.setRoles("wu.xin", List.of(Role.SALES_REP));
        assertEquals(CliCommand.OK, run("roles", "delete", "temp"));
        assertTrue(users.roles().stream().noneMatch(r -> r.name().equals("temp")));
        assertEquals(CliCommand.OK, run("roles", "wu.xin", Role.FINANCE), "users roles LOGIN ROLES still assigns roles");
        assertEquals(List.of(Role.FINANCE), users.rolesOf("wu.xin"));
    }
}
