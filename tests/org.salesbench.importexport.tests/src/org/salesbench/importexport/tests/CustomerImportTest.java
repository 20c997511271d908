package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.validation.CreditCode;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.importexport.ColumnMapping;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportPreview;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportService.SavedMapping;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RowError;
import org.salesbench.importexport.ValueMapping;

class CustomerImportTest {

    private static final String CODE_A = CreditCode.withCheckCharacter("91440300MA5FABCD1");
    private static final String CODE_B = CreditCode.withCheckCharacter("91310000MA1K4XYA2");

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

    @Test
    void headersMapAutomaticallyInEnglishChineseAndFromSalesforceAndZoho() {
        ColumnMapping english = fx.engine.autoMap(List.of("Name", "Credit code", "Next follow-up", "Tags", "Whatever"), "customers");
        assertEquals(Map.of("Name", "name", "Credit code", "creditCode", "Next follow-up", "nextFollowUp", "Tags", "tags"),
                english.fieldByHeader());
        ColumnMapping chinese = fx.engine.autoMap(List.of("客户名称", "统一社会信用代码", "所属行业", "标签", "备注", "客户等级"), "customers");
        assertEquals(Map.of("客户名称", "name", "统一社会信用代码", "creditCode", "所属行业", "industry", "标签", "tags", "备注", "notes",
                "客户等级", "grade"), chinese.fieldByHeader());
        ColumnMapping salesforce = fx.engine.autoMap(List.of("Account ID", "Account Name", "Billing State/Province", "Type", "Rating",
                "Account Source", "Description"), "customers");
        assertEquals(Map.of("Account ID", "externalId", "Account Name", "name", "Billing State/Province", "region", "Type", "status",
                "Rating", "grade", "Account Source", "source", "Description", "notes"), salesforce.fieldByHeader());
        ColumnMapping zoho = fx.engine.autoMap(List.of("Record Id", "Account Name", "Industry"), "customers");
        assertEquals("externalId", zoho.fieldOf("Record Id"));
    }

    @Test
    void importsUtf8CsvWithTagsDatesAndChineseHeadersThroughTheServiceRules() throws IOException {
        Path file = ImportFixture.write(dir.resolve("c.csv"), """
                客户名称,统一社会信用代码,行业,标签,下次跟进日期,状态
                深圳华为技术有限公司,%s,通信,"战略客户;5G",2026/12/01,active
                "上海 ""博达"" 科技",,软件,,2026-12-02,
                """.formatted(CODE_A), StandardCharsets.UTF_8, true);
        ImportResult result = fx.importFile(file, "customers", fx.auto(file, "customers"));
        assertEquals(Outcome.COMPLETED, result.outcome(), result.errors().toString());
        assertEquals(2, result.created());
        Customer huawei = fx.customers.find(fx.idOf("深圳华为技术有限公司")).orElseThrow();
        assertEquals(CODE_A, huawei.getCreditCode());
        assertEquals(Set.of("战略客户", "5G"), huawei.getTags());
        assertEquals(LocalDate.of(2026, 12, 1), huawei.getNextFollowUp());
        assertEquals(CustomerStatus.ACTIVE, huawei.getStatus());
        assertEquals("importer", huawei.getOwner());
        Customer boda = fx.customers.find(fx.idOf("上海 \"博达\" 科技")).orElseThrow();
        assertEquals(CustomerStatus.PROSPECT, boda.getStatus(), "an empty status leaves the default");
        // the search terms were written with the rows: the list finds them by a word and by tag
        assertEquals(1, fx.customers.count(CustomerFilter.text("华为")));
        assertEquals(1, fx.customers.count(CustomerFilter.text("5G")));
        assertEquals(2, fx.events.size(), "one created event per customer after commit");
        // the ids come from the same generator: a customer created by the service later does not collide
        fx.customers.create(new Customer("后来者"));
        assertEquals(3, fx.customerCount());
    }

