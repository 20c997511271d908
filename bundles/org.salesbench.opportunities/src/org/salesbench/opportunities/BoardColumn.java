package org.salesbench.opportunities;

import java.util.List;

import org.salesbench.core.model.Money;

/**
 * One stage on the board: how many opportunities are in it and their summed amount (one total per
 * currency, usually one), and the first cards by expected close date. Won and lost columns count
 * the deals closed this quarter only, so the board does not fill with history; their cards come most
 * recently closed first.
 */
public record BoardColumn(long stageId, String label, StageKind kind, int probability, long count, List<Money> totals,
        List<BoardCard> cards) {
}
