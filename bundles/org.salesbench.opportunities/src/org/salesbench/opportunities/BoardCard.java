package org.salesbench.opportunities;

import java.time.LocalDate;

import org.salesbench.core.model.Money;

/** One card on the pipeline board. */
public record BoardCard(long id, long version, String name, long customerId, String customerName, Money amount,
        LocalDate expectedCloseDate, String owner, int probability) {
}
