package org.salesbench.core.time;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The one source of "now" for services that reason about today (close dates, quarters, overdue
 * deals, stamps). In production it is the system clock in the default time zone.
 * <p>
 * A test aid: the system property {@value #OFFSET_PROPERTY}, an ISO-8601 period such as
 * {@code P1Y} or {@code -P3M}, moves this clock by that period, so that a whole test run can
 * be moved in time and date-dependent tests show whether they outlive the calendar.
 */
public final class Clocks {

    /** The system property holding the period by which {@link #system()} is moved, for tests. */
    public static final String OFFSET_PROPERTY = "salesbench.clock.offset";

    private Clocks() {
    }

    /** The system clock in the default time zone, moved by {@value #OFFSET_PROPERTY} when it is set. */
    public static Clock system() {
        Clock system = Clock.systemDefaultZone();
        String offset = System.getProperty(OFFSET_PROPERTY, "").trim();
        return offset.isEmpty() ? system : shifted(system, Period.parse(offset));
    }

    /** {@code base} moved by a calendar period (a year ahead lands on the same day of the month, not 365 days on). */
    public static Clock shifted(Clock base, Period period) {
        return period.isZero() ? base : new ShiftedClock(base, period);
    }

    private static final class ShiftedClock extends Clock {

        private final Clock base;
        private final Period period;

        ShiftedClock(Clock base, Period period) {
            this.base = Objects.requireNonNull(base, "base");
            this.period = Objects.requireNonNull(period, "period");
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new ShiftedClock(base.withZone(zone), period);
        }

        @Override
        public Instant instant() {
            return ZonedDateTime.now(base).plus(period).toInstant();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ShiftedClock other && base.equals(other.base) && period.equals(other.period);
        }

        @Override
        public int hashCode() {
            return base.hashCode() * 31 + period.hashCode();
        }

        @Override
        public String toString() {
            return "ShiftedClock[" + base + " + " + period + "]";
        }
    }
}
