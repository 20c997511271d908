package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.importexport.ColumnMapping;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.RowError;
import org.salesbench.importexport.ValueMapping;

/**
 * The four files of the sales data set's shape, imported in the README's order through the targets on the real
 * services, and what is in the database afterwards, to the row and the cent.
 */
class SalesDataSetImportTest {

    @TempDir
    Path dir;

    static ValueMapping pipelineValues() {
        return ValueMapping.NONE.with("stage", "Prospecting", "Qualification").with("stage", "Engaging", "Needs analysis")
                .with("stage", "Won", "Closed won").with("stage", "Lost", "Closed lost").with("product", "ZetaPro", "Zeta Pro")
                .with("customer", "", "No account (imported)").with("amount", "", "0").with("currency", "", "USD")
                .with("lossReason", "", "Not recorded in source");
    }

    private static int noteCount(ImportResult result, String fragment) {
        return result.notes().stream().filter(n -> n.message().contains(fragment)).mapToInt(ImportResult.Note::count).sum();
    }

    @Test
    void importsTheWholeDataSetShapeWithItsQuirksMappedAndReported() throws Exception {
        SalesDataSetFiles files = new SalesDataSetFiles(dir, 40, 10, 300);
        try (SalesFixture f = new SalesFixture()) {
            ImportResult accounts = f.importFile(files.accounts, "customers", Map.of("year_established", "notes", "revenue", "notes",
                    "employees", "notes", "subsidiary_of", "notes"), ValueMapping.NONE.with("industry", "technolgy", "technology"),
                    Mode.ALL_OR_NOTHING);
            assertEquals(Outcome.COMPLETED, accounts.outcome(), accounts.errors().toString());
            assertEquals(40, accounts.created());
            assertEquals(files.technolgy, noteCount(accounts, "technolgy"), "the typo's mapping is counted: " + accounts.notes());
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_CUSTOMER WHERE INDUSTRY = 'technolgy'"));
            // mapped to "technology", the industry list's TECHNOLOGY, which "software" is another name of
            long software = java.nio.file.Files.readAllLines(files.accounts).stream().filter(l -> l.contains(",software,")).count();
            assertEquals(files.technolgy + software, f.count("SELECT COUNT(*) FROM SB_CUSTOMER WHERE INDUSTRY = 'TECHNOLOGY'"));
            String notes = f.db.read(em -> (String) em.createNativeQuery("SELECT NOTES FROM SB_CUSTOMER WHERE NAME = 'Acctfon 5'").getSingleResult());
            assertTrue(notes.matches("year_established: \\d{4}\nrevenue: [\\d.]+\nemployees: \\d+\nsubsidiary_of: Acctaon 0"),
                    "the columns without a field of their own are kept as lines of the notes: " + notes);

            ImportResult products = f.importFile(files.products, "products", Map.of("series", "description"),
                    ValueMapping.NONE.with("currency", "", "USD"), Mode.ALL_OR_NOTHING);
            assertEquals(Outcome.COMPLETED, products.outcome(), products.errors().toString());
            assertEquals(5, products.created());
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_PRODUCT WHERE CODE = 'ZETA-PRO' AND NAME = 'Zeta Pro' AND LIST_PRICE = 4821 "
                    + "AND CURRENCY = 'USD' AND DESCRIPTION = 'Zeta'"));
            assertEquals(5, noteCount(products, "code"), products.notes().toString());

