package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.tests.CliFixture.Result;

/**
 * {@code picklists list|add|rename|deactivate|activate|move} in the real command line (the Picklists service as the
 * installation wires it), and an import's {@code --add-values} adding an industry the list then has.
 */
class PicklistsCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsAddsRenamesMovesAndDeactivatesValues() throws Exception {
        CliFixture cli = new CliFixture(dir);
        Result lists = cli.run("picklists", "list", "--format", "csv");
        assertEquals(0, lists.code(), lists.toString());
        assertTrue(lists.out().contains("industry,32,32") && lists.out().contains("lossReason,7,7")
                && lists.out().contains("customerStatus,4,4") && lists.out().contains("activityType,5,5")
                && lists.out().contains("leadSource,7,7"), lists.toString());
        // the lead sources are one of the lists: what the command adds, leads may name
        Result source = cli.run("picklists", "add", "leadSource", "WeChat", "微信");
        assertEquals(0, source.code(), source.toString());
        Result sources = cli.run("picklists", "list", "leadSource", "--format", "csv");
        assertTrue(sources.out().lines().anyMatch(l -> l.startsWith("WECHAT,WeChat,微信,")), sources.toString());
        assertTrue(sources.out().lines().anyMatch(l -> l.startsWith("TRADE_SHOW,Trade show,展会,")), sources.toString());

        Result added = cli.run("picklists", "add", "industry", "Space Mining", "太空采矿");
        assertEquals(0, added.code(), added.toString());
        assertTrue(added.out().contains("SPACE_MINING"), added.toString());
        Result renamed = cli.run("picklists", "rename", "industry", "SPACE_MINING", "--zh", "航天采矿");
        assertEquals(0, renamed.code(), renamed.toString());
        assertEquals(0, cli.run("picklists", "move", "industry", "SPACE_MINING", "1").code());
        assertEquals(0, cli.run("picklists", "deactivate", "industry", "OTHER").code());

        Result industry = cli.run("picklists", "list", "industry", "--format", "csv");
        assertEquals(0, industry.code(), industry.toString());
        String[] rows = industry.out().strip().split("\\R");
        assertEquals(34, rows.length, "a header and 33 values: " + industry);
        assertTrue(rows[1].startsWith("SPACE_MINING,Space Mining,航天采矿,10,"), rows[1]);
        assertTrue(industry.out().lines().anyMatch(l -> l.startsWith("OTHER,Other,其他,") && l.endsWith(",no")), industry.toString());

        Result taken = cli.run("picklists", "add", "industry", "Technology", "科技");
        assertEquals(3, taken.code(), "a label the list has is refused: " + taken);
        assertTrue(taken.err().contains("Technology"), taken.toString());
        Result unknown = cli.run("picklists", "list", "colour");
        assertEquals(3, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("colour") && unknown.err().contains("industry"), unknown.toString());
        assertEquals(2, cli.run("picklists", "paint", "industry").code(), "an unknown action is a usage error");

        // a list whose values are a module's built-in kinds: renamed, never added to nor deactivated
        Result fixedAdd = cli.run("picklists", "add", "customerStatus", "Partner", "伙伴");
        assertEquals(3, fixedAdd.code(), fixedAdd.toString());
        assertTrue(fixedAdd.err().contains("customerStatus"), fixedAdd.toString());
        assertEquals(3, cli.run("picklists", "deactivate", "activityType", "NOTE").code());
        Result churned = cli.run("picklists", "rename", "customerStatus", "LOST", "--en", "Churned", "--zh", "已流失");
        assertEquals(0, churned.code(), churned.toString());
        assertTrue(churned.out().contains("LOST") && churned.out().contains("Churned") && churned.out().contains("已流失"), churned.toString());
        assertEquals(2, cli.run("picklists", "move", "industry", "OTHER", "first").code());
    }

    @Test
    void anImportWithAddValuesAddsAnUnknownIndustryAndStoresCodes() throws Exception {
        CliFixture cli = new CliFixture(dir);
        Path file = Files.writeString(dir.resolve("c.csv"), "Name,Industry\nAlpha Ltd,Retail\nBeta Ltd,Space Tourism\n乙公司,零售\n");
        Result imported = cli.run("import", "customers", file.toString(), "--add-values");
        assertEquals(0, imported.code(), imported.toString());
        assertEquals(2, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE INDUSTRY = 'RETAIL'"));
        assertEquals(1, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE INDUSTRY = 'SPACE_TOURISM'"));
        Result industry = cli.run("picklists", "list", "industry", "--format", "csv");
        assertTrue(industry.out().contains("SPACE_TOURISM,Space Tourism,Space Tourism,"), industry.toString());

        Path other = Files.writeString(dir.resolve("d.csv"), "Name,Industry\nGamma Ltd,Deep Sea Fishing\n");
        Result kept = cli.run("import", "customers", other.toString());
        assertEquals(0, kept.code(), kept.toString());
        assertEquals(1, cli.query("SELECT COUNT(*) FROM SB_CUSTOMER WHERE INDUSTRY = 'Deep Sea Fishing'"), "kept as written");
        assertFalse(cli.run("picklists", "list", "industry").out().contains("Deep Sea Fishing"), "and not added without --add-values");
    }
}
