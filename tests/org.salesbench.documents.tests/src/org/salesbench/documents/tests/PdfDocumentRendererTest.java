package org.salesbench.documents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.salesbench.documents.Block.Column;
import org.salesbench.documents.Block.Entry;
import org.salesbench.documents.Document;
import org.salesbench.documents.DocumentRenderer;
import org.salesbench.documents.internal.PdfDocumentRenderer;

/** Renders real PDFs with PDFBox and reads them back with PDFBox's own text extraction. */
class PdfDocumentRendererTest {

    private static final String CUSTOMER = "上海星辰数据科技有限公司";

    private final DocumentRenderer renderer = new PdfDocumentRenderer();

    static Document quoteLike(int rows) {
        List<List<String>> lines = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            lines.add(List.of(String.valueOf(i), "CRM 专业版 licence " + i, "10", "¥1,200.00", "¥12,000.00"));
        }
        return Document.builder("报价单 Quotation Q-2026-0007")
                .subtitle("Salesbench 销售管理 · valid until 2026-12-31")
                .keyValues("客户 Customer", new Entry("客户名称", CUSTOMER), new Entry("Contact", "李伟 Li Wei"),
                        new Entry("Address", "上海市浦东新区张江路 88 号, Building 3, a long address that has to wrap onto a second line to fit"))
                .table("明细 Lines",
                        List.of(Column.right("#", 0.5f), Column.left("产品 Product", 4), Column.right("数量 Qty", 1),
                                Column.right("单价 Unit price", 1.6f), Column.right("金额 Amount", 1.6f)),
                        lines)
                .totals(new Entry("小计 Subtotal", "¥12,000.00"), new Entry("税额 Tax 13%", "¥1,560.00"),
                        new Entry("合计 Total", "¥13,560.00"))
                .paragraph("本报价单有效期至 2026-12-31。Prices are in CNY and include delivery.")
                .footer("Salesbench 报价 · " + CUSTOMER)
                .build();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void chineseAndEnglishTextComesBackOutOfThePdf() throws Exception {
        byte[] pdf = renderer.renderPdf(quoteLike(3));

        String text = text(pdf);
        assertTrue(text.contains(CUSTOMER), "Chinese customer name in the extracted text:\n" + text);
        assertTrue(text.contains("报价单 Quotation Q-2026-0007"), text);
        assertTrue(text.contains("CRM 专业版 licence 2"), text);
        assertTrue(text.contains("¥13,560.00"), text);
        assertTrue(text.contains("Page 1 of 1"), "page number in the footer:\n" + text);
    }

    @Test
    void theCjkFontIsEmbeddedAsATrueTypeSubset() throws Exception {
        byte[] pdf = renderer.renderPdf(quoteLike(3));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertEquals(1, fonts.size(), "one font for Chinese and Latin");
            PDType0Font font = assertInstanceOf(PDType0Font.class, fonts.get(0));
            assertTrue(font.isEmbedded(), "font embedded");
            PDCIDFontType2 cid = assertInstanceOf(PDCIDFontType2.class, font.getDescendantFont());
            assertNotNull(cid.getFontDescriptor().getFontFile2(), "TrueType font program (FontFile2) in the PDF");
            assertTrue(font.getName().matches("[A-Z]{6}\\+WenQuanYiMicroHei"), "a subset of the bundled font: " + font.getName());
        }
        assertTrue(pdf.length < 200_000, "only a subset is embedded, not the 5 MB font: " + pdf.length);
        assertTrue(renderer.fontOrigin().startsWith("bundle:"), renderer.fontOrigin());
    }

    @Test
    void aLongTableRunsOverPagesWithItsHeaderRepeatedAndPagesNumbered() throws Exception {
        byte[] pdf = renderer.renderPdf(quoteLike(120));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 3, "120 rows need several pages: " + pages);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(doc);
            assertTrue(second.contains("产品 Product"), "header row repeated on page 2:\n" + second);
            assertTrue(second.contains("Page 2 of " + pages), second);
            String all = new PDFTextStripper().getText(doc);
            assertTrue(all.contains("CRM 专业版 licence 120"), "last row is there");
            assertTrue(all.contains("¥13,560.00"), "totals after the table");
        }
    }

    @Test
    void aLongChineseValueWrapsInsteadOfRunningOffThePage() throws Exception {
        String longName = "北京".repeat(60) + "有限公司";
        byte[] pdf = renderer.renderPdf(Document.builder("Wrap").keyValues(null, new Entry("客户", longName)).build());

        String text = text(pdf).replace("\n", "").replace("\r", "");
        assertTrue(text.contains(longName), "every character kept across the wrapped lines");
        assertTrue(text(pdf).lines().filter(l -> l.contains("北京")).count() >= 2, "wrapped onto several lines");
    }

    @Test
    void aCharacterTheFontLacksIsReplacedNotFatal() throws Exception {
        byte[] pdf = renderer.renderPdf(Document.builder("Emoji \uD83D\uDE00 test").paragraph("签约 \uD83D\uDC4D done").build());

        String text = text(pdf);
        assertTrue(text.contains("Emoji ? test"), text);
        assertTrue(text.contains("签约 ? done"), text);
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefusedNamingTheTable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Document.builder("x").table("明细", List.of(Column.left("A", 1), Column.right("B", 1)),
                        List.of(List.of("a", "b"), List.of("only one"))));
        assertTrue(e.getMessage().contains("明细") && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void theRendererIsADeclarativeService() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(PdfDocumentRenderer.class).getBundleContext();
        if (context == null) {
            FrameworkUtil.getBundle(PdfDocumentRenderer.class).start();
            context = FrameworkUtil.getBundle(PdfDocumentRenderer.class).getBundleContext();
        }
        ServiceTracker<DocumentRenderer, DocumentRenderer> tracker = new ServiceTracker<>(context, DocumentRenderer.class, null);
        tracker.open();
        try {
            DocumentRenderer service = tracker.waitForService(10_000);
            assertNotNull(service, "DocumentRenderer registered by DS");
            assertTrue(text(service.renderPdf(quoteLike(1))).contains(CUSTOMER));
        } finally {
            tracker.close();
        }
    }
}
