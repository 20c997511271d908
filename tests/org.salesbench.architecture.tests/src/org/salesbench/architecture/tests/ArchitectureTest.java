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
            // -- the engines know modules: move "each module contributes its own import/export targets" and
            //    "each module contributes its own CLI commands and export filters; the cli bundle knows no module"
            "ENGINE_KNOWS_MODULE: engine org.salesbench.cli depends on module bundle org.salesbench.customers",
            "cli commands and export filters move to the modules (ExportCommand, ListFilters, ImportTargets)",
            "ENGINE_KNOWS_MODULE: engine org.salesbench.cli depends on module bundle org.salesbench.opportunities",
            "cli commands and export filters move to the modules (ExportCommand, ListFilters, ImportTargets)",
            "ENGINE_KNOWS_MODULE: engine org.salesbench.importexport depends on module bundle org.salesbench.customers",
            "import targets move to the modules; importexport exports a target-support API package",
            "ENGINE_KNOWS_MODULE: engine org.salesbench.importexport depends on module bundle org.salesbench.opportunities",
            "import targets move to the modules; importexport exports a target-support API package",
            // -- users have their bundle; its command and target move in once that makes no cycle: today users -> cli
            //    -> importexport/demo -> users (the leads and opportunities targets look owners up through UserService)
            "ENGINE_KNOWS_MODULE: engine org.salesbench.cli depends on module bundle org.salesbench.users",
            "UsersCommand moves to users once cli depends on neither importexport's targets nor demo (DemoCommand)",
            "ENGINE_KNOWS_MODULE: engine org.salesbench.importexport depends on module bundle org.salesbench.users",
            "UsersTarget moves to users, the owner look-up (Relations) with the leads and opportunities targets",

            // -- the customer bulk path in importexport writes customers' tables
            "FOREIGN_TABLE_WRITE: org.salesbench.importexport writes SB_CUSTOMER (owned by org.salesbench.customers)",
            "the customer bulk path becomes a bulk writer service in the customers API (CustomersTarget, CustomerBulkLoad)",
            "FOREIGN_TABLE_WRITE: org.salesbench.importexport writes SB_CUSTOMER_TAG (owned by org.salesbench.customers)",
            "the customer bulk path becomes a bulk writer service in the customers API (CustomersTarget)",
            // -- raw id-block reservation on the shared id generator, copied in two bundles (importexport Ids,
            //    opportunities DefaultData.reserveIds). Not named by issue 10: persistence should publish one
            //    reservation helper; the bulk-writer move will otherwise carry this entry into customers
            "FOREIGN_TABLE_WRITE: org.salesbench.opportunities writes SB_SEQUENCE (owned by org.salesbench.persistence)",
            "follow-up to the bulk-writer move: persistence publishes an id-block reservation API",
            // -- DemoData.clear deletes other modules' rows by SQL. Not named by issue 10: the demo should clear
            //    through the modules' services (follow-up)
            "FOREIGN_TABLE_WRITE: org.salesbench.demo writes SB_ACTIVITY (owned by org.salesbench.customers)",
            "follow-up: DemoData clears through the customers API",
            "FOREIGN_TABLE_WRITE: org.salesbench.demo writes SB_CONTACT (owned by org.salesbench.customers)",
            "follow-up: DemoData clears through the customers API",
            "FOREIGN_TABLE_WRITE: org.salesbench.demo writes SB_CUSTOMER (owned by org.salesbench.customers)",
            "follow-up: DemoData clears through the customers API",
            "FOREIGN_TABLE_WRITE: org.salesbench.demo writes SB_LEAD (owned by org.salesbench.opportunities)",
            "follow-up: DemoData clears through the opportunities API",
            "FOREIGN_TABLE_WRITE: org.salesbench.demo writes SB_OPPORTUNITY (owned by org.salesbench.opportunities)",
            "follow-up: DemoData clears through the opportunities API",

            // -- customers' internals used by production bundles: move "customers publishes a lookup service in
            //    its API (by folded name, phone, e-mail, credit code); no production x-friends remain"
            "INTERNAL_PACKAGE: org.salesbench.importexport uses internal package org.salesbench.customers.internal of org.salesbench.customers",
            "customers lookup service in its API; import targets move to customers",
            "INTERNAL_PACKAGE: org.salesbench.importexport uses internal package org.salesbench.customers.internal.search of org.salesbench.customers",
            "customers lookup service in its API; import targets move to customers",
            "INTERNAL_PACKAGE: org.salesbench.opportunities uses internal package org.salesbench.customers.internal of org.salesbench.customers",
            "customers lookup service in its API (LeadScreener, LeadServiceImpl)",
            "INTERNAL_PACKAGE: org.salesbench.opportunities uses internal package org.salesbench.customers.internal.search of org.salesbench.customers",
            "customers lookup service in its API (LeadScreener, LeadServiceImpl)",
            "PRODUCTION_FRIEND: org.salesbench.customers exports org.salesbench.customers.internal to production bundle org.salesbench.importexport",
            "customers lookup service in its API; no production x-friends remain",
            "PRODUCTION_FRIEND: org.salesbench.customers exports org.salesbench.customers.internal to production bundle org.salesbench.opportunities",
            "customers lookup service in its API; no production x-friends remain",
            "PRODUCTION_FRIEND: org.salesbench.customers exports org.salesbench.customers.internal.search to production bundle org.salesbench.importexport",
            "customers lookup service in its API; no production x-friends remain",
            "PRODUCTION_FRIEND: org.salesbench.customers exports org.salesbench.customers.internal.search to production bundle org.salesbench.opportunities",
            "customers lookup service in its API; no production x-friends remain",

            // -- chart rendering in the analytics model bundle: move "chart and document rendering leave the model
            //    bundle for a headless output bundle" (org.salesbench.analytics.output)
            "UI_IN_MODEL: org.salesbench.analytics imports packages of javax.imageio",
            "chart rendering moves to org.salesbench.analytics.output",
            "UI_IN_MODEL: org.salesbench.analytics imports packages of org.jfree",
            "chart rendering moves to org.salesbench.analytics.output",
            "UI_IN_MODEL: org.salesbench.analytics uses java.awt in org.salesbench.analytics.charts",
            "chart rendering moves to org.salesbench.analytics.output (ReportCharts)",
            "UI_IN_MODEL: org.salesbench.analytics uses javax.imageio in org.salesbench.analytics.charts",
            "chart rendering moves to org.salesbench.analytics.output (ReportCharts)",
            "UI_IN_MODEL: org.salesbench.analytics uses org.jfree in org.salesbench.analytics.charts",
            "chart rendering moves to org.salesbench.analytics.output (ReportCharts)",

            // -- extension points nothing in production contributes to: move "the customer editor shows the
            //    customer's opportunities, quotes and leads through editorPages; every extension point has a
            //    production contributor or is removed"
            "EXTENSION_POINT_WITHOUT_CONTRIBUTOR: extension point org.salesbench.customers.ui.listColumns has no production contributor",
            "a production contributor, or the point is removed",
            "EXTENSION_POINT_WITHOUT_CONTRIBUTOR: extension point org.salesbench.opportunities.ui.boardCardDecorations has no production"
                    + " contributor",
            "a production contributor, or the point is removed");

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
