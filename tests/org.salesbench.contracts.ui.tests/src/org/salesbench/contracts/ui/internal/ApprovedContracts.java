package org.salesbench.contracts.ui.internal;

import java.time.LocalDate;

import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.ui.Services;

/** Contracts the UI tests start from, made through the workbench's own services. */
final class ApprovedContracts {

    private ApprovedContracts() {
    }

    /** An approved contract from a won deal of {@code amount} (CNY) named {@code dealName}, for a new customer. */
    static Contract approved(String customerName, String dealName, String amount) {
        Customer customer = Services.get(CustomerService.class).create(new Customer(customerName));
        Opportunity o = new Opportunity(customer, dealName, Money.cny(amount));
        o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(10));
        OpportunityService deals = Services.get(OpportunityService.class);
        Opportunity won = deals.markWon(deals.create(o).getId(), null);
        ContractService service = Services.get(ContractService.class);
        Contract contract = service.createFromOpportunity(won.getId());
        if (service.submitForApproval(contract.getId()).getStatus() == ContractStatus.IN_APPROVAL) {
            service.recordApprovalDecision(contract.getId(), true, "同意");
        }
        return contract;
    }
}
