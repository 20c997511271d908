package org.salesbench.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.ForecastGrouping;
import org.salesbench.opportunities.ForecastQuery;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.Role;
import org.salesbench.users.User;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * Record-level access on a team server: the customer list, a filter, the board, the forecast and the reports (won
 * revenue, funnel, the forecast report), timed as
 * the schema's owner (whom row-level security does not filter: the raw baseline of the same run), as a sales manager
 * (team 0, 10 of the 50 owners) and as a sales rep (owner0), each signed in as their own PostgreSQL role. Fills the
 * schema {@code bench_team_<size>} of the server {@code SALESBENCH_TEST_PG_URL} names with {@code bench.opportunities}
 * deals (default 300,000) over 20,000 customers, or reuses it. Goals as on Derby: first page ≤ 300 ms, board ≤ 300 ms,
 * forecast ≤ 500 ms, report ≤ 1 s.
 */
class TeamAccessBenchmark {

    private static final String PASSWORD = "Bench-Team-2026";
    private static final String MANAGER = "bench.manager";
    private static final String REP = BenchSalesTeam.owner(0);

    @Test
    void asOwnerManagerAndRep() throws SQLException {
        String server = System.getenv("SALESBENCH_TEST_PG_URL");
        if (server == null) {
            throw new IllegalStateException("SALESBENCH_TEST_PG_URL names no PostgreSQL server");
        }
        int size = Integer.getInteger("bench.opportunities", 300_000);
        String schema = "bench_team_" + size;
        DatabaseSettings admin = new DatabaseSettings(server, "salesbench_test", "salesbench_test");
        try (Connection c = Database.connect(admin); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        DatabaseSettings owner = new DatabaseSettings(url, "salesbench_test", "salesbench_test");
        LocalSecurityService local = new LocalSecurityService("salesbench_test");
        try (Database db = Database.open(owner, local)) {
            OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, local, (entity, change, id) -> { });
            long have = opportunities.count(OpportunityFilter.ALL);
            if (have == 0) {
                OpportunityBoardBenchmark.fill(owner, new PipelineServiceImpl(db, local, (entity, change, id) -> { }).pipelines(true), size);
                try (Connection c = Database.connect(owner); Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE"); // as autovacuum leaves a settled database: the visibility map lets index-only scans skip the table
                    s.execute("UPDATE SB_TEAM SET MANAGER = '" + MANAGER + "' WHERE NAME = 'Bench team 0'");
                }
            } else {
                System.out.printf("BENCH reusing schema %s with %,d opportunities%n", schema, have);
            }
            SecurityService ownerSecurity = new RoleSecurityService(db); // grants the team role, makes the owner an administrator
            UserServiceImpl users = new UserServiceImpl(db, ownerSecurity);
            for (String login : List.of(REP, MANAGER)) {
                if (users.findUser(login).isEmpty()) {
                    users.createUser(new User(login, login));
                }
                users.setRoles(login, List.of(login.equals(REP) ? Role.SALES_REP : Role.SALES_MANAGER));
                users.enableSignIn(login, PASSWORD.toCharArray());
            }
        }
        measure("owner (no row filter)", owner, owner);
        measure("manager of 10 owners", new DatabaseSettings(url, MANAGER, PASSWORD), owner);
        measure("rep", new DatabaseSettings(url, REP, PASSWORD), owner);
    }

