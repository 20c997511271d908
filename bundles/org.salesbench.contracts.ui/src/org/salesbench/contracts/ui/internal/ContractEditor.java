package org.salesbench.contracts.ui.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractService;
import org.salesbench.core.events.EventTopics;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.EntityFormEditor;

/**
 * A contract in a form editor: Overview (header, lines, the state machine's steps and the approval), Payment plan,
 * Receipts, Invoices, Documents (generated PDFs and attachments) and the audit trail's History. Every step is the model's; the editor reloads after each one and
 * whenever the contract changes elsewhere while it has no unsaved edits.
 */
public class ContractEditor extends EntityFormEditor<Contract> {

    public static final String ID = "org.salesbench.contracts.ui.editors.contract";

    private ContractService service;
    private ServiceRegistration<EventHandler> eventRegistration;
    private ServiceRegistration<EventHandler> renewalRegistration;

    public static ContractEditor open(IWorkbenchPage page, long id, String number) throws PartInitException {
        return (ContractEditor) page.openEditor(new ContractEditorInput(id, number), ID);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof ContractEditorInput contractInput)) {
            throw new PartInitException("Not a contract: " + input);
        }
        service = Services.get(ContractService.class);
        setEntity(service.find(contractInput.id())
                .orElseThrow(() -> new PartInitException(NLS.bind(Messages.Editor_notFound, contractInput.getName()))));
        super.init(site, input);
        setPartName(contract().getNumber());
        followChanges(site.getShell().getDisplay(), contractInput.id());
    }

    private void followChanges(Display display, long id) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, EventTopics.allOf(Contract.ENTITY));
        properties.put(EventConstants.EVENT_FILTER, "(" + EventTopics.PROPERTY_ID + "=" + id + ")");
        eventRegistration = FrameworkUtil.getBundle(ContractEditor.class).getBundleContext().registerService(EventHandler.class,
                event -> display.asyncExec(() -> {
                    if (getContainer() != null && !getContainer().isDisposed() && !hasChanges()) {
                        reload();
                    }
                }), properties);
        // the contract's renewal deal going to the recycle bin, or coming back, changes whether Renew is offered
        Dictionary<String, Object> deals = new Hashtable<>();
        deals.put(EventConstants.EVENT_TOPIC, EventTopics.allOf(org.salesbench.opportunities.Opportunity.ENTITY));
        renewalRegistration = FrameworkUtil.getBundle(ContractEditor.class).getBundleContext().registerService(EventHandler.class,
                event -> display.asyncExec(() -> {
                    if (getContainer() != null && !getContainer().isDisposed() && !hasChanges() && contract().getRenewalOpportunityId() != null
                            && String.valueOf(contract().getRenewalOpportunityId()).equals(String.valueOf(event.getProperty(EventTopics.PROPERTY_ID)))) {
                        reload();
                    }
                }), deals);
    }

    @Override
    public void dispose() {
        if (eventRegistration != null) {
            eventRegistration.unregister();
        }
        if (renewalRegistration != null) {
            renewalRegistration.unregister();
        }
        super.dispose();
    }

    @Override
    protected void addPages() {
        try {
            addPage(new ContractOverviewPage(this));
            addPage(new PaymentPlanPage(this));
            addPage(new ReceiptsPage(this));
            addPage(new InvoicesPage(this));
            addPage(new DocumentsPage(this));
        } catch (PartInitException e) {
            ILog.of(ContractEditor.class).error(e.getMessage(), e);
        }
    }

    /** The History page (the audit trail's, as on every record editor) follows the pages above. */
    @Override
    public String recordEntity() {
        return Contract.ENTITY;
    }

    public Contract contract() {
        return entity();
    }

    ContractService service() {
        return service;
    }

    @Override
    protected Editing<Contract> editing() {
        return new Editing<Contract>(service::validate, service::update, contract -> service.find(contract.getId()), Contract::getNumber,
                Messages.Editor_cannotSave);
    }
}
