package org.salesbench.analytics.dashboards.internal;

import org.eclipse.osgi.util.NLS;

/** Field names, messages and default dashboard texts, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.analytics.dashboards.internal.messages";

    public static String Dashboard_name;
    public static String Dashboard_columns;
    public static String Dashboard_columnsRange;
    public static String Dashboard_notFound;
    public static String Dashboard_notOwner;
    public static String Filter_from;
    public static String Filter_to;
    public static String Tile_label;
    public static String Tile_title;
    public static String Tile_report;
    public static String Tile_chart;
    public static String Tile_unknownReport;
    public static String Default_sales;
    public static String Default_manager;
    public static String Tile_wonRevenue;
    public static String Tile_winRate;
    public static String Tile_wonDeals;
    public static String Tile_salesCycleByMonth;
    public static String Tile_funnel;
    public static String Tile_wonByMonth;
    public static String Tile_wonByOwner;
    public static String Tile_forecastByMonth;
    public static String Tile_forecastByCategory;
    public static String Tile_lossReasons;
    public static String Tile_pipelineTrend;
    public static String Tile_salesCycleByOwner;
    public static String Tile_customerProfile;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
