package org.salesbench.opportunities.ui.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.IFormPage;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.EntityFormEditor;

/**
 * An opportunity in a form editor: Overview, History, Activities and pages other bundles add
 * (the quotes module's Quotes page).
 * Validation on every edit, Save disabled while invalid and the reload-or-keep choice after a
 * conflicting save are the shared behaviour of {@link EntityFormEditor}, as in the customer editor.
 */
public class OpportunityEditor extends EntityFormEditor<Opportunity> {

    public static final String ID = "org.salesbench.opportunities.ui.editors.opportunity";

    private OpportunityService service;
    private ServiceRegistration<EventHandler> eventRegistration;

    public static OpportunityEditor open(IWorkbenchPage page, long id, String name) throws PartInitException {
        return (OpportunityEditor) page.openEditor(new OpportunityEditorInput(id, name), ID);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof OpportunityEditorInput opportunityInput)) {
            throw new PartInitException("Not an opportunity: " + input);
        }
        service = Services.get(OpportunityService.class);
        setEntity(service.find(opportunityInput.id())
                .orElseThrow(() -> new PartInitException(NLS.bind(Messages.Editor_notFound, opportunityInput.getName()))));
        super.init(site, input);
        setPartName(opportunity().getName());
        followChanges(site.getShell().getDisplay(), opportunityInput.id());
    }

    /** A change saved elsewhere (a drag on the board, another editor) shows here unless the user has edits of their own. */
    private void followChanges(Display display, long id) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, EventTopics.allOf(Opportunity.ENTITY));
        properties.put(EventConstants.EVENT_FILTER, "(" + EventTopics.PROPERTY_ID + "=" + id + ")");
        eventRegistration = FrameworkUtil.getBundle(OpportunityEditor.class).getBundleContext().registerService(EventHandler.class,
                event -> display.asyncExec(() -> {
                    if (getContainer() != null && !getContainer().isDisposed() && !hasChanges()
                            && service.find(id).map(stored -> stored.getVersion() != opportunity().getVersion()).orElse(false)) {
                        reload();
                    }
                }), properties);
    }

    @Override
    public void dispose() {
        if (eventRegistration != null) {
            eventRegistration.unregister();
        }
        super.dispose();
    }

    @Override
    protected void addPages() {
        try {
            addPage(new OpportunityOverviewPage(this));
            addPage(new OpportunityActivitiesPage(this));
            for (ContributionRegistries.PageDescriptor d : ContributionRegistries.pages()) {
                IFormPage page = d.factory().get()
                        .map(f -> LazyContribution.safeCall(d.id(), () -> f.createPage(this, d.id(), d.label(), opportunity()), (IFormPage) null))
                        .orElse(null);
                if (page != null) {
                    addPage(page);
                }
            }
        } catch (PartInitException e) {
            ILog.of(OpportunityEditor.class).error(e.getMessage(), e);
        }
    }

    public Opportunity opportunity() {
        return entity();
    }

    /** The History page (the audit trail's, as on every record editor) follows the pages above. */
    @Override
    public String recordEntity() {
        return Opportunity.ENTITY;
    }

    OpportunityService service() {
        return service;
    }

    /**
     * The Overview page's fields but the stage (moved through the board or Move to stage, with its rules): Edit › Undo of a
     * save puts them back.
     */
    @Override
    protected java.util.function.BiConsumer<Opportunity, Opportunity> editedFields() {
        return (from, to) -> {
            to.setName(from.getName());
            to.setAmount(from.getAmount());
            to.setExpectedCloseDate(from.getExpectedCloseDate());
            to.setEngagedOn(from.getEngagedOn());
            to.setProbability(from.getProbability());
            to.setForecastCategory(from.getForecastCategory());
            to.setNextStep(from.getNextStep());
            to.setLossReason(from.getLossReason());
            to.setOwner(from.getOwner());
            to.setSource(from.getSource());
            to.setIndustry(from.getIndustry());
            to.setDescription(from.getDescription());
            to.setProductId(from.getProductId());
        };
    }

    @Override
    protected Editing<Opportunity> editing() {
        return new Editing<Opportunity>(service::validate, service::update, opportunity -> service.find(opportunity.getId()), Opportunity::getName,
                Messages.Editor_cannotSave);
    }
}
