package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.tests.CliFixture.Result;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.internal.search.CustomerSearch;

/** The commands on the real stack: the modules' DS services over an embedded Derby database, opened and closed per command. */
class CommandLineDataTest {

    private static final String[] SECTORS = { "technolgy", "medical", "retail", "software", "marketing", "finance", "entertainment",
            "telecommunications", "services", "employment" };
    private static final String[] OFFICES = { "United States", "Kenya", "Philipines", "Japan", "China", "Italy", "Norway", "Korea",
            "Jordan", "Brazil", "Germany", "Panama", "Belgium", "Poland" };

    /** The import's size from which a file takes the bulk load (ImportEngine.BULK_BYTES_PROPERTY). */
    private static final String BULK_BYTES = "salesbench.import.bulkBytes";

    @TempDir
    Path dir;
    private CliFixture cli;

    @BeforeEach
    void setUp() {
        cli = new CliFixture(dir);
    }

    /**
     * A file in the shape of the shared sales data set's accounts.csv: lower-case headers with
     * underscores, the sector misspelt as "technolgy", decimal revenue, most subsidiary_of cells empty.
     */
    private Path accountsFile(int rows) throws IOException {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("account,sector,year_established,revenue,employees,office_location,subsidiary_of\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String name = "Account " + (char) ('A' + i % 26) + "tech " + i;
            names.add(name);
            String parent = i % 7 == 3 ? names.get(0) : "";
            csv.append(name).append(',').append(SECTORS[i % SECTORS.length]).append(',').append(1979 + random.nextInt(40)).append(',')
                    .append(String.format("%.2f", 4 + random.nextDouble() * 11_000)).append(',').append(9 + random.nextInt(30_000))
                    .append(',').append(OFFICES[i % OFFICES.length]).append(',').append(parent).append('\n');
        }
        return Files.writeString(dir.resolve("accounts.csv"), csv);
    }

    @Test
    void importsAFileShapedLikeTheSharedAccountsWithAJsonSummaryAndMatchesOnTheSecondRun() throws Exception {
        Path file = accountsFile(85);
        Result first = cli.run("import", "customers", file.toString(), "--summary", "json");
        assertEquals(0, first.code(), first.toString());
        // the sectors the industry list does not know are kept as written and noted per row (the others stored as codes)
        assertTrue(first.out().startsWith("{\"created\":85,\"updated\":0,\"skipped\":0,\"failed\":0,\"notes\":["), first.toString());
        assertTrue(first.out().contains("{\"note\":\"Industry \\\"technolgy\\\" is not in the list: kept as written"
                + " (--add-values adds it to the list)\",\"count\":9}"), first.toString());
        assertEquals(85, cli.customers());
        assertEquals(9, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE INDUSTRY = 'technolgy'"),
                "the sector is kept as written (a quirk to map, not to guess)");
        assertEquals(85, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE REGION IS NOT NULL"), "office_location maps to the region");

        Result again = cli.run("import", "customers", file.toString(), "--match", "name", "--summary", "json");
        assertEquals(0, again.code(), again.toString());
        assertEquals("{\"created\":0,\"updated\":0,\"skipped\":85,\"failed\":0}", again.out().strip());

        Result update = cli.run("import", "customers", file.toString(), "--match", "name", "--on-match", "update", "--values",
                "industry:technolgy=technology", "--map", "office_location=address");
        assertEquals(0, update.code(), update.toString());
        assertEquals("Created 0, updated 85, skipped 0, failed 0.", update.out().strip());
        assertEquals(85, cli.customers());
    }

    @Test
    void anAmbiguousPriceIsRefusedUntilLocaleSaysHowTheFileWritesNumbers() throws Exception {
        Path file = Files.writeString(dir.resolve("prices.csv"), "Code,Name,Price\nP1,Widget,1.234\n");
        Result refused = cli.run("import", "products", file.toString());
        assertEquals(3, refused.code(), refused.toString());
        assertTrue(refused.err().contains("Row 2") && refused.err().contains("1.234") && refused.err().contains("--locale"), refused.toString());
        assertEquals(0, cli.query("SELECT COUNT(*) FROM SB_PRODUCT"), "never a silent guess");

        Result german = cli.run("import", "products", file.toString(), "--locale", "de");
        assertEquals(0, german.code(), german.toString());
        assertEquals(1, cli.query("SELECT COUNT(*) FROM SB_PRODUCT WHERE CODE = 'P1' AND LIST_PRICE = 1234"));

        Result unknown = cli.run("import", "products", file.toString(), "--locale", "qq-ZZ");
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("qq-ZZ"), unknown.toString());
    }

