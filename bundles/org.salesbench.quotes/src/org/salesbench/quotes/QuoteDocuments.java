package org.salesbench.quotes;

import org.salesbench.documents.Document;
import org.salesbench.documents.DocumentException;

/** The printable quote: customer, lines and totals, rendered to PDF with Chinese text embedded. */
public interface QuoteDocuments {

    /** The quote as a document model (for a preview, or to add blocks before rendering). */
    Document document(long quoteId);

    /** The quote as PDF bytes. */
    byte[] renderPdf(long quoteId) throws DocumentException;
}
