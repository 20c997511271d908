package org.salesbench.architecture.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesbench.architecture.tests.ArchitectureRules.Violation;

/**
 * The rules of docs/ARCHITECTURE.md on the repository's bundles. A violation fails the build unless it is in
 * {@link #DEBT}; a debt entry that no longer occurs fails it too, so the list only shrinks.
 */
class ArchitectureTest {

    /**
     * Violations the code has today, each with the move of issue 10 that removes it. Remove an entry in the same
     * commit as the move; never add one for new code.
     */
    static final Map<String, String> DEBT = debt(
    // nothing owed: DemoData, the last entry, now clears through each module's purgeOwnedBy
    );

    private static SourceTree repository;
    private static List<Violation> violations;

    @BeforeAll
    static void readRepository() {
        repository = SourceTree.read(RepositoryRoot.find());
        violations = ArchitectureRules.check(repository);
        // the build log lists where each debt entry occurs, for whoever pays it
        violations.stream().filter(violation -> DEBT.containsKey(violation.key())).forEach(violation -> System.out
                .println("[architecture debt] " + violation + "\n      removed by: " + DEBT.get(violation.key())));
    }

    /** Guards against a vacuous pass: the rules must have read the real bundles and their sources. */
    @Test
    void theRulesReadTheRepository() {
        assertTrue(repository.bundles.keySet().containsAll(Set.of("org.salesbench.core", "org.salesbench.persistence",
                "org.salesbench.customers", "org.salesbench.importexport", "org.salesbench.cli")), repository.bundles.keySet().toString());
        int sources = repository.bundles.values().stream().mapToInt(bundle -> bundle.sources.size()).sum();
        assertTrue(sources > 100, "only " + sources + " Java sources under " + repository.root);
        assertTrue(repository.bundles.get("org.salesbench.customers").ownedTables.contains("SB_CUSTOMER"),
                "customers' changelog was not read");
    }

    @Test
    void everyViolationIsKnownDebt() {
        List<Violation> news = violations.stream().filter(violation -> !DEBT.containsKey(violation.key())).toList();
        if (!news.isEmpty()) {
            fail(news.size() + " violation(s) of docs/ARCHITECTURE.md:\n  "
                    + news.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    @Test
    void everyDebtEntryStillOccurs() {
        Set<String> occurring = violations.stream().map(Violation::key).collect(Collectors.toSet());
        Set<String> paid = new TreeSet<>(DEBT.keySet());
        paid.removeAll(occurring);
        assertTrue(paid.isEmpty(), "Paid debt, remove from ArchitectureTest.DEBT:\n  " + String.join("\n  ", paid));
    }

    private static Map<String, String> debt(String... keysAndMoves) {
        Map<String, String> debt = new LinkedHashMap<>();
        for (int i = 0; i < keysAndMoves.length; i += 2) {
            if (debt.put(keysAndMoves[i], keysAndMoves[i + 1]) != null) {
                throw new IllegalArgumentException("twice in the debt list: " + keysAndMoves[i]);
            }
        }
        return debt;
    }
}
