package org.salesbench.analytics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.analytics.tests.SalesData.Q1_FROM;
import static org.salesbench.analytics.tests.SalesData.Q1_TO;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.users.Role;
import org.salesbench.users.Share;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * A customer's account team on a team server: li.wei (a sales rep) is put on the account team of zhao.lei's customer C3
 * (a share to read, account role pre-sales); he then sees C3 and its four deals on every path — a service read, the
 * list and its count, search, the won-revenue report, the board's cards and a direct SQL session — while wang.fang, a rep on no account
 * team of it, sees none of them; off the team again, li.wei sees what his role reaches only. The board's open counts are
 * what a direct SQL session counts for each of them, also with O3 shared with li.wei on top of the account team (two arms of
 * the read policy, one deal). The matrix is printed.
 */
@Tag("postgres")
class PostgresAccountTeamTest {

    private static final String PASSWORD = "Account-Team-2026";
    private static final List<String> C3_DEALS = List.of("D4", "D5", "L3", "O3");

    @Test
    void anAccountTeamMemberSeesTheCustomerAndItsDealsOnEveryPathAndNobodyElseDoes() throws Exception {
        PostgresSchema schema = PostgresSchema.create("acct");
        SalesData data = null;
        Map<String, List<String>> matrix = new LinkedHashMap<>();
        try {
            data = new SalesData(schema.settings());
            UserServiceImpl users = new UserServiceImpl(data.db, new RoleSecurityService(data.db));
            for (String rep : List.of("li.wei", "wang.fang")) {
                users.setRoles(rep, List.of(Role.SALES_REP));
                users.enableSignIn(rep, PASSWORD.toCharArray());
            }
            long c3 = data.id("C3");
            Map<String, Seen> before = Map.of("li.wei", seen(schema, data, "li.wei", c3), "wang.fang", seen(schema, data, "wang.fang", c3));
            assertFalse(before.get("li.wei").any(), "before the account team: " + before.get("li.wei"));

            users.share(new Share("customer", c3, "li.wei", false, "pre-sales"));
            assertEquals("pre-sales", users.shares("customer", c3).get(0).accountRole());
            for (String user : List.of("li.wei", "wang.fang")) {
                Seen now = seen(schema, data, user, c3);
                matrix.put(user + " (" + (user.equals("li.wei") ? "on C3's account team" : "not on it") + ")", now.rows);
                Seen was = before.get(user);
                if (user.equals("li.wei")) {
                    assertTrue(now.serviceCustomer && now.serviceDeals == 4, now.toString());
                    assertTrue(now.listed && now.count == was.count + 1, now.toString());
                    assertTrue(now.found, now.toString());
                    assertEquals(was.deals + 4, now.deals, "the deals list counts C3's deals");
                    assertEquals(0, new BigDecimal("450000").compareTo(now.won.subtract(was.won)), "C3's won revenue in Q1 joins his report");
                    assertEquals(1, now.sqlCustomer);
                    assertEquals(4, now.sqlDeals);
                    assertTrue(now.carded, "C3's open deal O3 is a card on his board: " + now);
                    assertEquals(0, now.sqlUpdated, "a share to read does not let him change C3's deals");
                    assertEquals(was.boardOpen + 1, now.boardOpen, "the board counts O3, C3's one open deal: " + now);
                } else {
                    assertFalse(now.any(), now.toString());
                    assertEquals(was.count, now.count);
                    assertEquals(was.deals, now.deals);
                    assertEquals(0, was.won.compareTo(now.won));
                }
            }
            // O3 shared with him as well, on top of the account team: two of the read policy's arms reach it, counted once
            users.share(new Share("opportunity", data.id("O3"), "li.wei", false, null));
            Seen both = seen(schema, data, "li.wei", c3);
            matrix.put("li.wei (on the account team, O3 also shared)", both.rows);
            assertEquals(before.get("li.wei").boardOpen + 1, both.boardOpen, "O3 counted once on the board: " + both);
            users.unshare("opportunity", data.id("O3"), "li.wei");
            users.unshare("customer", c3, "li.wei");
            Seen after = seen(schema, data, "li.wei", c3);
            matrix.put("li.wei (off the team again)", after.rows);
            assertFalse(after.any(), after.toString());
            assertEquals(before.get("li.wei").deals, after.deals);
            assertEquals(before.get("li.wei").boardOpen, after.boardOpen);
        } finally {
            System.out.println("Account team matrix (C3 南方零售 and its deals D4 D5 L3 O3):");
            matrix.forEach((user, rows) -> rows.forEach(r -> System.out.println("  " + user + "\t" + r)));
            if (data != null) {
                data.close();
            }
            schema.close();
        }
    }

