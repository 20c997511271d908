package org.salesbench.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.demo.DemoData;
import org.salesbench.demo.DemoDataGenerator;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

class DemoDataTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    private static List<String> names(long seed, int n) {
        DemoDataGenerator g = new DemoDataGenerator(seed, DAY);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Customer c = g.next();
            names.add(c.getName() + "|" + c.getCreditCode() + "|" + c.getContacts().get(0).getPhones());
        }
        return names;
    }

    @Test
    void theSameSeedGivesTheSameCustomers() {
        assertEquals(names(1, 300), names(1, 300));
        assertNotEquals(names(1, 300), names(2, 300));
    }

    @Test
    void customersAreValidRealisticAndTheirCreditCodesUnique() {
        LocalSecurityService security = new LocalSecurityService("demo");
        try (Database db = Database.open(DatabaseSettings.inMemory("demo-" + UUID.randomUUID()), security)) {
            CustomerServiceImpl service = new CustomerServiceImpl(db, security, (e, c, id) -> { });
            DemoDataGenerator g = new DemoDataGenerator(7, DAY);
            Set<String> codes = new HashSet<>();
            int chinese = 0;
            int withActivities = 0;
            for (int i = 0; i < 2_000; i++) {
                Customer c = g.next();
                service.validate(c); // throws on any invalid field
                if (c.getCreditCode() != null) {
                    assertTrue(CreditCode.isValid(c.getCreditCode()), c.getCreditCode());
                    assertTrue(codes.add(c.getCreditCode()), "unique " + c.getCreditCode());
                }
                if (c.getName().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                    chinese++;
                }
                if (!c.getActivities().isEmpty()) {
                    withActivities++;
                }
                assertTrue(!c.getContacts().isEmpty() && c.getContacts().get(0).isPrimary());
            }
            assertTrue(chinese > 1_200 && chinese < 1_600, "about 70 % Chinese names: " + chinese);
            assertTrue(withActivities > 1_000, "most have a timeline: " + withActivities);
        }
    }

    @Test
    void fillIfEmptyFillsOnceAndResetRefills() {
        try (DemoSalesTest.Stack stack = new DemoSalesTest.Stack()) {
            CustomerServiceImpl customers = stack.customers;
            DemoData demo = stack.demo;
            assertEquals(50, demo.fillIfEmpty(50, new NullProgressMonitor()));
            assertEquals(50, customers.count(CustomerFilter.ALL));
            assertTrue(customers.page(CustomerFilter.ALL, org.salesbench.customers.CustomerSort.DEFAULT, 0, 50).stream()
                    .allMatch(r -> DemoDataGenerator.USERS.stream().anyMatch(u -> u[0].equals(r.owner()))), "owned by the demo team");
            assertEquals(0, demo.fillIfEmpty(50, new NullProgressMonitor()), "a database with customers is left alone");
            assertEquals(30, demo.reset(30, new NullProgressMonitor()));
            assertEquals(30, customers.count(CustomerFilter.ALL));
        }
    }

    private static boolean han(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    @Test
    void aChineseUsersDemoHasChineseCompaniesOnly() {
        assertTrue(DemoDataGenerator.chineseOnly(Locale.SIMPLIFIED_CHINESE));
        assertTrue(DemoDataGenerator.chineseOnly(Locale.forLanguageTag("zh")));
        assertTrue(!DemoDataGenerator.chineseOnly(Locale.ENGLISH) && !DemoDataGenerator.chineseOnly(null));
        DemoDataGenerator mixed = new DemoDataGenerator(7, DAY);
        DemoDataGenerator chinese = new DemoDataGenerator(7, DAY, true);
        int englishInMix = 0;
        for (int i = 0; i < 200; i++) {
            Customer m = mixed.next();
            Customer c = chinese.next();
            englishInMix += han(m.getName()) ? 0 : 1;
            assertTrue(han(c.getName()), c.getName());
            assertTrue(c.getContacts().stream().allMatch(k -> han(k.getName())), c.getName() + ": " + c.getContacts().get(0).getName());
        }
        assertTrue(englishInMix > 30, "the default mix keeps its English companies: " + englishInMix);

        // the first start of a workbench in Chinese (-nl zh_CN sets the default locale): customers and leads
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        try (DemoSalesTest.Stack stack = new DemoSalesTest.Stack()) {
            assertEquals(40, stack.demo.fillIfEmpty(40, new NullProgressMonitor()));
            List<String> names = stack.customers.page(CustomerFilter.ALL, org.salesbench.customers.CustomerSort.DEFAULT, 0, 100).stream()
                    .map(r -> r.name()).toList();
            assertEquals(40, names.size());
            assertEquals(List.of(), names.stream().filter(n -> !han(n)).toList(), "no English company names");
            List<String> leads = stack.leads.page(org.salesbench.opportunities.LeadFilter.ALL, 0, 100).stream().map(r -> r.company()).toList();
            assertTrue(!leads.isEmpty());
            assertEquals(List.of(), leads.stream().filter(n -> !han(n)).toList(), "no English lead companies");
        } finally {
            Locale.setDefault(before);
        }
    }
}
