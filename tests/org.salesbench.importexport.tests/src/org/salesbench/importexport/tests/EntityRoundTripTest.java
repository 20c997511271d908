package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.ValueMapping;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityFilter;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.quotes.Product;
import org.salesbench.users.Team;
import org.salesbench.users.User;

/**
 * Users and teams, products, leads and opportunities made through the services, exported to CSV (UTF-8 with BOM, GBK)
 * and Excel, and imported into a fresh database in dependency order: the copy holds the same data, field by field.
 */
class EntityRoundTripTest {

    private static final LocalDate WON_ON = LocalDate.of(2026, 9, 30);
    private static final LocalDate LOST_ON = LocalDate.of(2026, 10, 15);
    /** The open deal's expected close date, ahead of the services' today whenever the suite runs. */
    private static final LocalDate OPEN_CLOSES_ON = LocalDate.now(Clocks.system()).plusMonths(3);

    @TempDir
    Path dir;

    private static void seed(SalesFixture f) {
        User li = new User("li.na", "李娜");
        li.setEmail("li.na@example.cn");
        f.users.createUser(li);
        User zhang = new User("zhang.wei", "张伟");
        zhang.setEmail("zhang.wei@example.cn");
        zhang.setManager("li.na");
        f.users.createUser(zhang);
        User ann = new User("ann.lee", "Ann Lee");
        ann.setManager("li.na");
        f.users.createUser(ann);
        User retired = new User("old.hand", "Old Hand");
        retired.setActive(false);
        f.users.createUser(retired);
        Team east = new Team("华东销售");
        east.setRegion("华东");
        east.setManager("li.na");
        east.getMembers().addAll(Set.of("zhang.wei", "ann.lee"));
        f.users.createTeam(east);
        Team key = new Team("Key Accounts");
        key.setRegion("North");
        key.setManager("li.na");
        key.getMembers().add("ann.lee");
        f.users.createTeam(key);

        Product crm = new Product("CRM-PRO", "企业版 CRM", "套", Money.of(new BigDecimal("12000.50"), "CNY"), new BigDecimal("0.13"));
        crm.setDescription("含实施, \"一年\"\n维护");
        f.products.create(crm);
        Product support = new Product("SUP-Y", "Support", "year", Money.of(new BigDecimal("3000"), "USD"), new BigDecimal("0.06"));
        support.setActive(false);
        f.products.create(support);

        Customer huawei = new Customer("深圳华为技术有限公司");
        huawei.setIndustry("COMMUNICATIONS"); // codes of the industry picklist, as the editors store them
        f.customers.create(huawei);
        Customer acme = f.customers.create(new Customer("ACME Inc."));

        Lead hot = new Lead("杭州海纳医疗有限公司");
        hot.setContactName("王芳");
        hot.setContactTitle("信息科主任");
        hot.setPhone("+86 571 8888 0000");
        hot.setEmail("wang.fang@haina.example");
        hot.setSource("REFERRAL");
        hot.setIndustry("HEALTHCARE");
        hot.setSize("ENTERPRISE");
        hot.setNeed("CRM, 预算已批");
        hot.setBudget(Money.of(new BigDecimal("500000"), "CNY"));
        hot.setStatus(LeadStatus.WORKING);
        hot.setCreditCode(org.salesbench.core.validation.CreditCode.withCheckCharacter("91330100MA2B3C4D5"));
        hot.setOwner("zhang.wei");
        f.leads.create(hot);
        Lead cold = new Lead("Globex Ltd");
        cold.setContactName("Hank Scorpio");
        cold.setEmail("hank@globex.example");
        cold.setSource("TRADE_SHOW");
        cold.setBudget(Money.of(new BigDecimal("1250.75"), "USD"));
        cold.setStatus(LeadStatus.DISQUALIFIED);
        cold.setDisqualifyReason("无预算");
        cold.setOwner("ann.lee");
        f.leads.create(cold);

        Pipeline pipeline = f.pipelines.pipelines(true).get(0);
        Stage second = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.OPEN).skip(1).findFirst().orElseThrow();
        Opportunity open = new Opportunity(huawei, "华为 CRM 二期", Money.of(new BigDecimal("880000.00"), "CNY"));
        open.setPipeline(pipeline);
        open.setStage(second);
        open.setProbability(35);
        open.setExpectedCloseDate(OPEN_CLOSES_ON);
        open.setEngagedOn(LocalDate.of(2026, 3, 1));
        open.setOwner("zhang.wei");
        open.setProductId(f.products.findByCode("CRM-PRO").orElseThrow().getId());
        open.setSource("展会");
        open.setNextStep("演示, 报价");
        open.setDescription("多行\n描述");
        f.opportunities.create(open);
        Opportunity won = new Opportunity(acme, "ACME support", Money.of(new BigDecimal("3000"), "USD"));
        won.setPipeline(pipeline);
        won.setExpectedCloseDate(WON_ON);
        won.setEngagedOn(LocalDate.of(2026, 6, 1));
        won.setOwner("ann.lee");
        won.setProductId(f.products.findByCode("SUP-Y").orElseThrow().getId());
        long wonId = f.opportunities.create(won).getId();
        f.opportunities.markWon(wonId, WON_ON);
        Opportunity lost = new Opportunity(huawei, "华为 BI", Money.of(new BigDecimal("120000"), "CNY"));
        lost.setPipeline(pipeline);
        lost.setExpectedCloseDate(LOST_ON);
        lost.setEngagedOn(LocalDate.of(2026, 7, 1));
        lost.setOwner("zhang.wei");
        long lostId = f.opportunities.create(lost).getId();
        f.opportunities.markLost(lostId, "价格太高", LOST_ON);
    }

    private static String text(Object value) {
        return String.valueOf(value);
    }

    private static String money(Money money) {
        return money == null ? "null" : money.getAmount().stripTrailingZeros().toPlainString() + " " + money.getCurrency();
    }

    /** Every importable field of users, teams, products, leads and opportunities, in a form that compares across databases. */
    private static String describe(SalesFixture f) {
        StringBuilder s = new StringBuilder();
        f.users.users(false).stream().sorted(Comparator.comparing(User::getLogin)).forEach(u -> s.append("user ")
                .append(List.of(u.getLogin(), text(u.getDisplayName()), text(u.getEmail()), text(u.getManager()), text(u.isActive())))
                .append('\n'));
        f.users.teams().stream().sorted(Comparator.comparing(Team::getName)).forEach(t -> s.append("team ")
                .append(List.of(t.getName(), text(t.getRegion()), text(t.getManager()), new TreeSet<>(t.getMembers()).toString())).append('\n'));
        f.products.list(false).stream().sorted(Comparator.comparing(Product::getCode)).forEach(p -> s.append("product ")
                .append(List.of(p.getCode(), p.getName(), p.getUnit(), money(p.getListPrice()), p.getTaxRate().stripTrailingZeros().toPlainString(),
                        text(p.isActive()), text(p.getDescription())))
                .append('\n'));
        f.db.read(em -> em.createQuery("SELECT l FROM Lead l ORDER BY l.company", Lead.class).getResultList()).forEach(l -> s.append("lead ")
                .append(List.of(l.getCompany(), text(l.getContactName()), text(l.getContactTitle()), text(l.getPhone()), text(l.getEmail()),
                        text(l.getSource()), text(l.getIndustry()), text(l.getSize()), text(l.getNeed()), money(l.getBudget()), text(l.getStatus()),
                        text(l.getDisqualifyReason()), text(l.getCreditCode()), text(l.getOwner())))
                .append('\n'));
        f.db.read(em -> em.createQuery("SELECT o FROM Opportunity o JOIN FETCH o.customer ORDER BY o.name", Opportunity.class).getResultList()
                .stream().map(o -> List.of(o.getName(), o.getCustomer().getName(), money(o.getAmount()), text(o.getExpectedCloseDate()),
                        text(o.getClosedOn()), text(o.getEngagedOn()), o.getPipeline().getName(), text(o.getStage().getName()), text(o.getState()),
                        text(o.getProbability()), text(o.getOwner()), o.getProductId() == null ? "null" : f.products.find(o.getProductId()).orElseThrow().getCode(),
                        text(o.getLossReason()), text(o.getSource()), text(o.getNextStep()), text(o.getDescription())))
                .toList()).forEach(o -> s.append("opportunity ").append(o).append('\n'));
        return s.toString();
    }

    /** The records of a UTF-8 CSV file (byte-order mark skipped), header first. */
    static List<List<String>> rows(Path file) throws IOException {
        String text = Files.readString(file);
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(
                new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            return parser.getRecords().stream().map(r -> r.toList()).toList();
        }
    }

    private static void imports(SalesFixture copy, Path file, String target, int created) throws IOException {
        ImportResult result = copy.importFile(file, target, Map.of(), ValueMapping.NONE, Mode.ALL_OR_NOTHING);
        assertEquals(Outcome.COMPLETED, result.outcome(), target + ": " + result.errors());
        assertEquals(created, result.created(), target);
    }

    /** Exports everything from a seeded database and imports it into a fresh one; returns the files by target. */
    private Map<String, Path> roundTrip(String extension, WriteOptions options) throws IOException {
        try (SalesFixture source = new SalesFixture(); SalesFixture copy = new SalesFixture()) {
            seed(source);
            Map<String, Path> files = new java.util.LinkedHashMap<>();
            for (String target : List.of("users", "products", "customers", "leads", "opportunities")) {
                files.put(target, dir.resolve(target + "." + extension));
            }
            NullProgressMonitor monitor = new NullProgressMonitor();
            assertEquals(4, source.engine.export("users", null, files.get("users"), options, monitor), "a row per user");
            assertEquals(2, source.engine.export("products", null, files.get("products"), options, monitor));
            assertEquals(2, source.engine.export("customers", CustomerFilter.ALL, files.get("customers"), options, monitor));
            assertEquals(2, source.engine.export("leads", null, files.get("leads"), options, monitor));
            assertEquals(3, source.engine.export("opportunities", null, files.get("opportunities"), options, monitor));

            imports(copy, files.get("users"), "users", 4);
            imports(copy, files.get("products"), "products", 2);
            imports(copy, files.get("customers"), "customers", 2);
            imports(copy, files.get("leads"), "leads", 2);
            imports(copy, files.get("opportunities"), "opportunities", 3);
            assertEquals(describe(source), describe(copy));
            assertTrue(describe(copy).contains("opportunity [ACME support, ACME Inc., 3000 USD, 2026-09-30, 2026-09-30"), describe(copy));
            return files;
        }
    }

    @Test
    void csvUtf8WithBomRoundTripOfEveryEntity() throws IOException {
        Map<String, Path> files = roundTrip("csv", WriteOptions.DEFAULT);
        for (Path file : files.values()) {
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(List.of(0xEF, 0xBB, 0xBF), List.of(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF), file + ": a byte-order mark, for Excel");
        }
        List<List<String>> opportunities = rows(files.get("opportunities"));
        assertEquals(20, opportunities.get(0).size(),
                "one column per field (the source's created date and the campaign among them) and the Version: " + opportunities.get(0));
        assertTrue(opportunities.get(0).contains("Campaign"), opportunities.get(0).toString());
        assertEquals(List.of("华为 CRM 二期", "深圳华为技术有限公司", "", "880000.00", "CNY", OPEN_CLOSES_ON.toString(), "2026-03-01"),
                opportunities.get(3).subList(0, 7), "the open deal, last by expected close date");
    }

    @Test
    void xlsxRoundTripOfEveryEntity() throws IOException {
        Map<String, Path> files = roundTrip("xlsx", WriteOptions.DEFAULT);
        // amounts and days are cells a spreadsheet sums and sorts, not text
        try (InputStream in = Files.newInputStream(files.get("opportunities"));
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            Row deal = book.getSheetAt(0).getRow(3); // the open deal, as in the CSV test
            assertEquals("华为 CRM 二期", deal.getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, deal.getCell(3).getCellType(), "the amount");
            assertEquals(880_000d, deal.getCell(3).getNumericCellValue());
            assertEquals(CellType.NUMERIC, deal.getCell(5).getCellType(), "the close date");
            assertTrue(DateUtil.isCellDateFormatted(deal.getCell(5)), "formatted as a date");
            assertEquals(OPEN_CLOSES_ON, deal.getCell(5).getLocalDateTimeCellValue().toLocalDate());
        }
    }

    @Test
    void gbkCsvRoundTripKeepsChineseText() throws IOException {
        Map<String, Path> files = roundTrip("csv", WriteOptions.gbk());
        String leads = new String(Files.readAllBytes(files.get("leads")), Charset.forName("GBK"));
        assertTrue(leads.contains("杭州海纳医疗有限公司") && leads.contains("信息科主任"), leads);
        assertTrue(Files.readAllBytes(files.get("leads"))[0] != (byte) 0xEF, "GBK has no byte-order mark");
    }

    @Test
    void reimportIntoTheSameDatabaseWithUpdateOnMatchChangesNothing() throws IOException {
        try (SalesFixture f = new SalesFixture()) {
            seed(f);
            String before = describe(f);
            Path products = dir.resolve("products.csv");
            Path leads = dir.resolve("leads.xlsx");
            Path users = dir.resolve("users.csv");
            f.engine.export("products", null, products, WriteOptions.DEFAULT, new NullProgressMonitor());
            f.engine.export("leads", null, leads, WriteOptions.DEFAULT, new NullProgressMonitor());
            f.engine.export("users", null, users, WriteOptions.DEFAULT, new NullProgressMonitor());
            assertUpdated(f, products, "products", List.of("code"), 2);
            assertUpdated(f, leads, "leads", List.of("email"), 2);
            assertUpdated(f, users, "users", List.of("login"), 4);
            assertEquals(before, describe(f));
        }
    }

    private static void assertUpdated(SalesFixture f, Path file, String target, List<String> keys, int rows) throws IOException {
        ImportSettings settings = new ImportSettings(target, f.engine.preview(file, ReadOptions.DETECT, target).mapping())
                .withMatch(new MatchPolicy(keys, OnMatch.UPDATE));
        ImportResult result = f.engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());
        assertEquals(Outcome.COMPLETED, result.outcome(), target + ": " + result.errors());
        assertEquals(0, result.created(), target);
        assertEquals(rows, result.updated(), target);
    }

    @Test
    void aTableLargerThanAChunkExportsWholeAndInOrder() throws IOException {
        try (SalesFixture f = new SalesFixture()) {
            int count = 1_234; // more than two chunks, the last one partial
            for (int i = count - 1; i >= 0; i--) { // created in reverse: the file's order comes from the export, not the ids
                f.products.create(new Product(String.format("P%05d", i), "产品 " + i, "件", Money.of(new BigDecimal(i + ".5"), "CNY"),
                        BigDecimal.ZERO));
            }
            Path file = dir.resolve("products.csv");
            assertEquals(count, f.engine.export("products", null, file, WriteOptions.DEFAULT, new NullProgressMonitor()));
            List<List<String>> rows = rows(file);
            assertEquals(count + 1, rows.size());
            for (int i = 0; i < count; i++) {
                assertEquals(List.of(String.format("P%05d", i), "产品 " + i, "件", i + ".50", "CNY"), rows.get(i + 1).subList(0, 5));
            }
        }
    }

    @Test
    void exportsOnlyWhatTheListFilterSelectsInTheListsOrder() throws IOException {
        try (SalesFixture f = new SalesFixture()) {
            seed(f);
            Path file = dir.resolve("huawei.csv");
            OpportunityFilter huawei = new OpportunityFilter("深圳华为", null, Set.of(), Set.of(), Set.of(), false, false);
            assertEquals(2, f.engine.export("opportunities", huawei, file, WriteOptions.DEFAULT, new NullProgressMonitor()));
            List<List<String>> lines = rows(file);
            assertEquals(3, lines.size(), lines.toString());
            assertEquals(List.of("华为 BI", "华为 CRM 二期"), List.of(lines.get(1).get(0), lines.get(2).get(0)), "by expected close date");
            OpportunityFilter won = new OpportunityFilter(null, null, Set.of(), Set.of(StageKind.WON), Set.of(), false, false);
            assertEquals(1, f.engine.export("opportunities", won, file, WriteOptions.DEFAULT, new NullProgressMonitor()));
            LeadFilter working = new LeadFilter(null, Set.of(LeadStatus.WORKING), null, false);
            assertEquals(1, f.engine.export("leads", working, file, WriteOptions.DEFAULT, new NullProgressMonitor()));
            assertEquals("杭州海纳医疗有限公司", rows(file).get(1).get(0));
            assertEquals(0, f.engine.export("leads", new LeadFilter("nobody", Set.of(), null, false), file, WriteOptions.DEFAULT,
                    new NullProgressMonitor()));
        }
    }
}
