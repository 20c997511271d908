package org.salesbench.benchmarks;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.Scope;
import org.salesbench.core.security.SecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.demo.DemoDataGenerator;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The customer list at scale: fills an embedded Derby database with realistic demo customers
 * (or reuses one filled before) and prints the times a user waits for. Goals on 2 cores: first
 * page ≤ 200 ms, a page at a random position ≤ 50 ms, filter p95 ≤ 100 ms.
 */
class CustomerListBenchmark {

    private static final int CHUNK = 2_000;

    @Test
    void customerList() {
        int size = Integer.getInteger("bench.size", 1_000_000);
        Path dir = Path.of(System.getProperty("bench.db", "bench-db")).toAbsolutePath().normalize().resolve("customers-" + size);
        LocalSecurityService security = new LocalSecurityService("bench");
        try (Database db = Database.open(DatabaseSettings.embedded(dir), security)) {
            long opening = System.nanoTime();
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, (entity, change, id) -> { });
            service.search().awaitCurrent();
            long built = service.search().lastBuildMillis();
            System.out.printf("BENCH search index ready in %.1f s (%s)%n", (System.nanoTime() - opening) / 1e9,
                    built < 0 ? "opened and caught up" : "built from the database in " + built + " ms");
            long have = service.count(CustomerFilter.ALL);
            if (have < size && !Boolean.getBoolean("bench.measureOnly")) {
                fill(service, (int) have, size);
            } else {
                System.out.printf("BENCH reusing %s with %,d customers%n", dir, have);
            }
            String as = System.getProperty("bench.as", "owner");
            if (!"rep".equals(as)) {
                System.out.println("BENCH --- as the local owner (every right, no field rules)");
                measure(service);
            }
            if ("rep".equals(as) || "both".equals(as)) {
                // the same list through a service whose every call checks a sales rep's rights and field rules: the
                // checks, the field masks of each page and a text search that leaves out the sources the rep may not see
                System.out.println("BENCH --- as a sales rep (access checks on; customer notes, contact phones and e-mails hidden)");
                measure(new CustomerServiceImpl(db, new RepSecurity("li.wei"), (entity, change, id) -> { }));
            }
        }
    }

    /**
     * A sales rep's rights as the shipped {@code sales_rep} role grants them on customers (own records; read all), with
     * field rules that hide a customer's notes and a contact's phones and e-mails and make the credit code read-only.
     */
    static final class RepSecurity implements SecurityService {
        private final CurrentUser user;

        RepSecurity(String login) {
            this.user = new CurrentUser(login, login, List.of("sales_rep"), false);
        }

        @Override
        public CurrentUser currentUser() {
            return user;
        }

        @Override
        public boolean isPermitted(Action action, String entity, String owner) {
            return action == Action.READ || action == Action.CREATE || owner == null || owner.equals(user.login());
        }

        @Override
        public Scope scope(Action action, String entity) {
            return action == Action.READ ? Scope.ALL : Scope.OWN;
        }

        @Override
        public Map<String, FieldAccess> fieldRules(String entity) {
            return switch (entity) {
            case "customer" -> Map.of("notes", FieldAccess.HIDDEN, "creditCode", FieldAccess.READ);
            case "contact" -> Map.of("phones", FieldAccess.HIDDEN, "emails", FieldAccess.HIDDEN);
            default -> Map.of();
            };
        }
    }

    private static void fill(CustomerServiceImpl service, int from, int size) {
        DemoDataGenerator generator = new DemoDataGenerator(42, LocalDate.now());
        for (int i = 0; i < from; i++) {
            generator.next(); // continue the same sequence after an interrupted fill
        }
        long start = System.nanoTime();
        for (int made = from; made < size; made += CHUNK) {
            List<Customer> chunk = new ArrayList<>(CHUNK);
            for (int i = 0; i < Math.min(CHUNK, size - made); i++) {
                chunk.add(generator.next());
            }
            service.createAll(chunk);
            if ((made / CHUNK) % 25 == 0) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("BENCH filled %,d customers, %.0f customers/s%n", made + chunk.size(), (made + chunk.size() - from) / seconds);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH fill: %,d customers (with contacts and activities) in %.0f s = %.0f customers/s%n", size - from,
                seconds, (size - from) / seconds);
    }

    private static void measure(CustomerServiceImpl service) {
        // warm up the statement cache and Derby's page cache once, as a running workbench would be
        service.count(CustomerFilter.ALL);
        service.page(CustomerFilter.ALL, CustomerSort.DEFAULT, 0, 100);

        double firstPage = millis(() -> service.page(CustomerFilter.ALL, CustomerSort.DEFAULT, 0, 100));
        double count = millis(() -> service.count(CustomerFilter.ALL));
        System.out.printf("BENCH first page (100 rows by name): %.1f ms; count of all: %.1f ms%n", firstPage, count);

        long[][] ids = new long[1][];
        double snapshot = millis(() -> ids[0] = service.ids(CustomerFilter.ALL, CustomerSort.DEFAULT));
        System.out.printf("BENCH id snapshot of %,d customers: %.0f ms (in the background, after the first page)%n", ids[0].length, snapshot);

        Random random = new Random(7);
        double[] pages = new double[50];
        for (int i = 0; i < pages.length; i++) {
            int offset = random.nextInt(ids[0].length - 100);
            long[] slice = Arrays.copyOfRange(ids[0], offset, offset + 100);
            pages[i] = millis(() -> service.rows(slice));
        }
        report("random page (100 rows by id from the snapshot)", pages);

        double[] offsets = new double[10];
        for (int i = 0; i < offsets.length; i++) {
            int offset = random.nextInt(ids[0].length - 100);
            offsets[i] = millis(() -> service.page(CustomerFilter.ALL, CustomerSort.DEFAULT, offset, 100));
        }
        report("random page by OFFSET (for comparison)", offsets);

        // as the Customers view does: the first page shows at once, the count follows in the background
        List<CustomerFilter> filters = filters();
        double[] firstPages = new double[filters.size()];
        double[] counts = new double[filters.size()];
        for (int i = 0; i < filters.size(); i++) {
            CustomerFilter f = filters.get(i);
            firstPages[i] = millis(() -> service.page(f, CustomerSort.DEFAULT, 0, 100));
            long[] n = new long[1];
            counts[i] = millis(() -> n[0] = service.count(f));
            System.out.printf("BENCH   filter %-60s first page %7.1f ms, count %,9d in %7.1f ms%n", describe(f), firstPages[i], n[0], counts[i]);
        }
        report("filter, time to the first page", firstPages);
        report("filter, count (shown when ready)", counts);
        double[] both = new double[filters.size()];
        for (int i = 0; i < both.length; i++) {
            both[i] = firstPages[i] + counts[i];
        }
        report("filter, first page + count", both);
    }

    private static List<CustomerFilter> filters() {
        List<CustomerFilter> filters = new ArrayList<>();
        for (String text : List.of("云帆", "星河信息", "北京市", "深圳市华信", "杭州", "科技", "Northwind", "bluebird analytics", "summit",
                "1391", "+86 138", "contact12", "gmbh", "重点客户", "海纳", "宏图医疗", "evergreen", "上海市博达", "co", "中联")) {
            filters.add(CustomerFilter.text(text));
        }
        for (String grade : List.of("A", "B", "C", "D")) {
            filters.add(new CustomerFilter(null, Set.of(grade), Set.of(), null, null, false));
        }
        for (CustomerStatus status : CustomerStatus.values()) {
            filters.add(new CustomerFilter(null, Set.of(), Set.of(status), null, null, false));
        }
        filters.add(new CustomerFilter(null, Set.of(), Set.of(), null, null, true));
        filters.add(new CustomerFilter(null, Set.of(), Set.of(), "li.wei", null, false));
        filters.add(new CustomerFilter(null, Set.of(), Set.of(), null, "战略合作", false));
        filters.add(new CustomerFilter("云帆", Set.of("A"), Set.of(CustomerStatus.ACTIVE), null, null, false));
        filters.add(new CustomerFilter("北京", Set.of("B", "C"), Set.of(), "wang.fang", null, true));
        filters.add(new CustomerFilter(null, Set.of("A"), Set.of(CustomerStatus.PROSPECT), "zhang.min", null, false));
        return filters;
    }

    private static String describe(CustomerFilter f) {
        return (f.text() == null ? "" : "text=" + f.text() + " ") + (f.grades().isEmpty() ? "" : "grades=" + f.grades() + " ")
                + (f.statuses().isEmpty() ? "" : "status=" + f.statuses() + " ") + (f.owner() == null ? "" : "owner=" + f.owner() + " ")
                + (f.tag() == null ? "" : "tag=" + f.tag() + " ") + (f.followUpOverdue() ? "overdue" : "");
    }

    private static void report(String what, double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCH %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d samples)%n", what, percentile(sorted, 50),
                percentile(sorted, 95), sorted[sorted.length - 1], sorted.length);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }
}
