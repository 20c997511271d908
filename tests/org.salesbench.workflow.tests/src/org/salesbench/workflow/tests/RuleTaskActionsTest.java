package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.Clocks;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskPriority;
import org.salesbench.workflow.rules.Operator;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleActionCall;
import org.salesbench.workflow.rules.RuleCondition;
import org.salesbench.workflow.rules.RuleExecution.Outcome;

/** The create-task and notify actions through the real task service: one task per firing, never two for a run repeated. */
class RuleTaskActionsTest {

    private final RuleFixture fx = new RuleFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aNewWebDealGetsACallTaskAndANotificationForItsOwnerOnce() {
        Rule rule = RuleEngineTest.rule("Web deals: call", "opportunity", RuleEngineTest.CREATED,
                List.of(new RuleCondition(RuleCondition.Join.AND, "source", Operator.EQUALS, "Web")),
                new RuleActionCall("org.salesbench.workflow.rules.createTask", Map.of("title", "Call the buyer", "dueInDays", "1", "priority", "high")),
                new RuleActionCall("org.salesbench.workflow.rules.notify", Map.of("message", "A new web deal is yours")));
        rule = fx.rules.save(rule);
        Instant before = Instant.now(Clocks.system());
        Opportunity web = fx.opportunity(fx.customer("杭州西溪网络"), "官网改版", "80000", "Web", "互联网");
        fx.opportunity(fx.customer("温州瓯江电器"), "经销商系统", "90000", "Referral", "制造");
        fx.settle();

        assertEquals(Outcome.SUCCEEDED, fx.log(rule.getId()).get(0).getOutcome(), String.valueOf(fx.log(rule.getId()).get(0).getError()));
        List<Task> tasks = fx.tasks.list(TaskFilter.all(), 0, 10);
        assertEquals(2, tasks.size(), "a task and a notification, for the web deal only");
        Task call = tasks.stream().filter(t -> t.getTitle().equals("Call the buyer")).findFirst().orElseThrow();
        assertEquals(RuleFixture.ref(web), call.getRelated());
        assertEquals("tester", call.getAssignee());
        assertEquals(TaskPriority.HIGH, call.getPriority());
        assertEquals("rule:" + rule.getId(), call.getCreatedByRule());
        assertTrue(Duration.between(before.plus(Duration.ofDays(1)), call.getDueAt()).abs().toMinutes() < 5, call.getDueAt().toString());
        Task note = tasks.stream().filter(t -> t.getTitle().equals("A new web deal is yours")).findFirst().orElseThrow();
        assertEquals(TaskPriority.HIGH, note.getPriority());
        assertTrue(note.getDescription().contains("Web deals: call"), note.getDescription());

        // a scheduled rule run twice on one day makes its task once
        Rule daily = RuleEngineTest.rule("Daily web check", "opportunity", "org.salesbench.workflow.rules.schedule",
                List.of(new RuleCondition(RuleCondition.Join.AND, "source", Operator.EQUALS, "Web")),
                new RuleActionCall("org.salesbench.workflow.rules.createTask", Map.of("title", "Check the web deal")));
        long id = fx.rules.save(daily).getId();
        fx.rules.run(id, null);
        fx.rules.run(id, null);
        assertEquals(1, fx.tasks.count(new TaskFilter(null, null, null, null, null, "Check the web deal")));
        assertEquals(2, fx.log(id).size(), "both runs are logged");
    }
}
