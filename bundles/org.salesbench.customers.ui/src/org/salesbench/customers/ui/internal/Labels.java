package org.salesbench.customers.ui.internal;

import org.salesbench.customers.ActivityType;
import org.salesbench.persistence.Picklists;
import org.salesbench.ui.Services;
import org.salesbench.customers.CustomerStatus;

/** How enum values and dates read in the user's language. */
final class Labels {

    private Labels() {
    }

    /** A satisfaction rating 1-5 with what it means ("4 - satisfied"); empty when not rated. */
    static String satisfaction(Integer rating) {
        if (rating == null) {
            return "";
        }
        return switch (rating) {
            case 1 -> Messages.Satisfaction_1;
            case 2 -> Messages.Satisfaction_2;
            case 3 -> Messages.Satisfaction_3;
            case 4 -> Messages.Satisfaction_4;
            case 5 -> Messages.Satisfaction_5;
            default -> Integer.toString(rating);
        };
    }

    static String of(CustomerStatus status) {
        if (status == null) {
            return "";
        }
        String edited = picklistLabel(Picklists.CUSTOMER_STATUS, status.name());
        if (edited != null) {
            return edited;
        }
        return switch (status) {
            case PROSPECT -> Messages.Status_prospect;
            case ACTIVE -> Messages.Status_active;
            case DORMANT -> Messages.Status_dormant;
            case LOST -> Messages.Status_lost;
        };
    }

    /** A company size's label (its code stored), empty for none. */
    static String size(String code) {
        return code == null ? "" : Industries.label(Picklists.COMPANY_SIZE, code);
    }

    /** A decision role's label (its code stored), empty for none. */
    static String role(String code) {
        return code == null ? "" : Industries.label(Picklists.DECISION_ROLE, code);
    }

    /** A source's label (a lead source's code stored), empty for none. */
    static String source(String code) {
        return code == null ? "" : Industries.label(Picklists.LEAD_SOURCE, code);
    }

    static String of(ActivityType type) {
        if (type == null) {
            return "";
        }
        String edited = picklistLabel(Picklists.ACTIVITY_TYPE, type.name());
        if (edited != null) {
            return edited;
        }
        return switch (type) {
            case CALL -> Messages.Activity_call;
            case VISIT -> Messages.Activity_visit;
            case EMAIL -> Messages.Activity_email;
            case MEETING -> Messages.Activity_meeting;
            case NOTE -> Messages.Activity_note;
        };
    }

    /**
     * The label an administrator gave a fixed value in the picklists (Preferences › Picklists), in the user's language;
     * {@code null} when there is none to ask (no database open) and the shipped label is shown.
     */
    private static String picklistLabel(String list, String code) {
        try {
            return Services.get(Picklists.class).find(list, code).map(v -> v.label()).orElse(null);
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
