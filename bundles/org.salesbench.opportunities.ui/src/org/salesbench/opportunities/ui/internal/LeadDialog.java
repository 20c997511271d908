package org.salesbench.opportunities.ui.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.salesbench.core.recyclebin.DeletedRecord;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadSource;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.Services;

/**
 * Edits a lead (or makes a new one). OK stays disabled while a field is wrong; OK saves through
 * the lead service, and a refusal (someone else saved it meanwhile, a rule the service checks
 * only on save) stays in the dialog with its message.
 */
public class LeadDialog extends TitleAreaDialog {

    private final LeadService service;
    private final List<LeadSource> sources;
    private final Lead lead;
    private LeadFields fields;
    private Lead saved;

    public LeadDialog(Shell shell, LeadService service, List<LeadSource> sources, Lead lead) {
        super(shell);
        this.service = service;
        this.sources = sources;
        this.lead = lead;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(lead.isNew() ? Messages.LeadDialog_newTitle : Messages.LeadDialog_editTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(lead.isNew() ? Messages.LeadDialog_newTitle : lead.getCompany());
        setMessage(Messages.LeadDialog_message);
        deletedCustomer().ifPresent(customer -> setMessage(NLS.bind(Messages.LeadDialog_customerDeleted, customer.name()), IMessageProvider.WARNING));
        fields = new LeadFields(area, service, sources, lead, !lead.isNew(), this::update);
        fields.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return area;
    }

    /** The customer the lead was converted to or duplicates, when it is in the recycle bin: the link stays and says so. */
    private Optional<DeletedRecord> deletedCustomer() {
        RecycleBin bin = Services.get(RecycleBin.class);
        return java.util.stream.Stream.of(lead.getCustomerId(), lead.getDuplicateCustomerId()).filter(java.util.Objects::nonNull)
                .map(id -> bin.findDeleted(Customer.ENTITY, id)).flatMap(Optional::stream).findFirst();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        update();
    }

    private void update() {
        var shown = fields.shownErrors();
        setErrorMessage(shown.isEmpty() ? null : shown.values().iterator().next());
        if (getButton(IDialogConstants.OK_ID) != null) {
            // before the first edit OK stays enabled: pressing it is how the user learns what is missing
            getButton(IDialogConstants.OK_ID).setEnabled(shown.isEmpty());
        }
    }

    @Override
    protected void okPressed() {
        if (!fields.errors().isEmpty()) {
            fields.showErrors();
            update();
            return;
        }
        try {
            saved = lead.isNew() ? service.create(lead) : service.update(lead);
            super.okPressed();
        } catch (ConcurrentChangeException e) {
            setErrorMessage(Messages.LeadDialog_conflict);
        } catch (ValidationException e) {
            setErrorMessage(e.getMessage());
        }
    }

    /** The lead as saved, after OK. */
    public Lead saved() {
        return saved;
    }

    /** Whether OK may be pressed, for tests. */
    boolean okEnabled() {
        return getButton(IDialogConstants.OK_ID).isEnabled();
    }

    /** The fields, for tests. */
    LeadFields fields() {
        return fields;
    }
}
