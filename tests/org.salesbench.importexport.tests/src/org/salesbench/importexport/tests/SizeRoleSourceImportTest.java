package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;

/**
 * A customer's company size and source and a contact's decision role are codes of editable picklists ({@code companySize},
 * {@code leadSource}, {@code decisionRole}), whichever way a file names them: the code, the English or the Chinese label,
 * another CRM's value (Salesforce's NumberOfEmployees head count, its AccountSource and contact roles); an unknown value
 * is added with {@code --add-values} and kept as written otherwise.
 */
class SizeRoleSourceImportTest {

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

    private Map<String, String> column(String sql) {
        return fx.pairs(sql);
    }

    @Test
    void salesforceAccountsStoreTheSizeBandAndTheSourceCode() throws IOException {
        // Salesforce's Account export: a head count and the standard AccountSource values
        Path file = ImportFixture.utf8(dir.resolve("Account.csv"), """
                Name,NumberOfEmployees,AccountSource
                Alpha Ltd,8,Web
                Beta Ltd,"1,200",Phone Inquiry
                Gamma Ltd,250,Partner Referral
                Delta Ltd,45000,Trade Show
                Epsilon Ltd,,Purchased List
                """);
        ImportResult result = fx.importFile(file, "customers", fx.auto(file, "customers"));
        assertEquals(Outcome.COMPLETED, result.outcome(), result.errors().toString());
        Map<String, String> sizes = new TreeMap<>(Map.of("Alpha Ltd", "MICRO", "Beta Ltd", "LARGE", "Gamma Ltd", "MEDIUM", "Delta Ltd",
                "ENTERPRISE"));
        sizes.put("Epsilon Ltd", null);
        assertEquals(sizes, column("SELECT NAME, COMPANY_SIZE FROM SB_CUSTOMER"));
        Map<String, String> sources = new TreeMap<>(Map.of("Alpha Ltd", "WEB_FORM", "Beta Ltd", "INBOUND_CALL", "Gamma Ltd", "PARTNER",
                "Delta Ltd", "TRADE_SHOW"));
        sources.put("Epsilon Ltd", "Purchased List"); // not in the list, not asked to add: kept as written, noted
        assertEquals(sources, column("SELECT NAME, SOURCE FROM SB_CUSTOMER"));
        assertTrue(result.notes().stream().anyMatch(n -> n.message().contains("Purchased List")), result.notes().toString());
    }

    @Test
    void labelsInEitherLanguageAreStoredAsCodesAndAddValuesAddsTheUnknownOnes() throws IOException {
        Path file = ImportFixture.utf8(dir.resolve("c.csv"), """
                客户名称,公司规模,来源
                甲有限公司,1000–9999 人,展会
                乙有限公司,100–999,Referral
                丙有限公司,micro,网站表单
                丁有限公司,Startup,Cold Call
                """);
        ImportResult result = fx.importFile(file, "customers", fx.auto(file, "customers").withAddValues(true));
        assertEquals(Outcome.COMPLETED, result.outcome(), result.errors().toString());
        Picklists picklists = Picklists.open(fx.db, new LocalSecurityService("importer"));
        String startup = picklists.resolve(Picklists.COMPANY_SIZE, "Startup").orElseThrow();
        String coldCall = picklists.resolve(Picklists.LEAD_SOURCE, "Cold Call").orElseThrow();
        assertEquals("COLD_CALL", coldCall);
        PicklistValue added = picklists.find(Picklists.COMPANY_SIZE, startup).orElseThrow();
        assertEquals("Startup", added.labelEn(), "labelled as the file wrote it");
        assertEquals("Startup", added.labelZh());
        assertEquals(Map.of("甲有限公司", "LARGE", "乙有限公司", "MEDIUM", "丙有限公司", "MICRO", "丁有限公司", startup),
                column("SELECT NAME, COMPANY_SIZE FROM SB_CUSTOMER"));
        assertEquals(Map.of("甲有限公司", "TRADE_SHOW", "乙有限公司", "REFERRAL", "丙有限公司", "WEB_FORM", "丁有限公司", coldCall),
                column("SELECT NAME, SOURCE FROM SB_CUSTOMER"));
    }

    @Test
    void contactRolesOfSalesforceAndEitherLanguageAreStoredAsCodes() throws IOException {
        fx.customers.create(new Customer("ACME Inc."));
        Path file = ImportFixture.utf8(dir.resolve("k.csv"), """
                Account Name,Full Name,Contact Role
                ACME Inc.,Wile Coyote,Economic Buyer
                ACME Inc.,Road Runner,影响者
                ACME Inc.,Marvin Martian,champion
                ACME Inc.,Elmer Fudd,Architect
                """);
        ImportResult result = fx.importFile(file, "contacts", fx.auto(file, "contacts"));
        assertEquals(Outcome.COMPLETED, result.outcome(), result.errors().toString());
        assertEquals(Map.of("Wile Coyote", "DECISION_MAKER", "Road Runner", "INFLUENCER", "Marvin Martian", "CHAMPION", "Elmer Fudd",
                "Architect"), column("SELECT NAME, DECISION_ROLE FROM SB_CONTACT"));
        assertTrue(result.notes().stream().anyMatch(n -> n.message().contains("Architect")), result.notes().toString());
        Picklists picklists = Picklists.open(fx.db, new LocalSecurityService("importer"));
        assertEquals("Decision maker", picklists.label(Picklists.DECISION_ROLE, "DECISION_MAKER", java.util.Locale.ENGLISH));
        assertEquals("决策者", picklists.label(Picklists.DECISION_ROLE, "DECISION_MAKER", java.util.Locale.SIMPLIFIED_CHINESE));
    }
}
