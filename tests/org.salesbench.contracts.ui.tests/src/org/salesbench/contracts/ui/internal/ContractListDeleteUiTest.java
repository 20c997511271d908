package org.salesbench.contracts.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractService;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Undo;
import org.salesbench.ui.testing.UiTesting;

/**
 * Edit › Delete on the Contracts list (the platform's command, as the menu and the Delete key run it): the contract's
 * own confirmation, the recycle bin, Edit › Undo; a contract changed since the list read it is reported, not deleted.
 */
class ContractListDeleteUiTest {

    private IWorkbenchPage page;
    private String unique;
    private ContractService contracts;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        unique = UUID.randomUUID().toString().substring(0, 6);
        contracts = Services.get(ContractService.class);
    }

    private Contract draft(String customerName) {
        Customer customer = Services.get(CustomerService.class).create(new Customer(customerName));
        Opportunity o = new Opportunity(customer, "删除合同商机" + unique, Money.cny("3000"));
        o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(10));
        OpportunityService deals = Services.get(OpportunityService.class);
        Opportunity won = deals.markWon(deals.create(o).getId(), null);
        return contracts.createFromOpportunity(won.getId());
    }

    private ContractsView listing(String text, Contract contract) throws Exception {
        ContractsView view = (ContractsView) page.showView(ContractsView.ID);
        page.activate(view);
        UiTesting.type(view.searchBox(), text);
        UiTesting.waitUntil("the contract listed", () -> {
            UiTesting.waitForJobs(Jobs.FAMILY);
            UiTesting.processEvents();
            return view.rowCount() == 1 && contract.getNumber().equals(view.grid().cellText(0, "number"));
        });
        view.selectListRow(0);
        // the Delete command acts on the active part's rows: the workbench window active, the grid focused (asked
        // again while waiting: under Xvfb with no window manager the first request can be lost)
        view.getSite().getShell().forceActive();
        UiTesting.waitUntil("the grid focused", () -> view.listControl().setFocus() && view.listControl().isFocusControl());
        UiTesting.waitUntil("the list active", () -> page.getActivePart() == view);
        return view;
    }

    private static void delete() throws Exception {
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.delete", null);
    }

    @Test
    void deleteMovesTheContractToTheBinAndUndoBringsItBack() throws Exception {
        String customer = "删除合同客户" + unique;
        Contract draft = draft(customer);
        ContractsView view = listing(customer, draft);
        UiTesting.DialogAnswer confirmed = UiTesting.whenDialogOpens("Delete\u2026", shell -> {
            assertTrue(UiTesting.shownText(shell).contains(draft.getNumber()), UiTesting.shownText(shell));
            UiTesting.click(shell, "OK");
        });
        delete();
        confirmed.assertAnswered();
        UiTesting.waitUntil("the contract deleted", () -> contracts.find(draft.getId()).isEmpty());
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the row gone", () -> view.rowCount() == 0);

        assertTrue(Undo.history().undo(Undo.context(), null, null).isOK());
        assertEquals(draft.getNumber(), contracts.find(draft.getId()).orElseThrow().getNumber(), "restored by Undo");
        assertTrue(Undo.history().redo(Undo.context(), null, null).isOK());
        assertTrue(contracts.find(draft.getId()).isEmpty(), "deleted again by Redo");
    }

    @Test
    void aContractChangedSinceItWasListedIsNotDeleted() throws Exception {
        String customer = "冲突合同客户" + unique;
        Contract draft = draft(customer);
        listing(customer, draft);
        Contract theirs = contracts.find(draft.getId()).orElseThrow();
        theirs.setTitle("someone else's title " + unique);
        contracts.update(theirs);

        UiTesting.DialogAnswer confirmed = UiTesting.whenDialogOpensPress("Delete\u2026", "OK");
        UiTesting.DialogAnswer conflict = UiTesting.whenDialogOpensPress("Changed by someone else", "Cancel");
        delete();
        confirmed.assertAnswered();
        UiTesting.waitUntil("the conflict reported", conflict::answered);
        conflict.assertAnswered();
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertEquals("someone else's title " + unique, contracts.find(draft.getId()).orElseThrow().getTitle(), "not deleted");
    }
}
