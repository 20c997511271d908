package org.salesbench.ui.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** How dates and optional texts read in the user's language, the same in every module's views. */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private Formats() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String dateTime(LocalDateTime time) {
        return time == null ? "" : DATE_TIME.format(time);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(LocalDateTime.ofInstant(instant, ZoneId.systemDefault()));
    }

    /**
     * A date typed by the user: as {@link #date} shows it, or as {@code 2026-12-31}; blank is no date.
     *
     * @throws java.time.format.DateTimeParseException when it is neither
     */
    public static LocalDate parseDate(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(typed, DATE);
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDate.parse(typed);
        }
    }

    /** A missing text shows as nothing. */
    public static String text(String s) {
        return s == null ? "" : s;
    }
}
