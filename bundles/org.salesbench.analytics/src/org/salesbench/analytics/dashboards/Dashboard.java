package org.salesbench.analytics.dashboards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * A named grid of report tiles that a user arranges and may share with everyone. Its owner edits it; a shared
 * dashboard is visible to all users. {@code template} names the default it was made from (sales, manager), null
 * for a user's own.
 */
@Entity
@Table(name = "SB_DASHBOARD")
public class Dashboard extends AbstractEntity {

    public static final String ENTITY = "dashboard";
    public static final int MAX_COLUMNS = 4;

    @Column(name = "NAME", length = 100, nullable = false)
    private String name;

    @Column(name = "SHARED", nullable = false)
    private boolean shared;

    @Column(name = "COLUMNS", nullable = false)
    private int columns = 3;

    @Column(name = "TEMPLATE", length = 32)
    private String template;

    /**
     * The keys ({@code report/metric/by}) of the module-contributed tiles this shipped dashboard was given, separated by
     * {@code ;}; null for a dashboard made before they were recorded.
     */
    @Column(name = "CONTRIBUTED_TILES", length = 2000)
    private String contributedTiles;

    @OneToMany(mappedBy = "dashboard", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<DashboardTile> tiles = new ArrayList<>();

    public Dashboard() {
    }

    public Dashboard(String name, int columns) {
        this.name = name;
        this.columns = columns;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isShared() { return shared; }
    public void setShared(boolean shared) { this.shared = shared; }
    public int getColumns() { return columns; }
    public void setColumns(int columns) { this.columns = columns; }
    public String getTemplate() { return template; }
    public void setTemplate(String template) { this.template = template; }
    public String getContributedTiles() { return contributedTiles; }
    public void setContributedTiles(String contributedTiles) { this.contributedTiles = contributedTiles; }

    /** The tiles in reading order: row by row, left to right. */
    public List<DashboardTile> getTiles() {
        List<DashboardTile> sorted = new ArrayList<>(tiles);
        sorted.sort(Comparator.comparingInt(DashboardTile::getRow).thenComparingInt(DashboardTile::getColumn));
        return sorted;
    }

    public void addTile(DashboardTile tile) {
        tile.setDashboard(this);
        tiles.add(tile);
    }

    public void removeTile(DashboardTile tile) {
        tiles.remove(tile);
        tile.setDashboard(null);
    }

    /** Replaces the tiles by {@code newTiles} (the layout the editor saves). */
    public void replaceTiles(List<DashboardTile> newTiles) {
        for (DashboardTile old : new ArrayList<>(tiles)) {
            if (!newTiles.contains(old)) {
                removeTile(old);
            }
        }
        for (DashboardTile tile : newTiles) {
            if (!tiles.contains(tile)) {
                addTile(tile);
            }
        }
    }
}
