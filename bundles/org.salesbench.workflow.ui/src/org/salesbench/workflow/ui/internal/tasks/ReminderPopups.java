package org.salesbench.workflow.ui.internal.tasks;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.notifications.NotificationPopup;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.SecurityService;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.TaskStatus;

/**
 * Non-modal pop-ups for the reminder tasks a rule makes for the user: the task's title, when it is due, what it is
 * about and Open. A burst of reminders (the first run of a rule over many records) shows {@link #MAX_SHOWN} pop-ups
 * and one more that counts the rest; My Tasks lists them all.
 */
public class ReminderPopups implements IStartup {

    static final int MAX_SHOWN = 3;
    private static final long SHOWN_MS = 12_000;

    private static final List<Shell> shown = new ArrayList<>();
    private static int notShown;

    @Override
    public void earlyStartup() {
        TaskEvents.subscribe(EventTopics.topic(Task.ENTITY, Change.CREATED), event -> {
            if (event.getProperty(EventTopics.PROPERTY_ID) instanceof Number id) {
                remind(id.longValue());
            }
        });
    }

    /** Called on the event thread: reads the task there, shows it on the UI thread if it is a reminder for the user. */
    static void remind(long taskId) {
        Task task = Services.get(TaskService.class).find(taskId).orElse(null);
        String me = Services.get(SecurityService.class).currentUser().login();
        if (task == null || task.getCreatedByRule() == null || task.getStatus() != TaskStatus.OPEN || !me.equalsIgnoreCase(task.getAssignee())) {
            return;
        }
        String about = task.getRelated() == null ? null : new RelatedRecords().label(task.getRelated());
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(() -> show(display, task, about));
    }

    private static void show(Display display, Task task, String about) {
        shown.removeIf(Shell::isDisposed);
        if (shown.size() >= MAX_SHOWN) {
            if (notShown++ == 0) {
                // counted for a moment, so a burst ends in one summary pop-up
                display.timerExec(1500, () -> {
                    int count = notShown;
                    notShown = 0;
                    open(display, Messages.Popup_title, parent -> {
                        new Label(parent, SWT.WRAP).setText(NLS.bind(Messages.Popup_more, count));
                        openLink(parent, () -> showMyTasks());
                    });
                });
            }
            return;
        }
        open(display, task.getTitle(), parent -> {
            if (task.getDueAt() != null) {
                new Label(parent, SWT.NONE).setText(NLS.bind(Messages.Popup_due, Formats.dateTime(task.getDueAt())));
            }
            if (about != null) {
                new Label(parent, SWT.NONE).setText(about);
            }
            openLink(parent, () -> {
                IWorkbenchPage page = showMyTasks();
                if (page != null && RelatedRecords.canOpen(task.getRelated())) {
                    RelatedRecords.open(page.getWorkbenchWindow().getShell(), page, task.getRelated(), about);
                }
            });
        });
    }

    private interface Content {
        void fill(Composite parent);
    }

    private static void open(Display display, String title, Content content) {
        NotificationPopup popup = NotificationPopup.forDisplay(display).title(title, true).delay(SHOWN_MS).content(parent -> {
            Composite box = new Composite(parent, SWT.NONE);
            box.setLayout(new GridLayout(1, false));
            content.fill(box);
            return box;
        }).build();
        popup.open();
        if (popup.getShell() != null) {
            shown.add(popup.getShell());
        }
    }

    private static void openLink(Composite parent, Runnable open) {
        Link link = new Link(parent, SWT.NONE);
        link.setText("<a>" + Messages.Popup_open + "</a>"); //$NON-NLS-1$ //$NON-NLS-2$
        link.addListener(SWT.Selection, e -> {
            open.run();
            link.getShell().close();
        });
    }

    private static IWorkbenchPage showMyTasks() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        if (window == null || window.getActivePage() == null) {
            return null;
        }
        try {
            window.getActivePage().showView(MyTasksView.ID);
        } catch (PartInitException e) {
            org.eclipse.core.runtime.ILog.of(ReminderPopups.class).error(e.getMessage(), e);
        }
        return window.getActivePage();
    }

    /** The reminder pop-ups open now (tests look at them). */
    static List<Shell> shownPopups() {
        shown.removeIf(Shell::isDisposed);
        return List.copyOf(shown);
    }
}
