package org.salesbench.analytics.dashboards;

import java.util.List;
import java.util.Optional;

/**
 * Dashboards: users create, arrange, rename, share and delete them; each user sees their own and the shared ones.
 * Only the owner changes a dashboard; others may copy a shared one. The default "Sales" and "Manager" dashboards are
 * made for each user the first time they list dashboards.
 */
public interface DashboardService {

    /** The dashboards the current user sees (own and shared), by name; makes the defaults on first use. */
    List<Dashboard> visible();

    /** The dashboard with its tiles, if it exists and the current user may see it. */
    Optional<Dashboard> find(long id);

    /**
     * A new empty dashboard owned by the current user.
     *
     * @throws org.salesbench.core.validation.ValidationException naming "name" or "columns"
     */
    Dashboard create(String name, int columns);

    /** Copies a visible dashboard with its tiles into a new one owned by the current user. */
    Dashboard copy(long id, String name);

    Dashboard rename(long id, String name);

    /**
     * Saves the dashboard's columns and tiles (added, moved, changed, removed) as edited.
     *
     * @throws org.salesbench.core.validation.ValidationException naming the tile and field (unknown report, no title …)
     * @throws org.salesbench.core.security.AccessDeniedException if the current user does not own it
     */
    Dashboard saveLayout(Dashboard edited);

    /** Makes the dashboard visible to everyone (true) or to its owner only (false). */
    Dashboard share(long id, boolean shared);

    void delete(long id);

    /** Whether the current user may change {@code dashboard} (is its owner and is permitted to update). */
    boolean canEdit(Dashboard dashboard);

    /**
     * Runs {@code tile}'s report under {@code filter} (the tile's own filters win); for a KPI tile also over the
     * previous period, for the trend. Bad filters throw {@link org.salesbench.core.validation.ValidationException}.
     */
    TileResult run(DashboardTile tile, DashboardFilter filter);
}
