package org.salesbench.analytics.dashboards;

/** Where a tile moves on its dashboard's grid. */
public enum MoveDirection {
    UP, DOWN, LEFT, RIGHT
}
