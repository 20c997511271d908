package org.salesbench.ui.internal.search;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** Ctrl+Shift+F: puts the cursor in the global search box. */
public class SearchHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        Text box = window == null ? null : SearchBoxContribution.boxOf(window);
        if (box != null) {
            box.setFocus();
            box.selectAll();
        }
        return null;
    }
}
