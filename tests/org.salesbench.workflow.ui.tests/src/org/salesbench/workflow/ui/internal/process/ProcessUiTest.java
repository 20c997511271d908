package org.salesbench.workflow.ui.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.forms.editor.FormEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.ui.OpportunityEditors;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.workflow.process.ChecklistItem;
import org.salesbench.workflow.process.ProcessService;

/** The process in the real workbench under Xvfb, on Derby: edit a step's checklist, see a stage move gated, tick, move. */
class ProcessUiTest {

    private IWorkbenchPage page;
    private ProcessService process;
    private OpportunityService opportunities;
    private Pipeline newBusiness;
    private String unique;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        process = Services.get(ProcessService.class);
        opportunities = Services.get(OpportunityService.class);
        newBusiness = Services.get(PipelineService.class).pipelines(false).stream()
                .filter(p -> "Pipeline_newBusiness".equals(p.getNameKey())).findFirst().orElseThrow();
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        UiTesting.processEvents();
    }

    private Stage stage(String nameKey) {
        return newBusiness.getStages().stream().filter(s -> nameKey.equals(s.getNameKey())).findFirst().orElseThrow();
    }

    @Test
    void aChecklistItemAddedInTheProcessEditorGatesTheStageMoveUntilItIsTickedOnTheOpportunity() throws Exception {
        String item = "现场考察已完成 " + unique;
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(page.getWorkbenchWindow().getShell(), ProcessPreferencePage.ID, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        ProcessPreferencePage editor = (ProcessPreferencePage) dialog.getSelectedPage();
        editor.select(newBusiness.getId(), 1); // Needs discovery
        UiTesting.type(UiTesting.labelled(dialog.getShell(), Messages.Editor_newItem, org.eclipse.swt.widgets.Text.class), item);
        UiTesting.click(dialog.getShell(), Messages.Editor_add);
        UiTesting.click(dialog.getShell(), "Apply and Close");
        UiTesting.waitUntil("the preference dialog closes", () -> !UiTesting.alive(dialog.getShell()));
        List<ChecklistItem> items = process.steps(newBusiness.getId()).get(1).getItems();
        ChecklistItem added = items.get(items.size() - 1);
        assertEquals(item, added.getLabel());
        assertTrue(added.isRequired(), "a new item is required unless unticked");

        Customer fresh = new Customer("流程测试客户" + unique);
        fresh.addContact(new Contact("李伟"));
        Customer customer = Services.get(CustomerService.class).create(fresh);
        Opportunity deal = new Opportunity(customer, "流程测试商机" + unique, Money.cny("80000"));
        deal.setPipeline(newBusiness);
        long id = opportunities.create(deal).getId();
        long needsAnalysis = stage("Stage_needsAnalysis").getId();
        List<String> refusals = opportunities.refusals(id, needsAnalysis);
        assertTrue(refusals.stream().anyMatch(r -> r.contains(item)), refusals.toString());

        OpportunityEditors.open(page, id, deal.getName());
        IEditorPart part = page.getActiveEditor();
        ((FormEditor) part).setActivePage(ChecklistPage.ID);
        ChecklistPage checklist = (ChecklistPage) ((FormEditor) part).findPage(ChecklistPage.ID);
        UiTesting.waitUntil("the checklist shows the new item", () -> checklist.checks().stream().anyMatch(b -> item.equals(b.getData()) || b.getText().contains(item)));
        assertTrue(checklist.openLine().contains(item), checklist.openLine());
        // each tick is saved at once and the page shows the checklist afresh: find the box again after each one
        List<Object> keys = checklist.checks().stream().map(Button::getData).toList();
        for (Object key : keys) {
            Button check = checklist.checks().stream().filter(b -> key.equals(b.getData())).findFirst().orElseThrow();
            if (!check.getSelection()) {
                UiTesting.click(check);
                UiTesting.waitForJobs(Jobs.FAMILY);
                UiTesting.waitUntil("the tick is shown", () -> checklist.checks().stream().anyMatch(b -> key.equals(b.getData()) && b.getSelection()));
            }
        }
        UiTesting.waitUntil("every item is ticked", () -> process.checklist(id).openRequired().isEmpty());
        UiTesting.waitUntil("the page says the deal may move on", () -> checklist.openLine().equals(Messages.Checklist_complete));
        assertFalse(opportunities.refusals(id, needsAnalysis).stream().anyMatch(r -> r.contains(item)));
        assertEquals(needsAnalysis, opportunities.moveToStage(id, needsAnalysis).getStage().getId());
    }
}
