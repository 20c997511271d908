package org.salesbench.opportunities;

import java.time.LocalDate;

import org.salesbench.core.model.Money;

/** One line of the opportunity list, read in one query without loading entities; a delete from the list checks the {@code version} it shows. */
public record OpportunityRow(long id, String name, long customerId, String customerName, Money amount, LocalDate expectedCloseDate,
        long pipelineId, long stageId, String stageLabel, StageKind state, int probability, ForecastCategory forecastCategory,
        String owner, long version) {
}
