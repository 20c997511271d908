package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.FieldMask;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.users.Role;
import org.salesbench.users.User;
import org.salesbench.users.internal.FieldMasks;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * Field rules reach a direct SQL session on a team server through the masking views (SB_CUSTOMER_V, SB_OPPORTUNITY_V…):
 * a rep whose role hides a customer's notes and a deal's amount reads them as NULL there, on the rows row-level
 * security lets them see; finance reads the values; a user with a second role that shows the field sees it (most
 * permissive wins); the database's rule (SB_FIELD_HIDDEN) agrees with the service's for every field of every record
 * kind; the views are read-only. The field matrix's "direct SQL" column is printed to the test's output.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresFieldMaskTest {

    private static final String PASSWORD = "Mask-Pass-2026";
    private static final String NOTES_C1 = "付款条件: 90 天";
    private static final String NOTES_C3 = "只接受现金";

    private PostgresSchema schema;
    private SalesData data;
    private final Map<String, List<String>> matrix = new LinkedHashMap<>();

    @BeforeAll
    void fill() throws SQLException {
        schema = PostgresSchema.create("fieldmask");
        data = new SalesData(schema.settings());
        // the schema's owner signs in first: the team role gets the tables and the masking views are made
        SecurityService owner = new RoleSecurityService(data.db);
        UserServiceImpl users = new UserServiceImpl(data.db, owner);
        users.createUser(new User("sun.li", "孙丽"));
        Role rep = users.roles().stream().filter(r -> r.name().equals(Role.SALES_REP)).findFirst().orElseThrow();
        users.createRole(new Role("rep_masked", "a rep who may not see notes nor amounts", false, rep.grants(), List.of(
                new Role.FieldRule("customer", "notes", FieldAccess.HIDDEN),
                new Role.FieldRule("customer", "grade", FieldAccess.READ),
                new Role.FieldRule("opportunity", "amount", FieldAccess.HIDDEN))));
        grant(users, "li.wei", List.of("rep_masked"));
        grant(users, "zhao.lei", List.of("rep_masked", Role.SALES_REP));
        grant(users, "sun.li", List.of(Role.FINANCE));
        try (Connection c = Database.connect(schema.settings());
                PreparedStatement s = c.prepareStatement("UPDATE SB_CUSTOMER SET NOTES = ? WHERE ID = ?")) {
            s.setString(1, NOTES_C1);
            s.setLong(2, data.id("C1"));
            s.executeUpdate();
            s.setString(1, NOTES_C3);
            s.setLong(2, data.id("C3"));
            s.executeUpdate();
        }
    }

    private static void grant(UserServiceImpl users, String login, List<String> roles) {
        users.setRoles(login, roles);
        users.enableSignIn(login, PASSWORD.toCharArray());
    }

    @AfterAll
    void close() {
        System.out.println("Field-level matrix, direct SQL (customer.notes, customer.grade, opportunity.amount in the masking views):");
        matrix.forEach((user, rows) -> rows.forEach(r -> System.out.println("  " + user + "\tdirect SQL: " + r)));
        if (data != null) {
            data.close();
        }
        if (schema != null) {
            schema.closeWithTeamRoles();
        }
    }

    private DatabaseSettings as(String login) {
        return new DatabaseSettings(schema.settings().url(), login, PASSWORD);
    }

    @Test
    void everyRecordKindHasAMaskingViewWithItsTablesColumns() throws SQLException {
        List<FieldMasks.Mask> masks = data.db.read(FieldMasks::of);
        Map<String, FieldMasks.Mask> byEntity = new HashMap<>();
        masks.forEach(m -> byEntity.put(m.entity(), m));
        for (String entity : List.of("customer", "contact", "activity", "opportunity", "lead")) {
            assertTrue(byEntity.containsKey(entity), entity + " has a masking view: " + byEntity.keySet());
        }
        assertEquals("notes", byEntity.get("customer").fieldOfColumn().get("notes"));
        assertEquals("amount", byEntity.get("opportunity").fieldOfColumn().get("amount"), "the embedded amount: its value");
        assertEquals("amount", byEntity.get("opportunity").fieldOfColumn().get("currency"), "and its currency");
        assertFalse(byEntity.get("customer").fieldOfColumn().containsKey("owner"), "bookkeeping is never masked");
        try (Connection c = Database.connect(schema.settings())) {
            for (FieldMasks.Mask mask : masks) {
                String table = mask.table().toLowerCase();
                assertEquals(columns(c, table), columns(c, table + "_v"), table + "_v has the table's columns, in order");
            }
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Test
    void aDirectSqlSessionReadsWhatItsRolesHideAsNull() throws SQLException {
        Map<String, Set<String>> rows = Map.of("li.wei", Set.of("C1", "C4"), "zhao.lei", Set.of("C3"), "sun.li",
                Set.of("C1", "C2", "C3", "C4"));
        Map<String, Boolean> notesShown = Map.of("li.wei", false, "zhao.lei", true, "sun.li", true);
        List<FieldMasks.Mask> masks = data.db.read(FieldMasks::of);
        for (String user : List.of("li.wei", "zhao.lei", "sun.li")) {
            try (Connection c = Database.connect(as(user)); Statement s = c.createStatement()) {
                for (FieldMasks.Mask mask : masks) {
                    assertEquals(count(s, mask.table()), count(s, mask.table() + "_V"), user + ": " + mask.table() + "_V shows the table's rows");
                }
                Map<Long, String[]> seen = new HashMap<>();
                try (ResultSet rs = s.executeQuery("SELECT ID, NAME, GRADE, NOTES FROM SB_CUSTOMER_V")) {
                    while (rs.next()) {
                        seen.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
                Set<String> keys = new TreeSet<>();
                for (String key : List.of("C1", "C2", "C3", "C4")) {
                    if (seen.containsKey(data.id(key))) {
                        keys.add(key);
                    }
                }
                assertEquals(rows.get(user), keys, user + ": the view keeps the table's row-level security");
                String mine = user.equals("zhao.lei") ? "C3" : "C1";
                String[] customer = seen.get(data.id(mine));
                assertTrue(customer[0] != null && !customer[0].isEmpty(), user + ": a field no rule hides is shown");
                assertEquals("A", customer[1], user + ": a read-only field is shown");
                String expectedNotes = mine.equals("C1") ? NOTES_C1 : NOTES_C3;
                assertEquals(notesShown.get(user) ? expectedNotes : null, customer[2], user + ": the notes of " + mine);

                boolean amountShown = !user.equals("li.wei");
                String deal = user.equals("zhao.lei") ? "O3" : "O1";
                BigDecimal amount;
                String currency;
                try (ResultSet rs = s.executeQuery("SELECT NAME, AMOUNT, CURRENCY FROM SB_OPPORTUNITY_V WHERE ID = " + data.id(deal))) {
                    assertTrue(rs.next(), user + " sees " + deal);
                    assertTrue(rs.getString(1) != null);
                    amount = rs.getBigDecimal(2);
                    currency = rs.getString(3);
                }
                if (amountShown) {
                    assertEquals(0, (deal.equals("O1") ? new BigDecimal("200000") : new BigDecimal("90000")).compareTo(amount),
                            user + ": the amount of " + deal);
                    assertEquals("CNY", currency);
                } else {
                    assertNull(amount, user + ": a hidden amount");
                    assertNull(currency, user + ": and its currency");
                }
                matrix.computeIfAbsent(user, u -> new ArrayList<>()).add(keys + " customers; notes of " + mine + " "
                        + (customer[2] == null ? "NULL" : "shown") + ", grade " + customer[1] + ", amount of " + deal + " "
                        + (amount == null ? "NULL" : amount.stripTrailingZeros().toPlainString() + " " + currency));

                // the views only read: writing goes through the table, under its own grants and policies
                long id = data.id(mine);
                assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE SB_CUSTOMER_V SET NOTES = 'x' WHERE ID = " + id),
                        user + " wrote a masked column through the view");
                assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE SB_CUSTOMER_V SET NAME = 'x' WHERE ID = " + id),
                        user + " wrote through the view");
            }
        }
        try (Connection c = Database.connect(schema.settings()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT NOTES FROM SB_CUSTOMER WHERE ID = " + data.id("C1"))) {
            assertTrue(rs.next());
            assertEquals(NOTES_C1, rs.getString(1), "nothing written through the views");
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The database's rule and the service's agree on every field of every record kind, for each user. */
    @Test
    void theDatabaseHidesExactlyWhatTheServiceHides() throws SQLException {
        Map<String, List<String>> secured = new UserServiceImpl(data.db, new RoleSecurityService(data.db)).securedFields();
        int hidden = 0;
        for (String user : List.of("li.wei", "zhao.lei", "sun.li")) {
            try (Database db = Database.open(as(user), new org.salesbench.core.security.LocalSecurityService(user));
                    Connection c = Database.connect(as(user));
                    PreparedStatement s = c.prepareStatement("SELECT F, SB_FIELD_HIDDEN(?, F) FROM UNNEST(?) F")) {
                SecurityService security = new RoleSecurityService(db);
                for (Map.Entry<String, List<String>> entity : secured.entrySet()) {
                    FieldMask mask = FieldMask.of(security, entity.getKey());
                    Array fields = c.createArrayOf("text", entity.getValue().toArray());
                    s.setString(1, entity.getKey());
                    s.setArray(2, fields);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            String field = rs.getString(1);
                            assertEquals(mask.hides(field), rs.getBoolean(2), user + ": " + entity.getKey() + "." + field);
                            hidden += rs.getBoolean(2) ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertEquals(2, hidden, "li.wei's notes and amount, nothing else, for nobody else");
    }
}
