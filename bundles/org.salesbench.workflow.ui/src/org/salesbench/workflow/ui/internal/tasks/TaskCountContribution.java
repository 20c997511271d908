package org.salesbench.workflow.ui.internal.tasks;

import java.time.Instant;
import java.time.ZoneId;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.menus.WorkbenchWindowControlContribution;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.AfterFirstView;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.workflow.TaskService;

/**
 * The status bar's count of the user's open tasks due today or overdue, read in a job when a task changes (and every
 * few minutes, as tasks fall due); a click opens My Tasks.
 */
public class TaskCountContribution extends WorkbenchWindowControlContribution {

    public static final String ID = "org.salesbench.workflow.ui.status.taskCount";

    /** Tasks fall due as time passes without any event: the count is read again this often. */
    private static final int REREAD_MS = 5 * 60 * 1000;

    private Link link;
    private Runnable rereadLater;

    public TaskCountContribution() {
        super(ID);
    }

    @Override
    protected Control createControl(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginHeight = 0;
        layout.marginWidth = 4;
        box.setLayout(layout);
        link = new Link(box, SWT.NONE);
        // as wide as a large count from the start, in either language: the trim lays out once, and the bar does not jump
        GridData size = new GridData(SWT.FILL, SWT.CENTER, true, true);
        link.setText(linkText(NLS.bind(Messages.Count_text, 999)));
        size.widthHint = link.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
        link.setLayoutData(size);
        link.setToolTipText(Messages.Count_tooltip);
        show(-1);
        link.addListener(SWT.Selection, e -> openMyTasks());
        TaskEvents.whileShown(link, this::reread);
        rereadLater = () -> {
            if (!link.isDisposed()) {
                reread();
                link.getDisplay().timerExec(REREAD_MS, rereadLater);
            }
        };
        link.getDisplay().timerExec(REREAD_MS, rereadLater);
        // the count's query is JPA: as the workbench starts it waits for the first view's paint, not to deploy the
        // persistence unit before it
        Display display = link.getDisplay();
        AfterFirstView.run(() -> display.asyncExec(() -> {
            if (!link.isDisposed()) {
                reread();
            }
        }));
        return box;
    }

    private void reread() {
        Jobs.load(link, Messages.Job_load, () -> {
            String me = Services.get(SecurityService.class).currentUser().login();
            return Services.get(TaskService.class).count(TaskSection.dueTodayOrOverdue(me, Instant.now(Clocks.system()), ZoneId.systemDefault()));
        }, this::show, e -> link.setText("")); //$NON-NLS-1$
    }

    private void show(long count) {
        link.setText(count < 0 ? "" : linkText(count == 0 ? Messages.Count_none : NLS.bind(Messages.Count_text, count))); //$NON-NLS-1$
        link.requestLayout();
    }

    private static String linkText(String text) {
        return "<a>" + text + "</a>"; //$NON-NLS-1$ //$NON-NLS-2$
    }

    private void openMyTasks() {
        IWorkbenchWindow window = getWorkbenchWindow();
        if (window != null && window.getActivePage() != null) {
            try {
                window.getActivePage().showView(MyTasksView.ID);
            } catch (PartInitException e) {
                link.setToolTipText(e.getMessage());
            }
        }
    }

    /** The link showing the count, for tests. */
    public Link link() {
        return link;
    }
}