    @Test
    void gbkCsvImports() throws IOException {
        Path file = ImportFixture.write(dir.resolve("gbk.csv"), "客户名称;地区\n北京中联科技有限公司;北京\n", Charset.forName("GBK"), false);
        ImportResult result = fx.importFile(file, "customers", fx.auto(file, "customers"));
        assertEquals(1, result.created(), result.errors().toString());
        assertEquals(List.of("北京中联科技有限公司"), fx.customerNames());
    }

    @Test
    void unknownPicklistValuesAreReportedNotGuessedAndImportOnceMapped() throws IOException {
        // Salesforce's "Customer" and "Prospect" account types are read as statuses; "Competitor" says no status
        Path file = ImportFixture.utf8(dir.resolve("sf.csv"), "Account Name,Type,Rating\nAcme,Competitor,A\nGlobex,Prospect,Hot\n");
        ImportPreview preview = fx.engine.preview(file, ReadOptions.DETECT, "customers");
        assertEquals(Map.of("status", Set.of("Competitor"), "grade", Set.of("Hot")), preview.unknownValues());

        ImportSettings settings = new ImportSettings("customers", preview.mapping()).withMode(Mode.VALID_ROWS);
        ImportResult unmapped = fx.importFile(file, "customers", settings);
        assertEquals(2, unmapped.failed());
        assertEquals(0, fx.customerCount());
        RowError first = unmapped.errors().get(0);
        assertEquals(2, first.row());
        assertEquals("Type", first.column());
        assertEquals("Competitor", first.value());
        assertTrue(first.message().contains("PROSPECT, ACTIVE, DORMANT, LOST"), first.message());

        ImportResult mapped = fx.importFile(file, "customers",
                settings.withValues(ValueMapping.NONE.with("status", "competitor", "ACTIVE").with("grade", "Hot", "A")));
        assertEquals(2, mapped.created(), mapped.errors().toString());
        assertEquals(CustomerStatus.ACTIVE, fx.customers.find(fx.idOf("Acme")).orElseThrow().getStatus());
        assertEquals("A", fx.customers.find(fx.idOf("Globex")).orElseThrow().getGrade());
    }

    @Test
    void matchingSkipsOrUpdatesOnCreditCodeNameAndExternalId() throws IOException {
        Customer existing = new Customer("ACME Co., Ltd.");
        existing.setCreditCode(CODE_A);
        existing.setIndustry("Old");
        existing.setRegion("Keep");
        long acme = fx.customers.create(existing).getId();
        Customer other = new Customer("Globex");
        long globex = fx.customers.create(other).getId();
        Path file = ImportFixture.utf8(dir.resolve("m.csv"),
                "Name,Credit Code,Industry\nAcme Renamed,%s,New\nGLOBEX LTD,,Energy\nInitech,,Software\n".formatted(CODE_A.toLowerCase()));
        ImportSettings base = fx.auto(file, "customers");

        ImportResult skip = fx.importFile(file, "customers", base.withMatch(new MatchPolicy(List.of("creditCode", "name"), OnMatch.SKIP)));
        assertEquals(2, skip.skipped());
        assertEquals(1, skip.created());
        assertEquals("Old", fx.customers.find(acme).orElseThrow().getIndustry());

        ImportResult update = fx.importFile(file, "customers", base.withMatch(new MatchPolicy(List.of("creditCode", "name"), OnMatch.UPDATE)));
        assertEquals(3, update.updated(), update.errors().toString());
        assertEquals(0, update.created());
        Customer updated = fx.customers.find(acme).orElseThrow();
        assertEquals("Acme Renamed", updated.getName());
        assertEquals("New", updated.getIndustry());
        assertEquals("Keep", updated.getRegion(), "a column the file does not have leaves the field alone");
        assertEquals("ENERGY", fx.customers.find(globex).orElseThrow().getIndustry(), "GLOBEX LTD matched Globex by folded name "
                + "(its industry stored as the industry list's code)");
        assertEquals(3, fx.customerCount());

        Path withIds = ImportFixture.utf8(dir.resolve("ids.csv"), "Account ID,Account Name,Industry\n001A,Hooli,Search\n");
        ImportSettings byId = fx.auto(withIds, "customers").withMatch(new MatchPolicy(List.of("externalId"), OnMatch.UPDATE));
        assertEquals(1, fx.importFile(withIds, "customers", byId).created());
        ImportFixture.utf8(withIds, "Account ID,Account Name,Industry\n001A,Hooli Inc,Cloud\n");
        ImportResult again = fx.importFile(withIds, "customers", byId);
        assertEquals(1, again.updated(), again.errors().toString());
        assertEquals("Cloud", fx.customers.find(fx.idOf("Hooli Inc")).orElseThrow().getIndustry());
        assertEquals(4, fx.customerCount());
    }

