package org.salesbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.salesbench.core.time.Clocks;

class ClocksTest {

    private static final Clock JAN_31 = Clock.fixed(Instant.parse("2026-01-31T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aShiftedClockMovesByCalendarPeriodsInItsZone() {
        assertEquals(LocalDate.of(2026, 2, 28), LocalDate.now(Clocks.shifted(JAN_31, Period.ofMonths(1))), "the month's last day, not 30 days on");
        assertEquals(Instant.parse("2027-01-31T10:00:00Z"), Clocks.shifted(JAN_31, Period.ofYears(1)).instant());
        assertEquals(LocalDate.of(2025, 1, 31), LocalDate.now(Clocks.shifted(JAN_31, Period.parse("-P1Y"))));
        Clock shanghai = Clocks.shifted(JAN_31, Period.ofDays(1)).withZone(ZoneId.of("Asia/Shanghai"));
        assertEquals(ZoneId.of("Asia/Shanghai"), shanghai.getZone());
        assertEquals(Instant.parse("2026-02-01T10:00:00Z"), shanghai.instant());
        assertSame(JAN_31, Clocks.shifted(JAN_31, Period.ZERO));
    }

    @Test
    void theSystemClockIsMovedByThePropertyAndOnlyWhileItIsSet() {
        String before = System.getProperty(Clocks.OFFSET_PROPERTY);
        try {
            System.setProperty(Clocks.OFFSET_PROPERTY, "P2Y");
            Instant moved = Clocks.system().instant();
            System.clearProperty(Clocks.OFFSET_PROPERTY);
            Instant now = Clocks.system().instant();
            assertEquals(LocalDate.ofInstant(now, ZoneOffset.UTC).plusYears(2), LocalDate.ofInstant(moved, ZoneOffset.UTC));
            assertEquals(ZoneId.systemDefault(), Clocks.system().getZone());
            System.setProperty(Clocks.OFFSET_PROPERTY, "a year");
            assertThrows(DateTimeParseException.class, Clocks::system, "a mistyped offset fails loudly rather than running in today");
        } finally {
            if (before == null) {
                System.clearProperty(Clocks.OFFSET_PROPERTY);
            } else {
                System.setProperty(Clocks.OFFSET_PROPERTY, before);
            }
        }
    }
}
