package org.salesbench.contracts.receivables;

import java.time.LocalDate;

/**
 * A move of the day the receivables ageing by customer is kept as of ({@link ReceivablesService#bringAgeingToToday}):
 * the day it was as of, the day it is as of now, and the attempts it took (more than one when the database reported a
 * lock conflict and the move was tried again).
 */
public record AgeingDayMove(LocalDate from, LocalDate to, int attempts) {

    /** Whether the kept rows were as of another day. */
    public boolean moved() {
        return !from.equals(to);
    }
}
