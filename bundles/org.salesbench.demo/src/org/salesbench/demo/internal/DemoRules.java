package org.salesbench.demo.internal;

import java.util.List;
import java.util.Map;

import org.salesbench.workflow.rules.Operator;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleActionCall;
import org.salesbench.workflow.rules.RuleCondition;
import org.salesbench.workflow.rules.RuleService;

/** Three automation rules that show what rules are for, made through the rules' API once (kept by name). */
public final class DemoRules {

    private DemoRules() {
    }

    /** Adds the demo rules that are missing; returns how many were added. */
    public static int create(RuleService rules) {
        List<String> existing = rules.list().stream().map(Rule::getName).toList();
        int added = 0;
        for (Rule rule : List.of(webLead(), negotiation(), bigDeal())) {
            if (!existing.contains(rule.getName())) {
                rules.save(rule);
                added++;
            }
        }
        return added;
    }

    /** A new lead from the web form gets a call task for its owner, due within a day. */
    static Rule webLead() {
        Rule rule = new Rule(Messages.DemoRules_webLead, "lead", "org.salesbench.workflow.rules.recordCreated");
        rule.setConditions(List.of(new RuleCondition(RuleCondition.Join.AND, "source", Operator.EQUALS, "WEB_FORM")));
        rule.setActions(List.of(new RuleActionCall("org.salesbench.workflow.rules.createTask",
                Map.of("title", Messages.DemoRules_webLeadTask, "dueInDays", "1", "priority", "HIGH"))));
        return rule;
    }

    /** A deal that reaches negotiation tells its owner's manager. */
    static Rule negotiation() {
        Rule rule = new Rule(Messages.DemoRules_negotiation, "opportunity", "org.salesbench.workflow.rules.stageChanged");
        rule.setTriggerParameters(Map.of("to", "Negotiation"));
        rule.setActions(List.of(new RuleActionCall("org.salesbench.workflow.rules.notify",
                Map.of("recipient", "manager", "message", Messages.DemoRules_negotiationMessage))));
        return rule;
    }

    /** A new deal of a million or more, or one from a partner, gets a review task (demo rules never change records people edit). */
    static Rule bigDeal() {
        Rule rule = new Rule(Messages.DemoRules_bigDeal, "opportunity", "org.salesbench.workflow.rules.recordCreated");
        rule.setConditions(List.of(new RuleCondition(RuleCondition.Join.AND, "amount", Operator.AT_LEAST, "1000000"),
                new RuleCondition(RuleCondition.Join.OR, "source", Operator.EQUALS, "PARTNER")));
        rule.setActions(List.of(new RuleActionCall("org.salesbench.workflow.rules.createTask",
                Map.of("title", Messages.DemoRules_bigDealTask, "dueInDays", "2"))));
        return rule;
    }
}
