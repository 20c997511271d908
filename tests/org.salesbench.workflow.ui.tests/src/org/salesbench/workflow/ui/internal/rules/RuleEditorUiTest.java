package org.salesbench.workflow.ui.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.workflow.rules.Operator;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleActionCall;
import org.salesbench.workflow.rules.RuleCondition;
import org.salesbench.workflow.rules.RuleService;

/**
 * The Rules view and the rule editor in the real workbench under Xvfb, on the embedded Derby database: a rule built in
 * the form (trigger, conditions with and/or, an action with its settings), refused while a condition's value does not
 * fit its field, then saved and listed.
 */
class RuleEditorUiTest {

    private IWorkbenchPage page;
    private RulesView view;
    private RuleService rules;
    private String name;

    @BeforeEach
    void setUp() throws Exception {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        rules = Services.get(RuleService.class);
        name = "Big or partner deals " + UUID.randomUUID().toString().substring(0, 6);
        view = (RulesView) page.showView(RulesView.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
    }

    @AfterEach
    void tearDown() {
        rules.list().stream().filter(r -> r.getName().equals(name)).forEach(r -> rules.delete(r.getId()));
        page.hideView(view);
    }

    /** The combos of every condition row: and/or, field, comparison (the rows are what "Add Condition" made). */
    private static List<Composite> conditionRows(Shell shell) {
        List<String> operators = Arrays.stream(Operator.values()).map(Operator::label).toList();
        return UiTesting.find(shell, Combo.class, c -> Arrays.asList(c.getItems()).equals(operators)).stream().map(Control::getParent).toList();
    }

    private static void condition(Composite row, String join, String field, String operator, String value) {
        Control[] parts = row.getChildren();
        if (join != null) {
            UiTesting.choose((Combo) parts[0], join);
        }
        UiTesting.choose((Combo) parts[1], field);
        UiTesting.choose((Combo) parts[2], operator);
        UiTesting.type((Text) parts[3], value);
    }

    @Test
    void aRuleIsBuiltInTheFormRefusedWhileAValueDoesNotFitItsFieldThenSavedAndListed() {
        String[] refusal = new String[1];
        UiTesting.DialogAnswer answer = UiTesting.whenDialogOpens(Messages.Dialog_title, shell -> {
            RuleDialog dialog = (RuleDialog) shell.getData();
            UiTesting.type(UiTesting.labelled(shell, Messages.Dialog_name, Text.class), name);
            UiTesting.choose(UiTesting.labelled(shell, Messages.Dialog_entity, Combo.class), "Opportunity");
            UiTesting.choose(UiTesting.labelled(shell, Messages.Dialog_trigger, Combo.class), "Record created");
            UiTesting.click(shell, Messages.Dialog_addCondition);
            condition(conditionRows(shell).get(0), null, "Amount", "is at least", "a million");
            UiTesting.click(shell, Messages.Dialog_addCondition);
            condition(conditionRows(shell).get(1), "or", "Source", "equals", "PARTNER");
            UiTesting.click(shell, Messages.Dialog_addAction);
            Combo action = UiTesting.find(shell, Combo.class, c -> Arrays.asList(c.getItems()).contains("Set a field")).get(0);
            UiTesting.choose(action, "Set a field");
            Composite settings = (Composite) action.getParent().getChildren()[1];
            UiTesting.choose(UiTesting.labelled(settings, "Field", Combo.class), "Next step");
            UiTesting.type(UiTesting.labelled(settings, "Value", Text.class), "Review with the manager");

            UiTesting.click(shell, IDialogConstants.OK_LABEL);
            refusal[0] = dialog.getErrorMessage();
            UiTesting.type((Text) conditionRows(shell).get(0).getChildren()[3], "1000000");
            UiTesting.click(shell, IDialogConstants.OK_LABEL);
        });
        UiTesting.click(view.rulesTable().control().getParent(), Messages.View_new);
        answer.assertAnswered();

        assertNotNull(refusal[0], "OK with a bad value keeps the editor open with the problem");
        assertTrue(refusal[0].contains("Condition 1: 'a million' is not a number value, as field 'amount' needs."), refusal[0]);
        Rule saved = rules.list().stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
        assertEquals("opportunity", saved.getEntity());
        assertEquals("org.salesbench.workflow.rules.recordCreated", saved.getTriggerId());
        assertEquals(List.of(new RuleCondition(RuleCondition.Join.AND, "amount", Operator.AT_LEAST, "1000000"),
                new RuleCondition(RuleCondition.Join.OR, "source", Operator.EQUALS, "PARTNER")), saved.getConditions());
        assertEquals(List.of(new RuleActionCall("org.salesbench.workflow.rules.setField",
                Map.of("field", "nextStep", "value", "Review with the manager"))), saved.getActions());
        assertTrue(saved.isEnabled());
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the new rule is listed", () -> view.shownRules().stream()
                .anyMatch(row -> row.rule().getName().equals(name)));
    }

    @Test
    void anIndustryConditionOffersThePicklistsLabelsAndStoresTheCode() {
        List<List<String>> offered = new java.util.ArrayList<>();
        UiTesting.DialogAnswer answer = UiTesting.whenDialogOpens(Messages.Dialog_title, shell -> {
            RuleDialog dialog = (RuleDialog) shell.getData();
            UiTesting.type(UiTesting.labelled(shell, Messages.Dialog_name, Text.class), name);
            UiTesting.choose(UiTesting.labelled(shell, Messages.Dialog_entity, Combo.class), "Opportunity");
            UiTesting.choose(UiTesting.labelled(shell, Messages.Dialog_trigger, Combo.class), "Record created");
            UiTesting.click(shell, Messages.Dialog_addCondition);
            condition(conditionRows(shell).get(0), null, "Amount", "is at least", "1000");
            offered.add(dialog.offeredValues(0));
            condition(conditionRows(shell).get(0), null, "Industry", "equals", "Technology");
            offered.add(dialog.offeredValues(0));
            UiTesting.click(shell, Messages.Dialog_addAction);
            Combo action = UiTesting.find(shell, Combo.class, c -> Arrays.asList(c.getItems()).contains("Set a field")).get(0);
            UiTesting.choose(action, "Set a field");
            Composite settings = (Composite) action.getParent().getChildren()[1];
            UiTesting.choose(UiTesting.labelled(settings, "Field", Combo.class), "Next step");
            UiTesting.type(UiTesting.labelled(settings, "Value", Text.class), "Call the CIO");
            UiTesting.click(shell, IDialogConstants.OK_LABEL);
        });
        UiTesting.click(view.rulesTable().control().getParent(), Messages.View_new);
        answer.assertAnswered();

        assertEquals(List.of(), offered.get(0), "an amount offers no list");
        assertTrue(offered.get(1).contains("Technology") && offered.get(1).contains("Banking"), offered.get(1).toString());
        Rule saved = rules.list().stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
        assertEquals(List.of(new RuleCondition(RuleCondition.Join.AND, "industry", Operator.EQUALS, "TECHNOLOGY")), saved.getConditions(),
                "the label chosen is stored as the industry's code");
    }
}
