package org.salesbench.analytics.ui.internal;

import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.salesbench.analytics.dashboards.Dashboard;
import org.salesbench.analytics.dashboards.DashboardService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;

/** The dashboards the user sees (own and shared): open, create, copy, rename, share and delete them. */
public class DashboardsView extends ViewPart {

    public static final String ID = "org.salesbench.analytics.ui.views.dashboards"; //$NON-NLS-1$

    private TableViewer viewer;
    private DashboardService service;
    private List<Dashboard> dashboards = List.of();

    @Override
    public void createPartControl(Composite parent) {
        service = Services.get(DashboardService.class);
        viewer = Tables.create(parent);
        Tables.column(viewer, Dashboard.class, Messages.Dashboards_name, 200, Dashboard::getName);
        Tables.column(viewer, Dashboard.class, Messages.Dashboards_owner, 100, Dashboard::getOwner);
        Tables.column(viewer, Dashboard.class, Messages.Dashboards_shared, 70, d -> d.isShared() ? Messages.Dashboards_yes : ""); //$NON-NLS-1$
        Tables.column(viewer, Dashboard.class, Messages.Dashboards_tiles, 60, d -> String.valueOf(d.getTiles().size()));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(e -> openSelected());
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(action(Messages.Dashboards_new, this::create));
        toolbar.add(action(Messages.Dashboards_copy, this::copy));
        toolbar.add(action(Messages.Dashboards_rename, this::rename));
        toolbar.add(action(Messages.Dashboards_toggleShare, this::toggleShare));
        toolbar.add(action(Messages.Dashboards_delete, this::delete));
        toolbar.add(action(Messages.Dashboards_refresh, this::reload));
        getSite().setSelectionProvider(viewer);
        reload();
    }

    public TableViewer viewer() {
        return viewer;
    }

    public List<Dashboard> dashboards() {
        return dashboards;
    }

    /** Loads the visible dashboards in a job (the first time, the defaults are made). */
    public void reload() {
        Jobs.load(viewer.getControl(), Messages.Job_loadDashboards, service::visible, found -> {
            dashboards = found;
            viewer.setInput(found);
        }, e -> MessageDialog.openError(getSite().getShell(), Messages.Dashboards_title, Jobs.message(e)));
    }

    private Dashboard selected() {
        return (Dashboard) ((IStructuredSelection) viewer.getSelection()).getFirstElement();
    }

    private void openSelected() {
        Dashboard d = selected();
        if (d != null) {
            try {
                DashboardEditor.open(getSite().getPage(), d.getId(), d.getName());
            } catch (PartInitException e) {
                MessageDialog.openError(getSite().getShell(), Messages.Dashboards_title, e.getMessage());
            }
        }
    }

    private void create() {
        String name = askName(Messages.Dashboards_newTitle, ""); //$NON-NLS-1$
        if (name != null) {
            act(() -> {
                Dashboard made = service.create(name, 3);
                DashboardEditor.open(getSite().getPage(), made.getId(), made.getName());
            });
        }
    }

    private void copy() {
        Dashboard d = selected();
        if (d != null) {
            String name = askName(Messages.Dashboards_copyTitle, NLS.bind(Messages.Dashboards_copyName, d.getName()));
            if (name != null) {
                act(() -> service.copy(d.getId(), name));
            }
        }
    }

    private void rename() {
        Dashboard d = selected();
        if (d != null) {
            String name = askName(Messages.Dashboards_renameTitle, d.getName());
            if (name != null) {
                act(() -> service.rename(d.getId(), name));
            }
        }
    }

    private void toggleShare() {
        Dashboard d = selected();
        if (d != null) {
            act(() -> service.share(d.getId(), !d.isShared()));
        }
    }

    private void delete() {
        Dashboard d = selected();
        if (d != null && MessageDialog.openConfirm(getSite().getShell(), Messages.Dashboards_deleteTitle,
                NLS.bind(Messages.Dashboards_deleteConfirm, d.getName()))) {
            act(() -> service.delete(d.getId()));
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    /** A small write the user waits for; the model's message (naming the field) is shown if it refuses. */
    private void act(Work work) {
        try {
            work.run();
        } catch (Exception e) {
            MessageDialog.openError(getSite().getShell(), Messages.Dashboards_title, e.getMessage());
        }
        reload();
    }

    private String askName(String title, String initial) {
        IInputValidator validator = text -> text == null || text.isBlank() ? Messages.Dashboards_nameRequired : null;
        InputDialog dialog = new InputDialog(getSite().getShell(), title, Messages.Dashboards_name, initial, validator);
        return dialog.open() == Window.OK ? dialog.getValue().trim() : null;
    }

    private static Action action(String text, Runnable run) {
        return new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
