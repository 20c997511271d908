package org.salesbench.contracts.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;

/**
 * The Contracts view's filter bar on the workbench: ending within N days (the days shown, 30 to start, changed in place),
 * overdue and the status, each ticked or chosen as a user does, the list following (three contracts of one search).
 */
class ContractFiltersUiTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 6);
    private final LocalDate today = LocalDate.now(Clocks.system());

    /**
     * An approved contract of a new customer named {@code name} plus the run's mark, from a won deal, running from 30 days
     * ago to {@code end} (none when {@code null}).
     */
    private Contract approved(String name, LocalDate end) {
        Customer customer = Services.get(CustomerService.class).create(new Customer(name + unique));
        Opportunity o = new Opportunity(customer, "筛选合同商机" + unique, Money.cny("6000"));
        o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        o.setExpectedCloseDate(today.plusDays(10));
        OpportunityService deals = Services.get(OpportunityService.class);
        Opportunity won = deals.markWon(deals.create(o).getId(), null);
        ContractService contracts = Services.get(ContractService.class);
        Contract contract = contracts.createFromOpportunity(won.getId());
        if (end != null) {
            contract.setStartDate(today.minusDays(30));
            contract.setEndDate(end);
            contract = contracts.update(contract);
        }
        if (contracts.submitForApproval(contract.getId()).getStatus() == ContractStatus.IN_APPROVAL) {
            contracts.recordApprovalDecision(contract.getId(), true, "同意");
        }
        return contracts.find(contract.getId()).orElseThrow();
    }

    private Contract signedEnding(String name, LocalDate end) {
        ContractService contracts = Services.get(ContractService.class);
        return contracts.sign(approved(name, end).getId(), today.minusDays(30));
    }

    private static void tick(Button check, boolean on) {
        check.setSelection(on);
        check.notifyListeners(SWT.Selection, new Event());
    }

    private static void shows(ContractsView view, Set<String> customers, String what) {
        UiTesting.waitUntil(what, () -> {
            UiTesting.waitForJobs(Jobs.FAMILY);
            UiTesting.processEvents();
            return view.loadedRows().size() == customers.size() && view.loadedRows().stream()
                    .map(r -> r.contract().getCustomer().getName()).collect(Collectors.toSet()).equals(customers);
        });
    }

    @Test
    void endingWithinDaysOverdueAndStatusFilterTheList() throws Exception {
        Contract soon = signedEnding("十日到期", today.plusDays(10));
        Contract later = signedEnding("五十日到期", today.plusDays(50));
        Contract late = approved("逾期未付", null);
        Services.get(ReceivablesService.class).setPlan(late.getId(), List.of(PlannedInstalment.percent(today.minusDays(5), "100")), null);
        String soonName = soon.getCustomer().getName();
        String laterName = later.getCustomer().getName();
        String lateName = late.getCustomer().getName();

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ContractsView view = (ContractsView) page.showView(ContractsView.ID);
        List<String> errors = new java.util.ArrayList<>();
        view.setErrorReporter(errors::add);
        UiTesting.type(view.searchBox(), unique);
        shows(view, Set.of(soonName, laterName, lateName), "the three contracts listed");

        // overdue: the contract whose instalment fell due five days ago and is not paid
        tick(view.overdueCheck(), true);
        shows(view, Set.of(lateName), "only the overdue contract");
        tick(view.overdueCheck(), false);
        shows(view, Set.of(soonName, laterName, lateName), "all three again");

        // ending within 30 days (the days shown), then within 60 as typed into the spinner
        assertEquals(ContractsView.EXPIRING_DAYS, view.expiringDays().getSelection());
        assertTrue(view.expiringCheck().getText().length() > 0 && !view.expiringCheck().getSelection());
        tick(view.expiringCheck(), true);
        shows(view, Set.of(soonName), "only the contract ending in ten days");
        view.expiringDays().setSelection(60);
        view.expiringDays().notifyListeners(SWT.Modify, new Event());
        shows(view, Set.of(soonName, laterName), "both signed contracts within sixty days");
        assertEquals(60, view.filter().expiringDays().getAsInt());

        // with the status: signed ones are both, approved ones none of them
        view.statusCombo().select(List.of(ContractStatus.values()).indexOf(ContractStatus.SIGNED) + 1);
        view.statusCombo().notifyListeners(SWT.Selection, new Event());
        shows(view, Set.of(soonName, laterName), "signed and ending within sixty days");
        view.statusCombo().select(List.of(ContractStatus.values()).indexOf(ContractStatus.APPROVED) + 1);
        view.statusCombo().notifyListeners(SWT.Selection, new Event());
        shows(view, Set.of(), "no approved contract ends soon");
        view.statusCombo().select(0);
        view.statusCombo().notifyListeners(SWT.Selection, new Event());
        tick(view.expiringCheck(), false);
        shows(view, Set.of(soonName, laterName, lateName), "all three once the filters are off");
        UiTesting.screenshot("contracts-filters");
        assertEquals(List.of(), errors);
        page.hideView(view);
    }
}
