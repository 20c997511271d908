package org.salesbench.workflow;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Tasks and activities to and from iCalendar ({@code .ics}) files, which desktop calendars import: the same for the
 * command line ({@code tasks export|import}) and the workbench (My Tasks, a customer's Tasks page).
 */
public interface TaskCalendar {

    /** What an export wrote. */
    record Exported(int tasks, int activities) {
    }

    /**
     * Writes the tasks the filter selects (those the current user may see) as VTODOs and, with a customer, that
     * customer's activities as VEVENTs; the file is replaced whole or not at all.
     *
     * @param customerId a customer whose activities go with the tasks, or null
     * @throws IOException when the file cannot be written
     * @throws org.salesbench.core.validation.ValidationException when the customer is not one the user may see
     */
    Exported export(Path file, TaskFilter filter, Long customerId) throws IOException;

    /**
     * Logs the meetings (VEVENTs) of an {@code .ics} file as activities of the customer, all in one transaction: the whole
     * file is read first (a file that is no calendar is refused, naming the line), and a meeting the customer's
     * activities refuse (naming the meeting and the reason) leaves none of the file's meetings logged. Returns how many
     * were logged.
     *
     * @throws IOException when the file cannot be read
     * @throws org.salesbench.core.validation.ValidationException when the file or one of its meetings is refused
     */
    int importMeetings(Path file, long customerId) throws IOException;
}
