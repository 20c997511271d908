package org.salesbench.quotes.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.salesbench.documents.DocumentRenderer;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.internal.QuoteDocumentsImpl;

/** The quote PDF through the real document renderer (the DS service of org.salesbench.documents). */
class QuoteDocumentsTest {

    private final QuoteFixture fx = new QuoteFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static DocumentRenderer renderer() throws Exception {
        Bundle documents = FrameworkUtil.getBundle(DocumentRenderer.class);
        if (documents.getBundleContext() == null) {
            documents.start();
        }
        ServiceTracker<DocumentRenderer, DocumentRenderer> tracker = new ServiceTracker<>(documents.getBundleContext(),
                DocumentRenderer.class, null);
        tracker.open();
        DocumentRenderer renderer = tracker.waitForService(10_000);
        assertNotNull(renderer, "DocumentRenderer service");
        return renderer;
    }

    @Test
    void theQuotePdfCarriesTheChineseCustomerNameLinesAndTotals() throws Exception {
        Product erp = fx.product("ERP-STD", "ERP 标准版（含三年维保）", "98000", "13");
        Product days = fx.product("SVC-DAY", "实施服务", "2500", "6");
        Quote quote = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "1", "98000", "5", "13"),
                QuoteFixture.line(days, "20", "2500", "0", "6")));
        fx.quotes.submitForApproval(quote.getId());

        byte[] pdf = new QuoteDocumentsImpl(fx.quotes, renderer()).renderPdf(quote.getId());

        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains(QuoteFixture.CUSTOMER_NAME), "Chinese customer name in the PDF text:\n" + text);
        assertTrue(text.contains("ERP 标准版（含三年维保）"), text);
        assertTrue(text.contains("实施服务"), text);
        assertTrue(text.contains("¥158,203.00"), "grand total:\n" + text);
        assertTrue(text.contains("¥15,103.00"), "tax total:\n" + text);
        assertTrue(text.contains("Q-" + fx.opportunity.getId() + "-1"), "quote reference:\n" + text);
        assertTrue(text.contains("MES 二期 rollout"), "opportunity name:\n" + text);
        assertTrue(text.contains("Page 1 of 1"), text);
    }
}
