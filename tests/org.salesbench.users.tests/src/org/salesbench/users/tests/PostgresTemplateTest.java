package org.salesbench.users.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.Scope;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.users.Role;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * A PostgreSQL test's schema ({@link PostgresSchema#create}, a copy of a migrated template) is the schema a migration
 * makes, under its own names: the same tables and columns, indexes, constraints, triggers, functions (with their
 * search paths), views and their owners, row-level security and its policies, grants to its own team, administrators'
 * and masking roles, those roles' memberships and database grants, and the same change log and rows in every table.
 * Both are compared after their owner's first opening (which for the copy runs no change set) and sign-in through the
 * users module, and a field rule that makes the masking views.
 */
@Tag("postgres")
class PostgresTemplateTest {

    private static final String[] QUERIES = {
        "columns", "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_DEFAULT, IS_NULLABLE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION,"
                + " NUMERIC_SCALE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION",
        "relations", "SELECT C.RELNAME, C.RELKIND, C.RELROWSECURITY, C.RELFORCEROWSECURITY, PG_GET_USERBYID(C.RELOWNER),"
                + " OBJ_DESCRIPTION(C.OID, 'pg_class') FROM PG_CLASS C JOIN PG_NAMESPACE N ON N.OID = C.RELNAMESPACE WHERE N.NSPNAME = ?"
                + " ORDER BY 1",
        "grants", "SELECT C.RELNAME, PG_GET_USERBYID(A.GRANTEE), A.PRIVILEGE_TYPE, PG_GET_USERBYID(A.GRANTOR), A.IS_GRANTABLE"
                + " FROM PG_CLASS C JOIN PG_NAMESPACE N ON N.OID = C.RELNAMESPACE, ACLEXPLODE(C.RELACL) A WHERE N.NSPNAME = ? ORDER BY 1, 2, 3",
        "schema grants", "SELECT PG_GET_USERBYID(A.GRANTEE), A.PRIVILEGE_TYPE, PG_GET_USERBYID(N.NSPOWNER) FROM PG_NAMESPACE N,"
                + " ACLEXPLODE(N.NSPACL) A WHERE N.NSPNAME = ? ORDER BY 1, 2",
        "indexes", "SELECT INDEXNAME, INDEXDEF FROM PG_INDEXES WHERE SCHEMANAME = ? ORDER BY 1",
        "constraints", "SELECT CON.CONRELID::REGCLASS::TEXT, CON.CONNAME, PG_GET_CONSTRAINTDEF(CON.OID) FROM PG_CONSTRAINT CON"
                + " JOIN PG_NAMESPACE N ON N.OID = CON.CONNAMESPACE WHERE N.NSPNAME = ? ORDER BY 1, 2",
        "triggers", "SELECT T.TGRELID::REGCLASS::TEXT, T.TGNAME, PG_GET_TRIGGERDEF(T.OID), T.TGENABLED FROM PG_TRIGGER T"
                + " JOIN PG_CLASS C ON C.OID = T.TGRELID JOIN PG_NAMESPACE N ON N.OID = C.RELNAMESPACE WHERE N.NSPNAME = ? AND NOT T.TGISINTERNAL"
                + " ORDER BY 1, 2",
        "functions", "SELECT P.PRONAME, PG_GET_FUNCTION_IDENTITY_ARGUMENTS(P.OID), PG_GET_FUNCTIONDEF(P.OID), PG_GET_USERBYID(P.PROOWNER),"
                + " P.PROSECDEF, P.PROACL::TEXT FROM PG_PROC P JOIN PG_NAMESPACE N ON N.OID = P.PRONAMESPACE WHERE N.NSPNAME = ?"
                // not an extension's (pg_trgm's are in whichever schema made it first)
                + " AND NOT EXISTS (SELECT 1 FROM PG_DEPEND D WHERE D.CLASSID = 'pg_proc'::REGCLASS AND D.OBJID = P.OID AND D.DEPTYPE = 'e')"
                + " ORDER BY 1, 2",
        "views", "SELECT VIEWNAME, VIEWOWNER, DEFINITION FROM PG_VIEWS WHERE SCHEMANAME = ? ORDER BY 1",
        "policies", "SELECT TABLENAME, POLICYNAME, PERMISSIVE, ROLES::TEXT, CMD, QUAL, WITH_CHECK FROM PG_POLICIES WHERE SCHEMANAME = ?"
                + " ORDER BY 1, 2",
        "sequences", "SELECT SEQUENCENAME, LAST_VALUE, INCREMENT_BY FROM PG_SEQUENCES WHERE SCHEMANAME = ? ORDER BY 1",
        "change log", "SELECT ID, AUTHOR, FILENAME, ORDEREXECUTED, EXECTYPE, MD5SUM FROM \"$SCHEMA\".DATABASECHANGELOG WHERE ? <> ''"
                + " ORDER BY ORDEREXECUTED",
    };

