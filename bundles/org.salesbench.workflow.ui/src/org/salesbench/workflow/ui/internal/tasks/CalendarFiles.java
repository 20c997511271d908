package org.salesbench.workflow.ui.internal.tasks;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.ui.Services;
import org.salesbench.workflow.TaskCalendar;
import org.salesbench.workflow.TaskFilter;

/**
 * iCalendar from the workbench (My Tasks, a customer's Tasks page) through {@link TaskCalendar}, the command line's own
 * code: export tasks (and a customer's activities) to an {@code .ics} file; import a file's meetings as a customer's
 * activities, all or none.
 */
final class CalendarFiles {

    /** Asks for a file: {@code SWT.SAVE} or {@code SWT.OPEN}; null when cancelled. Tests replace it (a native dialog). */
    interface Prompt {
        String ask(Shell shell, int style, String fileName);
    }

    static Prompt prompt = (shell, style, fileName) -> {
        FileDialog dialog = new FileDialog(shell, style);
        dialog.setText(style == SWT.SAVE ? Messages.Calendar_exportTitle : Messages.Calendar_importTitle);
        dialog.setFilterExtensions(new String[] { "*.ics", "*.*" }); //$NON-NLS-1$ //$NON-NLS-2$
        if (fileName != null) {
            dialog.setFileName(fileName);
        }
        dialog.setOverwrite(true);
        return dialog.open();
    };

    private CalendarFiles() {
    }

    /** The outcome to show: null when cancelled; a failure is {@code failed} true with the message naming it. */
    record Outcome(String message, boolean failed) {
    }

    /** Writes the tasks the filter selects (and the customer's activities, when not null) to a file the user chooses. */
    static Outcome export(Shell shell, TaskFilter filter, Long customerId, String fileName) {
        String chosen = prompt.ask(shell, SWT.SAVE, fileName);
        if (chosen == null) {
            return null;
        }
        Path file = Path.of(chosen);
        try {
            TaskCalendar.Exported exported = Services.get(TaskCalendar.class).export(file, filter, customerId);
            return new Outcome(NLS.bind(Messages.Calendar_exported, new Object[] { exported.tasks(), exported.activities(), file.getFileName() }),
                    false);
        } catch (IOException e) {
            return new Outcome(NLS.bind(Messages.Calendar_writeFailed, file, e.getMessage()), true);
        } catch (ValidationException e) {
            return new Outcome(message(e), true);
        }
    }

    /** Logs the meetings of a file the user chooses as the customer's activities, all or none. */
    static Outcome importMeetings(Shell shell, long customerId) {
        String chosen = prompt.ask(shell, SWT.OPEN, null);
        if (chosen == null) {
            return null;
        }
        Path file = Path.of(chosen);
        try {
            int logged = Services.get(TaskCalendar.class).importMeetings(file, customerId);
            return new Outcome(NLS.bind(Messages.Calendar_imported, logged, file.getFileName()), false);
        } catch (IOException e) {
            return new Outcome(NLS.bind(Messages.Calendar_readFailed, file, e.getMessage()), true);
        } catch (ValidationException e) {
            return new Outcome(message(e), true);
        }
    }

    private static String message(ValidationException e) {
        return e.getErrors().isEmpty() ? e.getMessage() : e.getErrors().get(0).message();
    }
}
