package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.salesbench.cli.internal.Cli;
import org.salesbench.cli.tests.CliFixture.Result;
import org.salesbench.persistence.DatabaseSettings;

/** Help and bad arguments: answered before the database is opened, exit code 2, a message on stderr and no stack trace. */
class CommandLineUsageTest {

    @TempDir
    Path dir;
    private CliFixture cli;
    private Path csv;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliFixture(dir);
        csv = Files.writeString(dir.resolve("accounts.csv"), "account,sector\nAcme Corporation,technolgy\n");
    }

    private void assertUsage(Result r, String... mentions) {
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out(), "stdout stays clean: " + r);
        for (String m : mentions) {
            assertTrue(r.err().contains(m), "stderr names " + m + ": " + r);
        }
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
        assertFalse(Files.exists(cli.dbDir), "the database was not even opened");
    }

    @Test
    void helpListsEveryCommandAndEachCommandHasHelp() {
        Result r = cli.run("--help");
        assertEquals(0, r.code(), r.toString());
        for (String command : new String[] { "import", "export", "users", "demo", "backup", "restore", "migrate-db", "report" }) {
            assertTrue(r.out().contains("  " + command + " "), command + " listed: " + r);
            Result help = cli.run(command, "--help");
            assertEquals(0, help.code(), help.toString());
            assertTrue(help.out().startsWith("Usage: salesbench cli " + command), help.toString());
        }
        assertTrue(r.out().contains("Exit codes"), r.out());
        assertFalse(Files.exists(cli.dbDir));
    }

    @Test
    void importHelpListsTheImportableFieldsOfEachEntity() {
        Result r = cli.run("import", "--help");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("customers ("), r.out());
        assertTrue(r.out().contains("contacts ("), r.out());
        assertTrue(r.out().matches("(?s).*\\n    name +Name \\(required\\).*"), r.out());
        assertTrue(r.out().contains("creditCode"), r.out());
        assertTrue(r.out().contains("[PROSPECT|ACTIVE|DORMANT|LOST]"), "picklist values: " + r.out());
        assertTrue(r.out().contains("match keys: creditCode, name, externalId"), r.out());
    }

    @Test
    void noArgumentsAndUnknownCommandsAreUsageErrors() {
        Result none = cli.run();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("Commands:"), none.toString());
        assertUsage(cli.run("frobnicate"), "Unknown command \"frobnicate\"", "import, export");
        assertUsage(cli.run("--debug", "frobnicate"), "frobnicate");
    }

    @Test
    void badImportArgumentsAreNamed() {
        String file = csv.toString();
        assertUsage(cli.run("import", "customers", file, "--bogus"), "Unknown option --bogus", "import --help");
        assertUsage(cli.run("import", "customers"), "The file is missing");
        assertUsage(cli.run("import", "customers", dir.resolve("nope.csv").toString()), "There is no file", "nope.csv");
        assertUsage(cli.run("import", "planets", file), "Cannot import \"planets\"", "customers, contacts");
        assertUsage(cli.run("import", "customers", file, "--map", "account=nosuchfield"), "\"nosuchfield\"", "not a field of customers",
                "creditCode");
        assertUsage(cli.run("import", "customers", file, "--values", "colour:red=A"), "\"colour\"");
        assertUsage(cli.run("import", "customers", file, "--map", "account"), "is not column=field");
        assertUsage(cli.run("import", "customers", file, "--mode", "sometimes"), "--mode", "all-or-nothing, valid-rows");
        assertUsage(cli.run("import", "customers", file, "--match", "phone"), "\"phone\" cannot be used to match");
        assertUsage(cli.run("import", "customers", file, "--on-match", "update"), "--on-match needs --match");
        assertUsage(cli.run("import", "customers", file, "--summary"), "--summary needs a value");
        assertUsage(cli.run("import", "customers", file, "extra"), "Unexpected argument \"extra\"");
        assertUsage(cli.run("import", "customers", file, "--encoding", "latin9"), "--encoding");
    }

    @Test
    void aMappingFileToAnUnknownFieldIsRefused() throws IOException {
        Path mapping = Files.writeString(dir.resolve("mapping.csv"), "\uFEFFcolumn,field\naccount,name\nsector,sektor\n");
        assertUsage(cli.run("import", "customers", csv.toString(), "--mapping", mapping.toString()), "\"sektor\"");
    }

    @Test
    void otherCommandsCheckTheirArguments() {
        assertUsage(cli.run("export", "customers"), "The file is missing");
        assertUsage(cli.run("export", "planets", dir.resolve("x.csv").toString()), "Cannot export \"planets\"");
        assertUsage(cli.run("export", "customers", dir.resolve("no/such/x.csv").toString()), "does not exist");
        assertUsage(cli.run("export", "customers", dir.resolve("x.csv").toString(), "--encoding", "ebcdic"), "--encoding");
        assertUsage(cli.run("demo", "--size", "many"), "--size takes a whole number");
        assertUsage(cli.run("users"), "list|add|roles|sign-in|share|unshare|deactivate");
        assertUsage(cli.run("users", "promote", "x"), "Unknown users action \"promote\"");
        assertUsage(cli.run("users", "add", "only-login"), "display name is missing");
        assertUsage(cli.run("backup"), "folder is missing");
        assertUsage(cli.run("restore", dir.resolve("no-such-backup").toString()), "There is no folder");
    }

    @Test
    void reportNamesTheReportsWhenOneIsUnknown() {
        // the analytics module's command has replaced the placeholder; names are checked without the database
        Result r = cli.run("report", "pipeline", "--format", "json");
        assertUsage(r, "Unknown report \"pipeline\"", "funnel", "won-revenue", "customer-profile");
        assertUsage(cli.run("report", "won-revenue", "--by", "planet"), "cannot be grouped by \"planet\"", "owner, team, product, sector, region, month");
        assertUsage(cli.run("report", "won-revenue", "--from", "2026-13-01"), "--from takes a date as yyyy-mm-dd, not \"2026-13-01\"");
        assertUsage(cli.run("report", "won-revenue", "--output", dir.resolve("r.txt").toString()), "r.txt", ".pdf");
        assertUsage(cli.run("report", "won-revenue", "--format", "yaml"), "--format", "json");
    }

    @Test
    void backupAndRestoreOfPostgresqlGoThroughItsToolsAndSayWhatFailed() {
        DatabaseSettings unreachable = new DatabaseSettings("jdbc:postgresql://db.invalid/salesbench", "u", "p");
        Result r = CliFixture.run(unreachable, "backup", dir.toString());
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains("pg_dump"), r.toString()); // the tool's own error, or that it is not installed
        Result unforced = CliFixture.run(unreachable, "restore", dir.toString());
        assertEquals(2, unforced.code(), unforced.toString());
        assertTrue(unforced.err().contains("--force"), unforced.toString());
        Result notADump = CliFixture.run(unreachable, "restore", dir.toString(), "--force");
        assertEquals(3, notADump.code(), notADump.toString());
        assertTrue(notADump.err().contains("not a dump made by pg_dump"), notADump.toString());
    }

    @Test
    void everyMessageIsInEnglishAndChinese() throws IOException {
        Properties en = load("src/org/salesbench/cli/internal/messages.properties", "org/salesbench/cli/internal/messages.properties");
        Properties zh = load("src/org/salesbench/cli/internal/messages_zh_CN.properties",
                "org/salesbench/cli/internal/messages_zh_CN.properties");
        assertEquals(en.keySet(), zh.keySet());
        Properties bundleEn = load("OSGI-INF/l10n/bundle.properties", null);
        Properties bundleZh = load("OSGI-INF/l10n/bundle_zh_CN.properties", null);
        assertEquals(bundleEn.keySet(), bundleZh.keySet());
        // the import command comes with the import engine, its texts too
        Properties importZh = load(org.eclipse.core.runtime.Platform.getBundle("org.salesbench.importexport"),
                "src/org/salesbench/importexport/internal/cli/climessages_zh_CN.properties", "org/salesbench/importexport/internal/cli/climessages_zh_CN.properties");
        assertTrue(importZh.getProperty("Import_summary").contains("新建"), importZh.getProperty("Import_summary"));
        assertTrue(Cli.overview().contains("import"));
    }

    private static Properties load(String path, String classpathPath) throws IOException {
        return load(FrameworkUtil.getBundle(Cli.class), path, classpathPath);
    }

    private static Properties load(org.osgi.framework.Bundle bundle, String path, String classpathPath) throws IOException {
        assertTrue(bundle != null, path);
        URL url = bundle.getEntry(path);
        if (url == null && classpathPath != null) {
            url = bundle.getResource(classpathPath);
        }
        assertTrue(url != null, path);
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
