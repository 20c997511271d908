package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.RowError;
import org.salesbench.importexport.ValueMapping;

/**
 * Contact and opportunity imports name their customer; the customer is found through the search index (there is
 * no database index on names): the exact name first, then the folded one, an ambiguous folded name reported, and
 * customers a customer import wrote just before found without any list query in between.
 */
class CustomerByNameImportTest {

    /** A close date the services accept for an open deal whenever the suite runs. */
    private static final LocalDate IN_A_QUARTER = LocalDate.now(Clocks.system()).plusMonths(3);

    @TempDir
    Path dir;
    private SalesFixture fx;
    private long acmeInc;
    private long acme;
    private long huawei;

    @BeforeEach
    void open() {
        fx = new SalesFixture();
        acmeInc = fx.customers.create(new Customer("ACME Inc.")).getId();
        acme = fx.customers.create(new Customer("Acme")).getId();
        fx.customers.create(new Customer("ACME Co., Ltd."));
        huawei = fx.customers.create(new Customer("深圳华为技术有限公司")).getId();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private long customerOfContact(String contact) {
        return fx.count("SELECT CUSTOMER_ID FROM SB_CONTACT WHERE NAME = '" + contact + "'");
    }

    private long customerOfDeal(String deal) {
        return fx.count("SELECT CUSTOMER_ID FROM SB_OPPORTUNITY WHERE NAME = '" + deal + "'");
    }

    @Test
    void contactsFindTheirCustomerByExactThenFoldedNameAndReportAnAmbiguousOne() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("k.csv"), """
                Account Name,Full Name
                ACME Inc.,Exact One
                  Acme  ,Exact Two
                深圳华为技术,Folded One
                ＡＣＭＥ有限公司,Ambiguous
                Globex,Unknown
                """);
        ImportResult result = fx.importFile(file, "contacts", Map.of(), ValueMapping.NONE, Mode.VALID_ROWS);
        assertEquals(3, result.created(), result.errors().toString());
        assertEquals(acmeInc, customerOfContact("Exact One"), "the exact name, although three customers fold to \"acme\"");
        assertEquals(acme, customerOfContact("Exact Two"), "the exact name once stripped");
        assertEquals(huawei, customerOfContact("Folded One"), "no exact name: the folded one");
        assertEquals(2, result.failed());
        RowError ambiguous = result.errors().get(0);
        assertEquals(5, ambiguous.row());
        assertTrue(ambiguous.message().contains("3") && ambiguous.message().contains("ＡＣＭＥ有限公司"), ambiguous.message());
        assertTrue(result.errors().get(1).message().contains("Globex"), result.errors().get(1).message());
    }

    @Test
    void opportunitiesFindTheirAccountByExactThenFoldedNameAndReportAnAmbiguousOne() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("o.csv"), """
                Name,Account,Stage,Amount,Currency,Close Date
                Exact deal,Acme,Qualification,1000,CNY,%1$s
                Folded deal,深圳华为技术,Qualification,2000,CNY,%1$s
                Ambiguous deal,acme corp,Qualification,3000,CNY,%1$s
                """.formatted(IN_A_QUARTER));
        ImportResult result = fx.importFile(file, "opportunities", Map.of(), ValueMapping.NONE, Mode.VALID_ROWS);
        assertEquals(2, result.created(), result.errors().toString());
        assertEquals(acme, customerOfDeal("Exact deal"));
        assertEquals(huawei, customerOfDeal("Folded deal"));
        assertEquals(1, result.failed());
        assertEquals(4, result.errors().get(0).row());
        assertTrue(result.errors().get(0).message().contains("acme corp"), result.errors().get(0).message());
    }

    @Test
    void customersImportedJustBeforeAreFoundByTheNextImport() throws IOException {
        Path customers = ImportFixture.utf8(dir.resolve("c.csv"), "Name\n嘉兴南湖纺织有限公司\nInitech\n");
        assertEquals(2, fx.importFile(customers, "customers", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING).created());
        // no list query in between: the index took the imported rows when their transaction committed
        Path contacts = ImportFixture.utf8(dir.resolve("k.csv"), "Account Name,Full Name\n嘉兴南湖纺织,王芳\nInitech,Peter\n");
        ImportResult contactResult = fx.importFile(contacts, "contacts", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING);
        assertEquals(Outcome.COMPLETED, contactResult.outcome(), contactResult.errors().toString());
        Path deals = ImportFixture.utf8(dir.resolve("o.csv"), "Name,Account,Stage,Amount,Currency,Close Date\n"
                + "Fabric,嘉兴南湖纺织有限公司,Qualification,100,CNY," + IN_A_QUARTER + "\n");
        ImportResult dealResult = fx.importFile(deals, "opportunities", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING);
        assertEquals(Outcome.COMPLETED, dealResult.outcome(), dealResult.errors().toString());
        assertEquals(customerOfContact("王芳"), customerOfDeal("Fabric"));
        assertEquals(List.of(customerOfContact("王芳")), fx.customers.idsByName("嘉兴南湖纺织有限公司"));
    }
}
