package org.salesbench.opportunities.ui.internal;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;

import org.salesbench.core.model.Money;
import org.salesbench.opportunities.DuplicateReason;
import org.salesbench.opportunities.ForecastCategory;
import org.salesbench.opportunities.LeadStatus;
import org.salesbench.opportunities.StageKind;

/** How enum values, money and dates read in the user's language. */
final class Labels {

    private Labels() {
    }

    static String of(LeadStatus status) {
        if (status == null) {
            return "";
        }
        // a fixed list: an administrator may have renamed the label (Preferences > Picklists)
        try {
            String edited = org.salesbench.ui.Services.get(org.salesbench.persistence.Picklists.class)
                    .find(org.salesbench.persistence.Picklists.LEAD_STATUS, status.name()).map(v -> v.label()).orElse(null);
            if (edited != null) {
                return edited;
            }
        } catch (IllegalStateException noDatabase) {
            // the shipped label
        }
        return switch (status) {
            case NEW -> Messages.LeadStatus_new;
            case WORKING -> Messages.LeadStatus_working;
            case QUALIFIED -> Messages.LeadStatus_qualified;
            case DISQUALIFIED -> Messages.LeadStatus_disqualified;
            case CONVERTED -> Messages.LeadStatus_converted;
        };
    }

    static String of(StageKind kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case OPEN -> Messages.StageKind_open;
            case WON -> Messages.StageKind_won;
            case LOST -> Messages.StageKind_lost;
        };
    }

    static String of(ForecastCategory category) {
        if (category == null) {
            return "";
        }
        return switch (category) {
            case PIPELINE -> Messages.Forecast_pipeline;
            case BEST_CASE -> Messages.Forecast_bestCase;
            case COMMIT -> Messages.Forecast_commit;
            case CLOSED -> Messages.Forecast_closed;
            case OMITTED -> Messages.Forecast_omitted;
        };
    }

    /** A company size's label (its code stored, picklist companySize), empty for none. */
    static String size(String code) {
        return code == null ? "" : org.salesbench.ui.Services.get(org.salesbench.persistence.Picklists.class)
                .label(org.salesbench.persistence.Picklists.COMPANY_SIZE, code);
    }

    static String of(DuplicateReason reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case CREDIT_CODE -> Messages.Duplicate_creditCode;
            case PHONE -> Messages.Duplicate_phone;
            case EMAIL -> Messages.Duplicate_email;
            case NAME -> Messages.Duplicate_name;
        };
    }

    /** The amount with its currency symbol and no cents, e.g. ¥1,250,000. */
    static String money(Money money) {
        if (money == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance();
        format.setCurrency(Currency.getInstance(money.getCurrency()));
        format.setMaximumFractionDigits(0);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(money.getAmount());
    }

    /** Several totals (one per currency) on one line. */
    static String money(List<Money> totals) {
        return totals == null ? "" : totals.stream().map(Labels::money).collect(Collectors.joining(" + "));
    }

    /** The amount as typed in a field: plain digits with the cents, no grouping. */
    static String amount(Money money) {
        return money == null ? "" : money.getAmount().stripTrailingZeros().toPlainString();
    }

    static String percent(int value) {
        return value + " %";
    }
}