    private static void measure(String who, DatabaseSettings settings, DatabaseSettings owner) throws SQLException {
        System.out.printf("BENCH %s: load average %s%n", who, BenchTimings.loadAverage());
        try (Database db = Database.open(settings, new LocalSecurityService(settings.user()));
                Connection server = Database.connect(owner)) {
            ServerCpu cpu = new ServerCpu(server, settings.user());
            RoleSecurityService security = new RoleSecurityService(db);
            var publisher = (org.salesbench.core.events.DomainEventPublisher) (entity, change, id) -> { };
            CustomerServiceImpl customers = new CustomerServiceImpl(db, security, publisher);
            OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, security, publisher);
            ForecastServiceImpl forecast = new ForecastServiceImpl(db, security);
            ReportServiceImpl reports = new ReportServiceImpl(db, security, new MetricCatalogueImpl(), forecast);
            Pipeline newBusiness = new PipelineServiceImpl(db, security, publisher).pipelines(true).get(0);
            YearMonth month = YearMonth.now();
            ForecastQuery year = ForecastQuery.months(month, month.plusMonths(11), ForecastGrouping.NONE);
            ReportFilter lastYear = ReportFilter.all().withPeriod(LocalDate.now().minusMonths(12), LocalDate.now()).withBy("month");
            CustomerFilter filter = CustomerFilter.text("基准客户 12");
            // warm up once, as a running workbench would be (the search index is built here)
            customers.page(CustomerFilter.ALL, CustomerSort.DEFAULT, 0, 50);
            customers.page(filter, CustomerSort.DEFAULT, 0, 50);
            opportunities.board(newBusiness.getId(), BoardFilter.ALL, 20);
            forecast.forecast(year);
            reports.run("won-revenue", lastYear);

            System.out.printf("BENCH %s: %,d customers, %,d opportunities visible%n", who, customers.count(CustomerFilter.ALL),
                    opportunities.count(OpportunityFilter.ALL));
            BenchTimings.report(who + ": customer list, first page + count", BenchTimings.repeat(10,
                    () -> customers.page(CustomerFilter.ALL, CustomerSort.DEFAULT, 0, 50).size() + customers.count(CustomerFilter.ALL)));
            BenchTimings.report(who + ": customer filter by name", BenchTimings.repeat(10, () -> customers.page(filter, CustomerSort.DEFAULT, 0, 50)));
            // search on the server (trigram indexes under row-level security): the list's search box, first page + count
            for (String text : List.of("基准客户 12", "客户12", "12345", "有限公司", "无此客户")) {
                CustomerFilter search = CustomerFilter.text(text);
                BenchTimings.report(who + ": server search '" + text + "' (" + customers.count(search) + " found), first page + count",
                        BenchTimings.repeat(20, () -> customers.page(search, CustomerSort.DEFAULT, 0, 50).size() + customers.count(search)));
            }
            cpu.start();
            BenchTimings.report(who + ": board (new business, 20 cards a column)", BenchTimings.repeat(20,
                    () -> opportunities.board(newBusiness.getId(), BoardFilter.ALL, 20)));
            System.out.printf("BENCH %s: board, the server's CPU %.1f ms a board (its backends' user + system time over 20 boards)%n", who,
                    cpu.millisSinceStart() / 20.0);
            BenchTimings.report(who + ": forecast 12 months", BenchTimings.repeat(10, () -> forecast.forecast(year)));
            BenchTimings.report(who + ": won revenue by month, last 12 months", BenchTimings.repeat(5, () -> reports.run("won-revenue", lastYear)));
            // the analytics benchmark's other two reports (goal ≤ 1 s each), under the same row filter
            LocalDate today = LocalDate.now();
            ReportFilter funnelYear = ReportFilter.all().withPeriod(today.minusYears(1).plusDays(1), today);
            ReportFilter nextYear = ReportFilter.all().withPeriod(today.withDayOfMonth(1), today.withDayOfMonth(1).plusYears(1).minusDays(1));
            reports.run("funnel", funnelYear);
            BenchTimings.report(who + ": funnel report, last 12 months", BenchTimings.repeat(5, () -> reports.run("funnel", funnelYear)));
            reports.run("forecast", nextYear);
            BenchTimings.report(who + ": forecast report, next 12 months", BenchTimings.repeat(5, () -> reports.run("forecast", nextYear)));
        }
        try (Connection c = Database.connect(settings); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SB_OPPORTUNITY")) {
            rs.next();
            System.out.printf("BENCH %s: a direct SQL session counts %,d opportunities%n", who, rs.getLong(1));
        }
    }

    /**
     * The CPU time the PostgreSQL server spends for one user: the user and system time of that user's backends in this
     * database ({@code /proc/PID/stat}, so only when the server runs on this machine; 10 ms ticks), read before and after.
     */
    private static final class ServerCpu {
        private final Connection server;
        private final String user;
        private java.util.Map<Integer, Long> before = java.util.Map.of();

        ServerCpu(Connection server, String user) {
            this.server = server;
            this.user = user;
        }

        void start() throws SQLException {
            before = ticks();
        }

        double millisSinceStart() {
            try {
                long spent = 0;
                for (var e : ticks().entrySet()) {
                    spent += e.getValue() - before.getOrDefault(e.getKey(), 0L);
                }
                return spent * 10.0;
            } catch (SQLException e) {
                return Double.NaN;
            }
        }

        private java.util.Map<Integer, Long> ticks() throws SQLException {
            java.util.Map<Integer, Long> ticks = new java.util.HashMap<>();
            try (var ps = server.prepareStatement("SELECT PID FROM PG_STAT_ACTIVITY WHERE USENAME = ? AND DATNAME = CURRENT_DATABASE()")) {
                ps.setString(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", rs.getString(1), "stat"));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks.put(rs.getInt(1), Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime, stime
                        } catch (java.io.IOException | RuntimeException e) {
                            // a server elsewhere, or a backend gone: not counted
                        }
                    }
                }
            }
            return ticks;
        }
    }
}
