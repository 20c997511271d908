package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerRow;
import org.salesbench.customers.CustomerSort;
import org.salesbench.customers.CustomerSort.Column;
import org.salesbench.customers.CustomerStatus;

/**
 * Paging, the id snapshot and text search give the right rows over 26,000 customers: past the depth the search index
 * collects pages to (20,000; deeper pages slice the id snapshot) and several of its rebuild groups, but small enough
 * for the suite's time budget. The list's speed over a million customers is the benchmarks' concern.
 */
class CustomerListTest {

    static final int SIZE = Integer.getInteger("customers.test.size", 26_000);
    static final String[] CITIES = {"北京", "上海", "深圳", "杭州", "成都", "武汉", "南京", "西安", "苏州", "天津"};
    static final String[] WORDS = {"云帆", "星河", "华信", "远航", "博达", "恒通", "新锐", "金桥", "明德", "瑞丰", "Blue", "North"};
    static final String[] GRADES = {"A", "B", "C", "D"};

    static CustomerFixture fx;
    static final LocalDate TODAY = LocalDate.now(Clocks.system());

    @BeforeAll
    static void fill() {
        fx = new CustomerFixture();
        long start = System.nanoTime();
        for (int from = 0; from < SIZE; from += 2_000) {
            List<Customer> batch = new ArrayList<>();
            for (int i = from; i < Math.min(from + 2_000, SIZE); i++) {
                batch.add(make(i));
            }
            fx.service.createAll(batch);
        }
        System.out.printf("CustomerListTest: %,d customers created in %.1f s%n", SIZE, (System.nanoTime() - start) / 1e9);
    }

