package org.salesbench.audit.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.salesbench.ui.forms.RecordSelection;

/**
 * Edit › Show History (Ctrl+Alt+H): the history of the record selected in the active list, a view or an editor page that
 * says which record is selected ({@link RecordSelection}). Enabled while one record is selected.
 */
public class ShowHistoryHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        RecordSelection.selectedIn(HandlerUtil.getActivePart(event))
                .ifPresent(record -> new HistoryDialog(HandlerUtil.getActiveShell(event), record).open());
        return null;
    }

    @Override
    public void setEnabled(Object evaluationContext) {
        Object part = HandlerUtil.getVariable(evaluationContext, ISources.ACTIVE_PART_NAME);
        setBaseEnabled(part instanceof IWorkbenchPart p && RecordSelection.selectedIn(p).isPresent());
    }
}
