package org.salesbench.customers.ui.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.IFormPage;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.ui.CustomerEditorSite;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.Services;

/**
 * A customer in a form editor: Overview, Contacts, Activities, and pages other bundles add. Each
 * edit is validated by the customer service; errors show on their fields and Save stays disabled
 * while there are any. A save that lost a race with another user is never forced through.
 */
public class CustomerEditor extends FormEditor implements CustomerEditorSite {

    public static final String ID = "org.salesbench.customers.ui.editors.customer";

    private CustomerService service;
    private Customer customer;
    private boolean dirty;
    private Map<String, String> errors = new HashMap<>();
    private BooleanSupplier conflictPrompt = this::askReloadAfterConflict;

    public static CustomerEditor open(IWorkbenchPage page, long id, String name) throws PartInitException {
        return (CustomerEditor) page.openEditor(new CustomerEditorInput(id, name), ID);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof CustomerEditorInput customerInput)) {
            throw new PartInitException("Not a customer: " + input);
        }
        service = Services.get(CustomerService.class);
        customer = service.find(customerInput.id())
                .orElseThrow(() -> new PartInitException(NLS.bind(Messages.Editor_notFound, customerInput.getName())));
        super.init(site, input);
        setPartName(customer.getName());
    }

    @Override
    protected void addPages() {
        try {
            addPage(new OverviewPage(this));
            addPage(new ContactsPage(this));
            addPage(new ActivitiesPage(this));
            for (ContributionRegistries.PageDescriptor d : ContributionRegistries.pages()) {
                IFormPage page = d.factory().get()
                        .map(f -> LazyContribution.safeCall(d.id(), () -> f.createPage(this, d.id(), d.label(), customer), (IFormPage) null))
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
        return customer;
    }

    CustomerService service() {
        return service;
    }

    /** Called by pages after every edit. */
    @Override
    public void markDirty() {
        dirty = true;
        revalidate();
        editorDirtyStateChanged();
    }

    private void revalidate() {
        Map<String, String> found = new HashMap<>();
        try {
            service.validate(customer);
        } catch (ValidationException e) {
            for (FieldError error : e.getErrors()) {
                found.putIfAbsent(error.field(), error.message());
            }
        }
        errors = found;
        for (Object page : pages) {
            if (page instanceof ValidatingPage v) {
                v.showErrors(errors);
            }
        }
        if (getActivePageInstance() != null && getActivePageInstance().getManagedForm() != null) {
            getActivePageInstance().getManagedForm().getForm().setMessage(
                    errors.isEmpty() ? null : NLS.bind(Messages.Editor_errors, errors.size(), errors.values().iterator().next()),
                    errors.isEmpty() ? IMessageProvider.NONE : IMessageProvider.ERROR);
        }
    }

    /** The current field errors, field name to message. */
    public Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    /** Dirty only when valid too, so that Save is disabled while a field is wrong. */
    @Override
    public boolean isDirty() {
        return dirty && errors.isEmpty();
    }

    /** Whether there are unsaved edits, valid or not. */
    public boolean hasChanges() {
        return dirty;
    }

    @Override
    public boolean isSaveOnCloseNeeded() {
        return dirty;
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        revalidate();
        if (!errors.isEmpty()) {
            MessageDialog.openError(getSite().getShell(), Messages.Editor_cannotSave, String.join("\n", errors.values()));
            monitor.setCanceled(true);
            return;
        }
        try {
            service.update(customer);
            reload();
        } catch (ConcurrentChangeException e) {
            monitor.setCanceled(true);
            if (conflictPrompt.getAsBoolean()) {
                reload();
            }
        } catch (ValidationException e) {
            monitor.setCanceled(true);
            MessageDialog.openError(getSite().getShell(), Messages.Editor_cannotSave, e.getMessage());
        }
    }

    private boolean askReloadAfterConflict() {
        MessageDialog dialog = new MessageDialog(getSite().getShell(), Messages.Editor_conflictTitle, null,
                NLS.bind(Messages.Editor_conflict, customer.getName()), MessageDialog.WARNING, 0, Messages.Editor_reload,
                Messages.Editor_keepMine);
        return dialog.open() == 0;
    }

    /** Tests answer the conflict question themselves: {@code true} reloads. */
    public void setConflictPrompt(BooleanSupplier prompt) {
        this.conflictPrompt = prompt;
    }

    /** Reads the customer again, dropping unsaved edits. */
    public void reload() {
        customer = service.find(customer.getId()).orElse(customer);
        dirty = false;
        errors = new HashMap<>();
        setPartName(customer.getName());
        ((CustomerEditorInput) getEditorInput()).setName(customer.getName());
        for (Object page : pages) {
            if (page instanceof ValidatingPage v) {
                v.reload(customer);
                v.showErrors(errors);
            }
        }
        editorDirtyStateChanged();
    }

    @Override
    public void doSaveAs() {
        // not offered
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    /** A page that shows the customer's fields and their errors. */
    interface ValidatingPage {
        void showErrors(Map<String, String> errors);

        void reload(Customer customer);
    }
}
