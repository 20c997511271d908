package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.tests.CliFixture.Result;
import org.salesbench.core.time.Clocks;

/** {@code export leads|opportunities --filter}: the records the list view of the same filter shows. */
class ListExportFilterTest {

    @TempDir
    Path dir;
    private CliFixture cli;

    @BeforeEach
    void setUp() {
        cli = new CliFixture(dir);
    }

    private void ok(String... args) {
        Result result = cli.run(args);
        assertEquals(0, result.code(), result.toString());
    }

    private String exported(String entity, String filter, int expected) throws Exception {
        Path file = dir.resolve(entity + "-" + Math.abs(filter.hashCode()) + ".csv");
        Result result = cli.run("export", entity, file.toString(), "--filter", filter);
        assertEquals(0, result.code(), result.toString());
        assertTrue(result.out().startsWith("Exported " + expected + " records"), filter + ": " + result);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void leadsAndOpportunitiesExportWithTheListFilters() throws Exception {
        LocalDate today = LocalDate.now(Clocks.system());
        ok("import", "leads", Files.writeString(dir.resolve("leads.csv"),
                "Company,Contact,Email,Status,Lead Source\n华为线索公司,张三,zhang@huawei.example,NEW,REFERRAL\n"
                        + "Beta Corp,Bob,bob@beta.example,WORKING,TRADE_SHOW\nGamma Ltd,Gil,gil@gamma.example,WORKING,\n").toString());
        assertTrue(exported("leads", "华为", 1).contains("华为线索公司"));
        assertTrue(exported("leads", "status=WORKING", 2).contains("Gamma Ltd"));
        assertTrue(exported("leads", "status=WORKING,source=TRADE_SHOW", 1).contains("Beta Corp"));
        assertTrue(exported("leads", "text=Gamma,status=NEW|WORKING", 1).contains("gil@gamma.example"));

        ok("import", "customers", Files.writeString(dir.resolve("customers.csv"), "Name\n华为技术有限公司\nAcme Inc\n").toString());
        ok("import", "opportunities", Files.writeString(dir.resolve("deals.csv"),
                "Name,Account,Amount,Stage,Close Date\n华为 CRM,华为技术有限公司,1000,Qualification," + today.plusMonths(1) + "\n"
                        + "Acme support,Acme Inc,500,Qualification," + today.plusMonths(2) + "\nAcme renewal,Acme Inc,800,Closed won,"
                        + today.minusMonths(2) + "\n").toString());
        String huawei = exported("opportunities", "华为", 1);
        assertTrue(huawei.contains("华为 CRM") && huawei.contains("Qualification"), huawei);
        assertTrue(exported("opportunities", "state=WON", 1).contains("Acme renewal"));
        assertTrue(exported("opportunities", "stage=qualification,text=Acme", 1).contains("Acme support"));
        exported("opportunities", "state=OPEN|WON", 3);

        Result unknownKey = cli.run("export", "leads", dir.resolve("x.csv").toString(), "--filter", "grade=A");
        assertEquals(2, unknownKey.code(), unknownKey.toString());
        assertTrue(unknownKey.err().contains("Unknown filter \"grade\"") && unknownKey.err().contains("source"), unknownKey.toString());
        Result badState = cli.run("export", "opportunities", dir.resolve("x.csv").toString(), "--filter", "state=DONE");
        assertEquals(2, badState.code(), badState.toString());
        assertTrue(badState.err().contains("DONE"), badState.toString());
        Result products = cli.run("export", "products", dir.resolve("p.csv").toString(), "--filter", "x");
        assertEquals(2, products.code(), products.toString());
        assertTrue(products.err().contains("customers, leads, opportunities"), products.toString());
    }
}
