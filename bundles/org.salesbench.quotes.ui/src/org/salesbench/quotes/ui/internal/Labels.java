package org.salesbench.quotes.ui.internal;

import java.text.NumberFormat;
import java.util.Currency;

import org.salesbench.core.model.Money;
import org.salesbench.quotes.QuoteStatus;

/** Quote values as users read them. */
final class Labels {

    private Labels() {
    }

    static String of(QuoteStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case DRAFT -> Messages.QuoteStatus_draft;
            case IN_APPROVAL -> Messages.QuoteStatus_inApproval;
            case APPROVED -> Messages.QuoteStatus_approved;
            case SENT -> Messages.QuoteStatus_sent;
            case ACCEPTED -> Messages.QuoteStatus_accepted;
            case REJECTED -> Messages.QuoteStatus_rejected;
        };
    }

    /** The amount with its currency symbol and cents, as on a quote. */
    static String moneyExact(Money money) {
        if (money == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance();
        format.setCurrency(Currency.getInstance(money.getCurrency()));
        return format.format(money.getAmount());
    }
}
