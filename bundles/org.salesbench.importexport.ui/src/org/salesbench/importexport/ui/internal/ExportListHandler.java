package org.salesbench.importexport.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.salesbench.opportunities.LeadFilter;
import org.salesbench.opportunities.OpportunityFilter;

/**
 * A list view's Export…: the export wizard for the view's records with the list's current filter, which the view
 * gives as an adapter of the filter type (none: every record).
 */
public abstract class ExportListHandler extends AbstractHandler {

    private final String targetId;
    private final Class<?> filterType;
    private final Object everything;

    protected ExportListHandler(String targetId, Class<?> filterType, Object everything) {
        this.targetId = targetId;
        this.filterType = filterType;
        this.everything = everything;
    }

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        Object filter = part == null ? null : part.getAdapter(filterType);
        new WizardDialog(HandlerUtil.getActiveShell(event), new ExportWizard(targetId, filter == null ? everything : filter)).open();
        return null;
    }

    /** The Leads view's Export…. */
    public static final class Leads extends ExportListHandler {
        public Leads() {
            super("leads", LeadFilter.class, LeadFilter.ALL);
        }
    }

    /** The Opportunities view's Export…. */
    public static final class Opportunities extends ExportListHandler {
        public Opportunities() {
            super("opportunities", OpportunityFilter.class, OpportunityFilter.ALL);
        }
    }
}
