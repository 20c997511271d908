package org.salesbench.contracts.internal.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.salesbench.core.model.Money;

/** An instalment of an entered plan with its amount worked out to the cent. */
record PlannedAmount(LocalDate dueDate, Money amount, BigDecimal percent, String description) {
}
