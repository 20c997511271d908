package org.salesbench.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.salesbench.analytics.Metric;
import org.salesbench.analytics.MetricCatalogue;
import org.salesbench.analytics.Report;
import org.salesbench.analytics.ReportContext;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.contracts.internal.receivables.AgeingReport;
import org.salesbench.contracts.internal.receivables.CollectedRevenueReport;
import org.salesbench.contracts.internal.receivables.ContractAgeing;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.UnitOfWork;

/**
 * Receivables ageing and collected revenue at scale: fills an embedded Derby database with bench.contracts contracts
 * (default 200,000, of 20,000 customers and the sales team's owners, all approved or later) of five instalments each
 * (1,000,000), due from 400 days back to 200 ahead, the past-due ones paid in full, in part or not at all by one receipt
 * per contract with its write-offs; by Derby's bulk import ({@link BenchBulkLoad}), not through the services, or reuses
 * one filled before (timing the upgrades it needs when it opens). Then times each report, after a warm-up: ageing by
 * owner and by customer, collected revenue by month (year to date) and by owner, the ageing as of past days by
 * customer, owner and team, and collected revenue by customer. Goal on 2 cores: ≤ 1 s each.
 */
class ReceivablesBenchmark {

    private static final int OWNERS = BenchSalesTeam.OWNERS;
    private static final int CUSTOMERS = 20_000;
    private static final int INSTALMENTS = 5;
    private static final String[] STATES = { "APPROVED", "SIGNED", "ACTIVE", "ACTIVE", "ACTIVE", "COMPLETED" };
    /** How many of the last contracts the fill writes through the totals' triggers (the rest in bulk, totals set-based). */
    private static final int TAIL = 1_000;
    private static final String OWNER = BenchSalesTeam.owner(7);

