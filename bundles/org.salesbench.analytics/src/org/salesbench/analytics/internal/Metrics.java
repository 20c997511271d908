package org.salesbench.analytics.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.salesbench.analytics.Metric;
import org.salesbench.analytics.Unit;

/**
 * Every metric's one definition: its id, unit, the records it counts (the table, the condition
 * that defines its population and the date that places a record in a period) and the SQL aggregate
 * that computes it. Reports take their SQL from here and nowhere else.
 * <p>
 * An aggregate is written so that several metrics can share one query: {@code {pop}} stands for the
 * metric's population, so rows outside it add nothing even when the query selects a wider set;
 * {@code {days}} stands for the dialect's day count from ENGAGED_ON to CLOSED_ON.
 */
public enum Metrics {
    /** won revenue = sum of the amounts of the deals won in the period, by won date */
    WON_REVENUE("won_revenue", Unit.MONEY, Source.OPPORTUNITY, "SUM(CASE WHEN {pop} THEN o.AMOUNT END)", "o.STATE = 'WON'", Period.CLOSED_ON),
    WON_COUNT("won_count", Unit.COUNT, Source.OPPORTUNITY, "COUNT(CASE WHEN {pop} THEN 1 END)", "o.STATE = 'WON'", Period.CLOSED_ON),
    LOST_COUNT("lost_count", Unit.COUNT, Source.OPPORTUNITY, "COUNT(CASE WHEN {pop} THEN 1 END)", "o.STATE = 'LOST'", Period.CLOSED_ON),
    LOST_AMOUNT("lost_amount", Unit.MONEY, Source.OPPORTUNITY, "SUM(CASE WHEN {pop} THEN o.AMOUNT END)", "o.STATE = 'LOST'", Period.CLOSED_ON),
    /** win rate = won / (won + lost), of the deals closed in the period */
    WIN_RATE("win_rate", Unit.PERCENT, Source.OPPORTUNITY,
            "CAST(COUNT(CASE WHEN {pop} AND o.STATE = 'WON' THEN 1 END) AS DOUBLE PRECISION) * 100 / NULLIF(COUNT(CASE WHEN {pop} THEN 1 END), 0)",
            "o.STATE IN ('WON', 'LOST')", Period.CLOSED_ON),
    CLOSED_COUNT("closed_count", Unit.COUNT, Source.OPPORTUNITY, "COUNT(CASE WHEN {pop} THEN 1 END)", "o.STATE IN ('WON', 'LOST')", Period.CLOSED_ON),
    CLOSED_AMOUNT("closed_amount", Unit.MONEY, Source.OPPORTUNITY, "SUM(CASE WHEN {pop} THEN o.AMOUNT END)", "o.STATE IN ('WON', 'LOST')", Period.CLOSED_ON),
    /** a group's closed_count divided by the closed_count of all groups; not an SQL aggregate of its own */
    CLOSED_SHARE("closed_share", Unit.PERCENT, Source.OPPORTUNITY, null, "o.STATE IN ('WON', 'LOST')", Period.CLOSED_ON),
    /** average sales cycle = mean days from engaged to won, of the deals won in the period */
    SALES_CYCLE_DAYS("sales_cycle_days", Unit.DAYS, Source.OPPORTUNITY, "AVG(CASE WHEN {pop} THEN CAST({days} AS DOUBLE PRECISION) END)",
            "o.STATE = 'WON' AND o.ENGAGED_ON IS NOT NULL", Period.CLOSED_ON),
    /**
     * deals whose selling began in the period and that reached the stage: the furthest stage in a
     * deal's history (a lost stage aside, see {@link #REACHED_POSITION}) is at or after it, so a deal
     * that skipped a stage counts in it. Counted per pipeline and furthest position, then summed per stage.
     */
    STAGE_REACHED("stage_reached", Unit.COUNT, Source.OPPORTUNITY, "COUNT(*)",
            "o.STATE IS NOT NULL", Period.ENGAGED_ON),
    /** stage_reached of the next stage divided by stage_reached of this one */
    STAGE_CONVERSION("stage_conversion", Unit.PERCENT, Source.OPPORTUNITY, null, "o.STATE IS NOT NULL", Period.ENGAGED_ON),
    /**
     * weighted amount = sum of amount × probability / 100 of the deals not lost, by expected close
     * month: the definition of the opportunities' ForecastService, which the forecast report delegates to
     */
    WEIGHTED_AMOUNT("weighted_amount", Unit.MONEY, Source.OPPORTUNITY, "SUM(CASE WHEN {pop} THEN o.AMOUNT * o.PROBABILITY END) / 100",
            "o.STATE <> 'LOST'", Period.CLOSE_MONTH),
    FORECAST_AMOUNT("forecast_amount", Unit.MONEY, Source.OPPORTUNITY, "SUM(CASE WHEN {pop} THEN o.AMOUNT END)", "o.STATE <> 'LOST'", Period.CLOSE_MONTH),
    FORECAST_COUNT("forecast_count", Unit.COUNT, Source.OPPORTUNITY, "COUNT(CASE WHEN {pop} THEN 1 END)", "o.STATE <> 'LOST'", Period.CLOSE_MONTH),
    /** the open pipeline now: what a snapshot records */
    PIPELINE_AMOUNT("pipeline_amount", Unit.MONEY, Source.OPPORTUNITY, "SUM(CASE WHEN {pop} THEN o.AMOUNT END)", "o.STATE = 'OPEN'", Period.NONE),
    OPEN_COUNT("open_count", Unit.COUNT, Source.OPPORTUNITY, "COUNT(CASE WHEN {pop} THEN 1 END)", "o.STATE = 'OPEN'", Period.NONE),
    /** the snapshots' pipeline_amount and open_count, per snapshot day */
    SNAPSHOT_AMOUNT("snapshot_amount", Unit.MONEY, Source.SNAPSHOT, "SUM(s.AMOUNT)", "1 = 1", Period.SNAPSHOT_DAY),
    SNAPSHOT_COUNT("snapshot_count", Unit.COUNT, Source.SNAPSHOT, "SUM(s.DEAL_COUNT)", "1 = 1", Period.SNAPSHOT_DAY),
    /** customers created in the period, per owner */
    NEW_CUSTOMERS("new_customers", Unit.COUNT, Source.CUSTOMER, "COUNT(*)", "1 = 1", Period.CUSTOMER_CREATED),
    /** activities that took place in the period, per owner of the activity */
    ACTIVITIES("activities", Unit.COUNT, Source.ACTIVITY, "COUNT(*)", "1 = 1", Period.ACTIVITY_OCCURRED),
    /** customers in a segment, whenever created */
    CUSTOMER_COUNT("customer_count", Unit.COUNT, Source.CUSTOMER, "COUNT(*)", "1 = 1", Period.NONE);

