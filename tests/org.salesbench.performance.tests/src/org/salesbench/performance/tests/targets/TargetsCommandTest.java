package org.salesbench.performance.tests.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.internal.Cli;
import org.salesbench.core.model.Money;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.users.User;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * The {@code targets} command and {@code report attainment} run in-process over their real services (DS), as the
 * launcher runs them: targets imported from CSV, listed, exported; a bad file refused row by row with nothing written;
 * won revenue against target per owner as JSON.
 */
class TargetsCommandTest {

    record Result(int code, String out, String err) {
    }

    /** One database for the class (a migration costs seconds): the tests work in different years. */
    @TempDir
    static Path dir;

    private final int year = LocalDate.now(Clocks.system()).getYear();
    private final int next = year + 1;

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(DatabaseSettings.embedded(dir.resolve("db"))).run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** li.na, a user, with a deal won today for 250,000. */
    @BeforeAll
    static void data() {
        try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("db")), new LocalSecurityService())) {
            new UserServiceImpl(db, new LocalSecurityService()).createUser(new User("li.na", "李娜"));
            db.write(em -> {
                Customer customer = new Customer("温州瓯海电器有限公司");
                customer.setStatus(CustomerStatus.ACTIVE);
                customer.setNormalizedName(customer.getName() + UUID.randomUUID());
                customer.setOwner("li.na");
                em.persist(customer);
                Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
                Stage won = pipeline.getStages().stream().filter(s -> s.getKind() == StageKind.WON).findFirst().orElseThrow();
                Opportunity deal = new Opportunity(customer, "配电柜", Money.cny("250000"));
                deal.setPipeline(pipeline);
                deal.setStage(won);
                deal.setState(StageKind.WON);
                deal.setProbability(100);
                deal.setOwner("li.na");
                deal.setClosedOn(LocalDate.now(Clocks.system()));
                em.persist(deal);
                return null;
            });
        }
    }

    private static Path csv(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), "metric,subject,period,value,reason\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void targetsAreImportedListedExportedAndMeasured() throws IOException {
        Path file = csv("targets.csv", "won_revenue,person:li.na," + year + ",1000000,annual plan", "won_revenue,company," + year + ",5000000,board");
        Result imported = run("targets", "import", file.toString());
        assertEquals(CliCommand.OK, imported.code(), imported.toString());
        assertTrue(imported.out().contains("2 created"), imported.out());

        Result list = run("targets", "list", "--format", "csv");
        assertEquals("id,metric,subject,period,value,parent_id,split", list.out().lines().findFirst().orElseThrow());
        assertTrue(list.out().contains(",won_revenue,company," + year + ",5000000,,"), list.out());
        assertTrue(list.out().contains(",won_revenue,person:li.na," + year + ",1000000,,"), list.out());

        // the same again: the targets exist, so every row is refused and nothing changes; --update changes them
        Result again = run("targets", "import", file.toString());
        assertEquals(CliCommand.DATA, again.code(), again.toString());
        assertTrue(again.err().contains("exists already"), again.err());
        Path changed = csv("changed.csv", "won_revenue,person:li.na," + year + ",1200000,took over Ningbo");
        Result updated = run("targets", "import", changed.toString(), "--update");
        assertEquals(CliCommand.OK, updated.code(), updated.toString());
        assertTrue(updated.out().contains("1 updated"), updated.out());

        Path out = dir.resolve("export.csv");
        Result exported = run("targets", "export", out.toString());
        assertEquals(CliCommand.OK, exported.code(), exported.toString());
        String written = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(written.contains("won_revenue,person:li.na," + year + ",1200000"), written);

        Result report = run("report", "attainment", "--by", "owner", "--format", "json");
        assertEquals(CliCommand.OK, report.code(), report.toString());
        assertTrue(report.out().contains("李娜"), report.out());
        assertTrue(report.out().contains("\"target\"") && report.out().contains("1200000"), report.out());
        assertTrue(report.out().contains("250000"), report.out());
        assertTrue(report.out().contains("20.83"), report.out()); // 250,000 × 100 / 1,200,000
    }

    @Test
    void aLeaderboardIsExportedAsXlsxAndPdfThatReadBack() throws IOException {
        Path xlsx = dir.resolve("board.xlsx");
        Result r = run("leaderboard", "--kpi", "won_revenue", "--period", String.valueOf(year), "--format", "xlsx", "--output", xlsx.toString());
        assertEquals(CliCommand.OK, r.code(), r.toString());
        assertTrue(r.out().contains(xlsx.toString()), r.out());
        StringBuilder parts = new StringBuilder();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().startsWith("xl/")) {
                    parts.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertTrue(parts.indexOf("li.na") >= 0, "the rep's row: " + parts);
        assertTrue(parts.indexOf(">250000") >= 0, "the won revenue as a number: " + parts);

        Path pdf = dir.resolve("board.pdf");
        Result p = run("leaderboard", "--kpi", "won_revenue", "--period", String.valueOf(year), "--format", "pdf", "--output", pdf.toString());
        assertEquals(CliCommand.OK, p.code(), p.toString());
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains("li.na") && text.contains("250,000"), text);

        Path none = dir.resolve("none.pdf");
        Result noFile = run("leaderboard", "--kpi", "won_revenue", "--period", String.valueOf(year), "--format", "pdf");
        assertEquals(CliCommand.USAGE, noFile.code(), noFile.toString());
        assertTrue(noFile.err().contains("--output"), noFile.err());
        Result noFolder = run("leaderboard", "--kpi", "won_revenue", "--period", String.valueOf(year), "--format", "xlsx", "--output",
                dir.resolve("missing").resolve("board.xlsx").toString());
        assertEquals(CliCommand.USAGE, noFolder.code(), noFolder.toString());
        assertTrue(noFolder.err().contains("missing"), noFolder.err());
        assertFalse(Files.exists(none));
    }

    @Test
    void aBadFileIsRefusedRowByRowAndNothingIsWritten() throws IOException {
        Path file = csv("bad.csv", "won_revenue,person:li.na," + next + ",1000000,ok", "won_revenue,person:li.na," + next + "-Q1,-5,negative",
                "won_revenue,person:nobody," + next + ",10,who", "won_revenue,team:east," + next + ",10,name", "won_revenue,company,2026-Q5,10,period");
        Result imported = run("targets", "import", file.toString());
        assertEquals(CliCommand.DATA, imported.code(), imported.toString());
        assertTrue(imported.err().contains("may not be negative"), imported.err());
        assertTrue(imported.err().contains("no user \"nobody\""), imported.err());
        assertTrue(imported.err().contains("\"team:east\" is no subject"), imported.err());
        assertTrue(imported.err().contains("\"2026-Q5\" is no period"), imported.err());
        assertEquals("[]", run("targets", "list", "--period", String.valueOf(next), "--format", "json").out().strip());

        Result noFile = run("targets", "import", dir.resolve("missing.csv").toString());
        assertEquals(CliCommand.USAGE, noFile.code());
        assertTrue(noFile.err().contains("missing.csv"), noFile.err());
        Result badPeriod = run("targets", "list", "--period", "2026-W3");
        assertEquals(CliCommand.USAGE, badPeriod.code());
        assertTrue(badPeriod.err().contains("2026-W3"), badPeriod.err());
        Result unknown = run("targets", "split");
        assertTrue(unknown.err().contains("split"), unknown.err());
    }
}