    @Test
    void receivables() throws SQLException, IOException {
        int contracts = Integer.getInteger("bench.contracts", 200_000);
        Path dir = Path.of(System.getProperty("bench.db", "bench-db")).toAbsolutePath().normalize().resolve("receivables-" + contracts);
        LocalSecurityService security = new LocalSecurityService("owner1");
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        // a database filled before contracts-money-5-totals: what one receipt costs without the totals' triggers, then
        // how long the upgrade (the totals filled from a million instalments, the triggers made) takes when it opens
        boolean upgrade = Files.isDirectory(dir) && !applied(settings, "contracts-money-5-totals");
        // and one filled before contracts-money-6-ageing-by-customer: how long its fill of the kept ageing by customer takes
        boolean ageingUpgrade = Files.isDirectory(dir) && !applied(settings, "contracts-money-6-ageing-by-customer");
        // and one filled before contracts-money-7-customer-months: how long its fill of the totals per customer and month
        // and its two indexes over the instalments take
        boolean customerUpgrade = Files.isDirectory(dir) && !applied(settings, "contracts-money-7-customer-months");
        // and one filled before contracts-money-8-write-off-facts: how long its fill of the write-offs' instalment facts takes
        boolean writeOffUpgrade = Files.isDirectory(dir) && !applied(settings, "contracts-money-8-write-off-facts");
        // and one filled before contracts-money-9-owner-indexes: how long its two indexes led by the owner take
        boolean ownerUpgrade = Files.isDirectory(dir) && !applied(settings, "contracts-money-9-owner-indexes");
        if (upgrade || customerUpgrade) {
            System.out.printf("BENCH load average: %s%n", BenchTimings.loadAverage());
            BenchTimings.report("one receipt (3 statements, rolled back) before " + (upgrade ? "contracts-money-5-totals" : "contracts-money-7-customer-months"),
                    receiptCost(settings));
        }
        long opening = System.nanoTime();
        try (Database db = Database.open(settings, security)) {
            if (upgrade) {
                System.out.printf("BENCH open with the upgrade contracts-money-5-totals: %,.0f ms wall (load average %s)%n",
                        (System.nanoTime() - opening) / 1e6, BenchTimings.loadAverage());
            }
            if (ageingUpgrade) {
                System.out.printf("BENCH open with the upgrade contracts-money-6-ageing-by-customer%s: %,.0f ms wall (load average %s)%n",
                        upgrade ? " (and contracts-money-5-totals before it)" : "", (System.nanoTime() - opening) / 1e6, BenchTimings.loadAverage());
            }
            if (customerUpgrade) {
                System.out.printf("BENCH open with the upgrade contracts-money-7-customer-months: %,.0f ms wall (load average %s)%n",
                        (System.nanoTime() - opening) / 1e6, BenchTimings.loadAverage());
            }
            if (writeOffUpgrade) {
                System.out.printf("BENCH open with the upgrade contracts-money-8-write-off-facts%s: %,.0f ms wall (load average %s)%n",
                        customerUpgrade ? " (and the ones before it)" : "", (System.nanoTime() - opening) / 1e6, BenchTimings.loadAverage());
            }
            if (ownerUpgrade) {
                System.out.printf("BENCH open with the upgrade contracts-money-9-owner-indexes%s: %,.0f ms wall (load average %s)%n",
                        writeOffUpgrade ? " (and the ones before it)" : "", (System.nanoTime() - opening) / 1e6, BenchTimings.loadAverage());
            }
            long have = count(settings, "SB_CONTRACT");
            if (have < contracts && !Boolean.getBoolean("bench.measureOnly")) {
                if (have > 0) {
                    throw new IllegalStateException(dir + " holds " + have + " contracts, fewer than " + contracts + ": delete it to refill");
                }
                fill(settings, contracts);
                if (Boolean.getBoolean("bench.fillOnly")) {
                    return; // to be opened later by a newer build, which times its upgrades
                }
            } else {
                System.out.printf("BENCH reusing %s with %,d contracts and %,d instalments%n", dir, have, count(settings, "SB_CONTRACT_INSTALMENT"));
            }
            ReportContext context = context(db, security);
            System.out.printf("BENCH load average: %s%n", BenchTimings.loadAverage());
            // the bare-Derby baseline of the shared baselines (a plain JDBC GROUP BY over 1,000,000 rows), on the same
            // instalments in the same run: what any report over them is compared with
            double[] baseline = baseline(settings, "baseline, same run: JDBC SELECT OWNER, SUM(AMOUNT) FROM SB_CONTRACT_INSTALMENT GROUP BY OWNER");
            TABLE.clear();
            baselineWall = baseline[0];
            baselineCpu = baseline[1];
            measure("ageing by owner", new AgeingReport(), context, ReportFilter.all().withBy("owner"));
            measure("ageing by customer", new AgeingReport(), context, ReportFilter.all().withBy("customer"));
            // the kept ageing by customer brought a day forward and back again (two moves, each reading the instalments
            // whose due date crosses a bucket limit), as the first read of a new day does once
            LocalDate now = LocalDate.now();
            if (measured("the day moved")) {
                String what = "ageing by customer kept: the day moved forward and back (2 moves)";
                double[][] samples = BenchTimings.repeat(5, () -> db.write(em -> {
                    ContractAgeing.bringTo(em, settings.dialect(), now.plusDays(1));
                    ContractAgeing.bringTo(em, settings.dialect(), now);
                    return null;
                }));
                BenchTimings.report(what, samples);
                ratio(what, "", samples);
            }
            measure("collected revenue by month", new CollectedRevenueReport(), context, ReportFilter.all().withBy("month"));
            measure("collected revenue by owner", new CollectedRevenueReport(), context, ReportFilter.all().withBy("owner"));
            // as of a past day and by customer, from the totals per customer and month (contracts-money-7-customer-months) and
            // the write-offs dated after the day: collected revenue by customer year to date (the CLI's default) and last month
            LocalDate today = LocalDate.now();
            LocalDate monthStart = today.withDayOfMonth(1);
            measure("ageing by customer as of 30 days ago", new AgeingReport(), context, ReportFilter.all().withBy("customer").withTo(today.minusDays(30)));
            measure("ageing by customer as of last month's end", new AgeingReport(), context, ReportFilter.all().withBy("customer").withTo(monthStart.minusDays(1)));
            measure("ageing by customer as of 100 days ago", new AgeingReport(), context, ReportFilter.all().withBy("customer").withTo(today.minusDays(100)));
            measure("ageing by owner as of 30 days ago", new AgeingReport(), context, ReportFilter.all().withBy("owner").withTo(today.minusDays(30)));
            measure("ageing by team as of 30 days ago", new AgeingReport(), context, ReportFilter.all().withBy("team").withTo(today.minusDays(30)));
            measure("collected revenue by customer", new CollectedRevenueReport(), context, ReportFilter.all().withBy("customer"));
            measure("collected revenue by customer, last month", new CollectedRevenueReport(), context,
                    ReportFilter.all().withPeriod(monthStart.minusMonths(1), monthStart.minusDays(1)).withBy("customer"));
            // by customer filtered by owner or team (the kept rows per customer hold no owner): as of today and collected
            // revenue the exact queries, which read one owner's or team's rows through the owner's indexes; as of a past
            // day their open instalments and the write-offs after the day with their facts
            long team = firstTeam(settings);
            measure("ageing by customer, one owner's (exact query)", new AgeingReport(), context, ReportFilter.all().withBy("customer").withOwner(OWNER));
            measure("ageing by customer, one team's (exact query)", new AgeingReport(), context, ReportFilter.all().withBy("customer").withTeamId(team));
            measure("ageing by customer as of 30 days ago, one owner's (their open instalments and the write-offs' facts)", new AgeingReport(), context,
                    ReportFilter.all().withBy("customer").withOwner(OWNER).withTo(today.minusDays(30)));
            measure("ageing by customer as of 30 days ago, one team's (their open instalments and the write-offs' facts)", new AgeingReport(), context,
                    ReportFilter.all().withBy("customer").withTeamId(team).withTo(today.minusDays(30)));
            measure("collected revenue by customer, one owner's (their rows by the owner's indexes)", new CollectedRevenueReport(), context,
                    ReportFilter.all().withBy("customer").withOwner(OWNER));
            measure("collected revenue by customer, one team's (their rows by the owner's indexes)", new CollectedRevenueReport(), context,
                    ReportFilter.all().withBy("customer").withTeamId(team));
            measure("collected revenue by customer, last month, one owner's (with the write-offs' facts)", new CollectedRevenueReport(), context,
                    ReportFilter.all().withPeriod(monthStart.minusMonths(1), monthStart.minusDays(1)).withBy("customer").withOwner(OWNER));
            measure("collected revenue by customer, last month, one team's (with the write-offs' facts)", new CollectedRevenueReport(), context,
                    ReportFilter.all().withPeriod(monthStart.minusMonths(1), monthStart.minusDays(1)).withBy("customer").withTeamId(team));
            if (measured("one receipt")) {
                BenchTimings.report("one receipt (3 statements, rolled back) with the totals' triggers", receiptCost(settings));
            }
            // the baseline again after the reports (a machine whose load changed during the run shows here), then the table
            double[] after = baseline(settings, "baseline again, after the reports");
            printTable(after);
        }
        if (Boolean.parseBoolean(System.getProperty("bench.upgrade", "true"))) {
            // contracts-money-7 first: never timed at full size before
            timeUpgrade(settings, security, "contracts-money-7-customer-months");
            timeUpgrade(settings, security, "contracts-money-9-owner-indexes");
            timeUpgrade(settings, security, "contracts-money-8-write-off-facts");
        }
    }

