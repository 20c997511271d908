package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;

/**
 * The industry of an imported customer is stored as a code of the editable industry list, whichever way the file
 * names it: the code, the English or the Chinese label, another CRM's value; an unknown one is added with
 * {@code --add-values} (once, however many rows name it) and kept as written otherwise; our own export round-trips.
 */
class PicklistImportTest {

    @TempDir
    Path dir;
    private ImportFixture fx;

    @BeforeEach
    void open() {
        fx = new ImportFixture();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Map<String, String> industries(ImportFixture f) {
        return f.pairs("SELECT NAME, INDUSTRY FROM SB_CUSTOMER");
    }

    @Test
    void aCodeEitherLabelOrAnotherCrmsValueIsStoredAsTheCode() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("c.csv"), """
                Account Name,Industry
                Alpha Ltd,TECHNOLOGY
                Beta Ltd,manufacturing
                丙金融有限公司,金融
                Delta Ltd,Government/Military
                Epsilon Ltd,Food & Beverage
                Zeta Ltd,Space Mining
                Eta Ltd,
                """);
        ImportResult result = fx.importFile(file, "customers", fx.auto(file, "customers"));
        assertEquals(Outcome.COMPLETED, result.outcome(), result.errors().toString());
        assertEquals(7, result.created());
        Map<String, String> expected = new TreeMap<>();
        expected.put("Alpha Ltd", "TECHNOLOGY");
        expected.put("Beta Ltd", "MANUFACTURING");
        expected.put("丙金融有限公司", "FINANCE");
        expected.put("Delta Ltd", "GOVERNMENT"); // Zoho CRM's value
        expected.put("Epsilon Ltd", "FOOD_BEVERAGE");
        expected.put("Zeta Ltd", "Space Mining"); // not in the list and not asked to add: kept as written
        expected.put("Eta Ltd", null);
        assertEquals(expected, industries(fx));
        assertTrue(result.notes().stream().anyMatch(n -> n.message().contains("Space Mining")), result.notes().toString());
        Picklists picklists = Picklists.open(fx.db, new LocalSecurityService("importer"));
        assertTrue(picklists.find(Picklists.INDUSTRY, "Space Mining").isEmpty(), "the list is not changed without --add-values");
    }

    @Test
    void addValuesAddsAnUnknownIndustryOnceAndEveryRowGetsItsCode() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("a.csv"), """
                客户名称,行业
                甲矿业有限公司,太空采矿
                乙矿业有限公司,太空采矿
                丙科技有限公司,信息技术
                """);
        ImportResult result = fx.importFile(file, "customers", fx.auto(file, "customers").withAddValues(true));
        assertEquals(Outcome.COMPLETED, result.outcome(), result.errors().toString());
        Picklists picklists = Picklists.open(fx.db, new LocalSecurityService("importer"));
        PicklistValue added = picklists.resolve(Picklists.INDUSTRY, "太空采矿").flatMap(c -> picklists.find(Picklists.INDUSTRY, c)).orElseThrow();
        assertEquals("太空采矿", added.labelEn());
        assertEquals("太空采矿", added.labelZh());
        assertEquals(1, picklists.values(Picklists.INDUSTRY).stream().filter(v -> v.labelZh().equals("太空采矿")).count());
        assertEquals(Map.of("甲矿业有限公司", added.code(), "乙矿业有限公司", added.code(), "丙科技有限公司", "TECHNOLOGY"), industries(fx));
        assertTrue(result.notes().stream().anyMatch(n -> n.message().contains("太空采矿") && n.count() == 1), result.notes().toString());

        // renamed by an administrator: the new English label reads as the same code
        picklists.rename(Picklists.INDUSTRY, added.code(), "Space mining", null);
        Path again = ImportFixture.utf8(dir.resolve("b.csv"), "Account Name,Industry\nKappa Ltd,SPACE MINING\n");
        assertEquals(Outcome.COMPLETED, fx.importFile(again, "customers", fx.auto(again, "customers")).outcome());
        assertEquals(added.code(), industries(fx).get("Kappa Ltd"));
    }

    @Test
    void anExportOfOursImportsBackWithTheSameCodes() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("c.csv"), """
                Account Name,Industry
                Alpha Ltd,Technology
                丙金融有限公司,金融
                Theta Ltd,Space Mining
                """);
        assertEquals(Outcome.COMPLETED, fx.importFile(file, "customers", fx.auto(file, "customers").withAddValues(true)).outcome());
        Path exported = dir.resolve("export.csv");
        assertEquals(3, fx.engine.export("customers", CustomerFilter.ALL, exported, WriteOptions.DEFAULT, new NullProgressMonitor()));
        Map<String, String> before = industries(fx);
        try (ImportFixture other = new ImportFixture()) {
            ImportResult result = other.importFile(exported, "customers", other.auto(exported, "customers").withAddValues(true));
            assertEquals(Outcome.COMPLETED, result.outcome(), result.errors().toString());
            assertEquals(before, industries(other), "the export writes codes, which the import reads back as they are");
        }
    }
}