    @Test
    void allOrNothingRefusesAFileWithABadRowAndValidRowsImportsTheRest() throws Exception {
        Path file = Files.writeString(dir.resolve("c.csv"), "Name,Status,Grade\nAlpha Ltd,active,A\n,active,B\nGamma Ltd,Patron,C\nDelta Ltd,prospect,Z\n");
        Result refused = cli.run("import", "customers", file.toString(), "--summary", "json");
        assertEquals(3, refused.code(), refused.toString());
        assertTrue(refused.out().strip().matches("\\{\"created\":\\d+,\"updated\":0,\"skipped\":0,\"failed\":3\\}"), refused.toString());
        assertTrue(refused.err().contains("Nothing was imported"), refused.toString());
        assertTrue(refused.err().contains("Row 3"), "the row without a name is named: " + refused);
        assertEquals(0, cli.customers());

        Path report = dir.resolve("errors.csv");
        Result partial = cli.run("import", "customers", file.toString(), "--mode", "valid-rows", "--values", "status:Patron=ACTIVE",
                "--errors", report.toString());
        assertEquals(1, partial.code(), partial.toString());
        assertEquals("Created 2, updated 0, skipped 0, failed 2.", partial.out().strip());
        assertTrue(partial.err().contains("2 errors are in"), partial.toString());
        String errors = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(errors.startsWith("\uFEFFrow,column,value,message"), errors);
        assertTrue(errors.contains("\n3,") && errors.contains("\n5,"), errors);
        assertEquals(2, cli.customers());
        assertEquals(1, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE NAME = 'Gamma Ltd' AND STATUS = 'ACTIVE'"), "--values mapped Patron");
    }

    @Test
    void aFileThatCannotBeReadIsADataErrorWithAStackTraceOnlyUnderDebug() throws Exception {
        byte[] binary = new byte[2048];
        new Random(1).nextBytes(binary);
        Path file = Files.write(dir.resolve("garbage.csv"), binary);
        Result r = cli.run("import", "customers", file.toString());
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().startsWith("salesbench: "), r.toString());
        assertFalse(r.err().contains("\tat "), r.toString());
        assertEquals("", r.out());
        Result debug = cli.run("import", "customers", file.toString(), "--debug");
        assertEquals(3, debug.code());
        assertTrue(debug.err().contains("\tat "), "a stack trace under --debug: " + debug);
        assertEquals(0, cli.customers());
    }

