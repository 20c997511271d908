package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.workflow.rules.Operator;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleActionCall;
import org.salesbench.workflow.rules.RuleCondition;
import org.salesbench.workflow.rules.RuleCondition.Join;

/** A rule that does not fit its entity is refused at save with a message naming the problem, and nothing is stored. */
class RuleValidationTest {

    private final RuleFixture fx = new RuleFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private List<String> refusal(Rule rule) {
        ValidationException e = assertThrows(ValidationException.class, () -> fx.rules.save(rule));
        assertEquals(List.of(), fx.rules.list(), "nothing saved");
        return e.getErrors().stream().map(FieldError::message).toList();
    }

    private static Rule lead(List<RuleCondition> conditions, RuleActionCall... actions) {
        return RuleEngineTest.rule("Web leads", "lead", RuleEngineTest.CREATED, conditions, actions);
    }

    @Test
    void aConditionOnAnUnknownFieldIsRefused() {
        assertEquals(List.of("Condition 2: lead has no field 'budgett'."), refusal(lead(List.of(
                new RuleCondition(Join.AND, "source", Operator.EQUALS, "Web"),
                new RuleCondition(Join.OR, "budgett", Operator.AT_LEAST, "1000")), RuleEngineTest.recording())));
    }

    @Test
    void aComparisonOfTheWrongTypeIsRefused() {
        assertEquals(List.of("Condition 1: 'is greater than' cannot compare the text field 'source'.",
                "Condition 2: 'contains' cannot compare the number field 'budget'.",
                "Condition 3: 'lots' is not a number value, as field 'score' needs."),
                refusal(lead(List.of(new RuleCondition(Join.AND, "source", Operator.GREATER_THAN, "A"),
                        new RuleCondition(Join.AND, "budget", Operator.CONTAINS, "5"),
                        new RuleCondition(Join.AND, "score", Operator.AT_LEAST, "lots")), RuleEngineTest.recording())));
    }

    @Test
    void actionsMissingTheirSettingsOrNotFittingTheRecordAreRefused() {
        assertEquals(List.of("Action 1 (Create a task): 'Title' is missing.",
                "Action 2 (Set a field): Field 'company' cannot be set by a rule.",
                "Action 3: no action 'sendFax' is installed."),
                refusal(lead(List.of(), new RuleActionCall("org.salesbench.workflow.rules.createTask", Map.of("dueInDays", "1")),
                        RuleEngineTest.setField("company", "ACME"), new RuleActionCall("sendFax", Map.of()))));
        Rule customer = RuleEngineTest.rule("Assign customers", "customer", RuleEngineTest.CREATED, List.of(),
                new RuleActionCall("org.salesbench.workflow.rules.assignOwner", Map.of()));
        assertEquals(List.of("Action 1 (Assign an owner): Owners are assigned by strategy only to leads and opportunities, not to customer."),
                refusal(customer));
        Rule followUp = RuleEngineTest.rule("Follow up", "customer", RuleEngineTest.CREATED, List.of(),
                RuleEngineTest.setField("nextFollowUp", "soon"));
        assertEquals(List.of("Action 1 (Set a field): 'soon' is not a date value, as field 'nextFollowUp' needs."), refusal(followUp));
    }

    @Test
    void aRuleWithoutNameActionsOrAKnownEntityIsRefused() {
        Rule nameless = RuleEngineTest.rule(" ", "opportunity", "org.salesbench.workflow.rules.stageChanged", List.of());
        assertEquals(List.of("The rule has no name.", "The rule has no action."), refusal(nameless));
        Rule onStageOfCustomer = RuleEngineTest.rule("Stage", "customer", "org.salesbench.workflow.rules.stageChanged", List.of(),
                RuleEngineTest.recording());
        assertEquals(List.of("Trigger (Stage changed): This trigger needs a record with a stage (an opportunity)."), refusal(onStageOfCustomer));
        Rule contract = RuleEngineTest.rule("Contracts", "contract", RuleEngineTest.CREATED, List.of(), RuleEngineTest.recording());
        assertEquals(List.of("Rules cannot be about 'contract'; choose one of: customer, lead, opportunity, quote."), refusal(contract));
        Rule missingClass = RuleEngineTest.rule("Broken add-on", "lead", RuleEngineTest.CREATED, List.of(),
                new RuleActionCall("test.missing", Map.of()));
        assertEquals(List.of("Action 1: no action 'test.missing' is installed."), refusal(missingClass));
        Rule fieldChange = RuleEngineTest.rule("Field", "lead", RuleEngineTest.FIELD_CHANGED, List.of(), RuleEngineTest.recording());
        assertEquals(List.of("Trigger (Field changed): 'Field' is missing."), refusal(fieldChange));
        fieldChange.setTriggerParameters(Map.of("field", "colour"));
        assertEquals(List.of("Trigger (Field changed): lead has no field 'colour'."), refusal(fieldChange));
    }

    @Test
    void aGoodRuleIsStoredWithItsSettingsAndComesBackTheSame() {
        Rule rule = lead(List.of(new RuleCondition(Join.AND, "source", Operator.EQUALS, "Web & fairs = 50%"),
                new RuleCondition(Join.OR, "budget", Operator.IS_NOT_EMPTY, null)),
                new RuleActionCall("org.salesbench.workflow.rules.createTask", Map.of("title", "致电客户\n确认需求", "dueInDays", "1")));
        long id = fx.rules.save(rule).getId();
        Rule read = fx.rules.find(id).orElseThrow();
        assertEquals(rule.getConditions(), read.getConditions());
        assertEquals(rule.getActions(), read.getActions());
        assertEquals("tester", read.getOwner());
        assertTrue(read.isEnabled());
    }
}
