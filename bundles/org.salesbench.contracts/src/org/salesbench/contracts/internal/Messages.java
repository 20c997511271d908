package org.salesbench.contracts.internal;

import org.eclipse.osgi.util.NLS;
import org.salesbench.contracts.ContractStatus;

/** Field names, messages and status names of contracts, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.contracts.internal.messages";

    public static String Contract_number;
    public static String Contract_numberTaken;
    public static String Contract_imported;
    public static String Contract_title;
    public static String Contract_customer;
    public static String Contract_currency;
    public static String Contract_amount;
    public static String Contract_lines;
    public static String Contract_startDate;
    public static String Contract_endDate;
    public static String Contract_signedOn;
    public static String Contract_reason;
    public static String Contract_status;
    public static String Contract_owner;
    public static String Contract_notFound;
    public static String Contract_opportunityNotFound;
    public static String Contract_opportunityNotWon;
    public static String Contract_opportunityNoAmount;
    public static String Contract_quoteNotFound;
    public static String Contract_quoteNotAgreed;
    public static String Contract_productNotFound;
    public static String Contract_notDraft;
    public static String RecycleBin_contracts;
    public static String Renew_status;
    public static String Template_empty;
    public static String Template_nameBlank;
    public static String Template_nameTooLong;
    public static String Template_nameTaken;
    public static String Template_nameReserved;
    public static String Template_badLang;
    public static String Template_notFound;
    public static String Template_shippedReadOnly;
    public static String Template_noTeamSettings;
    public static String Setting_defaultEn;
    public static String Setting_defaultZh;
    public static String Setting_noneChosen;
    public static String Setting_shipped;
    public static String Attachment_fileName;
    public static String Attachment_empty;
    public static String Attachment_tooLarge;
    public static String Attachment_notFound;
    public static String Attachment_kind;
    public static String Attachment_writeFailed;
    public static String Attachment_noFolder;
    public static String Attachment_missing;
    public static String Attachment_changed;
    public static String Attachment_badFolder;
    public static String Renewal_exists;
    public static String Renewal_name;
    public static String Renewal_noPipeline;
    public static String Template_problem;
    public static String Renew_noTerm;
    public static String Renew_already;
    public static String RecycleBin_customerDeleted;
    public static String RecycleBin_moneyCollected;
    public static String Contract_badCurrency;
    public static String Contract_noLines;
    public static String Contract_positive;
    public static String Contract_percent;
    public static String Contract_zeroAmount;
    public static String Contract_noApprovalNeeded;
    public static String Contract_pending;
    public static String Contract_nobody;
    public static String Contract_rejectNeedsComment;
    public static String Contract_recalled;
    public static String Contract_deletedInApproval;
    public static String Contract_signedInFuture;
    public static String Contract_illegalMove;
    public static String Contract_signBeforeApproval;
    public static String Contract_finalState;
    public static String Contract_allowedMoves;
    public static String Line_label;
    public static String Line_description;
    public static String Line_quantity;
    public static String Line_unitPrice;
    public static String Line_discount;
    public static String Line_taxRate;
    public static String Number_seqDigits;
    public static String Number_unknownPlaceholder;
    public static String Number_oneSeq;
    public static String Number_tooLong;
    public static String Number_badText;
    public static String Status_DRAFT;
    public static String Status_IN_APPROVAL;
    public static String Status_APPROVED;
    public static String Status_SIGNED;
    public static String Status_ACTIVE;
    public static String Status_COMPLETED;
    public static String Status_TERMINATED;
    public static String Status_EXPIRED;
    public static String Status_CANCELLED;
    public static String Merge_notThere;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }

    /** A status as users read it. */
    public static String status(ContractStatus status) {
        return switch (status) {
            case DRAFT -> Status_DRAFT;
            case IN_APPROVAL -> Status_IN_APPROVAL;
            case APPROVED -> Status_APPROVED;
            case SIGNED -> Status_SIGNED;
            case ACTIVE -> Status_ACTIVE;
            case COMPLETED -> Status_COMPLETED;
            case TERMINATED -> Status_TERMINATED;
            case EXPIRED -> Status_EXPIRED;
            case CANCELLED -> Status_CANCELLED;
        };
    }
}
