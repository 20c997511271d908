package org.salesbench.architecture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.architecture.tests.ArchitectureRules.Rule;
import org.salesbench.architecture.tests.ArchitectureRules.Violation;

/**
 * The test of the test: each rule reports the one deliberate violation of a fixture, and the clean fixture has none.
 * A fixture {@code fixtures/<case>} holds only the files that differ from {@code fixtures/clean}; the two are laid
 * over each other in a temporary directory.
 */
class ArchitectureRulesTest {

    @TempDir
    Path work;

    @Test
    void theCleanTreeHasNoViolation() {
        SourceTree clean = SourceTree.read(RepositoryRoot.fixture("clean"));
        assertEquals(List.of(), ArchitectureRules.check(clean));
        // the clean tree exercises what must not be reported: own writes, rendering with AWT, friends that are tests
        assertTrue(clean.bundles.get("org.salesbench.customers").ownedTables.containsAll(
                List.of("SB_CUSTOMER", "SB_CUSTOMER_TAG", "SB_CUSTOMER_REPORT")));
        assertEquals(6, clean.bundles.size());
    }

    @Test
    void aModelBundleRequiringJFaceIsReported() {
        Violation violation = theOnlyViolation("ui-bundle-in-model", Rule.UI_IN_MODEL);
        assertEquals("UI_IN_MODEL: org.salesbench.customers requires UI bundle org.eclipse.jface", violation.key());
        assertEquals(Path.of("bundles/org.salesbench.customers/META-INF/MANIFEST.MF"), violation.file());
        assertEquals(5, violation.line());
    }

    @Test
    void aModelSourceUsingAwtIsReportedButARenderingBundleIsNot() {
        Violation violation = theOnlyViolation("awt-in-model", Rule.UI_IN_MODEL);
        assertEquals("UI_IN_MODEL: org.salesbench.customers uses java.awt in org.salesbench.customers", violation.key());
        assertEquals(Path.of("bundles/org.salesbench.customers/src/org/salesbench/customers/CustomerColour.java"), violation.file());
        assertEquals(5, violation.line());
    }

    @Test
    void anotherBundlesInternalPackageIsReported() {
        Violation violation = theOnlyViolation("foreign-internal", Rule.INTERNAL_PACKAGE);
        assertEquals("INTERNAL_PACKAGE: org.salesbench.customers.ui uses internal package org.salesbench.customers.internal"
                + " of org.salesbench.customers", violation.key());
        assertEquals(3, violation.line());
    }

    @Test
    void aProductionFriendIsReported() {
        Violation violation = theOnlyViolation("production-friend", Rule.PRODUCTION_FRIEND);
        assertEquals("PRODUCTION_FRIEND: org.salesbench.customers exports org.salesbench.customers.internal to production bundle"
                + " org.salesbench.cli", violation.key());
        assertEquals(9, violation.line());
    }

    @Test
    void aWriteToAnotherBundlesTableInJavaIsReported() {
        Violation violation = theOnlyViolation("foreign-table-write", Rule.FOREIGN_TABLE_WRITE);
        assertEquals("FOREIGN_TABLE_WRITE: org.salesbench.cli writes SB_CUSTOMER (owned by org.salesbench.customers)", violation.key());
        assertEquals(Path.of("bundles/org.salesbench.cli/src/org/salesbench/cli/PurgeCommand.java"), violation.file());
        assertEquals(6, violation.line());
    }

    @Test
    void aWriteToAnotherBundlesTableInAnSqlResourceIsReported() {
        Violation violation = theOnlyViolation("foreign-table-write-sql", Rule.FOREIGN_TABLE_WRITE);
        assertEquals("FOREIGN_TABLE_WRITE: org.salesbench.cli writes SB_CUSTOMER (owned by org.salesbench.customers)", violation.key());
        assertEquals(Path.of("bundles/org.salesbench.cli/sql/purge.sql"), violation.file());
        assertEquals(2, violation.line());
    }

    @Test
    void anUnusedRequireBundleIsReported() {
        Violation violation = theOnlyViolation("unused-require", Rule.UNUSED_DEPENDENCY);
        assertEquals("UNUSED_DEPENDENCY: org.salesbench.customers.ui requires org.salesbench.persistence but uses none of its"
                + " packages or extension points", violation.key());
        assertEquals(6, violation.line());
    }

    @Test
    void anUnusedImportPackageIsReported() {
        Violation violation = theOnlyViolation("unused-import", Rule.UNUSED_DEPENDENCY);
        assertEquals("UNUSED_DEPENDENCY: org.salesbench.cli imports package org.salesbench.persistence but never uses it",
                violation.key());
        assertEquals(7, violation.line());
    }

    @Test
    void aCycleThroughAnImportedPackageIsReported() {
        List<Violation> violations = violations("cycle");
        assertEquals(List.of(Rule.CYCLE, Rule.CYCLE), violations.stream().map(Violation::rule).toList(), violations.toString());
        assertEquals("CYCLE: cycle among org.salesbench.core, org.salesbench.persistence", violations.get(0).key());
        // each edge of the cycle is shown where it is declared
        assertEquals(List.of("org.salesbench.core:8", "org.salesbench.persistence:5"),
                violations.stream().map(v -> v.bundle() + ":" + v.line()).toList());
    }

    @Test
    void anEngineDependingOnAModuleIsReported() {
        Violation violation = theOnlyViolation("engine-knows-module", Rule.ENGINE_KNOWS_MODULE);
        assertEquals("ENGINE_KNOWS_MODULE: engine org.salesbench.cli depends on module bundle org.salesbench.customers", violation.key());
        assertEquals(6, violation.line());
    }

    @Test
    void anExtensionPointWithoutContributorIsReported() {
        Violation violation = theOnlyViolation("extension-point-without-contributor", Rule.EXTENSION_POINT_WITHOUT_CONTRIBUTOR);
        assertEquals("EXTENSION_POINT_WITHOUT_CONTRIBUTOR: extension point org.salesbench.customers.ui.editorPages has no production"
                + " contributor", violation.key());
        assertEquals(Path.of("bundles/org.salesbench.customers.ui/plugin.xml"), violation.file());
        assertEquals(4, violation.line());
    }

    private Violation theOnlyViolation(String fixture, Rule rule) {
        List<Violation> violations = violations(fixture);
        assertEquals(1, violations.size(), () -> "expected one " + rule + " in fixture " + fixture + ", got:\n  "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        assertEquals(rule, violations.get(0).rule());
        return violations.get(0);
    }

    /** The violations of {@code fixtures/clean} with {@code fixtures/<fixture>} laid over it. */
    private List<Violation> violations(String fixture) {
        copyTree(RepositoryRoot.fixture("clean"), work);
        copyTree(RepositoryRoot.fixture(fixture), work);
        return ArchitectureRules.check(SourceTree.read(work));
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
