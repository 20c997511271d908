package org.salesbench.ui.internal.help;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help › User Guide: the guide from its first page. */
public class GuideHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        open(HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage(), Guide.WELCOME);
        return null;
    }

    /** Opens the guide on the page {@code href}. */
    static GuideView open(IWorkbenchPage page, String href) throws ExecutionException {
        try {
            GuideView view = (GuideView) page.showView(GuideView.ID);
            view.show(href);
            return view;
        } catch (PartInitException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
    }
}