    /** What {@code user} sees of C3 and its deals on each path. */
    private record Seen(boolean serviceCustomer, int serviceDeals, boolean listed, long count, boolean found, long deals, BigDecimal won,
            boolean carded, long boardOpen, long sqlCustomer, long sqlDeals, int sqlUpdated, List<String> rows) {

        boolean any() {
            return serviceCustomer || serviceDeals > 0 || listed || found || carded || sqlCustomer > 0 || sqlDeals > 0;
        }
    }

    private static Seen seen(PostgresSchema schema, SalesData data, String user, long c3) throws SQLException {
        DatabaseSettings as = new DatabaseSettings(schema.settings().url(), user, PASSWORD);
        try (Database db = Database.open(as, new LocalSecurityService(user))) {
            RoleSecurityService security = new RoleSecurityService(db);
            CustomerServiceImpl customers = new CustomerServiceImpl(db, security, data.publisher);
            OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, security, data.publisher);
            ForecastServiceImpl forecast = new ForecastServiceImpl(db, security);
            ReportServiceImpl reports = new ReportServiceImpl(db, security, new MetricCatalogueImpl(), forecast);
            boolean serviceCustomer = customers.find(c3).isPresent();
            int serviceDeals = 0;
            for (String deal : C3_DEALS) {
                serviceDeals += opportunities.find(data.id(deal)).isPresent() ? 1 : 0;
            }
            boolean listed = customers.page(CustomerFilter.ALL, CustomerSort.DEFAULT, 0, 100).stream().map(CustomerRow::id).anyMatch(id -> id == c3);
            long count = customers.count(CustomerFilter.ALL);
            boolean found = !customers.page(CustomerFilter.text("南方零售"), CustomerSort.DEFAULT, 0, 10).isEmpty();
            long deals = opportunities.count(OpportunityFilter.ALL);
            ReportResult report = reports.run("won-revenue", ReportFilter.all().withPeriod(Q1_FROM, Q1_TO).withBy("owner"));
            BigDecimal won = report.rows().stream().map(r -> new BigDecimal(Results.value(report, r, "won_revenue").toString()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            long o3 = data.id("O3");
            var board = opportunities.board(data.newBusiness.getId(), BoardFilter.ALL, 20);
            boolean carded = board.columns().stream().flatMap(column -> column.cards().stream()).anyMatch(card -> card.id() == o3);
            long boardOpen = board.columns().stream().filter(column -> column.kind() == org.salesbench.opportunities.StageKind.OPEN)
                    .mapToLong(org.salesbench.opportunities.BoardColumn::count).sum();
            long sqlCustomer;
            long sqlDeals;
            int updated;
            try (Connection c = Database.connect(as); Statement s = c.createStatement()) {
                sqlCustomer = single(s, "SELECT COUNT(*) FROM SB_CUSTOMER WHERE ID = " + c3);
                sqlDeals = single(s, "SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE CUSTOMER_ID = " + c3);
                updated = s.executeUpdate("UPDATE SB_OPPORTUNITY SET NEXT_STEP = 'x' WHERE CUSTOMER_ID = " + c3);
                // the board's open counts are what row-level security lets the user read, however many arms of it reach a deal
                assertEquals(single(s, "SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE PIPELINE_ID = " + data.newBusiness.getId()
                        + " AND STATE = 'OPEN' AND DELETED_AT IS NULL"), boardOpen, user + ": the board's open deals");
            }
            List<String> rows = new ArrayList<>(List.of("service read: customer " + serviceCustomer + ", deals " + serviceDeals,
                    "list / count: C3 " + (listed ? "listed" : "not listed") + " / " + count, "search 南方零售: " + found,
                    "deals listed: " + deals, "report won revenue Q1: " + won.toPlainString(), "board: O3 " + (carded ? "on a card" : "not shown") + ", " + boardOpen + " open",
                    "direct SQL: customer " + sqlCustomer + ", deals " + sqlDeals + ", deals updated " + updated));
            return new Seen(serviceCustomer, serviceDeals, listed, count, found, deals, won, carded, boardOpen, sqlCustomer, sqlDeals, updated, rows);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
