package org.salesbench.performance.internal.kpi;

import org.eclipse.osgi.util.NLS;

/** Messages of the KPIs, scorecards, assessments and commissions, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.performance.internal.kpi.messages";

    public static String Kpi_unknown;
    public static String Kpi_failed;
    public static String Kpi_unknownTeam;
    public static String Rating_range;
    public static String Rating_reason;
    public static String Rating_own;
    public static String Rating_unknownUser;
    public static String Scorecard_name;
    public static String Scorecard_period;
    public static String Scorecard_noLines;
    public static String Scorecard_weights;
    public static String Scorecard_weight;
    public static String Scorecard_target;
    public static String Scorecard_cap;
    public static String Scorecard_kpiTarget;
    public static String Scorecard_steps;
    public static String Scorecard_threshold;
    public static String Scorecard_published;
    public static String Scorecard_publishTooLate;
    public static String Scorecard_notFound;
    public static String Scorecard_notPublished;
    public static String Scorecard_overlap;
    public static String Scorecard_newVersionPeriod;
    public static String Assessment_notFound;
    public static String Assessment_alreadyRun;
    public static String Assessment_periodOutside;
    public static String Assessment_reason;
    public static String Assessment_notYours;
    public static String Assessment_answered;
    public static String Assessment_appealNote;
    public static String Award_nobody;
    public static String Award_reason;
    public static String Award_name;
    public static String Commission_name;
    public static String Commission_rate;
    public static String Commission_multiplier;
    public static String Commission_tierOrder;
    public static String Commission_period;
    public static String Commission_target;
    public static String Commission_notFound;
    public static String Commission_notYours;
    public static String Commission_won;
    public static String Commission_collected;
    public static String Commission_reversal;
    public static String Commission_reopened;
    public static String Command_help;
    public static String Command_missingAction;
    public static String Command_unknownAction;
    public static String Command_badPeriod;
    public static String Command_noPlan;
    public static String Command_refused;
    public static String Command_unknownKpi;
    public static String Leaderboard_help;
    public static String Leaderboard_what;

    public static String Export_needsOutput;
    public static String Export_noFolder;
    public static String Export_failed;
    public static String Export_written;
    public static String Export_rank;
    public static String Export_user;
    public static String Export_award;
    public static String Export_source;
    public static String Export_kpi;
    public static String Export_score;
    public static String Export_reason;
    public static String Export_date;
    public static String Export_kind;
    public static String Export_description;
    public static String Export_amount;
    public static String Export_rate;
    public static String Export_multiplier;
    public static String Export_commission;
    public static String Leaderboard_title;
    public static String Awards_title;
    public static String Statement_title;

    public static String Scorecard_teamEmpty;
    public static String ScorecardCommand_help;
    public static String ScorecardCommand_teamOrUser;
    public static String ScorecardCommand_badTemplate;
    public static String ScorecardCommand_noTemplate;
    public static String ScorecardCommand_unknownTeam;
    public static String ScorecardCommand_total;
    public static String ScorecardCommand_final;
    public static String ScorecardCommand_closed;
    public static String ScorecardCommand_live;
    public static String ScorecardCommand_title;
    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
