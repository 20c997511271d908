package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.CustomerSort.Column;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.customers.internal.SearchTerms;
import org.salesbench.customers.internal.search.CustomerSearch;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The customer search index answers as the database does: every filter kind and every sort is checked
 * against the customers read back with SQL and matched in Java (each query word a prefix of one of the
 * customer's {@link SearchTerms}, all words required); and the index follows the database: the service's own
 * writes, raw JDBC writes announced by the IMPORTED event, a deleted index folder, an index left behind.
 */
class CustomerSearchIndexTest {

    private static final LocalDate TODAY = LocalDate.now(Clocks.system());
    private static final String[] NAMES = { "北京云帆科技有限公司", "上海星河信息技术有限公司", "Northwind Trading Co", "Bluebird Analytics GmbH",
            "深圳华信科技", "杭州博达贸易有限公司", "Evergreen Co" };

    record Expected(CustomerRow row, Set<String> terms, Set<String> tags) {
    }

    @Test
    void tagsInUseComeFromTheIndexSortedWithoutRepeatsAndFollowUpdatesAndDeletes() {
        try (CustomerFixture fx = new CustomerFixture()) {
            Customer a = new Customer("Tagged A Co");
            a.getTags().addAll(List.of("重点客户", "VIP"));
            Customer b = new Customer("Tagged B Co");
            b.getTags().addAll(List.of("VIP", "Only B"));
            Customer c = new Customer("Tagged C Co");
            c.getTags().add("Only C");
            long idA = fx.service.create(a).getId();
            long idB = fx.service.create(b).getId();
            long idC = fx.service.create(c).getId();
            assertEquals(List.of("Only B", "Only C", "VIP", "重点客户"), fx.service.tags());

            Customer changed = fx.service.find(idB).orElseThrow();
            changed.getTags().remove("Only B");
            fx.service.update(changed);
            fx.service.delete(idC);
            assertEquals(List.of("VIP", "重点客户"), fx.service.tags(), "a tag no customer carries any more is gone");

            fx.service.delete(idA);
            fx.service.delete(idB);
            assertEquals(List.of(), fx.service.tags());
        }
    }

    @Test
    void answersAsTheDatabaseForEveryFilterKindAndSort() {
        try (CustomerFixture fx = new CustomerFixture()) {
            List<Customer> batch = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                batch.add(varied(i));
            }
            fx.service.createAll(batch);
            // a few later changes, so that UPDATED_AT differs between customers
            for (long id : fx.service.ids(CustomerFilter.text("northwind"), CustomerSort.DEFAULT)) {
                Customer c = fx.service.find(id).orElseThrow();
                c.setRegion("华东");
                fx.service.update(c);
            }
            Map<Long, Expected> reference = reference(fx);
            assertEquals(240, reference.size());

            List<CustomerFilter> filters = List.of(CustomerFilter.ALL, CustomerFilter.text("科技"), CustomerFilter.text("co"),
                    CustomerFilter.text("北京 云帆"), CustomerFilter.text("云帆"), CustomerFilter.text("+86 138 0000"),
                    CustomerFilter.text("13800000123"), CustomerFilter.text("user12@corp0.cn"), CustomerFilter.text("corp2.cn"),
                    CustomerFilter.text("重点"), CustomerFilter.text("contact"), CustomerFilter.text("不存在"),
                    new CustomerFilter(null, Set.of("A"), Set.of(), null, null, false),
                    new CustomerFilter(null, Set.of("B", "C"), Set.of(), null, null, false),
                    new CustomerFilter(null, Set.of(), Set.of(CustomerStatus.ACTIVE, CustomerStatus.LOST), null, null, false),
                    new CustomerFilter(null, Set.of(), Set.of(), "li.wei", null, false),
                    new CustomerFilter(null, Set.of(), Set.of(), null, "战略", false),
                    new CustomerFilter(null, Set.of(), Set.of(), null, null, true),
                    new CustomerFilter("科技", Set.of("A", "D"), Set.of(), null, null, true),
                    new CustomerFilter("co", Set.of(), Set.of(CustomerStatus.PROSPECT), "wang.fang", "重点", false));
            int nonEmpty = 0;
            for (CustomerFilter filter : filters) {
                List<Expected> matches = reference.values().stream().filter(e -> matches(e, filter)).toList();
                nonEmpty += matches.isEmpty() ? 0 : 1;
                assertEquals(matches.size(), fx.service.count(filter), filter::toString);
                List<CustomerSort> sorts = new ArrayList<>();
                for (boolean ascending : new boolean[] { true, false }) {
                    for (Column column : Column.values()) {
                        sorts.add(new CustomerSort(column, ascending));
                    }
                    // the industry in the order of its labels: 行业1 is not listed (after the listed ones), none is last
                    sorts.add(new CustomerSort(Column.INDUSTRY, ascending, List.of("行业2", "行业0", "行业3")));
                }
                for (CustomerSort sort : sorts) {
                    List<CustomerRow> expected = matches.stream().map(Expected::row).sorted(order(sort)).toList();
                    long[] expectedIds = expected.stream().mapToLong(CustomerRow::id).toArray();
                    String what = filter + " " + sort;
                    assertArrayEquals(expectedIds, fx.service.ids(filter, sort), what);
                    assertEquals(expected.subList(0, Math.min(10, expected.size())), fx.service.page(filter, sort, 0, 10), what);
                    if (expected.size() > 15) {
                        assertEquals(expected.subList(10, 15), fx.service.page(filter, sort, 10, 5), what);
                    }
                    assertEquals(expected, fx.service.rows(expectedIds), what);
                }
            }
            assertTrue(nonEmpty >= filters.size() - 2, "the filters select something, so the comparison means something");
        }
    }

    private static Customer varied(int i) {
        Customer c = CustomerFixture.customer(NAMES[i % NAMES.length] + (i % 3 == 0 ? "" : " " + (i % 13)));
        c.setShortName(i % 4 == 0 ? null : "简称" + i);
        c.setGrade(i % 5 == 4 ? null : List.of("A", "B", "C", "D").get(i % 4));
        c.setStatus(CustomerStatus.values()[i % CustomerStatus.values().length]);
        c.setOwner(List.of("li.wei", "wang.fang", "tester").get(i % 3));
        c.setIndustry(i % 3 == 0 ? null : "行业" + (i % 4));
        c.setRegion(i % 6 == 0 ? null : "区域" + (i % 5));
        c.setNextFollowUp(i % 4 == 0 ? null : TODAY.plusDays(i % 9 - 4));
        if (i % 5 == 0) {
            c.getTags().add("重点");
        }
        if (i % 7 == 0) {
            c.getTags().add("战略");
        }
        if (i % 3 == 0) {
            c.addContact(CustomerFixture.contact("contact" + i, "+86 138 " + String.format("%08d", i), "user" + i + "@corp" + (i % 4) + ".cn"));
        }
        return c;
    }

    /** Every customer as SQL reads it back, with the terms and tags of the entity. */
    private static Map<Long, Expected> reference(CustomerFixture fx) {
        List<CustomerRow> rows = fx.db.read(em -> {
            List<CustomerRow> list = new ArrayList<>();
            for (Object o : em.createNativeQuery("SELECT ID, NAME, SHORT_NAME, GRADE, STATUS, INDUSTRY, REGION, OWNER, NEXT_FOLLOW_UP, UPDATED_AT, "
                    + "VERSION FROM SB_CUSTOMER").getResultList()) {
                Object[] r = (Object[]) o;
                list.add(new CustomerRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], CustomerStatus.valueOf((String) r[4]),
                        (String) r[5], (String) r[6], (String) r[7], r[8] == null ? null : localDate(r[8]), instant(r[9]),
                        ((Number) r[10]).longValue()));
            }
            return list;
        });
        Map<Long, Expected> byId = new HashMap<>();
        for (CustomerRow row : rows) {
            Customer c = fx.service.find(row.id()).orElseThrow();
            byId.put(row.id(), new Expected(row, SearchTerms.of(c), Set.copyOf(c.getTags())));
        }
        return byId;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return Timestamp.valueOf(l).toInstant();
        }
        return (Instant) value;
    }

    private static boolean matches(Expected e, CustomerFilter f) {
        if (f.text() != null && !SearchTerms.queryWords(f.text()).stream().allMatch(w -> e.terms().stream().anyMatch(t -> t.startsWith(w)))) {
            return false;
        }
        CustomerRow r = e.row();
        return (f.grades().isEmpty() || r.grade() != null && f.grades().contains(r.grade())) && (f.statuses().isEmpty() || f.statuses().contains(r.status()))
                && (f.owner() == null || f.owner().equals(r.owner())) && (f.tag() == null || e.tags().contains(f.tag()))
                && (!f.followUpOverdue() || r.nextFollowUp() != null && r.nextFollowUp().isBefore(TODAY));
    }

    /** SQL's order: empty values after all others ascending (before them descending), ties by id in the same direction. */
    private static Comparator<CustomerRow> order(CustomerSort sort) {
        Function<CustomerRow, Comparable<?>> key = sort.byIndustryLabels()
                ? r -> r.industry() == null ? null
                        : String.format("%04d", sort.industryOrder().contains(r.industry()) ? sort.industryOrder().indexOf(r.industry())
                                : sort.industryOrder().size()) + r.industry()
                : switch (sort.column()) {
            case NAME -> CustomerRow::name;
            case GRADE -> CustomerRow::grade;
            case STATUS -> r -> r.status().name();
            case INDUSTRY -> CustomerRow::industry;
            case REGION -> CustomerRow::region;
            case OWNER -> CustomerRow::owner;
            case NEXT_FOLLOW_UP -> CustomerRow::nextFollowUp;
            case UPDATED_AT -> CustomerRow::updatedAt;
            case SHORT_NAME -> CustomerRow::shortName;
        };
        @SuppressWarnings({ "unchecked", "rawtypes" })
        Comparator<CustomerRow> ascending = Comparator.comparing((Function) key, Comparator.nullsLast(Comparator.naturalOrder()));
        ascending = ascending.thenComparingLong(CustomerRow::id);
        return sort.ascending() ? ascending : ascending.reversed();
    }

    /**
     * A customer's folded name adds to its name's terms only what they lack (schema 6): every word a user can type finds
     * the same customers as when every term of the folded name was indexed beside the name's, while a Chinese name with
     * its legal form indexes a third fewer terms; a folded name that joins the name's words keeps its own terms.
     */
    @Test
    void aFoldedNameAddsOnlyTheTermsItsNameLacksAndFindsTheSame() {
        String[] names = { "深圳华为技术有限公司", "华为 技术有限公司", "Foo-Bar Ltd", "ACME Co., Ltd.", "北京abc科技有限公司", "(株)東京商事", "Evergreen Co" };
        int fewer = 0;
        for (String name : names) {
            Set<String> before = new java.util.LinkedHashSet<>();
            SearchTerms.addText(before, name);
            SearchTerms.addText(before, org.salesbench.customers.internal.CompanyNames.normalise(name));
            Set<String> now = SearchTerms.bySource(CustomerFixture.customer(name)).get(SearchTerms.NAME);
            assertTrue(before.containsAll(now), name + ": no term of another kind");
            for (String term : before) {
                for (int end = 1; end <= term.length(); end++) {
                    String typed = term.substring(0, end);
                    assertTrue(now.stream().anyMatch(t -> t.startsWith(typed)), name + ": \"" + typed + "\" still finds it");
                }
            }
            fewer += now.size() < before.size() ? 1 : 0;
        }
        assertTrue(SearchTerms.bySource(CustomerFixture.customer("Foo-Bar Ltd")).get(SearchTerms.NAME).contains("foobar"), "a joined folded name keeps its term");
        assertTrue(fewer >= 2, "the folded names that are the start of a name's word add nothing");

        try (CustomerFixture fx = new CustomerFixture()) {
            long shenzhen = fx.service.create(CustomerFixture.customer(names[0])).getId();
            long spaced = fx.service.create(CustomerFixture.customer(names[1])).getId();
            long foo = fx.service.create(CustomerFixture.customer(names[2])).getId();
            Map<String, List<Long>> expected = Map.of("华为技术", List.of(shenzhen, spaced), "为技", List.of(shenzhen, spaced), "深圳华为技", List.of(shenzhen),
                    "技术有限", List.of(shenzhen, spaced), "foobar", List.of(foo), "foo bar", List.of(foo), "华为 有限", List.of(shenzhen, spaced));
            expected.forEach((typed, ids) -> assertEquals(ids.stream().sorted().toList(),
                    java.util.Arrays.stream(fx.service.ids(CustomerFilter.text(typed), new CustomerSort(Column.UPDATED_AT, true))).sorted().boxed().toList(), typed));
        }
    }

    @Test
    void followsCreateUpdateDeleteAndFollowUps() {
        try (CustomerFixture fx = new CustomerFixture()) {
            Customer c = CustomerFixture.customer("宁波甬江港务有限公司");
            c.addContact(CustomerFixture.contact("周经理", "0574-8765 4321", "zhou@yongjiang.cn"));
            long id = fx.service.create(c).getId();
            assertEquals(1, fx.service.count(CustomerFilter.text("甬江")));
            assertEquals(1, fx.service.count(CustomerFilter.text("057487654321")));

            Customer read = fx.service.find(id).orElseThrow();
            read.setName("宁波北仑物流有限公司");
            read.getContacts().get(0).getEmails().clear();
            fx.service.update(read);
            assertEquals(0, fx.service.count(CustomerFilter.text("甬江")), "the old name is gone from the index");
            assertEquals(0, fx.service.count(CustomerFilter.text("zhou@yongjiang.cn")));
            assertEquals(1, fx.service.count(CustomerFilter.text("北仑")));
            assertEquals("宁波北仑物流有限公司", fx.service.rows(new long[] { id }).get(0).name());

            org.salesbench.customers.Activity call = new org.salesbench.customers.Activity();
            call.setType(org.salesbench.customers.ActivityType.CALL);
            call.setOccurredAt(java.time.LocalDateTime.now(Clocks.system()));
            call.setSummary("回访");
            call.setNextStepDate(TODAY.plusDays(3));
            fx.service.logActivity(id, call);
            assertEquals(TODAY.plusDays(3), fx.service.rows(new long[] { id }).get(0).nextFollowUp(), "a follow-up change reaches the row");

            fx.service.delete(id);
            assertEquals(0, fx.service.count(CustomerFilter.ALL));
            assertEquals(List.of(), fx.service.rows(new long[] { id }));
        }
    }

    @Test
    void findsACustomerWrittenWithJdbcAfterTheImportedEvent(@TempDir Path dir) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        LocalSecurityService security = new LocalSecurityService("tester");
        try (Database db = Database.open(settings, security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            try {
                long kept = service.create(CustomerFixture.customer("温州瓯江电器有限公司")).getId();
                long deleted = service.create(CustomerFixture.customer("温州待删除有限公司")).getId();
                assertEquals(2, service.count(CustomerFilter.ALL));
                try (Connection c = Database.connect(settings)) {
                    insertRaw(c, 990_001, "台州椒江机械有限公司", Instant.now(Clocks.system()));
                    c.createStatement().executeUpdate("DELETE FROM SB_CUSTOMER WHERE ID = " + deleted);
                    c.commit();
                }
                service.handleEvent(new Event(EventTopics.imported(Customer.ENTITY), Map.of(EventTopics.PROPERTY_COUNT, 1)));
                Job.getJobManager().join(CustomerSearch.FAMILY, null);
                assertEquals(1, service.count(CustomerFilter.text("椒江")), "the imported customer is found");
                assertEquals(0, service.count(CustomerFilter.text("待删除")), "the one deleted behind the index's back is gone");
                assertEquals(2, service.count(CustomerFilter.ALL));
                assertEquals(List.of(kept, 990_001L), service.page(CustomerFilter.ALL, new CustomerSort(Column.NAME, false), 0, 10).stream()
                        .map(CustomerRow::id).toList());
            } finally {
                service.search().close();
            }
        }
    }

    @Test
    void aBulkWriteAnnouncedRightBeforeTheIndexClosesIsIndexedSoTheNextOpeningHasNothingToCatchUp(@TempDir Path dir) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        LocalSecurityService security = new LocalSecurityService("tester");
        try (Database db = Database.open(settings, security)) {
            CustomerServiceImpl first = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            first.create(CustomerFixture.customer("嘉兴南湖纺织有限公司"));
            first.search().awaitCurrent();
            // what a command-line import does: a bulk write with JDBC, announced, and the database closed at once
            try (Connection c = Database.connect(settings)) {
                for (int i = 0; i < 20; i++) {
                    insertRaw(c, 991_000 + i, "湖州批量导入有限公司" + i, Instant.now(Clocks.system()));
                }
                c.commit();
            }
            first.search().imported();
            first.search().imported(); // the event after the bulk load's own announcement: one catch-up covers both
            first.search().close();

            CustomerServiceImpl next = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            try {
                next.search().awaitCurrent();
                assertEquals(0, next.search().lastOpeningCaughtUp(), "the index closed current: the next start re-reads nothing");
                assertEquals(21, next.count(CustomerFilter.ALL));
                assertEquals(20, next.count(CustomerFilter.text("湖州批量导入")));
            } finally {
                next.search().close();
            }
        }
    }

    @Test
    void rebuildsADeletedIndexAndCatchesUpAnIndexLeftBehind(@TempDir Path dir) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        LocalSecurityService security = new LocalSecurityService("tester");
        Path folder = dir.resolve("db-search");
        try (Database db = Database.open(settings, security)) {
            CustomerServiceImpl first = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            List<Customer> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(varied(i));
            }
            first.createAll(batch);
            long[] before = first.ids(CustomerFilter.ALL, CustomerSort.DEFAULT);
            first.search().close();
            assertTrue(Files.isDirectory(folder), "the index of an embedded database lives beside it");

            // an index left behind: customers changed, added and deleted while nobody had it open
            long renamed = before[0];
            long removed = before[1];
            try (Connection c = Database.connect(settings)) {
                Instant later = Instant.now(Clocks.system()).plusSeconds(1);
                try (PreparedStatement s = c.prepareStatement("UPDATE SB_CUSTOMER SET NAME = ?, UPDATED_AT = ? WHERE ID = ?")) {
                    s.setString(1, "丽水新名字有限公司");
                    s.setTimestamp(2, Timestamp.from(later));
                    s.setLong(3, renamed);
                    s.executeUpdate();
                }
                insertRaw(c, 990_002, "衢州后来者有限公司", later);
                c.createStatement().executeUpdate("DELETE FROM SB_CUSTOMER WHERE ID = " + removed);
                c.commit();
            }
            CustomerServiceImpl second = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            try {
                second.search().awaitCurrent();
                assertEquals(-1, second.search().lastBuildMillis(), "an index of the current schema is caught up, not rebuilt");
                assertEquals(1, second.count(CustomerFilter.text("丽水新名字")));
                assertEquals(1, second.count(CustomerFilter.text("衢州后来者")));
                assertEquals(50, second.count(CustomerFilter.ALL));
                assertEquals(List.of(), second.rows(new long[] { removed }));
            } finally {
                second.search().close();
            }

            // a deleted index folder is rebuilt from the database
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            assertFalse(Files.exists(folder));
            CustomerServiceImpl third = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            try {
                assertEquals(50, third.count(CustomerFilter.ALL), "queries wait for the rebuild and answer in full");
                assertTrue(third.search().lastBuildMillis() >= 0, "rebuilt");
                assertEquals(1, third.count(CustomerFilter.text("衢州后来者")));
                assertFalse(third.isSearchCatchingUp());
                assertTrue(Files.isDirectory(folder));
            } finally {
                third.search().close();
            }
        }
    }

    @Test
    void anIndexThatCouldNotOpenIsTriedAgainOnTheNextQuery(@TempDir Path dir) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        LocalSecurityService security = new LocalSecurityService("tester");
        Path blocker = Files.writeString(dir.resolve("db-search"), "a file where the index folder belongs");
        try (Database db = Database.open(settings, security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, (e, c, i) -> { });
            try {
                service.create(CustomerFixture.customer("嘉兴南湖纺织有限公司"));
                assertThrows(RuntimeException.class, () -> service.count(CustomerFilter.ALL), "no folder for the index: the query says so");
                Files.delete(blocker);
                assertEquals(1, service.count(CustomerFilter.text("南湖")), "once the cause is gone, the next query opens the index");
            } finally {
                service.search().close();
            }
        }
    }

    /** A customer written by another client: a row without the service, so without this process's index. */
    static void insertRaw(Connection c, long id, String name, Instant updated) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO SB_CUSTOMER (ID, VERSION, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, OWNER, "
                + "NAME, NORMALIZED_NAME, STATUS) VALUES (?, 1, ?, 'raw', ?, 'raw', 'raw', ?, ?, 'ACTIVE')")) {
            s.setLong(1, id);
            s.setTimestamp(2, Timestamp.from(updated));
            s.setTimestamp(3, Timestamp.from(updated));
            s.setString(4, name);
            s.setString(5, name);
            s.executeUpdate();
        }
    }
}
