package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.workflow.internal.rules.RuleServiceImpl;
import org.salesbench.workflow.rules.Operator;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleCondition;
import org.salesbench.workflow.rules.RuleCondition.Join;
import org.salesbench.workflow.rules.RuleExecution;

/**
 * A scheduled rule's tick on Derby with two engines on one database, as two workbenches would run it: every record
 * meeting the conditions is acted on once, by one of them, and neither acts again the same day; a by-hand run still runs.
 */
class ScheduledRuleClaimTest {

    static final String SCHEDULE = "org.salesbench.workflow.rules.schedule";

    @Test
    void twoEnginesTickingTogetherRunEachRecordsActionsOnce() throws Exception {
        try (RuleFixture fx = new RuleFixture()) {
            RuleServiceImpl second = new RuleServiceImpl(fx.db, fx.security, fx.services);
            try {
                ticksOnce(fx, fx.rules, second);
            } finally {
                second.close();
            }
        }
    }

    /**
     * Makes six web deals and two others through {@code fx}, a daily rule setting the web deals' next step, then ticks
     * {@code a} and {@code b} at once, twice: the six are acted on once in all.
     */
    static void ticksOnce(RuleFixture fx, RuleServiceImpl a, RuleServiceImpl b) throws Exception {
        Customer customer = fx.customer("苏州工业园区精密制造");
        List<Opportunity> web = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            web.add(fx.opportunity(customer, "网站询盘 " + i, "10000", "Web", "制造"));
        }
        fx.opportunity(customer, "展会线索", "20000", "Trade show", "制造");
        fx.opportunity(customer, "老客户转介绍", "30000", "Referral", "制造");
        Rule rule = RuleEngineTest.rule("Call web deals today", "opportunity", SCHEDULE,
                List.of(new RuleCondition(Join.AND, "source", Operator.EQUALS, "Web")),
                RuleEngineTest.recording(), RuleEngineTest.setField("nextStep", "Call today"));
        rule = fx.rules.save(rule);
        fx.settle();

        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<RuleExecution> ran = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                List<Callable<List<RuleExecution>>> ticks = List.of(a::runScheduledRules, b::runScheduledRules);
                for (Future<List<RuleExecution>> f : clients.invokeAll(ticks)) {
                    ran.addAll(f.get());
                }
            }
            fx.settle();
            assertEquals(6, ran.size(), "one execution per web deal across both engines and both rounds");
            Map<String, Long> fired = RuleFixture.fired().stream().collect(Collectors.groupingBy(x -> x, Collectors.counting()));
            assertEquals(web.stream().map(o -> "Call web deals today@" + RuleFixture.ref(o)).collect(Collectors.toSet()), fired.keySet());
            assertEquals(List.of(1L), fired.values().stream().distinct().toList(), fired.toString());
            for (Opportunity o : web) {
                assertEquals("Call today", fx.opportunities.find(o.getId()).orElseThrow().getNextStep());
            }
            assertEquals(6, fx.log(rule.getId()).size());

            // someone running the rule by hand asked for it: it runs again
            assertEquals(6, fx.rules.run(rule.getId(), null).size());
            assertEquals(12, RuleFixture.fired().size());
        } finally {
            clients.shutdownNow();
        }
    }
}
