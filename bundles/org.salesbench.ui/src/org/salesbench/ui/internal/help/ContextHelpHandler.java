package org.salesbench.ui.internal.help;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** F1: the guide's page on the view the user is in (its help context), else the guide's first page. */
public class ContextHelpHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        String href = part == null ? null : Guide.pageFor(part.getSite().getId()).orElse(null);
        GuideHandler.open(window.getActivePage(), href == null ? Guide.WELCOME : href);
        return null;
    }
}
