package org.salesbench.ui.internal.search;

import org.eclipse.jface.action.ControlContribution;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.salesbench.ui.internal.Messages;

/** The global search box in the toolbar: Enter searches every provider. */
public class SearchBoxContribution extends ControlContribution {

    public static final String ID = "org.salesbench.ui.toolbars.search";
    /** Key under which the box is stored on the window's shell, so the search command can focus it. */
    static final String SHELL_KEY = ID;

    private final IWorkbenchWindow window;
    private SearchResultsDialog lastResults;

    public SearchBoxContribution(IWorkbenchWindow window) {
        super(ID);
        this.window = window;
    }

    @Override
    protected Control createControl(Composite parent) {
        Text text = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        text.setMessage(Messages.Search_hint);
        text.setToolTipText(Messages.Search_hint);
        text.addListener(SWT.DefaultSelection, e -> search(text));
        window.getShell().setData(SHELL_KEY, this);
        text.setData(SHELL_KEY, this);
        return text;
    }

    @Override
    protected int computeWidth(Control control) {
        return 320;
    }

    /** Searches for what the box holds; results pop up under it. */
    public void search(Text text) {
        String query = text.getText().strip();
        if (query.isEmpty()) {
            return;
        }
        Point below = text.toDisplay(0, text.getSize().y);
        new SearchJob(query, text.getDisplay(), groups -> {
            if (lastResults != null) {
                lastResults.close();
            }
            lastResults = new SearchResultsDialog(window.getShell(), window, query, groups, below);
            lastResults.open();
        }).schedule();
    }

    public SearchResultsDialog lastResults() {
        return lastResults;
    }

    /** The box of a window, if its toolbar is shown. */
    public static Text boxOf(IWorkbenchWindow window) {
        for (Control c : allControls(window.getShell())) {
            if (c instanceof Text t && t.getData(SHELL_KEY) != null) {
                return t;
            }
        }
        return null;
    }

    private static java.util.List<Control> allControls(Composite root) {
        java.util.List<Control> all = new java.util.ArrayList<>();
        for (Control c : root.getChildren()) {
            all.add(c);
            if (c instanceof Composite comp) {
                all.addAll(allControls(comp));
            }
        }
        return all;
    }
}
