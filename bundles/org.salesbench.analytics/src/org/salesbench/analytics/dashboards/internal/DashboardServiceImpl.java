package org.salesbench.analytics.dashboards.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.time.Clocks;
import org.salesbench.analytics.ChartKind;
import org.salesbench.analytics.ReportColumn;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.ReportRow;
import org.salesbench.analytics.ReportService;
import org.salesbench.analytics.Unit;
import org.salesbench.analytics.dashboards.Dashboard;
import org.salesbench.analytics.dashboards.DashboardFilter;
import org.salesbench.analytics.dashboards.DashboardLayout;
import org.salesbench.analytics.dashboards.DashboardPeriod;
import org.salesbench.analytics.dashboards.DashboardService;
import org.salesbench.analytics.dashboards.DashboardTile;
import org.salesbench.analytics.dashboards.TileResult;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.model.DateRange;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.Validator;
import org.salesbench.persistence.UnitOfWork;

/** Dashboards on the unit of work: validation, owner-only changes, defaults on first use, tiles run via reports. */
@Component(service = DashboardService.class)
public class DashboardServiceImpl implements DashboardService {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final ReportService reports;
    private final DomainEventPublisher events;
    private final Clock clock;

    @Activate
    public DashboardServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security,
            @Reference ReportService reports, @Reference DomainEventPublisher events) {
        this(unitOfWork, security, reports, events, Clocks.system());
    }

    /** With a clock, so tests can say what "this month" is. */
    public DashboardServiceImpl(UnitOfWork unitOfWork, SecurityService security, ReportService reports,
            DomainEventPublisher events, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<Dashboard> visible() {
        security.check(Action.READ, Dashboard.ENTITY, null);
        String me = me();
        ensureDefaults(me);
        return unitOfWork.read(em -> {
            List<Dashboard> found = em.createQuery(
                    "SELECT d FROM Dashboard d WHERE d.owner = :me OR d.shared = TRUE ORDER BY d.name, d.id", Dashboard.class)
                    .setParameter("me", me).getResultList();
            List<Dashboard> permitted = new ArrayList<>();
            for (Dashboard d : found) {
                if (security.isPermitted(Action.READ, Dashboard.ENTITY, d.getOwner())) {
                    d.getTiles().size(); // loaded while the session is open: callers get them detached
                    permitted.add(d);
                }
            }
            return permitted;
        });
    }

    @Override
    public Optional<Dashboard> find(long id) {
        security.check(Action.READ, Dashboard.ENTITY, null);
        return unitOfWork.read(em -> Optional.ofNullable(em.find(Dashboard.class, id))
                .filter(this::isVisible)
                .map(d -> {
                    d.getTiles().size();
                    return d;
                }));
    }

    @Override
    public Dashboard create(String name, int columns) {
        security.check(Action.CREATE, Dashboard.ENTITY, null);
        Dashboard dashboard = new Dashboard(name == null ? null : name.trim(), columns);
        validate(dashboard);
        return unitOfWork.write(em -> persist(em, dashboard));
    }

    @Override
    public Dashboard copy(long id, String name) {
        security.check(Action.CREATE, Dashboard.ENTITY, null);
        Dashboard source = find(id).orElseThrow(() -> notFound(id));
        Dashboard copy = new Dashboard(name == null ? null : name.trim(), source.getColumns());
        for (DashboardTile tile : source.getTiles()) {
            copy.addTile(tile.copy());
        }
        validate(copy);
        return unitOfWork.write(em -> persist(em, copy));
    }

    @Override
    public Dashboard rename(long id, String name) {
        return change(id, d -> d.setName(name == null ? null : name.trim()));
    }

    @Override
    public Dashboard share(long id, boolean shared) {
        return change(id, d -> d.setShared(shared));
    }

    @Override
    public Dashboard saveLayout(Dashboard edited) {
        if (edited.getId() == null) {
            throw new IllegalArgumentException("save a new dashboard with create first");
        }
        DashboardLayout.reflow(edited);
        validate(edited);
        return unitOfWork.write(em -> {
            Dashboard current = em.find(Dashboard.class, edited.getId());
            if (current == null) {
                throw notFound(edited.getId());
            }
            requireEditable(current);
            edited.setOwner(current.getOwner());
            ownTiles(edited);
            Dashboard merged = em.merge(edited);
            em.flush();
            merged.getTiles().size();
            unitOfWork.afterCommit(() -> events.publish(Dashboard.ENTITY, Change.UPDATED, merged.getId()));
            return merged;
        });
    }

    @Override
    public void delete(long id) {
        unitOfWork.write(em -> {
            Dashboard current = em.find(Dashboard.class, id);
            if (current == null) {
                throw notFound(id);
            }
            requireEditable(current);
            security.check(Action.DELETE, Dashboard.ENTITY, current.getOwner());
            em.remove(current);
            unitOfWork.afterCommit(() -> events.publish(Dashboard.ENTITY, Change.DELETED, id));
            return null;
        });
    }

    @Override
    public boolean canEdit(Dashboard dashboard) {
        return me().equals(dashboard.getOwner())
                && security.isPermitted(Action.UPDATE, Dashboard.ENTITY, dashboard.getOwner());
    }

    @Override
    public TileResult run(DashboardTile tile, DashboardFilter filter) {
        LocalDate today = LocalDate.now(clock);
        DateRange days = filter.range(tile.getPeriod(), today);
        ReportFilter reportFilter = filter.reportFilter(tile, days);
        ReportResult result = reports.run(tile.getReportId(), reportFilter);
        if (tile.getChart() != ChartKind.KPI) {
            return new TileResult(tile, reportFilter, result, null);
        }
        int column = kpiColumn(result, tile.getMetricId());
        if (column < 0) {
            return new TileResult(tile, reportFilter, result, null);
        }
        ReportColumn kpiColumn = result.columns().get(column);
        ReportResult before = reports.run(tile.getReportId(), filter.reportFilter(tile, DashboardPeriod.previous(days)));
        int beforeColumn = before.columnIndex(kpiColumn.id());
        TileResult.Kpi kpi = new TileResult.Kpi(kpiColumn.metricId(), kpiColumn.label(), figure(result, column, tile.getRowKey()),
                beforeColumn < 0 ? null : figure(before, beforeColumn, tile.getRowKey()), kpiColumn.unit(), result.currency());
        return new TileResult(tile, reportFilter, result, kpi);
    }

    /** The column of the tile's metric, else the first figure column; -1 if there is none. */
    static int kpiColumn(ReportResult result, String metricId) {
        int firstFigure = -1;
        for (int i = 0; i < result.columns().size(); i++) {
            ReportColumn c = result.columns().get(i);
            if (c.isDimension()) {
                continue;
            }
            if (c.metricId().equals(metricId)) {
                return i;
            }
            if (firstFigure < 0) {
                firstFigure = i;
            }
        }
        return firstFigure;
    }

    /**
     * One figure for a column: the value in the row with {@code rowKey} when given (zero if other rows are there
     * but not that one); else the value of a one-row result; for amounts and counts over several rows, their sum
     * (the rows are disjoint groups in one currency); otherwise none, since rates and averages do not add up.
     */
    static BigDecimal figure(ReportResult result, int column, String rowKey) {
        List<ReportRow> rows = result.rows();
        if (rowKey != null) {
            // no such row among others (no won deal among the closed ones): the figure is nought, not unknown
            return rows.stream().filter(r -> rowKey.equals(r.drillKey())).findFirst().map(r -> decimal(r.value(column)))
                    .orElse(rows.isEmpty() ? null : BigDecimal.ZERO);
        }
        if (rows.isEmpty()) {
            return null;
        }
        if (rows.size() == 1) {
            return decimal(rows.get(0).value(column));
        }
        Unit unit = result.columns().get(column).unit();
        if (unit != Unit.MONEY && unit != Unit.COUNT) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (ReportRow row : rows) {
            BigDecimal v = decimal(row.value(column));
            if (v != null) {
                sum = sum.add(v);
            }
        }
        return sum;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (value instanceof Integer i) {
            return BigDecimal.valueOf(i);
        }
        if (value instanceof Double d) {
            return d.isNaN() ? null : BigDecimal.valueOf(d);
        }
        return null;
    }

    private void ensureDefaults(String me) {
        long existing = unitOfWork.read(em -> em.createQuery(
                "SELECT COUNT(d) FROM Dashboard d WHERE d.owner = :me AND d.template IS NOT NULL", Long.class)
                .setParameter("me", me).getSingleResult());
        if (existing > 0) {
            addContributedTiles(me);
            return;
        }
        if (!security.isPermitted(Action.CREATE, Dashboard.ENTITY, null)) {
            return;
        }
        unitOfWork.write(em -> {
            Long mainPipeline = em.createQuery("SELECT p.id FROM Pipeline p WHERE p.active = TRUE ORDER BY p.position, p.id", Long.class)
                    .setMaxResults(1).getResultStream().findFirst().orElse(null);
            for (Dashboard d : DefaultDashboards.create(mainPipeline)) {
                persist(em, d);
            }
            return null;
        });
    }

    /**
     * The user's shipped dashboards get the tiles modules contributed after they were made (e.g. contracts' collected
     * revenue on a dashboard made before the contracts module was installed), once each. Read first; written only when
     * one of them lacks a contribution, so opening the dashboards stays a read.
     */
    private void addContributedTiles(String me) {
        List<Long> behind = unitOfWork.read(em -> em.createQuery("SELECT d FROM Dashboard d WHERE d.owner = :me AND d.template IS NOT NULL",
                Dashboard.class).setParameter("me", me).getResultList().stream().filter(d -> lacksContribution(d)).map(Dashboard::getId).toList());
        if (behind.isEmpty()) {
            return;
        }
        unitOfWork.write(em -> {
            for (Long id : behind) {
                Dashboard d = em.find(Dashboard.class, id);
                if (d != null && DefaultDashboards.addContributed(d)) {
                    DashboardLayout.reflow(d);
                    ownTiles(d);
                    em.flush();
                    unitOfWork.afterCommit(() -> events.publish(Dashboard.ENTITY, Change.UPDATED, id));
                }
            }
            return null;
        });
    }

    /** Whether a shipped dashboard was not yet given every tile contributed to its template. */
    private static boolean lacksContribution(Dashboard d) {
        java.util.Set<String> given = d.getContributedTiles() == null ? java.util.Set.of() : new java.util.HashSet<>(List.of(d.getContributedTiles().split(";")));
        return d.getContributedTiles() == null
                || DashboardTileContributions.contributions(d.getTemplate()).stream().anyMatch(c -> !given.contains(c.key()));
    }

    private Dashboard persist(EntityManager em, Dashboard dashboard) {
        DashboardLayout.reflow(dashboard);
        dashboard.setOwner(me());
        ownTiles(dashboard);
        em.persist(dashboard);
        em.flush();
        unitOfWork.afterCommit(() -> events.publish(Dashboard.ENTITY, Change.CREATED, dashboard.getId()));
        return dashboard;
    }

    private Dashboard change(long id, java.util.function.Consumer<Dashboard> edit) {
        return unitOfWork.write(em -> {
            Dashboard d = em.find(Dashboard.class, id);
            if (d == null) {
                throw notFound(id);
            }
            requireEditable(d);
            edit.accept(d);
            validate(d);
            em.flush();
            d.getTiles().size();
            unitOfWork.afterCommit(() -> events.publish(Dashboard.ENTITY, Change.UPDATED, id));
            return d;
        });
    }

    /** Tiles belong to their dashboard's owner (the audit columns still say who wrote them). */
    private static void ownTiles(Dashboard dashboard) {
        for (DashboardTile tile : dashboard.getTiles()) {
            tile.setOwner(dashboard.getOwner());
        }
    }

    private boolean isVisible(Dashboard d) {
        return (d.isShared() || me().equals(d.getOwner())) && security.isPermitted(Action.READ, Dashboard.ENTITY, d.getOwner());
    }

    private void requireEditable(Dashboard d) {
        security.check(Action.UPDATE, Dashboard.ENTITY, d.getOwner());
        if (!me().equals(d.getOwner())) {
            throw new AccessDeniedException(org.eclipse.osgi.util.NLS.bind(Messages.Dashboard_notOwner, d.getName(), d.getOwner()));
        }
    }

    private void validate(Dashboard d) {
        Validator v = new Validator();
        if (v.required("name", Messages.Dashboard_name, d.getName())) {
            v.maxLength("name", Messages.Dashboard_name, d.getName(), 100);
        }
        if (d.getColumns() < 1 || d.getColumns() > Dashboard.MAX_COLUMNS) {
            v.add("columns", Messages.Dashboard_columnsRange, Messages.Dashboard_columns, d.getColumns(), Dashboard.MAX_COLUMNS);
        }
        int n = 0;
        for (DashboardTile tile : d.getTiles()) {
            n++;
            String prefix = "tiles[" + (n - 1) + "].";
            String where = org.eclipse.osgi.util.NLS.bind(Messages.Tile_label, n);
            if (v.required(prefix + "title", where + " " + Messages.Tile_title, tile.getTitle())) {
                v.maxLength(prefix + "title", where + " " + Messages.Tile_title, tile.getTitle(), 200);
            }
            if (v.required(prefix + "reportId", where + " " + Messages.Tile_report, tile.getReportId())
                    && reports.report(tile.getReportId()).isEmpty()) {
                v.add(prefix + "reportId", Messages.Tile_unknownReport, where + " " + Messages.Tile_report, tile.getReportId());
            }
            v.required(prefix + "chart", where + " " + Messages.Tile_chart, tile.getChart());
        }
        v.throwIfInvalid();
    }

    private String me() {
        return security.currentUser().login();
    }

    private static IllegalArgumentException notFound(long id) {
        return new IllegalArgumentException(org.eclipse.osgi.util.NLS.bind(Messages.Dashboard_notFound, id));
    }
}
