package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandException;
import org.salesbench.customers.Customer;
import org.salesbench.testing.CommandRunner;
import org.salesbench.workflow.internal.rules.cli.RulesCommand;
import org.salesbench.workflow.rules.Operator;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleActionCall;
import org.salesbench.workflow.rules.RuleCondition;
import org.salesbench.workflow.rules.RuleCondition.Join;
import org.salesbench.workflow.rules.RuleService;

/** {@code salesbench cli rules …} over the real engine on Derby: list, run (scheduled, and against one record), log, bad arguments. */
class RulesCommandTest {

    private final RuleFixture fx = new RuleFixture();
    private CommandRunner cli;

    @AfterEach
    void close() {
        fx.close();
    }

    private int run(String... args) throws CommandException {
        cli = new CommandRunner(new RulesCommand(), fx.db).with(RuleService.class, fx.rules);
        return cli.run(args);
    }

    private String out() {
        return cli.out();
    }

    @Test
    void aScheduledRuleRunsOverTheRecordsMeetingItsConditionsAndEveryRunIsListedAndLogged() throws CommandException {
        Customer a = fx.customer("上海申联机电");
        Customer b = fx.customer("南京东方医疗");
        for (Customer c : List.of(a, b)) {
            Customer stored = fx.customers.find(c.getId()).orElseThrow();
            stored.setGrade(c == a ? "A" : "C");
            fx.customers.update(stored);
        }
        Rule daily = RuleEngineTest.rule("A customers get a follow-up date", "customer", "org.salesbench.workflow.rules.schedule",
                List.of(new RuleCondition(Join.AND, "grade", Operator.EQUALS, "A"), new RuleCondition(Join.AND, "nextFollowUp", Operator.IS_EMPTY, null)),
                RuleEngineTest.setField("nextFollowUp", "2030-01-15"));
        long id = fx.rules.save(daily).getId();

        assertEquals(CliCommand.OK, run("run", Long.toString(id)));
        assertEquals("A customers get a follow-up date on customer#" + a.getId() + ": SUCCEEDED", out().strip());
        assertEquals("2030-01-15", fx.customers.find(a.getId()).orElseThrow().getNextFollowUp().toString());
        assertEquals(null, fx.customers.find(b.getId()).orElseThrow().getNextFollowUp());
        assertEquals(CliCommand.OK, run("run", Long.toString(id)));
        assertEquals("No record meets the rule's conditions: nothing was done.", out().strip(), "its follow-up date is set now");

        assertEquals(CliCommand.OK, run("list", "--format", "csv"));
        assertEquals("id,name,entity,trigger,enabled,owner,lastOutcome,lastRun", out().lines().findFirst().orElseThrow());
        assertTrue(out().lines().skip(1).findFirst().orElseThrow()
                .startsWith(id + ",A customers get a follow-up date,customer,org.salesbench.workflow.rules.schedule,true,tester,SUCCEEDED,"), out());
        assertEquals(CliCommand.OK, run("list", "--format", "json"));
        assertTrue(out().contains("\"id\": " + id + ", \"name\": \"A customers get a follow-up date\"") && out().contains("\"enabled\": true"), out());
        assertEquals(CliCommand.OK, run("list"));
        assertTrue(out().lines().toList().get(1).startsWith("--"), out());

        assertEquals(CliCommand.OK, run("log", "--rule", Long.toString(id), "--format", "csv"));
        List<String> lines = out().lines().toList();
        assertEquals(2, lines.size(), out());
        assertTrue(lines.get(1).endsWith("," + id + ",A customers get a follow-up date,customer," + a.getId() + ",SCHEDULED,SUCCEEDED,"), out());
    }

    @Test
    void anyRuleRunsAgainstOneRecordAndAFailureGivesExitCodeOne() throws CommandException {
        Rule rule = RuleEngineTest.rule("Big deals", "opportunity", RuleEngineTest.CREATED,
                List.of(new RuleCondition(Join.AND, "amount", Operator.GREATER_THAN, "100000")), new RuleActionCall("test.throwing", Map.of()));
        rule.setEnabled(false);
        long id = fx.rules.save(rule).getId();
        Customer customer = fx.customer("成都天府软件");
        long small = fx.opportunity(customer, "小单", "1000", "Web", "软件").getId();
        long big = fx.opportunity(customer, "大单", "500000", "Web", "软件").getId();

        assertEquals(CliCommand.OK, run("run", Long.toString(id), "--record", "opportunity:" + small));
        assertEquals("The conditions of the rule do not hold for opportunity#" + small + ": nothing was done.", out().strip());
        assertEquals(CliCommand.PARTIAL, run("run", Long.toString(id), "--record", "opportunity:" + big));
        assertEquals("Big deals on opportunity#" + big + ": FAILED Action 1 (Throw): the mail server is down", out().strip());
        assertEquals(CliCommand.OK, run("log"));
        assertTrue(out().contains("MANUAL") && out().contains("FAILED"), out());
    }

    @Test
    void badArgumentsAreRefusedNamingTheProblem() throws CommandException {
        Rule rule = RuleEngineTest.rule("On create", "opportunity", RuleEngineTest.CREATED, List.of(), RuleEngineTest.recording());
        long id = fx.rules.save(rule).getId();
        assertEquals("Unknown action 'go': use list, run or log.", assertThrows(CommandException.class, () -> run("go")).getMessage());
        assertEquals("'opportunity' is not a record: write ENTITY:ID, e.g. opportunity:42.",
                assertThrows(CommandException.class, () -> run("run", Long.toString(id), "--record", "opportunity")).getMessage());
        assertEquals("ID must be a whole number, not 'x'.", assertThrows(CommandException.class, () -> run("run", "x")).getMessage());
        assertEquals("Rule 'On create' is not scheduled: name a record to run it against.",
                assertThrows(CommandException.class, () -> run("run", Long.toString(id))).getMessage());
        assertEquals("No rule 999999.", assertThrows(CommandException.class, () -> run("run", "999999")).getMessage());
        assertEquals("No opportunity record 424242.",
                assertThrows(CommandException.class, () -> run("run", Long.toString(id), "--record", "opportunity:424242")).getMessage());
        assertEquals("Rule 'On create' is about opportunity, not customer.",
                assertThrows(CommandException.class, () -> run("run", Long.toString(id), "--record", "customer:1")).getMessage());
    }
}
