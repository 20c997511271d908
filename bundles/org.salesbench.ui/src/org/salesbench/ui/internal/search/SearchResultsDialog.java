package org.salesbench.ui.internal.search;

import java.util.List;

import org.eclipse.jface.dialogs.PopupDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.salesbench.ui.internal.Messages;
import org.salesbench.ui.internal.search.SearchProviderRegistry.Group;
import org.salesbench.ui.search.SearchHit;

/** A pop-up under the search box: hits grouped by provider; Enter or double-click opens one. */
public class SearchResultsDialog extends PopupDialog {

    private record Hit(Group group, SearchHit hit) {
    }

    private final IWorkbenchWindow window;
    private final String text;
    private final List<Group> groups;
    private final Point location;
    private TreeViewer viewer;

    public SearchResultsDialog(Shell parent, IWorkbenchWindow window, String text, List<Group> groups, Point location) {
        super(parent, SWT.RESIZE, true, false, false, false, false, NLS.bind(Messages.Search_title, text), null);
        this.window = window;
        this.text = text;
        this.groups = groups.stream().filter(g -> g.failed() || !g.hits().isEmpty()).toList();
        this.location = location;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        if (groups.isEmpty()) {
            new Label(area, SWT.NONE).setText(NLS.bind(Messages.Search_none, text));
            return area;
        }
        viewer = new TreeViewer(area, SWT.SINGLE | SWT.V_SCROLL);
        viewer.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ArrayContentProvider.getInstance().getElements(input);
            }

            @Override
            public Object[] getChildren(Object element) {
                return element instanceof Group g ? g.hits().stream().map(h -> new Hit(g, h)).toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return element instanceof Hit h ? h.group() : null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof Group g && !g.hits().isEmpty();
            }
        });
        viewer.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof Group g) {
                    String label = g.descriptor().label() + " (" + g.hits().size() + ")";
                    return g.failed() ? NLS.bind(Messages.Search_failed, g.descriptor().label()) : label;
                }
                SearchHit hit = ((Hit) element).hit();
                return hit.detail() == null || hit.detail().isEmpty() ? hit.label() : hit.label() + "  —  " + hit.detail();
            }
        });
        viewer.setInput(groups);
        viewer.expandAll();
        viewer.addOpenListener(e -> open((IStructuredSelection) e.getSelection()));
        return area;
    }

    /** The hits shown, for tests: "provider label / hit label". */
    public List<String> shownHits() {
        return groups.stream().flatMap(g -> g.hits().stream().map(h -> g.descriptor().label() + " / " + h.label())).toList();
    }

    private void open(IStructuredSelection selection) {
        if (selection.getFirstElement() instanceof Hit hit) {
            close();
            hit.group().descriptor().provider().get().ifPresent(p -> {
                try {
                    p.open(hit.hit(), window.getActivePage());
                } catch (PartInitException e) {
                    org.eclipse.core.runtime.ILog.of(SearchResultsDialog.class).error(e.getMessage(), e);
                }
            });
        }
    }

    /** Opens the given hit as if the user picked it (used by the keyboard path and tests). */
    public void openHit(int groupIndex, int hitIndex) {
        Group g = groups.get(groupIndex);
        open(new org.eclipse.jface.viewers.StructuredSelection(new Hit(g, g.hits().get(hitIndex))));
    }

    @Override
    protected Point getDefaultLocation(Point initialSize) {
        return location != null ? location : super.getDefaultLocation(initialSize);
    }

    @Override
    protected Point getDefaultSize() {
        return new Point(520, 360);
    }
}