            ImportResult teams = f.importFile(files.teams, "users", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING);
            assertEquals(Outcome.COMPLETED, teams.outcome(), teams.errors().toString());
            assertEquals(10, teams.created());
            assertEquals(10, f.count("SELECT COUNT(*) FROM SB_USER WHERE DISPLAY_NAME LIKE 'Agent% Smith-%'"));
            assertEquals(3, f.count("SELECT COUNT(*) FROM SB_USER WHERE LOGIN IN ('ada.brinkmann', 'ben.oyelaran', 'cleo.marsh')"),
                    "the managers, only a column of the file, are users");
            assertEquals(3, noteCount(teams, "Manager"), teams.notes().toString());
            assertEquals(3, f.count("SELECT COUNT(*) FROM SB_TEAM"));
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_TEAM WHERE NAME = 'Ada Brinkmann' AND REGION = 'Central' AND MANAGER = 'ada.brinkmann'"));
            assertEquals(10, f.count("SELECT COUNT(*) FROM SB_TEAM_MEMBER"));
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_USER WHERE LOGIN = 'agenta.smith.0' AND DISPLAY_NAME = 'AgentA Smith-0' "
                    + "AND MANAGER = 'ada.brinkmann'"));

            ImportResult deals = f.importFile(files.pipeline, "opportunities", Map.of(), pipelineValues(), Mode.ALL_OR_NOTHING);
            assertEquals(Outcome.COMPLETED, deals.outcome(), deals.errors().toString());
            assertEquals(files.opportunities, deals.created());
            assertEquals(files.opportunities, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY"), "nothing lost");
            assertEquals(files.won, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE STATE = 'WON'"));
            assertEquals(files.lost, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE STATE = 'LOST' AND LOSS_REASON = 'Not recorded in source'"));
            assertEquals(files.lost, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE LOSS_REASON IS NOT NULL"), "only lost deals have a reason");
            assertEquals(files.lost, noteCount(deals, "default loss reason"), deals.notes().toString());
            assertEquals(files.engaging + files.prospecting, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE STATE = 'OPEN'"));
            assertEquals(0, files.wonValue.compareTo(f.sum("SELECT SUM(AMOUNT) FROM SB_OPPORTUNITY WHERE STATE = 'WON'")),
                    "won revenue to the cent");
            assertEquals(files.opportunities, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE CURRENCY = 'USD'"));
            assertEquals(files.prospecting, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY o JOIN SB_STAGE s ON s.ID = o.STAGE_ID "
                    + "WHERE s.NAME = 'Qualification'"));
            assertEquals(files.engaging, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY o JOIN SB_STAGE s ON s.ID = o.STAGE_ID "
                    + "WHERE s.NAME = 'Needs analysis'"));
            assertEquals(files.withoutAccount, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY o JOIN SB_CUSTOMER c ON c.ID = o.CUSTOMER_ID "
                    + "WHERE c.NAME = 'No account (imported)'"), "deals without an account are on the placeholder");
            assertEquals(files.withoutAccount, noteCount(deals, "without an account"), deals.notes().toString());
            assertEquals(41, f.count("SELECT COUNT(*) FROM SB_CUSTOMER"), "one placeholder customer");
            assertEquals(files.misspeltProduct, noteCount(deals, "ZetaPro"), deals.notes().toString());
            assertEquals(files.opportunities / 5, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY o JOIN SB_PRODUCT p ON p.ID = o.PRODUCT_ID "
                    + "WHERE p.NAME = 'Zeta Pro'"), "both spellings are one product");
            assertEquals(files.engaging + files.prospecting, noteCount(deals, "amount"), "open deals without a value: " + deals.notes());
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE OWNER NOT IN (SELECT LOGIN FROM SB_USER)"), "owners are users");
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY o JOIN SB_USER u ON u.LOGIN = o.OWNER WHERE u.DISPLAY_NAME = 'AgentJ Smith-9'"),
                    "the agent without deals owns none");
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE STATE <> 'OPEN' AND (CLOSED_ON IS NULL OR CLOSED_ON <> CLOSE_DATE)"),
                    "closed on the file's close date");
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE STATE <> 'OPEN' AND ENGAGED_ON > CLOSED_ON"));
            assertEquals(files.won + files.lost, f.count("SELECT COUNT(*) FROM SB_STAGE_HISTORY WHERE FROM_STAGE_ID IS NOT NULL"),
                    "created open, then closed: two history rows a closed deal");
            assertEquals(files.opportunities, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY_EXTERNAL_ID WHERE ENTITY = 'opportunity'"));
        }
    }

    @Test
    void badDealsAreRowErrorsNamingRowColumnAndValueAndAllOrNothingWritesNothing() throws Exception {
        SalesDataSetFiles files = new SalesDataSetFiles(dir, 5, 3, 10);
        try (SalesFixture f = new SalesFixture()) {
            f.importFile(files.accounts, "customers", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING);
            f.importFile(files.products, "products", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING);
            f.importFile(files.teams, "users", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING);
            long customers = f.count("SELECT COUNT(*) FROM SB_CUSTOMER");
            Path bad = Files.writeString(dir.resolve("bad.csv"), String.join("\r\n",
                    "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
                    "B1,AgentA Smith-0,Zeta Basic,Acctaon 0,Won,2017-01-02,2017-02-03,500",
                    "B2,AgentA Smith-0,Zeta Basic,Acctaon 0,Negotiating,2017-01-02,,",
                    "B3,Nobody Known,Zeta Basic,Acctaon 0,Won,2017-01-02,2017-02-03,500",
                    "B4,AgentA Smith-0,Zeta Ultra,Acctaon 0,Won,2017-01-02,2017-02-03,500",
                    "B5,AgentA Smith-0,Zeta Basic,Acctaon 0,Lost,2017-01-02,2017-02-03,0",
                    "B6,AgentA Smith-0,Zeta Basic,,Engaging,2017-01-02,,", ""));
            ValueMapping values = ValueMapping.NONE.with("stage", "Won", "Closed won").with("stage", "Lost", "Closed lost")
                    .with("stage", "Engaging", "Needs analysis").with("amount", "", "0");
            ImportResult result = f.importFile(bad, "opportunities", Map.of(), values, Mode.ALL_OR_NOTHING);
            assertEquals(Outcome.ROLLED_BACK, result.outcome());
            assertEquals(1, result.created(), "B1 would have been created");
            assertEquals(5, result.failed());
            Map<Long, RowError> byRow = new HashMap<>();
            result.errors().forEach(e -> byRow.putIfAbsent(e.row(), e));
            assertError(byRow.get(3L), "deal_stage", "Negotiating");
            assertError(byRow.get(4L), "sales_agent", "Nobody Known");
            assertError(byRow.get(5L), "product", "Zeta Ultra");
            assertEquals("", byRow.get(6L).value());
            assertTrue(byRow.get(6L).message().contains("loss reason"), byRow.get(6L).toString());
            assertEquals("account", byRow.get(7L).column(), "a deal without an account and no placeholder: " + byRow.get(7L));
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY"), "nothing half-written");
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_STAGE_HISTORY"));
            assertEquals(0, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY_EXTERNAL_ID WHERE ENTITY = 'opportunity'"));
            assertEquals(customers, f.count("SELECT COUNT(*) FROM SB_CUSTOMER"));

            ImportResult partial = f.importFile(bad, "opportunities", Map.of(), values.with("customer", "", "No account"), Mode.VALID_ROWS);
            assertEquals(Outcome.COMPLETED, partial.outcome());
            assertEquals(2, partial.created(), "B1 and B6 (on the placeholder)");
            assertEquals(4, partial.failed());
            assertEquals(List.of("B1", "B6"), f.db.read(em -> em.createNativeQuery(
                    "SELECT EXTERNAL_ID FROM SB_OPPORTUNITY_EXTERNAL_ID WHERE ENTITY = 'opportunity' ORDER BY EXTERNAL_ID").getResultList()));
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE STATE = 'WON' AND AMOUNT = 500 AND CLOSED_ON = '2017-02-03'"));
        }
    }

    @Test
    void productsUpdateOnTheirCodeAndTwoColumnsCannotFillOneNumber() throws Exception {
        SalesDataSetFiles files = new SalesDataSetFiles(dir, 2, 2, 2);
        try (SalesFixture f = new SalesFixture()) {
            assertEquals(5, f.importFile(files.products, "products", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING).created());
            Path prices = Files.writeString(dir.resolve("prices.csv"), "Product Code,Price,Currency,Tax Rate\nZETA-PRO,5000,USD,13\nNEW-1,10,CNY,6\n");
            ColumnMapping columns = f.engine.preview(prices, ReadOptions.DETECT, "products").mapping();
            assertEquals(Map.of("Product Code", "code", "Price", "listPrice", "Currency", "currency", "Tax Rate", "taxRate"), columns.fieldByHeader());
            ImportResult updated = f.engine.run(prices, ReadOptions.DETECT, new ImportSettings("products", columns)
                    .withMatch(new MatchPolicy(List.of("code"), OnMatch.UPDATE)).withMode(Mode.VALID_ROWS), null);
            assertEquals(1, updated.updated(), updated.errors().toString());
            assertEquals(1, updated.failed(), "a new product needs its name");
            assertEquals(3, updated.errors().get(0).row(), updated.errors().toString());
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_PRODUCT WHERE CODE = 'ZETA-PRO' AND NAME = 'Zeta Pro' AND LIST_PRICE = 5000 AND TAX_RATE = 13"));
            assertEquals(5, f.count("SELECT COUNT(*) FROM SB_PRODUCT"));

            ImportException twice = assertThrows(ImportException.class, () -> f.importFile(prices, "products",
                    Map.of("Tax Rate", "listPrice"), ValueMapping.NONE, Mode.ALL_OR_NOTHING));
            assertTrue(twice.getMessage().contains("listPrice"), twice.getMessage());
            assertEquals(5, f.count("SELECT COUNT(*) FROM SB_PRODUCT"));
        }
    }

    private static void assertError(RowError error, String column, String value) {
        assertEquals(column, error.column(), String.valueOf(error));
        assertEquals(value, error.value(), String.valueOf(error));
        assertTrue(error.message().contains(value), String.valueOf(error));
    }

    @Test
    void leadsImportWithTheirOwnerAndSourceAndAnUnknownOwnerIsARowError() throws Exception {
        try (SalesFixture f = new SalesFixture()) {
            Path users = Files.writeString(dir.resolve("users.csv"), "Login,Full Name,Email,Team,Region\nli.lei,李雷,li.lei@example.cn,华东,上海\n");
            assertEquals(Outcome.COMPLETED, f.importFile(users, "users", Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING).outcome());
            Path leads = Files.writeString(dir.resolve("leads.csv"),
                    "公司,联系人,邮箱,线索来源,负责人,预算\n上海测试有限公司,韩梅梅,han@example.cn,Referral,李雷,50000\n"
                            + "北京样例科技有限公司,张三,zhang@example.cn,Trade show,li.lei@example.cn,\n杭州某某公司,王五,,Web form,nobody,\n");
            ImportResult result = f.importFile(leads, "leads", Map.of(), ValueMapping.NONE, Mode.VALID_ROWS);
            assertEquals(2, result.created(), result.errors().toString());
            assertEquals(1, result.failed());
            assertEquals("负责人", result.errors().get(0).column());
            assertEquals("nobody", result.errors().get(0).value());
            assertEquals(2, f.count("SELECT COUNT(*) FROM SB_LEAD WHERE OWNER = 'li.lei'"));
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_LEAD WHERE SOURCE = 'REFERRAL' AND BUDGET_AMOUNT = 50000"));
            assertEquals(1, f.count("SELECT COUNT(*) FROM SB_TEAM WHERE NAME = '华东' AND REGION = '上海'"));
        }
    }
}
