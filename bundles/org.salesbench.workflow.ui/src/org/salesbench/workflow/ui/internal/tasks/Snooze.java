package org.salesbench.workflow.ui.internal.tasks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The snooze choices of a task's menu; a chosen date is asked for in a {@link SnoozeDialog}. */
public enum Snooze {
    HOUR, TOMORROW, NEXT_WEEK;

    /** The start of a working day, when a snoozed task comes back. */
    static final LocalTime MORNING = LocalTime.of(9, 0);

    public String label() {
        return switch (this) {
            case HOUR -> Messages.Snooze_hour;
            case TOMORROW -> Messages.Snooze_tomorrow;
            case NEXT_WEEK -> Messages.Snooze_nextWeek;
        };
    }

    /** When the task asks for attention again: in an hour, tomorrow at 9:00, or next Monday at 9:00 in {@code zone}. */
    public Instant until(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return switch (this) {
            case HOUR -> now.plus(Duration.ofHours(1));
            case TOMORROW -> today.plusDays(1).atTime(MORNING).atZone(zone).toInstant();
            case NEXT_WEEK -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(MORNING).atZone(zone).toInstant();
        };
    }
}
