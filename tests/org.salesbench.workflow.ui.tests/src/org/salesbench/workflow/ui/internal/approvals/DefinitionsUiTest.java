package org.salesbench.workflow.ui.internal.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.ui.Services;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.workflow.approvals.ApprovalDefinition;
import org.salesbench.workflow.approvals.ApprovalService;
import org.salesbench.workflow.approvals.ApproverKind;
import org.salesbench.workflow.approvals.ConditionOperator;

/**
 * The approval definitions view and editor in the real workbench under Xvfb, as its administrator (the owner of the
 * embedded database): a two-step definition made in the editor (first refused at OK for a step without approvers,
 * the dialog staying open with the engine's reason), then edited (a step removed, the value changed), then deleted.
 */
class DefinitionsUiTest {

    private IWorkbenchPage page;
    private ApprovalService approvals;
    private String name;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        approvals = Services.get(ApprovalService.class);
        name = "大额报价 " + UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        stored().ifPresent(d -> approvals.deleteDefinition(d.getId()));
        DefinitionsView view = (DefinitionsView) page.findView(DefinitionsView.ID);
        if (view != null) {
            page.hideView(view);
        }
    }

    private Optional<ApprovalDefinition> stored() {
        return approvals.definitions().stream().filter(d -> d.getName().equals(name)).findFirst();
    }

    private static Combo operatorCombo(Shell shell) {
        return UiTesting.find(shell, Combo.class, c -> Arrays.asList(c.getItems()).contains(">=")).get(0);
    }

    private static boolean shows(Shell shell, String text) {
        return !UiTesting.find(shell, Label.class, l -> l.getText().contains(text)).isEmpty()
                || !UiTesting.find(shell, Text.class, t -> t.getText().contains(text)).isEmpty();
    }

    private static void selectStep(Shell shell, int row) {
        UiTesting.selectRow(UiTesting.find(shell, Table.class, t -> true).get(0), row);
    }

    private void selectInView(DefinitionsView view) {
        UiTesting.waitUntil("the definition listed", () -> view.table().rowCount() > 0 && itemRow(view) >= 0);
        view.table().selectRow(itemRow(view));
    }

    private int itemRow(DefinitionsView view) {
        return view.shownDefinitions().stream().map(ApprovalDefinition::getName).toList().indexOf(name);
    }

    @Test
    void anAdministratorMakesEditsAndDeletesATwoStepDefinition() throws Exception {
        DefinitionsView view = (DefinitionsView) page.showView(DefinitionsView.ID);
        Composite bar = view.table().control().getParent();
        UiTesting.waitUntil("New offered to the administrator", () -> UiTesting.button(bar, Messages.Definitions_new).isEnabled());

        UiTesting.DialogAnswer made = UiTesting.whenDialogOpens(Messages.Definition_title, shell -> {
            UiTesting.type(UiTesting.labelled(shell, Messages.Definition_name, Text.class), name);
            UiTesting.choose(UiTesting.labelled(shell, Messages.Definition_entity, Combo.class), Messages.Entity_quote);
            UiTesting.choose(UiTesting.labelled(shell, Messages.Definition_condition, Combo.class), "grandTotal");
            assertTrue(shows(shell, Messages.Field_number), "the field's type is shown");
            UiTesting.choose(operatorCombo(shell), ">=");
            UiTesting.type(UiTesting.labelled(shell, Messages.Definition_condition, Text.class), "900000");

            UiTesting.click(shell, Messages.Step_add);
            UiTesting.type(UiTesting.labelled(shell, Messages.Step_name, Text.class), "经理审批");
            UiTesting.type(UiTesting.labelled(shell, Messages.Step_approversValue, Text.class), "sales_manager");
            Spinner sla = UiTesting.labelled(shell, Messages.Step_slaHours, Spinner.class);
            sla.setSelection(24);
            sla.notifyListeners(SWT.Modify, new Event());
            UiTesting.click(shell, Messages.Step_add);
            UiTesting.type(UiTesting.labelled(shell, Messages.Step_name, Text.class), "管理员审批");
            UiTesting.choose(UiTesting.labelled(shell, Messages.Step_kind, Combo.class), Messages.Kind_ROLE);
            UiTesting.click(UiTesting.button(shell, Messages.Step_allRequired));

            // a role step without its role: the engine refuses, the dialog stays open saying why
            UiTesting.click(shell, "OK");
            assertTrue(UiTesting.alive(shell) && shows(shell, Messages.Definition_refused.substring(0, 20)), "refused and still open");
            UiTesting.type(UiTesting.labelled(shell, Messages.Step_approversValue, Text.class), "administrator");
            selectStep(shell, 0);
            UiTesting.choose(UiTesting.labelled(shell, Messages.Step_escalateTo, Combo.class), "2");
            UiTesting.click(shell, "OK");
        });
        UiTesting.click(bar, Messages.Definitions_new);
        made.assertAnswered();

        ApprovalDefinition saved = stored().orElseThrow();
        assertEquals("quote", saved.getEntityType());
        assertEquals("grandTotal", saved.getConditionField());
        assertEquals(ConditionOperator.GE, saved.getConditionOperator());
        assertEquals("900000", saved.getConditionValue());
        assertEquals(List.of("经理审批", "管理员审批"), saved.getSteps().stream().map(s -> s.getName()).toList());
        assertEquals(ApproverKind.OWNER_MANAGER, saved.getSteps().get(0).getApproverKind());
        assertEquals(24, saved.getSteps().get(0).getSlaHours());
        assertEquals(Integer.valueOf(2), saved.getSteps().get(0).getEscalateToStep());
        assertEquals(ApproverKind.ROLE, saved.getSteps().get(1).getApproverKind());
        assertEquals("administrator", saved.getSteps().get(1).getApprovers());
        assertTrue(saved.getSteps().get(1).isAllRequired());
        UiTesting.screenshot("approval-definitions");

        selectInView(view);
        UiTesting.DialogAnswer edited = UiTesting.whenDialogOpens(Messages.Definition_title, shell -> {
            UiTesting.type(UiTesting.find(shell, Text.class, t -> "900000".equals(t.getText())).get(0), "950000");
            selectStep(shell, 1);
            UiTesting.click(shell, Messages.Step_remove);
            UiTesting.click(shell, "OK");
        });
        UiTesting.click(bar, Messages.Definitions_edit);
        edited.assertAnswered();
        ApprovalDefinition changed = stored().orElseThrow();
        assertEquals("950000", changed.getConditionValue());
        assertEquals(List.of("经理审批"), changed.getSteps().stream().map(s -> s.getName()).toList());
        assertEquals(null, changed.getSteps().get(0).getEscalateToStep(), "the escalation to the removed step went with it");

        selectInView(view);
        UiTesting.DialogAnswer deleted = UiTesting.whenDialogOpensPress(Messages.Definitions_deleteTitle, "OK");
        UiTesting.click(bar, Messages.Definitions_delete);
        deleted.assertAnswered();
        assertTrue(stored().isEmpty());
        UiTesting.waitUntil("the view lists it no more", () -> itemRow(view) < 0);
    }
}