    static Customer make(int i) {
        Customer c = CustomerFixture.customer(CITIES[i % CITIES.length] + WORDS[(i / 10) % WORDS.length] + "科技有限公司 " + i);
        c.setGrade(GRADES[i % 4]);
        c.setStatus(CustomerStatus.values()[i % 4]);
        c.setNextFollowUp(TODAY.plusDays(i % 20 - 5));
        if (i % 1000 == 7) {
            c.getTags().add("重点");
        }
        if (i % 10 == 0) {
            c.addContact(CustomerFixture.contact("联系人" + i, "+86 139 " + String.format("%08d", i), "c" + i + "@example.cn"));
        }
        return c;
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @Test
    void countPagesAndTheIdSnapshotAgree() {
        assertEquals(SIZE, fx.service.count(CustomerFilter.ALL));
        CustomerSort byName = CustomerSort.DEFAULT;
        long[] ids = fx.service.ids(CustomerFilter.ALL, byName);
        assertEquals(SIZE, ids.length);
        List<CustomerRow> first = fx.service.page(CustomerFilter.ALL, byName, 0, 100);
        assertArrayEquals(Arrays.copyOf(ids, 100), first.stream().mapToLong(CustomerRow::id).toArray());
        for (int i = 1; i < first.size(); i++) {
            assertTrue(first.get(i - 1).name().compareTo(first.get(i).name()) <= 0, "sorted by name");
        }
        // deeper than the index collects pages to: sliced from the snapshot
        List<CustomerRow> deep = fx.service.page(CustomerFilter.ALL, byName, 21_543, 50);
        assertArrayEquals(Arrays.copyOfRange(ids, 21_543, 21_593), deep.stream().mapToLong(CustomerRow::id).toArray());
        long[] slice = Arrays.copyOfRange(ids, 14_321, 14_421);
        assertArrayEquals(slice, fx.service.rows(slice).stream().mapToLong(CustomerRow::id).toArray(), "rows() keeps the snapshot order");
    }

    @Test
    void countAndFirstPageAgreeForEachKindOfSearch() {
        // a word, a name, a phone, an e-mail, a tag, nothing, two words and a city: the page shows as many as the count says
        for (String q : List.of("云帆", "北京云帆", "13900012340", "c12340@example.cn", "重点", "不存在的公司", "blue 北京", "杭州")) {
            long t0 = System.nanoTime();
            long n = fx.service.count(CustomerFilter.text(q));
            long t1 = System.nanoTime();
            List<CustomerRow> page = fx.service.page(CustomerFilter.text(q), CustomerSort.DEFAULT, 0, 100);
            long t2 = System.nanoTime();
            assertEquals(Math.min(n, 100), page.size(), q);
            System.out.printf("TIMING %s: count %d in %.1f ms, page in %.1f ms%n", q, n, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        }
        assertEquals(0, fx.service.count(CustomerFilter.text("不存在的公司")));
        long withContact12340 = SIZE > 12_340 ? 1 : 0; // customer 12340 has a contact (every tenth has)
        assertEquals(withContact12340, fx.service.count(CustomerFilter.text("13900012340")), "a phone finds its one customer");
        assertEquals(withContact12340, fx.service.count(CustomerFilter.text("c12340@example.cn")), "an e-mail finds its one customer");
    }

    @Test
    void firstPagesAgreeWithTheSnapshotWhetherTheWordIsCommonOrRare() {
        // 云帆 and 北京 match thousands (read in name order), 北京云帆 and the phone a few (read from the term index)
        for (String q : List.of("云帆", "北京", "科技", "北京云帆", "blue 北京", "13900012340", "不存在的公司")) {
            CustomerFilter f = CustomerFilter.text(q);
            long[] all = fx.service.ids(f, CustomerSort.DEFAULT);
            long[] first = fx.service.page(f, CustomerSort.DEFAULT, 0, 100).stream().mapToLong(CustomerRow::id).toArray();
            assertArrayEquals(Arrays.copyOf(all, Math.min(all.length, 100)), first, q);
        }
    }

    @Test
    void firstPagesOfBroadAndNarrowFiltersAgreeWithTheSnapshot() {
        // grade and status match a quarter (read in name order), the tag a thousandth and nobody none (sorted)
        for (CustomerFilter f : List.of(new CustomerFilter(null, Set.of("B"), Set.of(), null, null, false),
                new CustomerFilter(null, Set.of(), Set.of(CustomerStatus.ACTIVE), null, null, true),
                new CustomerFilter(null, Set.of(), Set.of(), null, "重点", false),
                new CustomerFilter(null, Set.of(), Set.of(), "nobody", null, false))) {
            long[] all = fx.service.ids(f, CustomerSort.DEFAULT);
            long[] first = fx.service.page(f, CustomerSort.DEFAULT, 0, 100).stream().mapToLong(CustomerRow::id).toArray();
            assertArrayEquals(Arrays.copyOf(all, Math.min(all.length, 100)), first, f.toString());
        }
    }

    @Test
    void sortsDescendingWithTiesBrokenById() {
        List<CustomerRow> rows = fx.service.page(CustomerFilter.ALL, new CustomerSort(Column.GRADE, false), 0, 30);
        assertTrue(rows.stream().allMatch(r -> r.grade().equals("D")));
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).id() > rows.get(i).id());
        }
    }

    @Test
    void textSearchFindsChineseFragmentsPhonesEmailsAndTags() {
        // 云帆 is word 0: customers i with (i/10) % 12 == 0
        long yunfan = java.util.stream.IntStream.range(0, SIZE).filter(i -> (i / 10) % WORDS.length == 0).count();
        assertEquals(yunfan, fx.service.count(CustomerFilter.text("云帆")));
        assertEquals(yunfan / 10, fx.service.count(CustomerFilter.text("北京云帆")), "city + brand, a prefix of the name");
        assertEquals(1, fx.service.count(CustomerFilter.text("+86 139 0001 2340")), "a phone typed with spaces and country code");
        assertEquals(1, fx.service.count(CustomerFilter.text("c12340@example.cn")));
        assertEquals(SIZE / 1000, fx.service.count(CustomerFilter.text("重点")), "by tag");
        assertEquals(SIZE / 1000, fx.service.count(new CustomerFilter(null, Set.of(), Set.of(), null, "重点", false)));
        assertEquals(0, fx.service.count(CustomerFilter.text("不存在的公司")));
        List<CustomerRow> found = fx.service.page(CustomerFilter.text("blue 北京"), CustomerSort.DEFAULT, 0, 5);
        assertTrue(found.stream().allMatch(r -> r.name().startsWith("北京Blue")), found.toString());
    }

    @Test
    void filtersCombine() {
        CustomerFilter f = new CustomerFilter("杭州", Set.of("A", "C"), Set.of(CustomerStatus.PROSPECT), null, null, true);
        long expected = java.util.stream.IntStream.range(0, SIZE)
                .filter(i -> i % 10 == 3 && (i % 4 == 0 || i % 4 == 2) && i % 4 == 0 && i % 20 - 5 < 0).count();
        assertEquals(expected, fx.service.count(f));
        long[] ids = fx.service.ids(f, new CustomerSort(Column.NEXT_FOLLOW_UP, true));
        List<CustomerRow> rows = fx.service.rows(ids);
        assertTrue(rows.stream().allMatch(r -> r.nextFollowUp().isBefore(TODAY) && r.grade().equals("A") && r.name().startsWith("杭州")));
        assertEquals(SIZE, fx.service.count(new CustomerFilter(null, Set.of(), Set.of(), "tester", null, false)));
        assertEquals(0, fx.service.count(new CustomerFilter(null, Set.of(), Set.of(), "nobody", null, false)));
    }
}
