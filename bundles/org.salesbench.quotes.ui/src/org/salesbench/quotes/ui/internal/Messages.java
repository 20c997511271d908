package org.salesbench.quotes.ui.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.quotes.ui.internal.messages";

    public static String CustomerQuotes_count;
    public static String CustomerQuotes_loading;
    public static String CustomerQuotes_opportunity;
    public static String Field_notANumber;
    public static String Field_required;
    public static String Job_exportPdf;
    public static String Job_loadQuotes;
    public static String QuoteDialog_addLine;
    public static String QuoteDialog_discount;
    public static String QuoteDialog_message;
    public static String QuoteDialog_product;
    public static String QuoteDialog_quantity;
    public static String QuoteDialog_tax;
    public static String QuoteDialog_title;
    public static String QuoteDialog_totals;
    public static String QuoteDialog_unitPrice;
    public static String QuoteStatus_accepted;
    public static String QuoteStatus_approved;
    public static String QuoteStatus_draft;
    public static String QuoteStatus_inApproval;
    public static String QuoteStatus_rejected;
    public static String QuoteStatus_sent;
    public static String Quotes_approve;
    public static String Quotes_cannotWrite;
    public static String Quotes_count;
    public static String Quotes_exportPdf;
    public static String Quotes_exported;
    public static String Quotes_fileName;
    public static String Quotes_lines;
    public static String Quotes_markAccepted;
    public static String Quotes_markRejected;
    public static String Quotes_markSent;
    public static String Quotes_net;
    public static String Quotes_open;
    public static String QuoteDialog_shownTitle;
    public static String QuoteDialog_shownHeading;
    public static String QuoteDialog_shownMessage;
    public static String QuoteDialog_detailsTab;
    public static String Quotes_new;
    public static String Quotes_newVersion;
    public static String Quotes_nowStatus;
    public static String Quotes_reason;
    public static String Quotes_refuse;
    public static String Quotes_refuseWhy;
    public static String Quotes_rejectedWhy;
    public static String Quotes_selectFirst;
    public static String Quotes_status;
    public static String Quotes_submit;
    public static String Quotes_total;
    public static String Quotes_validUntil;
    public static String Quotes_version;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
