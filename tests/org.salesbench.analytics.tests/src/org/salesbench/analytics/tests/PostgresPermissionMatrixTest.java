package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.analytics.tests.SalesData.Q1_FROM;
import static org.salesbench.analytics.tests.SalesData.Q1_TO;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.cli.internal.Cli;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.BoardColumn;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.ForecastGrouping;
import org.salesbench.opportunities.ForecastQuery;
import org.salesbench.opportunities.ForecastRow;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.users.Role;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * Who sees what on a team server: rep A (li.wei), rep B (zhao.lei), the manager of A's team (chen.jing), finance
 * (sun.li) and an administrator (zhang.min), each signed in as their own PostgreSQL role, against every path a record
 * can leave by: a service read, the list and its count, search, report figures, the forecast, the board, an export
 * and a report from the command line, and a direct SQL session. The matrix is printed to the test's output.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresPermissionMatrixTest {

    private static final String PASSWORD = "Matrix-Pass-2026";
    private static final List<String> CUSTOMERS = List.of("C1", "C2", "C3", "C4");

    private PostgresSchema schema;
    private SalesData data;
    private final Map<String, Set<String>> expectedCustomers = new LinkedHashMap<>();
    private final Map<String, List<String>> matrix = new LinkedHashMap<>();
    private final Map<String, List<String>> fieldMatrix = new LinkedHashMap<>();

    @BeforeAll
    void fill() {
        schema = PostgresSchema.create("matrix");
        data = new SalesData(schema.settings());
        // the schema's owner signs in first: the team role gets the tables and the owner becomes an administrator
        SecurityService owner = new RoleSecurityService(data.db);
        assertTrue(owner.currentUser().roles().contains(Role.ADMINISTRATOR), owner.currentUser().toString());
        UserServiceImpl users = new UserServiceImpl(data.db, owner);
        users.createUser(new User("chen.jing", "陈静"));
        users.createUser(new User("sun.li", "孙丽"));
        users.createUser(new User("zhang.min", "张敏"));
        Team east = data.east;
        east.setManager("chen.jing");
        users.updateTeam(east);
        grant(users, "li.wei", Role.SALES_REP);
        grant(users, "zhao.lei", Role.SALES_REP);
        grant(users, "chen.jing", Role.SALES_MANAGER);
        grant(users, "sun.li", Role.FINANCE);
        grant(users, "zhang.min", Role.ADMINISTRATOR);
        expectedCustomers.put("li.wei", Set.of("C1", "C4"));
        expectedCustomers.put("zhao.lei", Set.of("C3"));
        expectedCustomers.put("chen.jing", Set.of("C1", "C2", "C4"));
        expectedCustomers.put("sun.li", Set.copyOf(CUSTOMERS));
        expectedCustomers.put("zhang.min", Set.copyOf(CUSTOMERS));
    }

    private static void grant(UserServiceImpl users, String login, String role) {
        users.setRoles(login, List.of(role));
        users.enableSignIn(login, PASSWORD.toCharArray());
    }

    @AfterAll
    void close() {
        System.out.println("Permission matrix (what each user sees on each path):");
        matrix.forEach((user, rows) -> rows.forEach(r -> System.out.println("  " + user + "\t" + r)));
        System.out.println("Field-level matrix (opportunity.amount, customer.notes, customer.grade on each path):");
        fieldMatrix.forEach((user, rows) -> rows.forEach(r -> System.out.println("  " + user + "\t" + r)));
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

    private String name(String key) {
        return Map.of("C1", "华东精密制造", "C2", "北方物流", "C3", "南方零售", "C4", "西部能源").get(key);
    }

    private Set<String> keysOf(List<Long> ids) {
        Set<String> keys = new TreeSet<>();
        for (String key : CUSTOMERS) {
            if (ids.contains(data.id(key))) {
                keys.add(key);
            }
        }
        return keys;
    }

    private void record(String user, String path, Object seen) {
        matrix.computeIfAbsent(user, u -> new ArrayList<>()).add(path + ": " + seen);
    }

    @Test
    @Order(1)
    void everyPathShowsEachUserOnlyWhatTheirRolesReach() throws Exception {
        Map<String, long[]> figures = Map.of( // opportunities, won revenue Q1 (CNY), open deals on the board
                "li.wei", new long[] {7, 370000, 1},
                "zhao.lei", new long[] {4, 450000, 1},
                "chen.jing", new long[] {12, 450000, 2},
                "sun.li", new long[] {17, 930000, 3},
                "zhang.min", new long[] {17, 930000, 3});
        for (String user : expectedCustomers.keySet()) {
            Set<String> expected = new TreeSet<>(expectedCustomers.get(user));
            long[] f = figures.get(user);
            try (Database db = Database.open(as(user), new org.salesbench.core.security.LocalSecurityService(user))) {
                RoleSecurityService security = new RoleSecurityService(db);
                assertEquals(user, security.currentUser().login(), "the database user is who one is");
                CustomerServiceImpl customers = new CustomerServiceImpl(db, security, data.publisher);
                OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, security, data.publisher);
                ForecastServiceImpl forecast = new ForecastServiceImpl(db, security);
                ReportServiceImpl reports = new ReportServiceImpl(db, security, new MetricCatalogueImpl(), forecast);

                Set<String> read = new TreeSet<>();
                for (String key : CUSTOMERS) {
                    if (customers.find(data.id(key)).isPresent()) {
                        read.add(key);
                    }
                }
                record(user, "service read", read);
                assertEquals(expected, read, user + ": service read");

                List<Long> listed = customers.page(CustomerFilter.ALL, CustomerSort.DEFAULT, 0, 100).stream().map(CustomerRow::id).toList();
                record(user, "list / count", keysOf(listed) + " / " + customers.count(CustomerFilter.ALL));
                assertEquals(expected, keysOf(listed), user + ": list");
                assertEquals(expected.size(), customers.count(CustomerFilter.ALL), user + ": count");

                Set<String> found = new TreeSet<>();
                for (String key : CUSTOMERS) {
                    if (!customers.page(CustomerFilter.text(name(key)), CustomerSort.DEFAULT, 0, 10).isEmpty()) {
                        found.add(key);
                    }
                }
                record(user, "search", found);
                assertEquals(expected, found, user + ": search");

                long deals = opportunities.count(OpportunityFilter.ALL);
                record(user, "opportunities", deals);
                assertEquals(f[0], deals, user + ": opportunities listed");

                ReportResult won = reports.run("won-revenue", ReportFilter.all().withPeriod(Q1_FROM, Q1_TO).withBy("owner"));
                BigDecimal total = won.rows().stream().map(r -> new BigDecimal(Results.value(won, r, "won_revenue").toString()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                record(user, "report won revenue Q1", total.toPlainString());
                assertEquals(0, BigDecimal.valueOf(f[1]).compareTo(total), user + ": won revenue " + total);

                long forecastDeals = forecast.forecast(ForecastQuery.months(YearMonth.of(2026, 5), YearMonth.of(2026, 6), ForecastGrouping.NONE))
                        .stream().mapToLong(ForecastRow::count).sum();
                record(user, "forecast May-Jun 2026", forecastDeals);
                assertEquals(f[2], forecastDeals, user + ": forecast");

                List<BoardColumn> open = opportunities.board(data.newBusiness.getId(), BoardFilter.ALL, 10).columns().stream()
                        .filter(c -> c.kind() == org.salesbench.opportunities.StageKind.OPEN).toList();
                long onBoard = open.stream().mapToLong(BoardColumn::count).sum();
                Set<String> carded = new TreeSet<>();
                open.forEach(c -> c.cards().forEach(card -> carded.add(card.name())));
                record(user, "board open deals / cards", onBoard + " / " + carded);
                assertEquals(f[2], onBoard, user + ": board");
                assertEquals(f[2], carded.size(), user + ": a card for each open deal the board counts, no other");
                for (BoardColumn column : open) {
                    for (var card : column.cards()) {
                        assertTrue(opportunities.find(card.id()).isPresent(), user + ": the card " + card.name() + " is a deal they may read");
                    }
                }

                if (!expected.contains("C3")) {
                    Customer forged = data.customers.find(data.id("C3")).orElseThrow();
                    forged.setNotes("changed by " + user);
                    assertThrows(RuntimeException.class, () -> customers.update(forged), user + " changes a customer they cannot see");
                }
            }
            Path csv = Files.createTempFile("matrix", ".csv");
            var result = CliRun.run(as(user), "export", "customers", csv.toString());
            assertEquals(0, result.code(), result.toString());
            Set<String> exported = new TreeSet<>();
            for (String key : CUSTOMERS) {
                if (Files.readString(csv).contains(name(key))) {
                    exported.add(key);
                }
            }
            Files.delete(csv);
            record(user, "CLI export", exported);
            assertEquals(expected, exported, user + ": export from the command line");

            try (Connection c = Database.connect(as(user)); Statement s = c.createStatement()) {
                Set<String> direct = new TreeSet<>();
                try (ResultSet rs = s.executeQuery("SELECT ID FROM SB_CUSTOMER")) {
                    List<Long> ids = new ArrayList<>();
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                    direct.addAll(keysOf(ids));
                }
                record(user, "direct SQL", direct);
                assertEquals(expected, direct, user + ": a direct SQL session");
                assertEquals(f[0], single(s, "SELECT COUNT(*) FROM SB_OPPORTUNITY"), user + ": deals by SQL");
                boolean readsAll = f[0] == 17;
                assertEquals(readsAll, single(s, "SELECT COUNT(*) FROM SB_STAGE_TOTAL") > 0, user + ": the board's running totals");
                if (!expected.contains("C3")) {
                    assertEquals(0, s.executeUpdate("UPDATE SB_CUSTOMER SET NOTES = 'x' WHERE ID = " + data.id("C3")),
                            user + " updates by SQL a row they cannot see");
                }
                if (!user.equals("zhang.min")) {
                    SQLException e = assertThrows(SQLException.class,
                            () -> s.executeUpdate("INSERT INTO SB_USER_ROLE (LOGIN, ROLE_ID) VALUES ('" + user + "', -1)"));
                    assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
                }
            }
        }
    }

    /**
     * Field-level security: an intern's role hides a customer's notes and lets them read, not change, its grade;
     * a sales rep (no field rules) sees and edits both. Hidden fields keep their stored value when the record is saved.
     */
    @Test
    @Order(2) // adds a customer the matrix does not count
    void fieldRulesHideAndLockFieldsPerRole() {
        SecurityService owner = new RoleSecurityService(data.db);
        UserServiceImpl users = new UserServiceImpl(data.db, owner);
        users.createUser(new User("wu.xin", "吴昕"));
        users.createRole(new Role("intern", "reads and edits own customers, not their notes or grade", false,
                List.of(new Role.Grant("customer", org.salesbench.core.security.Action.READ, org.salesbench.core.security.Scope.OWN),
                        new Role.Grant("customer", org.salesbench.core.security.Action.UPDATE, org.salesbench.core.security.Scope.OWN)),
                List.of(new Role.FieldRule("customer", "notes", org.salesbench.core.security.FieldAccess.HIDDEN),
                        new Role.FieldRule("customer", "grade", org.salesbench.core.security.FieldAccess.READ))));
        grant(users, "wu.xin", "intern");
        Customer c5 = new Customer("东方科技");
        c5.setOwner("wu.xin");
        c5.setGrade("B");
        c5.setNotes("信用冻结");
        long id = data.customers.create(c5).getId();

        try (Database db = Database.open(as("wu.xin"), new org.salesbench.core.security.LocalSecurityService("wu.xin"))) {
            RoleSecurityService security = new RoleSecurityService(db);
            CustomerServiceImpl customers = new CustomerServiceImpl(db, security, data.publisher);
            Customer seen = customers.find(id).orElseThrow();
            record("wu.xin", "fields of customer", "name=" + seen.getName() + ", grade=" + seen.getGrade() + ", notes=" + seen.getNotes());
            assertEquals(null, seen.getNotes(), "hidden from an intern");
            assertEquals("B", seen.getGrade(), "read-only, but shown");
            seen.setGrade("A");
            AccessDeniedException locked = assertThrows(AccessDeniedException.class, () -> customers.update(seen));
            assertTrue(locked.getMessage().contains("grade"), locked.getMessage());
            Customer again = customers.find(id).orElseThrow();
            again.setName("东方科技有限公司");
            customers.update(again);
        }
        Customer stored = data.customers.find(id).orElseThrow();
        assertEquals("东方科技有限公司", stored.getName());
        assertEquals("B", stored.getGrade());
        assertEquals("信用冻结", stored.getNotes(), "a field the user never saw keeps its value");

        try (Database db = Database.open(as("li.wei"), new org.salesbench.core.security.LocalSecurityService("li.wei"))) {
            RoleSecurityService security = new RoleSecurityService(db);
            Customer c1 = new CustomerServiceImpl(db, security, data.publisher).find(data.id("C1")).orElseThrow();
            record("li.wei", "fields of customer", "grade=" + c1.getGrade() + ", notes shown (no field rules)");
            assertEquals(org.salesbench.core.security.FieldAccess.EDIT, security.fieldAccess("customer", "notes"));
        }
    }

    private void recordField(String user, String path, Object seen) {
        fieldMatrix.computeIfAbsent(user, u -> new ArrayList<>()).add(path + ": " + seen);
    }

    /**
     * The field-level matrix: roles made from the command line (as the schema's owner) from the shipped ones, with
     * field rules: the rep's role hides a deal's amount and lets them only read a customer's grade, the manager's lets
     * them read but not change amounts, finance's hides the sales notes, the administrator has no rules. Every path
     * a field can leave by shows it or not by the same rule: a service read (and write), the list, the forecast, the
     * board, an export from the command line (which says what it left out) and the reports computed from the field.
     */
    @Test
    @Order(7) // after the shares: C1's notes are "edited by the team"
    void fieldRulesHoldOnEveryPath() throws Exception {
        String notes = "edited by the team";
        for (String[] command : List.of(
                new String[] {"create", "rep_fields", "--from", Role.SALES_REP},
                new String[] {"field", "rep_fields", "opportunity", "amount", "hidden"},
                new String[] {"field", "rep_fields", "customer", "grade", "read"},
                new String[] {"create", "manager_fields", "--from", Role.SALES_MANAGER},
                new String[] {"field", "manager_fields", "opportunity", "amount", "read"},
                new String[] {"create", "finance_fields", "--from", Role.FINANCE},
                new String[] {"field", "finance_fields", "customer", "notes", "hidden"})) {
            List<String> args = new ArrayList<>(List.of("users", "roles"));
            args.addAll(List.of(command));
            var result = CliRun.run(schema.settings(), args.toArray(String[]::new));
            assertEquals(0, result.code(), args + ": " + result);
        }
        var unknown = CliRun.run(schema.settings(), "users", "roles", "field", "rep_fields", "opportunity", "margin", "hidden");
        assertTrue(unknown.code() != 0 && unknown.err().contains("margin"), "an unknown field is refused by name: " + unknown);

        UserServiceImpl admin = new UserServiceImpl(data.db, new RoleSecurityService(data.db));
        Map<String, String> roles = Map.of("li.wei", "rep_fields", "chen.jing", "manager_fields", "sun.li", "finance_fields",
                "zhang.min", Role.ADMINISTRATOR);
        Map<String, String> shipped = Map.of("li.wei", Role.SALES_REP, "chen.jing", Role.SALES_MANAGER, "sun.li", Role.FINANCE,
                "zhang.min", Role.ADMINISTRATOR);
        roles.forEach((user, role) -> admin.setRoles(user, List.of(role)));
        try {
            for (String user : List.of("li.wei", "chen.jing", "sun.li", "zhang.min")) {
                boolean amountShown = !user.equals("li.wei");
                boolean amountEditable = user.equals("sun.li") || user.equals("zhang.min");
                boolean notesShown = !user.equals("sun.li");
                try (Database db = Database.open(as(user), new org.salesbench.core.security.LocalSecurityService(user))) {
                    RoleSecurityService security = new RoleSecurityService(db);
                    CustomerServiceImpl customers = new CustomerServiceImpl(db, security, data.publisher);
                    OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, security, data.publisher);
                    ForecastServiceImpl forecast = new ForecastServiceImpl(db, security);
                    ReportServiceImpl reports = new ReportServiceImpl(db, security, new MetricCatalogueImpl(), forecast);

                    var o1 = opportunities.find(data.id("O1")).orElseThrow();
                    assertEquals(amountShown, o1.getAmount() != null, user + ": the amount of O1, read");
                    Customer c1 = customers.find(data.id("C1")).orElseThrow();
                    assertEquals(notesShown ? notes : null, c1.getNotes(), user + ": the notes of C1, read");
                    assertEquals("A", c1.getGrade(), user + ": a read-only grade is shown");
                    recordField(user, "service read", "amount " + (amountShown ? o1.getAmount().getAmount().toPlainString() : "hidden")
                            + ", notes " + (notesShown ? "shown" : "hidden") + ", grade " + c1.getGrade());

                    String write;
                    if (amountShown && !amountEditable) {
                        o1.setAmount(org.salesbench.core.model.Money.cny("1"));
                        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> opportunities.update(o1), user);
                        assertTrue(e.getMessage().contains("amount"), e.getMessage());
                        write = "amount refused (read only)";
                    } else if (user.equals("li.wei")) {
                        c1.setGrade("B");
                        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> customers.update(c1), user);
                        assertTrue(e.getMessage().contains("grade"), e.getMessage());
                        write = "grade refused (read only)";
                    } else {
                        write = "amount editable";
                    }
                    if (user.equals("zhang.min") || user.equals("li.wei")) {
                        // the columns of hidden fields are locked on the tables, yet written as before by whoever may edit
                        // them (EclipseLink reads through the masking views, writes the table)
                        if (user.equals("zhang.min")) {
                            // (the service validates the deal's product through quotes, which this test does not wire)
                            try (Connection zc = Database.connect(as(user));
                                    java.sql.PreparedStatement update = zc.prepareStatement("UPDATE SB_OPPORTUNITY SET AMOUNT = ? WHERE ID = ?");
                                    Statement zs = zc.createStatement()) {
                                BigDecimal before = o1.getAmount().getAmount();
                                update.setBigDecimal(1, before.add(BigDecimal.ONE));
                                update.setLong(2, o1.getId());
                                assertEquals(1, update.executeUpdate(), user + " writes a locked amount on the table");
                                try (ResultSet rs = zs.executeQuery("SELECT AMOUNT FROM SB_OPPORTUNITY_V WHERE ID = " + o1.getId())) {
                                    assertTrue(rs.next());
                                    assertEquals(0, before.add(BigDecimal.ONE).compareTo(rs.getBigDecimal(1)), user + " reads the amount written");
                                }
                                update.setBigDecimal(1, before);
                                update.executeUpdate();
                            }
                            write += ", written on the locked column";
                        } else {
                            c1.setGrade("A");
                            c1.setNotes(notes + "!");
                            var saved = customers.update(c1);
                            assertEquals(notes + "!", customers.find(c1.getId()).orElseThrow().getNotes(), user + " changed locked notes");
                            saved.setNotes(notes);
                            customers.update(saved);
                            write += ", notes written on the locked column";
                        }
                    }
                    recordField(user, "service write", write);

                    List<org.salesbench.opportunities.OpportunityRow> listed = opportunities.page(OpportunityFilter.ALL, 0, 100);
                    assertTrue(!listed.isEmpty());
                    assertEquals(amountShown, listed.stream().allMatch(r -> r.amount() != null), user + ": amounts in the list");
                    assertTrue(amountShown || listed.stream().allMatch(r -> r.amount() == null), user + ": no amount in the list");
                    recordField(user, "list", listed.size() + " deals, amounts " + (amountShown ? "shown" : "blank"));

                    var months = forecast.forecast(ForecastQuery.months(YearMonth.of(2026, 5), YearMonth.of(2026, 6), ForecastGrouping.NONE));
                    assertTrue(months.stream().allMatch(r -> (r.amount() != null) == amountShown), user + ": forecast sums");
                    long totals = opportunities.board(data.newBusiness.getId(), BoardFilter.ALL, 10).columns().stream()
                            .filter(c -> !c.totals().isEmpty()).count();
                    assertEquals(amountShown, totals > 0, user + ": board column totals");
                    recordField(user, "forecast / board", amountShown ? "sums shown" : "counts only");

                    try {
                        ReportResult won = reports.run("won-revenue", ReportFilter.all().withPeriod(Q1_FROM, Q1_TO).withBy("owner"));
                        assertTrue(amountShown, user + " got a report summing hidden amounts: " + won.rows());
                        recordField(user, "report won revenue", won.rows().size() + " rows");
                    } catch (AccessDeniedException e) {
                        assertTrue(!amountShown && e.getMessage().contains("amount"), user + ": " + e.getMessage());
                        recordField(user, "report won revenue", "refused: " + e.getMessage());
                    }
                    assertEquals("activity", reports.run("activity", ReportFilter.all().withPeriod(Q1_FROM, Q1_TO)).reportId(),
                            user + ": a report of counts only is not refused");
                }

                Path deals = Files.createTempFile("fields", ".csv");
                var export = CliRun.run(as(user), "export", "opportunities", deals.toString());
                assertEquals(0, export.code(), export.toString());
                String file = Files.readString(deals);
                Files.delete(deals);
                assertEquals(amountShown, file.contains("200000"), user + ": O1's amount in the exported file");
                assertEquals(!amountShown, export.out().contains("(amount)"), user + ": the export says it left the amount out: " + export.out());
                Path list = Files.createTempFile("fields", ".csv");
                var customersExport = CliRun.run(as(user), "export", "customers", list.toString());
                assertEquals(0, customersExport.code(), customersExport.toString());
                assertEquals(notesShown, Files.readString(list).contains(notes), user + ": C1's notes in the exported file");
                Files.delete(list);
                recordField(user, "CLI export", "amount " + (amountShown ? "in the file" : "left out, said so")
                        + ", notes " + (notesShown ? "in the file" : "left out"));

                var report = CliRun.run(as(user), "report", "won-revenue", "--from", Q1_FROM.toString(), "--to", Q1_TO.toString());
                assertEquals(amountShown, report.code() == 0, user + ": report from the command line: " + report);
                if (!amountShown) {
                    assertTrue(report.err().contains("amount"), report.err());
                }
                recordField(user, "CLI report", report.code() == 0 ? "shown" : "refused, naming amount");

                // a direct SQL session reads the masking views: what the user's roles hide is NULL there
                try (Connection c = Database.connect(as(user)); Statement s = c.createStatement()) {
                    BigDecimal amount;
                    try (ResultSet rs = s.executeQuery("SELECT AMOUNT FROM SB_OPPORTUNITY_V WHERE ID = " + data.id("O1"))) {
                        assertTrue(rs.next(), user + " reads O1 by SQL");
                        amount = rs.getBigDecimal(1);
                    }
                    String sqlNotes;
                    try (ResultSet rs = s.executeQuery("SELECT NOTES FROM SB_CUSTOMER_V WHERE ID = " + data.id("C1"))) {
                        assertTrue(rs.next(), user + " reads C1 by SQL");
                        sqlNotes = rs.getString(1);
                    }
                    assertEquals(amountShown, amount != null, user + ": O1's amount in SB_OPPORTUNITY_V");
                    assertEquals(notesShown ? notes : null, sqlNotes, user + ": C1's notes in SB_CUSTOMER_V");
                    recordField(user, "direct SQL (masking views)", "amount " + (amount == null ? "NULL" : "shown") + ", notes "
                            + (sqlNotes == null ? "NULL" : "shown"));
                    // the tables themselves: a field some role hides is locked for the whole team (read it through the
                    // view), what no role hides (a name, a read-only grade) is read there as before
                    String o1Amount = "SELECT AMOUNT FROM SB_OPPORTUNITY WHERE ID = " + data.id("O1");
                    String c1Notes = "SELECT NOTES FROM SB_CUSTOMER WHERE ID = " + data.id("C1");
                    assertEquals("42501", assertThrows(SQLException.class, () -> single(s, o1Amount), user + ": " + o1Amount).getSQLState());
                    assertEquals("42501", assertThrows(SQLException.class, () -> single(s, c1Notes), user + ": " + c1Notes).getSQLState());
                    try (ResultSet rs = s.executeQuery("SELECT NAME, GRADE FROM SB_CUSTOMER WHERE ID = " + data.id("C1"))) {
                        assertTrue(rs.next(), user + " reads C1's unlocked columns on the table");
                        assertTrue(rs.getString(1) != null, user + ": C1's name on the table");
                        assertEquals("A", rs.getString(2), user + ": C1's read-only grade on the table");
                    }
                    recordField(user, "direct SQL (tables)", "amount and notes: permission denied, name and grade shown");
                }
            }
        } finally {
            shipped.forEach((user, role) -> admin.setRoles(user, List.of(role)));
            for (String role : List.of("rep_fields", "manager_fields", "finance_fields")) {
                var deleted = CliRun.run(schema.settings(), "users", "roles", "delete", role);
                assertEquals(0, deleted.code(), deleted.toString());
            }
        }
    }

    /** A record shared with a user, or with their team, is theirs to read (or edit) until the share ends. */
    @Test
    @Order(3)
    void aShareLetsAUserOrATeamSeeOneMoreRecord() throws SQLException {
        UserServiceImpl users = new UserServiceImpl(data.db, new RoleSecurityService(data.db));
        long c3 = data.id("C3");
        users.share(new org.salesbench.users.Share("customer", c3, "li.wei", false, "pre-sales"));
        users.share(new org.salesbench.users.Share("customer", data.id("C1"), org.salesbench.users.Share.team(data.south.getId()), true, null));
        assertEquals(List.of("li.wei"), users.shares("customer", c3).stream().map(org.salesbench.users.Share::grantee).toList());
        try (Connection c = Database.connect(as("li.wei")); Statement s = c.createStatement()) {
            assertEquals(1, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + c3), "shared to read");
            assertEquals(0, s.executeUpdate("UPDATE SB_CUSTOMER SET NOTES = 'x' WHERE ID = " + c3), "but not to edit");
        }
        try (Connection c = Database.connect(as("zhao.lei")); Statement s = c.createStatement()) {
            assertEquals(1, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + data.id("C1")), "shared with zhao.lei's team");
            assertEquals(1, s.executeUpdate("UPDATE SB_CUSTOMER SET NOTES = 'edited by the team' WHERE ID = " + data.id("C1")), "to edit");
        }
        users.unshare("customer", c3, "li.wei");
        try (Connection c = Database.connect(as("li.wei")); Statement s = c.createStatement()) {
            assertEquals(0, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + c3), "no longer shared");
        }
        record("li.wei", "shared C3 (read)", "seen, then gone after unshare");
        record("zhao.lei", "C1 shared with team 南区 (edit)", "seen and edited");
    }

    /** From the command line a rep can neither widen their reach by a filter nor grant themselves a record or a role. */
    @Test
    @Order(4)
    void theCommandLineRefusesForgedIdsAndHostileFilters() throws Exception {
        Path csv = Files.createTempFile("hostile", ".csv");
        try {
            for (String hostile : HostileInputTest.HOSTILE) {
                var result = CliRun.run(as("li.wei"), "export", "customers", csv.toString(), "--filter", hostile);
                String exported = result.code() == 0 ? Files.readString(csv) : "";
                for (String other : List.of("C2", "C3")) {
                    assertTrue(!exported.contains(name(other)), hostile + " exported " + other + ": " + exported);
                }
            }
        } finally {
            Files.deleteIfExists(csv);
        }
        var share = CliRun.run(as("li.wei"), "users", "share", "customer", Long.toString(data.id("C3")), "li.wei");
        assertTrue(share.code() != 0 && share.err().contains("li.wei"), share.toString());
        var role = CliRun.run(as("li.wei"), "users", "roles", "li.wei", Role.ADMINISTRATOR);
        assertTrue(role.code() != 0, role.toString());
        var forged = CliRun.run(as("li.wei"), "users", "share", "customer", "12abc", "li.wei");
        assertTrue(forged.code() != 0 && forged.err().contains("12abc"), forged.toString());
        try (Connection c = Database.connect(as("li.wei")); Statement s = c.createStatement()) {
            assertEquals(0, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + data.id("C3")), "still not li.wei's to see");
        }
        record("li.wei", "CLI: hostile --filter, forged share and role", "refused or harmless");
    }

    /**
     * The public pool on a team server: a customer returned to it is seen by every rep, claimed by one, and then
     * theirs alone, with its contacts and activities; its former owner no longer sees it.
     */
    @Test
    @Order(5)
    void aPooledCustomerIsSeenByAllAndClaimedByOne() throws SQLException {
        long c3 = data.id("C3");
        try (Connection c = Database.connect(schema.settings()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE SB_CUSTOMER SET OWNER = '" + org.salesbench.customers.pool.CustomerPool.POOL_OWNER + "' WHERE ID = " + c3);
            s.executeUpdate("INSERT INTO SB_CUSTOMER_POOL (CUSTOMER_ID, POOLED_AT, POOLED_FROM, REASON) VALUES (" + c3
                    + ", CURRENT_TIMESTAMP, 'zhao.lei', 'no follow-up')");
        }
        for (String rep : List.of("li.wei", "zhao.lei")) {
            try (Connection c = Database.connect(as(rep)); Statement s = c.createStatement()) {
                assertEquals(1, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + c3), rep + " sees the pool");
            }
        }
        try (Database db = Database.open(as("li.wei"), new org.salesbench.core.security.LocalSecurityService("li.wei"))) {
            RoleSecurityService security = new RoleSecurityService(db);
            new org.salesbench.customers.internal.pool.CustomerPoolImpl(db, security, data.publisher).claim(c3);
            Customer claimed = new CustomerServiceImpl(db, security, data.publisher).find(c3).orElseThrow();
            assertEquals("li.wei", claimed.getOwner());
            assertEquals(3, claimed.getActivities().size(), "the claimed customer comes with its activities");
        }
        try (Connection c = Database.connect(as("zhao.lei")); Statement s = c.createStatement()) {
            assertEquals(0, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + c3), "the former owner no longer sees it");
            assertEquals(0, s.executeUpdate("UPDATE SB_CUSTOMER SET OWNER = 'zhao.lei' WHERE ID = " + c3), "nor takes it back by SQL");
        }
        record("li.wei", "pool", "saw C3 in the pool, claimed it with its 3 activities");
        record("zhao.lei", "pool", "saw C3 in the pool; after li.wei's claim, not at all");
    }

    /** The audit trail shows a user the history of the records they may see, and nobody can rewrite it by SQL. */
    @Test
    @Order(6)
    void historyFollowsTheRecordAndCannotBeRewritten() throws SQLException {
        for (String user : List.of("li.wei", "zhang.min")) {
            try (Connection c = Database.connect(as(user)); Statement s = c.createStatement()) {
                long own = single(s, "SELECT COUNT(*) FROM SB_AUDIT_EVENT WHERE ENTITY = 'customer' AND RECORD_ID = " + data.id("C1"));
                long others = single(s, "SELECT COUNT(*) FROM SB_AUDIT_EVENT WHERE ENTITY = 'customer' AND RECORD_ID = " + data.id("C2"));
                record(user, "audit trail of C1 / C2", own + " / " + others + " events");
                assertTrue(own > 0, user + " reads the history of C1");
                assertEquals(user.equals("li.wei"), others == 0, user + ": the history of wang.fang's C2");
                for (String write : List.of("DELETE FROM SB_AUDIT_EVENT", "UPDATE SB_AUDIT_EVENT SET USER_NAME = 'nobody'")) {
                    SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(write), user + ": " + write);
                    assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
                }
            }
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() {
        var e = assertThrows(org.salesbench.persistence.DatabaseException.class,
                () -> Database.open(new DatabaseSettings(schema.settings().url(), "li.wei", "wrong"), new org.salesbench.core.security.LocalSecurityService("x")));
        assertTrue(e.getMessage().contains("li.wei") && e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void noPropertyMakesOneSomebodyElse() {
        String before = System.getProperty("salesbench.user");
        System.setProperty("salesbench.user", "zhang.min");
        try (Database db = Database.open(as("li.wei"), new org.salesbench.core.security.LocalSecurityService("zhang.min"))) {
            RoleSecurityService security = new RoleSecurityService(db);
            assertEquals("li.wei", security.currentUser().login());
            assertEquals(List.of(Role.SALES_REP), security.currentUser().roles());
            assertThrows(AccessDeniedException.class, () -> new UserServiceImpl(db, security).setRoles("li.wei", List.of(Role.ADMINISTRATOR)));
        } finally {
            if (before == null) {
                System.clearProperty("salesbench.user");
            } else {
                System.setProperty("salesbench.user", before);
            }
        }
    }

    /**
     * No password reaches a log: a password set for a user, a sign-in refused for a wrong one and one let in with the
     * right one, through the services and the command line, with EclipseLink logging everything it can
     * ({@code salesbench.db.log=FINEST}). Standard output and error, the platform log (its listeners and its file),
     * java.util.logging and the refusal's message are all read for the passwords.
     */
    @Test
    void noPasswordReachesALog() throws Exception {
        String wrong = "Wrong-Pass-4711-x";
        String fresh = "Fresh-Pass-0815-y";
        StringBuilder platformLog = new StringBuilder();
        org.eclipse.core.runtime.ILogListener listener = (status, plugin) -> {
            platformLog.append(status).append('\n');
            if (status.getException() != null) {
                platformLog.append(status.getException()).append('\n');
            }
        };
        StringBuilder julLog = new StringBuilder();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                julLog.append(r.getLoggerName()).append(' ').append(r.getMessage()).append(' ')
                        .append(java.util.Arrays.toString(r.getParameters())).append(' ').append(r.getThrown()).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        var logLocation = org.eclipse.core.runtime.Platform.getLogFileLocation();
        Path logFile = logLocation == null ? null : logLocation.toFile().toPath();
        long logFileBefore = logFile != null && Files.exists(logFile) ? Files.size(logFile) : 0;
        var captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.PrintStream tee = new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                err.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                captured.write(b, off, len);
                err.write(b, off, len);
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8);
        String level = System.getProperty("salesbench.db.log");
        String refusal;
        String cliRefusal;
        org.eclipse.core.runtime.Platform.addLogListener(listener);
        java.util.logging.Logger.getLogger("").addHandler(handler);
        System.setProperty("salesbench.db.log", "FINEST");
        System.setOut(tee);
        System.setErr(tee);
        try {
            new UserServiceImpl(data.db, new RoleSecurityService(data.db)).enableSignIn("sun.li", fresh.toCharArray());
            refusal = assertThrows(org.salesbench.persistence.DatabaseException.class,
                    () -> Database.open(new DatabaseSettings(schema.settings().url(), "sun.li", wrong), new org.salesbench.core.security.LocalSecurityService("sun.li")))
                    .getMessage();
            try (Database db = Database.open(new DatabaseSettings(schema.settings().url(), "sun.li", fresh),
                    new org.salesbench.core.security.LocalSecurityService("sun.li"))) {
                RoleSecurityService security = new RoleSecurityService(db);
                assertEquals("sun.li", security.currentUser().login());
                assertTrue(new CustomerServiceImpl(db, security, data.publisher).count(CustomerFilter.ALL) >= 4, "finance reads every customer");
            }
            Path csv = Files.createTempFile("signin", ".csv");
            var refused = CliRun.run(new DatabaseSettings(schema.settings().url(), "sun.li", wrong), "export", "customers", csv.toString());
            assertTrue(refused.code() != 0, refused.toString());
            cliRefusal = refused.err() + refused.out();
            var signedIn = CliRun.run(new DatabaseSettings(schema.settings().url(), "sun.li", fresh), "export", "customers", csv.toString());
            assertEquals(0, signedIn.code(), signedIn.toString());
            cliRefusal += signedIn.err() + signedIn.out();
            Files.delete(csv);
        } finally {
            System.setOut(out);
            System.setErr(err);
            restore("salesbench.db.log", level);
            java.util.logging.Logger.getLogger("").removeHandler(handler);
            org.eclipse.core.runtime.Platform.removeLogListener(listener);
            new UserServiceImpl(data.db, new RoleSecurityService(data.db)).enableSignIn("sun.li", PASSWORD.toCharArray());
        }
        assertTrue(refusal.contains("sun.li") && refusal.contains("password"), refusal);
        String console = captured.toString();
        assertTrue(console.contains("sun.li"), "EclipseLink at FINEST logged the sign-in, so the capture works: " + console);
        String fileLog = logFile != null && Files.exists(logFile) && Files.size(logFile) > logFileBefore
                ? new String(Files.readAllBytes(logFile), java.nio.charset.StandardCharsets.UTF_8).substring((int) Math.min(logFileBefore, Files.size(logFile)))
                : "";
        Map<String, String> logs = Map.of("the refusal", refusal, "the command line's error output", cliRefusal, "standard output and error", console,
                "the platform log", platformLog.toString(), "java.util.logging", julLog.toString(), "the log file", fileLog);
        for (var log : logs.entrySet()) {
            for (String password : List.of(wrong, fresh)) {
                assertTrue(!log.getValue().contains(password), password + " in " + log.getKey() + ":\n" + log.getValue());
            }
        }
        record("sun.li", "logs after a wrong and a right password", "no password in " + String.join(", ", new TreeSet<>(logs.keySet())));
    }

    /**
     * The User preference (the Preferences page's login, which the launcher turns into {@code -Dsalesbench.user}) names
     * somebody else: on a team server the services, and the command line writing a new customer, still act as the
     * database user one signed in as.
     */
    @Test
    void noPreferenceMakesOneSomebodyElse() throws Exception {
        org.osgi.service.prefs.Preferences node = org.eclipse.core.runtime.preferences.ConfigurationScope.INSTANCE.getNode("org.salesbench.ui");
        String preference = node.get("user.login", null);
        String property = System.getProperty("salesbench.user");
        node.put("user.login", "zhang.min");
        System.setProperty("salesbench.user", node.get("user.login", null)); // what ./salesbench makes of the preference
        Path csv = Files.createTempFile("preference", ".csv");
        try {
            try (Database db = Database.open(as("li.wei"), new org.salesbench.core.security.LocalSecurityService())) {
                RoleSecurityService security = new RoleSecurityService(db);
                assertEquals("li.wei", security.currentUser().login(), "the signed-in database user, not the preference");
                assertEquals(List.of(Role.SALES_REP), security.currentUser().roles());
                assertThrows(AccessDeniedException.class, () -> new UserServiceImpl(db, security).setRoles("li.wei", List.of(Role.ADMINISTRATOR)));
            }
            Files.writeString(csv, "Name,Notes\n偏好测试有限公司,imported under a preference that says zhang.min\n");
            var imported = CliRun.run(as("li.wei"), "import", "customers", csv.toString());
            assertEquals(0, imported.code(), imported.toString());
        } finally {
            Files.deleteIfExists(csv);
            if (preference == null) {
                node.remove("user.login");
            } else {
                node.put("user.login", preference);
            }
            restore("salesbench.user", property);
        }
        try (Connection c = Database.connect(schema.settings()); Statement s = c.createStatement()) {
            long id = single(s, "SELECT MAX(ID) FROM SB_CUSTOMER WHERE NAME = '偏好测试有限公司'");
            assertEquals(1, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + id + " AND OWNER = 'li.wei' AND CREATED_BY = 'li.wei'"),
                    "the new customer is the database user's");
            assertEquals(0, single(s, "SELECT COUNT(*) FROM SB_AUDIT_EVENT WHERE ENTITY = 'customer' AND RECORD_ID = " + id
                    + " AND USER_NAME <> 'li.wei'"), "no history row names the preference's login");
        }
        record("li.wei", "User preference set to zhang.min", "acts as li.wei (services, CLI import)");
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /**
     * Customer search on a team server runs in the database, on the user's own login: a rep finds their own customers
     * and the pool's by Chinese or Latin name, contact, phone digits or e-mail, never another rep's with the very same
     * phone; hostile input is only text; no search index is written on the client, and the trigram index serves it.
     */
    @Test
    @Order(7)
    void searchRunsOnTheServerAndFindsOnlyWhatTheUserMayRead() throws SQLException {
        long a = searchable("Acme Precision 精工机械", "li.wei", "王小明", "+86 138-0013-8000", "wang@acme-precision.cn");
        long b = searchable("Acme Logistics 精工物流", "zhao.lei", "赵强", "13800138000", "zhao@acme-logistics.cn");
        long pooled = searchable("Acme Resources 精工资源", "li.wei", "钱进", "0571 8888 1234", null);
        long customersBefore;
        try (Connection c = Database.connect(schema.settings()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE SB_CUSTOMER SET OWNER = '" + org.salesbench.customers.pool.CustomerPool.POOL_OWNER + "' WHERE ID = " + pooled);
            customersBefore = single(s, "SELECT COUNT(*) FROM SB_CUSTOMER");
        }
        Map<String, Set<Long>> expected = Map.of(
                "li.wei", Set.of(a, pooled),
                "zhao.lei", Set.of(b, pooled),
                "chen.jing", Set.of(a, pooled)); // manages li.wei's team, not zhao.lei's
        for (String user : expected.keySet()) {
            Set<Long> mine = expected.get(user);
            Set<Long> ownOnly = new TreeSet<>(mine);
            ownOnly.remove(pooled);
            try (Database db = Database.open(as(user), new org.salesbench.core.security.LocalSecurityService(user))) {
                CustomerServiceImpl customers = new CustomerServiceImpl(db, new RoleSecurityService(db), data.publisher);
                assertEquals(mine, found(customers, "精工"), user + ": a Chinese word of two characters");
                assertEquals(mine, found(customers, "ACME"), user + ": a Latin word, any case");
                assertEquals(mine, found(customers, "acme 精工"), user + ": every word must match");
                assertEquals(Set.of(pooled), found(customers, "钱进"), user + ": a contact's name");
                assertEquals(ownOnly, found(customers, "138 0013 8000"), user + ": phone digits, typed with spaces");
                assertEquals(ownOnly, found(customers, "8613800138000"), user + ": phone digits with the country code");
                assertEquals(Set.of(pooled), found(customers, "88881234"), user + ": part of a landline");
                assertEquals(Set.of(), found(customers, "精%工"), user + ": LIKE's wildcard is a character like any other");
                for (String hostile : List.of("x' OR '1'='1", "'; DROP TABLE SB_CUSTOMER; --", "精工' UNION SELECT ID FROM SB_CUSTOMER --")) {
                    assertEquals(Set.of(), found(customers, hostile), user + ": " + hostile);
                }
                assertEquals(mine.size(), customers.count(CustomerFilter.text("精工")), user + ": count");
                String email = user.equals("zhao.lei") ? "zhao@acme-logistics.cn" : "wang@acme-precision.cn";
                assertEquals(user.equals("zhao.lei") ? Set.of(b) : Set.of(a), found(customers, email.substring(0, 8)), user + ": e-mail");
                Path index = as(user).searchIndexFolder();
                assertTrue(index == null || !Files.exists(index), user + ": no search index on the client: " + index);
                record(user, "server search 精工 / phone 13800138000", found(customers, "精工").size() + " / " + found(customers, "13800138000").size());
            }
        }
        try (Connection c = Database.connect(schema.settings()); Statement s = c.createStatement()) {
            assertEquals(customersBefore, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER"), "the hostile words changed nothing");
            s.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT ID FROM SB_CUSTOMER WHERE LOWER(NAME || ' ' || COALESCE(SHORT_NAME, '') || ' ' || NORMALIZED_NAME"
                    + " || ' ' || COALESCE(CREDIT_CODE, '')) LIKE '%精工机%'")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().toLowerCase(java.util.Locale.ROOT).contains("ix_sb_customer_search"), plan.toString());
        }
    }

    /** A customer with one contact, created by the schema's owner. */
    private long searchable(String name, String owner, String contact, String phone, String email) {
        Customer customer = new Customer(name);
        customer.setOwner(owner);
        org.salesbench.customers.Contact k = customer.addContact(new org.salesbench.customers.Contact(contact));
        k.getPhones().add(phone);
        if (email != null) {
            k.getEmails().add(email);
        }
        return data.customers.create(customer).getId();
    }

    private static Set<Long> found(CustomerServiceImpl customers, String text) {
        return new TreeSet<>(customers.page(CustomerFilter.text(text), CustomerSort.DEFAULT, 0, 100).stream().map(CustomerRow::id).toList());
    }

    /**
     * A rep shares their own customer with another rep, who then sees it by SQL as themselves; a third rep, and the
     * rep it was shared with to read, may not share it on, through the service or by writing the share table.
     */
    @Test
    @Order(20)
    void aRepSharesTheirOwnRecordAndNobodyElses() throws SQLException {
        UserServiceImpl admin = new UserServiceImpl(data.db, new RoleSecurityService(data.db));
        admin.createUser(new User("he.ming", "何明"));
        grant(admin, "he.ming", Role.SALES_REP);
        long c4 = data.id("C4"); // li.wei's
        try (Connection c = Database.connect(as("zhao.lei")); Statement s = c.createStatement()) {
            assertEquals(0, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + c4), "not zhao.lei's before the share");
        }
        try (Database db = Database.open(as("li.wei"), new org.salesbench.core.security.LocalSecurityService("li.wei"))) {
            UserServiceImpl users = new UserServiceImpl(db, new RoleSecurityService(db));
            assertTrue(users.mayShare("customer", c4));
            users.share(new org.salesbench.users.Share("customer", c4, "zhao.lei", false, null));
        }
        try (Connection c = Database.connect(as("zhao.lei")); Statement s = c.createStatement()) {
            assertEquals(1, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + c4), "shared by its owner");
        }
        for (String other : List.of("he.ming", "zhao.lei")) {
            try (Database db = Database.open(as(other), new org.salesbench.core.security.LocalSecurityService(other))) {
                UserServiceImpl users = new UserServiceImpl(db, new RoleSecurityService(db));
                assertTrue(!users.mayShare("customer", c4), other);
                AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                        () -> users.share(new org.salesbench.users.Share("customer", c4, other, true, null)));
                assertTrue(denied.getMessage().contains(other) && denied.getMessage().contains(Long.toString(c4)), denied.getMessage());
                assertThrows(AccessDeniedException.class, () -> users.unshare("customer", c4, "zhao.lei"));
            }
            try (Connection c = Database.connect(as(other)); Statement s = c.createStatement()) {
                assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO SB_RECORD_SHARE (ENTITY, RECORD_ID, GRANTEE, ACCESS,"
                        + " CREATED_AT, CREATED_BY) VALUES ('customer', " + c4 + ", '" + other + "', 'EDIT', CURRENT_TIMESTAMP, '" + other + "')"),
                        "the share table's policy refuses " + other);
            }
        }
        try (Connection c = Database.connect(as("he.ming")); Statement s = c.createStatement()) {
            assertEquals(0, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + c4), "he.ming got nothing");
        }
        try (Database db = Database.open(as("li.wei"), new org.salesbench.core.security.LocalSecurityService("li.wei"))) {
            new UserServiceImpl(db, new RoleSecurityService(db)).unshare("customer", c4, "zhao.lei");
        }
        try (Connection c = Database.connect(as("zhao.lei")); Statement s = c.createStatement()) {
            assertEquals(0, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + c4), "unshared by its owner");
        }
        record("li.wei", "shares own C4 with zhao.lei", "shared, then unshared");
        record("he.ming", "shares li.wei's C4", "refused by the service and by the share table's policy");
    }

    /**
     * Field rules in a direct SQL session: the masking views (SB_CUSTOMER_V, SB_OPPORTUNITY_V…). A rep whose only role
     * hides a customer's notes and a deal's amount reads them as NULL there, on the rows the table's row-level security
     * shows them; a rep with a second role that shows them sees them (most permissive wins), as finance does; a field a
     * role makes read-only is shown; every view has its table's columns and rows; the views only read; and the
     * database's rule (SB_FIELD_HIDDEN) agrees with the service's on every field of every record kind.
     */
    @Test
    @Order(21)
    void directSqlReadsWhatTheRolesHideAsNullThroughTheMaskingViews() throws SQLException {
        String notesC1 = "付款条件: 90 天";
        String notesC3 = "只接受现金";
        try (Connection c = Database.connect(schema.settings());
                java.sql.PreparedStatement s = c.prepareStatement("UPDATE SB_CUSTOMER SET NOTES = ? WHERE ID = ?")) {
            s.setString(1, notesC1);
            s.setLong(2, data.id("C1"));
            s.executeUpdate();
            s.setString(1, notesC3);
            s.setLong(2, data.id("C3"));
            s.executeUpdate();
        }
        UserServiceImpl admin = new UserServiceImpl(data.db, new RoleSecurityService(data.db));
        Role rep = admin.roles().stream().filter(r -> r.name().equals(Role.SALES_REP)).findFirst().orElseThrow();
        admin.createRole(new Role("rep_masked", "a rep who may not see notes nor amounts", false, rep.grants(), List.of(
                new Role.FieldRule("customer", "notes", org.salesbench.core.security.FieldAccess.HIDDEN),
                new Role.FieldRule("customer", "grade", org.salesbench.core.security.FieldAccess.READ),
                new Role.FieldRule("opportunity", "amount", org.salesbench.core.security.FieldAccess.HIDDEN))));
        admin.setRoles("li.wei", List.of("rep_masked"));
        admin.setRoles("zhao.lei", List.of("rep_masked", Role.SALES_REP));
        try {
            List<org.salesbench.users.internal.FieldMasks.Mask> masks = data.db.read(org.salesbench.users.internal.FieldMasks::of);
            Map<String, org.salesbench.users.internal.FieldMasks.Mask> byEntity = new LinkedHashMap<>();
            masks.forEach(m -> byEntity.put(m.entity(), m));
            assertTrue(byEntity.keySet().containsAll(List.of("customer", "contact", "activity", "opportunity", "lead")), byEntity.keySet().toString());
            assertEquals("amount", byEntity.get("opportunity").fieldOfColumn().get("currency"), "an embedded amount is masked with its currency");
            assertTrue(!byEntity.get("customer").fieldOfColumn().containsKey("owner"), "bookkeeping is never masked");
            try (Connection c = Database.connect(schema.settings())) {
                for (var mask : masks) {
                    String table = mask.table().toLowerCase(java.util.Locale.ROOT);
                    assertEquals(columnsOf(c, table), columnsOf(c, table + "_v"), table + "_v has the table's columns, in order");
                }
            }
            Map<String, List<String>> secured = admin.securedFields();
            int hidden = 0;
            for (String user : List.of("li.wei", "zhao.lei", "sun.li")) {
                boolean shown = !user.equals("li.wei");
                try (Connection c = Database.connect(as(user)); Statement s = c.createStatement()) {
                    for (var mask : masks) {
                        assertEquals(single(s, "SELECT COUNT(*) FROM " + mask.table()), single(s, "SELECT COUNT(*) FROM " + mask.table() + "_V"),
                                user + ": " + mask.table() + "_V shows the table's rows");
                    }
                    // li.wei and finance read C1 and O1; zhao.lei what is his after the tests before (the pool may have moved C3)
                    long customer = user.equals("zhao.lei") ? single(s, "SELECT MIN(ID) FROM SB_CUSTOMER") : data.id("C1");
                    long dealId = user.equals("zhao.lei") ? single(s, "SELECT MIN(ID) FROM SB_OPPORTUNITY_V WHERE AMOUNT IS NOT NULL") : data.id("O1");
                    assertTrue(customer > 0 && dealId > 0, user + " reads a customer and a deal of theirs");
                    String key = "customer " + customer;
                    String deal = "deal " + dealId;
                    String storedName;
                    String storedGrade;
                    try (Connection o = Database.connect(schema.settings()); Statement os = o.createStatement()) {
                        os.executeUpdate("UPDATE SB_CUSTOMER SET NOTES = '" + notesC3 + "' WHERE ID = " + customer + " AND ID <> " + data.id("C1"));
                        try (ResultSet rs = os.executeQuery("SELECT NAME, GRADE FROM SB_CUSTOMER WHERE ID = " + customer)) {
                            assertTrue(rs.next());
                            storedName = rs.getString(1);
                            storedGrade = rs.getString(2);
                        }
                    }
                    String name;
                    String grade;
                    String notes;
                    try (ResultSet rs = s.executeQuery("SELECT NAME, GRADE, NOTES FROM SB_CUSTOMER_V WHERE ID = " + customer)) {
                        assertTrue(rs.next(), user + " reads " + key);
                        name = rs.getString(1);
                        grade = rs.getString(2);
                        notes = rs.getString(3);
                    }
                    assertEquals(storedName, name, user + ": a field no rule hides");
                    assertEquals(storedGrade, grade, user + ": a read-only field is shown");
                    assertEquals(shown ? (customer == data.id("C1") ? notesC1 : notesC3) : null, notes, user + ": the notes of " + key);
                    BigDecimal amount;
                    String currency;
                    try (ResultSet rs = s.executeQuery("SELECT AMOUNT, CURRENCY FROM SB_OPPORTUNITY_V WHERE ID = " + dealId)) {
                        assertTrue(rs.next(), user + " reads " + deal);
                        amount = rs.getBigDecimal(1);
                        currency = rs.getString(2);
                    }
                    assertEquals(shown, amount != null, user + ": the amount of " + deal);
                    assertEquals(shown, currency != null, user + ": its currency");
                    long id = customer;
                    assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE SB_CUSTOMER_V SET NAME = 'x' WHERE ID = " + id),
                            user + " wrote through a masking view");
                    // on the table the columns of fields a role hides are nobody's to read, the others everyone's
                    for (String locked : List.of("SELECT NOTES FROM SB_CUSTOMER WHERE ID = " + id, "SELECT AMOUNT FROM SB_OPPORTUNITY WHERE ID = " + dealId,
                            "SELECT CURRENCY FROM SB_OPPORTUNITY WHERE ID = " + dealId, "SELECT * FROM SB_CUSTOMER")) {
                        assertEquals("42501", assertThrows(SQLException.class, () -> s.executeQuery(locked).close(), user + ": " + locked).getSQLState());
                    }
                    try (ResultSet rs = s.executeQuery("SELECT NAME, GRADE FROM SB_CUSTOMER WHERE ID = " + id)) {
                        assertTrue(rs.next());
                        assertEquals(storedName, rs.getString(1), user + ": a column no rule hides, on the table");
                        assertEquals(storedGrade, rs.getString(2), user + ": a read-only field's column, on the table");
                    }
                    if (user.equals("li.wei")) {
                        // temporary tables named as the rule tables (looked up first by default) change nothing
                        long customers = single(s, "SELECT COUNT(*) FROM SB_CUSTOMER");
                        s.execute("CREATE TEMP TABLE SB_USER_ROLE AS SELECT CAST('li.wei' AS VARCHAR(64)) AS LOGIN, CAST(-1 AS BIGINT) AS ROLE_ID");
                        s.execute("CREATE TEMP TABLE SB_ROLE_FIELD (ROLE_ID BIGINT, ENTITY VARCHAR(64), FIELD VARCHAR(64), ACCESS VARCHAR(16))");
                        assertEquals(customers, single(s, "SELECT COUNT(*) FROM SB_CUSTOMER"), "a temporary SB_USER_ROLE made li.wei an administrator");
                        try (ResultSet rs = s.executeQuery("SELECT NOTES FROM SB_CUSTOMER_V WHERE ID = " + id)) {
                            assertTrue(rs.next());
                            assertNull(rs.getString(1), "a temporary SB_ROLE_FIELD showed li.wei a hidden field");
                        }
                        s.execute("DROP TABLE pg_temp.SB_USER_ROLE, pg_temp.SB_ROLE_FIELD");
                    }
                    recordField(user, "direct SQL, two roles", "notes of " + key + " " + (notes == null ? "NULL" : "shown") + ", grade " + grade
                            + ", amount of " + deal + " " + (amount == null ? "NULL" : amount.stripTrailingZeros().toPlainString() + " " + currency)
                            + (user.equals("zhao.lei") ? " (rep_masked + sales_rep)" : ""));
                }
                try (Database db = Database.open(as(user), new org.salesbench.core.security.LocalSecurityService(user));
                        Connection c = Database.connect(as(user));
                        java.sql.PreparedStatement s = c.prepareStatement("SELECT F, SB_FIELD_HIDDEN(?, F) FROM UNNEST(?) F")) {
                    SecurityService security = new RoleSecurityService(db);
                    for (Map.Entry<String, List<String>> entity : secured.entrySet()) {
                        org.salesbench.core.security.FieldMask mask = org.salesbench.core.security.FieldMask.of(security, entity.getKey());
                        s.setString(1, entity.getKey());
                        s.setArray(2, c.createArrayOf("text", entity.getValue().toArray()));
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                assertEquals(mask.hides(rs.getString(1)), rs.getBoolean(2), user + ": " + entity.getKey() + "." + rs.getString(1));
                                hidden += rs.getBoolean(2) ? 1 : 0;
                            }
                        }
                    }
                }
            }
            assertEquals(2, hidden, "the database hides li.wei's notes and amounts, nothing else, for nobody else");
            try (Connection c = Database.connect(schema.settings()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT NOTES FROM SB_CUSTOMER WHERE ID = " + data.id("C1"))) {
                assertTrue(rs.next());
                assertEquals(notesC1, rs.getString(1), "nothing written through the views");
            }
        } finally {
            admin.setRoles("li.wei", List.of(Role.SALES_REP));
            admin.setRoles("zhao.lei", List.of(Role.SALES_REP));
            admin.deleteRole("rep_masked");
        }
        // with no role hiding it any more (a deal's amount), a column is the team's to read on the table again, at once;
        // what a remaining role hides (the intern's customer notes) stays locked
        try (Connection c = Database.connect(as("li.wei")); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT AMOUNT FROM SB_OPPORTUNITY WHERE ID = " + data.id("O1"))) {
                assertTrue(rs.next() && rs.getBigDecimal(1) != null, "li.wei reads O1's amount on the table once no role hides it");
            }
            assertEquals("42501", assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT NOTES FROM SB_CUSTOMER WHERE ID = " + data.id("C1")).close()).getSQLState(),
                    "the intern's role still hides customers' notes");
        }
    }

    private static List<String> columnsOf(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (java.sql.PreparedStatement s = c.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
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

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The command line in-process, as the launcher runs it. */
    static final class CliRun {
        record Result(int code, String out, String err) {
        }

        static Result run(DatabaseSettings settings, String... args) {
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            int code;
            try (var o = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
                    var e = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)) {
                code = new Cli(settings).run(args, o, e);
            }
            return new Result(code, out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
