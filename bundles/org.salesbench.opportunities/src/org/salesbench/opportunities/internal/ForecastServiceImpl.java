package org.salesbench.opportunities.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.security.FieldMask;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.model.Money;
import org.salesbench.opportunities.ForecastCategory;
import org.salesbench.opportunities.ForecastQuery;
import org.salesbench.opportunities.ForecastRow;
import org.salesbench.opportunities.ForecastService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.SoftDeletion;
import org.salesbench.persistence.UnitOfWork;

/**
 * The weighted forecast as one GROUP BY over the opportunities (served by IX_SB_OPP_FORECAST
 * without touching the table); weighting is SUM(AMOUNT × PROBABILITY) / 100, rounded once per
 * cell to the currency's minor unit.
 */
@Component(service = ForecastService.class)
public class ForecastServiceImpl implements ForecastService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final UnitOfWork unitOfWork;
    private final SecurityService security;

    @Activate
    public ForecastServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security) {
        this.unitOfWork = unitOfWork;
        this.security = security;
    }

    @Override
    public List<ForecastRow> forecast(ForecastQuery q) {
        security.check(Action.READ, Opportunity.ENTITY, null);
        String group = switch (q.grouping()) {
            case NONE -> null;
            case OWNER -> "o.OWNER";
            case TEAM -> "t.NAME";
            case PIPELINE -> "o.PIPELINE_ID";
        };
        boolean teams = group != null && group.startsWith("t.") || q.teamId() != null;
        StringBuilder sql = new StringBuilder("SELECT o.CLOSE_MONTH, o.FORECAST_CATEGORY, ").append(group == null ? "CAST(NULL AS VARCHAR(1))" : group)
                .append(", o.CURRENCY, COUNT(*), SUM(o.AMOUNT), SUM(o.AMOUNT * o.PROBABILITY) FROM {SB_OPPORTUNITY} o");
        if (teams) {
            sql.append(" JOIN SB_TEAM_MEMBER m ON m.LOGIN = o.OWNER JOIN SB_TEAM t ON t.ID = m.TEAM_ID");
        }
        List<Object> params = new ArrayList<>();
        sql.append(" WHERE o.CLOSE_MONTH BETWEEN ? AND ? AND o.STATE <> 'LOST' AND ").append(SoftDeletion.notDeleted("o"));
        params.add(month(q.from()));
        params.add(month(q.to()));
        if (q.pipelineId() != null) {
            sql.append(" AND o.PIPELINE_ID = ?");
            params.add(q.pipelineId());
        }
        if (q.owner() != null) {
            sql.append(" AND o.OWNER = ?");
            params.add(q.owner());
        }
        if (q.teamId() != null) {
            sql.append(" AND t.ID = ?");
            params.add(q.teamId());
        }
        // grouped in the order of IX_SB_OPP_FORECAST (month, category, currency) so the plain forecast needs no sort
        sql.append(" GROUP BY o.CLOSE_MONTH, o.FORECAST_CATEGORY, o.CURRENCY").append(group == null ? "" : ", " + group);
        sql.append(" ORDER BY o.CLOSE_MONTH, o.FORECAST_CATEGORY").append(group == null ? "" : ", " + group).append(", o.CURRENCY");
        // a hidden amount leaves the forecast its counts: the sums, weighted or not, would tell the amounts
        boolean amountHidden = FieldMask.of(security, Opportunity.ENTITY).hides("amount");
        return unitOfWork.read(em -> {
            Query query = MaskingViews.query(em, sql.toString());
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            Map<Long, String> pipelineLabels = new HashMap<>();
            if (q.grouping() == org.salesbench.opportunities.ForecastGrouping.PIPELINE) {
                em.createQuery("SELECT p FROM Pipeline p", Pipeline.class).getResultList().forEach(p -> pipelineLabels.put(p.getId(), p.getLabel()));
            }
            List<ForecastRow> rows = new ArrayList<>();
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                int yyyymm = ((Number) r[0]).intValue();
                String groupValue = r[2] == null ? null
                        : r[2] instanceof Number n ? pipelineLabels.getOrDefault(n.longValue(), String.valueOf(n)) : (String) r[2];
                String currency = (String) r[3];
                BigDecimal amount = (BigDecimal) r[5];
                // a masking view reads a hidden amount (and its currency) as NULL, so its sums are NULL too
                boolean blank = amountHidden || amount == null || r[6] == null || currency == null;
                rows.add(new ForecastRow(YearMonth.of(yyyymm / 100, yyyymm % 100), ForecastCategory.valueOf((String) r[1]), groupValue,
                        ((Number) r[4]).longValue(), blank ? null : Money.of(amount, currency),
                        blank ? null : Money.of(((BigDecimal) r[6]).divide(HUNDRED), currency)));
            }
            return rows;
        });
    }

    private static int month(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }
}
