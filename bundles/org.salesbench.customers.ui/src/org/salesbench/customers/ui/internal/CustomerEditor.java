package org.salesbench.customers.ui.internal;


import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.CustomerEditorSite;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.EntityFormEditor;

/**
 * A customer in a form editor: Overview, Contacts, Activities, and pages other bundles add.
 * Validation on every edit, Save disabled while invalid and the reload-or-keep choice after a
 * conflicting save come from {@link EntityFormEditor}.
 */
public class CustomerEditor extends EntityFormEditor<Customer> implements CustomerEditorSite {

    public static final String ID = "org.salesbench.customers.ui.editors.customer";

    private CustomerService service;

    public static CustomerEditor open(IWorkbenchPage page, long id, String name) throws PartInitException {
        return (CustomerEditor) page.openEditor(new CustomerEditorInput(id, name), ID);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof CustomerEditorInput customerInput)) {
            throw new PartInitException("Not a customer: " + input);
        }
        service = Services.get(CustomerService.class);
        setEntity(service.find(customerInput.id())
                .orElseThrow(() -> new PartInitException(NLS.bind(Messages.Editor_notFound, customerInput.getName()))));
        super.init(site, input);
        setPartName(customer().getName());
    }

    @Override
    protected void addPages() {
        try {
            addPage(new OverviewPage(this));
            addPage(new ContactsPage(this));
            addPage(new ActivitiesPage(this));
            for (ContributionRegistries.PageDescriptor d : ContributionRegistries.pages()) {
                IFormPage page = d.factory().get()
                        .map(f -> LazyContribution.safeCall(d.id(), () -> f.createPage(this, d.id(), d.label(), customer()), (IFormPage) null))
                        .orElse(null);
                if (page != null) {
                    addPage(page);
                }
            }
        } catch (PartInitException e) {
            org.eclipse.core.runtime.ILog.of(CustomerEditor.class).error(e.getMessage(), e);
        }
    }

    @Override
    public Customer customer() {
        return entity();
    }

    /** The History page (the audit trail's, as on every record editor) follows the pages above. */
    @Override
    public String recordEntity() {
        return Customer.ENTITY;
    }

    CustomerService service() {
        return service;
    }

    @Override
    protected Editing<Customer> editing() {
        return new Editing<Customer>(service::validate, service::update, customer -> service.find(customer.getId()), Customer::getName,
                Messages.Editor_cannotSave);
    }

    /** The Overview page's fields: Edit › Undo of a save puts them back. */
    @Override
    protected java.util.function.BiConsumer<Customer, Customer> editedFields() {
        return (from, to) -> {
            to.setName(from.getName());
            to.setShortName(from.getShortName());
            to.setCreditCode(from.getCreditCode());
            to.setIndustry(from.getIndustry());
            to.setRegion(from.getRegion());
            to.setAddress(from.getAddress());
            to.setSize(from.getSize());
            to.setGrade(from.getGrade());
            to.setStatus(from.getStatus());
            to.setSource(from.getSource());
            to.setOwner(from.getOwner());
            to.setNextFollowUp(from.getNextFollowUp());
            to.setNeeds(from.getNeeds());
            to.setNotes(from.getNotes());
            java.util.Set<String> tags = new java.util.LinkedHashSet<>(from.getTags());
            to.getTags().clear();
            to.getTags().addAll(tags);
        };
    }

    /** A page that shows the customer's fields and their errors. */
    interface ValidatingPage extends EntityFormEditor.ValidatingPage<Customer> {
    }
}
