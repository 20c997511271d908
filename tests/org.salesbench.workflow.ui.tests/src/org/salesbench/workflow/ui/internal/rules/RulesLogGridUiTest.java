package org.salesbench.workflow.ui.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.rules.Rule;
import org.salesbench.workflow.rules.RuleActionCall;
import org.salesbench.workflow.rules.RuleExecution;
import org.salesbench.workflow.rules.RuleService;

/**
 * The Rules view's execution log on the shared grid: the selected rule's runs, newest first as read, sorted by a header
 * click (here by when they ran, both ways, then back), Edit › Copy copying the log's cell when the log has the focus
 * (not the rules' grid above it), and the log's own layout kept after the view is closed.
 */
class RulesLogGridUiTest {

    @Test
    void theLogSortsByAnyColumnCopiesItsOwnCellsAndKeepsItsLayout() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        RuleService rules = Services.get(RuleService.class);
        CustomerService customers = Services.get(CustomerService.class);
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Customer first = customers.create(new Customer("日志甲 " + unique));
        Customer second = customers.create(new Customer("日志乙 " + unique));
        Rule rule = new Rule("Log grid " + unique, "customer", "org.salesbench.workflow.rules.recordCreated");
        rule.setActions(List.of(new RuleActionCall("org.salesbench.workflow.rules.setField", Map.of("field", "nextFollowUp", "value", "2030-01-15"))));
        long id = rules.save(rule).getId();
        try {
            rules.run(id, new RecordRef("customer", first.getId()));
            Thread.sleep(20); // the two runs at different instants
            rules.run(id, new RecordRef("customer", second.getId()));

            RulesView view = (RulesView) page.showView(RulesView.ID);
            view.reload();
            UiTesting.waitForJobs(Jobs.FAMILY);
            UiTesting.waitUntil("the rule listed", () -> view.rulesTable().selectWhere(r -> r.rule().getId() == id));
            VirtualGrid<RuleExecution> log = view.logTable();
            UiTesting.waitUntil("the rule's two runs in the log", () -> log.rows().loaded().size() == 2);
            assertEquals(List.of(second.getId(), first.getId()), records(log), "as read: newest first");

            log.clickHeader("at");
            assertEquals(List.of(first.getId(), second.getId()), records(log), "by when it ran, oldest first");
            log.clickHeader("at");
            assertEquals(List.of(second.getId(), first.getId()), records(log), "newest first");
            log.clickHeader("record");
            log.clickHeader("record");
            log.clickHeader("record");
            assertEquals(List.of(second.getId(), first.getId()), records(log), "a third click: the order read");

            // Edit › Copy with the log focused copies the log's cell, not the rules grid's
            page.activate(view);
            view.getSite().getShell().forceActive();
            UiTesting.waitUntil("the log focused", () -> log.control().setFocus() && log.control().isFocusControl());
            log.selectCell(1, "record");
            assertTrue(view.canCopySelection());
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.copy", null);
            assertEquals(log.cellText(1, "record"), UiTesting.clipboardText());
            assertTrue(UiTesting.clipboardText().endsWith("#" + first.getId()), UiTesting.clipboardText());

            // the log's layout (a hidden and a moved column, the sort) outlives closing the view, apart from the rules'
            log.hideColumn("error");
            log.moveColumn("outcome", 0);
            log.clickHeader("at");
            page.hideView(view);
            UiTesting.processEvents();
            RulesView again = (RulesView) page.showView(RulesView.ID);
            UiTesting.waitForJobs(Jobs.FAMILY);
            VirtualGrid<RuleExecution> logAgain = again.logTable();
            assertEquals("outcome", logAgain.visibleColumns().get(0));
            assertFalse(logAgain.visibleColumns().contains("error"));
            assertTrue(logAgain.ascending());
            assertTrue(again.rulesTable().visibleColumns().contains("lastOutcome"), "the rules' grid keeps its own layout");
            UiTesting.waitUntil("the rule listed again", () -> again.rulesTable().selectWhere(r -> r.rule().getId() == id));
            UiTesting.waitUntil("the log read again", () -> logAgain.rows().loaded().size() == 2);
            assertEquals(List.of(first.getId(), second.getId()), records(logAgain), "sorted as kept: oldest first");
            page.hideView(again);
        } finally {
            VirtualGrid.forgetLayouts(RulesView.ID);
            rules.delete(id);
        }
    }

    private static List<Long> records(VirtualGrid<RuleExecution> log) {
        return log.rows().loaded().stream().map(RuleExecution::getRecordId).toList();
    }
}
