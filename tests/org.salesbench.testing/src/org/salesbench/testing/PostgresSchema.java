package org.salesbench.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * A schema of its own on the PostgreSQL server named by {@value #URL_VARIABLE}, for one test or
 * one test class, dropped by {@link #close()}. Tests that use it are named {@code Postgres*Test} and
 * tagged {@code @Tag("postgres")}: the CI run counts them by that name.
 * <p>
 * Without a server URL the test is skipped on a developer's machine, but fails where a server is
 * required ({@value #REQUIRED_VARIABLE}{@code =true}, or {@code CI=true}): a CI run must not pass
 * green with its PostgreSQL tests silently skipped. A URL that names no reachable server always fails.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String URL_VARIABLE = "SALESBENCH_TEST_PG_URL";
    public static final String REQUIRED_VARIABLE = "SALESBENCH_TEST_PG_REQUIRED";
    /** User and password of the test server (.ci/start-postgres.sh creates it). */
    public static final String USER = "salesbench_test";

    /** The servers whose pg_trgm this JVM has put in schema public ({@link #sharedExtensions}). */
    private static final java.util.Set<String> SHARED_EXTENSIONS = new java.util.HashSet<>();

    private final String serverUrl;
    private final String name;
    /** The team role the users module names for this schema, read with the schema's making (see {@link #teamRole()}). */
    private String teamRole;

    private PostgresSchema(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** Whether this run must have a PostgreSQL server. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRED_VARIABLE)) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The server's JDBC URL; skips the calling test when none is set and none is required, fails it when one is. */
    public static String serverUrl() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if (required()) {
                throw new AssertionFailedError(URL_VARIABLE + " is not set, but this run requires PostgreSQL (" + REQUIRED_VARIABLE + " or CI is true)");
            }
            Assumptions.abort(URL_VARIABLE + " is not set");
        }
        return url;
    }

    /**
     * Creates a new schema {@code prefix_<random>} on the server, migrated: a copy of the schema every change set of
     * this runtime's changelogs makes, with its team roles, row-level security, triggers and masking views
     * ({@link PostgresTemplate}, made once per test JVM), so its first opening runs no change set. A test about the
     * migration itself takes an {@link #empty} schema.
     */
    public static PostgresSchema create(String prefix) {
        PostgresSchema schema = empty(prefix);
        try {
            PostgresTemplate.copyInto(schema, schema.serverUrl);
        } catch (RuntimeException | Error e) {
            schema.close();
            throw e;
        }
        return schema;
    }

    /** Creates a new empty schema {@code prefix_<random>} on the server: its first opening runs every change set. */
    public static PostgresSchema empty(String prefix) {
        String url = serverUrl();
        sharedExtensions(url);
        PostgresSchema schema = new PostgresSchema(url, prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        // one connection for the schema and its database's name: each connection is a server process and a password exchange
        try (Connection c = Database.connect(new DatabaseSettings(url, USER, USER)); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema.name);
            try (java.sql.ResultSet rs = s.executeQuery("SELECT CURRENT_DATABASE()")) {
                rs.next();
                schema.teamRole = teamRole(rs.getString(1), schema.name);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new AssertionFailedError("PostgreSQL at " + url + ": CREATE SCHEMA " + schema.name + " failed: " + e.getMessage(), e);
        }
        return schema;
    }

    /**
     * The customers' search extension (pg_trgm) in the server's {@code public} schema, once per server and test JVM. A
     * migration makes it where the database lacks it, in the schema it migrates: made so in one test's schema it went
     * with that schema when the test dropped it, and took every other schema's trigram indexes with it (the operator
     * classes they use are the extension's). One left in a test schema by an earlier run is moved. Where the server
     * refuses it (no pg_trgm, no privilege) the migrations say so and search without it, as a team server does.
     */
    private static void sharedExtensions(String url) {
        synchronized (SHARED_EXTENSIONS) {
            if (SHARED_EXTENSIONS.add(url)) {
                try (Connection c = Database.connect(new DatabaseSettings(url, USER, USER)); Statement s = c.createStatement()) {
                    s.execute("DO $$ BEGIN"
                            + " IF NOT EXISTS (SELECT 1 FROM PG_EXTENSION WHERE EXTNAME = 'pg_trgm') THEN CREATE EXTENSION pg_trgm SCHEMA public;"
                            + " ELSIF (SELECT N.NSPNAME FROM PG_EXTENSION E JOIN PG_NAMESPACE N ON N.OID = E.EXTNAMESPACE"
                            + " WHERE E.EXTNAME = 'pg_trgm') <> 'public' THEN ALTER EXTENSION pg_trgm SET SCHEMA public; END IF;"
                            + " EXCEPTION WHEN insufficient_privilege OR feature_not_supported OR undefined_file OR undefined_object THEN"
                            + " RAISE WARNING 'pg_trgm is not in schema public (%): the test schemas make it as their migrations do', SQLERRM;"
                            + " END $$");
                    if (!c.getAutoCommit()) {
                        c.commit();
                    }
                } catch (SQLException e) {
                    throw new AssertionFailedError("PostgreSQL at " + url + ": making pg_trgm in schema public failed: " + e.getMessage(), e);
                }
            }
        }
    }

    public String name() {
        return name;
    }

    /** The server's URL, without the schema. */
    String server() {
        return serverUrl;
    }

    /** Settings that open a database in this schema. */
    public DatabaseSettings settings() {
        return new DatabaseSettings(serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name, USER, USER);
    }

    /** Runs one statement on the server outside this schema's database (to set up or inspect). */
    public void onServer(String sql) {
        try (Connection c = Database.connect(new DatabaseSettings(serverUrl, USER, USER)); Statement s = c.createStatement()) {
            s.execute(sql);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new AssertionFailedError("PostgreSQL at " + serverUrl + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Drops the schema with everything in it, and the roles the users module made for it (its team role, the team's
     * administrators' role and the masking views' role): roles belong to the server, not the schema, so without this
     * every test that signed people in left three {@code sb_*} roles behind. People's own logins are the test's names
     * ({@code rep.a}), reused by the next run, and stay.
     */
    @Override
    public void close() {
        String team = teamRole();
        // one connection, each statement committed on its own as before (a role another run's tables still name stays)
        try (Connection c = Database.connect(new DatabaseSettings(serverUrl, USER, USER)); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("DROP SCHEMA " + name + " CASCADE");
            for (String role : teamRoles(team)) {
                try {
                    // the team role holds CONNECT on the database, which outlives the schema
                    s.execute("DO $$ BEGIN IF EXISTS (SELECT 1 FROM PG_ROLES WHERE ROLNAME = '" + role + "') THEN EXECUTE 'REVOKE ALL ON DATABASE '"
                            + " || QUOTE_IDENT(CURRENT_DATABASE()) || ' FROM \"" + role + "\"'; END IF; END $$");
                    s.execute("DROP ROLE IF EXISTS \"" + role + "\"");
                } catch (SQLException e) {
                    // another run's tables may still name it; it grants nothing once its schema is gone
                }
            }
        } catch (SQLException e) {
            throw new AssertionFailedError("PostgreSQL at " + serverUrl + ": dropping schema " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** The roles the users module makes for the schema whose team role is {@code team}: administrators, masker, team. */
    static List<String> teamRoles(String team) {
        return List.of(team.substring(0, Math.min(57, team.length())) + "_admin", team.substring(0, Math.min(56, team.length())) + "_fields", team);
    }

    /** The names of {@link #close()}'s roles, for a test that checks they are gone. */
    public List<String> teamRoles() {
        return teamRoles(teamRole());
    }

    /** The team role the users module names for this schema (SB_TEAM_ROLE: the database's name and the schema's). */
    String teamRole() {
        return teamRole;
    }

    private static String teamRole(String database, String schema) {
        String team = "sb_" + database + "_" + schema;
        return team.substring(0, Math.min(63, team.length()));
    }

    /**
     * The same as {@link #close()}, which now drops the team roles too; kept for the tests that call it.
     */
    public void closeWithTeamRoles() {
        close();
    }
}
