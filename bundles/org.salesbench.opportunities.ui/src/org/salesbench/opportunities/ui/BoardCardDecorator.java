package org.salesbench.opportunities.ui;

import org.salesbench.opportunities.BoardCard;

/**
 * Adds a short badge to cards of the pipeline board ({@code org.salesbench.opportunities.ui.boardCardDecorations}),
 * e.g. "quote sent" or "at risk". Called on the UI thread for the cards shown only, so it must be
 * quick: read what it needs in advance (in a job), not from the database card by card.
 */
public interface BoardCardDecorator {

    /** The badge text for the card, or {@code null} for none. */
    String badge(BoardCard card);

    /** Longer text shown as the badge's tooltip, or {@code null}. */
    default String tooltip(BoardCard card) {
        return null;
    }
}