    /** The records a metric counts, by table alias, with the columns the filters use. */
    public enum Source {
        OPPORTUNITY("{SB_OPPORTUNITY} o", "o.OWNER", "o.PIPELINE_ID", "o.DELETED_AT IS NULL"),
        CUSTOMER("{SB_CUSTOMER} c", "c.OWNER", null, "c.DELETED_AT IS NULL"),
        ACTIVITY("{SB_ACTIVITY} a", "a.OWNER", null, "a.DELETED_AT IS NULL"),
        SNAPSHOT("SB_PIPELINE_SNAPSHOT s", "s.OWNER", "s.PIPELINE_ID", null);

        final String table;
        final String ownerColumn;
        final String pipelineColumn;
        /** What leaves out the records in the recycle bin (they count in no report); null when the source has none. */
        final String notDeleted;

        Source(String table, String ownerColumn, String pipelineColumn, String notDeleted) {
            this.table = table;
            this.ownerColumn = ownerColumn;
            this.pipelineColumn = pipelineColumn;
            this.notDeleted = notDeleted;
        }
    }

    /** The date that places a record in a period, and its kind. */
    public enum Period {
        NONE(null, Kind.NONE),
        CLOSED_ON("o.CLOSED_ON", Kind.DATE),
        ENGAGED_ON("o.ENGAGED_ON", Kind.DATE),
        CLOSE_MONTH("o.CLOSE_MONTH", Kind.MONTH),
        SNAPSHOT_DAY("s.SNAPSHOT_DAY", Kind.DATE),
        CUSTOMER_CREATED("c.CREATED_AT", Kind.TIMESTAMP),
        ACTIVITY_OCCURRED("a.OCCURRED_AT", Kind.TIMESTAMP);