    @Test
    void allOrNothingMatchesExistingCustomersByNameInEveryBatch() throws IOException {
        long globex = fx.customers.create(new Customer("Globex")).getId();
        long initech = fx.customers.create(new Customer("Initech Inc.")).getId();
        Path file = ImportFixture.utf8(dir.resolve("n.csv"), "Name,Industry\nNew One,A\nNew Two,B\nGLOBEX LTD,Energy\nNew Three,C\ninitech,Software\n");
        ImportSettings settings = fx.auto(file, "customers").withBatchSize(2).withMatch(new MatchPolicy(List.of("name"), OnMatch.UPDATE));
        ImportResult result = fx.importFile(file, "customers", settings);
        assertEquals(Outcome.COMPLETED, result.outcome(), result.errors().toString());
        assertEquals(3, result.created());
        assertEquals(2, result.updated(), "batches 2 and 3, in the transaction batch 1 wrote to, still match by folded name");
        assertEquals("ENERGY", fx.customers.find(globex).orElseThrow().getIndustry());
        assertEquals("TECHNOLOGY", fx.customers.find(initech).orElseThrow().getIndustry(), "a common name of a listed industry");
        assertEquals(5, fx.customerCount());
    }

    @Test
    void duplicatesInsideTheFileAreFound() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("d.csv"), "Name,Credit Code\nAlpha,%s\nBeta,%s\nAlpha Ltd.,\n".formatted(CODE_B, CODE_B));
        ImportSettings settings = fx.auto(file, "customers").withMode(Mode.VALID_ROWS)
                .withMatch(new MatchPolicy(List.of("creditCode", "name"), OnMatch.UPDATE));
        ImportResult result = fx.importFile(file, "customers", settings);
        assertEquals(1, result.created());
        assertEquals(2, result.failed());
        assertEquals(List.of(3L, 4L), result.errors().stream().map(RowError::row).toList());
        assertTrue(result.errors().get(0).message().contains("row 2"), result.errors().get(0).message());
        assertEquals(List.of("Alpha"), fx.customerNames());
    }

    private Path fiveRowsThirdInvalid() throws IOException {
        return ImportFixture.utf8(dir.resolve("five.csv"),
                "Name,Credit Code\nOne,\nTwo,\nThree,91440300MA5FABCD1X\nFour,\nFive,\n");
    }

    @Test
    void allOrNothingWithAFailureInTheMiddleWritesNothing() throws IOException {
        Path file = fiveRowsThirdInvalid();
        ImportResult result = fx.importFile(file, "customers", fx.auto(file, "customers").withBatchSize(2));
        assertEquals(Outcome.ROLLED_BACK, result.outcome());
        assertEquals(1, result.failed());
        assertEquals(0, fx.customerCount());
        assertEquals(0, fx.customers.count(CustomerFilter.text("One")), "nor anything in the search index");
        assertTrue(fx.events.isEmpty(), "no event for a rolled back import");
        RowError error = result.errors().get(0);
        assertEquals(4, error.row());
        assertEquals("Credit Code", error.column());
        assertEquals("91440300MA5FABCD1X", error.value());

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        result.writeErrorReport(report);
        String csv = report.toString(StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFrow,column,value,message\r\n4,Credit Code,91440300MA5FABCD1X,"), csv);
    }

    @Test
    void validRowsWithAFailureInTheMiddleWritesTheOthers() throws IOException {
        Path file = fiveRowsThirdInvalid();
        ImportResult result = fx.importFile(file, "customers", fx.auto(file, "customers").withBatchSize(2).withMode(Mode.VALID_ROWS));
        assertEquals(Outcome.COMPLETED, result.outcome());
        assertEquals(4, result.created());
        assertEquals(1, result.failed());
        assertEquals(List.of("Five", "Four", "One", "Two"), fx.customerNames());
    }

    @Test
    void cancelRollsBackAllOrNothingAndStopsValidRowsAtABatchBoundary() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("six.csv"), "Name\nA1\nA2\nA3\nA4\nA5\nA6\n");
        ImportSettings settings = fx.auto(file, "customers").withBatchSize(2);
        ImportResult all = fx.engine.run(file, ReadOptions.DETECT, settings, new CancelAfter(1));
        assertEquals(Outcome.CANCELLED_ROLLED_BACK, all.outcome());
        assertTrue(all.wroteNothing());
        assertEquals(0, fx.customerCount());

        ImportResult valid = fx.engine.run(file, ReadOptions.DETECT, settings.withMode(Mode.VALID_ROWS), new CancelAfter(2));
        assertEquals(Outcome.CANCELLED_AT_BATCH, valid.outcome());
        assertEquals(5, valid.lastCommittedRow(), "rows 2 to 5 (two batches) are in, nothing after");
        assertEquals(List.of("A1", "A2", "A3", "A4"), fx.customerNames());
    }

    @Test
    void badInputWritesNothingAndSaysWhy() throws IOException {
        Path headerOnly = ImportFixture.utf8(dir.resolve("h.csv"), "Name,Industry\n");
        ImportException noRows = assertThrows(ImportException.class, () -> fx.importFile(headerOnly, "customers",
                fx.auto(headerOnly, "customers")));
        assertTrue(noRows.getMessage().contains("no data rows"), noRows.getMessage());

        Path file = ImportFixture.utf8(dir.resolve("x.csv"), "Name,Colour\nAcme,red\n");
        ImportSettings unknownField = new ImportSettings("customers", new ColumnMapping(Map.of("Name", "name", "Colour", "colour")));
        ImportException unknown = assertThrows(ImportException.class, () -> fx.importFile(file, "customers", unknownField));
        assertTrue(unknown.getMessage().contains("\"colour\", which is not a field of customers"), unknown.getMessage());

        ImportException noName = assertThrows(ImportException.class, () -> fx.importFile(file, "customers",
                new ImportSettings("customers", new ColumnMapping(Map.of("Colour", "industry")))));
        assertTrue(noName.getMessage().contains("required field Name"), noName.getMessage());

        Path huge = ImportFixture.utf8(dir.resolve("huge.csv"), "y".repeat(10 * 1024 * 1024));
        assertThrows(ImportException.class, () -> fx.engine.preview(huge, ReadOptions.DETECT, "customers"));
        assertEquals(0, fx.customerCount());
    }

    @Test
    void namedMappingsAreSavedInTheDatabase() {
        ColumnMapping columns = new ColumnMapping(Map.of("Account Name", "name", "Type", "status"));
        ValueMapping values = ValueMapping.NONE.with("status", "Customer", "ACTIVE");
        fx.engine.saveMapping("customers", "Salesforce monthly", columns, values);
        fx.engine.saveMapping("customers", "Zoho", new ColumnMapping(Map.of("Account Name", "name")), ValueMapping.NONE);
        assertEquals(List.of("Salesforce monthly", "Zoho"), fx.engine.mappingNames("customers"));
        SavedMapping loaded = fx.engine.loadMapping("customers", "Salesforce monthly").orElseThrow();
        assertEquals(columns, loaded.columns());
        assertEquals("ACTIVE", loaded.values().map("status", "customer"));
        fx.engine.deleteMapping("customers", "Zoho");
        assertEquals(List.of("Salesforce monthly"), fx.engine.mappingNames("customers"));
        assertNull(fx.engine.loadMapping("contacts", "Salesforce monthly").orElse(null));
    }
}
