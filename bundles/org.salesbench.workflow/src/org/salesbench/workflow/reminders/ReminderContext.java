package org.salesbench.workflow.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

/** What a rule is evaluated with: the time, its settings, and a read-only session for its queries. */
public interface ReminderContext {

    /** The time of this run. */
    Instant now();

    /** The zone dates are read in (a follow-up date "reached" today in this zone). */
    ZoneId zone();

    default LocalDate today() {
        return LocalDate.ofInstant(now(), zone());
    }

    /** The rule's number of days (idle for N days, N days before expiry), from the preferences or the rule's default. */
    int days();

    /** Runs {@code query} in a read-only session. */
    <T> T read(Function<EntityManager, T> query);
}
