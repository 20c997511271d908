package org.salesbench.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.opentest4j.AssertionFailedError;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.PostgresServer;

/**
 * A migrated schema for {@link PostgresSchema#create}, made once per test JVM and server: a schema of its own is opened
 * as its owner (so Liquibase runs every change set of the changelogs this runtime has, and the users module makes the
 * team roles), then written out by {@code pg_dump} (tables, data, functions, triggers, row-level security policies,
 * masking views with their owners, grants) together with the team roles' memberships and database grants, and dropped.
 * Each test's schema replays that script under its own schema and role names in one transaction: the same objects a
 * migration makes, with its {@code SB_SCHEMA_FINGERPRINT} row, so the first opening skips Liquibase. Migrating a
 * schema costs a PostgreSQL test 1.2–1.5 s of change sets; the replay a fraction of that.
 * <p>
 * Without {@code pg_dump} on the path, or with {@code -D}{@value #PROPERTY}{@code =false} (to compare), each test's
 * schema is left empty and migrates when first opened, as before.
 */
final class PostgresTemplate {

    /** The system property that turns the template off ({@code false}): every test schema migrates. */
    static final String PROPERTY = "salesbench.pg.templates";

    private static final Map<String, PostgresTemplate> BY_SERVER = new LinkedHashMap<>();
    /** Where a template could not be made (no pg_dump): the reason, said once. */
    private static final Map<String, String> FAILED = new LinkedHashMap<>();

    private final String schema;
    /** The template's team, administrators' and masker roles, in the order their names are replaced (longest first). */
    private final List<String> roles;
    /** Statements that make the roles, their memberships and database grants; the template's names in them. */
    private final List<String> roleStatements;
    private final String script;
    /**
     * The extensions the migration made in the template schema (pg_trgm, for the customers' search), each with the
     * names of its operator classes and functions the script names as the template's: a test's schema makes them as
     * its migration would (in itself, unless the database has them in another schema already) and names them there.
     */
    private final Map<String, List<String>> extensions;

    private PostgresTemplate(String schema, List<String> roles, List<String> roleStatements, String script,
            Map<String, List<String>> extensions) {
        this.schema = schema;
        this.roles = roles;
        this.roleStatements = roleStatements;
        this.script = script;
        this.extensions = extensions;
    }

