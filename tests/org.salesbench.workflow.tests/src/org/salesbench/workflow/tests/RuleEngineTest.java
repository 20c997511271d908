package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.workflow.rules.Operator;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleActionCall;
import org.salesbench.workflow.rules.RuleCondition;
import org.salesbench.workflow.rules.RuleCondition.Join;
import org.salesbench.workflow.rules.RuleExecution;
import org.salesbench.workflow.rules.RuleExecution.Outcome;

/** The rule engine on Derby with the real services: conditions, isolation of failing actions, the loop guard. */
class RuleEngineTest {

    static final String CREATED = "org.salesbench.workflow.rules.recordCreated";
    static final String FIELD_CHANGED = "org.salesbench.workflow.rules.fieldChanged";
    static final String SET_FIELD = "org.salesbench.workflow.rules.setField";

    private final RuleFixture fx = new RuleFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    static Rule rule(String name, String entity, String trigger, List<RuleCondition> conditions, RuleActionCall... actions) {
        Rule rule = new Rule(name, entity, trigger);
        rule.setConditions(conditions);
        rule.setActions(List.of(actions));
        return rule;
    }

    static RuleActionCall recording() {
        return new RuleActionCall("test.recording", Map.of());
    }

    static RuleActionCall setField(String field, String value) {
        return new RuleActionCall(SET_FIELD, Map.of("field", field, "value", value));
    }

    @Test
    void andBindsTighterThanOrWhenDecidingWhetherARuleFires() {
        // (amount >= 100000 AND source = Web) OR industry contains 制造
        Rule rule = fx.rules.save(rule("Big web deals or manufacturing", "opportunity", CREATED, List.of(
                new RuleCondition(Join.AND, "amount", Operator.AT_LEAST, "100000"),
                new RuleCondition(Join.AND, "source", Operator.EQUALS, "web"),
                new RuleCondition(Join.OR, "industry", Operator.CONTAINS, "制造")), recording()));
        Customer customer = fx.customer("杭州云帆科技有限公司");
        Opportunity bigWeb = fx.opportunity(customer, "ERP 升级", "200000", "Web", "零售");
        fx.opportunity(customer, "小单", "50000", "Web", "零售");
        fx.opportunity(customer, "大单但是展会", "300000", "Trade show", "零售");
        Opportunity factory = fx.opportunity(customer, "工厂 MES", "10000", "Referral", "汽车制造");
        fx.settle();

        assertEquals(List.of(rule.getName() + "@" + RuleFixture.ref(bigWeb), rule.getName() + "@" + RuleFixture.ref(factory)), RuleFixture.fired());
        List<RuleExecution> log = fx.log(rule.getId());
        assertEquals(2, log.size());
        assertTrue(log.stream().allMatch(e -> e.getOutcome() == Outcome.SUCCEEDED && e.getError() == null && e.getTriggeredBy().equals("CREATED")));
    }

    @Test
    void anIndustryConditionWrittenWithALabelMatchesTheStoredCode() {
        // industries are stored as codes of the "industry" picklist; rules written before, or by hand, name a label
        Rule english = fx.rules.save(rule("Tech in English", "opportunity", CREATED,
                List.of(new RuleCondition(Join.AND, "industry", Operator.EQUALS, "Technology")), recording()));
        Rule chinese = fx.rules.save(rule("Tech in Chinese", "opportunity", CREATED,
                List.of(new RuleCondition(Join.AND, "industry", Operator.EQUALS, "信息技术")), recording()));
        Rule notBanking = fx.rules.save(rule("Not banking", "opportunity", CREATED,
                List.of(new RuleCondition(Join.AND, "industry", Operator.NOT_EQUALS, "Banking")), recording()));
        Customer customer = fx.customer("杭州云帆科技有限公司");
        Opportunity tech = fx.opportunity(customer, "云平台", "200000", "Web", "TECHNOLOGY");
        Opportunity bank = fx.opportunity(customer, "核心系统", "300000", "Web", "BANKING");
        fx.settle();

        assertEquals(java.util.Set.of(english.getName() + "@" + RuleFixture.ref(tech), chinese.getName() + "@" + RuleFixture.ref(tech),
                notBanking.getName() + "@" + RuleFixture.ref(tech)), java.util.Set.copyOf(RuleFixture.fired()), "the banking deal meets none of them");
        assertEquals(3, RuleFixture.fired().size(), "each once");
        assertEquals(List.of(), fx.log(english.getId()).stream().filter(e -> e.getRecordId() == bank.getId()).toList());
    }

    @Test
    void aDisabledRuleDoesNotFire() {
        Rule rule = rule("Off", "opportunity", CREATED, List.of(), recording());
        rule.setEnabled(false);
        fx.rules.save(rule);
        fx.opportunity(fx.customer("宁波港航物流"), "冷链", "10000", "Web", "物流");
        fx.settle();
        assertEquals(List.of(), RuleFixture.fired());
    }