    /**
     * What an installation of this size waits for when it upgrades to {@code changeSet}: the change set taken out
     * again, the database opened (Liquibase runs it), the kept totals compared with the exact grouping after.
     */
    private static void timeUpgrade(DatabaseSettings settings, SecurityService security, String changeSet) throws SQLException {
        BenchContractTotals totals = BenchContractTotals.read();
        try (Connection c = Database.connect(settings)) {
            c.setAutoCommit(false);
            totals.undo(c, changeSet);
        }
        System.out.printf("BENCH load average: %s%n", BenchTimings.loadAverage());
        long wall = System.nanoTime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try (Database db = Database.open(settings, security)) {
            System.out.printf("BENCH open with the upgrade %s: %,.0f ms wall, %,.0f ms CPU (load average %s)%n", changeSet, (System.nanoTime() - wall) / 1e6,
                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e6, BenchTimings.loadAverage());
        }
        try (Connection c = Database.connect(settings)) {
            c.setAutoCommit(false);
            totals.check(c);
        }
    }

    private static long firstTeam(DatabaseSettings settings) throws SQLException {
        try (Connection c = Database.connect(settings); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(ID) FROM SB_TEAM")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean applied(DatabaseSettings settings, String changeSet) throws SQLException {
        try (Connection c = Database.connect(settings); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = '" + changeSet + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /**
     * What recording one receipt writes to the money tables, as the receivables service does: the receipt, its
     * write-off against one open instalment, the instalment's paid amount and open flag; for 20 instalments, each its
     * own transaction, rolled back so the database stays as filled. Times the statements only (not the service's
     * reads, audit rows or EclipseLink), so the triggers' share shows.
     */
    private static double[][] receiptCost(DatabaseSettings settings) throws SQLException {
        try (Connection c = Database.connect(settings)) {
            c.setAutoCommit(false);
            List<long[]> open = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ID, CONTRACT_ID FROM SB_CONTRACT_INSTALMENT"
                    + " WHERE RECEIVABLE = TRUE AND PAID = 0 ORDER BY ID FETCH FIRST 21 ROWS ONLY")) {
                while (rs.next()) {
                    open.add(new long[] { rs.getLong(1), rs.getLong(2) });
                }
            }
            c.rollback();
            Timestamp now = Timestamp.from(Instant.now());
            java.sql.Date day = java.sql.Date.valueOf(LocalDate.now());
            int[] next = { 0 };
            double[][] samples = BenchTimings.repeat(open.size(), () -> {
                long[] instalment = open.get(next[0]++);
                long id = Long.MAX_VALUE / 2 + next[0];
                try (PreparedStatement receipt = c.prepareStatement("INSERT INTO SB_CONTRACT_RECEIPT (ID, VERSION, CREATED_AT, CREATED_BY,"
                        + " UPDATED_AT, UPDATED_BY, OWNER, CONTRACT_ID, RECEIVED_ON, AMOUNT, CURRENCY, METHOD, CREDITED)"
                        + " SELECT ?, 1, ?, 'bench', ?, 'bench', OWNER, CONTRACT_ID, ?, 100, CURRENCY, 'BANK_TRANSFER', 0 FROM SB_CONTRACT_INSTALMENT WHERE ID = ?");
                        PreparedStatement writeOff = c.prepareStatement("INSERT INTO SB_CONTRACT_ALLOCATION (ID, VERSION, CREATED_AT, CREATED_BY,"
                                + " UPDATED_AT, UPDATED_BY, OWNER, CONTRACT_ID, RECEIPT_ID, INSTALMENT_ID, AMOUNT, ON_DATE)"
                                + " SELECT ?, 1, ?, 'bench', ?, 'bench', OWNER, CONTRACT_ID, ?, ID, 100, ? FROM SB_CONTRACT_INSTALMENT WHERE ID = ?");
                        PreparedStatement paid = c.prepareStatement("UPDATE SB_CONTRACT_INSTALMENT SET PAID = PAID + 100,"
                                + " RECEIVABLE = CASE WHEN PAID + 100 < AMOUNT THEN TRUE ELSE FALSE END, VERSION = VERSION + 1 WHERE ID = ?")) {
                    receipt.setLong(1, id);
                    receipt.setTimestamp(2, now);
                    receipt.setTimestamp(3, now);
                    receipt.setDate(4, day);
                    receipt.setLong(5, instalment[0]);
                    receipt.executeUpdate();
                    writeOff.setLong(1, id);
                    writeOff.setTimestamp(2, now);
                    writeOff.setTimestamp(3, now);
                    writeOff.setLong(4, id);
                    writeOff.setDate(5, day);
                    writeOff.setLong(6, instalment[0]);
                    writeOff.executeUpdate();
                    paid.setLong(1, instalment[0]);
                    paid.executeUpdate();
                    c.rollback();
                    return null;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            // the first receipt compiles the statements: left out
            return new double[][] { Arrays.copyOfRange(samples[0], 1, samples[0].length),
                    Arrays.copyOfRange(samples[1], 1, samples[1].length) };
        }
    }

    /**
     * Whether {@code what} is measured: {@code -Dbench.only=…} (through bench.jvmArgs) names parts of the names to run,
     * separated by {@code |} ("one owner|one team"), "none" none.
     */
    private static boolean measured(String what) {
        String only = System.getProperty("bench.only", "");
        return !only.equals("none") && java.util.Arrays.stream(only.split("\\|")).anyMatch(what::contains);
    }

    private static void measure(String what, Report report, ReportContext context, ReportFilter filter) {
        if (!measured(what)) {
            return;
        }
        int rows = report.run(context, filter).rows().size(); // warm-up
        double[][] samples = BenchTimings.repeat(5, () -> report.run(context, filter));
        BenchTimings.report(what + " (" + rows + " rows; load average " + BenchTimings.loadAverage() + ")", samples);
        ratio(what, String.format("%,d", rows), samples);
    }

    /** The same run's bare GROUP BY's p50 wall and CPU (ms), each report's figures divided by them. */
    private static double baselineWall;
    private static double baselineCpu;
    /** The rows of the closing table: what, rows, wall p50, CPU p50, wall ratio, CPU ratio, load average. */
    private static final List<String[]> TABLE = new ArrayList<>();

    /** Prints the ratio of a report's p50s to the same run's baseline and keeps the row for the closing table. */
    private static void ratio(String what, String rows, double[][] samples) {
        double wall = BenchTimings.p50(samples[0]);
        double cpu = BenchTimings.p50(samples[1]);
        System.out.printf("BENCH ratio to the same run's baseline (%,.0f ms wall, %,.0f ms CPU): %s: wall %.2f, CPU %.2f%n", baselineWall, baselineCpu, what,
                wall / baselineWall, cpu / baselineCpu);
        TABLE.add(new String[] { what, rows, String.format("%,.0f", wall), String.format("%,.0f", cpu), String.format("%.2f", wall / baselineWall),
                String.format("%.2f", cpu / baselineCpu), wall <= 1000 ? "yes" : "no", BenchTimings.loadAverage().split(" ")[0] });
    }

    /** The bare GROUP BY of the instalments, 5 runs: its p50 wall and CPU (ms). */
    private static double[] baseline(DatabaseSettings settings, String what) throws SQLException {
        try (Connection c = Database.connect(settings)) {
            double[][] samples = BenchTimings.repeat(5, () -> groupBy(c, "SELECT OWNER, SUM(AMOUNT) FROM SB_CONTRACT_INSTALMENT GROUP BY OWNER"));
            BenchTimings.report(what, samples);
            return new double[] { BenchTimings.p50(samples[0]), BenchTimings.p50(samples[1]) };
        }
    }

    /**
     * Every report measured, beside the same run's baseline, as a Markdown table: on a quiet machine the wall p50
     * column answers "each ≤ 1 s" directly; on a loaded one read the CPU ratio.
     */
    private static void printTable(double[] after) {
        System.out.printf("BENCH TABLE (p50 of 5 runs; baseline: the same run's JDBC SELECT OWNER, SUM(AMOUNT) FROM SB_CONTRACT_INSTALMENT GROUP BY OWNER,"
                + " %,.0f ms wall / %,.0f ms CPU before the reports, %,.0f / %,.0f ms after them; load average now %s)%n", baselineWall, baselineCpu, after[0],
                after[1], BenchTimings.loadAverage());
        System.out.println("BENCH TABLE | report | rows | wall p50 ms | CPU p50 ms | ratio wall | ratio CPU | wall ≤ 1 s | load (1 min) |");
        System.out.println("BENCH TABLE |---|---|---|---|---|---|---|---|");
        System.out.printf("BENCH TABLE | baseline, same run | | %,.0f | %,.0f | 1 | 1 | | |%n", baselineWall, baselineCpu);
        for (String[] row : TABLE) {
            System.out.println("BENCH TABLE | " + String.join(" | ", row) + " |");
        }
    }

    private static int groupBy(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReportContext context(UnitOfWork db, SecurityService security) {
        return new ReportContext() {
            @Override
            public UnitOfWork unitOfWork() {
                return db;
            }

            @Override
            public MetricCatalogue metrics() {
                return new MetricCatalogue() {
                    @Override
                    public List<Metric> metrics() {
                        return List.of();
                    }

                    @Override
                    public Optional<Metric> metric(String id) {
                        return Optional.empty();
                    }
                };
            }

            @Override
            public SecurityService security() {
                return security;
            }

            @Override
            public Locale locale() {
                return Locale.ENGLISH;
            }
        };
    }

    private static long count(DatabaseSettings settings, String table) throws SQLException {
        try (Connection c = Database.connect(settings); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void fill(DatabaseSettings settings, int contracts) throws SQLException, IOException {
        long start = System.nanoTime();
        Random random = new Random(42);
        LocalDate today = LocalDate.now();
        String stamp = Timestamp.from(Instant.now()).toString();
        // the last contracts go in after the others through the totals' triggers, as the services write them
        int tail = Math.min(TAIL, contracts / 10);
        String[] tables = { "SB_CONTRACT", "SB_CONTRACT_INSTALMENT", "SB_CONTRACT_RECEIPT", "SB_CONTRACT_ALLOCATION" };
        String[] columns = { "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,CONTRACT_NUMBER,TITLE,CUSTOMER_ID,CURRENCY,NET_TOTAL,TAX_TOTAL,AMOUNT,STATUS",
                "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,CONTRACT_ID,POSITION,DUE_DATE,AMOUNT,CURRENCY,PAID,ACTIVE,CUSTOMER_ID,"
                        + "CONTRACT_RECEIVABLE,RECEIVABLE",
                "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,CONTRACT_ID,CUSTOMER_ID,RECEIVED_ON,AMOUNT,CURRENCY,METHOD,CREDITED",
                "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,CONTRACT_ID,RECEIPT_ID,INSTALMENT_ID,AMOUNT,ON_DATE" };
        Path customerFile = Files.createTempFile("bench-customers", ".csv");
        Path[][] files = new Path[2][tables.length]; // [0]: bulk, [1]: through the triggers
        for (int part = 0; part < 2; part++) {
            for (int t = 0; t < tables.length; t++) {
                files[part][t] = Files.createTempFile("bench-" + tables[t].toLowerCase(Locale.ROOT) + "-" + part, ".csv");
            }
        }
        BenchContractTotals totals = BenchContractTotals.read();
        try (Connection c = Database.connect(settings)) {
            c.setAutoCommit(false);
            long instalments = (long) contracts * INSTALMENTS;
            long first = BenchBulkLoad.reserveIds(c, CUSTOMERS + contracts * 2L + instalments * 2 + 100);
            long firstContract = first + CUSTOMERS;
            long firstReceipt = firstContract + contracts;
            long firstInstalment = firstReceipt + contracts;
            long firstAllocation = firstInstalment + instalments;
            BenchSalesTeam.insertTeams(c, firstAllocation + instalments, Timestamp.from(Instant.now()));
            c.commit();
            try (BufferedWriter out = Files.newBufferedWriter(customerFile)) {
                for (int i = 0; i < CUSTOMERS; i++) {
                    out.write((first + i) + ",1," + stamp + ",bench," + stamp + ",bench," + BenchSalesTeam.owner(i % OWNERS) + ",\"回款客户 " + i
                            + " 有限公司\",回款客户" + i + ",ACTIVE");
                    out.newLine();
                }
            }
            long allocations = 0;
            int receipts = 0;
            BufferedWriter[][] outs = new BufferedWriter[2][tables.length];
            try {
                for (int part = 0; part < 2; part++) {
                    for (int t = 0; t < tables.length; t++) {
                        outs[part][t] = Files.newBufferedWriter(files[part][t]);
                    }
                }
                for (int i = 0; i < contracts; i++) {
                    BufferedWriter[] out = outs[i < contracts - tail ? 0 : 1];
                    long id = firstContract + i;
                    String owner = BenchSalesTeam.owner(random.nextInt(OWNERS));
                    BigDecimal part = BigDecimal.valueOf(1_000_00L + random.nextInt(100_000_00), 2);
                    BigDecimal amount = part.multiply(BigDecimal.valueOf(INSTALMENTS));
                    long customer = first + random.nextInt(CUSTOMERS);
                    out[0].write(id + ",1," + stamp + ",bench," + stamp + ",bench," + owner + ",HT-B-" + i + ",\"合同 " + i + "\","
                            + customer + ",CNY," + amount + ",0," + amount + "," + STATES[random.nextInt(STATES.length)]);
                    out[0].newLine();
                    LocalDate firstDue = today.minusDays(400 - random.nextInt(480));
                    int paidUpTo = random.nextInt(INSTALMENTS + 1);
                    boolean partial = random.nextBoolean();
                    LocalDate receivedOn = null;
                    BigDecimal received = BigDecimal.ZERO;
                    for (int k = 0; k < INSTALMENTS; k++) {
                        LocalDate due = firstDue.plusDays(30L * k);
                        boolean pastDue = due.isBefore(today);
                        BigDecimal paid = !pastDue || k > paidUpTo ? BigDecimal.ZERO : k == paidUpTo ? (partial ? part.divide(BigDecimal.TWO) : BigDecimal.ZERO) : part;
                        long instalment = firstInstalment + (long) i * INSTALMENTS + k;
                        // what the services keep: every contract here is approved or later
                        out[1].write(instalment + ",1," + stamp + ",bench," + stamp + ",bench," + owner + "," + id + "," + (k + 1) + "," + due + ","
                                + part + ",CNY," + paid.toPlainString() + ",true," + customer + ",true," + (paid.compareTo(part) < 0));
                        out[1].newLine();
                        if (paid.signum() > 0) {
                            received = received.add(paid);
                            receivedOn = due.plusDays(random.nextInt(40));
                            if (receivedOn.isAfter(today)) {
                                receivedOn = today;
                            }
                            out[3].write((firstAllocation + allocations++) + ",1," + stamp + ",bench," + stamp + ",bench," + owner + "," + id + ","
                                    + (firstReceipt + i) + "," + instalment + "," + paid.toPlainString() + "," + receivedOn);
                            out[3].newLine();
                        }
                    }
                    // one receipt a contract stands for its write-offs (dated by the last); the write-offs carry their own dates
                    if (receivedOn != null) {
                        receipts++;
                        out[2].write((firstReceipt + i) + ",1," + stamp + ",bench," + stamp + ",bench," + owner + "," + id + "," + customer + "," + receivedOn
                                + "," + received.toPlainString() + ",CNY,BANK_TRANSFER,0");
                        out[2].newLine();
                    }
                }
            } finally {
                for (BufferedWriter[] part : outs) {
                    for (BufferedWriter out : part) {
                        if (out != null) {
                            out.close();
                        }
                    }
                }
            }
            System.out.printf("BENCH files written, %.0f s%n", (System.nanoTime() - start) / 1e9);
            // bulk: the totals' insert triggers dropped, Derby's import into the empty tables, the totals grouped set-based
            long bulk = System.nanoTime();
            totals.dropInsertTriggers(c);
            BenchBulkLoad.importFile(c, "SB_CUSTOMER", "ID,VERSION,CREATED_AT,CREATED_BY,UPDATED_AT,UPDATED_BY,OWNER,NAME,NORMALIZED_NAME,STATUS", customerFile);
            for (int t = 0; t < tables.length; t++) {
                long one = System.nanoTime();
                BenchBulkLoad.importFile(c, tables[t], columns[t], files[0][t]);
                System.out.printf("BENCH %s bulk import: %.1f s%n", tables[t], (System.nanoTime() - one) / 1e9);
            }
            totals.fillSetBased(c);
            totals.restoreInsertTriggers(c);
            System.out.printf("BENCH bulk part (%,d contracts) with the totals set-based: %.0f s (load average %s)%n", contracts - tail,
                    (System.nanoTime() - bulk) / 1e9, BenchTimings.loadAverage());
            // the last contracts through the triggers, then every kept table compared with the exact grouping over all rows
            long triggered = System.nanoTime();
            for (int t = 0; t < tables.length; t++) {
                BenchBulkLoad.importFile(c, tables[t], columns[t], files[1][t]);
            }
            c.commit();
            System.out.printf("BENCH %,d contracts more through the totals' triggers: %.1f s%n", tail, (System.nanoTime() - triggered) / 1e9);
            BenchBulkLoad.updateStatistics(c, "SB_CUSTOMER", "SB_CONTRACT", "SB_CONTRACT_INSTALMENT", "SB_CONTRACT_RECEIPT", "SB_CONTRACT_ALLOCATION");
            totals.check(c);
            System.out.printf("BENCH fill: %,d contracts, %,d instalments, %,d receipts, %,d write-offs in %.0f s%n", contracts, instalments, receipts,
                    allocations, (System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(customerFile);
            for (Path[] part : files) {
                for (Path file : part) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
