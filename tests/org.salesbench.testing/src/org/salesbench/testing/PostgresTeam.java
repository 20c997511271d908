package org.salesbench.testing;

import java.util.List;
import java.util.function.Function;

import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * People on a team server, each signing in as their own PostgreSQL login: a {@link PostgresSchema} of its own, its
 * owner's database (the schema's owner, who may make logins and grant roles), and the test's people made there through
 * the real user service, with the shipped roles granted and sign-in enabled. {@link #close()} drops the schema and the
 * team roles the users module made for it. For the {@code Postgres*Test} classes, which all need this set-up.
 * <p>
 * This bundle needs the users module optionally (so the test runtimes of modules below it do not get it); a test
 * bundle that uses this class has it anyway.
 */
public final class PostgresTeam implements AutoCloseable {

    /** The password of every login this fixture enables. */
    public static final String PASSWORD = "Team-Pass-2026";

    private final PostgresSchema schema;
    private final Database owner;
    private final UserService users;

    private PostgresTeam(PostgresSchema schema, Database owner, UserService users) {
        this.schema = schema;
        this.owner = owner;
        this.users = users;
    }

    /**
     * A new schema {@code prefix_<random>} with its owner's database open; {@code userService} makes the user service
     * over that database as the product wires it (the users module's implementation with its role-based security).
     */
    public static PostgresTeam create(String prefix, Function<Database, UserService> userService) {
        PostgresSchema schema = PostgresSchema.create(prefix);
        Database owner = null;
        try {
            owner = Database.open(schema.settings(), new LocalSecurityService(PostgresSchema.USER));
            return new PostgresTeam(schema, owner, userService.apply(owner));
        } catch (RuntimeException | Error e) {
            if (owner != null) {
                owner.close();
            }
            schema.closeWithTeamRoles();
            throw e;
        }
    }

    /**
     * Makes the user {@code login} named {@code name}, reporting to {@code manager} (or nobody: null); with
     * {@code roles}, grants them and enables their sign-in with {@link #PASSWORD}. Managers are made before the people
     * who report to them.
     */
    public PostgresTeam person(String login, String name, String manager, String... roles) {
        User user = new User(login, name);
        if (manager != null) {
            user.setManager(manager);
        }
        users.createUser(user);
        if (roles.length > 0) {
            signIn(login, roles);
        }
        return this;
    }

    /** Grants an existing user {@code roles} (replacing theirs) and enables their sign-in with {@link #PASSWORD}. */
    public PostgresTeam signIn(String login, String... roles) {
        users.setRoles(login, List.of(roles));
        users.enableSignIn(login, PASSWORD.toCharArray());
        return this;
    }

    /** The settings {@code login} signs in with. */
    public DatabaseSettings settings(String login) {
        return new DatabaseSettings(schema.settings().url(), login, PASSWORD);
    }

    /** A database of {@code login}'s own session, signed in as their PostgreSQL login. */
    public Database open(String login) {
        return Database.open(settings(login), new LocalSecurityService(login));
    }

    public PostgresSchema schema() {
        return schema;
    }

    /** The schema owner's database, for set-up and inspection outside the people's row-level security. */
    public Database owner() {
        return owner;
    }

    /** The owner's user service (teams, more people). */
    public UserService users() {
        return users;
    }

    @Override
    public void close() {
        try {
            owner.close();
        } finally {
            schema.closeWithTeamRoles();
        }
    }
}
