package org.salesbench.opportunities.winprobability.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.salesbench.opportunities.SeedNames;
import org.salesbench.opportunities.winprobability.ClosedDeal;
import org.salesbench.opportunities.winprobability.DealFeatures;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.PicklistValue;
import org.salesbench.persistence.Picklists;

/**
 * Reads model features with SQL, one row per opportunity, never loading entities. A closed deal
 * is described as it was when it closed: the stage it left for the closing stage (from the stage
 * history), its age on the closing day, the activities on its customer between creation and the
 * closing move. Closed deals without such a history row (e.g. imported already closed) carry no
 * stage information and are left out.
 */
final class TrainingData {

    /** An open opportunity's features and facts the service needs besides. */
    record OpenDeal(DealFeatures features, String owner, boolean closed) {
    }

    private static final String CLOSED = """
            SELECT o.STATE, o.CREATED_AT, o.CLOSED_ON, h.MOVED_AT, o.AMOUNT, o.SOURCE, src.LABEL_EN, src.LABEL_ZH,
                   COALESCE(o.INDUSTRY, c.INDUSTRY), s.NAME, s.NAME_KEY, s.PROBABILITY,
                   (SELECT COUNT(*) FROM {SB_ACTIVITY} a
                     WHERE a.CUSTOMER_ID = o.CUSTOMER_ID AND a.OCCURRED_AT >= o.CREATED_AT AND a.OCCURRED_AT <= h.MOVED_AT)
              FROM {SB_OPPORTUNITY} o
              JOIN {SB_CUSTOMER} c ON c.ID = o.CUSTOMER_ID
              JOIN SB_STAGE_HISTORY h ON h.OPPORTUNITY_ID = o.ID AND h.TO_STAGE_ID = o.STAGE_ID
              JOIN SB_STAGE s ON s.ID = h.FROM_STAGE_ID
              LEFT JOIN SB_PICKLIST_VALUE src ON src.LIST_ID = 'leadSource' AND src.CODE = o.SOURCE
             WHERE o.STATE IN ('WON', 'LOST') AND s.KIND = 'OPEN' AND o.DELETED_AT IS NULL
               AND h.MOVED_AT = (SELECT MAX(h2.MOVED_AT) FROM SB_STAGE_HISTORY h2
                                  WHERE h2.OPPORTUNITY_ID = o.ID AND h2.TO_STAGE_ID = o.STAGE_ID)
             ORDER BY h.MOVED_AT DESC, o.ID DESC""";

    private static final String ONE = """
            SELECT o.STATE, o.CREATED_AT, o.OWNER, o.AMOUNT, o.SOURCE, src.LABEL_EN, src.LABEL_ZH,
                   COALESCE(o.INDUSTRY, c.INDUSTRY), s.NAME, s.NAME_KEY, s.PROBABILITY,
                   (SELECT COUNT(*) FROM {SB_ACTIVITY} a WHERE a.CUSTOMER_ID = o.CUSTOMER_ID AND a.OCCURRED_AT >= o.CREATED_AT)
              FROM {SB_OPPORTUNITY} o
              JOIN {SB_CUSTOMER} c ON c.ID = o.CUSTOMER_ID
              JOIN SB_STAGE s ON s.ID = o.STAGE_ID
              LEFT JOIN SB_PICKLIST_VALUE src ON src.LIST_ID = 'leadSource' AND src.CODE = o.SOURCE
             WHERE o.ID = ?""";

    /** The most closed deals a model learns from. */
    static final int MAX_DEALS = 50_000;

    private TrainingData() {
    }

    /**
     * The closed deals with a known last open stage, at most {@value #MAX_DEALS} of the latest
     * (recent deals say more about how the team sells now, and memory stays bounded), in the order
     * they closed.
     */
    @SuppressWarnings("unchecked")
    static List<ClosedDeal> closedDeals(EntityManager em) {
        List<Object[]> rows = MaskingViews.query(em, CLOSED).setMaxResults(MAX_DEALS).getResultList();
        List<ClosedDeal> deals = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            LocalDate created = date(row[1]);
            LocalDate closed = row[2] != null ? date(row[2]) : date(row[3]);
            DealFeatures features = new DealFeatures(SeedNames.label((String) row[10], (String) row[9]), percent(row[11]),
                    ChronoUnit.DAYS.between(created, closed), (BigDecimal) row[4], sourceLabel(row[5], row[6], row[7]), (String) row[8],
                    ((Number) row[12]).intValue());
            deals.add(new ClosedDeal(features, "WON".equals(row[0])));
        }
        Collections.reverse(deals);
        return deals;
    }

    /** One opportunity as of {@code today}, if it exists. */
    @SuppressWarnings("unchecked")
    static Optional<OpenDeal> opportunity(EntityManager em, long id, LocalDate today) {
        List<Object[]> rows = MaskingViews.query(em, ONE).setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(row -> new OpenDeal(new DealFeatures(SeedNames.label((String) row[9], (String) row[8]),
                percent(row[10]), ChronoUnit.DAYS.between(date(row[1]), today), (BigDecimal) row[3], sourceLabel(row[4], row[5], row[6]),
                (String) row[7], ((Number) row[11]).intValue()), (String) row[2], !"OPEN".equals(row[0])));
    }

    private static double percent(Object value) {
        return Math.max(0, Math.min(100, ((Number) value).intValue())) / 100.0;
    }

    /** The source's label as users read it (the leadSource picklist's); the stored code when it is not (or no longer) a value of it. */
    private static String sourceLabel(Object code, Object labelEn, Object labelZh) {
        if (code == null) {
            return null;
        }
        return labelEn == null && labelZh == null ? (String) code
                : new PicklistValue(Picklists.LEAD_SOURCE, (String) code, (String) labelEn, (String) labelZh, 0, true, false).label();
    }

    static LocalDate date(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        throw new IllegalArgumentException("Not a date: " + value);
    }
}