    @Test
    void aThrowingActionIsIsolatedAndLoggedWhileTheChangeTheOtherActionsAndTheOtherRulesStand() {
        Rule failing = fx.rules.save(rule("Mail then note", "opportunity", CREATED, List.of(),
                new RuleActionCall("test.throwing", Map.of()), setField("nextStep", "Call the buyer")));
        Rule other = fx.rules.save(rule("Other", "opportunity", CREATED, List.of(), recording()));
        Opportunity deal = fx.opportunity(fx.customer("苏州精工机械"), "数控机床", "880000", "Web", "机械");
        fx.settle();

        assertEquals("Call the buyer", fx.opportunities.find(deal.getId()).orElseThrow().getNextStep(), "the action after the failing one ran");
        RuleExecution execution = fx.log(failing.getId()).get(0);
        assertEquals(Outcome.FAILED, execution.getOutcome());
        assertEquals("Action 1 (Throw): the mail server is down", execution.getError());
        assertEquals(deal.getId(), execution.getRecordId());
        assertEquals(List.of(other.getName() + "@" + RuleFixture.ref(deal)), RuleFixture.fired());
        assertEquals(Outcome.SUCCEEDED, fx.log(other.getId()).get(0).getOutcome());
    }

    @Test
    void anActionWhoseServiceIsMissingFailsAloneAndIsLogged() {
        Rule rule = fx.rules.save(rule("Approve", "opportunity", CREATED, List.of(),
                new RuleActionCall("org.salesbench.workflow.rules.startApproval", Map.of("definition", "big-deal")), recording()));
        Opportunity deal = fx.opportunity(fx.customer("无锡新能源"), "储能", "500000", "Web", "能源");
        fx.settle();
        RuleExecution execution = fx.log(rule.getId()).get(0);
        assertEquals(Outcome.FAILED, execution.getOutcome());
        assertEquals("Action 1 (Start an approval): No ApprovalStarter service is running.", execution.getError());
        assertEquals(List.of("Approve@" + RuleFixture.ref(deal)), RuleFixture.fired());
    }

    @Test
    void aRuleThatWouldTriggerItselfRunsOnceAndTheSecondTimeIsLoggedAsStopped() {
        Rule rule = rule("Normalise next step", "opportunity", FIELD_CHANGED, List.of(), setField("nextStep", "Send the proposal"));
        rule.setTriggerParameters(Map.of("field", "nextStep"));
        rule = fx.rules.save(rule);
        Opportunity deal = fx.opportunity(fx.customer("青岛海洋食品"), "冷库", "120000", "Web", "食品");
        fx.settle();
        assertEquals(List.of(), fx.log(rule.getId()), "creating is no change of a field");

        Opportunity stored = fx.opportunities.find(deal.getId()).orElseThrow();
        stored.setNextStep("Visit the plant");
        fx.opportunities.update(stored);
        fx.settle();

        assertEquals("Send the proposal", fx.opportunities.find(deal.getId()).orElseThrow().getNextStep());
        List<RuleExecution> log = fx.log(rule.getId());
        assertEquals(List.of(Outcome.LOOP_STOPPED, Outcome.SUCCEEDED), log.stream().map(RuleExecution::getOutcome).toList());
        assertEquals(0, log.get(1).getDepth());
        assertEquals(1, log.get(0).getDepth());
        assertTrue(log.get(0).getError().contains("Normalise next step"), log.get(0).getError());
    }

    @Test
    void twoRulesThatFeedEachOtherStopAfterEachRanOnce() {
        Rule ping = rule("Ping", "opportunity", FIELD_CHANGED, List.of(new RuleCondition(Join.AND, "nextStep", Operator.NOT_EQUALS, "ping")),
                setField("nextStep", "ping"));
        ping.setTriggerParameters(Map.of("field", "nextStep"));
        ping = fx.rules.save(ping);
        Rule pong = rule("Pong", "opportunity", FIELD_CHANGED, List.of(new RuleCondition(Join.AND, "nextStep", Operator.EQUALS, "ping")),
                setField("nextStep", "pong"));
        pong.setTriggerParameters(Map.of("field", "nextStep"));
        pong = fx.rules.save(pong);
        Opportunity deal = fx.opportunity(fx.customer("厦门海联贸易"), "外贸 ERP", "60000", "Web", "贸易");
        fx.settle();

        Opportunity stored = fx.opportunities.find(deal.getId()).orElseThrow();
        stored.setNextStep("go");
        fx.opportunities.update(stored);
        fx.settle();

        assertEquals("pong", fx.opportunities.find(deal.getId()).orElseThrow().getNextStep());
        assertEquals(List.of(Outcome.LOOP_STOPPED, Outcome.SUCCEEDED), fx.log(ping.getId()).stream().map(RuleExecution::getOutcome).toList());
        assertEquals(List.of(Outcome.SUCCEEDED), fx.log(pong.getId()).stream().map(RuleExecution::getOutcome).toList());
        assertEquals(2, fx.log(ping.getId()).get(0).getDepth());
    }

