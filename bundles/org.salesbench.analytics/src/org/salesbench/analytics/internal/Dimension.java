package org.salesbench.analytics.internal;

import java.time.YearMonth;

import org.salesbench.analytics.ReportFilter;

/**
 * A way to group deals (alias {@code o}): the joins it needs, the SQL of the group's key and of its
 * label, and how a drill key turns back into a condition.
 */
record Dimension(String id, String join, String key, String label, Class<?> keyType) {

    /** The dimensions of won revenue, sales cycle and win/loss. */
    static Dimension of(String id, SqlDialect dialect) {
        return switch (id) {
            case "owner" -> new Dimension(id, "LEFT JOIN SB_USER du ON du.LOGIN = o.OWNER", "o.OWNER", "du.DISPLAY_NAME", String.class);
            // an owner in two teams counts in each; an owner in none is in the group without a team
            case "team" -> new Dimension(id, "LEFT JOIN SB_TEAM_MEMBER dm ON dm.LOGIN = o.OWNER LEFT JOIN SB_TEAM dt ON dt.ID = dm.TEAM_ID",
                    "dt.ID", "dt.NAME", Long.class);
            case "product" -> new Dimension(id, "LEFT JOIN {SB_PRODUCT} dp ON dp.ID = o.PRODUCT_ID", "dp.ID", "dp.NAME", Long.class);
            // an industry is stored as its code: labelled from the picklists' table in the user's language
            case "sector" -> new Dimension(id, "JOIN {SB_CUSTOMER} dc ON dc.ID = o.CUSTOMER_ID LEFT JOIN SB_PICKLIST_VALUE dpv"
                    + " ON dpv.LIST_ID = 'industry' AND dpv.CODE = dc.INDUSTRY", "dc.INDUSTRY", "COALESCE(dpv."
                    + ("zh".equals(java.util.Locale.getDefault().getLanguage()) ? "LABEL_ZH" : "LABEL_EN") + ", dc.INDUSTRY)", String.class);
            case "region" -> new Dimension(id, "JOIN {SB_CUSTOMER} dc ON dc.ID = o.CUSTOMER_ID", "dc.REGION", "dc.REGION", String.class);
            case "month" -> new Dimension(id, "", dialect.monthKey("o.CLOSED_ON"), dialect.monthKey("o.CLOSED_ON"), Integer.class);
            default -> throw new IllegalArgumentException("No dimension " + id);
        };
    }

    /** Adds the joins, and when grouping by team under a team filter, keeps to that team. */
    void joinTo(Sql sql, ReportFilter filter) {
        sql.join(join);
        if (id.equals("team") && filter.teamId() != null) {
            sql.where("dt.ID = ?", filter.teamId());
        }
    }

    /** Groups {@code sql} by this dimension: selects key and label first. */
    void groupBy(Sql sql) {
        sql.select(key).select(label).groupBy(key);
        if (!label.equals(key)) {
            sql.groupBy(label);
        }
    }

    /**
     * Whether the groups can be formed before the join: the owner's label (the user's name) depends on the key alone, so
     * the deals are grouped by owner first and only one row per owner is joined to {@code SB_USER}.
     */
    boolean groupsBeforeJoin() {
        return id.equals("owner");
    }

    /**
     * {@code sql} (no join of this dimension yet) grouped by the key with {@code aggregates}, then joined to the labels:
     * a query of key, label and the aggregates in order, with {@code sql}'s parameters. Only when
     * {@link #groupsBeforeJoin()}.
     */
    Sql groupedThenJoined(Sql sql, String... aggregates) {
        if (!groupsBeforeJoin()) {
            throw new IllegalStateException(id + " is labelled through its joins, not by its key");
        }
        sql.select(key + " AS G_KEY");
        for (int i = 0; i < aggregates.length; i++) {
            sql.select(aggregates[i] + " AS G_" + i);
        }
        sql.groupBy(key);
        // SB_USER is published by the users module for reporting
        Sql joined = new Sql("(" + sql + ") g LEFT JOIN SB_USER du ON du.LOGIN = g.G_KEY", sql.parameters().toArray());
        joined.select("g.G_KEY").select("du.DISPLAY_NAME");
        for (int i = 0; i < aggregates.length; i++) {
            joined.select("g.G_" + i);
        }
        return joined;
    }

    /** Limits {@code sql} to the group with {@code drillKey}. */
    void restrict(Sql sql, String drillKey) {
        if (SqlReport.NONE_KEY.equals(drillKey)) {
            sql.where(key + " IS NULL");
        } else if (keyType == Long.class) {
            sql.where(key + " = ?", Long.valueOf(drillKey));
        } else if (keyType == Integer.class) {
            sql.where(key + " = ?", Integer.valueOf(drillKey));
        } else {
            sql.where(key + " = ?", drillKey);
        }
    }

    /** What users read for a group. */
    String labelOf(Object keyValue, Object labelValue) {
        if (keyValue == null) {
            return Messages.Group_none;
        }
        if (id.equals("month")) {
            int yyyymm = ((Number) keyValue).intValue();
            return YearMonth.of(yyyymm / 100, yyyymm % 100).toString();
        }
        return labelValue == null ? keyValue.toString() : labelValue.toString();
    }
}
