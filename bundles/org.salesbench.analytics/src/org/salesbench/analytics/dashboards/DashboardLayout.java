package org.salesbench.analytics.dashboards;

import java.util.ArrayList;
import java.util.List;

/**
 * Arranges tiles on a dashboard's grid. Tiles flow in reading order, each taking its span of columns and wrapping to
 * the next row when the row is full, so a move never leaves holes or overlaps.
 */
public final class DashboardLayout {

    private DashboardLayout() {
    }

    /** Gives every tile a row and column by flowing them in their current reading order; clamps spans. */
    public static void reflow(Dashboard dashboard) {
        place(dashboard, dashboard.getTiles());
    }

    /** Appends {@code tile} after the last tile and reflows. */
    public static void append(Dashboard dashboard, DashboardTile tile) {
        List<DashboardTile> order = dashboard.getTiles();
        dashboard.addTile(tile);
        order.add(tile);
        place(dashboard, order);
    }

    /** Removes {@code tile} and closes the gap. */
    public static void remove(Dashboard dashboard, DashboardTile tile) {
        dashboard.removeTile(tile);
        reflow(dashboard);
    }

    /**
     * Moves {@code tile} one place: left/right swap it with its neighbour in reading order, up/down with the tile in
     * the row above/below that covers its column (or the nearest one in that row).
     *
     * @return whether the tile moved (false at an edge)
     */
    public static boolean move(Dashboard dashboard, DashboardTile tile, MoveDirection direction) {
        List<DashboardTile> order = dashboard.getTiles();
        int index = order.indexOf(tile);
        if (index < 0) {
            return false;
        }
        int other = switch (direction) {
            case LEFT -> index - 1;
            case RIGHT -> index + 1 < order.size() ? index + 1 : -1;
            case UP -> inRow(order, tile.getRow() - 1, tile.getColumn());
            case DOWN -> inRow(order, tile.getRow() + 1, tile.getColumn());
        };
        if (other < 0) {
            return false;
        }
        order.set(index, order.get(other));
        order.set(other, tile);
        place(dashboard, order);
        return true;
    }

    private static int inRow(List<DashboardTile> order, int row, int column) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < order.size(); i++) {
            DashboardTile t = order.get(i);
            if (t.getRow() != row) {
                continue;
            }
            int distance = column < t.getColumn() ? t.getColumn() - column
                    : column >= t.getColumn() + t.getColSpan() ? column - (t.getColumn() + t.getColSpan() - 1) : 0;
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static void place(Dashboard dashboard, List<DashboardTile> order) {
        int columns = Math.max(1, Math.min(Dashboard.MAX_COLUMNS, dashboard.getColumns()));
        int row = 0;
        int column = 0;
        for (DashboardTile tile : new ArrayList<>(order)) {
            int span = Math.max(1, Math.min(columns, tile.getColSpan()));
            if (column + span > columns) {
                row++;
                column = 0;
            }
            tile.setColSpan(span);
            tile.setRowSpan(Math.max(1, tile.getRowSpan()));
            tile.setRow(row);
            tile.setColumn(column);
            column += span;
        }
    }
}
