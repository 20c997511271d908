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
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

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
}
