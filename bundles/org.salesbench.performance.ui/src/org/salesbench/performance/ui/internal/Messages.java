package org.salesbench.performance.ui.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.salesbench.performance.targets.PeriodKind;

/** The performance views' texts, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.performance.ui.internal.messages"; //$NON-NLS-1$

    public static String MyPerformance_period;
    public static String MyPerformance_target;
    public static String MyPerformance_actual;
    public static String MyPerformance_percent;
    public static String MyPerformance_runRate;
    public static String MyPerformance_projection;
    public static String MyPerformance_remaining;
    public static String MyPerformance_noTarget;
    public static String MyPerformance_job;
    public static String MyPerformance_error;
    public static String MyPerformance_adviceNoTarget;
    public static String MyPerformance_adviceReached;
    public static String MyPerformance_adviceMissed;
    public static String MyPerformance_adviceOnTrack;
    public static String MyPerformance_adviceNeeded;
    public static String Period_YEAR;
    public static String Period_HALF;
    public static String Period_QUARTER;
    public static String Period_MONTH;
    public static String Targets_set;
    public static String Targets_splitEqually;
    public static String Targets_splitLastYear;
    public static String Targets_splitMonths;
    public static String Targets_refresh;
    public static String Targets_subject;
    public static String Targets_year;
    public static String Targets_check;
    public static String Targets_company;
    public static String Targets_job;
    public static String Targets_valueFor;
    public static String Targets_error;
    public static String Targets_notANumber;
    public static String Targets_reasonTitle;
    public static String Targets_reason;
    public static String Targets_reasonNeeded;
    public static String Targets_saveMonths;
    public static String Targets_cellNotANumber;
    public static String Targets_changedMeanwhile;
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
    public static String Score_whose;
    public static String Score_me;
    public static String Score_team;
    public static String Score_teamLive;
    public static String Statement_open;
    public static String Statement_closed;
    public static String Statement_none;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }

    static String periodKind(PeriodKind kind) {
        return switch (kind) {
            case YEAR -> Period_YEAR;
            case HALF -> Period_HALF;
            case QUARTER -> Period_QUARTER;
            case MONTH -> Period_MONTH;
        };
    }

    static String month(int month) {
        return Month.of(month).getDisplayName(TextStyle.SHORT, Locale.getDefault());
    }

    static String money(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance();
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value.setScale(2, RoundingMode.HALF_UP));
    }
}