    @Test
    void aTestsSchemaIsTheSchemaAMigrationMakesUnderItsOwnNames() throws SQLException {
        try (PostgresSchema migrated = PostgresSchema.empty("tplcheck"); PostgresSchema copied = PostgresSchema.create("tplcheck")) {
            signInAsOwner(migrated);
            signInAsOwner(copied);
            Map<String, List<String>> expected = describe(migrated);
            Map<String, List<String>> actual = describe(copied);
            for (String what : expected.keySet()) {
                assertEquals(String.join("\n", expected.get(what)), String.join("\n", actual.get(what)), what + " of the copied schema");
            }
            for (String what : List.of("columns", "grants", "schema grants", "indexes", "constraints", "triggers", "functions", "views",
                    "policies", "change log", "roles", "memberships", "database grants")) {
                assertFalse(expected.get(what).isEmpty(), "a migrated schema has " + what + ": the comparison compares something");
            }
            assertTrue(expected.get("relations").stream().anyMatch(r -> r.contains("|r|t|")), "some table has row-level security");
            assertTrue(expected.get("views").stream().anyMatch(v -> v.contains("|<fields>|")),
                    "some view is a masking view, owned by the masking role: " + expected.get("views"));
        }
    }

    /**
     * Opens the schema as its owner and signs in through the users module, as {@code PostgresTeam} does (which grants
     * the team its tables), and hides a field from a role (which makes the masking views and their role).
     */
    private static void signInAsOwner(PostgresSchema schema) {
        try (Database owner = Database.open(schema.settings(), new LocalSecurityService(PostgresSchema.USER))) {
            UserServiceImpl users = new UserServiceImpl(owner, new RoleSecurityService(owner));
            users.createRole(new Role("no_notes", "customers without their notes", false,
                    List.of(new Role.Grant("customer", Action.READ, Scope.OWN)),
                    List.of(new Role.FieldRule("customer", "notes", FieldAccess.HIDDEN))));
        }
    }

    /** What {@code schema} holds, with its own schema and role names written as placeholders. */
    private static Map<String, List<String>> describe(PostgresSchema schema) throws SQLException {
        List<String> roles = schema.teamRoles(); // administrators, masker, team
        Map<String, List<String>> described = new LinkedHashMap<>();
        try (Connection c = Database.connect(new DatabaseSettings(PostgresSchema.serverUrl(), PostgresSchema.USER, PostgresSchema.USER))) {
            for (int i = 0; i < QUERIES.length; i += 2) {
                described.put(QUERIES[i], rows(c, QUERIES[i + 1].replace("$SCHEMA", schema.name()), schema.name(), schema, roles));
            }
            String in = "('" + String.join("', '", roles) + "')";
            described.put("roles", rows(c, "SELECT ROLNAME, ROLCANLOGIN, ROLINHERIT FROM PG_ROLES WHERE ROLNAME IN " + in
                    + " AND ? <> '' ORDER BY 1", "-", schema, roles));
            described.put("memberships", rows(c, "SELECT R.ROLNAME, M.ROLNAME, A.ADMIN_OPTION FROM PG_AUTH_MEMBERS A JOIN PG_ROLES R"
                    + " ON R.OID = A.ROLEID JOIN PG_ROLES M ON M.OID = A.MEMBER WHERE (R.ROLNAME IN " + in + " OR M.ROLNAME IN " + in
                    + ") AND ? <> '' ORDER BY 1, 2", "-", schema, roles));
            described.put("database grants", rows(c, "SELECT PG_GET_USERBYID(A.GRANTEE), A.PRIVILEGE_TYPE FROM PG_DATABASE D,"
                    + " ACLEXPLODE(D.DATACL) A WHERE D.DATNAME = CURRENT_DATABASE() AND PG_GET_USERBYID(A.GRANTEE) IN " + in
                    + " AND ? <> '' ORDER BY 1, 2", "-", schema, roles));
            List<String> counts = new ArrayList<>();
            for (String table : rows(c, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'"
                    + " ORDER BY 1", schema.name(), schema, List.of())) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + schema.name() + "\".\"" + table + "\"")) {
                    rs.next();
                    counts.add(table + " " + rs.getLong(1));
                }
            }
            described.put("rows", counts);
        }
        return described;
    }

    private static List<String> rows(Connection c, String sql, String parameter, PostgresSchema schema, List<String> roles) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    String text = row.toString();
                    for (int i = 0; i < roles.size(); i++) {
                        text = text.replace(roles.get(i), List.of("<admin>", "<fields>", "<team>").get(i));
                    }
                    // pg_trgm's operator classes are named with the schema the extension is in, which ever schema made it first
                    text = text.replaceAll("[\\w\"]+\\.(gin_trgm_ops|gist_trgm_ops)", "<pg_trgm>.$1");
                    rows.add(text.replace(schema.name(), "<schema>"));
                }
            }
        }
        return rows;
    }
}
