package org.salesbench.analytics.output.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of charts and report files, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.analytics.output.internal.messages";

    public static String Chart_noData;
    public static String Chart_none;
    public static String Chart_tooltip;
    public static String Chart_pieTooltip;
    public static String Filter_period;
    public static String Filter_since;
    public static String Filter_until;
    public static String Filter_allTime;
    public static String Filter_owner;
    public static String Filter_team;
    public static String Filter_pipeline;
    public static String Filter_by;
    public static String Filter_separator;
    public static String Export_empty;
    public static String Export_footer;
    public static String Export_failed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
