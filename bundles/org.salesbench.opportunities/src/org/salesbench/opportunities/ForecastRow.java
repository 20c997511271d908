package org.salesbench.opportunities;

import java.time.YearMonth;

import org.salesbench.core.model.Money;

/**
 * One cell of the forecast: for a close month, a forecast category and a group (owner login, team
 * name or pipeline label; {@code null} without grouping), how many deals, their amount and their
 * weighted amount (amount × probability).
 */
public record ForecastRow(YearMonth month, ForecastCategory category, String group, long count, Money amount, Money weighted) {
}
