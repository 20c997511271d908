package org.salesbench.opportunities;

import java.util.Set;

/**
 * Which opportunities the board shows: of these owners only (empty: everyone's), closing this
 * quarter only, or only those whose expected close date has passed while still open.
 */
public record BoardFilter(Set<String> owners, boolean closingThisQuarter, boolean overdue) {

    public static final BoardFilter ALL = new BoardFilter(Set.of(), false, false);

    public BoardFilter {
        owners = owners == null ? Set.of() : Set.copyOf(owners);
    }

    public static BoardFilter mine(String login) {
        return new BoardFilter(Set.of(login), false, false);
    }
}
