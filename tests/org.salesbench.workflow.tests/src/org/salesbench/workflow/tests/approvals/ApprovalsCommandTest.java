package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.CliCommand;

/**
 * The {@code approvals} command, run in-process over its real services (DS) as the launcher runs it: the shipped
 * definition listed in each format, an empty inbox, and bad arguments refused with a message naming them.
 */
class ApprovalsCommandTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(dir.resolve("db"), args);
    }

    @Test
    void theShippedDefinitionIsListedAsTableCsvAndJson() {
        CliRun table = run("approvals", "definitions");
        assertEquals(CliCommand.OK, table.code(), table.toString());
        assertTrue(table.out().lines().findFirst().orElseThrow().startsWith("id"), table.out());
        assertTrue(table.out().contains("maxDiscountPercent > 10") && table.out().contains("OWNER_MANAGER(sales_manager)"), table.out());

        CliRun csv = run("approvals", "definitions", "--format", "csv");
        assertEquals("id,name,entity,condition,priority,active,steps", csv.out().lines().findFirst().orElseThrow(), csv.out());
        assertTrue(csv.out().contains(",Quote discount > 10 %,quote,maxDiscountPercent > 10,100,true,"), csv.out());

        CliRun json = run("approvals", "definitions", "--format", "json");
        assertTrue(json.out().contains("\"name\": \"Quote discount > 10 %\""), json.out());

        CliRun inbox = run("approvals", "list", "--pending", "--format", "json");
        assertEquals(CliCommand.OK, inbox.code(), inbox.toString());
        assertEquals("[]", inbox.out().strip());
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        CliRun noComment = run("approvals", "reject", "7");
        assertEquals(CliCommand.USAGE, noComment.code(), noComment.toString());
        assertTrue(noComment.err().contains("--comment"), noComment.err());

        CliRun notAnId = run("approvals", "approve", "七");
        assertEquals(CliCommand.USAGE, notAnId.code(), notAnId.toString());
        assertTrue(notAnId.err().contains("七"), notAnId.err());

        CliRun noSuchRequest = run("approvals", "approve", "999999", "--comment", "ok");
        assertEquals(CliCommand.USAGE, noSuchRequest.code(), noSuchRequest.toString());
        assertTrue(noSuchRequest.err().contains("999999"), noSuchRequest.err());

        CliRun both = run("approvals", "list", "--mine", "--pending");
        assertEquals(CliCommand.USAGE, both.code(), both.toString());
        CliRun unknown = run("approvals", "sign");
        assertEquals(CliCommand.USAGE, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("sign"), unknown.err());
    }
}