    @Test
    void chineseHeadersASavedMappingAndAMappingFile() throws Exception {
        Path file = Files.writeString(dir.resolve("客户.csv"), "公司,行业,来源地\n深圳华为技术有限公司,通信,广东\n杭州阿里巴巴网络有限公司,互联网,浙江\n");
        Result saved = cli.run("import", "customers", file.toString(), "--map", "公司=name,来源地=region", "--save-mapping", "我的映射");
        assertEquals(0, saved.code(), saved.toString());
        assertEquals(2, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE REGION IN ('广东', '浙江') AND INDUSTRY IS NOT NULL"));

        Path second = Files.writeString(dir.resolve("more.csv"), "公司,行业,来源地\n北京字节跳动科技有限公司,互联网,北京\n");
        Result reused = cli.run("import", "customers", second.toString(), "--mapping", "我的映射", "--summary", "json");
        assertEquals(0, reused.code(), reused.toString());
        assertEquals(1, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE REGION = '北京'"));

        Result unknown = cli.run("import", "customers", second.toString(), "--mapping", "nobody's");
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("我的映射"), "names the saved mappings: " + unknown);

        Path mapping = Files.writeString(dir.resolve("map.csv"), "column,field\n公司,name\n来源地,address\n");
        Path third = Files.writeString(dir.resolve("third.csv"), "公司,来源地\n成都测试有限公司,成都高新区\n");
        Result fromFile = cli.run("import", "customers", third.toString(), "--mapping", mapping.toString());
        assertEquals(0, fromFile.code(), fromFile.toString());
        assertEquals(1, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE ADDRESS = '成都高新区'"));
        Result badColumn = cli.run("import", "customers", third.toString(), "--map", "Firma=name");
        assertEquals(2, badColumn.code(), badColumn.toString());
        assertTrue(badColumn.err().contains("no column \"Firma\""), badColumn.toString());
    }

    @Test
    void exportsCsvXlsxAndGbkWithAFilterAndTheExportImportsBack() throws Exception {
        Path file = Files.writeString(dir.resolve("c.csv"), "Name,Grade,Tags\n上海测试有限公司,A,vip\nBeta GmbH,B,\nGamma LLC,A,\n");
        assertEquals(0, cli.run("import", "customers", file.toString()).code());

        Path csv = dir.resolve("out.csv");
        Result all = cli.run("export", "customers", csv.toString());
        assertEquals(0, all.code(), all.toString());
        assertTrue(all.out().startsWith("Exported 3 records"), all.toString());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF") && text.contains("上海测试有限公司"), text);

        Result filtered = cli.run("export", "customers", dir.resolve("a.csv").toString(), "--filter", "grade=A");
        assertTrue(filtered.out().startsWith("Exported 2 records"), filtered.toString());
        Result text2 = cli.run("export", "customers", dir.resolve("t.csv").toString(), "--filter", "Beta");
        assertTrue(text2.out().startsWith("Exported 1 records"), text2.toString());

        Path gbk = dir.resolve("gbk.csv");
        assertEquals(0, cli.run("export", "customers", gbk.toString(), "--encoding", "gbk").code());
        assertTrue(new String(Files.readAllBytes(gbk), Charset.forName("GBK")).contains("上海测试有限公司"));

        Path xlsx = dir.resolve("export.data");
        Result excel = cli.run("export", "customers", xlsx.toString(), "--format", "xlsx");
        assertEquals(0, excel.code(), excel.toString());
        byte[] head = Files.readAllBytes(xlsx);
        assertTrue(head[0] == 'P' && head[1] == 'K', "an xlsx (zip) file");
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().contains(".tmp.")), "no temporary file left");

        Result back = cli.run("import", "customers", csv.toString(), "--match", "name", "--summary", "json");
        assertEquals("{\"created\":0,\"updated\":0,\"skipped\":3,\"failed\":0}", back.out().strip(), back.toString());
        assertEquals(2, cli.run("export", "customers", dir.resolve("x.unknown").toString()).code());
    }

    @Test
    void usersAreAddedListedAndDeactivatedThroughTheUserService() throws Exception {
        assertEquals(0, cli.run("users", "add", "li.lei", "李雷", "--email", "li.lei@example.com").code());
        assertEquals(0, cli.run("users", "add", "han.mei", "韩梅梅", "--manager", "li.lei").code());
        Result list = cli.run("users", "list");
        assertEquals(0, list.code(), list.toString());
        assertTrue(list.out().contains("li.lei\t李雷\tli.lei@example.com\t\tactive"), list.toString());
        assertTrue(list.out().contains("han.mei\t韩梅梅\t\tli.lei\tactive"), list.toString());

        assertEquals(0, cli.run("users", "deactivate", "han.mei").code());
        assertFalse(cli.run("users", "list").out().contains("han.mei"));
        assertTrue(cli.run("users", "list", "--all").out().contains("han.mei\t韩梅梅\t\tli.lei\tinactive"));

        Result invalid = cli.run("users", "add", "bad login!", "Bad", "--email", "not-an-email");
        assertEquals(3, invalid.code(), invalid.toString());
        assertTrue(invalid.err().contains("login") && invalid.err().contains("email"), "each field named: " + invalid);
        Result twice = cli.run("users", "add", "li.lei", "Li Lei");
        assertEquals(3, twice.code(), twice.toString());
        Result unknown = cli.run("users", "deactivate", "nobody");
        assertEquals(3, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("There is no user nobody"), unknown.toString());
    }

    @Test
    void demoFillsAnEmptyDatabaseOnceAndResetRefills() throws Exception {
        Result made = cli.run("demo", "--size", "30");
        assertEquals(0, made.code(), made.toString());
        assertEquals("Made 30 demo customers.", made.out().strip());
        assertEquals(30, cli.customers());
        Result again = cli.run("demo", "--size", "30");
        assertEquals(0, again.code());
        assertTrue(again.err().contains("has customers already"), again.toString());
        assertEquals(30, cli.customers());
        assertEquals(0, cli.run("demo", "--size", "10", "--reset").code());
        assertEquals(10, cli.customers());
    }

