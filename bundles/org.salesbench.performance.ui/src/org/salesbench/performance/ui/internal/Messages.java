package org.salesbench.performance.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The performance views' texts. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.performance.ui.internal.messages"; //$NON-NLS-1$

    public static String Period_label;
    public static String Period_hint;
    public static String Period_bad;
    public static String Show;
    public static String Loading;
    public static String Export_csv;
    public static String Export_title;
    public static String Export_done;
    public static String Export_failed;
    public static String Column_kpi;
    public static String Column_definition;
    public static String Column_weight;
    public static String Column_curve;
    public static String Column_target;
    public static String Column_value;
    public static String Column_score;
    public static String Column_weighted;
    public static String Column_date;
    public static String Column_kind;
    public static String Column_description;
    public static String Column_amount;
    public static String Column_rate;
    public static String Column_multiplier;
    public static String Column_commission;
    public static String Value_none;
    public static String Curve_linear;
    public static String Curve_capped;
    public static String Curve_stepped;
    public static String Kind_credit;
    public static String Kind_clawback;
    public static String Score_live;
    public static String Score_frozen;
    public static String Score_adjusted;
    public static String Score_none;
    public static String Statement_open;
    public static String Statement_closed;
    public static String Statement_none;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
