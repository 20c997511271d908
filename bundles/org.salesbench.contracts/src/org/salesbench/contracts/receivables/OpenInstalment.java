package org.salesbench.contracts.receivables;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.salesbench.core.model.Money;

/**
 * An instalment of an approved (or later) contract with money still to come, as the Receivables view lists it.
 *
 * @param instalmentId   the instalment
 * @param contractId     its contract
 * @param contractNumber the contract's number
 * @param customerName   the contract's customer
 * @param owner          the contract's owner
 * @param position       1, 2, 3… within the plan
 * @param dueDate        when it falls due
 * @param amount         what it asks for
 * @param open           what is still to be received
 */
public record OpenInstalment(long instalmentId, long contractId, String contractNumber, String customerName, String owner, int position,
        LocalDate dueDate, Money amount, Money open) {

    /** The ageing buckets of the {@code ageing} report: not yet due, then days past due. */
    public enum Bucket {
        NOT_DUE, DAYS_0_30, DAYS_31_60, DAYS_61_90, DAYS_OVER_90
    }

    /** Days past due on {@code asOf}; 0 or less when not yet past due. */
    public long daysOverdue(LocalDate asOf) {
        return ChronoUnit.DAYS.between(dueDate, asOf);
    }

    /** Whether it is past due on {@code asOf}. */
    public boolean isOverdue(LocalDate asOf) {
        return dueDate.isBefore(asOf);
    }

    /** Its bucket on {@code asOf}, with the {@code ageing} report's limits (due today counts as 0–30). */
    public Bucket bucket(LocalDate asOf) {
        if (dueDate.isAfter(asOf)) {
            return Bucket.NOT_DUE;
        }
        long days = daysOverdue(asOf);
        return days <= 30 ? Bucket.DAYS_0_30 : days <= 60 ? Bucket.DAYS_31_60 : days <= 90 ? Bucket.DAYS_61_90 : Bucket.DAYS_OVER_90;
    }
}
