package org.salesbench.contracts.internal.receivables;

import org.eclipse.osgi.util.NLS;

/** The texts of money in on contracts: refusals, reminders, reports and the receivables command. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.contracts.internal.receivables.messages";

    public static String Field_amount;
    public static String Ageing_job;
    public static String Receipt_creditMethod;
    public static String Transfer_contract;
    public static String Transfer_opportunity;
    public static String Transfer_owner;
    public static String Transfer_title;
    public static String Transfer_startDate;
    public static String Transfer_endDate;
    public static String Transfer_status;
    public static String Transfer_signedOn;
    public static String Transfer_badStatus;
    public static String Transfer_amountPositive;
    public static String Transfer_noOpportunity;
    public static String Transfer_importedAsDraft;
    public static String Transfer_customerFixed;
    public static String Transfer_amountLines;
    public static String Transfer_planRowsApart;
    public static String Transfer_currency;
    public static String Transfer_noContract;
    public static String Transfer_due;
    public static String Transfer_badMethod;
    public static String Transfer_percent;
    public static String Transfer_description;
    public static String Transfer_amountOrPercent;
    public static String Credit_noInstalment;
    public static String Credit_moreThanOpen;
    public static String Credit_moreThanCredit;
    public static String Reverse_creditSpent;
    public static String Command_creditApplied;
    public static String Field_date;
    public static String Field_method;
    public static String Field_number;
    public static String Field_reason;
    public static String Field_receivedOn;
    public static String Field_reference;
    public static String Field_tax;
    public static String Contract_unknown;
    public static String Plan_empty;
    public static String Plan_instalment;
    public static String Plan_amountOrPercent;
    public static String Plan_dueDate;
    public static String Plan_positive;
    public static String Plan_percentRange;
    public static String Plan_currency;
    public static String Plan_percentSum;
    public static String Plan_sum;
    public static String Plan_reasonRequired;
    public static String Plan_closed;
    public static String Receipt_notApproved;
    public static String Receipt_positive;
    public static String Receipt_currency;
    public static String Receipt_unknown;
    public static String Reverse_ofReversal;
    public static String Reverse_already;
    public static String Invoice_notApproved;
    public static String Invoice_unknown;
    public static String Invoice_transition;
    public static String Invoice_numberTaken;
    public static String Invoice_instalment;
    public static String Invoice_taxExceeds;
    public static String Reminder_instalmentOverdue;
    public static String Reminder_contractExpiring;
    public static String Ageing_title;
    public static String Ageing_notDue;
    public static String Ageing_0_30;
    public static String Ageing_31_60;
    public static String Ageing_61_90;
    public static String Ageing_over90;
    public static String Ageing_open;
    public static String Collected_title;
    public static String Collected_collected;
    public static String Collected_planned;
    public static String Collected_share;
    public static String Collected_receivables;
    public static String Collected_dso;
    public static String Collected_tooManyMonths;
    public static String Dimension_customer;
    public static String Dimension_owner;
    public static String Dimension_team;
    public static String Dimension_month;
    public static String Report_noTeam;
    public static String Report_none;
    public static String Report_otherCurrencies;
    public static String Arg_contract;
    public static String Arg_customer;
    public static String Arg_invoice;
    public static String Arg_receipt;
    public static String Command_help;
    public static String Command_missingAction;
    public static String Command_unknownAction;
    public static String Command_refused;
    public static String Command_badNumber;
    public static String Command_badDate;
    public static String Command_badInstalment;
    public static String Command_badMethod;
    public static String Command_badCurrency;
    public static String Command_missingOption;
    public static String Command_noInstalment;
    public static String Command_received;
    public static String Command_reversed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