    /**
     * A bulk import from the command line (the bulk load, as a file of a megabyte or more takes it; here forced for a
     * small one) leaves the customer search index current when the command ends: the next start opens it without
     * re-reading a row or rebuilding it, so its list shows at once, and it finds what the file held.
     */
    @Test
    void aBulkImportLeavesTheSearchIndexCurrentSoTheNextOpeningReReadsNothing() throws Exception {
        StringBuilder csv = new StringBuilder("Name,External Id\n");
        for (int i = 0; i < 3_000; i++) {
            csv.append("Index Current ").append(i % 2 == 0 ? "Textiles" : "Pharma").append(" Co ").append(i).append(",ic-").append(i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("bulk.csv"), csv);
        String bulkBytes = System.getProperty(BULK_BYTES);
        System.setProperty(BULK_BYTES, "1");
        try {
            Result imported = cli.run("import", "customers", file.toString(), "--summary", "json");
            assertEquals(0, imported.code(), imported.toString());
            assertTrue(imported.out().startsWith("{\"created\":3000,"), imported.toString());
        } finally {
            if (bulkBytes == null) {
                System.clearProperty(BULK_BYTES);
            } else {
                System.setProperty(BULK_BYTES, bulkBytes);
            }
        }
        assertTrue(Files.isDirectory(dir.resolve("db-search")), "the command built the index beside the database");

        CustomerSearch next = CustomerSearch.of(cli.settings); // as the workbench's next start opens it
        try {
            next.awaitCurrent();
            assertEquals(-1, next.lastBuildMillis(), "opened, not rebuilt");
            assertEquals(0, next.lastOpeningCaughtUp(), "the index closed current: the next start re-reads nothing");
            assertEquals(3_000, next.count(CustomerFilter.ALL));
            assertEquals(1_500, next.count(CustomerFilter.text("textiles")));
        } finally {
            next.close();
        }
    }

    @Test
    void backupThenRestoreBringsBackTheDataAndRefusesToOverwriteWithoutForce() throws Exception {
        Path file = Files.writeString(dir.resolve("c.csv"), "Name\nOne Ltd\nTwo Ltd\nThree Ltd\n");
        assertEquals(0, cli.run("import", "customers", file.toString()).code());
        Path backups = dir.resolve("backups");
        Result backup = cli.run("backup", backups.toString());
        assertEquals(0, backup.code(), backup.toString());
        assertTrue(Files.isRegularFile(backups.resolve("db").resolve("service.properties")), backup.toString());

        Path more = Files.writeString(dir.resolve("more.csv"), "Name\nFour Ltd\nFive Ltd\n");
        assertEquals(0, cli.run("import", "customers", more.toString()).code());
        assertEquals(5, cli.customers());

        Result refused = cli.run("restore", backups.toString());
        assertEquals(2, refused.code(), refused.toString());
        assertTrue(refused.err().contains("--force"), refused.toString());
        assertEquals(5, cli.customers());

        // the search index beside the database knows the five customers: it must not outlive the restore
        Path searchIndex = Files.createDirectories(dir.resolve("db-search").resolve("customers"));
        Files.writeString(searchIndex.resolve("segments_1"), "stale");
        Result restored = cli.run("restore", backups.toString(), "--force");
        assertEquals(0, restored.code(), restored.toString());
        assertEquals(3, cli.customers());
        assertFalse(Files.exists(dir.resolve("db-search")), "the stale search index is removed");
        Result works = cli.run("import", "customers", more.toString(), "--summary", "json");
        assertEquals("{\"created\":2,\"updated\":0,\"skipped\":0,\"failed\":0}", works.out().strip(), works.toString());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Result notABackup = cli.run("restore", empty.toString(), "--force");
        assertEquals(3, notABackup.code(), notABackup.toString());
        assertTrue(notABackup.err().contains("no Derby backup"), notABackup.toString());
    }

    @Test
    void restoreIntoAFolderWithoutADatabaseNeedsNoForce() throws Exception {
        Path file = Files.writeString(dir.resolve("c.csv"), "Name\nOne Ltd\n");
        assertEquals(0, cli.run("import", "customers", file.toString()).code());
        Path backups = dir.resolve("b");
        assertEquals(0, cli.run("backup", backups.toString()).code());
        CliFixture elsewhere = new CliFixture(dir.resolve("new-machine"));
        Result restored = elsewhere.run("restore", backups.resolve("db").toString());
        assertEquals(0, restored.code(), restored.toString());
        assertEquals(1, elsewhere.customers());
    }
}