    @Test
    void aStageChangeFiresOnlyForTheStageNamed() {
        Rule rule = rule("Proposal reached", "opportunity", "org.salesbench.workflow.rules.stageChanged", List.of(), recording());
        rule.setTriggerParameters(Map.of("to", "proposal"));
        rule = fx.rules.save(rule);
        Opportunity deal = fx.opportunity(fx.customer("合肥智造"), "产线改造", "900000", "Web", "制造");
        fx.settle();
        var stages = fx.newBusiness().getStages();
        long needs = stages.stream().filter(s -> s.getName().equals("Needs analysis")).findFirst().orElseThrow().getId();
        long proposal = stages.stream().filter(s -> s.getName().equals("Proposal")).findFirst().orElseThrow().getId();
        fx.opportunities.moveToStage(deal.getId(), needs);
        fx.settle();
        assertEquals(List.of(), RuleFixture.fired());
        fx.opportunities.moveToStage(deal.getId(), proposal);
        fx.settle();
        assertEquals(List.of("Proposal reached@" + RuleFixture.ref(deal)), RuleFixture.fired());
        assertNull(fx.log(rule.getId()).get(0).getError());
    }

    private void changeNextStep(Opportunity deal, String nextStep) {
        Opportunity stored = fx.opportunities.find(deal.getId()).orElseThrow();
        stored.setNextStep(nextStep);
        fx.opportunities.update(stored);
        fx.settle();
    }

    @Test
    void aFieldChangeFiresOnTheFirstChangeOfARecordMadeBeforeTheRule() {
        Customer customer = fx.customer("厦门海韵贸易");
        Opportunity deal = fx.opportunity(customer, "展厅改造", "80000", "Web", "贸易");
        Opportunity other = fx.opportunity(customer, "仓储系统", "60000", "Web", "贸易");
        fx.settle();
        assertEquals(0, fx.rules.snapshots("opportunity"), "no rule watches opportunities yet");

        Rule rule = rule("Next step changed", "opportunity", FIELD_CHANGED, List.of(), recording());
        rule.setTriggerParameters(Map.of("field", "nextStep"));
        fx.rules.save(rule);
        fx.settle();
        assertEquals(2, fx.rules.snapshots("opportunity"));

        changeNextStep(deal, "Call the buyer");
        assertEquals(List.of("Next step changed@" + RuleFixture.ref(deal)), RuleFixture.fired());
        Opportunity stored = fx.opportunities.find(other.getId()).orElseThrow();
        stored.setSource("Referral");
        fx.opportunities.update(stored);
        fx.settle();
        assertEquals(1, RuleFixture.fired().size(), "another field's change is not this rule's");
        changeNextStep(other, "Send the samples");
        assertEquals(List.of("Next step changed@" + RuleFixture.ref(deal), "Next step changed@" + RuleFixture.ref(other)), RuleFixture.fired());
    }

    @Test
    void snapshotsGoWithTheirRecordAndWithTheLastRuleThatWatchesTheirEntity() {
        Rule rule = rule("Next step changed", "opportunity", FIELD_CHANGED, List.of(), recording());
        rule.setTriggerParameters(Map.of("field", "nextStep"));
        rule = fx.rules.save(rule);
        Rule daily = fx.rules.save(rule("Every day", "opportunity", "org.salesbench.workflow.rules.schedule", List.of(), recording()));
        Customer customer = fx.customer("温州瓯江电器");
        Opportunity kept = fx.opportunity(customer, "开关柜", "150000", "Web", "电气");
        Opportunity gone = fx.opportunity(customer, "配电箱", "50000", "Web", "电气");
        fx.settle();
        assertEquals(2, fx.rules.snapshots("opportunity"));
        assertEquals(0, fx.rules.snapshots("customer"), "no rule watches customers");

        fx.opportunities.delete(gone.getId());
        fx.settle();
        assertEquals(1, fx.rules.snapshots("opportunity"));

        rule.setEnabled(false);
        rule = fx.rules.save(rule);
        fx.settle();
        assertEquals(0, fx.rules.snapshots("opportunity"), "a scheduled rule compares nothing with a snapshot");

        rule.setEnabled(true);
        rule = fx.rules.save(rule);
        fx.settle();
        assertEquals(1, fx.rules.snapshots("opportunity"));
        changeNextStep(kept, "Sign");
        assertEquals(List.of("Next step changed@" + RuleFixture.ref(kept)), RuleFixture.fired());

        fx.rules.delete(rule.getId());
        fx.settle();
        assertEquals(0, fx.rules.snapshots("opportunity"));
        fx.rules.delete(daily.getId());
    }
}