    /**
     * Makes {@code target} (an empty schema) a migrated one, as the template was; false when no template can be made
     * here (the schema stays empty and its first opening migrates it).
     */
    static boolean copyInto(PostgresSchema target, String serverUrl) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return false;
        }
        PostgresTemplate template;
        synchronized (BY_SERVER) {
            if (FAILED.containsKey(serverUrl)) {
                return false;
            }
            template = BY_SERVER.get(serverUrl);
            if (template == null) {
                try {
                    template = make(serverUrl);
                } catch (TemplateUnavailable e) {
                    FAILED.put(serverUrl, e.getMessage());
                    System.err.println("PostgreSQL test schemas migrate one by one: " + e.getMessage());
                    return false;
                }
                BY_SERVER.put(serverUrl, template);
            }
        }
        template.replay(target);
        return true;
    }

    private void replay(PostgresSchema target) {
        List<String> names = PostgresSchema.teamRoles(target.teamRole());
        List<String> mine = List.of(names.get(0), names.get(1), names.get(2));
        try (Connection c = Database.connect(new DatabaseSettings(target.server(), PostgresSchema.USER, PostgresSchema.USER))) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                String body = script;
                for (Map.Entry<String, List<String>> extension : extensions.entrySet()) {
                    s.execute("SET LOCAL search_path = \"" + target.name() + "\"");
                    s.execute("CREATE EXTENSION IF NOT EXISTS \"" + extension.getKey() + "\"");
                    String home;
                    try (ResultSet rs = s.executeQuery("SELECT QUOTE_IDENT(N.NSPNAME) FROM PG_EXTENSION E JOIN PG_NAMESPACE N"
                            + " ON N.OID = E.EXTNAMESPACE WHERE E.EXTNAME = '" + extension.getKey() + "'")) {
                        rs.next();
                        home = rs.getString(1);
                    }
                    for (String member : extension.getValue()) {
                        body = body.replace(schema + "." + member, home + "." + member);
                    }
                    body = body.replace("OPERATOR(" + schema + ".", "OPERATOR(" + home + ".");
                }
                StringBuilder sql = new StringBuilder();
                for (String statement : roleStatements) {
                    sql.append(rename(statement, target.name(), mine)).append(";\n");
                }
                sql.append(rename(body, target.name(), mine));
                s.execute(sql.toString());
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AssertionFailedError("PostgreSQL at " + target.server() + ": copying the migrated template into schema "
                    + target.name() + " failed: " + e.getMessage(), e);
        }
    }

    /** The template's schema and role names in {@code text} replaced by the target's (roles first: they hold the schema's). */
    private String rename(String text, String targetSchema, List<String> targetRoles) {
        String renamed = text;
        for (int i = 0; i < roles.size(); i++) {
            renamed = renamed.replace(roles.get(i), targetRoles.get(i));
        }
        return renamed.replace(schema, targetSchema);
    }

    private static PostgresTemplate make(String serverUrl) throws TemplateUnavailable {
        PostgresSchema template = PostgresSchema.empty("sbtpl");
        try {
            // the first opening as the schema's owner: every change set, and the users module's team roles
            Database.open(template.settings(), new LocalSecurityService(PostgresSchema.USER)).close();
            // admin, masker, team: each of the first two holds the team role's name
            List<String> roles = PostgresSchema.teamRoles(template.teamRole());
            List<String> roleStatements = roleStatements(serverUrl, roles);
            Map<String, List<String>> extensions = extensions(serverUrl, template.name());
            String script = dump(serverUrl, template.name());
            return new PostgresTemplate(template.name(), roles, roleStatements, script, extensions);
        } finally {
            template.close();
        }
    }

    /** The extensions in {@code schema}, each with the names of its operator classes and functions. */
    private static Map<String, List<String>> extensions(String serverUrl, String schema) {
        Map<String, List<String>> extensions = new LinkedHashMap<>();
        try (Connection c = Database.connect(new DatabaseSettings(serverUrl, PostgresSchema.USER, PostgresSchema.USER));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT E.EXTNAME, O.OPCNAME FROM PG_EXTENSION E JOIN PG_NAMESPACE N ON N.OID = E.EXTNAMESPACE"
                        + " JOIN PG_DEPEND D ON D.REFOBJID = E.OID AND D.REFCLASSID = 'pg_extension'::REGCLASS AND D.DEPTYPE = 'e'"
                        + " JOIN PG_OPCLASS O ON D.CLASSID = 'pg_opclass'::REGCLASS AND O.OID = D.OBJID WHERE N.NSPNAME = '" + schema + "'"
                        + " UNION SELECT E.EXTNAME, P.PRONAME FROM PG_EXTENSION E JOIN PG_NAMESPACE N ON N.OID = E.EXTNAMESPACE"
                        + " JOIN PG_DEPEND D ON D.REFOBJID = E.OID AND D.REFCLASSID = 'pg_extension'::REGCLASS AND D.DEPTYPE = 'e'"
                        + " JOIN PG_PROC P ON D.CLASSID = 'pg_proc'::REGCLASS AND P.OID = D.OBJID WHERE N.NSPNAME = '" + schema + "'"
                        + " ORDER BY 1, 2")) {
            while (rs.next()) {
                extensions.computeIfAbsent(rs.getString(1), e -> new ArrayList<>()).add(rs.getString(2));
            }
        } catch (SQLException e) {
            throw new AssertionFailedError("PostgreSQL at " + serverUrl + ": reading the template's extensions failed: " + e.getMessage(), e);
        }
        // longest first: a name may begin with another's (gin_trgm_ops, gin_trgm_ops_x)
        extensions.values().forEach(names -> names.sort((a, b) -> b.length() - a.length()));
        return extensions;
    }

    /** CREATE ROLE, GRANT role TO member and GRANT … ON DATABASE statements that make the template's roles as they are. */
    private static List<String> roleStatements(String serverUrl, List<String> roles) {
        List<String> statements = new ArrayList<>();
        String in = "('" + String.join("', '", roles) + "')";
        try (Connection c = Database.connect(new DatabaseSettings(serverUrl, PostgresSchema.USER, PostgresSchema.USER));
                Statement s = c.createStatement()) {
            // the team role first: the others are made after it, as the users module makes them
            for (String role : List.of(roles.get(2), roles.get(0), roles.get(1))) {
                try (ResultSet rs = s.executeQuery("SELECT ROLCANLOGIN FROM PG_ROLES WHERE ROLNAME = '" + role + "'")) {
                    if (rs.next()) {
                        if (rs.getBoolean(1)) {
                            throw new AssertionFailedError("the template's role " + role + " may sign in; a test schema's roles may not");
                        }
                        statements.add("CREATE ROLE \"" + role + "\" NOLOGIN");
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT R.ROLNAME, M.ROLNAME, A.ADMIN_OPTION FROM PG_AUTH_MEMBERS A"
                    + " JOIN PG_ROLES R ON R.OID = A.ROLEID JOIN PG_ROLES M ON M.OID = A.MEMBER"
                    + " WHERE R.ROLNAME IN " + in + " OR M.ROLNAME IN " + in)) {
                while (rs.next()) {
                    statements.add("GRANT \"" + rs.getString(1) + "\" TO \"" + rs.getString(2) + "\"" + (rs.getBoolean(3) ? " WITH ADMIN OPTION" : ""));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT A.PRIVILEGE_TYPE, G.ROLNAME, QUOTE_IDENT(D.DATNAME) FROM PG_DATABASE D,"
                    + " ACLEXPLODE(D.DATACL) A JOIN PG_ROLES G ON G.OID = A.GRANTEE WHERE D.DATNAME = CURRENT_DATABASE() AND G.ROLNAME IN " + in)) {
                while (rs.next()) {
                    statements.add("GRANT " + rs.getString(1) + " ON DATABASE " + rs.getString(3) + " TO \"" + rs.getString(2) + "\"");
                }
            }
        } catch (SQLException e) {
            throw new AssertionFailedError("PostgreSQL at " + serverUrl + ": reading the template's roles failed: " + e.getMessage(), e);
        }
        return statements;
    }

    /**
     * The template schema as {@code pg_dump} writes it (plain SQL, data as INSERTs), without its CREATE SCHEMA (the
     * target exists) and with the schema's own grants first: a masking view's owner needs CREATE on the schema before
     * the view is given to it, and pg_dump writes every grant last. (A schema whose owner only opened it has none: the
 * users module grants the team its tables when the owner signs in through it.)
     */
    private static String dump(String serverUrl, String schema) throws TemplateUnavailable {
        PostgresServer server = PostgresServer.of(serverUrl);
        ProcessBuilder builder = new ProcessBuilder("pg_dump", "--schema=" + schema, "--no-tablespaces", "--rows-per-insert=1000",
                "--encoding=UTF8");
        Map<String, String> environment = builder.environment();
        environment.put("PGHOST", server.host());
        environment.put("PGPORT", Integer.toString(server.port()));
        environment.put("PGDATABASE", server.database());
        environment.put("PGUSER", PostgresSchema.USER);
        environment.put("PGPASSWORD", PostgresSchema.USER);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        String text;
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionFailedError("pg_dump of the template schema " + schema + " failed (exit "
                        + (process.isAlive() ? "none" : process.exitValue()) + ")");
            }
        } catch (IOException e) {
            throw new TemplateUnavailable("pg_dump cannot be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while pg_dump wrote the template schema " + schema, e);
        }
        // pg_dump's psql meta-commands (restrict and unrestrict, each a backslash command) are not SQL
        text = text.lines().filter(line -> !line.startsWith("\\")).collect(java.util.stream.Collectors.joining("\n"));
        List<String> entries = new ArrayList<>(List.of(text.split("\n(?=--\n-- (?:Data for )?Name: )")));
        String schemaGrants = null;
        for (int i = entries.size() - 1; i >= 0; i--) {
            String header = entries.get(i).lines().skip(1).findFirst().orElse("");
            if (header.startsWith("-- Name: " + schema + "; Type: SCHEMA;")) {
                entries.remove(i);
            } else if (header.startsWith("-- Name: SCHEMA " + schema + "; Type: ACL;")) {
                schemaGrants = entries.remove(i);
            }
        }
        if (schemaGrants != null) {
            // after pg_dump's SET lines (the first entry), before any object
            entries.add(1, schemaGrants);
        }
        return String.join("\n", entries);
    }

    /** No template on this machine: the tests' schemas migrate one by one. */
    private static final class TemplateUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        TemplateUnavailable(String message) {
            super(message);
        }
    }
}