        enum Kind {
            NONE, DATE, TIMESTAMP,
            /** a yyyymm number: the period covers the months of its first and last day */
            MONTH
        }

        final String column;
        final Kind kind;

        Period(String column, Kind kind) {
            this.column = column;
            this.kind = kind;
        }

        /** Limits {@code sql} to the period {@code from}–{@code to} (either may be null: open). */
        void apply(Sql sql, LocalDate from, LocalDate to) {
            switch (kind) {
                case NONE -> {
                }
                case DATE -> {
                    if (from != null) {
                        sql.where(column + " >= ?", from);
                    }
                    if (to != null) {
                        sql.where(column + " <= ?", to);
                    }
                }
                case TIMESTAMP -> {
                    if (from != null) {
                        sql.where(column + " >= ?", from.atStartOfDay());
                    }
                    if (to != null) {
                        sql.where(column + " < ?", to.plusDays(1).atStartOfDay());
                    }
                }
                case MONTH -> {
                    if (from != null) {
                        sql.where(column + " >= ?", from.getYear() * 100 + from.getMonthValue());
                    }
                    if (to != null) {
                        sql.where(column + " <= ?", to.getYear() * 100 + to.getMonthValue());
                    }
                }
            }
        }
    }

    /**
     * The furthest stage position a deal reached (a lost stage aside): the highest POSITION of a non-lost
     * stage in its stage history, NULL before any. The database keeps it on every history insert
     * (trigger SB_HISTORY_REACHED) and the pipeline service recomputes it when stages are reordered.
     */
    static final String REACHED_POSITION = "o.REACHED_POSITION";

    private final String id;
    private final Unit unit;
    private final Source source;
    private final String aggregate;
    private final String population;
    private final Period period;

    Metrics(String id, Unit unit, Source source, String aggregate, String population, Period period) {
        this.id = id;
        this.unit = unit;
        this.source = source;
        this.aggregate = aggregate;
        this.population = population;
        this.period = period;
    }

    public String id() {
        return id;
    }

    public Unit unit() {
        return unit;
    }

    public Source source() {
        return source;
    }

    public Period period() {
        return period;
    }

    /** The condition a record meets to count, without the period. */
    public String population() {
        return population;
    }

    /** The SQL aggregate in the dialect; {@code null} for a ratio the report divides from other metrics. */
    public String aggregate(SqlDialect dialect) {
        if (aggregate == null) {
            return null;
        }
        return aggregate.replace("{pop}", "(" + population + ")").replace("{days}", dialect.daysBetween("o.ENGAGED_ON", "o.CLOSED_ON"));
    }

    /**
     * The record fields the figure is computed from, as field rules name them (entity, then fields): a user whose
     * roles hide one of them may not see the figure, since a total tells what the rows hide.
     */
    public java.util.Map<String, java.util.Set<String>> fieldsRead() {
        if (aggregate == null || source == Source.CUSTOMER || source == Source.ACTIVITY) {
            return java.util.Map.of();
        }
        java.util.Set<String> fields = new java.util.TreeSet<>();
        if (aggregate.contains("AMOUNT")) {
            fields.add("amount"); // a snapshot's amount is the deals' amounts of that day
        }
        if (aggregate.contains("PROBABILITY")) {
            fields.add("probability");
        }
        return fields.isEmpty() ? java.util.Map.of() : java.util.Map.of(OPPORTUNITY_ENTITY, fields);
    }

    /** The security name of the opportunity records the opportunity and snapshot sources count. */
    static final String OPPORTUNITY_ENTITY = org.salesbench.opportunities.Opportunity.ENTITY;

    public Metric metric(Locale locale) {
        String label = MetricTexts.text(id + ".label", locale);
        String definition = MetricTexts.text(id + ".definition", locale);
        return new Metric(id, label == null ? id : label, definition == null ? "" : definition, unit);
    }

    public static Optional<Metrics> find(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
