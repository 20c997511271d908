package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.internal.Cli;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The {@code approvals} command, run in-process over its real services (DS) as the launcher runs it: the shipped
 * definition listed in each format, an empty inbox, and bad arguments refused with a message naming them.
 */
class ApprovalsCommandTest {

    record Result(int code, String out, String err) {
    }

    @TempDir
    Path dir;

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(DatabaseSettings.embedded(dir.resolve("db"))).run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedDefinitionIsListedAsTableCsvAndJson() {
        Result table = run("approvals", "definitions");
        assertEquals(CliCommand.OK, table.code(), table.toString());
        assertTrue(table.out().lines().findFirst().orElseThrow().startsWith("id"), table.out());
        assertTrue(table.out().contains("maxDiscountPercent > 10") && table.out().contains("OWNER_MANAGER(sales_manager)"), table.out());

        Result csv = run("approvals", "definitions", "--format", "csv");
        assertEquals("id,name,entity,condition,priority,active,steps", csv.out().lines().findFirst().orElseThrow(), csv.out());
        assertTrue(csv.out().contains(",Quote discount > 10 %,quote,maxDiscountPercent > 10,100,true,"), csv.out());

        Result json = run("approvals", "definitions", "--format", "json");
        assertTrue(json.out().contains("\"name\": \"Quote discount > 10 %\""), json.out());

        Result inbox = run("approvals", "list", "--pending", "--format", "json");
        assertEquals(CliCommand.OK, inbox.code(), inbox.toString());
        assertEquals("[]", inbox.out().strip());
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        Result noComment = run("approvals", "reject", "7");
        assertEquals(CliCommand.USAGE, noComment.code(), noComment.toString());
        assertTrue(noComment.err().contains("--comment"), noComment.err());

        Result notAnId = run("approvals", "approve", "七");
        assertEquals(CliCommand.USAGE, notAnId.code(), notAnId.toString());
        assertTrue(notAnId.err().contains("七"), notAnId.err());

        Result noSuchRequest = run("approvals", "approve", "999999", "--comment", "ok");
        assertEquals(CliCommand.USAGE, noSuchRequest.code(), noSuchRequest.toString());
        assertTrue(noSuchRequest.err().contains("999999"), noSuchRequest.err());

        Result both = run("approvals", "list", "--mine", "--pending");
        assertEquals(CliCommand.USAGE, both.code(), both.toString());
        Result unknown = run("approvals", "sign");
        assertEquals(CliCommand.USAGE, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("sign"), unknown.err());
    }
}
