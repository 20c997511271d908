package org.salesbench.importexport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.importexport.ImportPreview;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RowError;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.User;

/**
 * An import with {@code --on-match update} of a file exported from Salesbench carries the version of each record: a
 * record someone changed after the export (and after the file was previewed) is not overwritten; its row fails naming
 * the row, the record and who changed it; with all-or-nothing nothing is written at all.
 */
class ImportVersionCheckTest {

    @TempDir
    Path dir;

    private ImportFixture fx;
    private Database zhangsDb;
    private CustomerServiceImpl zhang;

    @BeforeEach
    void open() {
        DatabaseSettings settings = DatabaseSettings.inMemory("import-versions-" + UUID.randomUUID());
        fx = new ImportFixture(settings);
        LocalSecurityService security = new LocalSecurityService("zhang.min");
        zhangsDb = Database.open(settings, security); // another person's session on the same database
        zhang = new CustomerServiceImpl(zhangsDb, security, (e, c, i) -> { });
    }

    @AfterEach
    void close() {
        zhangsDb.close();
        fx.close();
    }

    /** Three customers exported, the file previewed and edited, and meanwhile Zhang changes the second. */
    private Path exportedAndChangedSincePreview() throws IOException {
        for (String name : List.of("甲贸易有限公司", "乙科技有限公司", "丙物流有限公司")) {
            Customer c = new Customer(name);
            c.setIndustry("旧行业");
            fx.customers.create(c);
        }
        Path file = dir.resolve("customers.csv");
        fx.engine.export("customers", null, file, WriteOptions.DEFAULT, new NullProgressMonitor());
        ImportPreview preview = fx.engine.preview(file, ReadOptions.DETECT, "customers");
        assertTrue(preview.header().contains("Version"), preview.header().toString());

        Customer theirs = zhang.find(fx.idOf("乙科技有限公司")).orElseThrow();
        theirs.setIndustry("张敏改的");
        zhang.update(theirs);

        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("旧行业", "新行业"), StandardCharsets.UTF_8);
        return file;
    }

    private ImportSettings update(Path file, Mode mode) throws IOException {
        return fx.auto(file, "customers").withMatch(new MatchPolicy(List.of("name"), OnMatch.UPDATE)).withMode(mode);
    }

    @Test
    void aRecordChangedSinceTheExportIsARowErrorAndTheOthersUpdate() throws IOException {
        Path file = exportedAndChangedSincePreview();

        ImportResult result = fx.importFile(file, "customers", update(file, Mode.VALID_ROWS));
        assertEquals(2, result.updated(), result.errors().toString());
        assertEquals(1, result.failed());
        RowError error = result.errors().get(0);
        assertEquals(3, error.row(), "the second record's row, after the header");
        assertEquals("Version", error.column());
        assertTrue(error.message().contains("乙科技有限公司") && error.message().contains("zhang.min"), error.message());
        assertEquals("张敏改的", fx.customers.find(fx.idOf("乙科技有限公司")).orElseThrow().getIndustry(), "Zhang's change is kept");
        assertEquals("新行业", fx.customers.find(fx.idOf("甲贸易有限公司")).orElseThrow().getIndustry());
        assertEquals("新行业", fx.customers.find(fx.idOf("丙物流有限公司")).orElseThrow().getIndustry());
    }

    @Test
    void allOrNothingWritesNothingWhenOneRecordChanged() throws IOException {
        Path file = exportedAndChangedSincePreview();

        ImportResult result = fx.importFile(file, "customers", update(file, Mode.ALL_OR_NOTHING));
        assertEquals(Outcome.ROLLED_BACK, result.outcome());
        assertEquals(3, result.errors().get(0).row());
        assertEquals("旧行业", fx.customers.find(fx.idOf("甲贸易有限公司")).orElseThrow().getIndustry(), "nothing half-written");
        assertEquals("张敏改的", fx.customers.find(fx.idOf("乙科技有限公司")).orElseThrow().getIndustry());
    }

    @Test
    void aFileExportedAfterTheChangeUpdatesEverything() throws IOException {
        exportedAndChangedSincePreview();
        Path fresh = dir.resolve("again.csv");
        fx.engine.export("customers", null, fresh, WriteOptions.DEFAULT, new NullProgressMonitor());
        Files.writeString(fresh, Files.readString(fresh, StandardCharsets.UTF_8).replace("旧行业", "新行业").replace("张敏改的", "新行业"),
                StandardCharsets.UTF_8);

        ImportResult result = fx.importFile(fresh, "customers", update(fresh, Mode.ALL_OR_NOTHING));
        assertEquals(Outcome.COMPLETED, result.outcome(), result.errors().toString());
        assertEquals(3, result.updated());
    }

    @Test
    void leadsCarryTheirVersionToo() throws IOException {
        try (SalesFixture f = new SalesFixture()) {
            Lead lead = new Lead("杭州海纳医疗有限公司");
            lead.setContactName("周丽");
            lead.setEmail("zhou.li@haina.example");
            Lead saved = f.leads.create(lead);
            Path file = dir.resolve("leads.csv");
            f.engine.export("leads", null, file, WriteOptions.DEFAULT, new NullProgressMonitor());
            saved.setContactName("周丽 (主任)"); // changed after the export
            f.leads.update(saved);
            Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("周丽", "周莉"), StandardCharsets.UTF_8);

            ImportSettings settings = new ImportSettings("leads", f.engine.preview(file, ReadOptions.DETECT, "leads").mapping())
                    .withMatch(new MatchPolicy(List.of("email"), OnMatch.UPDATE)).withMode(Mode.VALID_ROWS);
            ImportResult result = f.engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());
            assertEquals(1, result.failed(), result.errors().toString());
            assertTrue(result.errors().get(0).message().contains("杭州海纳医疗有限公司"), result.errors().get(0).message());
            assertEquals("周丽 (主任)", f.leads.find(saved.getId()).orElseThrow().getContactName());
        }
    }

    /** Exports {@code target}, lets {@code change} happen after the export, edits the file and imports it back. */
    private ImportResult exportChangeAndImport(SalesFixture f, String target, String keyField, Runnable change, String from, String to)
            throws IOException {
        Path file = dir.resolve(target + ".csv");
        f.engine.export(target, null, file, WriteOptions.DEFAULT, new NullProgressMonitor());
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElseThrow().endsWith(",Version"), target);
        change.run();
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace(from, to), StandardCharsets.UTF_8);
        ImportSettings settings = new ImportSettings(target, f.engine.preview(file, ReadOptions.DETECT, target).mapping())
                .withMatch(new MatchPolicy(List.of(keyField), OnMatch.UPDATE)).withMode(Mode.VALID_ROWS);
        return f.engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());
    }

    private static void assertRefused(ImportResult result, String record) {
        assertEquals(0, result.updated(), result.errors().toString());
        assertEquals(1, result.failed(), result.errors().toString());
        assertEquals("Version", result.errors().get(0).column());
        assertTrue(result.errors().get(0).message().contains(record) && result.errors().get(0).message().contains("importer"),
                result.errors().get(0).message());
    }

    @Test
    void contactsCarryTheirVersionToo() throws IOException {
        try (SalesFixture f = new SalesFixture()) {
            Customer customer = new Customer("宁波东方电器有限公司");
            Contact contact = customer.addContact(new Contact("陈静"));
            contact.setTitle("采购经理");
            contact.getEmails().add("chen.jing@dongfang.example");
            long customerId = f.customers.create(customer).getId();

            ImportResult result = exportChangeAndImport(f, "contacts", "emails", () -> {
                Customer theirs = f.customers.find(customerId).orElseThrow();
                theirs.getContacts().get(0).setTitle("采购总监"); // changed after the export
                f.customers.update(theirs);
            }, "采购经理", "采购主管");

            assertRefused(result, "陈静");
            assertEquals("采购总监", f.customers.find(customerId).orElseThrow().getContacts().get(0).getTitle(), "the other change is kept");
        }
    }

    @Test
    void opportunitiesCarryTheirVersionToo() throws IOException {
        try (SalesFixture f = new SalesFixture()) {
            f.customers.create(new Customer("苏州精工机械有限公司"));
            String closes = java.time.LocalDate.now(org.salesbench.core.time.Clocks.system()).plusMonths(3).toString();
            Path created = Files.writeString(dir.resolve("new.csv"), "Name,Account,Stage,Amount,Currency,Close Date,External ID,Next Step\n"
                    + "精工 MES,苏州精工机械有限公司,Qualification,1000,CNY," + closes + ",OPP-7,报价\n", StandardCharsets.UTF_8);
            ImportResult made = f.importFile(created, "opportunities", java.util.Map.of(), org.salesbench.importexport.ValueMapping.NONE,
                    Mode.ALL_OR_NOTHING);
            assertEquals(1, made.created(), made.errors().toString());
            long id = f.opportunities.ids(org.salesbench.opportunities.OpportunityFilter.ALL)[0];

            ImportResult result = exportChangeAndImport(f, "opportunities", "externalId", () -> {
                Opportunity theirs = f.opportunities.find(id).orElseThrow();
                theirs.setNextStep("演示"); // changed after the export
                f.opportunities.update(theirs);
            }, "报价", "签约");

            assertRefused(result, "精工 MES");
            assertEquals("演示", f.opportunities.find(id).orElseThrow().getNextStep(), "the other change is kept");
        }
    }

    @Test
    void usersCarryTheirVersionToo() throws IOException {
        try (SalesFixture f = new SalesFixture()) {
            User user = new User("li.na", "李娜");
            user.setEmail("li.na@old.example");
            f.users.createUser(user);

            ImportResult result = exportChangeAndImport(f, "users", "login", () -> {
                User theirs = f.users.findUser("li.na").orElseThrow();
                theirs.setEmail("li.na@new.example"); // changed after the export
                f.users.updateUser(theirs);
            }, "李娜", "李娜娜");

            assertRefused(result, "李娜");
            assertEquals("李娜", f.users.findUser("li.na").orElseThrow().getDisplayName(), "the other change is kept");
            assertEquals("li.na@new.example", f.users.findUser("li.na").orElseThrow().getEmail());
        }
    }
}
