package org.salesbench.analytics.internal;

import java.time.LocalDate;
import java.util.Objects;

import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.UnitOfWork;

/**
 * Writes the daily pipeline snapshot the pipeline trend report reads: per pipeline, stage, owner and
 * currency the open deals' count and amount ({@link Metrics#OPEN_COUNT}, {@link Metrics#PIPELINE_AMOUNT})
 * in one INSERT…SELECT, replacing the snapshot of the same day.
 */
public final class PipelineSnapshots {

    /** Security entity name of the snapshots. */
    static final String ENTITY = "pipelineSnapshot";

    private PipelineSnapshots() {
    }

    public static int snapshot(UnitOfWork unitOfWork, SecurityService security, LocalDate day) {
        Objects.requireNonNull(day, "day");
        security.check(Action.CREATE, ENTITY, null);
        SqlDialect dialect = SqlDialect.of(unitOfWork.settings());
        String insert = "INSERT INTO SB_PIPELINE_SNAPSHOT (SNAPSHOT_DAY, PIPELINE_ID, STAGE_ID, OWNER, CURRENCY, DEAL_COUNT, AMOUNT)"
                + " SELECT CAST(? AS DATE), o.PIPELINE_ID, o.STAGE_ID, o.OWNER, o.CURRENCY, " + Metrics.OPEN_COUNT.aggregate(dialect)
                + ", COALESCE(" + Metrics.PIPELINE_AMOUNT.aggregate(dialect) + ", 0) FROM {SB_OPPORTUNITY} o WHERE " + Metrics.OPEN_COUNT.population()
                + " AND o.CURRENCY IS NOT NULL AND " + Metrics.Source.OPPORTUNITY.notDeleted + " GROUP BY o.PIPELINE_ID, o.STAGE_ID, o.OWNER, o.CURRENCY";
        return unitOfWork.write(em -> {
            MaskingViews.query(em, "DELETE FROM SB_PIPELINE_SNAPSHOT WHERE SNAPSHOT_DAY = ?").setParameter(1, Sql.jdbc(day)).executeUpdate();
            return MaskingViews.query(em, insert).setParameter(1, Sql.jdbc(day)).executeUpdate();
        });
    }
}
