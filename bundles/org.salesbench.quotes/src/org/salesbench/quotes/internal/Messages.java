package org.salesbench.quotes.internal;

import org.eclipse.osgi.util.NLS;

/** Field names, messages and document texts of products and quotes, as users read them. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.quotes.internal.messages";

    public static String RecycleBin_quotes;
    public static String RecycleBin_opportunityDeleted;
    public static String Product_code;
    public static String Product_name;
    public static String Product_unit;
    public static String Product_listPrice;
    public static String Product_taxRate;
    public static String Product_codeFormat;
    public static String Product_codeTaken;
    public static String Product_notFound;
    public static String Product_active;
    public static String Import_taxRate;
    public static String Import_codeDerived;
    public static String Import_unitDefault;
    public static String Import_taxRateDefault;
    public static String Quote_opportunity;
    public static String Quote_validUntil;
    public static String Quote_currency;
    public static String Quote_lines;
    public static String Quote_status;
    public static String Quote_notes;
    public static String Quote_notFound;
    public static String Quote_notDraft;
    public static String Quote_statusMove;
    public static String Quote_noLines;
    public static String Quote_currencyMismatch;
    public static String Line_label;
    public static String Line_product;
    public static String Line_quantity;
    public static String Line_unitPrice;
    public static String Line_discount;
    public static String Line_taxRate;
    public static String Line_description;
    public static String Validation_percentRange;
    public static String Validation_positive;
    public static String Validation_currency;
    public static String Status_DRAFT;
    public static String Status_IN_APPROVAL;
    public static String Status_APPROVED;
    public static String Status_SENT;
    public static String Status_ACCEPTED;
    public static String Status_REJECTED;
    public static String Approval_above;
    public static String Approval_within;
    public static String Document_title;
    public static String Document_reference;
    public static String Document_customer;
    public static String Document_opportunity;
    public static String Document_date;
    public static String Document_validUntil;
    public static String Document_status;
    public static String Document_preparedBy;
    public static String Document_lines;
    public static String Document_colNumber;
    public static String Document_colProduct;
    public static String Document_colQuantity;
    public static String Document_colUnitPrice;
    public static String Document_colDiscount;
    public static String Document_colTax;
    public static String Document_colAmount;
    public static String Document_subtotal;
    public static String Document_discount;
    public static String Document_net;
    public static String Document_tax;
    public static String Document_total;
    public static String Document_notes;
    public static String Document_footer;
    public static String Rule_quoteLabel;
    public static String Rule_quoteRefusal;
    public static String Quote_date;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }

    static String status(org.salesbench.quotes.QuoteStatus status) {
        return switch (status) {
            case DRAFT -> Status_DRAFT;
            case IN_APPROVAL -> Status_IN_APPROVAL;
            case APPROVED -> Status_APPROVED;
            case SENT -> Status_SENT;
            case ACCEPTED -> Status_ACCEPTED;
            case REJECTED -> Status_REJECTED;
        };
    }
}
