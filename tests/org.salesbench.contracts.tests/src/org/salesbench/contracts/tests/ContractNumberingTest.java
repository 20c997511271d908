package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.contracts.tests.ContractFixture.REP;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.internal.ContractSettings;
import org.salesbench.core.validation.ValidationException;

/** Numbers follow the configured scheme and stay unique when many creations race on one database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractNumberingTest {

    private ContractFixture fx;

    @BeforeAll
    void open() {
        fx = new ContractFixture();
    }

    @AfterAll
    void close() {
        fx.close();
    }

    /** Creates one contract per deal, all threads released at once; the numbers they got. */
    static List<String> race(List<Long> deals, LongFunction<Contract> create) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(deals.size());
        try {
            CyclicBarrier start = new CyclicBarrier(deals.size());
            List<Future<String>> numbers = new ArrayList<>();
            for (long deal : deals) {
                numbers.add(pool.submit(() -> {
                    start.await();
                    return create.apply(deal).getNumber();
                }));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> number : numbers) {
                result.add(number.get());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCreationsOnDerbyDrawDistinctConsecutiveNumbers() throws Exception {
        fx.numberPattern = "RACE-{yyyy}-{seq:4}";
        List<Long> deals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deals.add(fx.deal("并发 " + i, "10000", true).getId());
        }
        fx.as(REP);
        List<String> numbers = race(deals, fx.contracts::createFromOpportunity);
        Set<String> expected = new TreeSet<>();
        for (int i = 1; i <= 8; i++) {
            expected.add(String.format("RACE-%d-%04d", fx.today().getYear(), i));
        }
        assertEquals(expected, new TreeSet<>(numbers), numbers.toString());
    }

    @Test
    void theSchemeIsConfigurableAndABadOneIsRefusedWithoutWritingAnything() {
        fx.numberPattern = "C{yy}{MM}/{seq:3}";
        long deal = fx.deal("编号", "10000", true).getId();
        fx.as(REP);
        Contract contract = fx.contracts.createFromOpportunity(deal);
        assertEquals(String.format("C%02d%02d/001", fx.today().getYear() % 100, fx.today().getMonthValue()), contract.getNumber());

        long before = fx.contracts.count(ContractFilter.all());
        for (String bad : List.of("HT-{yyyy}", "HT-{seq:3}-{seq:2}", "HT-{week}-{seq:3}", "合同-{seq:3}", "HT-{seq:0}")) {
            fx.numberPattern = bad;
            long next = fx.deal("坏规则", "10000", true).getId();
            fx.as(REP);
            ValidationException refused = assertThrows(ValidationException.class, () -> fx.contracts.createFromOpportunity(next), bad);
            assertTrue(refused.errorOf("numberPattern").message().contains(bad), refused.getMessage());
        }
        assertEquals(before, fx.contracts.count(ContractFilter.all()));
        fx.numberPattern = ContractSettings.DEFAULT_PATTERN;
    }

    @Test
    void thePatternIsABundlePreferenceCheckedWhenSaved() {
        try {
            ContractSettings.setNumberPattern("PREF-{yyyy}-{seq:2}");
            assertEquals("PREF-{yyyy}-{seq:2}", ContractSettings.numberPattern());
            ValidationException refused = assertThrows(ValidationException.class, () -> ContractSettings.setNumberPattern("PREF-{yyyy}"));
            assertTrue(refused.errorOf("numberPattern").message().contains("{seq:N}"), refused.getMessage());
            assertEquals("PREF-{yyyy}-{seq:2}", ContractSettings.numberPattern());
        } finally {
            ContractSettings.setNumberPattern(null);
        }
        assertEquals(ContractSettings.DEFAULT_PATTERN, ContractSettings.numberPattern());
    }
}
