package org.salesbench.analytics.internal;

import org.eclipse.osgi.util.NLS;
import org.salesbench.opportunities.ForecastCategory;

/** Texts of reports, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.analytics.internal.messages";

    public static String Report_unknown;
    public static String Snapshot_job;
    public static String Report_broken;
    public static String Filter_from;
    public static String Filter_to;
    public static String Filter_by;
    public static String Note_otherCurrencies;
    public static String Group_none;
    public static String Dimension_owner;
    public static String Dimension_team;
    public static String Dimension_product;
    public static String Dimension_sector;
    public static String Dimension_region;
    public static String Dimension_month;
    public static String Dimension_industry;
    public static String Dimension_size;
    public static String Dimension_grade;
    public static String Dimension_value;
    public static String Dimension_reason;
    public static String Dimension_outcome;
    public static String Dimension_category;
    public static String Dimension_pipeline;
    public static String Dimension_stage;
    public static String Dimension_day;
    public static String Outcome_won;
    public static String Outcome_lostNoReason;
    public static String Band_none;
    public static String Band_small;
    public static String Band_medium;
    public static String Band_large;
    public static String Category_PIPELINE;
    public static String Category_BEST_CASE;
    public static String Category_COMMIT;
    public static String Category_CLOSED;
    public static String Category_OMITTED;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }

    /** The heading of a dimension column, e.g. "Owner" for {@code owner}. */
    public static String dimensionLabel(String dimension) {
        return switch (dimension) {
            case "owner" -> Dimension_owner;
            case "team" -> Dimension_team;
            case "product" -> Dimension_product;
            case "sector" -> Dimension_sector;
            case "region" -> Dimension_region;
            case "month" -> Dimension_month;
            case "industry" -> Dimension_industry;
            case "size" -> Dimension_size;
            case "grade" -> Dimension_grade;
            case "value" -> Dimension_value;
            case "reason" -> Dimension_reason;
            default -> dimension;
        };
    }

    /** The label of a value band 0–3 of the customer profile. */
    static String band(int band) {
        return switch (band) {
            case 0 -> Band_none;
            case 1 -> Band_small;
            case 2 -> Band_medium;
            default -> Band_large;
        };
    }

    static String categoryLabel(ForecastCategory category) {
        return switch (category) {
            case PIPELINE -> Category_PIPELINE;
            case BEST_CASE -> Category_BEST_CASE;
            case COMMIT -> Category_COMMIT;
            case CLOSED -> Category_CLOSED;
            case OMITTED -> Category_OMITTED;
        };
    }
}
