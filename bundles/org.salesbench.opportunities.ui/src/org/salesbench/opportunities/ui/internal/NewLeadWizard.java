package org.salesbench.opportunities.ui.internal;

import java.util.List;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadService;
import org.salesbench.opportunities.LeadSource;
import org.salesbench.ui.Services;

/** File > New > Lead: the lead's fields with live checks and screening; Finish saves it. */
public class NewLeadWizard extends Wizard implements INewWizard {

    private final LeadService service = Services.get(LeadService.class);
    private final Lead lead = new Lead();
    private List<LeadSource> sources;
    private LeadPage page;
    private Lead created;

    final class LeadPage extends WizardPage {
        LeadFields fields;

        LeadPage() {
            super("lead");
            setTitle(Messages.LeadDialog_newTitle);
            setDescription(Messages.LeadDialog_message);
        }

        @Override
        public void createControl(Composite parent) {
            fields = new LeadFields(parent, service, sources, lead, false, this::update);
            setControl(fields.control());
            update();
        }

        private void update() {
            var shown = fields.shownErrors();
            setErrorMessage(shown.isEmpty() ? null : shown.values().iterator().next());
            setPageComplete(fields.errors().isEmpty());
        }
    }

    public NewLeadWizard() {
        setWindowTitle(Messages.LeadDialog_newTitle);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        // nothing taken from the selection
    }

    @Override
    public void addPages() {
        sources = service.sources(true);
        page = new LeadPage();
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        page.fields.showErrors();
        page.update();
        if (!page.fields.errors().isEmpty()) {
            return false;
        }
        try {
            created = service.create(lead);
            return true;
        } catch (ValidationException e) {
            page.setErrorMessage(e.getMessage());
            return false;
        }
    }

    /** The saved lead after Finish. */
    public Lead created() {
        return created;
    }

    LeadFields fields() {
        return page.fields;
    }
}
