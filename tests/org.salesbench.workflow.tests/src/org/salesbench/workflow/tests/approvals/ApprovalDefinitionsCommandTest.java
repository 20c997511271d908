package org.salesbench.workflow.tests.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.CliCommand;
import org.salesbench.workflow.internal.approvals.cli.Messages;

/**
 * {@code approvals definitions create|show|edit|delete} and {@code approvals escalate}, run in-process over the real
 * services as the launcher runs them (the owner of an embedded database is its administrator): a two-step definition
 * made, shown step by step, edited, deleted; bad input refused naming what is wrong, with nothing saved.
 */
class ApprovalDefinitionsCommandTest {

    private static final String NAME = "大额报价两级审批";
    private static final String STEPS = "经理审批: OWNER_MANAGER(sales_manager) one sla=24h escalate=2 | 总监审批: ROLE(administrator) all";

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(dir.resolve("db"), args);
    }

    private static void ok(CliRun result) {
        assertEquals(CliCommand.OK, result.code(), result.toString());
    }

    private static void refused(CliRun result, String named) {
        assertEquals(CliCommand.USAGE, result.code(), result.toString());
        assertTrue(result.err().contains(named), "the message names " + named + ": " + result.err());
    }

    @Test
    void aTwoStepDefinitionIsCreatedShownEditedAndDeleted() {
        ok(run("approvals", "definitions", "create", "--name", NAME, "--entity", "quote", "--condition", "grandTotal >= 500000",
                "--steps", STEPS, "--priority", "5"));

        CliRun shown = run("approvals", "definitions", "show", NAME, "--format", "csv");
        ok(shown);
        List<String> lines = shown.out().lines().toList();
        assertEquals("id,name,entity,condition,priority,active,step,step_name,approver_kind,approvers,decided_by,sla_hours,escalate_to", lines.get(0));
        assertEquals(3, lines.size(), shown.out());
        assertTrue(lines.get(1).endsWith("," + NAME + ",quote,grandTotal >= 500000,5,true,1,经理审批,OWNER_MANAGER,sales_manager,one,24,2"), lines.get(1));
        assertTrue(lines.get(2).endsWith(",2,总监审批,ROLE,administrator,all,0,"), lines.get(2));
        String id = lines.get(1).substring(0, lines.get(1).indexOf(','));

        // the list prints the steps as create reads them
        CliRun listed = run("approvals", "definitions");
        assertTrue(listed.out().contains(STEPS.replace("escalate=2", "escalate→2")), listed.out());

        ok(run("approvals", "definitions", "edit", NAME, "--condition", "grandTotal > 800000", "--active", "false", "--steps",
                "总监审批: ROLE(administrator) one sla=48h"));
        CliRun edited = run("approvals", "definitions", "show", id, "--format", "json");
        ok(edited);
        assertTrue(edited.out().contains("\"condition\": \"grandTotal > 800000\"") && edited.out().contains("\"active\": \"false\"")
                && edited.out().contains("\"sla_hours\": \"48\""), edited.out());
        assertFalse(edited.out().contains("经理审批"), "the steps were replaced: " + edited.out());

        CliRun deleted = run("approvals", "definitions", "delete", "#" + id);
        ok(deleted);
        assertTrue(deleted.out().contains(NAME), deleted.out());
        assertFalse(run("approvals", "definitions", "--format", "csv").out().contains(NAME));
        refused(run("approvals", "definitions", "show", id), id);
    }

    @Test
    void badDefinitionsAreRefusedNamingTheProblemAndNothingIsSaved() {
        refused(run("approvals", "definitions", "create", "--name", NAME, "--entity", "quote", "--condition", "grandTotal > 1"), "--steps");
        refused(run("approvals", "definitions", "create", "--name", NAME, "--entity", "quote", "--condition", "grandTotal ~ 1", "--steps", STEPS),
                "grandTotal ~ 1");
        refused(run("approvals", "definitions", "create", "--name", NAME, "--entity", "quote", "--condition", "grandTotal > 1", "--steps",
                "经理审批: BOSS(wang)"), "BOSS");
        refused(run("approvals", "definitions", "create", "--name", NAME, "--entity", "quote", "--condition", "grandTotal > 1", "--steps",
                "经理审批: ROLE(sales_manager) soon"), "soon");
        // what only the engine knows: the field, the role, the escalation chain
        refused(run("approvals", "definitions", "create", "--name", NAME, "--entity", "quote", "--condition", "margin > 1", "--steps", STEPS),
                "margin");
        refused(run("approvals", "definitions", "create", "--name", NAME, "--entity", "quote", "--condition", "grandTotal > 1", "--steps",
                "经理审批: ROLE(chief_of_everything)"), "chief_of_everything");
        refused(run("approvals", "definitions", "create", "--name", NAME, "--entity", "quote", "--condition", "grandTotal > 1", "--steps",
                "一: ROLE(sales_manager) sla=8h escalate=2 | 二: ROLE(administrator) sla=8h escalate=1"), "1 → 2 → 1");
        refused(run("approvals", "definitions", "edit", "no such definition", "--priority", "3"), "no such definition");
        refused(run("approvals", "definitions", "edit", NAME), "--steps");
        refused(run("approvals", "definitions", "rename", NAME), "rename");

        CliRun all = run("approvals", "definitions", "--format", "csv");
        ok(all);
        assertFalse(all.out().contains(NAME), "nothing was saved: " + all.out());
    }

    @Test
    void escalateRunsForCron() {
        CliRun escalated = run("approvals", "escalate");
        ok(escalated);
        assertEquals(NLS.bind(Messages.Approvals_escalated, 0, 0), escalated.out().strip());
    }
}
