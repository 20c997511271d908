package org.salesbench.opportunities.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.core.commands.Command;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadRow;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityRow;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.FilteredListView;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.testing.UiTesting;

/**
 * The Edit menu's Delete and the File menu's New… (the platform's commands, as the menus, keys and Quick Access run
 * them) on the Opportunities and Leads lists: Delete asks, puts the record in the recycle bin at the version the list
 * shows and Edit › Undo brings it back; a record changed since it was listed is reported and not deleted; New… opens
 * the list's own wizard or dialog.
 */
class ListDeleteNewUiTest {

    private IWorkbenchPage page;
    private OpportunityService opportunities;
    private LeadService leads;
    private String unique;
    private final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        opportunities = Services.get(OpportunityService.class);
        leads = Services.get(LeadService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
        UiTesting.processEvents();
    }

    private Opportunity deal(String name) {
        // a customer of its own per deal: the list is filtered by the customer's name, and another test's deal of the
        // same customer would be listed beside this one
        Customer customer = Services.get(CustomerService.class).create(new Customer(name + "公司"));
        Opportunity o = new Opportunity(customer, name, Money.cny("5000"));
        o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(30));
        return opportunities.create(o);
    }

    /** The list filtered by {@code text} (the search matches the start of a customer's or a company's name), its first row selected. */
    private <V extends FilteredListView<?>> V listing(String id, Class<V> type, String text, Long... rowIds) throws Exception {
        int rows = rowIds.length;
        V view = type.cast(page.showView(id));
        view.setErrorReporter(errors::add); // the view lives on from other test classes, which may have set their own
        page.activate(view);
        view.searchBox().setText(text);
        UiTesting.waitUntil("the list filtered", () -> view.filter().toString().contains(unique), 5_000);
        UiTesting.waitForJobs(Jobs.FAMILY);
        // the records themselves, not only their number: the search runs a moment after the typing, and until then the
        // list still shows what another test left in it
        UiTesting.waitUntil("the rows " + List.of(rowIds), () -> {
            UiTesting.waitForJobs(Jobs.FAMILY);
            if (view.rowCount() != rows) {
                return false;
            }
            for (int i = 0; i < rows; i++) {
                Object data = view.rowData(i);
                Long shown = data instanceof LeadRow l ? Long.valueOf(l.id()) : data instanceof OpportunityRow o ? Long.valueOf(o.id()) : null;
                if (!rowIds[i].equals(shown)) {
                    return false;
                }
            }
            return true;
        }, 10_000);
        if (rows > 0) {
            view.selectListRow(0);
        }
        view.getSite().getShell().forceActive();
        view.listControl().setFocus(); // the Delete command acts on the rows, not on the search box's text
        UiTesting.waitUntil("the table focused", () -> view.listControl().isFocusControl());
        // the commands act on the active part: another list left active would delete its own selection
        UiTesting.waitUntil("the list active", () -> page.getActivePart() == view);
        return view;
    }

    private static void run(String commandId) throws Exception {
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(commandId, null);
    }

    private static boolean enabled(String commandId) {
        Command command = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(commandId);
        UiTesting.processEvents();
        return command.isHandled() && command.isEnabled();
    }

    @Test
    void editDeleteMovesTheSelectedOpportunityToTheBinAndUndoBringsItBack() throws Exception {
        Opportunity o = deal("删除商机" + unique);
        OpportunitiesView view = listing(OpportunitiesView.ID, OpportunitiesView.class, o.getCustomer().getName(), o.getId());
        assertTrue(enabled("org.eclipse.ui.edit.delete"), "Delete is offered for the selected opportunity");

        UiTesting.DialogAnswer confirmed = UiTesting.whenDialogOpens("Delete", shell -> {
            assertTrue(UiTesting.shownText(shell).contains(o.getName()), UiTesting.shownText(shell));
            UiTesting.screenshot("opportunity-delete-confirm");
            UiTesting.click(shell, "OK");
        });
        run("org.eclipse.ui.edit.delete");
        confirmed.assertAnswered();
        UiTesting.waitUntil("the opportunity deleted", () -> opportunities.find(o.getId()).isEmpty());
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the row gone", () -> view.rowCount() == 0);
        assertTrue(Undo.history().getUndoOperation(Undo.context()).getLabel().contains(o.getName()),
                Undo.history().getUndoOperation(Undo.context()).getLabel());

        Undo.history().undo(Undo.context(), null, null);
        assertEquals(o.getName(), opportunities.find(o.getId()).orElseThrow().getName(), "restored by Undo");
        Undo.history().redo(Undo.context(), null, null);
        assertTrue(opportunities.find(o.getId()).isEmpty(), "deleted again by Redo");
        Undo.history().undo(Undo.context(), null, null);
        assertTrue(opportunities.find(o.getId()).isPresent());
    }

    @Test
    void anOpportunityChangedSinceItWasListedIsNotDeleted() throws Exception {
        Opportunity o = deal("冲突商机" + unique);
        listing(OpportunitiesView.ID, OpportunitiesView.class, o.getCustomer().getName(), o.getId());
        Opportunity other = opportunities.find(o.getId()).orElseThrow();
        other.setDescription("someone else's change");
        opportunities.update(other); // after the list read it

        UiTesting.DialogAnswer confirmed = UiTesting.whenDialogOpensPress("Delete", "OK");
        UiTesting.DialogAnswer conflict = UiTesting.whenDialogOpens("Changed by someone else", shell -> {
            assertTrue(UiTesting.shownText(shell).contains(o.getName()), UiTesting.shownText(shell));
            UiTesting.click(shell, "Cancel");
        });
        run("org.eclipse.ui.edit.delete");
        confirmed.assertAnswered();
        UiTesting.waitUntil("the conflict reported", conflict::answered);
        conflict.assertAnswered();
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals("someone else's change", opportunities.find(o.getId()).orElseThrow().getDescription(), "not deleted");
    }

    @Test
    void editDeleteOnTheLeadsListAndUndo() throws Exception {
        Lead lead = leads.create(new Lead("线索删除" + unique + "公司"));
        LeadsView view = listing(LeadsView.ID, LeadsView.class, lead.getCompany(), lead.getId());
        UiTesting.DialogAnswer confirmed = UiTesting.whenDialogOpensPress("Delete", "OK");
        run("org.eclipse.ui.edit.delete");
        confirmed.assertAnswered();
        UiTesting.waitUntil("the lead deleted", () -> {
            assertEquals(List.of(), errors, "the delete failed");
            return leads.find(lead.getId()).isEmpty();
        });
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the row gone", () -> view.rowCount() == 0);
        Undo.history().undo(Undo.context(), null, null);
        assertTrue(leads.find(lead.getId()).isPresent(), "restored by Undo");
    }

    @Test
    void newOpensEachListsOwnWizardOrDialog() throws Exception {
        listing(OpportunitiesView.ID, OpportunitiesView.class, "无此商机" + unique);
        assertFalse(enabled("org.eclipse.ui.edit.delete"), "nothing selected: Delete is grey");
        UiTesting.DialogAnswer wizard = UiTesting.whenDialogOpensPress("New opportunity", "Cancel");
        run("org.eclipse.ui.newWizard");
        wizard.assertAnswered();

        listing(LeadsView.ID, LeadsView.class, "无此线索" + unique);
        UiTesting.DialogAnswer dialog = UiTesting.whenDialogOpensPress("New lead", "Cancel");
        run("org.eclipse.ui.newWizard");
        UiTesting.waitUntil("the lead dialog opened", dialog::answered);
        dialog.assertAnswered();
    }
}
