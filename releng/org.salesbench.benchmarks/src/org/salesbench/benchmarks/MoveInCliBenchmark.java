package org.salesbench.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.CliChild;

/**
 * Moving in end to end from the command line (issue 17): the files of {@link MoveInBenchmark} (customers with external
 * ids and tags, then a contact, an activity and a deal per customer, then another CRM's stage history of the deals), each
 * imported by a child process {@code salesbench cli import <target> <file> --mode valid-rows --match externalId} (its own
 * JVM and OSGi framework with the bundles of this runtime, the product's heap and class data sharing) into one fresh
 * embedded database (made and migrated before, as the product's first start makes it, and timed apart), each timed from
 * the child's start to its exit, start-up and shutdown included; then a raw JDBC batch
 * insert (5,000 a batch, a commit each) of the same rows into the same tables of another fresh database in the same run,
 * and the floor of any loader on this stack: Derby's own import procedure on exactly the rows each command wrote
 * ({@link DerbyImportFloor}).
 * Prints wall time, rows/s, the child's CPU seconds (user + system, from this process's reaped children), the raw batch's
 * and the ratio, and the load average before and after each. Before the timed runs, one untimed child imports a small
 * customers file into a database of its own, so that the class data sharing archive exists, as on an installation
 * started before. Goals on 2 cores: customers ≥ 45,000 rows/s and ≥ 1.3× the raw batch; contacts and activities ≥ 30,000
 * rows/s; opportunities with stage history ≥ 20,000 rows/s.
 * Size: -Dbench.importSize (1,000,000 for the goals); more child JVM options: -Dbench.childJvmArgs (separated by |); only the
 * first N files (1: the customers' alone), both imported and raw: -Dbench.files=N; the raw batch of the first N of those
 * only: -Dbench.rawFiles=N; without the floor: -Dbench.floor=false.
 */
class MoveInCliBenchmark {

    private static final Pattern SUMMARY = Pattern.compile("Created (\\d+),");

