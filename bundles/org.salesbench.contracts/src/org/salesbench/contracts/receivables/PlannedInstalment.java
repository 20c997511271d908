package org.salesbench.contracts.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.salesbench.core.model.Money;

/**
 * One instalment of a plan as it is entered: a due date and either an amount or a percentage of the contract amount.
 *
 * @param dueDate     when it falls due
 * @param amount      the amount, or null when given as a percentage
 * @param percent     0 to 100 of the contract amount, or null when given as an amount
 * @param description optional text, e.g. "on delivery"
 */
public record PlannedInstalment(LocalDate dueDate, Money amount, BigDecimal percent, String description) {

    public static PlannedInstalment amount(LocalDate dueDate, Money amount) {
        return new PlannedInstalment(dueDate, amount, null, null);
    }

    public static PlannedInstalment percent(LocalDate dueDate, String percent) {
        return new PlannedInstalment(dueDate, null, new BigDecimal(percent), null);
    }
}
