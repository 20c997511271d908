package org.salesbench.contracts.ui.internal;

import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;

/** The "Create contract" and "Renew" actions of the views and pages: the model makes the draft (the editor opens on it) or the renewal deal. */
public final class ContractCommands {

    private ContractCommands() {
    }

    /** Makes a draft from the won opportunity in a job and opens it; a refusal (a deal not won) goes to {@code failed}. */
    public static Job createFromOpportunity(Control owner, IWorkbenchPage page, long opportunityId, Consumer<String> failed) {
        return Jobs.load(owner, Messages.Job_createContract, () -> Services.get(ContractService.class).createFromOpportunity(opportunityId),
                contract -> open(page, contract, failed), e -> failed.accept(Jobs.message(e)));
    }

    /** Makes a draft from the accepted (or approved) quote in a job and opens it. */
    public static Job createFromQuote(Control owner, IWorkbenchPage page, long quoteId, Consumer<String> failed) {
        return Jobs.load(owner, Messages.Job_createContract, () -> Services.get(ContractService.class).createFromQuote(quoteId),
                contract -> open(page, contract, failed), e -> failed.accept(Jobs.message(e)));
    }

    /**
     * Makes the contract's renewal opportunity in a job (the model refuses, with the reason, a contract that has one or
     * cannot be renewed); {@code done} gets the line saying which deal was made, {@code failed} a refusal.
     */
    public static Job renew(Control owner, long contractId, Consumer<String> done, Consumer<String> failed) {
        return Jobs.load(owner, Messages.Step_renew, () -> Services.get(ContractService.class).createRenewalOpportunity(contractId),
                deal -> done.accept(org.eclipse.osgi.util.NLS.bind(Messages.Step_renewDone, deal.getName(),
                        org.salesbench.ui.forms.Formats.date(deal.getExpectedCloseDate()))),
                e -> failed.accept(Jobs.message(e)));
    }

    static void open(IWorkbenchPage page, Contract contract, Consumer<String> failed) {
        try {
            ContractEditor.open(page, contract.getId(), contract.getNumber());
        } catch (PartInitException e) {
            failed.accept(e.getMessage());
        }
    }
}