    @Test
    void moveInFromTheCommandLine() throws Exception {
        int size = Integer.getInteger("bench.importSize", 100_000);
        Path base = Path.of(System.getProperty("bench.db", "bench-db")).toAbsolutePath().normalize();
        List<Path> files = MoveInBenchmark.files(size, base);

        Path children = ImportBenchmark.fresh(base.resolve("movein-cli"));
        Files.createDirectories(children);
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-Dsalesbench.startup.times=true", "-XX:SharedArchiveFile=" + children.resolve("salesbench-cli.jsa"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off"));
        String extra = System.getProperty("bench.childJvmArgs", "").strip();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\|")));
        }
        Path warmFile = base.resolve("movein-warm-up.csv");
        MoveInBenchmark.writeFiles(200, warmFile, base.resolve("movein-warm-up-contacts.csv"), base.resolve("movein-warm-up-activities.csv"));
        Child warm = child(children, DatabaseSettings.embedded(ImportBenchmark.fresh(base.resolve("movein-cli-warm"))), jvm, "customers", warmFile, 200);
        System.out.printf("BENCH warm-up child (a fresh database, 200 customers, class data sharing archive written): %.1f s, %.1f CPU s%n",
                warm.seconds, warm.cpuSeconds);

        // the empty database the files move into, made (its schema migrated) before the children, as the product's first
        // start makes it: a move-in imports into an installation, it does not install one; timed apart
        DatabaseSettings importDb = DatabaseSettings.embedded(ImportBenchmark.fresh(base.resolve("movein-cli-db")));
        double migrateCpu = ownCpuSeconds();
        long migrateStart = System.nanoTime();
        Database.open(importDb, new LocalSecurityService("bench")).close();
        System.out.printf("BENCH the empty database made and migrated in-process: %.1f s, %.1f CPU s%n", (System.nanoTime() - migrateStart) / 1e9,
                ownCpuSeconds() - migrateCpu);
        // the first N files only (each needs the ones before): 1 = the customers' alone, for a quicker A/B
        String[] targets = Arrays.copyOf(new String[] { "customers", "contacts", "activities", "opportunities", "stageHistory" },
                Math.max(1, Math.min(5, Integer.getInteger("bench.files", 5))));
        Child[] runs = new Child[targets.length];
        boolean measureFloor = Boolean.parseBoolean(System.getProperty("bench.floor", "true"));
        DerbyImportFloor floor = new DerbyImportFloor(importDb);
        if (measureFloor) {
            floor.count();
        }
        for (int i = 0; i < targets.length; i++) {
            runs[i] = child(children, importDb, jvm, targets[i], files.get(i), size);
            if (measureFloor) {
                floor.count();
            }
        }
        List<DerbyImportFloor.Step> floors = measureFloor ? floor.measure(base.resolve("movein-floor"), new LocalSecurityService("bench")) : List.of();

        Path rawDir = ImportBenchmark.fresh(base.resolve("movein-raw"));
        DatabaseSettings settings = DatabaseSettings.embedded(rawDir);
        Database.open(settings, new LocalSecurityService("bench")).close(); // the same schema, migrated
        double[] raw = new double[targets.length];
        double[] rawCpu = new double[targets.length];
        String[] rawLoad = new String[targets.length];
        // the raw batch of the first N files only: the deals' fires the board's triggers per row (about 700 rows/s)
        int rawFiles = Math.min(targets.length, Integer.getInteger("bench.rawFiles", targets.length));
        try (Connection connection = Database.connect(settings)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < rawFiles; i++) {
                double cpu = ownCpuSeconds();
                raw[i] = switch (i) {
                case 0 -> MoveInBenchmark.rawCustomers(connection, size);
                case 1 -> MoveInBenchmark.rawContacts(connection, size);
                case 2 -> MoveInBenchmark.rawActivities(connection, size);
                case 3 -> MoveInBenchmark.rawDeals(connection, size);
                default -> MoveInBenchmark.rawHistory(connection, size);
                };
                rawCpu[i] = ownCpuSeconds() - cpu;
                rawLoad[i] = BenchTimings.loadAverage();
            }
        }
        String[] names = { "customers with external ids and tags", "contacts (a phone, an e-mail, an external id)",
                "activities (with an external id)", "opportunities with stage history (and an external id)",
                "Salesforce's OpportunityHistory rows (a move each, and an external id)" };
        String[] goals = { "≥ 45,000 rows/s and ≥ 1.3×", "≥ 30,000 rows/s", "≥ 30,000 rows/s", "≥ 20,000 rows/s", "-" };
        System.out.printf("BENCH %,d rows a file, salesbench cli import from start to exit against a raw JDBC batch insert in the same run%n", size);
        for (int i = 0; i < targets.length; i++) {
            String rawFigures = i < rawFiles ? String.format("raw JDBC batch %,.0f rows/s (%.1f CPU s, load after %s); ratio %.2f", raw[i], rawCpu[i],
                    rawLoad[i], size / runs[i].seconds / raw[i]) : "raw JDBC batch not run (-Dbench.rawFiles)";
            System.out.printf("BENCH %s: cli import %.1f s = %,.0f rows/s (%.1f CPU s, load %s → %s); %s (goal %s)%n", names[i], runs[i].seconds,
                    size / runs[i].seconds, runs[i].cpuSeconds, runs[i].loadBefore, runs[i].loadAfter, rawFigures, goals[i]);
            if (!measureFloor) {
                continue;
            }
            DerbyImportFloor.Step step = floors.get(i);
            System.out.printf("BENCH   the floor: Derby's import procedure of the same rows %s: %.1f s = %,.0f rows/s (%.1f CPU s); the command %.2f× the floor's "
                    + "time%n", step.rows(), step.seconds(), size / step.seconds(), step.cpuSeconds(), runs[i].seconds / step.seconds());
        }
    }

    private record Child(double seconds, double cpuSeconds, String loadBefore, String loadAfter) {
    }

    /** Runs {@code salesbench cli import target file} in a child on the database and checks it created {@code size} records. */
    private static Child child(Path dir, DatabaseSettings db, List<String> jvm, String target, Path file, int size) throws Exception {
        List<String> command = CliChild.command(dir, db.url(), jvm,
                List.of("import", target, file.toString(), "--mode", "valid-rows", "--match", "externalId"));
        Path out = dir.resolve("child-" + target + ".out");
        String loadBefore = BenchTimings.loadAverage();
        double cpu = childrenCpuSeconds();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(2, TimeUnit.HOURS)) {
            process.destroyForcibly();
            throw new IllegalStateException("cli import " + target + " did not end in 2 hours");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = childrenCpuSeconds() - cpu;
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        Matcher created = SUMMARY.matcher(printed);
        if (process.exitValue() != 0 || !created.find() || Integer.parseInt(created.group(1)) != size) {
            throw new IllegalStateException("cli import " + target + " exited with " + process.exitValue() + ", not " + size + " created:\n" + printed);
        }
        System.out.printf("BENCH cli import %s: %,d rows in %.1f s = %,.0f rows/s, %.1f CPU s%n", target, size, seconds, size / seconds, cpuSeconds);
        printed.lines().filter(l -> l.startsWith("SALESBENCH-")).forEach(l -> System.out.println("BENCH   " + l));
        return new Child(seconds, cpuSeconds, loadBefore, BenchTimings.loadAverage());
    }

    /** User + system CPU seconds of this process's children that have ended and been waited for (Linux). */
    private static double childrenCpuSeconds() throws IOException {
        String[] fields = statFields();
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
    }

    /** User + system CPU seconds of this process (Linux). */
    static double ownCpuSeconds() throws IOException {
        String[] fields = statFields();
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** /proc/self/stat's fields after the command name: [0] is the state, [11] utime, [12] stime, [13] cutime, [14] cstime (clock ticks). */
    private static String[] statFields() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
}
